"""A small fictional archive: a few stories told by several outlets, a wire copy, one HTML page."""

from __future__ import annotations

import io
import json
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

OUTLETS = ("harbour-gazette.test", "valley-courier.test", "northern-ledger.test")
STORIES = (
    ("Harbour bridge closes after storm damage", "bridge storm harbour engineers traffic"),
    ("Valley orchard growers report record apple harvest", "orchard apples harvest growers market"),
    ("Northern rail line reopens with new timetable", "rail timetable trains commuters station"),
    ("City council approves library expansion plan", "library council books expansion reading"),
)
FILLER = "the a of and in to for with on by at from after over while during".split()
START = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def story_text(rng: random.Random, topic: str, words: int) -> str:
    vocab = topic.split()
    sentences = []
    while sum(len(s.split()) for s in sentences) < words:
        picked = [rng.choice(vocab if rng.random() < 0.5 else FILLER) for _ in range(12)]
        sentences.append(" ".join(picked).capitalize() + ".")
    return "\n".join(" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3))


def article_lines(seed: int = 3) -> list[dict[str, str]]:
    rng = random.Random(seed)
    lines = []
    for s, (title, topic) in enumerate(STORIES):
        for o, host in enumerate(OUTLETS):
            published = START + timedelta(hours=s * 5, minutes=o * 17)
            lines.append(
                {
                    "url": f"https://{host}/news/{s}-{o}",
                    "title": f"{title} ({host.split('.')[0]})",
                    "text": story_text(rng, topic, 90),
                    "published": published.isoformat(),
                    "outlet": host.split(".")[0].replace("-", " ").title(),
                    "language": "en",
                }
            )
    wire = dict(lines[0], url=f"https://{OUTLETS[2]}/wire/bridge-copy")
    lines.append(wire)
    return lines


def write_jsonl(directory: Path, lines: list[dict[str, str]]) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "articles.jsonl"
    body = "\n".join(json.dumps(line) for line in lines)
    path.write_text(body + "\n{not json}\n", encoding="utf-8")
    return path


def write_warc(directory: Path, pages: list[tuple[str, str]]) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = directory / "capture.warc.gz"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, html in pages:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(html.encode("utf-8")), http_headers=headers
            )
            writer.write_record(record)
    return path


def article_html(title: str, text: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n"))
    return (
        f"<html><head><title>{title}</title>"
        '<meta property="article:published_time" content="2026-03-03T09:00:00Z"></head>'
        f"<body><nav>Home | World</nav><article><h1>{title}</h1>{paragraphs}</article>"
        "<footer>About us</footer></body></html>"
    )
