"""The LLM rewrite queue: a refresh never waits on the LLM; LLM versions arrive afterwards, most
important story first, once per article set, within a time budget."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import newsloom.store as db
from newsloom.pipeline.refresh import add_sources, run_refresh
from newsloom.pipeline.rewrite import rewrite_stories
from newsloom.records import Source
from newsloom.settings import Settings
from newsloom.store import Store
from tests.integration.test_llm_backend import ScriptedChat, server  # noqa: F401

from .loopback import LoopbackSite, Reply

NOW = datetime(2026, 5, 4, 12, 0, tzinfo=UTC)
FERRY = [
    "Tidewater Council voted on Monday to reopen the ferry line between Gullhaven and Marrow Key.",
    "Councillor Ines Farrow said the first crossings would run in early June.",
    "Saltline Crossings will refit two vessels at the Gullhaven yard before the service starts.",
    "Islanders have campaigned for the route since it closed six years ago.",
    "Gullhaven harbour master Tove Brink said the pier needs new fenders before June.",
    "Marrow Key residents will pay a reduced fare of four crowns per crossing.",
    "Saltline Crossings expects about 900 passengers a day in the summer months.",
    "Tidewater Council put the cost of the refit at 2.4 million crowns.",
]
MUSEUM = [
    "Brackmoor Museum reopened its west wing on Tuesday after a two-year restoration.",
    "Curator Amal Ostby said 40 paintings had returned from storage in Lindby.",
    "Brackmoor Museum raised 1.1 million crowns from visitors and a city grant.",
    "Restorers from Carrow repaired the glass roof of the west wing's main gallery.",
    "Amal Ostby said the museum would stay open late on Thursdays through the summer.",
    "Brackmoor schools will visit the west wing free of charge until the end of June.",
    "The city of Brackmoor paid for new lighting in the three restored rooms.",
    "Brackmoor Museum counted 2,300 visitors on the first day of the reopening.",
]


OUTLETS = ["", "the Courier reported", "the Gazette reported"]


def _page(title: str, sentences: list[str], variant: int) -> bytes:
    # Each outlet words its report its own way, so the copies are not duplicates and the LLM
    # gets more than one outlet's sentences.
    said = OUTLETS[variant]
    worded = [f"{s[:-1]}, {said}." if said else s for s in sentences]
    body = "".join(f"<p>{s}</p>" for s in worded[variant:] + worded[:variant])
    return f"<html lang='en'><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}</article></body></html>".encode()


def _rss(base: str, items: list[tuple[str, str, str]]) -> bytes:
    entries = "".join(
        f"<item><title>{title}</title><link>{base}{path}</link><guid>{base}{path}</guid>"
        f"<pubDate>{when}</pubDate></item>"
        for title, path, when in items
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>O</title>{entries}</channel></rss>'.encode()


def _latest_methods(store: Store) -> dict[int, str]:
    with store.read() as conn:
        ids = [s.id for s in db.list_stories(conn, limit=100)]
        return {i: summary.method for i in ids if (summary := db.latest_summary(conn, i))}


def test_refresh_publishes_at_once_and_llm_versions_arrive_in_the_background(
    tmp_path: Path,
    server: str,  # noqa: F811
) -> None:
    routes: dict = {}
    with LoopbackSite(routes) as site:
        base = site.base_url
        when = "Mon, 04 May 2026 07:00:00 GMT"
        for outlet in ("a", "b"):
            variant = 1 if outlet == "b" else 0
            routes[f"/{outlet}/ferry"] = Reply(body=_page("Ferry line to reopen", FERRY, variant))
            routes[f"/{outlet}/museum"] = Reply(body=_page("Museum wing reopens", MUSEUM, variant))
            routes[f"/{outlet}.xml"] = Reply(
                body=_rss(
                    base,
                    [
                        ("Ferry line to reopen", f"/{outlet}/ferry", when),
                        ("Museum wing reopens", f"/{outlet}/museum", when),
                    ],
                ),
                content_type="application/rss+xml",
            )
        settings = Settings(
            data_dir=tmp_path,
            allowed_hosts=("127.0.0.1",),
            obey_robots=False,
            llm_base_url=f"{server}/good/v1",
            llm_model="test-model",
        )
        store = Store.open(settings)
        add_sources(store, [Source(url=f"{base}/a.xml"), Source(url=f"{base}/b.xml")])
        calls = ScriptedChat.calls["good"]
        report = run_refresh(settings, store, now=NOW)
        assert report.summaries >= 2
        assert ScriptedChat.calls["good"] == calls, "the refresh never waits on the LLM"
        assert set(_latest_methods(store).values()) == {"extractive"}

        first = rewrite_stories(settings, store, now=NOW, budget_seconds=120)
        stories = len(_latest_methods(store))
        assert (first.sent, first.rewritten, first.refused) == (stories, stories, 0)
        assert ScriptedChat.calls["good"] == calls + stories
        assert set(_latest_methods(store).values()) == {"llm"}
        with store.read() as conn:
            story = db.list_stories(conn, limit=1)[0]
            summary = db.latest_summary(conn, story.id)
        assert summary is not None and story.headline == summary.headline

        again = rewrite_stories(settings, store, now=NOW, budget_seconds=120)
        assert again.sent == 0, "an unchanged story is sent once"

        # A new report joins the ferry story: a new extractive version, sent again.
        news = [
            "Saltline Crossings said on Tuesday that tickets go on sale on 20 May.",
            "Tidewater Council added a late-evening crossing on Fridays.",
            "Marrow Key school pupils will travel free on the ferry from September.",
        ]
        routes["/c/ferry"] = Reply(body=_page("Ferry tickets on sale in May", news + FERRY, 2))
        routes["/c.xml"] = Reply(
            body=_rss(base, [("Ferry tickets on sale in May", "/c/ferry", when)]),
            content_type="application/rss+xml",
        )
        add_sources(store, [Source(url=f"{base}/c.xml")])
        run_refresh(settings, store, now=NOW)
        waiting = [m for m in _latest_methods(store).values() if m == "extractive"]
        assert waiting, "the new report changed a story's summary"
        out_of_time = rewrite_stories(settings, store, now=NOW, budget_seconds=0.0)
        assert out_of_time.sent == 0 and out_of_time.out_of_time
        later = rewrite_stories(settings, store, now=NOW, budget_seconds=120)
        assert later.sent == len(waiting)
        assert set(_latest_methods(store).values()) == {"llm"}
        store.close()


def test_a_refused_reply_keeps_the_extractive_summary_and_is_not_sent_again(
    tmp_path: Path,
    server: str,  # noqa: F811
) -> None:
    routes: dict = {}
    with LoopbackSite(routes) as site:
        base = site.base_url
        routes["/a/ferry"] = Reply(body=_page("Ferry line to reopen", FERRY, 0))
        routes["/a.xml"] = Reply(
            body=_rss(
                base, [("Ferry line to reopen", "/a/ferry", "Mon, 04 May 2026 07:00:00 GMT")]
            ),
            content_type="application/rss+xml",
        )
        settings = Settings(
            data_dir=tmp_path,
            allowed_hosts=("127.0.0.1",),
            obey_robots=False,
            llm_base_url=f"{server}/refusal/v1",
        )
        store = Store.open(settings)
        add_sources(store, [Source(url=f"{base}/a.xml")])
        run_refresh(settings, store, now=NOW)
        first = rewrite_stories(settings, store, now=NOW, budget_seconds=60)
        assert (first.sent, first.rewritten, first.refused) == (1, 0, 1)
        assert set(_latest_methods(store).values()) == {"extractive"}
        assert rewrite_stories(settings, store, now=NOW, budget_seconds=60).sent == 0
        store.close()


def test_the_story_page_says_which_summary_the_reader_has() -> None:
    from dataclasses import replace

    from newsloom.records import Summary
    from newsloom.web.pages import DISCLAIMER, disclaimer

    extractive = Summary(1, 1, "h", bullets=(), paragraphs=(), takeaways=(), created=NOW)
    assert disclaimer(extractive) == DISCLAIMER and disclaimer(None) == DISCLAIMER
    written = disclaimer(replace(extractive, method="llm"))
    assert written.startswith(DISCLAIMER) and "language model" in written
