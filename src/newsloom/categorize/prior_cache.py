"""The prototypes' vectors, kept on disk between processes.

Every process that categorizes embeds the same few hundred prototype texts first (~1 s of CPU,
a tenth of a refresh's story step on a small run). They depend only on the texts and the
embedding model, so they are stored next to the model's own cache (``int8model.cache_dir``),
under a name derived from both: changed prototypes or another model never read old vectors. The
file's SHA-256 is stored beside it and checked at every read; a file that fails the check, or
a cache that cannot be written, only means embedding again.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import numpy as np


def _model_identity() -> str:
    """What the vectors depend on besides the texts: the model id (it changes whenever vectors
    would), the derived model's recipe and library versions, and the tokenizer file."""
    from newsloom.cluster.embed import MODEL_ID, TOKENIZER_PATH
    from newsloom.cluster.int8model import RECIPE, _versions

    tokenizer = hashlib.sha256(TOKENIZER_PATH.read_bytes()).hexdigest()
    return f"{MODEL_ID}|{RECIPE}|{_versions()}|{tokenizer}"


def _path(texts: list[str], directory: Path) -> Path:
    key = hashlib.sha256(json.dumps([_model_identity(), texts]).encode()).hexdigest()
    return directory / f"prototype-vectors-{key[:32]}.npy"


def _read(path: Path, rows: int) -> np.ndarray | None:
    try:
        data = path.read_bytes()
        stamp = path.with_name(path.name + ".sha256").read_text().strip()
    except OSError:
        return None
    if stamp != hashlib.sha256(data).hexdigest():
        return None
    try:
        vectors = np.load(io.BytesIO(data), allow_pickle=False)
    except ValueError:
        return None
    if vectors.dtype != np.float32 or vectors.ndim != 2 or vectors.shape[0] != rows:
        return None
    return vectors


def _write(path: Path, vectors: np.ndarray) -> None:
    buffer = io.BytesIO()
    np.save(buffer, vectors, allow_pickle=False)
    data = buffer.getvalue()
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=path.parent) as work:
        built, stamp = Path(work) / "vectors.npy", Path(work) / "vectors.sha256"
        built.write_bytes(data)
        stamp.write_text(hashlib.sha256(data).hexdigest() + "\n")
        # The stamp last: a reader meeting the new file with the old stamp embeds again.
        os.replace(built, path)
        os.replace(stamp, path.with_name(path.name + ".sha256"))


def cached_vectors(
    texts: list[str],
    embed: Callable[[list[str]], np.ndarray],
    directory: Path | None = None,
) -> np.ndarray:
    """``embed(texts)`` (float32, one row per text), read from the cache when it holds them."""
    from newsloom.cluster.int8model import cache_dir

    try:
        path = _path(texts, directory or cache_dir())
    except (OSError, RuntimeError):  # no tokenizer file to hash, no home directory
        return np.asarray(embed(texts), dtype=np.float32)
    found = _read(path, len(texts))
    if found is not None:
        return found
    vectors = np.asarray(embed(texts), dtype=np.float32)
    # A read-only or full cache: embedding again next time is all it costs.
    with contextlib.suppress(OSError):
        _write(path, vectors)
    return vectors
