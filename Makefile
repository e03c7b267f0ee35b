# Every target creates .venv and installs into it when it is missing or older than pyproject.toml.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8000

.PHONY: install demo test test-fast lint format clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: install
	$(BIN)/newsloom demo --port $(PORT)

test: install
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

# The quick lane while editing: no browser, Ray, process-kill, PostgreSQL or other slow tests.
# `make test` (what CI runs) stays the complete suite.
test-fast: install
	env -u NEWSLOOM_TEST_PG_URL $(BIN)/python -m pytest -q -m "not slow and not browser" $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy
	$(BIN)/lint-imports  # the package layers of docs/architecture.md ([tool.importlinter])

format: install
	$(BIN)/ruff format src tests
	$(BIN)/ruff check --fix src tests

clean:
	rm -rf $(VENV) build dist *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
