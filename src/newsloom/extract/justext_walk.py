"""trafilatura's ``try_justext`` (2.3) with jusText's own paragraph rules, fed more cheaply.

jusText splits a page into paragraphs by handling SAX events that ``lxml.sax.saxify`` makes of the
tree: for every element a namespace map, an attribute object and a qualified name, none of which
the paragraph maker reads (it reads the tag's local name and the text). Each paragraph it starts
(at every block's start and end, most of them empty and thrown away) writes out its XPath, which
nothing reads either; and each paragraph's ``text`` joins and normalises its pieces again on each
of the dozen times the classification reads it. Here the same events reach jusText's own
``ParagraphMaker`` from a plain walk of the tree, its paragraphs keep their path as dotted tags
only (``dom_path``, which the rules read) and their text once made, and jusText's own
classification runs on them: the same paragraphs, classes and text in about a third of the time.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from justext.core import ParagraphMaker, classify_paragraphs, revise_paragraph_classification
from justext.paragraph import Paragraph
from lxml import etree
from lxml import html as lxml_html
from trafilatura import external


class _Path:
    """jusText's ``PathInfo`` without the XPath nothing reads: the open elements' tags."""

    xpath = ""

    def __init__(self) -> None:
        self.tags: list[str] = []

    @property
    def dom(self) -> str:
        return ".".join(self.tags)

    def append(self, tag: str) -> _Path:
        self.tags.append(tag)
        return self

    def pop(self) -> _Path:
        self.tags.pop()
        return self


class _Paragraph(Paragraph):
    """jusText's paragraph, its text joined and normalised once: it is read only when complete."""

    @cached_property
    def text(self) -> str:
        return str(super().text)


class _Maker(ParagraphMaker):
    """jusText's paragraph maker on ``_Path`` and ``_Paragraph``."""

    def __init__(self) -> None:
        self.path = _Path()
        self.paragraphs: list[_Paragraph] = []
        self.paragraph: _Paragraph | None = None
        self.link = False
        self.br = False
        self._start_new_pragraph()

    def _start_new_pragraph(self) -> None:
        if self.paragraph and self.paragraph.contains_text():
            self.paragraphs.append(self.paragraph)
        self.paragraph = _Paragraph(self.path)


def _local_name(tag: str) -> str:
    return tag.rpartition("}")[2] if tag.startswith("{") else tag


def _feed(root: lxml_html.HtmlElement, maker: _Maker) -> None:
    """The events ``saxify(root, maker)`` sends that the maker acts on, in the same order: an
    element's start, its text, its children's events, its end, then its tail (a comment's or a
    processing instruction's tail only)."""
    # Each entry: an element to open, or (a name to close, the tail after it).
    stack: list[Any] = [root]
    while stack:
        item = stack.pop()
        if isinstance(item, tuple):
            name, tail = item
            maker.endElementNS(name, None)
            if tail:
                maker.characters(tail)
            continue
        tag = item.tag
        if not isinstance(tag, str):
            if item.tail:
                maker.characters(item.tail)
            continue
        name = (None, _local_name(tag))
        maker.startElementNS(name, None, None)
        if item.text:
            maker.characters(item.text)
        stack.append((name, item.tail))
        stack.extend(reversed(item))
    maker.endDocument()


def paragraphs(root: lxml_html.HtmlElement) -> list[Paragraph]:
    """``ParagraphMaker.make_paragraphs(root)``'s paragraphs (their ``xpath`` left blank)."""
    maker = _Maker()
    _feed(root, maker)
    return maker.paragraphs


def try_justext(tree: lxml_html.HtmlElement, url: str | None) -> etree._Element:
    """``trafilatura.external.try_justext(tree, url, None)``: the paragraphs jusText keeps, with
    the stop words of all its languages, as <p> children of a <body>."""
    stoplist = external.JT_STOPLIST or external.jt_stoplist_init()
    body = etree.Element("body")
    try:
        found = paragraphs(tree)
        classify_paragraphs(found, stoplist, 50, 150, 0.1, 0.2, 0.25, True)
        revise_paragraph_classification(found, 150)
    except Exception as exc:  # as trafilatura: a failure leaves the body empty
        external.LOGGER.error("justext %s %s", exc, url)
    else:
        for paragraph in found:
            if not paragraph.is_boilerplate:
                etree.SubElement(body, "p").text = paragraph.text
    return body
