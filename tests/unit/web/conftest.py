"""A small fictional newsroom stored through the real store (SQLite in tmp_path)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, make_url, text

import newsloom.store as db
from newsloom.records import Article, Cited, Source, Summary
from newsloom.settings import Settings
from newsloom.store import Store
from newsloom.store.engine import normalise_url
from newsloom.web import create_app

PG_ENV = "NEWSLOOM_TEST_PG_URL"
NOW = datetime(2026, 6, 3, 18, 0, tzinfo=UTC)
HOSTILE_HEADLINE = '<script>alert("x")</script> Dam <img src=x onerror=alert(1)> opens & floods'
HOSTILE_OUTLET = "Evil <b onmouseover=alert(2)>Times</b>"
SPORTS_STORIES = 23  # more than one category page
LIVE_STORIES = SPORTS_STORIES + 4  # moon, dam, pending, related


@dataclass
class Newsroom:
    store: Store
    settings: Settings
    client: TestClient
    moon: int  # science story, three outlets plus a wire copy, full summary with what's new
    dam: int  # single-source story with a hostile headline and hostile links
    pending: int  # uncategorised story without a summary yet
    articles: dict[str, int] = field(default_factory=dict)
    related: int = 0  # science story sharing headline terms with the moon story
    merged: int = 0  # merged into the moon story
    removed: int = 0  # a story left without articles


def _article(
    source_id: int, slug: str, title: str, published: datetime, **extra: object
) -> Article:
    url = f"https://{slug.split('/')[0]}.example/{slug}"
    extra.setdefault("language", "en")
    return Article(
        source_id=source_id,
        url=str(extra.pop("url", url)),
        canonical_url=url,
        title=title,
        text=f"Full text of {title} that must never appear on a page.",
        published=published,
        fetched_at=published + timedelta(minutes=5),
        **extra,  # type: ignore[arg-type]
    )


def _cited(text: str, *ids: int) -> Cited:
    return Cited(text=text, article_ids=tuple(ids))


def build_newsroom(tmp_path: Path, api_token: str = "", database_url: str = "") -> Newsroom:
    settings = Settings(
        data_dir=tmp_path,
        database_url=database_url,
        site_url="https://news.example.org/",
        site_title="Loom",
        api_token=api_token,
    )
    store = Store.open(settings)
    ids: dict[str, int] = {}
    with store.write() as conn:
        gazette = db.add_source(
            conn, Source(url="https://gazette.example/rss", title="Harbour Gazette")
        )
        courier = db.add_source(
            conn, Source(url="https://courier.example/rss", title="Valley Courier")
        )
        wire = db.add_source(conn, Source(url="https://wire.example/rss", title="Northwind Wire"))
        evil = db.add_source(conn, Source(url="https://evil.example/rss", title=HOSTILE_OUTLET))
        assert gazette.id and courier.id and wire.id and evil.id

        def put(key: str, article: Article) -> int:
            stored = db.insert_article(conn, article)
            assert stored.id is not None
            ids[key] = stored.id
            return stored.id

        t0 = NOW - timedelta(hours=6)
        g = put(
            "gazette", _article(gazette.id, "gazette/moon-base", "Moon base plans unveiled", t0)
        )
        c = put(
            "courier",
            _article(
                courier.id,
                "courier/lunar-pact",
                "Two blocs race to the Moon",
                t0 + timedelta(hours=1),
            ),
        )
        e = put(
            "evil",
            _article(
                evil.id,
                "evil/moon",
                "Moon <script>steal()</script>",
                t0 + timedelta(hours=2),
                language="fr",
            ),
        )
        w = put(
            "wire",
            _article(
                wire.id,
                "wire/moon-base-copy",
                "Moon base plans unveiled",
                t0 + timedelta(hours=3),
                copy_of=g,
            ),
        )
        moon = db.create_story(
            conn, first_seen=t0, category="science", headline="Moon race heats up"
        )
        for aid in (g, c, e):
            db.add_to_story(conn, moon, aid, similarity=0.8, reasons="test", added=t0)
        db.update_story(conn, moon, importance=0.9, last_updated=NOW - timedelta(hours=1))
        db.save_summary(
            conn,
            Summary(
                story_id=moon,
                version=0,
                headline="Moon plans unveiled",
                bullets=(_cited("Plans for a base were shown.", g),),
                paragraphs=((_cited("Plans were shown.", g),),),
                takeaways=(_cited("A base is planned.", g),),
                created=t0 + timedelta(minutes=30),
                article_ids=(g,),
            ),
        )
        db.save_summary(
            conn,
            Summary(
                story_id=moon,
                version=0,
                headline="Moon race heats up",
                bullets=(
                    _cited("Two alliances plan lunar bases.", g, c),
                    _cited("A joint research station is planned.", c),
                    _cited("Geopolitics drives the race.", e, w),
                ),
                paragraphs=(
                    (_cited("The station retires in 2030.", g), _cited("Alliances split.", c)),
                    (_cited("One bloc pools rockets.", c),),
                    (_cited("Both want a permanent presence.", g, e),),
                ),
                takeaways=(
                    _cited("Cooperation is fragmenting.", g),
                    _cited("Two blocs compete.", c),
                    _cited("Positioning matters most.", e),
                ),
                created=NOW - timedelta(hours=1),
                whats_new=(_cited("A third partner joined the pact.", c),),
                article_ids=(g, c, e),
            ),
        )

        d = put(
            "dam",
            _article(
                gazette.id,
                "gazette/dam",
                HOSTILE_HEADLINE,
                NOW - timedelta(hours=2),
                url="javascript:alert(3)",
            ),
        )
        dam = db.create_story(
            conn, first_seen=NOW - timedelta(hours=2), category="climate", headline=HOSTILE_HEADLINE
        )
        db.add_to_story(conn, dam, d, similarity=1.0, reasons="seed", added=NOW)
        db.update_story(conn, dam, importance=0.5)
        db.save_summary(
            conn,
            Summary(
                story_id=dam,
                version=0,
                headline=HOSTILE_HEADLINE,
                bullets=tuple(_cited(f"Bullet {i} <i onerror=x>.", d) for i in range(3)),
                paragraphs=((_cited("Water rose.", d),),),
                takeaways=tuple(_cited(f"Takeaway {i}.", d) for i in range(3)),
                created=NOW,
                article_ids=(d,),
            ),
        )

        p = put(
            "pending",
            _article(courier.id, "courier/quiet", "A quiet day", NOW - timedelta(hours=3)),
        )
        pending = db.create_story(conn, first_seen=NOW - timedelta(hours=3))
        db.add_to_story(conn, pending, p, similarity=1.0, reasons="seed", added=NOW)

        r = put(
            "related",
            _article(courier.id, "courier/moon-race-partner", "Third partner joins moon race", t0),
        )
        related = db.create_story(
            conn, first_seen=t0, category="science", headline="Moon race gains a third partner"
        )
        db.add_to_story(conn, related, r, similarity=1.0, reasons="seed", added=t0)
        db.update_story(conn, related, importance=0.3, last_updated=t0)
        merged = db.create_story(conn, first_seen=t0, category="science", headline="Old moon")
        db.update_story(conn, merged, merged_into=moon)
        removed = db.create_story(conn, first_seen=t0, category="world", headline="Gone")

        for n in range(SPORTS_STORIES):
            when = NOW - timedelta(days=1, minutes=n)
            aid = put(
                f"sport{n}", _article(courier.id, f"courier/match-{n}", f"Match {n} report", when)
            )
            sid = db.create_story(
                conn, first_seen=when, category="sports", headline=f"Match {n} ends level"
            )
            db.add_to_story(conn, sid, aid, similarity=1.0, reasons="seed", added=when)
            db.update_story(conn, sid, importance=0.1 - n / 1000)
    client = TestClient(create_app(settings, store=store, clock=lambda: NOW))
    return Newsroom(store, settings, client, moon, dam, pending, ids, related, merged, removed)


@contextmanager
def private_postgres(suffix: str = "") -> Iterator[str]:
    """A database of its own on the test server, so that other suites' TRUNCATEs cannot race
    this package's reads; dropped afterwards. ``suffix`` names another one for a module that
    needs its own while the package's is open."""
    server = os.environ.get(PG_ENV, "")
    if not server:
        if os.environ.get("CI"):
            pytest.fail(f"{PG_ENV} is not set but CI is: run scripts/start-postgres.sh first")
        pytest.skip(f"{PG_ENV} not set (run scripts/start-postgres.sh)")
    name = f"newsloom_web_{os.getpid()}{suffix}"
    admin = create_engine(normalise_url(server), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


@pytest.fixture(
    scope="package", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def newsroom(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Newsroom]:
    """The newsroom on SQLite and, when a test server is configured, on PostgreSQL."""
    with newsroom_on(request.param, tmp_path_factory.mktemp("web")) as room:
        yield room


BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@contextmanager
def newsroom_on(backend: str, tmp_path: Path, suffix: str = "") -> Iterator[Newsroom]:
    """The newsroom on ``backend`` ("sqlite", or "postgresql" in a private database named with
    ``suffix``: see ``private_postgres``), closed afterwards."""
    with ExitStack() as stack:
        url = stack.enter_context(private_postgres(suffix)) if backend == "postgresql" else ""
        room = build_newsroom(tmp_path, database_url=url)
        yield room
        room.store.close()
