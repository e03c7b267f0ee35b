"""Story commands: ``stories show|merge|split``, ``eval clustering`` and ``bench cluster``."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsloom.commands import CommandGroups, positive_int, print_json, record_id
from newsloom.settings import Settings


def register(groups: CommandGroups) -> None:
    stories = groups.top.add_parser("stories", help="inspect and correct stories")
    actions = stories.add_subparsers(metavar="ACTION")
    show = actions.add_parser("show", help="why each article joined the story")
    show.add_argument("story", type=record_id)
    show.set_defaults(handler=cmd_stories_show)
    merge = actions.add_parser("merge", help="story A joins story B (A's id redirects to B)")
    merge.add_argument("story", type=record_id, metavar="A")
    merge.add_argument("into", type=record_id, metavar="B")
    merge.set_defaults(handler=cmd_stories_merge)
    split = actions.add_parser("split", help="the articles leave the story for a new one")
    split.add_argument("story", type=record_id)
    split.add_argument("articles", type=record_id, nargs="+", metavar="ARTICLE")
    split.set_defaults(handler=cmd_stories_split)

    evc = groups.eval.add_parser("clustering", help="story clustering on a labelled JSONL file")
    evc.add_argument(
        "files", nargs="+", metavar="FILE", help="labelled JSONL; several: macro-average"
    )
    evc.add_argument("--sweep", action="store_true", help="the metrics over a range of thresholds")
    evc.add_argument("--from", dest="start", type=float, default=0.10, help="first threshold")
    evc.add_argument("--to", dest="stop", type=float, default=0.50, help="last threshold")
    evc.add_argument("--step", type=float, default=0.02)
    evc.add_argument(
        "--no-consolidate",
        dest="consolidate",
        action="store_false",
        help="score the single pass alone (the pipeline consolidates after it)",
    )
    evc.add_argument(
        "--by-error",
        type=positive_int,
        default=0,
        metavar="N",
        help="also list the N worst merges (stories mixing gold events) and why they joined",
    )
    evc.set_defaults(handler=cmd_eval_clustering)

    bench = groups.bench.add_parser("cluster", help="story assignment speed, latency and memory")
    bench.add_argument("--docs", type=positive_int, default=100_000, help="articles to replay")
    bench.add_argument("--file", help="replay a labelled JSONL file instead of a generated stream")
    bench.add_argument("--seed", type=int, default=7)
    bench.add_argument("--embed-docs", type=positive_int, default=300, help="docs to embed")
    bench.set_defaults(handler=cmd_bench_cluster)


def cmd_eval_clustering(args: argparse.Namespace, settings: Settings) -> int:
    from newsloom.eval.clustering import (
        evaluate_clustering,
        evaluate_sets,
        sweep_clustering,
        sweep_thresholds,
    )

    paths = [Path(f) for f in args.files]
    if args.sweep:
        thresholds = sweep_thresholds(args.start, args.stop, args.step)
        sweeps = {str(p): sweep_clustering(p, settings, thresholds) for p in paths}
        print_json(sweeps[str(paths[0])] if len(paths) == 1 else sweeps)
    elif len(paths) == 1:
        print_json(
            evaluate_clustering(
                paths[0], settings, consolidate=args.consolidate, by_error=args.by_error
            )
        )
    else:
        print_json(
            evaluate_sets(paths, settings, consolidate=args.consolidate, by_error=args.by_error)
        )
    return 0


def cmd_bench_cluster(args: argparse.Namespace, settings: Settings) -> int:
    from newsloom.bench.cluster import run_cluster_bench

    file = Path(args.file) if args.file else None
    print_json(
        run_cluster_bench(
            settings, docs=args.docs, file=file, seed=args.seed, embed_docs=args.embed_docs
        )
    )
    return 0


def cmd_stories_show(args: argparse.Namespace, settings: Settings) -> int:
    store = _open(settings)
    try:
        with store.read() as conn:
            lines = describe_story(conn, args.story)
    finally:
        store.close()
    print("\n".join(lines))
    return 0


def cmd_stories_merge(args: argparse.Namespace, settings: Settings) -> int:
    from newsloom.store.corrections import merge_stories

    store = _open(settings)
    try:
        merge_stories(store, args.story, args.into, datetime.now(UTC))
    finally:
        store.close()
    print(f"story {args.story} merged into story {args.into}; the next refresh re-summarises it")
    return 0


def cmd_stories_split(args: argparse.Namespace, settings: Settings) -> int:
    from newsloom.store.corrections import split_story

    store = _open(settings)
    try:
        new_id = split_story(store, args.story, args.articles, datetime.now(UTC))
    finally:
        store.close()
    ids = ", ".join(str(a) for a in args.articles)
    print(f"articles {ids} left story {args.story} for new story {new_id}")
    return 0


def describe_story(conn: Any, story_id: int) -> list[str]:
    """The story, then each article in joining order: why it joined, outlet, time, copies."""
    import newsloom.store as db
    from newsloom.errors import StoreError

    live = db.resolve_story(conn, story_id)
    story = db.get_story(conn, live) if live is not None else None
    if story is None:
        raise StoreError(f"store: no story with id {story_id}")
    lines = [] if live == story_id else [f"story {story_id} was merged into story {live}"]
    membership = db.story_membership(conn, story.id)
    members = {a.id: a for a in db.get_articles(conn, [m[0] for m in membership])}
    copies = db.copies_of_each(conn, [a for a in members if a is not None])
    everyone = [*members.values(), *(c for cs in copies.values() for c in cs)]
    first = min(everyone, key=lambda a: (a.published, a.id or 0)) if everyone else None
    lines += [
        f"story {story.id}: {story.headline or '(no headline yet)'}",
        f"  category {story.category or '-'}, importance {story.importance:.2f}, "
        f"{len(members)} articles + {len(everyone) - len(members)} copies "
        f"from {len({a.source_id for a in everyone})} outlets, "
        f"{_when(story.first_seen)} .. {_when(story.last_updated)}",
    ]
    if first is not None:
        lines.append(f"  first reporter: {_outlet(first)} at {_when(first.published)} [{first.id}]")
    for correction in db.list_corrections(conn, story_ids=[story.id]):
        lines.append(
            f"  correction {_when(correction.created)}: {correction.kind} story "
            f"{correction.story_id} -> {correction.target_id}"
            + (f" (article {correction.article_id})" if correction.article_id else "")
        )
    for article_id, similarity, reasons in membership:
        article = members.get(article_id)
        if article is None:
            continue
        lines.append(
            f"[{article_id}] {_outlet(article)}, {_when(article.published)}: {article.title}"
        )
        lines.append(f"    joined with similarity {similarity:.2f}: {reasons or '-'}")
        for copy in copies.get(article_id, []):
            note = " (published before the original!)" if copy.published < article.published else ""
            lines.append(f"    copy [{copy.id}] {_outlet(copy)}, {_when(copy.published)}{note}")
    return lines


def _outlet(article: Any) -> str:
    return str(article.outlet or f"source {article.source_id}")


def _when(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M")


def _open(settings: Settings) -> Any:
    from newsloom.store import Store

    return Store.open(settings)
