"""search_stories and search_articles on SQLite (FTS5) and PostgreSQL (tsvector GIN indexes)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import text

import newsloom.store as db
from newsloom.errors import StoreError
from newsloom.search import search_articles, search_languages, search_stories
from newsloom.store import Store
from tests.integration.search.newsroom import NOW, Newsroom


@pytest.fixture
def room(store: Store) -> Newsroom:
    """Three outlets (one in Norwegian), four stories; one of them has no summary yet."""
    room = Newsroom(store)
    room.source("gazette")
    room.source("courier")
    room.source("avisa", language="nb")
    ferry = room.article("gazette", "Ferry line to Gullhaven reopens", "The council voted.")
    ferry_copy = room.article("courier", "Ferry line to Gullhaven reopens", copy_of=ferry)
    room.article("courier", "Ferries return after ten years", "Boats sail from May.")
    harbour = room.article("courier", "Harbour dredging delayed", "Silt blocks the channel.")
    fjord = room.article("avisa", "Fjordbrua stengt", "Broen er stengt for trafikk.")
    budget = room.article("gazette", "Council budget passes", "Schools get more money.")
    room.articles.update(ferry=ferry, ferry_copy=ferry_copy, harbour=harbour, fjord=fjord)
    room.story(
        "Gullhaven ferry service to resume",
        [ferry],
        bullets=("Ferries sail again from May after a ten-year pause.", "Fares stay low."),
        paragraph=("The council voted seven to two for the ferry contract.",),
        category="world",
    )
    room.story(
        "Harbour dredging delayed by silt",
        [harbour],
        bullets=("Silt blocks the harbour channel; dredging slips to autumn.",),
        paragraph=("Ferry operators worry about the shallow channel.",),
        category="business",
        age_hours=24 * 20,
    )
    room.story("Fjord bridge closed", [fjord], category="world")
    room.story(
        "Council budget passes with school funding",
        [budget],
        bullets=("The council budget gives schools more money.",),
        category="politics",
    )
    return room


def _ids(hits: list[db.Story] | list) -> list[int]:  # type: ignore[type-arg]
    return [h.story_id for h in hits]


def _headlines(store: Store, hits: list) -> list[str]:  # type: ignore[type-arg]
    with store.read() as conn:
        return [db.get_story(conn, h.story_id).headline for h in hits]  # type: ignore[union-attr]


def test_matches_headline_and_summary_with_stemming_best_first(room: Newsroom) -> None:
    with room.store.read() as conn:
        hits = search_stories(conn, "ferries", now=NOW)
    # The ferry story has "ferry" in its headline and summary; the harbour story only in passing.
    assert _headlines(room.store, hits) == [
        "Gullhaven ferry service to resume",
        "Harbour dredging delayed by silt",
    ]
    assert hits[0].score > hits[1].score > 0
    assert "Ferries sail again" in hits[0].snippet


def test_story_without_summary_is_found_by_its_headline(room: Newsroom) -> None:
    with room.store.read() as conn:
        hits = search_stories(conn, "bridge", now=NOW)
    assert _headlines(room.store, hits) == ["Fjord bridge closed"]
    assert hits[0].snippet == "Fjord bridge closed"


def test_recency_breaks_ties_between_equally_relevant_stories(store: Store) -> None:
    room = Newsroom(store)
    room.source("gazette")
    old = room.article("gazette", "Lighthouse keeper retires", age_hours=24 * 30)
    new = room.article("gazette", "Lighthouse keeper retires", age_hours=2)
    old_story = room.story("Lighthouse keeper retires", [old], age_hours=24 * 30)
    new_story = room.story("Lighthouse keeper retires", [new], age_hours=2)
    with store.read() as conn:
        assert _ids(search_stories(conn, "lighthouse", now=NOW)) == [new_story, old_story]
        articles = search_articles(conn, "lighthouse", now=NOW)
    assert [a.article_id for a in articles] == [new, old]


def test_every_word_is_required_and_phrases_exclusions_and_prefixes_work(room: Newsroom) -> None:
    with room.store.read() as conn:
        both = _headlines(room.store, search_stories(conn, "ferry council", now=NOW))
        phrase = _headlines(room.store, search_stories(conn, '"shallow channel"', now=NOW))
        broken = search_stories(conn, '"channel shallow"', now=NOW)
        excluded = _headlines(room.store, search_stories(conn, "ferry -silt", now=NOW))
        prefix = _headlines(room.store, search_stories(conn, "dredg*", now=NOW))
        stopwords = _headlines(room.store, search_stories(conn, "the bridge", now=NOW))
    assert both == ["Gullhaven ferry service to resume"]
    assert phrase == ["Harbour dredging delayed by silt"]
    # Both backends keep word positions for stories (FTS5; PostgreSQL's stored story vectors).
    assert _headlines(room.store, broken) == []
    assert excluded == ["Gullhaven ferry service to resume"]
    assert prefix == ["Harbour dredging delayed by silt"]
    assert stopwords == ["Fjord bridge closed"]


HOSTILE_QUERIES = [
    '"',
    '"ferry',
    "ferry NEAR(council 2)",
    "NEAR(ferry council)",
    "*",
    "ferry*council",
    "headline:ferry",
    "{headline body}: ferry",
    "(((ferry",
    "ferry)))",
    "ferry OR",
    "AND",
    "NOT ferry",
    "-",
    "--",
    '""',
    "'; DROP TABLE stories; --",
    "ferry & !council | (",
    "ferry:* <-> council",
    "^ferry",
    "ferry\x00council",
    "🚢 ferry",
    "x" * 5000,
    "ferry " * 200,
    "x²y*",
    "١٢٣* ǅ*",
    "ferry\u200b*",
]

FIND_FERRY = {'"ferry', "(((ferry", "ferry)))", "ferry OR", "^ferry", "🚢 ferry", "ferry " * 200}


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_query_syntax_from_users_is_always_text(room: Newsroom, query: str) -> None:
    with room.store.read() as conn:
        stories = search_stories(conn, query, now=NOW)
        articles = search_articles(conn, query, now=NOW)
        assert db.count_stories(conn) == 4  # nothing was executed but the search
    if query in FIND_FERRY:  # the operators were dropped, the words kept
        assert stories and articles, query
    assert all(isinstance(a.article_id, int) for a in articles)


def test_filters_category_source_language_and_dates(room: Newsroom) -> None:
    courier = room.sources["courier"]
    avisa = room.sources["avisa"]
    with room.store.read() as conn:

        def found(query: str, **filters: object) -> list[str]:
            hits = search_stories(conn, query, now=NOW, **filters)  # type: ignore[arg-type]
            return _headlines(room.store, hits)

        assert found("ferry", category="business") == ["Harbour dredging delayed by silt"]
        # The courier only carried a copy of the ferry article: copies count for the source.
        assert found("ferry", source_id=courier) == [
            "Gullhaven ferry service to resume",
            "Harbour dredging delayed by silt",
        ]
        assert found("fjord", language="nb") == ["Fjord bridge closed"]  # from the source
        assert found("fjord", language="en") == []
        assert found("ferry", since=NOW - timedelta(days=2)) == [
            "Gullhaven ferry service to resume"
        ]
        assert found("ferry", until=NOW - timedelta(days=2)) == ["Harbour dredging delayed by silt"]
        assert found("ferry", source_id=avisa) == []
        with pytest.raises(StoreError, match=r"^store: .*not a language code"):
            search_stories(conn, "ferry", language="en'; --", now=NOW)
        assert search_languages(conn) == ["en", "nb"]


def test_pages_do_not_overlap(store: Store) -> None:
    room = Newsroom(store)
    room.source("gazette")
    for n in range(7):
        article = room.article("gazette", f"Regatta day {n}", age_hours=n + 1)
        room.story(f"Regatta day {n} draws crowds", [article], age_hours=n + 1)
    with store.read() as conn:
        pages = [
            _ids(search_stories(conn, "regatta", limit=3, offset=o, now=NOW)) for o in (0, 3, 6)
        ]
        everything = _ids(search_stories(conn, "regatta", limit=100, now=NOW))
    assert [len(p) for p in pages] == [3, 3, 1]
    assert [i for p in pages for i in p] == everything


def test_index_follows_headline_changes_new_summaries_merges_and_deletes(room: Newsroom) -> None:
    store = room.store
    with store.read() as conn:
        (hit,) = search_stories(conn, "bridge", now=NOW)
    with store.write() as conn:
        db.update_story(conn, hit.story_id, headline="Fjord crossing shut for repairs")
    with store.read() as conn:
        assert search_stories(conn, "bridge", now=NOW) == []
        assert _ids(search_stories(conn, "repairs", now=NOW)) == [hit.story_id]
    with store.write() as conn:
        Newsroom.summarize(
            conn, hit.story_id, "Fjord crossing shut", ("Engineers found cracked cables.",), (), []
        )
    with store.read() as conn:
        assert _ids(search_stories(conn, "cables", now=NOW)) == [hit.story_id]
    with store.write() as conn:
        Newsroom.summarize(conn, hit.story_id, "Fjord crossing open", ("Traffic flows.",), (), [])
    with store.read() as conn:  # only the latest summary counts
        assert search_stories(conn, "cables", now=NOW) == []
        (ferry,) = search_stories(conn, "gullhaven", now=NOW)
    with store.write() as conn:
        db.update_story(conn, ferry.story_id, merged_into=hit.story_id)
    with store.read() as conn:
        assert search_stories(conn, "gullhaven", now=NOW) == []
    with store.write() as conn:
        conn.execute(text("DELETE FROM stories WHERE id = :id"), {"id": hit.story_id})
    with store.read() as conn:
        assert search_stories(conn, "traffic", now=NOW) == []


def test_articles_search_title_and_lead_without_copies(room: Newsroom) -> None:
    with room.store.read() as conn:
        hits = search_articles(conn, "gullhaven", now=NOW)
        with_copies = search_articles(conn, "gullhaven", originals_only=False, now=NOW)
        by_lead = search_articles(conn, "silt channel", now=NOW)
        norwegian = search_articles(conn, "trafikk", language="nb", now=NOW)
        unclustered = search_articles(conn, "ferries return", now=NOW)
    assert [h.article_id for h in hits] == [room.articles["ferry"]]
    assert hits[0].story_id is not None and "Gullhaven" in hits[0].snippet
    assert {h.article_id for h in with_copies} == {
        room.articles["ferry"],
        room.articles["ferry_copy"],
    }
    assert {h.story_id for h in with_copies} == {hits[0].story_id}  # a copy answers as its original
    assert [h.article_id for h in by_lead] == [room.articles["harbour"]]
    assert [h.article_id for h in norwegian] == [room.articles["fjord"]]
    assert len(unclustered) == 1 and unclustered[0].story_id is None


def test_article_index_follows_updates_and_deletes(room: Newsroom) -> None:
    harbour = room.articles["harbour"]
    with room.store.write() as conn:
        conn.execute(
            text("UPDATE articles SET title = 'Harbour works postponed' WHERE id = :id"),
            {"id": harbour},
        )
    with room.store.read() as conn:
        assert search_articles(conn, "dredging", now=NOW) == []
        assert [h.article_id for h in search_articles(conn, "postponed", now=NOW)] == [harbour]
    with room.store.write() as conn:
        conn.execute(text("DELETE FROM articles WHERE id = :id"), {"id": harbour})
    with room.store.read() as conn:
        assert search_articles(conn, "postponed", now=NOW) == []


def test_empty_and_stopword_only_queries_find_nothing_quickly(room: Newsroom) -> None:
    with room.store.read() as conn:
        for query in ("", "   ", "-ferry", "*", "!!!"):
            assert search_stories(conn, query, now=NOW) == []
            assert search_articles(conn, query, now=NOW) == []
        assert search_stories(conn, "ferry", limit=0, now=NOW) == []


def test_queries_matching_more_than_the_cap_score_the_newest_matches(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsloom.search.ranking as ranking

    monkeypatch.setattr(ranking, "MAX_CANDIDATES", 3)
    room = Newsroom(store)
    room.source("gazette")
    made = []
    for n in reversed(range(6)):  # oldest first, as stories are made: newer ones, higher ids
        article = room.article("gazette", f"Harbour fair day {n}", age_hours=n + 1)
        made.insert(
            0, room.story(f"Harbour fair day {n}", [article], age_hours=n + 1, category="world")
        )
    with store.read() as conn:
        assert _ids(search_stories(conn, "harbour fair", now=NOW)) == made[:3]
        # Filters apply before the cap: the older half is still reachable.
        older = search_stories(conn, "harbour", until=NOW - timedelta(hours=3, minutes=30), now=NOW)
        assert _ids(older) == made[3:]


def test_sqlite_indexes_pass_fts5_integrity_checks_after_cascading_deletes(
    room: Newsroom,
) -> None:
    if room.store.dialect != "sqlite":
        pytest.skip("FTS5 is SQLite's")
    with room.store.write() as conn:
        assert db.delete_source(conn, room.sources["courier"])  # cascades to its articles
    with room.store.read() as conn:
        assert search_articles(conn, "dredging", now=NOW) == []
        assert [h.article_id for h in search_articles(conn, "gullhaven", now=NOW)] == [
            room.articles["ferry"]
        ]
    with room.store.write() as conn:
        # External content: compare the index with the articles table itself.
        conn.execute(
            text("INSERT INTO article_fts(article_fts, rank) VALUES ('integrity-check', 1)")
        )
        conn.execute(text("INSERT INTO story_fts(story_fts) VALUES ('integrity-check')"))
