"""HTML fragments to plain text with paragraphs separated by blank lines."""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

from newsloom.ingest.xmlsafety import strip_control_chars

_DROP = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "head")
_BLOCKS = frozenset(
    {
        "p", "div", "section", "article", "header", "footer", "aside", "blockquote", "pre",
        "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr",
        "figure", "figcaption", "hr", "main", "nav", "address", "details", "summary",
    }
)  # fmt: skip
_PARAGRAPH_BREAK = "\u2029"  # a marker no real text carries once control characters are gone
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


def text_from_html(html: str) -> str:
    """Plain text of ``html``: tags and scripts dropped, entities decoded, one blank line between
    paragraphs (block elements) and single newlines for <br>."""
    html = strip_control_chars(html or "").replace(_PARAGRAPH_BREAK, " ")
    if not html.strip():
        return ""
    try:
        root = lxml_html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return " ".join(html.split())
    for element in list(root.iter(*_DROP)):
        element.drop_tree()
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag == "br":
            element.tail = "\n" + (element.tail or "")
        elif element.tag in _BLOCKS:
            element.text = _PARAGRAPH_BREAK + (element.text or "")
            element.tail = _PARAGRAPH_BREAK + (element.tail or "")
    text = root.text_content()
    paragraphs = []
    for block in text.split(_PARAGRAPH_BREAK):
        lines = [_SPACES.sub(" ", line).strip() for line in block.split("\n")]
        joined = "\n".join(line for line in lines if line)
        if joined:
            paragraphs.append(joined)
    return "\n\n".join(paragraphs)
