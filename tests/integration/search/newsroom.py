"""A small fictional newsroom written straight into the store, for the search tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import newsloom.store as db
from newsloom.records import Article, Cited, Source, Summary
from newsloom.store import Store

NOW = datetime(2026, 3, 14, 12, 0, tzinfo=UTC)


@dataclass
class Newsroom:
    store: Store
    sources: dict[str, int] = field(default_factory=dict)
    articles: dict[str, int] = field(default_factory=dict)
    counter: int = 0

    def source(self, name: str, language: str = "en") -> int:
        with self.store.write() as conn:
            stored = db.add_source(
                conn,
                Source(url=f"https://{name}.example/feed", title=name.title(), language=language),
            )
        assert stored.id is not None
        self.sources[name] = stored.id
        return stored.id

    def article(
        self,
        source: str,
        title: str,
        lead: str = "",
        *,
        age_hours: float = 1.0,
        language: str = "",
        copy_of: int | None = None,
    ) -> int:
        self.counter += 1
        n = self.counter
        article = Article(
            source_id=self.sources[source],
            url=f"https://{source}.example/news/{n}",
            canonical_url=f"https://{source}.example/news/{n}",
            title=title,
            text=f"{title}. {lead}",
            lead=lead,
            published=NOW - timedelta(hours=age_hours),
            fetched_at=NOW,
            guid=f"{source}-{n}",
            content_hash=f"{n:064x}",
            language=language,
            copy_of=copy_of,
        )
        with self.store.write() as conn:
            stored = db.insert_article(conn, article)
        assert stored.id is not None
        return stored.id

    def story(
        self,
        headline: str,
        article_ids: list[int],
        *,
        bullets: tuple[str, ...] = (),
        paragraph: tuple[str, ...] = (),
        category: str = "world",
        age_hours: float = 1.0,
    ) -> int:
        moment = NOW - timedelta(hours=age_hours)
        with self.store.write() as conn:
            story_id = db.create_story(conn, first_seen=moment, category=category)
            for article_id in article_ids:
                db.add_to_story(conn, story_id, article_id, similarity=1.0, reasons="", added=NOW)
            db.update_story(conn, story_id, headline=headline, last_updated=moment)
            if bullets or paragraph:
                self.summarize(conn, story_id, headline, bullets, paragraph, article_ids)
        return story_id

    @staticmethod
    def summarize(
        conn: object,
        story_id: int,
        headline: str,
        bullets: tuple[str, ...],
        paragraph: tuple[str, ...],
        article_ids: list[int],
    ) -> None:
        ids = tuple(article_ids)
        db.save_summary(
            conn,  # type: ignore[arg-type]
            Summary(
                story_id=story_id,
                version=0,
                headline=headline,
                bullets=tuple(Cited(b, ids) for b in bullets),
                paragraphs=(tuple(Cited(p, ids) for p in paragraph),),
                takeaways=(Cited("Residents will be watching closely.", ids),),
                created=NOW,
                article_ids=ids,
            ),
        )
