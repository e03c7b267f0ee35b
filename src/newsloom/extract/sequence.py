"""trafilatura's extraction sequence as ``extract_article`` runs it, with the work its runs on one
page share done once.

``trafilatura.bare_extraction`` copies the tree it is given and prunes that copy (infinite-scroll
appendices, share buttons, comment sections) before it cleans it; in fast mode it also copies the
cleaned tree as a backup only its slow mode reads. A page that trafilatura reads again (its
balanced retry, its recall run) pays for all of that again. Here the pruned copy is made once per
page (``Pruned``) and each run starts from it (the first run from that copy itself).

trafilatura's prunes are XPaths testing tags, ids and classes with EXSLT regular expressions,
which call back into Python for each element; together they were a fifth of extract_article's
time. The same tests are made here in Python (``prune``, and ``_Finder`` in place of the XPaths
its section prunes read, and ``_FirstFinder`` in place of the XPaths it looks for the article's
container with, see ``_finders``): a few times cheaper, with the same elements found in the same
order (checked against the XPaths on every page of the extraction sets, and by the unit tests on
fixtures).

Only the case ``extract_article`` uses is covered (fast mode, no comments, tables kept, plain
text out); pages trafilatura takes for forum threads (whose posts are its comments) are left to
``bare_extraction`` itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from copy import copy
from functools import lru_cache

from lxml.etree import Element, _Element, strip_tags
from lxml.html import HtmlElement
from trafilatura import htmlprocessing, main_extractor
from trafilatura.baseline import baseline, html2txt
from trafilatura.core import (
    ESCALATION_ACCEPT_RATIO,
    ESCALATION_MAX_LENGTH,
    ESCALATION_PAGE_SHARE,
    _forum_thread_page,
)
from trafilatura.htmlprocessing import convert_tags, tree_cleaning
from trafilatura.main_extractor import extract_content
from trafilatura.settings import Extractor
from trafilatura.xml import delete_element, xmltotxt
from trafilatura.xpaths import (
    _ARTICLE_CONTENT_CLASS_TOKENS,
    _ARTICLE_CONTENT_ID_TOKENS,
    _MAIN_CONTENT_CLASS_TOKENS,
    _MAIN_CONTENT_ID_TOKENS,
    _STORY_CLASS_TOKENS,
    _STORY_ID_TOKENS,
    _alt,
)

from newsloom.extract import density

# trafilatura.xpaths' comment-section tests (REMOVE_COMMENTS_XPATH and its list variant).
_COMMENTS_ID = re.compile(r"^(?:[Cc]omment(?!ary)|comol|disqus_thread|dsq-comments)")
_COMMENTS_LIST_ID = re.compile(r"^(?:[Cc]omment(?!ary)|comol)")
_COMMENTS_CLASS = re.compile(r"^[Cc]omment(?!ary)|(?:article|post)-comments")
_UNCOMMENTED_IDS = ("comol", "disqus_thread")
# trafilatura.core's RAW_TREE_PRUNE_XPATH: infinite-scroll appendices, Elementor share buttons.
_APPENDIX = re.compile(r"mvp-post-add-(?:box|wrap)|infinite-?scroll")
_APPENDIX_ALWAYS = re.compile(r"mvp-post-add-(?:box|wrap)")

Test = Callable[[HtmlElement], bool]
# An XPath or what stands in for it: the elements it finds in a tree.
Find = Callable[[HtmlElement], list[HtmlElement]]


# The tests below read an attribute as ``element.get(name, "")``: an XPath test on a missing
# attribute tests the empty string. (Written out rather than through a helper of their own: the
# prunes read an id and a class on nearly every element of every copy, 1.7 million reads over
# the dev pages, and a Python call per read cost more than the read.)


def _infinite_scroll(element: HtmlElement) -> bool:
    ident, cls = element.get("id", ""), element.get("class", "")
    # Whatever ``_APPENDIX`` finds holds one of these: two substring searches spare most
    # elements its two regular expression searches.
    names = f"{ident} {cls}"
    if "infinite" not in names and "mvp-post-add-" not in names:
        return False
    if not (_APPENDIX.search(ident) or _APPENDIX.search(cls)):
        return False
    if _APPENDIX_ALWAYS.search(ident) or _APPENDIX_ALWAYS.search(cls):
        return True
    return next(element.iterdescendants("h1"), None) is None


def _share_buttons(element: HtmlElement) -> bool:
    return "elementor-share-buttons" in element.get("class", "")


def _comment_section(element: HtmlElement) -> bool:
    ident, cls = element.get("id", ""), element.get("class", "")
    # Whatever the two expressions find holds "omment", but for the ids "comol..." and
    # "disqus_thread...": a substring search spares most elements both regular expressions.
    if "omment" not in cls and "omment" not in ident and not ident.startswith(_UNCOMMENTED_IDS):
        return False
    return bool(_COMMENTS_ID.search(ident) or _COMMENTS_CLASS.search(cls))


def _comment_section_or_list(element: HtmlElement) -> bool:
    if not _comment_section(element):
        return False
    if element.tag not in ("ol", "ul"):
        return True
    ident, cls = element.get("id", ""), element.get("class", "")
    return bool(_COMMENTS_LIST_ID.search(ident) or _COMMENTS_CLASS.search(cls))


_SECTIONS = ("div", "section", "aside")
_COMMENT_HOLDERS = ("div", "list", "section", "details")
RAW_PRUNE: tuple[tuple[tuple[str, ...], Test], ...] = (
    (_SECTIONS, _infinite_scroll),
    (_SECTIONS, _share_buttons),
)
COMMENTS_AND_LISTS_PRUNE = (((*_COMMENT_HOLDERS, "ol", "ul"), _comment_section_or_list),)
COMMENTS_PRUNE = ((_COMMENT_HOLDERS, _comment_section),)


def _first(attributes: list[tuple[str, str]], *names: str) -> str:
    """What XPath's ``@a|@b`` reads as a string: the first of those attributes in the element's
    own order (empty when it has none)."""
    for key, value in attributes:
        if key in names:
            return value
    return ""


# trafilatura.xpaths' OVERALL_DISCARD_XPATH, PRECISION_DISCARD_XPATH, TEASER_DISCARD_XPATH and
# DISCARD_IMAGE_ELEMENTS, test by test, in their order.
_BOTH_TOKENS = (
    "^shar|social|viral|newsletter|syndication|tags|sidebar|banner|bread-?crumb|button|author"
)
_DISCARD_ID = re.compile(
    _BOTH_TOKENS + "|^(?:jp-|dpsp-content)|bmdh|footer|Footer|share|Share|nav|Nav|menu|related"
    "|message-container|premium|^ad-"
)
_DISCARD_CLASS = re.compile(
    _BOTH_TOKENS + "|^(?:nav|post-nav|ZendeskForm)|subnav|avigation|navbar|navbox|menu|bar| ad "
    "|-ad-|(?:^| )ad-|dfp[Aa]d|outbrain|taboola|criteo|paid-?content|widget|footer|Footer|byline"
    "|Byline|share-|sociable|embedded|embed|tag-list|consent|modal-content|permission|elated"
    "|next-|-stories|most-popular|more-on|meta|rating|attachment|timestamp|user-info"
    "|user-profile|-icon|article-infos|message-container|slide|viewport|overlay|options|expand"
    "|obfuscated|blurred|mol-factbox|yin|zlylin|nfoline"
)
_HIDDEN_ID = re.compile("reader-comments|akismet")
_HIDDEN_CLASS = re.compile(
    "^hide-|comments-title|nocomments|-reply-|message|akismet|suggest-links|-hide-|hide-print"
    "| hidden| hide|noprint|notloaded"
)
# Distinct names kept judged (see ``_occurs_in``).
_KNOWN_NAMES = 4096


def _occurs_in(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    """Whether ``pattern`` occurs in an id or a class, each distinct one searched once: a page
    repeats its names element after element, and the long alternations are slow to search."""

    @lru_cache(maxsize=_KNOWN_NAMES)
    def occurs(name: str) -> bool:
        return pattern.search(name) is not None

    return occurs


_DISCARDED_ID = _occurs_in(_DISCARD_ID)
_DISCARDED_CLASS = _occurs_in(_DISCARD_CLASS)
_BOTTOM = re.compile(r"(^|\s)bottom|bottom(\s|$)")
_LINK = re.compile(r"(^|\s)link(\s|$)")
_BLOCKS = ("div", "item", "list", "p", "section", "span")


def _boilerplate(element: HtmlElement) -> bool:
    # One pass over the element's attributes (most have none or a class only); ``first`` is the
    # first of id and class, what ``re:test(@id|@class, 'cookie')`` reads.
    first = None
    for key, value in element.items():
        if key == "class":
            if _DISCARDED_CLASS(value):
                return True
            first = value if first is None else first
        elif key == "id":
            if _DISCARDED_ID(value):
                return True
            first = value if first is None else first
        elif key == "role":
            if "nav" in value.replace("N", "n"):
                return True
        elif key == "data-component":
            if "MostPopularStories" in value:
                return True
        elif key == "data-lp-replacement-content":
            return True
    return first is not None and "cookie" in first


def _hidden(element: HtmlElement) -> bool:
    # As ``_boilerplate``: ``named`` is the first of id and class, ``hidden`` of id and style.
    named = hidden = None
    for key, value in element.items():
        if key == "class":
            if value == "comments-title" or _HIDDEN_CLASS.search(value):
                return True
            named = value if named is None else named
        elif key == "id":
            if _HIDDEN_ID.search(value):
                return True
            named = value if named is None else named
            hidden = value if hidden is None else hidden
        elif key == "style":
            if "display:none" in value or "display: none" in value:
                return True
            hidden = value if hidden is None else hidden
        elif key == "aria-hidden" and value == "true":
            return True
    return (named is not None and named.startswith("reply-")) or (
        hidden is not None and "hidden" in hidden
    )


def _bottom_link_or_border(element: HtmlElement) -> bool:
    attributes = element.items()
    if not attributes:
        return False
    first = _first(attributes, "id", "class")
    # Whatever the two expressions find holds "bottom" or "link": substring searches spare most
    # elements both.
    if ("bottom" in first and _BOTTOM.search(first)) or ("link" in first and _LINK.search(first)):
        return True
    return "border" in dict(attributes).get("style", "")


def _teaser(element: HtmlElement) -> bool:
    ident, cls = element.get("id", ""), element.get("class", "")
    return "teaser" in ident.replace("T", "t") or "teaser" in cls.replace("T", "t")


def _caption(element: HtmlElement) -> bool:
    return "caption" in element.get("id", "") or "caption" in element.get("class", "")


def _anything(element: HtmlElement) -> bool:
    return True


class _Finder:
    """Stands in for one of trafilatura's XPaths (``.//*[self::a or self::b][test]``): called on
    a tree, the descendants of the given tags (any element when none) that pass the test, in
    document order."""

    def __init__(self, tags: tuple[str, ...], test: Test) -> None:
        self.tags = tags
        self.test = test

    def __call__(self, tree: HtmlElement) -> list[HtmlElement]:
        found = tree.iterdescendants(*self.tags) if self.tags else tree.iterdescendants(Element)
        return [element for element in found if self.test(element)]


# trafilatura.main_extractor's lists of XPaths, each replaced by its finders during a run.
SECTION_PRUNES: dict[str, list[Find]] = {
    "OVERALL_DISCARD_XPATH": [_Finder(_BLOCKS, _boilerplate), _Finder((), _hidden)],
    "PRECISION_DISCARD_XPATH": [
        _Finder(("header",), _anything),
        _Finder(_BLOCKS, _bottom_link_or_border),
    ],
    "TEASER_DISCARD_XPATH": [_Finder(_BLOCKS, _teaser)],
    "DISCARD_IMAGE_ELEMENTS": [_Finder(_BLOCKS, _caption)],
}


def prune(tree: HtmlElement, tests: Iterable[tuple[tuple[str, ...], Test]]) -> HtmlElement:
    """``tree`` without the descendants of the given tags that pass each test in turn, as
    trafilatura's ``prune_unwanted_nodes`` deletes what its XPaths find (keeping their tails)."""
    for tags, test in tests:
        for element in [e for e in tree.iterdescendants(*tags) if test(e)]:
            delete_element(element)
    return tree


