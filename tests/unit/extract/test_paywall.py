"""The paywall signal: a short text behind a declared paywall or ending in a subscription prompt."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html as lxml_html

from newsloom.extract import extract_article
from newsloom.extract.paywall import (
    PAYWALL_QUALITY,
    declares_paywall,
    ends_with_prompt,
    is_teaser,
    looks_paywalled,
)
from newsloom.records import Extracted

PAGES = Path(__file__).resolve().parents[2] / "data" / "pages"
URL = "https://courier.example/news/lighthouse"


def test_teaser_behind_a_declared_paywall_looks_paywalled() -> None:
    result = extract_article(
        (PAGES / "paywall_teaser_not_accessible_for_free.html").read_bytes(), URL
    )
    assert 0 < result.quality < PAYWALL_QUALITY
    assert looks_paywalled(result)


def test_declared_paywall_with_the_whole_article_served_is_an_article() -> None:
    result = extract_article((PAGES / "paywall_declared_full_text_served.html").read_bytes(), URL)
    assert result.quality >= PAYWALL_QUALITY
    assert not looks_paywalled(result)


def test_ordinary_article_is_not_paywalled() -> None:
    result = extract_article((PAGES / "article_with_nav_footer_boilerplate.html").read_bytes(), URL)
    assert not looks_paywalled(result)


@pytest.mark.parametrize(
    "markup",
    [
        '<meta property="article:content_tier" content="locked">',
        '<meta itemprop="isAccessibleForFree" content="false">',
        '<script type="application/ld+json">[{"@graph": [{"isAccessibleForFree": false}]}]</script>',
    ],
)
def test_markup_that_declares_a_paywall(markup: str) -> None:
    assert declares_paywall(lxml_html.document_fromstring(f"<html><head>{markup}</head></html>"))


@pytest.mark.parametrize(
    "markup",
    [
        '<meta property="article:content_tier" content="free">',
        '<script type="application/ld+json">{"isAccessibleForFree": true}</script>',
        '<script type="application/ld+json">{not json</script>',
    ],
)
def test_markup_that_does_not(markup: str) -> None:
    assert not declares_paywall(
        lxml_html.document_fromstring(f"<html><head>{markup}</head><body>x</body></html>")
    )


def test_subscription_prompt_only_counts_at_the_end_of_a_short_text() -> None:
    prompt = "Subscribe to continue reading."
    teaser = "The quay reopened on Monday after repairs.\n\n" + prompt
    assert ends_with_prompt(teaser) and is_teaser(teaser, None)
    assert ends_with_prompt("Il vous reste 80 % de cet article à lire.")
    assert not ends_with_prompt(prompt + "\n\n" + "\n\n".join(["More text."] * 5))
    long_article = " ".join(["The quay reopened on Monday after repairs."] * 60) + "\n\n" + prompt
    assert not is_teaser(long_article, None)


def test_records_not_made_by_the_extractor_are_not_paywalled() -> None:
    assert not looks_paywalled(Extracted(text="feed text"))  # quality 0: unknown
