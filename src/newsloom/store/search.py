"""Full-text search over stories (headline + latest summary) and articles (title + lead).

SQLite uses the FTS5 tables of migrations 0004 and 0006. PostgreSQL searches stories in the
``story_fts`` table of 0006 (stored tsvectors, GIN and update-time indexes) and articles through
0004's expression GIN index (the expression below repeats the migration's word for word, or the
planner would not use it). Story searches score only the MAX_CANDIDATES newest matches. User
input never reaches either query language as syntax: it is parsed here into words and phrases that
are bound as quoted FTS5 strings or as arguments of plainto/phraseto_tsquery.

Ranking: the backend's relevance (bm25 / ts_rank) divided by ``1 + age_days / RECENCY_DAYS``, so a
fresh story outranks an equally relevant week-old one, and a much better match still wins.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Float,
    FromClause,
    Select,
    and_,
    cast,
    column,
    exists,
    func,
    literal,
    literal_column,
    or_,
    select,
    table,
    text,
    union,
)

from newsloom.errors import StoreError
from newsloom.records import Cited
from newsloom.store._errors import store_errors, upsert_dialect
from newsloom.store.schema import (
    UTCDateTime,
    articles,
    as_utc,
    sources,
    stories,
    story_articles,
    summaries,
)
from newsloom.store.summaries import cited_from_json

RECENCY_DAYS = 7.0
MAX_QUERY_CHARS = 500
MAX_TERMS = 12
MAX_LIMIT = 100
# Matches ranked per query, newest first: a word found in most stories costs ~4 ms at 500 and
# ~15 ms at 1,000 (SQLite, 10k stories), and the recency factor already sinks older matches.
MAX_CANDIDATES = 500
SNIPPET_WORDS = 32
# Dropped from queries (unless nothing else is left), as PostgreSQL's english config does.
STOPWORDS = frozenset(
    "a an and are as at be but by for from has have in into is it its of on or that the their "
    "this to was were will with".split()
)
SEARCH_TABLES = ("article_fts", "story_fts")
SEARCH_INDEXES = ("ix_articles_search", "ix_story_fts_document", "ix_story_fts_last_updated")

_WORD = re.compile(r"[^\W_]+")
_TOKEN = re.compile(r'(-?)"([^"]*)"?|(-?)([^\s"]+)')
_LANGUAGE = re.compile(r"^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$")

_story_fts = table("story_fts", column("rowid"), column("headline"), column("body"))
_article_fts = table("article_fts", column("rowid"), column("title"), column("lead"))
_ENGLISH = "'english'::regconfig"
# PostgreSQL's story index (migration 0006): each story's stored document and update time.
_pg_story_fts = table(
    "story_fts", column("id"), column("last_updated", UTCDateTime()), column("document")
)
# Exactly the migration's index expression (see module docstring).
_PG_ARTICLE = (
    f"setweight(to_tsvector({_ENGLISH}, articles.title), 'A') "
    f"|| setweight(to_tsvector({_ENGLISH}, articles.lead), 'B')"
)


@dataclass(frozen=True)
class SearchHit:
    story_id: int
    score: float
    snippet: str  # plain text (escape before showing it)


@dataclass(frozen=True)
class ArticleHit:
    article_id: int
    story_id: int | None
    score: float
    snippet: str


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]  # one word, or a phrase
    prefix: bool = False  # "ferr*": the last word is a prefix


@dataclass(frozen=True)
class ParsedQuery:
    required: tuple[Term, ...]
    excluded: tuple[Term, ...]

    @property
    def empty(self) -> bool:
        return not self.required


def outside_search(name: str | None, type_: str, parent_names: Mapping[str, Any]) -> bool:
    """Alembic ``include_name`` hook: False for the search index's own tables and indexes."""
    if type_ == "table" and name is not None:
        return not any(name == t or name.startswith(t + "_") for t in SEARCH_TABLES)
    return not (type_ == "index" and name in SEARCH_INDEXES)