# trafilatura.xpaths' BODY_XPATH: where it looks for the article, one expression after another
# until one finds an element. The first, third and fourth test ids and classes with EXSLT regular
# expressions (a call into Python per element, a tenth of extract_article's time); the second
# and fifth test tags and prefixes only, in C, and stay.
_CONTENT = ("article", "div", "main", "section")
_ARTICLE_ID = re.compile(_alt(_ARTICLE_CONTENT_ID_TOKENS))
_ARTICLE_CLASS = re.compile(_alt(_ARTICLE_CONTENT_CLASS_TOKENS))
_STORY_ID = re.compile(_alt(_STORY_ID_TOKENS))
_STORY_CLASS = re.compile(_alt(_STORY_CLASS_TOKENS))
_FULLTEXT = re.compile("fulltext", re.IGNORECASE)
_MAIN_ID = re.compile(_alt(_MAIN_CONTENT_ID_TOKENS))
_MAIN_CLASS = re.compile(_alt(_MAIN_CONTENT_CLASS_TOKENS))


def _article_content(element: HtmlElement) -> bool:
    ident, cls = element.get("id", ""), element.get("class", "")
    return bool(
        cls in ("post", "entry")
        or element.get("itemprop") == "articleBody"
        or ident == "articleContent"
        or _ARTICLE_ID.search(ident)
        or _ARTICLE_CLASS.search(cls)
    )


