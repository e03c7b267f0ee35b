"""``newsloom eval readability FILE.jsonl|--demo``: summaries measured as a reader meets them.

Stories are built by the pipeline's own summarizer stage (``summarize_story``, what ``refresh``
calls, with the budget it gives), from a file's articles grouped by their gold ``label`` (or one
story per item of a summarization file), or from the demo newsroom. Reported, over all stories:

- ``opening_reference_rate``: bullets, takeaways and paragraph openings whose opening points at
  something the page has not said (openings.py: a pronoun, a connective, a bare definite),
- ``repeated_fact_pairs_per_story``: pairs of statements (bullets, paragraph sentences,
  takeaways) that repeat a fact (openings.repeats: half of the content words of each, or a
  shared name or number with something said of it and half of the shorter's words; the same
  count with the same deed after it, counted.py; a later statement telling an earlier one's
  event again with nothing checkable of its own, retelling.py),
- ``facts_told_again_per_story``: statements after bullet 1 whose checkable facts the page
  (the headline and every statement before it) has all told: its counts, names, roles and
  times, and every word it says beside them (toldagain.py: "The Consumer Safety Board says about
  86,000 phones are affected" once the page gave the recall of 86,000 phones and the board),
- ``short_name_refs_per_story``: "the <noun>" in any statement, where its cited article named a
  thing whose name ends in that noun before it and the page has not given the noun (shortnames.py:
  "families at the hall" before the page names the Tessalian Community Hall),
- ``inner_refs_per_story``: statements with a reference past their opening that nothing before
  it resolves (innerrefs.py: "should fill that gap", "Halvard said they would be offered ..."),
- ``furniture_per_sentence``: captions, credits, embedded posts and prompts (furniture.py),
- ``long_statement_rate``: statements over 40 words,
- ``commentary_per_story``: statements in the writer's voice with no one credited (commentary.py:
  an order to the reader, an exclamation, a rhetorical question, a slang label, a verdict),
- ``people_introduced_again_per_story``: statements that name a person again in full (and role)
  after the page named them, or by the surname before the page named them (people.py),
- ``people_first_unnamed_role_per_story``: first mentions of a person that say nothing of who
  they are while a later statement of the page gives their role (people.py),
- ``people_unnamed_in_articles_per_story``: first mentions of a person that say nothing of who
  they are while the statement's own articles give a role (people.roles_from_articles gives it
  where it can: never inside a quotation or to one of several people named together),
- ``main_event_coverage`` where the set names its stories' events: the share of the event's
  words that bullet 1 and the headline carry (the demo's annotations, giveme's ``event``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import combinations
from pathlib import Path
from typing import Any

from newsloom.demo.newsroom import DemoStory, load_newsroom
from newsloom.errors import EvalError
from newsloom.eval.jsonl import read_jsonl
from newsloom.eval.summarization import to_articles
from newsloom.pipeline.summaries import summarize_story
from newsloom.records import Article, Cited, Summary
from newsloom.settings import Settings
from newsloom.summarize import build_summarizer
from newsloom.summarize.commentary import is_commentary
from newsloom.summarize.described import as_named, descriptions
from newsloom.summarize.furniture import is_furniture
from newsloom.summarize.innerrefs import inner_reference
from newsloom.summarize.openings import opening_reference
from newsloom.summarize.people import (
    article_roles,
    introduction_flaws,
    people_of,
    unnamed_first_mentions,
    unnamed_in_articles,
)
from newsloom.summarize.retold import repeats_statement
from newsloom.summarize.shortnames import Names, thing_names, unnamed_short_references
from newsloom.summarize.toldagain import Page
from newsloom.summarize.words import tokens
from newsloom.textkit import stem

LONG_STATEMENT = 40  # words
_FUNCTION_WORDS = frozenset("in of the a an to at on for and".split())
DEMO_NOW = datetime(2031, 1, 10, tzinfo=UTC)


@dataclass(frozen=True)
class StoryInput:
    """One story's articles and, where the set names it, the words of its main event."""

    label: str
    articles: list[Article]
    event: tuple[str, ...] = ()  # entries the lead must carry ("miners", "rescued|freed")


def demo_articles(story: DemoStory, now: datetime = DEMO_NOW) -> list[Article]:
    """The demo story's original articles as the store holds them after a refresh (copies are
    stored as copies and never reach the summarizer)."""
    originals = [a for a in story.articles if a.copy_of is None]
    outlets = sorted({a.outlet for a in originals})
    names = {o.id: o.name for o in load_newsroom().outlets.values()}
    return [
        Article(
            id=index + 1,
            source_id=outlets.index(a.outlet) + 1,
            url=f"https://{a.outlet}.example{a.path}",
            canonical_url=f"https://{a.outlet}.example{a.path}",
            title=a.title,
            text="\n\n".join(a.paragraphs),
            lead=a.lead,
            published=now - timedelta(minutes=a.offset_minutes),
            fetched_at=now,
            outlet=names.get(a.outlet, a.outlet),  # the display name, as the store reads it
        )
        for index, a in enumerate(originals)
    ]


