import pytest

from newsloom.summarize import ExtractiveSummarizer
from newsloom.summarize.nocomment import only_refusal

from .fictional_stories import T0, article

# Sentences written for these tests; none comes from an evaluation set.


@pytest.mark.parametrize(
    "sentence",
    [
        "The Malby ferry company did not respond to requests for comment.",
        "In an emailed reply to questions, the harbour board declined to comment.",
        "A spokeswoman for the Farley council did not immediately respond to a request for comment.",
        "Representatives of the opera house did not return messages seeking comment on Sunday.",
        "(The tram operator could not be reached.)",
    ],
)
def test_a_refusal_alone_states_nothing(sentence: str) -> None:
    assert only_refusal(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # Another statement beside the refusal: the sale is news.
        "The club confirmed the sale of its ground but declined to comment on the price.",
        # A reason the reader can check, after a comma.
        "The ferry company declined to comment, citing the safety inquiry.",
        # Refusing something other than a comment is an act.
        "The harbour master refused to resign.",
        "The council refused to renew the market's licence.",
    ],
)
def test_a_refusal_beside_news_is_news(sentence: str) -> None:
    assert not only_refusal(sentence)


FERRY_WIRE = (
    "The Malby ferry will stop running on Friday after its owner lost the harbour contract, the "
    "town council said on Monday.\n\n"
    "The owner did not respond to requests for comment.\n\n"
    "The council said a new operator would be chosen by the end of March."
)
FERRY_POST = (
    "Malby's only ferry is to stop on Friday, the town council announced.\n\n"
    "About 400 people cross to Farley on the ferry each day, most of them to work.\n\n"
    "Councillor Ines Varga said a bus link would run until a new operator was found."
)


def test_a_page_leaves_out_a_refusal_to_comment() -> None:
    articles = [
        article(1, 1, "Malby Wire", "Malby ferry to stop on Friday", FERRY_WIRE, 0),
        article(2, 2, "Farley Post", "Ferry to Farley ends this week", FERRY_POST, 30),
    ]
    summary = ExtractiveSummarizer().summarize(3, articles, None, words=200, now=T0)
    page = [c.text for c in summary.bullets]
    page += [c.text for p in summary.paragraphs for c in p]
    page += [c.text for c in summary.takeaways]
    assert "stop running on Friday" in page[0]
    assert any("400 people" in text for text in page)
    assert not any("requests for comment" in text for text in page)