def _story(element: HtmlElement) -> bool:
    ident, cls = element.get("id", ""), element.get("class", "")
    return bool(
        element.get("role") == "article"
        or ident in ("article", "story")
        or cls in ("postarea", "art-postcontent", "text", "cell", "story")
        or _STORY_ID.search(ident)
        or _FULLTEXT.search(cls)
        or _STORY_CLASS.search(cls)
    )


def _main_content(element: HtmlElement) -> bool:
    ident, cls = element.get("id", ""), element.get("class", "")
    return bool(
        ident == "content"
        or cls == "content"
        or _MAIN_ID.search(ident)
        or _MAIN_CLASS.search(cls)
        or "main-content" in ident.replace("C", "c").replace("M", "m")
        or "main-content" in cls.replace("C", "c").replace("M", "m")
        or "page-content" in cls.replace("C", "c").replace("P", "p")
    )


class _FirstFinder(_Finder):
    """Stands in for a BODY_XPATH expression: the first element in document order that passes
    the test, alone in a list (none when none does). ``.//*[...][1]`` reads the first match
    among each element's children, and the first of those in document order is the page's
    first match: any match before it would be an earlier sibling or in an earlier subtree."""

    def __call__(self, tree: HtmlElement) -> list[HtmlElement]:
        found = tree.iterdescendants(*self.tags)
        return next(([element] for element in found if self.test(element)), [])