def demo_stories() -> list[StoryInput]:
    return [
        StoryInput(s.label, demo_articles(s), s.main_event + s.latest)
        for s in load_newsroom().stories
    ]


def file_stories(path: Path) -> list[StoryInput]:
    """Articles grouped by ``label`` (a clustering file), or one story per summarization item."""
    rows = [row for _, row in read_jsonl(path)]
    if rows and all("documents" in r for r in rows):
        return [
            StoryInput(str(r.get("id", i)), to_articles(r["documents"])) for i, r in enumerate(rows)
        ]
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        if "label" not in row or "text" not in row:
            raise EvalError(f"eval: {path}: every line needs 'label' and 'text' (or 'documents')")
        groups[str(row["label"])].append(row)
    stories = []
    for label, docs in sorted(groups.items()):
        articles = [
            _with_lead(a, str(d.get("description") or ""))
            for a, d in zip(to_articles(docs), docs, strict=True)
        ]
        event = tuple(str(docs[0].get("event") or "").replace("_", " ").split())
        stories.append(StoryInput(label, articles, event))
    return stories


def _with_lead(article: Article, lead: str) -> Article:
    from dataclasses import replace

    return replace(article, lead=lead)


def evaluate_readability(
    settings: Settings, *, path: Path | None = None, demo: bool = False, examples: int = 5
) -> dict[str, Any]:
    """The figures above over the file's (or the demo's) stories, with up to ``examples``
    statements of each kind counted (0: every one, to read them all)."""
    if (path is None) == (not demo):
        raise EvalError("eval: readability takes FILE or --demo")
    stories = demo_stories() if demo else file_stories(path)  # type: ignore[arg-type]
    summarizer = build_summarizer(settings)
    counts: dict[str, float] = defaultdict(float)
    found: dict[str, list[str]] = defaultdict(list)
    coverage: list[float] = []
    headline_coverage: list[float] = []
    for number, story in enumerate(stories, start=1):
        now = max(a.published for a in story.articles)
        summary = summarize_story(summarizer, settings, number, story.articles, None, now)
        if summary is None:
            continue
        people = people_of(f"{a.lead}\n\n{a.text}" for a in story.articles)
        _count(summary, counts, found, descriptions(story.articles, people))
        short = _short_names(summary, story.articles)
        counts["short_names"] += len(short)
        found["short_name"].extend(short)
        flaws = introduction_flaws(_page(summary), people)
        counts["introductions"] += len(flaws)
        if flaws:
            found["introduced_again"].extend(flaws)
        unnamed = unnamed_first_mentions(_page(summary), people)
        counts["first_unnamed_roles"] += len(unnamed)
        found["first_unnamed_role"].extend(unnamed)
        roles = {a.id: article_roles(f"{a.lead}\n\n{a.text}", people) for a in story.articles}
        cited = _cited(summary)
        statement_roles = [
            {s: r for i in c.article_ids for s, r in roles.get(i, {}).items()} for c in cited
        ]
        bare = unnamed_in_articles([c.text for c in cited], people, statement_roles.__getitem__)
        counts["unnamed_in_articles"] += len(bare)
        found["unnamed_in_articles"].extend(bare)
        if story.event:
            coverage.append(
                event_share(story.event, summary.bullets[0].text if summary.bullets else "")
            )
            headline_coverage.append(event_share(story.event, summary.headline))
    statements = max(1.0, counts["openings"])
    result: dict[str, Any] = {
        "stories": len(stories),
        "opening_reference_rate": round(counts["opening_refs"] / statements, 4),
        "repeated_fact_pairs_per_story": round(counts["repeats"] / max(1, len(stories)), 3),
        "facts_told_again_per_story": round(counts["told_again"] / max(1, len(stories)), 3),
        "short_name_refs_per_story": round(counts["short_names"] / max(1, len(stories)), 3),
        "furniture_per_sentence": round(counts["furniture"] / max(1.0, counts["sentences"]), 4),
        "long_statement_rate": round(counts["long"] / max(1.0, counts["sentences"]), 4),
        "commentary_per_story": round(counts["commentary"] / max(1, len(stories)), 3),
        "inner_refs_per_story": round(counts["inner_refs"] / max(1, len(stories)), 3),
        "people_introduced_again_per_story": round(
            counts["introductions"] / max(1, len(stories)), 3
        ),
        "people_first_unnamed_role_per_story": round(
            counts["first_unnamed_roles"] / max(1, len(stories)), 3
        ),
        "people_unnamed_in_articles_per_story": round(
            counts["unnamed_in_articles"] / max(1, len(stories)), 3
        ),
        "statements": int(counts["openings"]),
        "sentences": int(counts["sentences"]),
    }
    if coverage:
        result["main_event_coverage_bullet1"] = round(sum(coverage) / len(coverage), 4)
        result["main_event_coverage_headline"] = round(
            sum(headline_coverage) / len(headline_coverage), 4
        )
    result["examples"] = {k: v if examples <= 0 else v[:examples] for k, v in sorted(found.items())}
    return result


