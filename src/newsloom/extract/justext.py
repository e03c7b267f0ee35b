"""jusText's reading of a page: a third opinion, for pages where both trafilatura runs kept a
small part of the page and left prose out.

trafilatura's default cascade asks jusText in the same case (its "recall escalation": the body
is short, covers little of the page's text, and the recall run added little): jusText classifies
every paragraph of the page by its length, link density and stop words, so it reaches an article
that sits in several containers or in markup trafilatura's rules do not read. ``choose_body``
then decides, as for any other body, whether it is the article the first body missed.
"""

from __future__ import annotations

import re
from copy import copy

from lxml import html as lxml_html

from newsloom.extract.choose import Body
from newsloom.extract.justext_walk import try_justext

# trafilatura's own escalation gates: a body this long (characters) is no short extraction; one
# covering at least this share of the page's text is not a small part of it; a recall run this
# much longer has found what was missing without any other opinion.
SHORT_BODY_CHARS = 3000
SMALL_SHARE = 0.2
RECALL_FOUND_RATIO = 1.5
# Never article text on any page: set-apart boxes, footers, embedded frames and cookie banners.
_SET_APART = frozenset({"aside", "footer", "fencedframe", "script", "style", "svg", "template"})
_COOKIE_BANNER = re.compile(
    "cookie[-_]?(?:banner|bar|consent|law|notice|policy|description)|notice[-_]{0,2}cookie"
    "|consent[-_]?(?:banner|manager|sdk)|borlabs|cookiebot|cmplz|onetrust|moove[-_]?gdpr",
    re.IGNORECASE,
)


def _set_apart(element: lxml_html.HtmlElement) -> bool:
    tag = element.tag
    if tag in _SET_APART:
        return True
    names = f"{element.get('class') or ''} {element.get('id') or ''}"
    if tag == "div" and "footer" in names:
        return True
    return bool(names.strip()) and _COOKIE_BANNER.search(names) is not None


def _cleaned(tree: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    """A copy of ``tree`` without what is never article text (their tails stay)."""
    own = copy(tree)
    for element in [e for e in own.iter() if isinstance(e.tag, str) and _set_apart(e)]:
        if element.getparent() is not None:
            element.drop_tree()
    return own


def rescue_due(found: Body, recall: Body) -> bool:
    """True when ``found`` is short and the recall run kept little more: the cheap half of the
    escalation test (``justext_body`` does the page share)."""
    length = len(found.text)
    return length < SHORT_BODY_CHARS and len(recall.text) < RECALL_FOUND_RATIO * length


def justext_body(found: Body, tree: lxml_html.HtmlElement, url: str) -> Body | None:
    """jusText's body of ``tree``, or None when ``found`` covers SMALL_SHARE of the page's text
    or more (then jusText is not asked)."""
    cleaned = _cleaned(tree)
    body = cleaned.find(".//body")
    page_text = " ".join((body if body is not None else cleaned).text_content().split())
    if len(found.text) >= SMALL_SHARE * len(page_text):
        return None
    result = try_justext(cleaned, url)
    text = "\n\n".join(" ".join(p.text.split()) for p in result if p.text and p.text.strip())
    return Body(text, "", "justext")
