"""``newsloom eval summarization FILE``: the product's summarizer scored with ROUGE.

Each item's documents become articles of one story and go through ``build_summarizer(settings)``,
the pipeline's own summarizer, at a budget of ``words``. The scored text is the story as a reader
meets it: the headline, the bullets, then the paragraphs. With ``previous`` the earlier documents are summarised
first and the item is scored on the update's "What's new" (items without earlier documents are
scored on the story text). Protocol (shared data README): rouge-score with stemming, text cut at
``words`` whitespace words, ROUGE-Lsum on newline-separated sentences, mean over the references,
then over the items.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from newsloom.errors import EvalError, NewsloomError
from newsloom.eval.jsonl import read_jsonl
from newsloom.eval.summary_baselines import BASELINES
from newsloom.records import Article, Cited, Summary
from newsloom.settings import Settings
from newsloom.summarize import Summarizer, build_summarizer
from newsloom.summarize.text import split_sentences

# Documents without a date keep their file order, a minute apart, from this instant.
UNDATED = datetime(2000, 1, 1, tzinfo=UTC)
METRICS = ("rouge1", "rouge2", "rougeLsum")


def load_items(path: Path) -> list[dict[str, Any]]:
    """The file's items; EvalError when it cannot be read or an item lacks documents/references."""
    items = []
    for where, item in read_jsonl(path, nonempty="items"):
        if not item.get("documents"):
            raise EvalError(f"eval: {where} has no documents")
        if not item.get("reference_summaries"):
            raise EvalError(f"eval: {where} has no reference_summaries")
        items.append(item)
    return items


def to_articles(documents: Sequence[dict[str, Any]], first_id: int = 1) -> list[Article]:
    """Articles with ids from ``first_id``; one outlet per distinct source (or per document)."""
    outlets: dict[str, int] = {}
    articles = []
    for offset, doc in enumerate(documents):
        source = str(doc.get("source") or "")
        key = source or f"#{first_id + offset}"
        source_id = outlets.setdefault(key, len(outlets) + 1)
        published = _published(str(doc.get("published") or ""), offset)
        text = str(doc.get("text") or "")
        articles.append(
            Article(
                id=first_id + offset,
                source_id=source_id,
                url=str(doc.get("url") or ""),
                canonical_url=str(doc.get("url") or ""),
                title=str(doc.get("title") or ""),
                text=text,
                published=published,
                fetched_at=published,
                outlet=source,
            )
        )
    return articles


def _published(value: str, offset: int) -> datetime:
    if value:
        try:
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            parsed = None
        if parsed is not None:
            parsed = parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed
            return parsed.astimezone(UTC) + timedelta(seconds=offset)
    return UNDATED + timedelta(minutes=offset)


def without_titles(item: dict[str, Any]) -> dict[str, Any]:
    """The item with every document's title blanked, as Multi-News documents and untitled feed
    items (microblogs, some JSON Feeds) come: the headline then has to come from the text."""
    untitled = {}
    for key in ("documents", "previous_documents"):
        if item.get(key):
            untitled[key] = [{**doc, "title": ""} for doc in item[key]]
    return {**item, **untitled}


def summarize_item(
    summarizer: Summarizer, item: dict[str, Any], words: int, previous: bool
) -> list[str]:
    """The sentences scored for one item, in reading order."""
    earlier = list(item.get("previous_documents") or []) if previous else []
    current = to_articles(item["documents"], first_id=len(earlier) + 1)
    if not earlier:
        summary = summarizer.summarize(1, current, None, words, current[-1].published)
        return story_sentences(summary)
    old = to_articles(earlier)
    first = summarizer.summarize(1, old, None, words, old[-1].published)
    update = summarizer.summarize(1, old + current, first, words, current[-1].published)
    return [c.text for c in update.whats_new]