def parse_query(raw: str) -> ParsedQuery:
    """Words, "quoted phrases", -excluded words and trailing-* prefixes; everything else is text."""
    required: list[Term] = []
    excluded: list[Term] = []
    if len(raw) > MAX_QUERY_CHARS:  # cut at a space, not inside a word
        raw = raw[:MAX_QUERY_CHARS].rsplit(None, 1)[0]
    for match in _TOKEN.finditer(raw):
        negated = bool(match.group(1) or match.group(3))
        phrase = match.group(2)
        chunk = phrase if phrase is not None else match.group(4)
        words = tuple(w.lower() for w in _WORD.findall(chunk))
        if not words:
            continue
        prefix = phrase is None and chunk.endswith("*") and len(words) == 1
        if phrase is None and len(words) > 1:  # "U.S." or "e-mail": each part is a word
            terms = [Term((w,)) for w in words]
        else:
            terms = [Term(words, prefix)]
        (excluded if negated else required).extend(terms)
    content = [t for t in required if len(t.words) > 1 or t.prefix or t.words[0] not in STOPWORDS]
    kept = content or required
    return ParsedQuery(tuple(dict.fromkeys(kept))[:MAX_TERMS], tuple(excluded)[:MAX_TERMS])


def fts5_query(parsed: ParsedQuery) -> str:
    """The FTS5 MATCH string: only double-quoted strings of plain words, AND, NOT and *."""

    def quoted(term: Term) -> str:
        return '"' + " ".join(term.words) + '"' + ("*" if term.prefix else "")

    expression = " AND ".join(quoted(t) for t in parsed.required)
    for term in parsed.excluded:
        expression = f"({expression}) NOT {quoted(term)}"
    return expression


def _pg_tsquery(parsed: ParsedQuery, *, phrases: bool = True) -> ColumnElement[Any]:
    """The tsquery of ``parsed``; ``phrases=False`` reads a phrase as "all of these words".

    A GIN index stores no word positions, so a phrase makes PostgreSQL recompute the tsvector of
    every row holding the words (seconds when they are common): matching uses the words, and only
    ranking (on a few rows) checks the phrase.
    """
    english: ColumnElement[Any] = literal_column(_ENGLISH)

    def one(term: Term) -> ColumnElement[Any]:
        if term.prefix:  # the word is alphanumeric, so ":*" is the only operator in the string
            return func.to_tsquery(english, literal(term.words[0] + ":*"))
        if len(term.words) > 1 and phrases:
            return func.phraseto_tsquery(english, literal(" ".join(term.words)))
        return func.plainto_tsquery(english, literal(term.words[0]))

    query = one(parsed.required[0])
    for term in parsed.required[1:]:
        query = func.tsquery_and(query, one(term))
    for term in parsed.excluded:
        query = func.tsquery_and(query, func.tsquery_not(one(term)))
    return query


