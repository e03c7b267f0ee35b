"""The int8-arithmetic model: built once per cache, checked at every load, never run if changed."""

from pathlib import Path

import pytest

from newsloom.cluster import int8model
from newsloom.cluster.embed import MODEL_SHA256, default_model_files
from newsloom.errors import ClusterError


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NEWSLOOM_MODEL_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _built(cache: Path) -> list[Path]:
    return sorted(cache.glob("minilm-*.onnx"))


def test_the_model_is_built_once_then_read_from_the_cache(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, _ = default_model_files()
    first = int8model.int8_model_bytes(source, MODEL_SHA256)
    [path] = _built(cache)
    assert path.read_bytes() == first
    assert (path.parent / (path.name + ".sha256")).is_file()
    assert not list(cache.glob("tmp*"))  # the build's work directory is gone

    def no_second_build(source: Path, target: Path) -> None:
        raise AssertionError("rebuilt although the cached file is intact")

    monkeypatch.setattr(int8model, "_quantize", no_second_build)
    assert int8model.int8_model_bytes(source, MODEL_SHA256) == first


def test_a_cached_file_changed_on_disk_is_rebuilt_not_run(cache: Path) -> None:
    source, _ = default_model_files()
    good = int8model.int8_model_bytes(source, MODEL_SHA256)
    [path] = _built(cache)
    path.write_bytes(b"tampered")
    assert int8model.int8_model_bytes(source, MODEL_SHA256) == good
    assert path.read_bytes() == good


def test_without_a_writable_cache_the_model_is_built_privately(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("NEWSLOOM_MODEL_CACHE", str(blocker / "cache"))
    source, _ = default_model_files()
    model = int8model.int8_model_bytes(source, MODEL_SHA256)
    assert model[:2] and len(model) > 10_000_000  # a whole model, and nothing written
    assert blocker.read_text() == "not a directory"


def test_a_source_that_is_no_model_is_a_cluster_error(cache: Path, tmp_path: Path) -> None:
    source = tmp_path / "model.onnx"
    source.write_bytes(b"not a model")
    with pytest.raises(ClusterError, match=r"^cluster: cannot build the int8 embedding model"):
        int8model.int8_model_bytes(source, "0" * 64)
    assert not _built(cache)
