"""``newsloom eval extraction DIR``: the pipeline's extractor scored on an article-extraction set.

DIR is laid out like scrapinghub/article-extraction-benchmark: ``html/<id>.html.gz`` and
``ground-truth.json`` (``{"<id>": {"articleBody": ..., "url": ...}}``). The score is that
benchmark's own: per page, multisets of 4-token shingles of the gold and the extracted text give
tp/fp/fn, normalised to sum to one; precision and recall are averaged over pages and F1 is taken of
the two averages.
"""

from __future__ import annotations

import gzip
import json
import re
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from statistics import fmean
from typing import Any

from newsloom.errors import EvalError, ExtractError
from newsloom.records import Extracted

SHINGLE_SIZE = 4
_TOKEN = re.compile(r"\w+")

Extractor = Callable[[bytes, str], Extracted]


@dataclass(frozen=True)
class ShingleCounts:
    """One page's true positives, false positives and false negatives, summing to 1 (or all 0)."""

    tp: float
    fp: float
    fn: float


@dataclass(frozen=True)
class GoldPage:
    page_id: str
    url: str
    text: str
    html_path: Path


def tokens(text: str) -> list[str]:
    """Unicode word tokens, case kept (the benchmark's tokenizer)."""
    return _TOKEN.findall(text or "")


