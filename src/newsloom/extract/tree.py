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
from trafilatura.utils import DOCTYPE_TAG, FAULTY_HTML, INVALID_XML_CHARS, is_dubious_html

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


# The characters trafilatura's repair deletes that ``decode_html`` leaves in (it deletes the C0
# controls itself): the two non-characters.
_NONCHARACTERS = ("\ufffe", "\uffff")


def repaired(page: str, beginning: str) -> str:
    """trafilatura's ``repair_faulty_html`` (2.3) of text without C0 control characters.

    Its first step deletes those and the non-characters with a regular expression scanning the
    whole page, about a tenth of parsing it; two substring searches tell first whether there is
    any to delete. The doctype's repair rebuilds the page only when it changes it (or when the
    page has no line break, which the rebuilt page ends with)."""
    if any(character in page for character in _NONCHARACTERS):
        page = INVALID_XML_CHARS.sub("", page)
    # A doctype holding a slash (a DTD's URL) on the first line goes (a libxml2 bug).
    if "doctype" in beginning:
        first_line, newline, rest = page.partition("\n")
        fixed = DOCTYPE_TAG.sub("", first_line, count=1)
        if fixed != first_line or not newline:
            page = fixed + "\n" + rest
    # A self-closing <html/> in the first lines.
    for line in page[:4096].splitlines()[:4]:
        if "<html" in line and line.endswith("/>"):
            return FAULTY_HTML.sub(r"\1>", page, count=1)
    return page


def load_page(page: str) -> lxml_html.HtmlElement | None:
    """The tree ``trafilatura.load_html(page)`` gives (None for what it takes for no HTML), for a
    page as ``decode_html`` gives it: without C0 control characters other than tab, newline and
    carriage return."""
    beginning = page[:50].lower()
    dubious = is_dubious_html(beginning)
    page = repaired(page, beginning)
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
