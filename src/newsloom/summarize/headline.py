"""A neutral story headline chosen among the articles' own titles."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from newsloom.records import Article
from newsloom.summarize.lede import title_words
from newsloom.summarize.text import clean_title, word_count
from newsloom.summarize.vectors import tfidf_rows

W_SUMMARY = 0.5  # closeness to the summary body, next to closeness to the other titles
_SHOUTY = re.compile(r"\b[A-Z]{4,}\b")
# An explainer's or an analysis's title frames a question without its mark: "What the shuttle
# can, and cannot, teach the rest of the country", "How the bid could reshape the valley", "Why
# the pier closed", "Pourquoi ...". It promises an answer, not a report of what happened, and
# reads as a question does on a story page.
_FRAMED_QUESTION = re.compile(r"^[\"“‘']?(?:What|Why|How|Who|Pourquoi|Comment)\b")
# A definite noun phrase in a title: "the ban", "l'interdiction", "la grève".
_DEFINITE = re.compile(r"\b(?:[Tt]he|[Ll]e|[Ll]a|[Ll]es|[Ll]['’])\s*([^\W\d_]{3,})\b")
# What names what a noun is about: "the ban on swimming", "l'interdiction de baignade".
_COMPLEMENT = r"(?:of|on|over|for|de|du|des|d['’])\s*(?:(?:the|le|la|les|l['’])\s*)?[^\W\d_]{3,}"
# A title a feed cut short to fit its width: it ends in an ellipsis ("... calls an end to
# night...", "... including 10 U.S...."). It reads as unfinished on any page.
_CUT_SHORT = re.compile(r"(?:\.\.\.|…)\s*$")


def cut_short(title: str) -> bool:
    return bool(_CUT_SHORT.search(title))


def _tone_penalty(title: str) -> float:
    """Questions, exclamations, quotes and shouting read as framing rather than report."""
    penalty = 0.0
    if "?" in title or "!" in title or _FRAMED_QUESTION.match(title):
        penalty += 0.3
    if any(ch in title for ch in "\"“”‘’'") and re.search(r"[\"“‘]\w|\w[\"”]", title):
        penalty += 0.15
    penalty += 0.1 * len(_SHOUTY.findall(title))
    words = word_count(title)
    if words < 4 or words > 16:
        penalty += 0.2
    return penalty


def choose_headline(articles: Sequence[Article], summary_text: str) -> str:
    """The title most central among the story's titles (and closest to its summary), cleaned.

    ``articles`` are in time order; ties go to the earliest. Falls back to nothing when no article
    has a title (the caller then uses another report's restatement of bullet 1, or bullet 1's
    own sentence: extractive._Plan.restatement).
    """
    titles = [clean_title(a.title, a.outlet) for a in articles]
    indexed = [(i, t) for i, t in enumerate(titles) if t]
    if not indexed:
        return ""
    if len(indexed) == 1:
        return indexed[0][1]
    rows = tfidf_rows([t for _, t in indexed] + [summary_text or " "])
    title_rows, summary_row = rows[:-1], rows[-1]
    centre = title_rows.mean(axis=0)
    # A title cut short still counts towards the centre, but is a candidate only when no
    # other title is whole.
    whole = any(not cut_short(t) for _, t in indexed)
    best, best_score = indexed[0][1], -np.inf
    for k, (_, title) in enumerate(indexed):
        if whole and cut_short(title):
            continue
        # Leave the title out of its own centre so a lone outlier cannot win by length.
        others = (centre * len(indexed) - title_rows[k]) / (len(indexed) - 1)
        score = float(title_rows[k] @ others) + W_SUMMARY * float(title_rows[k] @ summary_row)
        score -= _tone_penalty(title)
        if score > best_score + 1e-12:
            best, best_score = title, score
    return best


def complete_title(headline: str, articles: Sequence[Article]) -> str:
    """A follow-up's title that leans on the first report's ("Algues bleues : les toxines
    confirmées, l'interdiction prolongée" after "la baignade interdite à la plage des Saules"):
    a definite noun it leaves bare ("l'interdiction": of what?) is completed with the
    complement its own article writes after that noun ("l'interdiction de baignade"), when that
    complement names what an earlier title of the story named and the headline does not. The
    words are the cited article's own; nothing else is changed.
    """
    owner = next(
        (k for k, a in enumerate(articles) if clean_title(a.title, a.outlet) == headline), None
    )
    if owner is None:
        return headline
    earlier = set().union(
        *(
            title_words(clean_title(a.title, a.outlet))
            for a in articles
            if a.published < articles[owner].published
        )
    )
    text = f"{articles[owner].lead}\n{articles[owner].text}"
    for match in reversed(list(_DEFINITE.finditer(headline))):
        noun = match.group(1)
        after = headline[match.end() :]
        if re.match(rf"\s*{_COMPLEMENT}", after, re.IGNORECASE):
            continue  # already says of what
        found = re.search(rf"\b{re.escape(noun)}\s+({_COMPLEMENT})\b", text, re.IGNORECASE)
        if not found:
            continue
        complement = found.group(1)
        wanted = title_words(complement)
        if not wanted or not wanted <= earlier or wanted & title_words(headline):
            continue
        headline = f"{headline[: match.end()]} {complement}{after}"
    return headline