_BODY_XPATH = main_extractor.BODY_XPATH
BODY_FINDERS: list[Find] = [
    _FirstFinder(_CONTENT, _article_content),
    _BODY_XPATH[1],
    _FirstFinder(_CONTENT, _story),
    _FirstFinder(_CONTENT, _main_content),
    _BODY_XPATH[4],
]
# What a run swaps in trafilatura.main_extractor: its lists of XPaths by name.
_SWAPPED: dict[str, list[Find]] = {
    **SECTION_PRUNES,
    "BODY_XPATH": BODY_FINDERS,
}
_XPATHS = {name: getattr(main_extractor, name) for name in _SWAPPED}
# And in trafilatura.htmlprocessing, its link-density test (``density``), which the removal of
# link-rich sections there reads.
_TRAFILATURA_TEST = htmlprocessing.link_density_test


@contextmanager
def _finders() -> Iterator[None]:
    """trafilatura's section prunes and its search for the article's container with the finders
    in place of its XPaths, and its link-density test with ``density``'s, for one run.

    trafilatura reads those lists from its module when it prunes, so they are swapped there and
    put back after; only speed depends on which ones a run meets (the finders find the same
    elements), so a run in another thread meanwhile still gives its usual output."""
    for name, finders in _SWAPPED.items():
        setattr(main_extractor, name, finders)
    htmlprocessing.link_density_test = density.link_density_test
    try:
        yield
    finally:
        for name, xpaths in _XPATHS.items():
            setattr(main_extractor, name, xpaths)
        htmlprocessing.link_density_test = _TRAFILATURA_TEST


