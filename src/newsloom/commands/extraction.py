"""``newsloom eval extraction DIR``: the pipeline's extractor scored on an article-extraction set."""

from __future__ import annotations

import argparse
from pathlib import Path

from newsloom.commands import CommandGroups, print_json
from newsloom.settings import Settings


def register(groups: CommandGroups) -> None:
    eve = groups.eval.add_parser(
        "extraction",
        help="article extraction on a directory of html/<id>.html.gz pages and ground-truth.json",
    )
    eve.add_argument("directory")
    eve.add_argument(
        "--pages-out", metavar="FILE", help="also write one JSON line of scores per page to FILE"
    )
    eve.set_defaults(handler=cmd_eval_extraction)


def cmd_eval_extraction(args: argparse.Namespace, settings: Settings) -> int:
    from newsloom.eval.extraction import evaluate_extraction

    pages_out = Path(args.pages_out) if args.pages_out else None
    print_json(evaluate_extraction(Path(args.directory), pages_out=pages_out))
    return 0
