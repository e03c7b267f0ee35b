"""The digest message: text and HTML, hostile headlines escaped."""

from __future__ import annotations

from datetime import UTC, datetime

from newsloom.accounts.digest import DigestStory, compose


def test_compose_escapes_and_links() -> None:
    message = compose(
        to="ada@example.org",
        sender="news@example.org",
        user_name="ada",
        site_title="Loom",
        site_url="https://news.example.org/",
        stories=[
            DigestStory("<script>x</script> Dam", "https://news.example.org/c/dam-1", ("A & B",))
        ],
        now=datetime(2026, 6, 3, tzinfo=UTC),
    )
    assert message["Subject"] == "Loom: 1 new story"
    html_part = message.get_body(preferencelist=("html",))
    text_part = message.get_body(preferencelist=("plain",))
    assert html_part is not None and text_part is not None
    html = html_part.get_content()
    assert "&lt;script&gt;x&lt;/script&gt; Dam" in html and "<script>" not in html
    assert "A &amp; B" in html and 'href="https://news.example.org/account"' in html
    assert "https://news.example.org/c/dam-1" in text_part.get_content()
