"""Merges and splits by hand: applied at once, recorded, and respected by every later run."""

from __future__ import annotations

from datetime import timedelta

import pytest

import newsloom.store as db
from newsloom.errors import ClusterError, StoreError
from newsloom.pipeline.stories import cluster_new_articles, refresh_stories
from newsloom.settings import Settings
from newsloom.store import Store
from newsloom.store.corrections import correction_constraints, merge_stories, split_story
from tests.integration.pipeline.test_stories_pipeline import (
    FERRY,
    NOW,
    add_article,
    db_store,
    newsroom,
    quiet,
)

Newsroom = tuple[Store, dict[str, list[int]]]
LATER = NOW + timedelta(hours=1)
__all__ = ["db_store", "newsroom"]  # fixtures, imported for pytest


def story_of(store: Store, article_id: int) -> int:
    with store.read() as conn:
        found = db.story_of(conn, article_id)
    assert found is not None
    return found


def test_split_moves_the_articles_to_a_new_story(newsroom: Newsroom) -> None:
    store, ids = newsroom
    ferry = story_of(store, ids["ferry"][0])
    leaving = ids["ferry"][2:]
    new_id = split_story(store, ferry, leaving, LATER)
    with store.read() as conn:
        old, new = db.get_story(conn, ferry), db.get_story(conn, new_id)
        reasons = {a: r for a, _, r in db.story_membership(conn, new_id)}
        corrections = db.list_corrections(conn, story_ids=[new_id])
    assert old is not None and new is not None
    assert old.article_ids == tuple(ids["ferry"][:2])
    assert new.article_ids == tuple(leaving)
    assert all(r == f"split by hand from story {ferry}" for r in reasons.values())
    assert [(c.kind, c.story_id, c.target_id, c.article_id) for c in corrections] == [
        ("split", ferry, new_id, a) for a in leaving
    ]
    # The spans follow the articles that stayed and left.
    assert new.first_seen > old.first_seen


def test_split_stories_are_resummarised_on_the_next_refresh(newsroom: Newsroom) -> None:
    store, ids = newsroom
    ferry = story_of(store, ids["ferry"][0])
    refresh_stories(Settings(), store, {ferry}, now=NOW, progress=quiet)
    new_id = split_story(store, ferry, ids["ferry"][3:], LATER)
    with store.read() as conn:
        assert {ferry, new_id} <= set(db.stories_needing_summary(conn))
    refresh_stories(Settings(), store, set(), now=LATER, progress=quiet)
    with store.read() as conn:
        old, new = db.latest_summary(conn, ferry), db.latest_summary(conn, new_id)
        assert db.stories_needing_summary(conn) == []
    assert old is not None and set(old.article_ids) == set(ids["ferry"][:3])
    assert new is not None and set(new.article_ids) == set(ids["ferry"][3:])


def test_a_split_article_never_rejoins_its_story(newsroom: Newsroom) -> None:
    store, ids = newsroom
    ferry = story_of(store, ids["ferry"][0])
    new_id = split_story(store, ferry, [ids["ferry"][3]], LATER)
    with store.read() as conn:
        assert correction_constraints(conn).apart == {(ferry, new_id)}
    # More of the same event arrives: consolidation would merge the two, the split forbids it.
    add_article(store, 1, FERRY, 6, NOW + timedelta(minutes=30), slug="ferry-late-1")
    add_article(store, 2, FERRY, 7, NOW + timedelta(minutes=40), slug="ferry-late-2")
    cluster_new_articles(Settings(), store, now=LATER, progress=quiet)
    assert story_of(store, ids["ferry"][3]) == new_id
    assert story_of(store, ids["ferry"][0]) == ferry
    with store.read() as conn:
        assert db.resolve_story(conn, new_id) == new_id
        assert db.resolve_story(conn, ferry) == ferry


def test_merge_moves_everything_and_redirects(newsroom: Newsroom) -> None:
    store, ids = newsroom
    ferry, storm = story_of(store, ids["ferry"][0]), story_of(store, ids["storm"][0])
    merge_stories(store, storm, ferry, LATER)
    with store.read() as conn:
        merged, kept = db.get_story(conn, storm), db.get_story(conn, ferry)
        assert db.resolve_story(conn, storm) == ferry
        reasons = {a: r for a, _, r in db.story_membership(conn, ferry)}
        assert ferry in db.stories_needing_summary(conn)
    assert merged is not None and merged.merged_into == ferry and merged.article_ids == ()
    assert kept is not None and set(kept.article_ids) == set(ids["ferry"] + ids["storm"])
    assert reasons[ids["storm"][0]] == f"merged by hand from story {storm}"
    merge_stories(store, storm, ferry, LATER)  # again: already one story, nothing to do


def test_merged_stories_stay_merged(newsroom: Newsroom) -> None:
    store, ids = newsroom
    ferry, quake = story_of(store, ids["ferry"][0]), story_of(store, ids["quake"][0])
    # The quake article is unlike the ferry story: consolidation would split it off, were it not
    # placed there by hand.
    merge_stories(store, quake, ferry, LATER)
    add_article(store, 1, FERRY, 6, NOW + timedelta(minutes=30), slug="ferry-late")
    outcome = cluster_new_articles(Settings(), store, now=LATER, progress=quiet)
    assert outcome.split == 0
    assert story_of(store, ids["quake"][0]) == ferry


def test_merges_follow_redirects_and_flatten_chains(newsroom: Newsroom) -> None:
    store, ids = newsroom
    ferry, storm = story_of(store, ids["ferry"][0]), story_of(store, ids["storm"][0])
    quake = story_of(store, ids["quake"][0])
    merge_stories(store, quake, storm, LATER)
    merge_stories(store, storm, ferry, LATER)
    with store.read() as conn:
        story = db.get_story(conn, quake)
        assert story is not None and story.merged_into == ferry  # one hop, not two
    merge_stories(store, quake, ferry, LATER)  # already there: a no-op
    with pytest.raises(ClusterError, match=r"^cluster: cannot merge story"):
        merge_stories(store, ferry, ferry, LATER)


def test_bad_corrections_are_refused_and_change_nothing(newsroom: Newsroom) -> None:
    store, ids = newsroom
    ferry, storm = story_of(store, ids["ferry"][0]), story_of(store, ids["storm"][0])
    with pytest.raises(StoreError, match="no story with id 999"):
        merge_stories(store, 999, ferry, LATER)
    with pytest.raises(StoreError, match="no story with id 999"):
        split_story(store, 999, [ids["ferry"][0]], LATER)
    with pytest.raises(ClusterError, match="not in story"):
        split_story(store, ferry, [ids["storm"][0]], LATER)
    with pytest.raises(ClusterError, match="must leave some article"):
        split_story(store, ferry, ids["ferry"], LATER)
    with store.read() as conn:
        assert db.list_corrections(conn) == []
        assert story_of(store, ids["storm"][0]) == storm


def test_merging_back_lifts_the_split(newsroom: Newsroom) -> None:
    store, ids = newsroom
    ferry = story_of(store, ids["ferry"][0])
    new_id = split_story(store, ferry, [ids["ferry"][3]], LATER)
    merge_stories(store, new_id, ferry, LATER + timedelta(minutes=1))
    with store.read() as conn:
        constraints = correction_constraints(conn)
    assert constraints.apart == frozenset()
    assert ids["ferry"][3] in constraints.pinned
