"""Captions, clip blurbs and share bars told as sentences (captions.py), and the map scale and
follow-a-topic prompt furniture.py refuses. Every fixture sentence is written for these tests."""

from __future__ import annotations

import pytest

from newsloom.summarize.captions import is_caption
from newsloom.summarize.furniture import is_furniture
from newsloom.summarize.text import rejection_reason


@pytest.mark.parametrize(
    "line",
    [
        # A scene dated in full, in the present.
        "Rowers wait at the start line on Sunday, May 4, 2025, before the race.",
        "A ferry leaves the harbour at Port Alder, Veland, Sunday, March 4, 2019.",
        "This picture taken by a coastguard pilot shows the hull, Wed, Oct. 9, 2019.",
        "The mayor is greeting volunteers on Friday, Nov. 3, 2017, in Carrow.",
        # A caption's time stamp run into its text.
        "Nov. 2, 2016 The crew celebrates on the quay.",
        # Clip blurbs.
        "Analyst Jo Marr discusses the port deal.",
        "Harbour Weekly's Ann Lee explains what the vote means for the ferry.",
        "Our reporter explains what the vote means.",
        "A witness describes the first moments of the fire at the pier.",
        "Director Ida Stone and stars Bo Dahl and Vera Holm talk about the final season.",
        "Tomas Reyne weighs in.",
        "Ann Lee reports.",
        # A share bar run into a caption.
        "Facebook Twitter Pinterest Rowers wait at the start line.",
    ],
)
def test_captions_and_blurbs_are_recognised(line: str) -> None:
    assert is_caption(line), line
    assert is_furniture(line), line


@pytest.mark.parametrize(
    "line",
    [
        # Prose that dates a past act in full.
        "The bank said Friday, Dec. 29, 2017, that the fine would cut its profit.",
        "The singer posted two photos on Tuesday, Dec. 26, 2017, from the harbour.",
        "Marr was quoted on Saturday, Feb. 3, 2018, as saying the port deal collapsed.",
        # Headlinese, a continuing state, the present of a review or a schedule.
        "Council approves budget after a long night of debate.",
        "The ferry runs twice a day between Port Alder and Carrow.",
        "The game opens on a beach at dawn.",
        "Michigan and five other states hold contests on Tuesday.",
        # Speech with what was said, and speech in the past.
        "The Harbour Times reports that the pier will close for a month.",
        "Analyst Jo Marr explains that the port deal rests on one loan.",
        "Analyst Jo Marr discussed the port deal with reporters on Monday.",
        "She talks about the ferry with the ease of a pilot.",
        # Documents and shares are no clip's subject.
        "The report describes the damage to the hull.",
        "Harbour Line shares fell 3 percent on Monday.",
        # A quotation is left to the quotation rules.
        '"Nov. 2, 2016 was the best night of my life," said Rowe.',
    ],
)
def test_news_prose_is_no_caption(line: str) -> None:
    assert not is_caption(line), line


def test_a_map_scale_and_a_follow_prompt_are_furniture() -> None:
    assert is_furniture("300 FEET HARBOUR ROAD PIER STAGE The ferry sank near the pier.")
    assert is_furniture("Follow Ferries to stay up to date on the latest ferry news.")
    assert not is_furniture("The ferry sank 300 feet from the pier.")
    assert not is_furniture("The crew kept the log up to date until the ferry sank.")


def test_a_caption_is_refused_at_selection() -> None:
    assert rejection_reason("Firefighters work on Sunday, Aug. 4, 2019, at the burnt pier.")
    assert rejection_reason("Analyst Jo Marr discusses the port deal with our business desk.")
    assert not rejection_reason(
        "Firefighters worked through Sunday at the burnt pier, officials said."
    )
