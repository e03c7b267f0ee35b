"""without_comment_sections: readers' comments in a section trafilatura's prunes do not name."""

from __future__ import annotations

from lxml import html as lxml_html

from newsloom.extract.choose import Body
from newsloom.extract.comments import without_comment_sections

ARTICLE = [
    "The ferry between Quillhaven and the islands will run twice a day from April, the operator "
    "said on Monday.",
    "A second boat, bought from a Norwegian line last year, joins the route once its refit ends.",
]
HEADING = "Here's a sample of the latest views published."
COMMENTS = [
    "Twice a day is still not enough for those of us who work on the mainland and commute daily.",
    "- Maggie, Quillhaven",
    # A reader quoting the article quotes the article's own words: that paragraph stays.
    ARTICLE[1],
]


def page(section: str, item: str = "commentOdd") -> lxml_html.HtmlElement:
    comments = "".join(f"<p class='{item}'>{text}</p>" for text in COMMENTS)
    return lxml_html.document_fromstring(
        "<html><body><div id='article'>"
        + "".join(f"<p>{text}</p>" for text in ARTICLE)
        + f"<div {section}><p>{HEADING}</p>{comments}</div></div></body></html>"
    )


def test_readers_comments_in_a_section_named_readercomments_go() -> None:
    body = Body("\n\n".join([*ARTICLE, HEADING, *COMMENTS[:2]]), "Ferry", "trafilatura")
    kept = without_comment_sections(body, page("id='readerComments'"))
    assert kept.text == "\n\n".join(ARTICLE)


def test_a_commentary_section_or_the_article_wrapper_named_for_comments_stays() -> None:
    body = Body("\n\n".join([*ARTICLE, HEADING, *COMMENTS[:2]]), "Ferry", "trafilatura")
    assert without_comment_sections(body, page("class='commentary'", "column")) is body
    # The section holding the article's start is the article's, whatever its name.
    wrapped = lxml_html.document_fromstring(
        "<html><body><div class='post has-comments'>"
        + "".join(f"<p>{text}</p>" for text in ARTICLE)
        + "</div></body></html>"
    )
    short = Body("\n\n".join(ARTICLE), "Ferry", "trafilatura")
    assert without_comment_sections(short, wrapped) is short
    assert without_comment_sections(short, None) is short
