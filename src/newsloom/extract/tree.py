"""A page's tree as ``trafilatura.load_html`` parses it, with lxml.html's element classes found in
C rather than by a Python method.

lxml makes a Python object for an element each time code touches it; for an lxml.html tree it
asks ``HtmlElementClassLookup.lookup``, a Python method, which class to make it (a few tags get
form-handling subclasses). Every reader of the page (trafilatura, readability, the doubt and
metadata checks) walks the tree several times: those calls were about a tenth of
``extract_article``'s time. This parser's lookup gives every element lxml.html's ``HtmlElement``
(with ``text_content``, ``drop_tree`` and the rest that the readers use) from C; only the form
subclasses' extras (``form.inputs``, ``input.value``), which no reader uses, are missing.
"""

from __future__ import annotations

import logging

from lxml import etree
from lxml import html as lxml_html
from trafilatura.utils import is_dubious_html, repair_faulty_html

LOGGER = logging.getLogger(__name__)

# trafilatura.utils.HTML_PARSER's settings.
PARSER = etree.HTMLParser(
    collect_ids=False,
    default_doctype=False,
    encoding="utf-8",
    remove_comments=True,
    remove_pis=True,
)
PARSER.set_element_class_lookup(
    etree.ElementDefaultClassLookup(
        element=lxml_html.HtmlElement,
        comment=lxml_html.HtmlComment,
        pi=lxml_html.HtmlProcessingInstruction,
        entity=lxml_html.HtmlEntity,
    )
)


def _from_bytes(page: str) -> lxml_html.HtmlElement | None:
    try:
        return lxml_html.fromstring(page.encode("utf8", "surrogatepass"), parser=PARSER)
    except Exception as exc:  # as trafilatura: lxml's failure here only means no tree
        LOGGER.debug("extract: lxml could not parse the page's bytes: %s", exc)
    return None


def load_page(page: str) -> lxml_html.HtmlElement | None:
    """The tree ``trafilatura.load_html(page)`` gives (None for what it takes for no HTML)."""
    beginning = page[:50].lower()
    dubious = is_dubious_html(beginning)
    page = repair_faulty_html(page, beginning)
    tree = None
    from_bytes = False
    try:
        tree = lxml_html.fromstring(page, parser=PARSER)
    except ValueError:  # "Unicode strings with encoding declaration are not supported."
        tree = _from_bytes(page)
        from_bytes = True
    except Exception as exc:  # as trafilatura: lxml's failure here only means no tree
        LOGGER.debug("extract: lxml could not parse the page: %s", exc)
    if (tree is None or len(tree) < 1) and not from_bytes:
        tree = _from_bytes(page)
    if tree is not None and dubious and len(tree) < 2:
        return None
    return tree
