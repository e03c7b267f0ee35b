"""HTML fragments to plain text with paragraphs separated by blank lines."""

from __future__ import annotations

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
# Markers for paragraph and line breaks; source whitespace (newlines included) is just a space.
_PARAGRAPH_BREAK = "\u2029"
_LINE_BREAK = "\u2028"


def text_from_html(html: str) -> str:
    """Plain text of ``html``: tags and scripts dropped, entities decoded, one blank line between
    paragraphs (block elements) and single newlines for <br>."""
    html = strip_control_chars(html or "")
    html = html.replace(_PARAGRAPH_BREAK, " ").replace(_LINE_BREAK, " ")
    if not html.strip():
        return ""
    try:
        # Parses fragments and whole documents alike (a fragment is wrapped in <html><body>).
        root = lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return " ".join(html.split())
    for element in list(root.iter(*_DROP)):
        element.drop_tree()
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag == "br":
            element.tail = _LINE_BREAK + (element.tail or "")
        elif element.tag in _BLOCKS:
            element.text = _PARAGRAPH_BREAK + (element.text or "")
            element.tail = _PARAGRAPH_BREAK + (element.tail or "")
    text = root.text_content()
    paragraphs = []
    for block in text.split(_PARAGRAPH_BREAK):
        lines = [" ".join(line.split()) for line in block.split(_LINE_BREAK)]
        joined = "\n".join(line for line in lines if line)
        if joined:
            paragraphs.append(joined)
    return "\n\n".join(paragraphs)
