from pathlib import Path

from newsloom.eval.summarization import evaluate_summarization
from newsloom.eval.summary_baselines import lead_summary, mmr_summary
from newsloom.settings import Settings

DAM = Path(__file__).parent / "data" / "summarization_dam_update_two_batches.jsonl"

# Three invented reports of one ferry strike: two outlets retell the walkout, one adds the talks.
FERRY = [
    {
        "text": (
            "Ferry crews in Port Halden walked out on Monday over rota changes.\n\n"
            "The union said forty sailings were cancelled.\n\nOk then."
        )
    },
    {
        "text": (
            "Ferry crews in Port Halden walked out on Monday over new rota changes.\n\n"
            "Talks with the operator resume on Thursday in the harbour office."
        )
    },
    {"text": "Passengers queued for buses instead.\n\nThe strike may spread to the north route."},
]


def test_lead_takes_sentence_one_of_every_document_before_any_sentence_two() -> None:
    assert lead_summary(FERRY, 30) == [
        "Ferry crews in Port Halden walked out on Monday over rota changes.",
        "Ferry crews in Port Halden walked out on Monday over new rota changes.",
        "Passengers queued for buses instead.",
    ]
    assert lead_summary(FERRY, 5) == [
        "Ferry crews in Port Halden walked out on Monday over rota changes."
    ]


def test_mmr_skips_the_retold_walkout_and_short_fragments_and_reads_in_document_order() -> None:
    chosen = mmr_summary(FERRY, 30)
    # The two tellings of the walkout share nearly every word: MMR keeps one of them.
    walkouts = [s for s in chosen if s.startswith("Ferry crews")]
    assert len(walkouts) == 1
    assert "Ok then." not in chosen  # under four words: never a candidate
    assert sum(len(s.split()) for s in chosen) >= 30
    order = [next(d for d, doc in enumerate(FERRY) if s in doc["text"]) for s in chosen]
    assert order == sorted(order)


def test_mmr_of_stop_words_only_is_empty() -> None:
    assert mmr_summary([{"text": "It is what it is and was."}], 20) == []
    assert mmr_summary([{"text": ""}], 20) == []


def test_eval_prints_the_baselines_beside_newsloom_in_one_run() -> None:
    result = evaluate_summarization(DAM, Settings(), words=40, baselines=True, progress=False)
    assert set(result["baselines"]) == {"mmr", "lead"}
    for scores in result["baselines"].values():
        assert set(scores) == {"rouge1", "rouge2", "rougeLsum", "rouge2_recall"}
        assert 0 < scores["rouge1"] <= 100
    assert "baselines" not in evaluate_summarization(DAM, Settings(), words=40, progress=False)
