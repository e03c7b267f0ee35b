"""Parity of the real path with evaluation: a labelled set served as three outlets' feeds and
pages on loopback, fetched and clustered by ``refresh``, gives the stories that ``eval clustering``
gives on the same documents. The set (written for this test) holds two earthquakes on one day and
two arrests of one kind: the look-alike events the clusterer must keep apart.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape
from pathlib import Path

import newsloom.store as db
from newsloom.eval.clustering import cluster_documents, evaluate_clustering, load_labelled
from newsloom.pipeline.refresh import add_sources, run_refresh
from newsloom.records import Source
from newsloom.settings import Settings
from newsloom.store import Store

from .loopback import LoopbackSite, Reply

DAY = datetime(2031, 6, 3, 6, 0, tzinfo=UTC)
NOW = DAY + timedelta(days=2)

# (event, outlet, hours after DAY, title, body paragraphs)
ARTICLES: list[tuple[str, int, int, str, tuple[str, ...]]] = [
    (
        "quake-veloria",
        1,
        0,
        "Earthquake of magnitude 6.2 kills 14 in Veloria",
        (
            "An earthquake of magnitude 6.2 struck Veloria province before dawn on Tuesday, killing "
            "14 people in the hill town of Marsk, governor Ilsa Brandt said.",
            "Rescue teams from Marsk and the provincial capital Tessel dug through collapsed homes "
            "while Brandt asked for army tents for some 2,000 people left without shelter.",
        ),
    ),
    (
        "quake-veloria",
        2,
        2,
        "Marsk digs out after Veloria quake leaves 14 dead",
        (
            "Residents of Marsk spent the morning searching rubble after the magnitude 6.2 quake that "
            "shook Veloria, with the death toll standing at 14, according to Ilsa Brandt.",
            "The governor of Veloria said the army would send tents to Marsk and that the old church "
            "and the school were among the buildings that fell.",
        ),
    ),
    (
        "quake-veloria",
        3,
        5,
        "Veloria governor Brandt appeals for tents as quake toll holds",
        (
            "Ilsa Brandt, governor of Veloria, appealed for tents and blankets after Tuesday's "
            "earthquake destroyed much of Marsk and killed 14 people.",
            "Seismologists in Tessel measured the quake at magnitude 6.2 and warned of aftershocks "
            "across the province over the coming days.",
        ),
    ),
    (
        "quake-ostrava",
        2,
        3,
        "Quake cuts power across Dunhollow on Ostrava Bay",
        (
            "A magnitude 5.4 earthquake centred under Ostrava Bay cut electricity to most of "
            "Dunhollow on Tuesday morning, mayor Pavel Kren said, though no one was hurt.",
            "Kren said engineers from the Dunhollow grid company expected to restore power to the "
            "harbour district by nightfall and closed the sea wall promenade as a precaution.",
        ),
    ),
    (
        "quake-ostrava",
        3,
        4,
        "Dunhollow without power after Ostrava Bay tremor",
        (
            "Most of Dunhollow lost power when a tremor of magnitude 5.4 rolled in from Ostrava Bay, "
            "the city's mayor Pavel Kren told reporters at the harbour.",
            "No injuries were reported. The Dunhollow grid company said a substation on the sea wall "
            "had tripped and crews were rerouting lines through the northern district.",
        ),
    ),
    (
        "quake-ostrava",
        1,
        7,
        "Kren: Dunhollow power back by night after bay quake",
        (
            "Pavel Kren, mayor of Dunhollow, said power would be back across the city by night after "
            "Tuesday's magnitude 5.4 earthquake under Ostrava Bay tripped a sea wall substation.",
            "The Ostrava Bay tremor caused cracks in the harbour promenade, which stays closed while "
            "engineers check it, Kren added.",
        ),
    ),
    (
        "arrest-carrow",
        1,
        10,
        "Carrow police arrest Jonas Merle over Harwick Savings robbery",
        (
            "Police in Carrow arrested Jonas Merle, 41, on Tuesday evening over the armed robbery of "
            "the Harwick Savings branch on Quay Street last month, chief Lena Dorsey said.",
            "Dorsey said officers found part of the 80,000 crowns taken from Harwick Savings in a "
            "garage Merle rented outside Carrow.",
        ),
    ),
    (
        "arrest-carrow",
        3,
        12,
        "Suspect in Harwick Savings raid held in Carrow",
        (
            "Jonas Merle was held in Carrow on Tuesday on suspicion of robbing the Harwick Savings "
            "branch on Quay Street, where a gunman took 80,000 crowns in May.",
            "Carrow police chief Lena Dorsey said Merle would appear before the Carrow district court "
            "on Thursday and that a second suspect was still being sought.",
        ),
    ),
    (
        "arrest-lindmoor",
        2,
        30,
        "Lindmoor police arrest Edda Voss over Kessel jewellery theft",
        (
            "Police in Lindmoor arrested Edda Voss, 29, on Wednesday in connection with the theft of "
            "diamond rings from the Kessel and Sons jewellers on Market Square.",
            "Inspector Royce Albin said Voss was stopped at the Lindmoor rail station carrying two of "
            "the rings, which Kessel and Sons valued at 45,000 crowns.",
        ),
    ),
    (
        "arrest-lindmoor",
        1,
        32,
        "Edda Voss held after Kessel and Sons rings found at station",
        (
            "Edda Voss was arrested at Lindmoor station on Wednesday with rings stolen from Kessel "
            "and Sons, inspector Royce Albin of the Lindmoor police said.",
            "The Market Square jewellers reported the theft on Monday. Albin said Voss would be "
            "charged with theft and handling stolen goods.",
        ),
    ),
    (
        "arrest-lindmoor",
        3,
        33,
        "Lindmoor jeweller theft: Voss charged, rings recovered",
        (
            "Lindmoor police charged Edda Voss on Wednesday night after recovering diamond rings "
            "taken from Kessel and Sons on Market Square, inspector Royce Albin said.",
            "Albin thanked staff at Lindmoor station who recognised Voss from pictures released by "
            "the jewellers earlier in the week.",
        ),
    ),
    (
        "ferry",
        2,
        20,
        "Gullhaven council votes to reopen ferry line 4",
        (
            "The Gullhaven council voted on Wednesday to reopen ferry line 4 to the Brisk Islands "
            "after ten years, mayor Marta Olsen said, with crossings every two hours.",
            "Olsen said Saltline Crossings would refit two vessels at the Gullhaven yard before the "
            "first sailings in July.",
        ),
    ),
    (
        "ferry",
        3,
        22,
        "Ferry line 4 to the Brisk Islands returns after Gullhaven vote",
        (
            "Ferry line 4 between Gullhaven and the Brisk Islands will run again from July after the "
            "council backed the plan on Wednesday, mayor Marta Olsen announced.",
            "Islanders had campaigned for the Gullhaven crossing since it closed ten years ago; "
            "Saltline Crossings will operate two refitted boats.",
        ),
    ),
]


def _page(title: str, paragraphs: tuple[str, ...]) -> bytes:
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (
        f"<html lang='en'><head><title>{escape(title)}</title></head><body>"
        f"<nav>Home World Local</nav><article><h1>{escape(title)}</h1>{body}</article>"
        "<footer>All rights reserved</footer></body></html>"
    ).encode()


def _rss(base: str, outlet: int) -> bytes:
    items = "".join(
        f"<item><title>{escape(title)}</title><link>{base}/o{outlet}/{i}</link>"
        f"<guid>{base}/o{outlet}/{i}</guid>"
        f"<pubDate>{format_datetime(DAY + timedelta(hours=hours))}</pubDate>"
        f"<description>{escape(paras[0])}</description></item>"
        for i, (_, o, hours, title, paras) in enumerate(ARTICLES)
        if o == outlet
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Outlet {outlet}</title><link>{base}/o{outlet}/</link>{items}</channel></rss>"
    ).encode()


def _labelled(path: Path) -> Path:
    rows = [
        {
            "id": f"{i:02d}",
            "title": title,
            "text": "\n".join(paras),
            "published": (DAY + timedelta(hours=hours)).isoformat(),
            "label": event,
        }
        for i, (event, _, hours, title, paras) in enumerate(ARTICLES)
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _partition(groups: dict[str, int]) -> set[frozenset[str]]:
    stories: dict[int, set[str]] = {}
    for title, story in groups.items():
        stories.setdefault(story, set()).add(title)
    return {frozenset(s) for s in stories.values()}


def test_refresh_makes_the_stories_eval_makes_on_the_same_documents(tmp_path: Path) -> None:
    routes: dict = {}
    with LoopbackSite(routes) as site:
        base = site.base_url
        for outlet in (1, 2, 3):
            routes[f"/o{outlet}/feed.xml"] = Reply(
                body=_rss(base, outlet), content_type="application/rss+xml"
            )
        for i, (_, outlet, _, title, paras) in enumerate(ARTICLES):
            routes[f"/o{outlet}/{i}"] = Reply(body=_page(title, paras))
        settings = Settings(data_dir=tmp_path / "data", allowed_hosts=("127.0.0.1",), max_retries=0)
        store = Store.open(settings)
        try:
            add_sources(store, [Source(url=f"{base}/o{o}/feed.xml") for o in (1, 2, 3)])
            run_refresh(settings, store, now=NOW)
            with store.read() as conn:
                articles = db.recent_articles(conn, since=DAY - timedelta(days=1))
                story_of = db.stories_of(conn, [a.id for a in articles if a.id is not None])
        finally:
            store.close()

    # Every article arrived as an original (no copies) with the page's text.
    assert sorted(a.title for a in articles) == sorted(a[3] for a in ARTICLES)
    refreshed = {a.title: story_of[a.id] for a in articles if a.id is not None}

    labelled = _labelled(tmp_path / "set.jsonl")
    docs, _ = load_labelled(labelled)
    predicted = cluster_documents(docs, Settings())  # what evaluate_clustering scores
    evaluated = {d.title: story for d, story in zip(docs, predicted, strict=True)}

    assert _partition(refreshed) == _partition(evaluated)
    # And both keep the look-alike events apart: same kind, other places and people.
    events = {title: event for event, _, _, title, _ in ARTICLES}
    for story in _partition(refreshed):
        assert len({events[t] for t in story}) == 1, sorted(story)
    score = evaluate_clustering(labelled, Settings())
    assert score["b3_precision"] == 1.0
    assert score["n_pred"] == len(_partition(evaluated))
    assert score["b3_recall"] == 1.0, score  # and each event is one story