def shingles(text: str, size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """Multiset of consecutive ``size``-token runs; a shorter text gives one short shingle."""
    words = tokens(text)
    runs = (tuple(words[i : i + size]) for i in range(max(1, len(words) - size + 1)))
    return Counter(run for run in runs if run)


def shingle_counts(gold: str, predicted: str, size: int = SHINGLE_SIZE) -> ShingleCounts:
    """tp/fp/fn over the union of shingles, divided by their sum so every page weighs the same."""
    want, got = shingles(gold, size), shingles(predicted, size)
    tp = float(sum((want & got).values()))
    fp = float(sum((got - want).values()))
    fn = float(sum((want - got).values()))
    total = tp + fp + fn
    if total == 0:
        return ShingleCounts(0.0, 0.0, 0.0)
    return ShingleCounts(tp / total, fp / total, fn / total)


def page_precision(counts: ShingleCounts) -> float | None:
    """None when undefined (nothing predicted and nothing to find), so the page is left out."""
    if counts.tp + counts.fp == 0:
        return None
    if counts.fp == counts.fn == 0:
        return 1.0
    return counts.tp / (counts.tp + counts.fp)


def page_recall(counts: ShingleCounts) -> float | None:
    if counts.tp + counts.fn == 0:
        return None
    if counts.fp == counts.fn == 0:
        return 1.0
    return counts.tp / (counts.tp + counts.fn)


def corpus_scores(pages: Sequence[ShingleCounts]) -> dict[str, float]:
    """Mean page precision, mean page recall and the F1 of those two means."""
    precisions = [p for c in pages if (p := page_precision(c)) is not None]
    recalls = [r for c in pages if (r := page_recall(c)) is not None]
    if not precisions or not recalls:
        raise EvalError("eval: no page has a defined precision and recall")
    precision, recall = fmean(precisions), fmean(recalls)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def word_f1(gold: str, predicted: str) -> float:
    """Bag-of-words F1 of lower-cased tokens (WCXB's simpler per-page figure)."""
    want = Counter(t.lower() for t in tokens(gold))
    got = Counter(t.lower() for t in tokens(predicted))
    common = sum((want & got).values())
    if not want and not got:
        return 1.0
    if common == 0:
        return 0.0
    precision, recall = common / sum(got.values()), common / sum(want.values())
    return 2 * precision * recall / (precision + recall)


def load_gold(directory: Path) -> list[GoldPage]:
    """The pages of ``directory`` in id order; EvalError when the layout is not the benchmark's."""
    truth_path = directory / "ground-truth.json"
    try:
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise EvalError(f"eval: cannot read {truth_path}: {exc}") from exc
    if not isinstance(truth, dict) or not truth:
        raise EvalError(f"eval: {truth_path} holds no pages")
    pages = []
    for page_id in sorted(truth):
        item = truth[page_id]
        html_path = directory / "html" / f"{page_id}.html.gz"
        if not isinstance(item, dict) or not html_path.is_file():
            raise EvalError(f"eval: page {page_id} lacks its gold item or {html_path}")
        pages.append(
            GoldPage(page_id, str(item.get("url") or ""), item.get("articleBody") or "", html_path)
        )
    return pages


def _html(page: GoldPage) -> bytes:
    try:
        return gzip.decompress(page.html_path.read_bytes())
    except (OSError, EOFError) as exc:
        raise EvalError(f"eval: cannot read {page.html_path}: {exc}") from exc


def _predict(html: bytes, url: str, extractor: Extractor) -> tuple[str, float]:
    """(text, seconds) of one page; a page the extractor rejects counts as an empty extraction."""
    started = time.perf_counter()
    try:
        text = extractor(html, url).text
    except ExtractError:
        text = ""
    return text, time.perf_counter() - started


def _scores(
    pages: Sequence[GoldPage], predicted: Sequence[tuple[str, float]]
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The corpus figures of one extractor's (text, seconds) per page, and per-page rows."""
    counts: list[ShingleCounts] = []
    word_scores: list[float] = []
    per_page: list[dict[str, Any]] = []
    for page, (text, _) in zip(pages, predicted, strict=True):
        page_counts = shingle_counts(page.text, text)
        counts.append(page_counts)
        word_scores.append(word_f1(page.text, text))
        per_page.append(
            {
                "id": page.page_id,
                "precision": page_precision(page_counts),
                "recall": page_recall(page_counts),
                "word_f1": round(word_scores[-1], 4),
            }
        )
    scores = corpus_scores(counts)
    seconds = sum(took for _, took in predicted)
    result = {
        "precision": round(scores["precision"], 4),
        "recall": round(scores["recall"], 4),
        "f1": round(scores["f1"], 4),
        "word_f1": round(fmean(word_scores), 4),
        "n_pages": len(pages),
        "n_empty": sum(not text.strip() for text, _ in predicted),
        "seconds": round(seconds, 3),
        "pages_per_second": round(len(pages) / seconds, 2) if seconds > 0 else 0.0,
    }
    return result, per_page


def evaluate_extraction(
    directory: Path,
    extractor: Extractor | None = None,
    pages_out: Path | None = None,
) -> dict[str, Any]:
    """Score ``extractor`` (default: the pipeline's ``extract_article``) on ``directory``.

    ``pages_out``, when given, receives one JSON line per page (id, precision, recall, word_f1) so
    that regressions can be traced to pages.
    """
    if extractor is None:
        from newsloom.extract import extract_article

        extractor = extract_article
    pages = load_gold(directory)
    predicted = [_predict(_html(page), page.url, extractor) for page in pages]
    result, per_page = _scores(pages, predicted)
    if pages_out is not None:
        pages_out.write_text("".join(json.dumps(row) + "\n" for row in per_page), encoding="utf-8")
    return result


def evaluate_sets(
    directories: Sequence[Path],
    extractors: dict[str, Extractor] | None = None,
    pages_out: Path | None = None,
) -> dict[str, Any]:
    """Every set of ``directories`` scored with each of ``extractors`` (default: newsloom, then
    trafilatura and readability as baselines) on the same pages in the same run, and the macro
    average of each extractor's F1 over the sets.

    The extractors take turns page by page, so a change in the machine's load hits all of them
    alike; ``speed_ratio_vs_trafilatura`` is trafilatura.extract's seconds over newsloom's on the
    same pages (above 1.0: newsloom is faster). ``pages_out`` gets newsloom's per-page rows.
    """
    if extractors is None:
        from newsloom.eval.baselines import BASELINES
        from newsloom.extract import extract_article

        extractors = {"newsloom": extract_article, **BASELINES}
    sets: dict[str, dict[str, Any]] = {}
    rows: list[dict[str, Any]] = []
    seconds = dict.fromkeys(extractors, 0.0)
    total = 0
    for directory in directories:
        pages = load_gold(directory)
        predicted: dict[str, list[tuple[str, float]]] = {key: [] for key in extractors}
        for page in pages:
            html = _html(page)
            for key, extractor in extractors.items():
                predicted[key].append(_predict(html, page.url, extractor))
        name = directory.name if directory.name not in sets else str(directory)
        sets[name] = {}
        for key in extractors:
            sets[name][key], per_page = _scores(pages, predicted[key])
            seconds[key] += sets[name][key]["seconds"]
            if key == next(iter(extractors)):
                rows += [{"set": name, **row} for row in per_page]
        total += len(pages)
    if pages_out is not None:
        pages_out.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    report: dict[str, Any] = {
        "sets": sets,
        "macro_f1": {
            key: round(fmean(s[key]["f1"] for s in sets.values()), 4) for key in extractors
        },
        "pages": total,
        "pages_per_second": {
            key: round(total / took, 2) if took > 0 else 0.0 for key, took in seconds.items()
        },
    }
    first = next(iter(extractors))
    if "trafilatura" in extractors and seconds[first] > 0:
        report["speed_ratio_vs_trafilatura"] = round(seconds["trafilatura"] / seconds[first], 3)
    return report
