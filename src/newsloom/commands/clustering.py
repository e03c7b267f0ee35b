"""``newsloom eval clustering``: the product's clusterer scored on a labelled JSONL file."""

from __future__ import annotations

import argparse
from pathlib import Path

from newsloom.commands import CommandGroups, print_json
from newsloom.settings import Settings


def register(groups: CommandGroups) -> None:
    evc = groups.eval.add_parser("clustering", help="story clustering on a labelled JSONL file")
    evc.add_argument("file")
    evc.set_defaults(handler=cmd_eval_clustering)


def cmd_eval_clustering(args: argparse.Namespace, settings: Settings) -> int:
    from newsloom.eval.clustering import evaluate_clustering

    print_json(evaluate_clustering(Path(args.file), settings))
    return 0
