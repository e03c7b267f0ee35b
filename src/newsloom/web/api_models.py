"""Pydantic models of the JSON API's edge, so /api/openapi.json describes every response."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, Field

from newsloom.web.urls import MAX_ID


class CitedOut(BaseModel):
    text: str
    article_ids: list[int] = Field(description="Ids of the articles that support the statement.")


class SummaryOut(BaseModel):
    version: int
    headline: str
    method: str = Field(description="extractive or llm")
    created: datetime
    bullets: list[CitedOut]
    paragraphs: list[list[CitedOut]]
    takeaways: list[CitedOut]
    whats_new: list[CitedOut] = Field(description="What this version adds to the previous one.")


class CopyOut(BaseModel):
    id: int
    title: str
    url: str
    outlet: str
    source_id: int
    published: datetime


class ArticleOut(CopyOut):
    copies: list[CopyOut] = Field(description="The same text republished by other outlets.")


class StoryOut(BaseModel):
    id: int
    headline: str
    category: str
    url: str = Field(description="Absolute URL of the story page.")
    importance: float = Field(description="Stored importance, as of the story's last update.")
    first_seen: datetime
    last_updated: datetime
    articles_count: int
    outlets_count: int = Field(description="Distinct outlets, republished copies included.")
    first_bullet: str
    language: str = Field(description="Most common language of the story's articles; may be ''.")


class OutletOut(BaseModel):
    source_id: int
    name: str
    articles: int = Field(description="Articles and copies of this outlet in the story.")


class StoryDetailOut(StoryOut):
    summary: SummaryOut | None
    articles: list[ArticleOut]
    sources: list[OutletOut]
    first_reported_by: CopyOut | None = Field(description="The earliest article, copies included.")


class StoryListOut(BaseModel):
    stories: list[StoryOut]
    next_cursor: str | None = Field(
        description="Pass as ?cursor= for the next page; null on the last page."
    )


class VersionsOut(BaseModel):
    story_id: int
    versions: list[SummaryOut] = Field(description="Every summary version, oldest first.")


class FeedLinks(BaseModel):
    rss: str
    atom: str
    json_feed: str


class CategoryOut(BaseModel):
    slug: str
    name: str
    description: str
    url: str
    stories: int = Field(description="Live stories in the category.")
    feeds: FeedLinks


class CategoryListOut(BaseModel):
    categories: list[CategoryOut]


class SourceOut(BaseModel):
    id: int
    title: str
    url: str = Field(description="The feed (or page) newsloom polls.")
    site_url: str
    kind: str
    section: str
    language: str
    articles: int
    page_url: str = Field(description="Absolute URL of the outlet's page on this site.")
    last_checked: datetime | None
    error_count: int
    paused: bool = Field(description="Not polled until an operator resumes it.")
    paused_reason: str | None = Field(
        description="Why: by the operator, or after too many failed fetches in a row."
    )


class SourceListOut(BaseModel):
    sources: list[SourceOut]


class SourceIn(BaseModel):
    url: str = Field(min_length=8, max_length=2000, description="http(s) URL of a feed.")
    section: str = Field(default="", max_length=64)
    title: str = Field(default="", max_length=300)


class MergeIn(BaseModel):
    into: int = Field(ge=1, le=MAX_ID, description="Id of the story that absorbs this one.")


class SplitIn(BaseModel):
    article_ids: list[Annotated[int, Field(ge=1, le=MAX_ID)]] = Field(min_length=1, max_length=1000)


class CorrectionOut(BaseModel):
    story_id: int = Field(description="The story the articles are in now.")
    url: str


class ErrorOut(BaseModel):
    detail: str | list[dict[str, object]]
