"""The page-vs-feed rule on its own: length in tokens, CJK characters as words, teasers."""

from __future__ import annotations

from newsloom.extract.choice import MIN_PAGE_TOKENS, prefer_page


def test_a_page_shorter_than_an_article_is_refused_even_over_an_empty_feed() -> None:
    assert not prefer_page(" ".join(["word"] * (MIN_PAGE_TOKENS - 1)), "")
    assert prefer_page(" ".join(["word"] * MIN_PAGE_TOKENS), "")


def test_chinese_characters_count_as_words() -> None:
    page = "港川市の新しい灯台は二十海里先まで光を届ける。" * 3  # no spaces at all
    assert len(page.split()) == 1
    assert prefer_page(page, "新しい灯台が完成。")


def test_a_page_must_hold_half_the_feed_text() -> None:
    feed = " ".join(["feed"] * 200)
    assert not prefer_page(" ".join(["page"] * 99), feed)
    assert prefer_page(" ".join(["page"] * 100), feed)


def test_a_teaser_wins_only_when_it_is_longer_than_the_feed_text() -> None:
    feed = " ".join(["feed"] * 80)
    assert prefer_page(" ".join(["page"] * 80), feed)
    assert not prefer_page(" ".join(["page"] * 80), feed, teaser=True)
    assert prefer_page(" ".join(["page"] * 81), feed, teaser=True)


def test_a_short_page_holding_the_feeds_cut_summary_and_more_is_the_article() -> None:
    brief = (
        "Harbour master Ilse Tamm closed the north quay on Friday after a crane toppled. "
        "Nobody was hurt, and ferries use the south quay until Monday."
    )
    cut = "Harbour master Ilse Tamm closed the north quay on Friday after a crane topp"
    assert prefer_page(brief, cut)
    # A page of other words (a cookie notice) does not replace the feed's text, however short.
    notice = "We use cookies to improve your experience on this site. Accept all cookies to go on."
    assert not prefer_page(notice, cut)
    # Nor does a page that adds nothing to the feed's text.
    assert not prefer_page(cut, brief)
