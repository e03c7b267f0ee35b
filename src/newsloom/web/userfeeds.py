"""Each user's own feeds at a secret address: ``/feeds/u/<token>.{xml|atom|json}``.

The token is the only credential (feed readers cannot sign in), so it is long and random, stored
hashed, and replaced (the old address stops) from the account page. The items are the user's
stories: their follows, without their mutes, as the personal page lists them.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, Response

import newsloom.store.accounts as accounts_db
from newsloom.accounts.tokens import new_token, token_hash
from newsloom.publish import FeedChannel
from newsloom.web.auth import account_page
from newsloom.web.caching import conditional
from newsloom.web.context import app_catalog, app_now, app_settings, app_store
from newsloom.web.feeds import FEED_SIZE, FORMATS, feed_item
from newsloom.web.mystories import personal_stories
from newsloom.web.session import csrf_checked, current_session, login_redirect
from newsloom.web.urls import absolute
from newsloom.web.views import cards_by_ids

router = APIRouter(include_in_schema=False)
MAX_TOKEN = 100


@router.post(
    "/account/feed-token", response_class=HTMLResponse, dependencies=[Depends(csrf_checked)]
)
def rotate_feed_token(request: Request) -> Response:
    """A new secret address for the user's feeds, shown once."""
    session = current_session(request)
    if session is None:
        return login_redirect(request)
    token = new_token()
    with app_store(request).write() as conn:
        accounts_db.set_feed_token(conn, session.user.id, token_hash(token), app_now(request))
    url = absolute(app_settings(request).site_url, f"/feeds/u/{token}.xml")
    return account_page(request, session, notice="Your feed (also .atom and .json):", secret=url)


@router.get("/feeds/u/{token}.{ext}")
def user_feed(request: Request, token: str, ext: str) -> Response:
    if ext not in FORMATS:
        raise HTTPException(404, f"feeds: no feed format {ext!r}; use xml, atom or json")
    if not token or len(token) > MAX_TOKEN:
        raise HTTPException(404, "feeds: no such feed")
    settings = app_settings(request)
    with app_store(request).read() as conn:
        user = accounts_db.user_of_feed_token(conn, token_hash(token))
        if user is None:
            raise HTTPException(404, "feeds: no such feed")
        picked = personal_stories(conn, user.id, now=app_now(request), limit=FEED_SIZE)
        cards = cards_by_ids(conn, [c.id for c in picked], app_catalog(request, conn))
    newest = max((c.updated for c in cards), default=None)
    channel = FeedChannel(
        title=f"{settings.site_title}: {user.name}'s stories",
        link=absolute(settings.site_url, "/my"),
        description=f"The stories {user.name} follows on {settings.site_title}.",
        self_url=absolute(settings.site_url, request.url.path),
        built=newest,
    )
    renderer, media_type = FORMATS[ext]
    body = renderer(channel, [feed_item(c, settings) for c in cards])
    response = conditional(request, body, media_type, newest)
    response.headers["Cache-Control"] = "private, max-age=60"
    response.headers["X-Robots-Tag"] = "noindex"
    return response
