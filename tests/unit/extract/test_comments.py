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


def test_a_section_named_for_comments_in_its_class_its_id_or_both_goes() -> None:
    # Each name is searched on its own before the two are read together: a class, an id, or a
    # class of several words, in capitals or not, names a comment section all the same.
    body = Body("\n\n".join([*ARTICLE, HEADING, *COMMENTS[:2]]), "Ferry", "trafilatura")
    for section in [
        "class='user-comments'",
        "id='Comments-7'",
        "class='box' id='post-comment-list'",
        "class='thread reader-comments wide'",
    ]:
        assert without_comment_sections(body, page(section)).text == "\n\n".join(ARTICLE)


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


# A blog's comment list sharing the post's container: each comment's text in a section named
# for comments (trafilatura prunes those), the "Posted by" line under it in a plain paragraph.
POSTED = [
    "Posted by: Maggie | January 14, 2008 06:24 PM",
    "Posted by: Tom | January 14, 2008 07:05 PM",
    "Posted by: Ann | January 14, 2008 07:12 PM",
]


def _blog(comment_class: str) -> lxml_html.HtmlElement:
    comments = "".join(
        f"<div class='{comment_class}'><p>{COMMENTS[0]}</p></div><p class='posted'>{line}</p>"
        for line in POSTED
    )
    return lxml_html.document_fromstring(
        "<html><body><div class='entry'>"
        + "".join(f"<p>{text}</p>" for text in ARTICLE)
        + f"{comments}</div></body></html>"
    )


def test_posted_by_lines_between_the_comments_of_a_blog_list_go() -> None:
    body = Body("\n\n".join([*ARTICLE, *POSTED]), "Ferry", "trafilatura")
    kept = without_comment_sections(body, _blog("commentText"))
    # The line after the last comment stands where the article's own text could: it stays.
    assert kept.text == "\n\n".join([*ARTICLE, POSTED[-1]])


def test_a_paragraph_between_unlike_comment_widgets_stays() -> None:
    # A comment count and a link to the form, in the article's container: no list of comments.
    page = lxml_html.document_fromstring(
        "<html><body><div class='entry'>"
        f"<p>{ARTICLE[0]}</p><div class='comment-count'>12 comments</div>"
        f"<p>{ARTICLE[1]}</p><div class='comment-link'>Add yours</div>"
        "</div></body></html>"
    )
    body = Body("\n\n".join(ARTICLE), "Ferry", "trafilatura")
    assert without_comment_sections(body, page) is body