def _stem(word: str) -> str:
    """A crude English stem for spotting matches in snippets; the index's own stemmer decides hits."""
    word = word.lower()
    for suffix in ("ies", "ing", "ers", "ed", "es", "er", "ly", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + ("i" if suffix == "ies" else "")
            break
    return word[:-1] if word.endswith(("y", "e", "i")) and len(word) > 4 else word


@functools.lru_cache(maxsize=256)
def term_pattern(parsed: ParsedQuery) -> re.Pattern[str]:
    """A regex for the words of some text the query looks for: same stem, or the given prefix."""
    alternatives = []
    for term in parsed.required:
        for word in term.words:
            stem = _stem(word)
            if term.prefix or len(stem) >= 4:
                alternatives.append(re.escape(word if term.prefix else stem) + r"[^\W_]*")
            else:  # too short to stand for a family of words: the word, maybe plural
                alternatives.append(re.escape(word) + "(?:s|es)?")
    body = "|".join(alternatives) or "(?!)"
    return re.compile(rf"(?<![^\W_])(?:{body})(?![^\W_])", re.IGNORECASE)


def matches_term(word: str, parsed: ParsedQuery) -> bool:
    """Whether ``word`` of some text is one the query looks for (to mark it in a snippet)."""
    return term_pattern(parsed).fullmatch(word) is not None


def snippet(text: str, parsed: ParsedQuery, words: int = SNIPPET_WORDS) -> str:
    """The ``words``-word window of ``text`` holding the most query words, with … where cut."""
    tokens = text.split()
    if len(tokens) <= words:
        return " ".join(tokens)
    pattern = term_pattern(parsed)
    hits = [1 if pattern.search(t) else 0 for t in tokens]
    best, best_count, count = 0, -1, sum(hits[:words])
    for start in range(0, len(tokens) - words + 1):
        if start:
            count += hits[start + words - 1] - hits[start - 1]
        if count > best_count:
            best, best_count = start, count
    # Start a little before the first hit so it reads in context.
    first = next((i for i in range(best, best + words) if hits[i]), best)
    start = max(0, min(first - 4, len(tokens) - words))
    window = tokens[start : start + words]
    return (
        ("… " if start else "") + " ".join(window) + (" …" if start + words < len(tokens) else "")
    )


def _bounded(limit: int, offset: int) -> tuple[int, int]:
    return max(0, min(limit, MAX_LIMIT)), max(0, offset)


def _language(language: str | None) -> str | None:
    if language is None or language == "":
        return None
    code = language.strip().lower()
    if not _LANGUAGE.match(code):
        raise StoreError(f"store: not a language code: {language[:20]!r}")
    return code


def _language_of(code: str) -> ColumnElement[bool]:
    """Article (or, when the article has none, its source) is in language ``code`` or a variant."""

    def is_code(col: Any) -> ColumnElement[bool]:
        return or_(func.lower(col) == code, func.lower(col).like(code + "-%"))

    return or_(
        is_code(articles.c.language), and_(articles.c.language == "", is_code(sources.c.language))
    )


def _age_days(moment: Any, now: datetime, dialect: str) -> ColumnElement[Any]:
    if dialect == "sqlite":
        stamp = as_utc(now).strftime("%Y-%m-%d %H:%M:%S")
        age = func.julianday(literal(stamp)) - func.julianday(moment)
    else:
        age = func.extract("epoch", literal(as_utc(now), UTCDateTime) - moment) / 86400.0
    return cast(func.greatest(age, 0) if dialect != "sqlite" else func.max(age, 0), Float)


def _story_filters(
    query: Select[Any],
    *,
    category: str | None,
    source_id: int | None,
    language: str | None,
    since: datetime | None,
    until: datetime | None,
) -> Select[Any]:
    members = story_articles
    query = query.where(
        stories.c.merged_into.is_(None), exists().where(members.c.story_id == stories.c.id)
    )
    if category is not None:
        query = query.where(stories.c.category == category)
    if since is not None:
        query = query.where(stories.c.last_updated >= since)
    if until is not None:
        query = query.where(stories.c.first_seen < until)
    if source_id is not None:
        carried = members.join(
            articles,
            or_(articles.c.id == members.c.article_id, articles.c.copy_of == members.c.article_id),
        )
        query = query.where(
            exists()
            .select_from(carried)
            .where(members.c.story_id == stories.c.id, articles.c.source_id == source_id)
        )
    code = _language(language)
    if code is not None:
        query = query.where(
            exists()
            .select_from(
                members.join(articles, articles.c.id == members.c.article_id).join(
                    sources, sources.c.id == articles.c.source_id
                )
            )
            .where(members.c.story_id == stories.c.id, _language_of(code))
        )
    return query


@contextmanager
def _index_paths_only(conn: Connection) -> Iterator[None]:
    """PostgreSQL: no sequential scans for this search's queries.

    The GIN index answers ``@@`` without rechecking, but the planner costs a recheck of the
    tsvector expression per row, so for a word in most rows it picks a sequential scan that
    really does compute every tsvector (seconds at 10k stories). SQLite: nothing to do.
    """
    if conn.dialect.name != "postgresql":
        yield
        return
    previous = conn.execute(text("SELECT current_setting('enable_seqscan')")).scalar_one()
    conn.execute(text("SELECT set_config('enable_seqscan', 'off', true)"))
    try:
        yield
    finally:
        conn.execute(text("SELECT set_config('enable_seqscan', :value, true)"), {"value": previous})


@store_errors
def search_stories(
    conn: Connection,
    query: str,
    *,
    category: str | None = None,
    source_id: int | None = None,
    language: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = 20,
    offset: int = 0,
    now: datetime,
) -> list[SearchHit]:
    """Live stories whose headline or latest summary matches, best (relevance x recency) first.

    ``since``/``until`` keep stories active in that span (updated on or after ``since``, first seen
    before ``until``); ``source_id`` and ``language`` keep stories with such an article or copy.
    Only the MAX_CANDIDATES most recently updated matches are scored, which bounds the work a
    query matching most of the archive costs (its words then say little about relevance anyway).
    """
    parsed = parse_query(query)
    limit, offset = _bounded(limit, offset)
    if parsed.empty or limit == 0:
        return []

    def _filtered(query: Select[Any]) -> Select[Any]:
        return _story_filters(
            query,
            category=category,
            source_id=source_id,
            language=language,
            since=since,
            until=until,
        )

    dialect = upsert_dialect(conn)
    with _index_paths_only(conn):
        return _ranked_stories(conn, parsed, dialect, now, _filtered, limit, offset)


def _ranked_stories(
    conn: Connection,
    parsed: ParsedQuery,
    dialect: str,
    now: datetime,
    _filtered: Callable[[Select[Any]], Select[Any]],
    limit: int,
    offset: int,
) -> list[SearchHit]:
    if dialect == "sqlite":
        ranked = _sqlite_ranking(parsed, now, _filtered)
    else:
        ranked = _pg_ranking(parsed, now, _filtered)
    score: ColumnElement[Any] = literal_column("score")
    rows = conn.execute(
        ranked.order_by(score.desc(), literal_column("id").desc()).limit(limit).offset(offset)
    ).all()
    texts = _story_texts(conn, [r.id for r in rows])
    return [
        SearchHit(story_id=r.id, score=float(r.score or 0.0), snippet=snippet(texts[r.id], parsed))
        for r in rows
    ]


def _sqlite_ranking(
    parsed: ParsedQuery, now: datetime, _filtered: Callable[[Select[Any]], Select[Any]]
) -> Select[Any]:
    """(id, score) of the newest MAX_CANDIDATES matching stories that pass the filters.

    FTS5 drives the query: it yields matches newest story first (its rowid is the story id) and
    stops once MAX_CANDIDATES of them passed the filters, so bm25 is computed for those alone,
    never for every story holding a common word. The "+ 0" keeps SQLite from driving off
    stories instead (one FTS5 lookup per story costs ~0.5 ms).
    """
    fts: ColumnElement[Any] = literal_column("story_fts")
    candidates = (
        _filtered(
            select(
                stories.c.id,
                stories.c.last_updated,
                (-func.bm25(fts, 2.0, 1.0)).label("relevance"),
            )
            .select_from(_story_fts.join(stories, stories.c.id == _story_fts.c.rowid + 0))
            .where(fts.op("MATCH")(fts5_query(parsed)))
        )
        .order_by(_story_fts.c.rowid.desc())
        .limit(MAX_CANDIDATES)
        .subquery("candidates")
    )
    recency = 1.0 + _age_days(candidates.c.last_updated, now, "sqlite") / RECENCY_DAYS
    return select(candidates.c.id, (candidates.c.relevance / recency).label("score"))


def _pg_ranking(
    parsed: ParsedQuery, now: datetime, _filtered: Callable[[Select[Any]], Select[Any]]
) -> Select[Any]:
    """(id, score) of the MAX_CANDIDATES most recently updated matches that pass the filters.

    ``story_fts`` (migration 0006) stores each story's document and update time: for a common
    word PostgreSQL walks its update-time index newest first, testing the stored vector, and stops
    at the bound; for a rare one it reads the GIN index. Only the candidates are ranked.
    """
    fts = _pg_story_fts
    candidates = (
        _filtered(
            select(stories.c.id, fts.c.last_updated, fts.c.document)
            .select_from(fts.join(stories, stories.c.id == fts.c.id))
            .where(fts.c.document.op("@@")(_pg_tsquery(parsed)))
        )
        .order_by(fts.c.last_updated.desc())
        .limit(MAX_CANDIDATES)
        .subquery("candidates")
    )
    recency = 1.0 + _age_days(candidates.c.last_updated, now, "postgresql") / RECENCY_DAYS
    relevance = func.ts_rank(candidates.c.document, _pg_tsquery(parsed), 1)
    return select(candidates.c.id, (relevance / recency).label("score"))


def _story_texts(conn: Connection, story_ids: Sequence[int]) -> dict[int, str]:
    """The text a snippet is cut from: latest summary's statements, else the story's headline."""
    if not story_ids:
        return {}
    texts = {
        r.id: r.headline
        for r in conn.execute(
            select(stories.c.id, stories.c.headline).where(stories.c.id.in_(story_ids))
        )
    }
    latest = (
        select(summaries.c.story_id, func.max(summaries.c.version).label("version"))
        .where(summaries.c.story_id.in_(story_ids))
        .group_by(summaries.c.story_id)
        .subquery()
    )
    query = select(summaries.c.story_id, summaries.c.bullets, summaries.c.paragraphs).join(
        latest,
        and_(summaries.c.story_id == latest.c.story_id, summaries.c.version == latest.c.version),
    )
    for row in conn.execute(query):
        statements: list[Cited] = [*cited_from_json(row.bullets)]
        for paragraph in row.paragraphs or ():
            statements.extend(cited_from_json(paragraph))
        if statements:
            texts[row.story_id] = " ".join(c.text for c in statements)
    return texts


@store_errors
def search_articles(
    conn: Connection,
    query: str,
    *,
    source_id: int | None = None,
    language: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    originals_only: bool = True,
    limit: int = 20,
    offset: int = 0,
    now: datetime,
) -> list[ArticleHit]:
    """Articles whose title or lead matches, best (relevance x recency of publication) first."""
    parsed = parse_query(query)
    limit, offset = _bounded(limit, offset)
    if parsed.empty or limit == 0:
        return []
    dialect = upsert_dialect(conn)
    code = _language(language)

    def filtered(query: Select[Any]) -> Select[Any]:
        if originals_only:
            query = query.where(articles.c.copy_of.is_(None))
        if source_id is not None:
            query = query.where(articles.c.source_id == source_id)
        if code is not None:
            query = query.where(_language_of(code))
        if since is not None:
            query = query.where(articles.c.published >= since)
        if until is not None:
            query = query.where(articles.c.published < until)
        return query

    recency = 1.0 + _age_days(articles.c.published, now, dialect) / RECENCY_DAYS
    if dialect == "sqlite":
        relevance: ColumnElement[Any] = -func.bm25(literal_column("article_fts"), 2.0, 1.0)
        base: FromClause = _article_fts.join(articles, articles.c.id == _article_fts.c.rowid)
        matched: ColumnElement[bool] = literal_column("article_fts").op("MATCH")(fts5_query(parsed))
        matches = select(_article_fts.c.rowid).where(matched)
    else:
        vector: ColumnElement[Any] = literal_column(f"({_PG_ARTICLE})")
        relevance = func.ts_rank(vector, _pg_tsquery(parsed), 1)
        base = articles
        matched = vector.op("@@")(_pg_tsquery(parsed, phrases=False))
        matches = select(articles.c.id).where(matched)
    ranked = filtered(
        select(
            articles.c.id,
            articles.c.title,
            articles.c.lead,
            story_articles.c.story_id,
            (relevance / recency).label("score"),
        )
        .select_from(
            base.join(sources, sources.c.id == articles.c.source_id).outerjoin(
                story_articles,
                story_articles.c.article_id == func.coalesce(articles.c.copy_of, articles.c.id),
            )
        )
        .where(matched)
    )
    with _index_paths_only(conn):
        count = conn.execute(select(func.count()).select_from(matches.subquery())).scalar_one()
        if count > MAX_CANDIDATES:  # as for stories: score only the newest matches
            newest = filtered(
                select(articles.c.id)
                .join(sources, sources.c.id == articles.c.source_id)
                .where((articles.c.id + 0 if dialect == "sqlite" else articles.c.id).in_(matches))
            )
            newest = newest.order_by(articles.c.published.desc()).limit(MAX_CANDIDATES)
            ranked = ranked.where(articles.c.id.in_(newest))
        rows = conn.execute(
            ranked.order_by(literal_column("score").desc(), articles.c.id.desc())
            .limit(limit)
            .offset(offset)
        ).all()
    return [
        ArticleHit(
            article_id=r.id,
            story_id=r.story_id,
            score=float(r.score or 0.0),
            snippet=snippet(f"{r.title}. {r.lead}" if r.lead else r.title, parsed),
        )
        for r in rows
    ]


@store_errors
def search_languages(conn: Connection, *, recent: int = 500) -> list[str]:
    """Language codes sources declare or the ``recent`` newest articles carry (bounded cost)."""
    newest = (
        select(articles.c.language).order_by(articles.c.published.desc()).limit(recent).subquery()
    )
    found = select(func.lower(newest.c.language).label("code")).where(newest.c.language != "")
    declared = select(func.lower(sources.c.language).label("code")).where(sources.c.language != "")
    rows = conn.execute(union(found, declared))
    return sorted({r.code for r in rows if _LANGUAGE.match(r.code)})
