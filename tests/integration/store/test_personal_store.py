"""store.accounts and store.personal on SQLite and PostgreSQL: users, sessions, per-user state."""

from __future__ import annotations

from datetime import timedelta

import pytest

import newsloom.store as db
import newsloom.store.accounts as accounts_db
import newsloom.store.personal as personal_db
from newsloom.errors import AccountError
from newsloom.records import Cited, Summary
from newsloom.store import Store
from tests.integration.store.conftest import NOW, MakeArticle


def _story(store: Store, source_id: int, make_article: MakeArticle, category: str) -> int:
    with store.write() as conn:
        article = db.insert_article(conn, make_article(source_id))
        assert article.id is not None
        story = db.create_story(conn, first_seen=NOW, category=category, headline=category)
        db.add_to_story(conn, story, article.id, similarity=1.0, reasons="t", added=NOW)
        return story


def _summary(store: Store, story: int, note: str) -> None:
    with store.write() as conn:
        db.save_summary(
            conn,
            Summary(
                story_id=story,
                version=0,
                headline=note,
                bullets=(Cited(note, ()),),
                paragraphs=(),
                takeaways=(),
                created=NOW,
                whats_new=(Cited(note, ()),),
                article_ids=(),
            ),
        )


def test_users_and_sessions(store: Store) -> None:
    with store.write() as conn:
        ada = accounts_db.add_user(conn, "ada", "hash", is_admin=True, now=NOW)
        with pytest.raises(AccountError):
            accounts_db.add_user(conn, "ada", "hash", is_admin=False, now=NOW)
    with store.write() as conn:
        accounts_db.add_session(conn, ada.id, "h" * 64, "csrf", now=NOW, expires=NOW + timedelta(1))
    with store.read() as conn:
        live = accounts_db.session_of(conn, "h" * 64, NOW)
        assert live is not None and live.user.is_admin and live.csrf == "csrf"
        assert accounts_db.session_of(conn, "h" * 64, NOW + timedelta(2)) is None  # expired
    with store.write() as conn:
        accounts_db.record_failure(conn, "ada", "10.0.0.1", NOW)
        accounts_db.record_failure(conn, "bob", "10.0.0.1", NOW)
    with store.read() as conn:
        assert accounts_db.failures_since(conn, "ada", "10.0.0.1", NOW) == (1, 2)
    with store.write() as conn:
        assert accounts_db.remove_user(conn, "ada")
    with store.read() as conn:  # the cascade took the session
        assert accounts_db.session_of(conn, "h" * 64, NOW) is None


def test_per_user_state_and_versions(
    store: Store, source_id: int, make_article: MakeArticle
) -> None:
    science = _story(store, source_id, make_article, "science")
    sports = _story(store, source_id, make_article, "sports")
    _summary(store, science, "first")
    with store.write() as conn:
        a = accounts_db.add_user(conn, "a", "h", is_admin=False, now=NOW).id
        b = accounts_db.add_user(conn, "b", "h", is_admin=False, now=NOW).id
        personal_db.add_follow(conn, a, "category", "science", NOW)
        personal_db.add_follow(conn, a, "category", "science", NOW)  # once is enough
        personal_db.mark_read(conn, a, [science, sports, 999_999], NOW)
        personal_db.save_stories(conn, a, [science, 999_999], NOW)
    _summary(store, science, "second")
    with store.read() as conn:
        assert len(personal_db.list_follows(conn, a)) == 1
        assert personal_db.list_follows(conn, b) == []
        marks = personal_db.read_marks(conn, a, [science, sports])
        assert marks[science].version == 1 and marks[sports].version == 0
        assert personal_db.latest_versions(conn, [science]) == {science: 2}
        assert personal_db.read_marks(conn, b, [science, sports]) == {}
        assert personal_db.saved_ids(conn, a) == [science]
        assert personal_db.saved_ids(conn, b) == []
        picked = personal_db.followed_stories(conn, categories=["science"])
        assert [c.id for c in picked] == [science]
        assert {c.id for c in personal_db.followed_stories(conn, everything=True)} == {
            science,
            sports,
        }
        assert personal_db.followed_stories(conn) == []
    with store.write() as conn:
        follow_id = personal_db.list_follows(conn, a)[0].id
        assert not personal_db.remove_follow(conn, b, follow_id)  # not b's to remove
        assert personal_db.remove_follow(conn, a, follow_id)
