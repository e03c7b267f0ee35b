"""``newsloom eval categories``: the category classifier scored on a labelled JSONL file."""

from __future__ import annotations

import argparse
from pathlib import Path

from newsloom.commands import CommandGroups, print_json
from newsloom.settings import Settings


def register(groups: CommandGroups) -> None:
    evc = groups.eval.add_parser(
        "categories", help="category classification on a labelled JSONL file"
    )
    evc.add_argument("file")
    evc.add_argument(
        "--label-map",
        default=None,
        help="JSON object (inline or a file path) sending gold labels onto taxonomy slugs, "
        'e.g. \'{"sport": "sports", "tech": "technology"}\'; unmapped labels are skipped. '
        "Default: the taxonomy's own section synonyms.",
    )
    evc.add_argument("--label-field", default="label", help="the gold label's field name")
    evc.set_defaults(handler=cmd_eval_categories)


def cmd_eval_categories(args: argparse.Namespace, settings: Settings) -> int:
    from newsloom.eval.categories import evaluate_categories, load_label_map

    label_map = load_label_map(args.label_map) if args.label_map else None
    print_json(evaluate_categories(Path(args.file), label_map, label_field=args.label_field))
    return 0
