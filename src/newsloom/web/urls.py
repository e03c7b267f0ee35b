"""Story and category URLs: one canonical path per page, built from the headline."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Annotated

from fastapi import Path

MAX_SLUG_CHARS = 80
MAX_ID = 2**63 - 1  # ids are SQL BIGINT at most; larger numbers name nothing
FALLBACK_SLUG = "story"
# "/{category}/{slug}-{id}": the id is the trailing number, the slug may itself contain digits.
_SLUG_ID = re.compile(r"^(?:(?P<slug>.*)-)?(?P<id>[0-9]{1,18})$")


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by '-', cut at a word boundary; never empty."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > MAX_SLUG_CHARS:
            break
        slug = candidate
    return slug or (words[0][:MAX_SLUG_CHARS] if words else FALLBACK_SLUG)


def split_slug_id(segment: str) -> tuple[str, int] | None:
    """('slug', id) from 'slug-id' (or a bare id); None when the segment has no trailing id."""
    match = _SLUG_ID.match(segment)
    if match is None:
        return None
    return match.group("slug") or "", int(match.group("id"))


StoryId = Annotated[int, Path(ge=1, le=MAX_ID, description="A story id.")]
SourceId = Annotated[int, Path(ge=1, le=MAX_ID, description="A source (outlet) id.")]


def story_path(category: str, headline: str, story_id: int) -> str:
    return f"/{category}/{slugify(headline)}-{story_id}"


def category_path(category: str, page: int = 1) -> str:
    return f"/{category}" if page <= 1 else f"/{category}?page={page}"


def absolute(site_url: str, path: str) -> str:
    return site_url.rstrip("/") + path


def source_path(source_id: int, page: int = 1) -> str:
    return f"/sources/{source_id}" if page <= 1 else f"/sources/{source_id}?page={page}"


def archive_path(day: date) -> str:
    return f"/archive/{day.isoformat()}"


def picture_path(key: str, *, thumb: bool = False) -> str:
    """Our copy of a story picture (web/pictures.py): the lead size, or the card thumbnail."""
    return f"/images/{key}{'-thumb' if thumb else ''}.jpg"
