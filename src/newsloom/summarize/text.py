"""Plain-text helpers for summaries: sentence splitting, light compression and title cleaning.

Everything here is regex based and fast; no model is loaded. Functions are pure and public so the
LLM backend and the grounding check can reuse them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsloom.summarize.furniture import is_furniture, strip_caption_label
from newsloom.summarize.mainverb import lacks_main_clause
from newsloom.summarize.speech import REPORT, SAY, alternation
from newsloom.summarize.words import DOUBLE_QUOTES, MONTH_ABBREVIATIONS

# After these, a capitalised word usually continues the sentence ("Dr. Chen", "Jan. 5"): titles,
# the months (words.MONTH_ABBREVIATIONS), a saint, a mount, a number, a volume, a figure, pages.
_NEVER_FINAL = (
    frozenset(
        """
    mr mrs ms mx dr prof gen gov sen rep lt col capt cmdr maj sgt cpl adm pres supt insp det rev fr
    hon messrs mme mlle st mt no nos vol fig pp
    """.split()
    )
    | MONTH_ABBREVIATIONS
)
# Words that end with a period without ending a sentence (matched case-insensitively, no dot):
# those above and these, after which a sentence may also end ("Brandt Ltd.", "on Tues.").
ABBREVIATIONS = _NEVER_FINAL | frozenset(
    """
    sr jr ft inc ltd corp co bros plc llc dept univ assn est approx vs etc al cf ed eds mon tue tues
    wed thu thur thurs fri sat sun ave blvd rd hwy
    """.split()
)
# Words that typically open a new sentence after an ambiguous "U.S." or "p.m.".
_STARTERS = frozenset(
    """
    the a an he she it they we i you his her its their our this that these those there here but and
    in on at after before when while however meanwhile officials police authorities according
    """.split()
)

_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+)")
_WORD_BEFORE = re.compile(r"([\w.'’-]+)$")
_ACRONYM = re.compile(r"^(?:[A-Za-z]\.){2,}$")
# A list item's marker ("-- ", "_ ", "• "), as wire digests and bulleted pages open each item:
# the marker is layout, and the item after it may be a whole sentence.
_LIST_MARKER = re.compile(r"^(?:--|[-_•*·▪–—])\s+(?=[\"'“‘(]?[A-Z0-9])")

_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATELINE_PATTERNS = (
    # "BERLIN (Reuters) -", "NEW YORK, Jan. 5 (AP) —", "LONDON —"
    re.compile(
        r"^[A-Z][A-Z.'’\- ]{1,40}(?:,\s*[A-Z][A-Za-z.'’ ]{1,30})?"
        rf"(?:,?\s*{_MONTHS}\s+\d{{1,2}})?\s*(?:\([^()]{{1,40}}\))?\s*[-—–_]{{1,2}}\s+"
    ),
    # "Berlin (Reuters) -", "Paris, May 3 (AFP) —"
    re.compile(
        rf"^[A-Z][\w.'’ ]{{1,40}}(?:,\s*{_MONTHS}\s+\d{{1,2}})?\s*\([A-Za-z][\w .&-]{{1,30}}\)"
        r"\s*[-—–_:]{1,2}\s+"
    ),
    # A dash set close, as some papers set it: "PALM BEACH, Fla.—President ...", "WASHINGTON—The
    # Senate ...". Only after a place with its state or country, or before an article: "U.S.—China
    # talks" and "NATO—Russia ties" open on a name pair, not a dateline.
    re.compile(r"^[A-Z][A-Z.'’\- ]{1,40},\s*[A-Z][A-Za-z.'’ ]{1,30}[—–](?=[A-Z])"),
    re.compile(r"^[A-Z][A-Z'’\- ]{2,40}[—–](?=(?:The|A|An)\s)"),
    # "(CNN) —", and "(CNN) Chrissy Teigen ..." where the extractor lost the dash
    re.compile(r"^\([A-Za-z][\w .&-]{1,30}\)\s*[-—–_:]{1,2}\s+"),
    re.compile(r"^\((?:[A-Z]{2,}|Reuters|Bloomberg|dpa)\)\s+(?=[A-Z])"),
)
# Credits in parentheses or brackets: "(AP Photo/Jane Roe)", "[Photo: Harbour Gazette]".
_CREDIT = re.compile(
    r"[(\[](?:[^()\[\]]*\b(?:photo|photograph|image|picture|credit|file|getty|courtesy)\b[^()\[\]]*)"
    r"[)\]]",
    re.IGNORECASE,
)
_PROMO_START = re.compile(
    r"^(?:read more|read also|also read|more:|related|advertisement|sponsored|subscribe|sign up|"
    r"click here|follow us|follow (?:him|her|them) on|share this|watch:|watch live|listen:|"
    r"continue reading|see also|recommended|editor'?s note|updated?:|breaking:|reporting by|"
    r"writing by|editing by|additional reporting|contact the author|this story|this article|"
    # The outlet inviting its reader to write to it: "Chat with us in Facebook Messenger."
    r"chat with us|message us|email us|write to us|get in touch with us)",
    re.IGNORECASE,
)
_PROMO_ANYWHERE = re.compile(
    r"subscribe to|sign up for (?:our|the|a)|newsletter|click here|all rights reserved|©|"
    r"copyright \d{4}|originally (?:appeared|published) (?:in|on)|download (?:our|the) app|"
    r"\bphoto(?:graph)?:|\bimage:|\bcredit:|getty images|\bap photo\b|cookies? (?:policy|settings)|"
    r"terms of (?:use|service)|privacy policy|follow us on|support our journalism|"
    r"(?:this|the) (?:story|article) (?:has been|was) updated|"
    # A rights notice, not news: "may not be published, broadcast, rewritten or redistributed",
    # "shall not be republished ... without written authorization".
    r"(?:may|shall|must|cannot) not be (?:re)?(?:published|broadcast|rewritten|redistributed|"
    r"reproduced)|without (?:the )?(?:prior |express )?written (?:permission|authori[sz]ation|"
    r"consent)",
    re.IGNORECASE,
)
# Literal pieces, one of which every _PROMO_ANYWHERE match contains: a cheap test that spares most
# sentences the slow many-branch regex.
_PROMO_TRIGGERS = (
    "subscribe", "sign up", "newsletter", "click here", "rights reserved", "©", "copyright",
    "originally", "download", "photo", "image:", "credit:", "getty", "cookie", "terms of",
    "privacy policy", "follow us", "support our", "updated", "not be ", "written ",
)  # fmt: skip
# "By Jane Roe", "BY JANE ROE AND JO DOE | Coastal Wire", "By Jane Roe, Staff Writer".
_BYLINE = re.compile(
    r"^(?:By|BY|by)\s+[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|AND|&|de|van|von|da))*"
    r"(?:\s*[,|/–—-]\s*[A-Z][\w'’&]*(?:\s+[\w'’&]+){0,4})?$"
)
# Quotation marks whose opening and closing differ, so that an open quotation can be told.
_PAIRED_QUOTES = (("«", "»"), ("“", "”"))
_SINGLE_QUOTE_TAIL = re.compile(r"[.!?,]['’](?:\s|$)")
_SINGLE_QUOTE_OPEN = re.compile(r"(?:^|[\s(:])['‘]\w")
_QUOTED_SPANS = re.compile(r"“[^“”]*”|\"[^\"]*\"")
_TERMINAL = re.compile(r"[.!…][\"'”’)\]]*$")
_TITLE_PREFIX = re.compile(
    r"^(?:breaking(?: news)?|live(?: updates)?|update[sd]?|watch|video|listen|opinion|analysis|"
    r"exclusive|explainer|just in|factbox|podcast)\s*[:|–—-]\s*",
    re.IGNORECASE,
)
_TITLE_SEPARATORS = re.compile(r"\s+(?:[|–—]|-|::|»)\s+")

# ", he said." and the like: the pronoun names no one once the sentence leaves its article.
# (", they say." tags a saying, not a speaker's words: it stays.)
_TAIL_VERBS = (SAY - {"say", "told", "tells", "according"}) | REPORT
_PRONOUN_TAIL = re.compile(
    rf",\s+(?:he|she|they|it|we)\s+(?:{alternation(_TAIL_VERBS)}|(?:told|tells) (?:reporters|"
    r"the \w+|\w+))(?:\s+on\s+\w+day)?\s*(?=[.!]$)",
    re.IGNORECASE,
)
# Discourse connectives that point at a sentence the summary may not show.
_CONNECTIVE = re.compile(
    r"^(?:(?:but|and|yet),?\s+|(?:however|meanwhile|still|also|moreover|in addition|furthermore),\s+)",
    re.IGNORECASE,
)

# A reporting clause with nothing reported: "The Veland newspaper Harbour Wire said this
# week." (what it said stood in the sentence before, or after a clause a cut left out). The words
# before the verb are its subject: no verb of their own ("the inquiry reports" is a clause).
_REPORTED_ALONE = {"said", "added"} | (REPORT & {"reported", "wrote", "announced", "tweeted"})
_REPORT_ONLY = re.compile(
    rf"^(?P<subject>[^,;:\"“”«»]+?)\s(?:{alternation(_REPORTED_ALONE)}|"
    r"told reporters)(?:\s+(?:on|in|this|last|late|early|earlier|yesterday|today)"
    r"(?:\s+[\w.-]+){0,2})?\s*[.!]$"
)
_SUBJECT_VERBS = frozenset(
    "is was are were has had have will would could can may might must should did does".split()
)
# A note without its subject: "Will have twice the range of the next largest ferry." (an
# English statement never opens on a modal; a question would, and ends with "?").
_MODAL_FIRST = re.compile(r"^[\"'“‘]?(?:Will|Would|Could|Should|Can|Must|Shall)\s+[a-z]")

MIN_WORDS = 6
MAX_WORDS = 55  # wire-service leads often run 40-50 words


def normalise_space(text: str) -> str:
    """Collapse runs of whitespace into single spaces and trim. (str.split reads as whitespace
    exactly the characters a pattern's whitespace class does, and is faster.)"""
    return " ".join(text.split())


def word_count(text: str) -> int:
    """Number of whitespace-separated words."""
    return len(text.split())


def split_paragraphs(text: str) -> list[str]:
    """Split on line breaks (extractors separate paragraphs with them); drop empty lines."""
    return [normalise_space(p) for p in text.splitlines() if p.strip()]


def split_sentences(text: str) -> list[str]:
    """Split plain text into sentences.

    Line breaks always end a sentence. Inside a line a period ends a sentence unless it belongs to
    an abbreviation ("Mr.", "Jan. 5"), an initial ("J. R. Tolkien"), a decimal or an acronym
    ("U.S.") followed by a word that does not look like a sentence opener.
    """
    sentences: list[str] = []
    for paragraph in split_paragraphs(text):
        start = 0
        for match in _BOUNDARY.finditer(paragraph):
            end = match.end()
            if _inside_quotation(paragraph, start, end):
                continue  # « Première phrase. Deuxième », dit-elle: one statement, one speaker
            if _is_boundary(paragraph, match.start(), end):
                piece = paragraph[start:end].strip()
                if piece:
                    sentences.append(piece)
                start = end
        rest = paragraph[start:].strip()
        if rest:
            sentences.append(rest)
    return sentences


def _inside_quotation(text: str, start: int, end: int) -> bool:
    """A quotation opened since ``start`` is still open at ``end`` and closes later in the
    paragraph: the sentences inside it belong to one quoted statement and its attribution
    ("« Nous ne prendrons aucun risque. Les enfants d'abord », a déclaré la maire"). Split
    there, the second half would reach a summary as a quotation without its opening and the
    first half without its speaker."""
    for opening, closing in _PAIRED_QUOTES:
        before = text[start:end]
        if before.count(opening) > before.count(closing) and closing in text[end:]:
            return True
    return False


def _is_boundary(text: str, mark: int, end: int) -> bool:
    following = text[end:].lstrip()
    if not following:
        return True
    first = following[0]
    if not (first.isupper() or first.isdigit() or first in "\"'“‘([¿¡"):
        return False  # "approx. five", "e.g. the"
    if text[mark] != ".":
        return True  # "!" and "?" always end a sentence when followed by a capital
    found = _WORD_BEFORE.search(text[:mark])
    word = found.group(1) if found else ""
    bare = word.rstrip(".").lower()
    next_word = re.split(r"[^\w'’]", following, maxsplit=1)[0].lower()
    if len(bare) == 1 and bare.isalpha():
        return False  # an initial: "J. Smith"
    if bare in _NEVER_FINAL:
        return False
    if _ACRONYM.match(word + ".") or bare in ABBREVIATIONS or bare in {"a.m", "p.m"}:
        # "U.S. Army" continues; "in the U.S. The next day" ends.
        return next_word in _STARTERS
    return True


def strip_dateline(sentence: str) -> str:
    """Remove a leading dateline such as "BERLIN (Reuters) -" or "LONDON —"."""
    for pattern in _DATELINE_PATTERNS:
        stripped = pattern.sub("", sentence, count=1)
        if stripped != sentence:
            return stripped
    return sentence


@lru_cache(maxsize=65536)  # every sentence of a story is cleaned again at each refresh
def clean_sentence(sentence: str) -> str:
    """Light compression: drop a list marker, a caption label, the dateline, photo credits and
    stray whitespace."""
    text = _LIST_MARKER.sub("", normalise_space(sentence), count=1)
    text = strip_dateline(strip_caption_label(text))
    text = _CREDIT.sub("", text)
    text = normalise_space(text).replace(" ,", ",").replace(" .", ".")
    text = compress(text)
    return text[:1].upper() + text[1:] if text[:1].islower() and text[:1].isalpha() else text


def compress(sentence: str) -> str:
    """Drop what means nothing out of context: a leading "But"/"However," and, outside
    quotations, a trailing ", he said"."""
    text = _CONNECTIVE.sub("", sentence, count=1)
    if not DOUBLE_QUOTES.search(text):
        text = _PRONOUN_TAIL.sub("", text, count=1)
    if text is not sentence and text[:1].islower():
        text = text[:1].upper() + text[1:]
    return text


def is_boilerplate(sentence: str) -> bool:
    """True for bylines, promotions, subscription prompts, credits and similar page furniture."""
    text = normalise_space(sentence)
    if _PROMO_START.match(text):
        return True
    lower = text.lower()
    if any(t in lower for t in _PROMO_TRIGGERS) and _PROMO_ANYWHERE.search(text):
        return True
    if is_furniture(text):
        return True
    return bool(word_count(text) <= 12 and _BYLINE.match(text))


def quoted_share(sentence: str) -> float:
    """Share of the characters that sit inside quotation marks."""
    inside = sum(len(m.group(0)) for m in _QUOTED_SPANS.finditer(sentence))
    return inside / max(1, len(sentence))


def reports_nothing(sentence: str) -> bool:
    """A subject and a reporting verb, and nothing reported (_REPORT_ONLY)."""
    found = _REPORT_ONLY.match(sentence.strip())
    if not found:
        return False
    subject = found.group("subject").split()
    return not any(w in _SUBJECT_VERBS or (w.islower() and w.endswith("ed")) for w in subject)


@lru_cache(maxsize=65536)  # every candidate of a story is read again at each refresh
def rejection_reason(sentence: str, min_words: int = MIN_WORDS, max_words: int = MAX_WORDS) -> str:
    """Why a cleaned sentence is unfit for a summary, or "" when it is fit."""
    words = word_count(sentence)
    if words < min_words:
        return "short"
    if words > max_words:
        return "long"
    if is_boilerplate(sentence):
        return "boilerplate"
    stripped = sentence.rstrip("\"'”’) ")
    if stripped.endswith("?"):
        return "question"
    if sentence.endswith(("...", "…")) or not _TERMINAL.search(sentence):
        return "fragment"  # truncated feed summaries, headings, list items
    first = sentence.lstrip("\"'“‘(")[:1]
    if not first or not (first.isupper() or first.isdigit()):
        return "fragment"
    if lacks_main_clause(sentence):
        return "fragment"  # a scene setter, a caption, a phrase leading into the next one
    if reports_nothing(sentence) or _MODAL_FIRST.match(sentence):
        return "fragment"  # says who reported but not what; a note without its subject
    if len(DOUBLE_QUOTES.findall(sentence)) % 2 == 1:
        return "quote"  # a quotation split across sentences
    if _SINGLE_QUOTE_TAIL.search(sentence) and not _SINGLE_QUOTE_OPEN.search(sentence):
        return "quote"  # the end of a single-quoted quotation that began a sentence earlier
    if quoted_share(sentence) > 0.6:
        return "quote"
    return ""


def clean_title(title: str, outlet: str = "") -> str:
    """A headline without the outlet suffix (" - Outlet", " | Outlet") or a "LIVE:" style prefix.

    A trailing segment is removed when it names the outlet, or when it is short and looks like a
    name (every word capitalised) and leaves a headline of at least four words.
    """
    text = _TITLE_PREFIX.sub("", normalise_space(title))
    while True:
        parts = _TITLE_SEPARATORS.split(text)
        if len(parts) < 2:
            break
        tail = parts[-1]
        head = text[: len(text) - len(tail)].rstrip(" |–—-:»")
        named = bool(outlet) and _squash(tail) == _squash(outlet)
        if not head or not (named or (_looks_like_name(tail) and word_count(head) >= 3)):
            break
        text = head
    return text.strip()


def _squash(text: str) -> str:
    return re.sub(r"[^\w]+", "", text).lower()


def _looks_like_name(segment: str) -> bool:
    words = segment.split()
    if not words or len(words) > 4:
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or "." in w for w in words) and not any(
        ch.isdigit() for ch in segment.replace(".", "")
    )
