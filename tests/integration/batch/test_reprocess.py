from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from newsloom.batch.backfill import backfill
from newsloom.batch.reprocess import STAGES, reprocess
from newsloom.batch.runners import LocalRunner, RayRunner, Runner
from newsloom.settings import Settings
from newsloom.store import Store
from newsloom.store.schema import article_vectors, articles, stories, story_articles, summaries
from newsloom.store.status import store_status

NOW = datetime(2026, 3, 5, tzinfo=UTC)


def _run_all(settings: Settings, archive: Path, runner: Runner) -> dict[str, list[Any]]:
    store = Store.open(settings)
    try:
        backfill(store, archive, runner, now=NOW)
        for stage in STAGES:
            reprocess(stage, settings, store, runner, now=NOW)
        with store.read() as conn:
            status = store_status(conn, NOW)
            assert status.articles_without_vectors == 0
            assert status.unclustered_articles == 0
            assert status.stories_needing_summary == 0
            tables = {}
            for table, key in (
                (articles, articles.c.id),
                (article_vectors, article_vectors.c.article_id),
                (stories, stories.c.id),
                (story_articles, story_articles.c.article_id),
                (summaries, summaries.c.id),
            ):
                tables[table.name] = [tuple(r) for r in conn.execute(select(table).order_by(key))]
        return tables
    finally:
        store.close()


def test_local_reprocess_fills_every_queue(settings: Settings, archive: Path) -> None:
    tables = _run_all(settings, archive, LocalRunner())
    assert len(tables["article_vectors"]) == 13
    assert len(tables["summaries"]) == len(tables["stories"]) >= 4


@pytest.mark.slow
def test_ray_reprocess_matches_the_local_loop(tmp_path: Path, archive: Path) -> None:
    pytest.importorskip("ray")
    local = _run_all(Settings(data_dir=tmp_path / "local"), archive, LocalRunner())
    runner = RayRunner(num_cpus=2)
    try:
        distributed = _run_all(Settings(data_dir=tmp_path / "ray"), archive, runner)
    finally:
        runner.close()
    assert distributed == local


def test_vectors_of_another_model_stop_clustering_until_reprocessed(
    settings: Settings, archive: Path
) -> None:
    """A store whose vectors another embedding model made cannot be clustered against: the
    story step says so, and reprocess --stage embed re-embeds exactly those vectors."""
    from sqlalchemy import update

    from newsloom.errors import ClusterError
    from newsloom.pipeline.stories import cluster_new_articles

    store = Store.open(settings)
    try:
        backfill(store, archive, LocalRunner(), now=NOW)
        assert reprocess("embed", settings, store, LocalRunner(), now=NOW)["embedded"] == 13
        with store.write() as conn:
            conn.execute(
                update(article_vectors)
                .where(article_vectors.c.article_id <= 5)
                .values(model="some-older-model")
            )
        with store.read() as conn:
            assert store_status(conn, NOW).vectors_of_other_models == 5
        with pytest.raises(ClusterError, match=r"5 by some-older-model.*reprocess --stage embed"):
            cluster_new_articles(settings, store, now=NOW, progress=lambda *a: None)
        assert reprocess("embed", settings, store, LocalRunner(), now=NOW)["embedded"] == 5
        with store.read() as conn:
            assert store_status(conn, NOW).vectors_of_other_models == 0
        assert cluster_new_articles(settings, store, now=NOW, progress=lambda *a: None).touched
    finally:
        store.close()