def _count(
    summary: Summary,
    counts: dict[str, float],
    examples: dict[str, list[str]],
    described: dict[str, str],
) -> None:
    told = _lower_words(summary.headline)
    # Page order: headline, bullets, paragraphs, takeaways. Each bullet, each paragraph's first
    # sentence and each takeaway is read on its own; the words before it are what it may use.
    openings = [b.text for b in summary.bullets]
    openings += [p[0].text for p in summary.paragraphs if p]
    openings += [t.text for t in summary.takeaways]
    for text in openings:
        reason = opening_reference(text, told)
        if reason:
            counts["opening_refs"] += 1
            examples[f"opening_{reason}"].append(text)
        told |= _lower_words(text)
    counts["openings"] += len(openings)
    # A reference further in (innerrefs.py): a statement read on its own (a bullet, a paragraph's
    # opening, a takeaway) has only the page's words before it; one inside a paragraph also has
    # the sentence just before it.
    told = _lower_words(summary.headline)
    for text, previous in _in_reading_order(summary):
        if inner_reference(text, told, previous):
            counts["inner_refs"] += 1
            examples["inner_ref"].append(text)
        told |= _lower_words(text)
    sentences = _page(summary)
    counts["sentences"] += len(sentences)
    for text in sentences:
        if is_furniture(text):
            counts["furniture"] += 1
            examples["furniture"].append(text)
        if len(text.split()) > LONG_STATEMENT:
            counts["long"] += 1
        if is_commentary(text):
            counts["commentary"] += 1
            examples["commentary"].append(text)
    # A description the story's articles attach to one person is that person's name here, as
    # in the summarizer's own test (described.py).
    named = [as_named(text, described) for text in sentences]
    for (i, a), (j, b) in combinations(enumerate(named), 2):
        if repeats_statement(a, b):
            counts["repeats"] += 1
            examples["repeat"].append(f"{sentences[i]} || {sentences[j]}")
    # Facts told again across the page (toldagain.py): bullet 1 tells the main event the
    # headline sums up; each statement after it is read against all the page said before.
    page = Page.of([summary.headline, *named[:1]])
    for text, shown in zip(named[1:], sentences[1:], strict=True):
        if page.tells(text):
            counts["told_again"] += 1
            examples["told_again"].append(shown)
        page.add(text)


def _short_names(summary: Summary, articles: Sequence[Article]) -> list[str]:
    """The statements, in reading order, that use a thing's short name ("the hall") before the
    page has given its noun (shortnames.unnamed_short_references), where a cited article named
    the thing before the statement's words."""
    texts = {a.id: f"{a.lead}\n\n{a.text}" for a in articles}
    statements = [*summary.bullets, *(c for p in summary.paragraphs for c in p), *summary.takeaways]
    told = _lower_words(summary.headline)
    flawed = []
    for cited in statements:
        named: Names = {}
        for article_id in cited.article_ids:
            text = texts.get(article_id, "")
            at = text.find(" ".join(cited.text.split()[:5]))
            thing_names(text[: at if at >= 0 else len(text)], named)
        if unnamed_short_references(cited.text, named, told):
            flawed.append(cited.text)
        told |= _lower_words(cited.text)
    return flawed


def _in_reading_order(summary: Summary) -> list[tuple[str, str]]:
    """The page's statements in reading order, each with the sentence read just before it that
    may resolve its references: "" for a bullet, a paragraph's opening or a takeaway."""
    read = [(b.text, "") for b in summary.bullets]
    for chunk in summary.paragraphs:
        read += [(c.text, chunk[k - 1].text if k else "") for k, c in enumerate(chunk)]
    return read + [(t.text, "") for t in summary.takeaways]


def _page(summary: Summary) -> list[str]:
    """The page's statements in reading order: bullets, paragraphs, takeaways."""
    return [c.text for c in _cited(summary)]


def _cited(summary: Summary) -> list[Cited]:
    """The page's statements with their citations, in reading order."""
    return [*summary.bullets, *(c for p in summary.paragraphs for c in p), *summary.takeaways]


def event_share(event: Sequence[str], text: str) -> float:
    """Share of the event's entries that ``text`` carries. An entry is a phrase whose words must
    all appear (stemmed), or alternatives separated by "|" ("rescued|freed")."""
    entries = [e for e in event if e.lower() not in _FUNCTION_WORDS]
    if not entries:
        return 1.0
    have = {stem(w) for w in tokens(text)}
    carried = sum(
        any({stem(w) for w in tokens(option)} <= have for option in entry.split("|"))
        for entry in entries
    )
    return carried / len(entries)


def _lower_words(text: str) -> set[str]:
    return {w.lower() for w in tokens(text)}
