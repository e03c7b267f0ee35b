"""Another story's box and a picture gallery run into an article's text: their sentences are refused.

An extractor that keeps a page's body keeps what the page set inside it too, and two kinds of it
bring other stories' sentences onto a summary. Each is read by its form, true of any news page:

- A related-story box: a paragraph inside the article (never its first: an article opens on its
  own subject) whose first sentence opens on another story's headline in capitals run into its
  text, a headline in the headlinese of an event to come, "<SUBJECT> TO <VERB> ..." ("HARBOUR TO
  CLOSE OLD PIER The port authority may ..."). A subheading of the article's own names a topic
  ("THE OLD PIER", "HOW TO CLAIM A REFUND", "THE FERRY THAT WENT TO THE ISLAND") and is left to
  furniture.strip_caption_label; the box's headline states another event. The box is the
  paragraph its headline opens: the sentences after it, up to the paragraph's end, tell that
  other story. (A box may run on through later paragraphs; telling where the article's own
  subject resumes is left undone: a dropped fact is worse than a kept line.)
- A picture gallery: three or more paragraphs in a row that open on the same phrase, the
  gallery's title repeated on every slide, each run into its slide's caption title or text with
  a capital ("Harbour at 200 The early years Fishing boats once ...", "Harbour at 200 A new quay
  ..."). Prose never opens three paragraphs in a row on one phrase of three words and more.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsloom.summarize.text import split_paragraphs, split_sentences

# Another story's headline in capitals, in the headlinese of an event to come: a subject of one or
# more words, "TO" and a verb (not an article or a possessive: "... TAKE MAN TO THE MOON" is a
# noun phrase's relative clause), at least three words before the text run into it. "HOW TO",
# "WHAT TO", "WHERE TO" open a subheading's advice, not an event.
_BOX_HEADLINE = re.compile(
    r"^(?!(?:HOW|WHAT|WHERE|WHEN|WHY|WHO|WHICH)\s+TO\s)"
    r"(?:[A-Z][A-Z'’&-]*\s+)+TO\s+(?!(?:THE|A|AN|ITS|HIS|HER|THEIR|OUR|YOUR|MY|THIS|THAT)\s)"
    r"[A-Z][A-Z'’&-]+\s+(?:[A-Z][A-Z'’&-]*\s+)*(?=[A-Z][a-z])"
)
# Slides of one gallery: the same opening phrase on three paragraphs in a row.
_GALLERY_RUN = 3
_GALLERY_WORDS = 3
_SENTENCE_END = re.compile(r"[.!?:;]")


@lru_cache(maxsize=4096)  # an article's body is read again at each refresh
def boxed_sentences(body: str) -> frozenset[int]:
    """Indexes, into ``split_sentences(body)``, of the sentences of another story's box or of a
    picture gallery (module docstring)."""
    paragraphs = split_paragraphs(body)
    refused: set[int] = set()  # paragraph indexes
    for index, paragraph in enumerate(paragraphs):
        # A pre-test before the regex: two capitals open the paragraph.
        if index and paragraph[:2].isupper() and _BOX_HEADLINE.match(paragraph):
            refused.add(index)
    refused |= _gallery(paragraphs)
    if not refused:
        return frozenset()
    found: set[int] = set()
    position = 0
    for index, paragraph in enumerate(paragraphs):
        count = len(split_sentences(paragraph))
        if index in refused:
            found.update(range(position, position + count))
        position += count
    return frozenset(found)


def _gallery(paragraphs: list[str]) -> set[int]:
    """Paragraphs of a run of ``_GALLERY_RUN`` or more that open on one phrase of
    ``_GALLERY_WORDS`` words or more, with a capital after it on each."""
    openings = [_opening(p) for p in paragraphs]
    refused: set[int] = set()
    start = 0
    while start < len(paragraphs):
        end = start + 1
        phrase = openings[start]
        if phrase:
            while end < len(paragraphs) and _shared(phrase, openings[end]):
                phrase = _shared(phrase, openings[end])
                end += 1
            if end - start >= _GALLERY_RUN and all(
                _capital_after(paragraphs[i], phrase) for i in range(start, end)
            ):
                refused.update(range(start, end))
        start = end
    return refused


def _opening(paragraph: str) -> tuple[str, ...]:
    """The paragraph's first words up to a sentence's end, when it opens on a capital."""
    if not paragraph[:1].isupper():
        return ()
    head = _SENTENCE_END.split(paragraph, maxsplit=1)[0]
    return tuple(head.split()[:12])


def _shared(phrase: tuple[str, ...], other: tuple[str, ...]) -> tuple[str, ...]:
    """The words ``phrase`` and ``other`` open on alike, when there are enough of them."""
    length = 0
    for a, b in zip(phrase, other, strict=False):
        if a != b:
            break
        length += 1
    return phrase[:length] if length >= _GALLERY_WORDS else ()


def _capital_after(paragraph: str, phrase: tuple[str, ...]) -> bool:
    """A capitalised word follows the shared phrase: a title run into the slide's text."""
    words = paragraph.split()
    return len(words) > len(phrase) and words[len(phrase)][:1].isupper()
