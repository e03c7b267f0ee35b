"""Issue 14's unauthenticated 500s: parameters that overflow a date or an integer are 404/422."""

from __future__ import annotations

import base64
import json

import pytest

from tests.unit.web.conftest import Newsroom


def _cursor(payload: dict) -> str:
    raw = json.dumps(payload).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


@pytest.mark.parametrize(
    "since",
    ["0001-01-01T00:00:00%2B14:00", "9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00-00:01"],
)
def test_since_past_the_ends_of_the_calendar_is_a_422(newsroom: Newsroom, since: str) -> None:
    response = newsroom.client.get(f"/api/stories?since={since}")
    assert response.status_code in (200, 422), response.text
    if response.status_code == 422:
        assert "since" in response.text


def test_since_with_no_utc_equivalent_is_a_422_not_a_500(newsroom: Newsroom) -> None:
    response = newsroom.client.get("/api/stories?since=0001-01-01T00:00:00%2B14:00")
    assert response.status_code == 422
    assert "since must be an ISO 8601" in response.text


@pytest.mark.parametrize("day", ["0001-01-01", "0001-01-02", "1989-12-31"])
def test_archive_days_before_the_archive_are_404(newsroom: Newsroom, day: str) -> None:
    assert newsroom.client.get(f"/archive/{day}").status_code == 404


@pytest.mark.parametrize(
    "payload",
    [
        {"u": "2026-06-03T10:00:00+00:00", "i": 2**63},
        {"u": "2026-06-03T10:00:00+00:00", "i": 10**30},
        {"u": "2026-06-03T10:00:00+00:00", "i": -1},
        {"u": "2026-06-03T10:00:00+00:00", "i": "7"},
        {"u": "0001-01-01T00:00:00+14:00", "i": 1},
        {"u": "2026-06-03T10:00:00", "i": 1},
        {"o": 10**40},
    ],
)
def test_cursors_this_api_never_handed_out_are_422(newsroom: Newsroom, payload: dict) -> None:
    for query in (f"cursor={_cursor(payload)}", f"q=moon&cursor={_cursor(payload)}"):
        response = newsroom.client.get(f"/api/stories?{query}")
        assert response.status_code == 422, (query, response.text)
        assert response.json()["detail"]


def test_a_cursor_with_a_5000_digit_number_is_a_422(newsroom: Newsroom) -> None:
    raw = b'{"u": "2026-06-03T10:00:00+00:00", "i": ' + b"9" * 5000 + b"}"
    cursor = base64.urlsafe_b64encode(raw).decode().rstrip("=")
    response = newsroom.client.get(f"/api/stories?cursor={cursor}")
    assert response.status_code == 422


@pytest.mark.parametrize("path", [f"/api/stories/{2**63}", f"/api/stories/{10**30}"])
def test_story_ids_beyond_the_store_are_422(newsroom: Newsroom, path: str) -> None:
    assert newsroom.client.get(path).status_code in (404, 422)
