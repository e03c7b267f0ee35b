import pytest

from newsloom.dedup import canonical_url


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("HTTPS://Example.COM/News/Story", "https://example.com/News/Story"),
        ("https://example.com:443/a", "https://example.com/a"),
        ("http://example.com:80/a", "http://example.com/a"),
        ("http://example.com:8080/a", "http://example.com:8080/a"),
        ("https://example.com/a#comments", "https://example.com/a"),
        ("https://example.com/a/", "https://example.com/a"),
        ("https://example.com", "https://example.com/"),
        ("https://example.com/a?utm_source=rss&utm_medium=feed", "https://example.com/a"),
        (
            "https://example.com/a?fbclid=1&gclid=2&mc_cid=3&mc_eid=4&igshid=5",
            "https://example.com/a",
        ),
        ("https://example.com/a?ref=home&ref_src=tw&cmpid=x&ocid=y&_ga=z", "https://example.com/a"),
        ("https://example.com/a?b=2&a=1&utm_campaign=x", "https://example.com/a?a=1&b=2"),
        ("https://m.example.com/a", "https://example.com/a"),
        ("https://mobile.example.com/a", "https://example.com/a"),
        ("https://amp.example.com/a", "https://example.com/a"),
        ("https://example.com/world/story/amp", "https://example.com/world/story"),
        ("https://example.com/world/story/amp/", "https://example.com/world/story"),
        ("https://example.com/story?amp", "https://example.com/story"),
        ("https://example.com/story?amp=1", "https://example.com/story"),
        ("https://example.com/story?outputType=amp", "https://example.com/story"),
        (
            "https://example.com/story?outputType=print",
            "https://example.com/story?outputType=print",
        ),
        ("https://example.com/%7euser/caf%c3%a9", "https://example.com/~user/caf%C3%A9"),
        ("https://example.com/café story", "https://example.com/caf%C3%A9%20story"),
        ("https://example.com/a?q=two+words", "https://example.com/a?q=two%20words"),
        (
            "https://www-example-com.cdn.ampproject.org/c/s/www.example.com/story/amp",
            "https://www.example.com/story",
        ),
        ("", ""),
    ],
)
def test_canonical_url(url: str, expected: str) -> None:
    assert canonical_url(url) == expected


@pytest.mark.parametrize(
    "url",
    [
        "HTTPS://M.Example.COM:443/News/Story/amp/?utm_source=x&b=2&a=1&fbclid=z#frag",
        "http://example.com:8080/a%7eb/%e2%82%ac/c d/?outputType=amp",
        "https://example.com/50%/off?x=%2F&y=a+b",
        "http://[::1]:8000/path//double/",
    ],
)
def test_canonical_url_is_idempotent(url: str) -> None:
    once = canonical_url(url)
    assert canonical_url(once) == once


def test_variants_of_one_article_share_a_canonical_url() -> None:
    variants = [
        "https://www.example.com/2024/05/harbour-reopens",
        "https://www.example.com/2024/05/harbour-reopens/",
        "https://www.example.com/2024/05/harbour-reopens?utm_source=twitter#top",
        "https://WWW.EXAMPLE.COM:443/2024/05/harbour-reopens/amp",
    ]
    assert len({canonical_url(v) for v in variants}) == 1


def test_distinct_articles_stay_distinct() -> None:
    assert canonical_url("https://example.com/a?id=1") != canonical_url(
        "https://example.com/a?id=2"
    )
    assert canonical_url("https://example.com/a") != canonical_url("https://example.org/a")