def story_sentences(summary: Summary) -> list[str]:
    """Headline, bullets, then the paragraphs' sentences: the page's reading order (bullet 1
    states the main event, and no fact is repeated in the paragraphs)."""
    body: list[Cited] = [
        *summary.bullets,
        *(c for paragraph in summary.paragraphs for c in paragraph),
    ]
    headline = summary.headline.strip()
    if headline and not headline.endswith((".", "!", "?")):
        headline += "."
    return ([headline] if headline else []) + [c.text for c in body]


def cut_words(sentences: Sequence[str], words: int) -> list[str]:
    """The sentences cut at ``words`` whitespace words in total (the last one possibly clipped)."""
    kept: list[str] = []
    left = words
    for sentence in sentences:
        tokens = sentence.split()
        if left <= 0:
            break
        if tokens:
            kept.append(" ".join(tokens[:left]))
            left -= len(tokens)
    return kept


def reference_lines(reference: str) -> str:
    """A reference with one sentence per line, as ROUGE-Lsum expects."""
    lines = [s for line in reference.splitlines() for s in split_sentences(line)]
    return "\n".join(lines)


class _Totals:
    """Running sums of one summarizer's per-item scores (mean over the references first)."""

    def __init__(self) -> None:
        self.sums = dict.fromkeys((*METRICS, "rouge2_recall"), 0.0)
        self.items = 0

    def add(
        self, scorer: Any, references: Sequence[str], sentences: Sequence[str], words: int
    ) -> None:
        prediction = "\n".join(cut_words(sentences, words))
        per_reference = [scorer.score(r, prediction) for r in references]
        for name in METRICS:
            self.sums[name] += sum(s[name].fmeasure for s in per_reference) / len(references)
        self.sums["rouge2_recall"] += sum(s["rouge2"].recall for s in per_reference) / len(
            references
        )
        self.items += 1

    def means(self) -> dict[str, float]:
        """The mean scores x 100, rounded to two places."""
        n = max(self.items, 1)
        return {name: round(100 * total / n, 2) for name, total in self.sums.items()}


def evaluate_summarization(
    path: Path,
    settings: Settings,
    *,
    words: int,
    previous: bool = False,
    baselines: bool = False,
    titles: bool = True,
    progress: bool = True,
) -> dict[str, Any]:
    """Summarise every item of ``path`` and return the mean ROUGE scores (F1 and R-2 recall x 100).

    With ``baselines`` the same items are also summarised by MMR TF-IDF and the round-robin lead
    (summary_baselines.py, on the documents an item is scored on: the update's own with
    ``previous``) and scored alike, under ``"baselines"``. Without ``titles`` the documents'
    titles are blanked first (without_titles)."""
    from rouge_score import rouge_scorer

    if words < 1:
        raise EvalError(f"eval: --words must be positive, got {words}")
    items = load_items(path)
    summarizer = build_summarizer(settings)
    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    totals = _Totals()
    others = {name: _Totals() for name in BASELINES} if baselines else {}
    elapsed = 0.0
    for done, item in enumerate(items, start=1):
        item = item if titles else without_titles(item)
        started = time.perf_counter()
        try:
            sentences = summarize_item(summarizer, item, words, previous)
        except NewsloomError as exc:
            raise EvalError(f"eval: item {item.get('id', done)}: {exc}") from exc
        elapsed += time.perf_counter() - started
        references = [reference_lines(str(r)) for r in item["reference_summaries"]]
        totals.add(scorer, references, sentences, words)
        for name, baseline in others.items():
            baseline.add(scorer, references, BASELINES[name](item["documents"], words), words)
        if progress and done % 50 == 0:
            print(f"eval: {done}/{len(items)} items", file=sys.stderr)
    n = len(items)
    result: dict[str, Any] = totals.means()
    result["n_items"] = n
    result["items_per_second"] = round(n / elapsed, 2) if elapsed > 0 else 0.0
    if others:
        result["baselines"] = {name: baseline.means() for name, baseline in others.items()}
    return result
