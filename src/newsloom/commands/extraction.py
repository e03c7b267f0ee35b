"""``newsloom eval extraction DIR [DIR ...]``: the pipeline's extractor scored on article-extraction
sets, beside trafilatura and readability run on the same pages in the same run."""

from __future__ import annotations

import argparse
from pathlib import Path

from newsloom.commands import CommandGroups, print_json
from newsloom.settings import Settings


def register(groups: CommandGroups) -> None:
    eve = groups.eval.add_parser(
        "extraction",
        help="article extraction on directories of html/<id>.html.gz pages and ground-truth.json",
    )
    eve.add_argument("directories", nargs="+", metavar="DIR")
    eve.add_argument(
        "--pages-out", metavar="FILE", help="also write one JSON line of scores per page to FILE"
    )
    eve.add_argument(
        "--no-baselines",
        action="store_true",
        help="score newsloom alone (no trafilatura / readability figures, no speed ratio)",
    )
    eve.set_defaults(handler=cmd_eval_extraction)


def cmd_eval_extraction(args: argparse.Namespace, settings: Settings) -> int:
    from newsloom.eval.extraction import Extractor, evaluate_extraction, evaluate_sets

    pages_out = Path(args.pages_out) if args.pages_out else None
    directories = [Path(d) for d in args.directories]
    if args.no_baselines and len(directories) == 1:
        print_json(evaluate_extraction(directories[0], pages_out=pages_out))
        return 0
    extractors: dict[str, Extractor] | None = None
    if args.no_baselines:
        from newsloom.extract import extract_article

        extractors = {"newsloom": extract_article}
    print_json(evaluate_sets(directories, extractors, pages_out=pages_out))
    return 0
