"""``newsloom eval summarization|grounding|readability`` and ``newsloom bench summarize``."""

from __future__ import annotations

import argparse
from pathlib import Path

from newsloom.commands import CommandGroups, positive_int, print_json
from newsloom.settings import Settings


def register(groups: CommandGroups) -> None:
    evs = groups.eval.add_parser(
        "summarization", help="story summaries scored with ROUGE on a summarization JSONL file"
    )
    evs.add_argument("file")
    evs.add_argument("--words", type=positive_int, default=100, help="word budget (default 100)")
    evs.add_argument(
        "--previous",
        action="store_true",
        help="summarise previous_documents first and score the update's What's new",
    )
    evs.add_argument(
        "--baselines",
        action="store_true",
        help="also score MMR TF-IDF and the round-robin lead on the same items",
    )
    evs.add_argument(
        "--no-titles",
        dest="titles",
        action="store_false",
        help="blank the documents' titles first, as Multi-News documents come",
    )
    evs.set_defaults(handler=cmd_eval_summarization)

    evg = groups.eval.add_parser(
        "grounding", help="the grounding check's ROC-AUC on a factuality JSONL file"
    )
    evg.add_argument("file")
    evg.set_defaults(handler=cmd_eval_grounding)

    evr = groups.eval.add_parser(
        "readability",
        help="summaries as a reader meets them: opening references, repeats, furniture, lead",
    )
    evr.add_argument("file", nargs="?", help="clustering JSONL (label) or summarization JSONL")
    evr.add_argument("--demo", action="store_true", help="the bundled demo newsroom's stories")
    evr.add_argument(
        "--examples",
        type=int,
        default=5,
        help="statements listed per kind of flaw (0: all of them, to read every one)",
    )
    evr.set_defaults(handler=cmd_eval_readability)

    bench = groups.bench.add_parser(
        "summarize", help="time summarising a generated 20-article story on one core"
    )
    bench.add_argument("--articles", type=positive_int, default=20)
    bench.add_argument("--runs", type=positive_int, default=30)
    bench.add_argument(
        "--cold", type=positive_int, default=5, help="stories never seen, each summarised once"
    )
    bench.set_defaults(handler=cmd_bench_summarize)


def cmd_eval_summarization(args: argparse.Namespace, settings: Settings) -> int:
    from newsloom.eval.summarization import evaluate_summarization

    print_json(
        evaluate_summarization(
            Path(args.file),
            settings,
            words=args.words,
            previous=args.previous,
            baselines=args.baselines,
            titles=args.titles,
        )
    )
    return 0


def cmd_eval_grounding(args: argparse.Namespace, settings: Settings) -> int:
    from newsloom.eval.grounding import evaluate_grounding

    print_json(evaluate_grounding(Path(args.file)))
    return 0


def cmd_eval_readability(args: argparse.Namespace, settings: Settings) -> int:
    from newsloom.eval.readability import evaluate_readability

    path = Path(args.file) if args.file else None
    print_json(evaluate_readability(settings, path=path, demo=args.demo, examples=args.examples))
    return 0


def cmd_bench_summarize(args: argparse.Namespace, settings: Settings) -> int:
    from newsloom.bench.summarize import bench_summarize

    print_json(bench_summarize(settings, articles=args.articles, runs=args.runs, cold=args.cold))
    return 0
