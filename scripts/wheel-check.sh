#!/usr/bin/env bash
# Issue 19's wheel test: build newsloom's wheel, install it into a clean venv with a plain
# `pip install` (no editable checkout, no --no-deps extras), and run the demo newsroom from it.
# Proves that the tokenizer, the pinned model package and every imported distribution come with
# the wheel. Usage: bash scripts/wheel-check.sh [PYTHON]   (CI runs it from .ci/run)
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${1:-.venv/bin/python}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$PYTHON" -m build --wheel --outdir "$work/dist" . >"$work/build.log" 2>&1 \
  || { cat "$work/build.log" >&2; exit 1; }
wheel="$(ls "$work"/dist/newsloom-*.whl)"
# The wheel carries the tokenizer and no test or data files of the repository.
"$PYTHON" - "$wheel" <<'PY'
import sys, zipfile
names = zipfile.ZipFile(sys.argv[1]).namelist()
assert "newsloom/cluster/model/tokenizer.json" in names, "tokenizer.json missing from the wheel"
assert not [n for n in names if n.startswith("tests/")], "tests packaged"
print(f"wheel-check: {len(names)} files in {sys.argv[1].rsplit('/', 1)[-1]}")
PY

"$PYTHON" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet --upgrade pip
"$work/venv/bin/python" -m pip install --quiet "$wheel"
# Run from an empty directory so nothing of the checkout can be imported by accident.
mkdir "$work/run"
cd "$work/run"
"$work/venv/bin/newsloom" --data-dir "$work/run/data" demo --no-serve | tail -3
"$work/venv/bin/python" - <<'PY'
import newsloom, pathlib
where = pathlib.Path(newsloom.__file__).resolve()
assert "site-packages" in str(where), f"newsloom imported from {where}, not the wheel"
print(f"wheel-check: ok ({where.parent})")
PY
