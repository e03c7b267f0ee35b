"""``bench refresh`` over a small labelled set: the real refresh path is timed, and the stories it
makes are scored against the gold labels beside ``eval clustering``'s on the same documents."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsloom.bench.refresh import gold_labels, load_articles, run_refresh_bench
from newsloom.settings import Settings

# Three events, each reported by three outlets in their own words (written for this test).
EVENTS = {
    "bridge": [
        (
            "Harlow river bridge closed after barge strike",
            "The Harlow river bridge was closed to traffic on Monday after a grain barge struck "
            "one of its piers. Engineers from the county roads office said the pier had moved by "
            "four centimetres. Drivers face a detour of twelve kilometres through Felling.",
        ),
        (
            "Barge hits Harlow bridge pier, road shut",
            "A grain barge hit a pier of the Harlow river bridge on Monday morning and the county "
            "roads office shut the bridge. Inspectors measured a shift of four centimetres in the "
            "pier. Traffic is being sent through Felling, a detour of twelve kilometres.",
        ),
        (
            "Harlow bridge to stay shut for weeks after barge crash",
            "County engineers expect the Harlow river bridge to stay closed for several weeks after "
            "Monday's barge strike moved a pier by four centimetres. The barge's owner, Ostbank "
            "Grain, said its crew had lost steering in the current near Felling.",
        ),
    ],
    "orchestra": [
        (
            "Medway Youth Orchestra wins Lindqvist prize",
            "The Medway Youth Orchestra won the Lindqvist prize for young ensembles on Saturday in "
            "Arnhall with a performance of Sibelius's second symphony. Conductor Petra Vos said the "
            "ninety players had rehearsed every weekend since March.",
        ),
        (
            "Young Medway players take the Lindqvist prize in Arnhall",
            "Ninety musicians of the Medway Youth Orchestra took the Lindqvist prize in Arnhall on "
            "Saturday. Their conductor, Petra Vos, chose Sibelius's second symphony for the final "
            "round, and the jury praised the brass section.",
        ),
        (
            "Lindqvist prize goes to Medway Youth Orchestra",
            "Judges in Arnhall gave the Lindqvist prize to the Medway Youth Orchestra on Saturday. "
            "Petra Vos, who has led the orchestra for six years, said the prize money would pay for "
            "a tour of Norway next summer.",
        ),
    ],
    "vaccine": [
        (
            "Corvel clinics start winter flu vaccinations early",
            "Clinics across Corvel province began winter flu vaccinations on Tuesday, three weeks "
            "earlier than last year. The provincial health board ordered 400,000 doses and said "
            "people over sixty-five and pregnant women come first.",
        ),
        (
            "Flu jabs begin three weeks early in Corvel",
            "The Corvel provincial health board started its flu vaccination campaign on Tuesday "
            "with 400,000 doses. Pharmacists said queues formed before opening at clinics in the "
            "provincial capital, Brask, where over-sixty-fives are served first.",
        ),
        (
            "Corvel health board opens flu vaccination campaign",
            "Corvel's health board opened its winter flu campaign on Tuesday, three weeks ahead of "
            "last year, after an early rise in cases at schools in Brask. Pregnant women and people "
            "over sixty-five are first in line for the 400,000 doses.",
        ),
    ],
}


@pytest.mark.slow
def test_bench_refresh_scores_the_real_path_beside_eval(tmp_path: Path) -> None:
    labelled = tmp_path / "labelled.jsonl"
    rows = [
        {"title": title, "text": text, "label": label}
        for number in range(3)
        for label, reports in EVENTS.items()
        for title, text in [reports[number]]
    ]
    labelled.write_text("\n".join(json.dumps(row) for row in rows) + "\n", encoding="utf-8")
    assert gold_labels(load_articles(labelled, 100)) == [row["label"] for row in rows]

    result = run_refresh_bench(Settings(data_dir=tmp_path / "data"), file=labelled, outlets=3)

    assert (result["served"], result["stored"], result["failed_sources"]) == (9, 9, 0)
    clustering = result["clustering"]
    assert clustering["not_stored"] == 0
    # Three clear events: both paths find them, and they agree.
    assert clustering["eval"]["b3_f1"] >= 0.9
    assert abs(clustering["b3_f1_difference"]) <= 0.02
    assert set(result["articles_per_second"]) == {"ingest", "stories", "summaries", "total"}


def test_an_unlabelled_file_is_only_timed(tmp_path: Path) -> None:
    plain = tmp_path / "plain.jsonl"
    plain.write_text(json.dumps({"title": "A title", "text": "Some text."}) + "\n")
    assert gold_labels(load_articles(plain, 10)) is None
