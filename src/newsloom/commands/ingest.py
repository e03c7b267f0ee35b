"""``newsloom parse`` (what newsloom reads in a feed, sitemap or page), ``newsloom discover``
(find a site's feed, optionally add it) and ``newsloom bench ingest``."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from newsloom.commands import CommandGroups, positive_int, print_json
from newsloom.errors import FetchError, NewsloomError, ParseError
from newsloom.records import FeedEntry, FetchResult, ParsedFeed
from newsloom.settings import Settings


def register(groups: CommandGroups) -> None:
    parse = groups.top.add_parser(
        "parse", help="print a parsed feed, sitemap or extracted article (file or URL) as JSON"
    )
    parse.add_argument("target", metavar="FILE_OR_URL")
    parse.set_defaults(handler=cmd_parse)

    discover = groups.top.add_parser(
        "discover", help="find the feed of a site (or use its sitemap or the page itself)"
    )
    discover.add_argument("url")
    discover.add_argument("--add", action="store_true", help="add what was found as a source")
    discover.add_argument(
        "--page", action="store_true", help="with --add: poll this one article page"
    )
    discover.add_argument("--section", default="")
    discover.add_argument("--title", default="")
    discover.set_defaults(handler=cmd_discover)

    bench = groups.bench.add_parser(
        "ingest", help="fetch + parse + extract + store of generated feeds over loopback HTTP"
    )
    bench.add_argument("--pages", type=positive_int, default=2000)
    bench.add_argument("--per-feed", type=positive_int, default=20, help="pages per feed")
    bench.add_argument("--seed", type=int, default=7)
    bench.add_argument(
        "--with-stories", action="store_true", help="also cluster and summarise (slow)"
    )
    bench.add_argument(
        "--pages-dir",
        action="append",
        default=[],
        metavar="DIR",
        help="serve the real pages of this extraction set (html/<id>.html.gz); repeatable",
    )
    bench.set_defaults(handler=cmd_bench_ingest)

    whole = groups.bench.add_parser(
        "refresh",
        help="the whole refresh (fetch to summaries) over a labelled JSONL set served on loopback",
    )
    whole.add_argument("--file", required=True, help="JSONL of {title, text} articles")
    whole.add_argument("--outlets", type=positive_int, default=16, help="feeds to spread them on")
    whole.add_argument("--limit", type=positive_int, default=5000, help="articles to serve at most")
    whole.set_defaults(handler=cmd_bench_refresh)


def _entry_json(entry: FeedEntry) -> dict[str, Any]:
    out = asdict(entry)
    for name in ("published", "updated"):
        value = out[name]
        out[name] = value.isoformat() if value else None
    return out


def feed_json(feed: ParsedFeed) -> dict[str, Any]:
    out = asdict(feed)
    out["entries"] = [_entry_json(e) for e in feed.entries]
    return out


def describe(body: bytes, url: str, content_type: str = "") -> dict[str, Any]:
    """What newsloom reads in ``body``: a feed, a sitemap, or (HTML) the article."""
    from newsloom.extract import extract_article
    from newsloom.ingest.parse import detect_format, parse_feed
    from newsloom.ingest.sitemap import parse_sitemap

    kind = detect_format(body)
    if kind == "sitemap" or body.startswith(b"\x1f\x8b"):
        sitemap = parse_sitemap(body, url)
        return {
            "kind": "sitemap_index" if sitemap.is_index else "sitemap",
            "sitemaps": list(sitemap.sitemaps),
            "urls": [_entry_json(e) for e in sitemap.feed.entries],
            "warnings": list(sitemap.feed.warnings),
        }
    if kind in ("rss", "rdf", "atom", "json"):
        return {"kind": "feed", **feed_json(parse_feed(body, url))}
    if kind == "unknown":
        extracted = extract_article(body, url, content_type=content_type or None)
        out = asdict(extracted)
        out["published"] = extracted.published.isoformat() if extracted.published else None
        return {"kind": "article", **out}
    raise ParseError(f"parse: a {kind} document is not read by newsloom parse ({url})")


async def _fetch(settings: Settings, url: str) -> FetchResult:
    from newsloom.ingest.fetch import Fetcher

    async with Fetcher(settings) as fetcher:
        await fetcher.check(url)
        refused = await fetcher.refusal(url)
        if refused:
            raise FetchError(refused)
        return await fetcher.fetch(url)


def _load(settings: Settings, target: str) -> tuple[bytes, str, str]:
    """(body, url, content type) of a file or a URL fetched through the guarded Fetcher."""
    if target.startswith(("http://", "https://")):
        result = asyncio.run(_fetch(settings, target))
        if result.error or not result.ok:
            raise FetchError(result.error or f"fetch: HTTP {result.status} ({target})")
        return result.body, result.final_url, result.headers.get("content-type", "")
    try:
        body = Path(target).read_bytes()
    except OSError as exc:
        raise ParseError(f"parse: cannot read {target}: {exc.strerror or exc}") from exc
    return body, Path(target).resolve().as_uri(), ""


def _one_line_error(exc: Exception) -> int:
    # The message already starts with its stage ("fetch: ...", "parse: ..."); keep it one line.
    print(" ".join(str(exc).split()), file=sys.stderr)
    return 1


def cmd_parse(args: argparse.Namespace, settings: Settings) -> int:
    try:
        body, url, content_type = _load(settings, args.target)
        result = describe(body, url, content_type)
    except NewsloomError as exc:
        return _one_line_error(exc)
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return 0


async def _discover(settings: Settings, url: str) -> dict[str, Any]:
    from newsloom.ingest.site_feed import discover

    return await discover(settings, url)


def cmd_discover(args: argparse.Namespace, settings: Settings) -> int:
    from newsloom.records import Source

    try:
        found = asyncio.run(_discover(settings, args.url))
        if args.add and args.page:
            found = {"kind": "page", "url": args.url, "tried": found.get("tried", [])}
        if args.add and not found["url"]:
            raise ParseError(f"parse: no feed found for {args.url} (add it with --page)")
    except NewsloomError as exc:
        return _one_line_error(exc)
    if args.add:
        from newsloom.pipeline.refresh import add_sources
        from newsloom.store import Store

        title = args.title or found.get("title", "")
        source = Source(url=found["url"], kind=found["kind"], section=args.section, title=title)
        store = Store.open(settings)
        try:
            (stored,) = add_sources(store, [source])
        finally:
            store.close()
        found["source_id"] = stored.id
    print(json.dumps(found, ensure_ascii=False))
    return 0 if found["url"] else 1


def cmd_bench_ingest(args: argparse.Namespace, settings: Settings) -> int:
    from newsloom.bench.ingest import run_ingest_bench

    print_json(
        run_ingest_bench(
            settings,
            pages=args.pages,
            per_feed=args.per_feed,
            seed=args.seed,
            with_stories=args.with_stories,
            pages_dirs=[Path(d) for d in args.pages_dir],
        )
    )
    return 0


def cmd_bench_refresh(args: argparse.Namespace, settings: Settings) -> int:
    from newsloom.bench.refresh import run_refresh_bench

    try:
        result = run_refresh_bench(
            settings, file=Path(args.file), outlets=args.outlets, limit=args.limit
        )
    except NewsloomError as exc:
        return _one_line_error(exc)
    print_json(result)
    return 0