class Pruned:
    """A page's tree as trafilatura's runs start from it: copies pruned of what they never read.

    Most pages are read by one run only (precision mode, without doubt, see ``extract_article``):
    that run cleans the copy made with the page in place (``spare``), and the copy the later
    readers share (``tree``) is made only when one of them asks for it: a copy of the whole page
    less on those pages. Pruning the same tree again gives the same copy, and a page whose first
    copy pruned without failing prunes again without failing."""

    def __init__(self, source: HtmlElement) -> None:
        self.source = source  # the page's own tree, left as it is
        own = copy(source)
        self.is_forum = _forum_thread_page(own)  # before the prunes, as trafilatura tells it
        self._spare: HtmlElement | None = _pruned(own)
        self._shared: HtmlElement | None = None

    @property
    def tree(self) -> HtmlElement:
        """The pruned copy the page's readers share (readers that change it copy it first)."""
        if self._shared is None:
            self._shared, self._spare = self._spare or _pruned(copy(self.source)), None
        return self._shared

    def spare(self) -> HtmlElement:
        """A pruned copy for one run to change as it cleans it: the first made, then copies."""
        if self._spare is None:
            return copy(self.tree)
        spare, self._spare = self._spare, None
        return spare


def _pruned(tree: HtmlElement) -> HtmlElement:
    return prune(prune(tree, RAW_PRUNE), COMMENTS_AND_LISTS_PRUNE)


def pruned(tree: HtmlElement) -> Pruned:
    """Copies of ``tree`` pruned for every run on the page (``tree`` itself is left as it is)."""
    return Pruned(tree)


def _cleaned(tree: HtmlElement, options: Extractor, url: str) -> HtmlElement:
    """``tree`` itself cleaned as trafilatura cleans its copy before reading it."""
    return convert_tags(tree_cleaning(tree, options), options, url)


def run(page: Pruned, options: Extractor, url: str) -> tuple[str, _Element] | None:
    """trafilatura's text and body of the page, as ``bare_extraction`` gives them with
    ``options`` (fast mode, comments off), or None when it keeps too little."""
    cleaned = _cleaned(page.spare(), options, url)
    if options.focus == "precision":
        cleaned = prune(cleaned, COMMENTS_PRUNE)
    with _finders():
        body, text = extract_content(cleaned, options)
    if len(text) < options.min_extracted_size and options.focus != "precision":
        rescued, rescued_text, rescued_length = baseline(page.tree)
        if rescued_length > len(text):
            body, text = rescued, rescued_text
    if (
        options.focus == "balanced"
        and 0 < len(text) < ESCALATION_MAX_LENGTH
        and len(text) < ESCALATION_PAGE_SHARE * len(html2txt(page.tree))
    ):
        recall = copy(options)
        recall.focus = "recall"
        try:
            with _finders():
                retried, retried_text = extract_content(_cleaned(page.spare(), recall, url), recall)
        except Exception:  # trafilatura survives a failed retry too, keeping what it had
            retried, retried_text = body, ""
        length = len(retried_text)
        if length >= options.min_extracted_size and length > ESCALATION_ACCEPT_RATIO * len(text):
            body, text = retried, retried_text
    if options.max_tree_size and len(body) > options.max_tree_size:
        strip_tags(body, "hi")
        if len(body) > options.max_tree_size:
            return None
    if len(text) < options.min_output_size and options.min_output_comm_size > 0:
        return None
    return xmltotxt(body, options.formatting), body
