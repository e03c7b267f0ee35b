"""The Google Reader API, as Miniflux and FreshRSS serve it to NetNewsWire, Reeder, ReadKit...

``/accounts/ClientLogin`` trades the user name and API password (not the login password) for a
token; every ``/reader/api/0/...`` call then carries ``Authorization: GoogleLogin auth=<token>``.
Subscriptions are the user's follows (``feed/<follow id>``, filed under the folders Categories,
Outlets and Searches; ``feed/0`` "All stories" while nothing is followed); each item is a story.
Read and starred are the web UI's read state and saved stories. Errors are plain-text 400/401.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response

import newsloom.store as db
import newsloom.store.accounts as accounts_db
import newsloom.store.personal as personal_db
from newsloom.accounts import ratelimit
from newsloom.accounts.greader_ids import (
    BadId,
    parse_stream,
    parse_time,
    usec,
)
from newsloom.accounts.passwords import DUMMY_HASH, MAX_PASSWORD, verify_password
from newsloom.accounts.records import User
from newsloom.accounts.tokens import new_token, token_hash
from newsloom.store.personal import Candidate
from newsloom.web import greader_streams as streams
from newsloom.web.context import app_now, app_settings, app_store
from newsloom.web.forms import Form, FormFields
from newsloom.web.greader_items import items
from newsloom.web.mystories import personal_stories, unmuted
from newsloom.web.session import client_address

router = APIRouter(tags=["google-reader"])


class Unauthorized(Exception):
    """No valid ``GoogleLogin auth=`` header: every Reader API call answers 401 (``unauthorized``,
    registered on the app beside this router)."""


def unauthorized(request: Request, exc: Exception) -> Response:
    return _text("Unauthorized", 401)


def stream_query(
    s: Annotated[
        str | None, Query(description="stream id (reading list, read, starred, feed/N...)")
    ] = None,
    n: Annotated[str | None, Query(description="items per page")] = None,
    c: Annotated[str | None, Query(description="continuation from the previous page")] = None,
    ot: Annotated[
        str | None, Query(description="only items updated at or after (Unix time)")
    ] = None,
    nt: Annotated[str | None, Query(description="only items updated before (Unix time)")] = None,
    r: Annotated[str | None, Query(description="o = oldest first")] = None,
    xt: Annotated[list[str] | None, Query(description="exclude items with this state")] = None,
    it: Annotated[list[str] | None, Query(description="only items with this state")] = None,
    output: Annotated[str | None, Query(description="json (the only output)")] = None,
) -> None:
    """Declares the stream parameters for the OpenAPI schema; handlers read them from the request
    themselves, repeats kept, so that a bad value is the protocol's plain-text 400."""


def _form_body(**fields: str) -> dict[str, Any]:
    """An OpenAPI request body of urlencoded fields (the protocol posts forms)."""
    properties: dict[str, Any] = {
        name: {"type": "array", "items": {"type": "string"}} if name == "i" else {"type": "string"}
        for name in fields
    }
    for name, about in fields.items():
        properties[name]["description"] = about
    return {
        "requestBody": {
            "content": {
                "application/x-www-form-urlencoded": {
                    "schema": {"type": "object", "properties": properties}
                }
            }
        }
    }


def _text(body: str, status: int = 200) -> PlainTextResponse:
    return PlainTextResponse(body, status_code=status)


def _bad(message: str) -> PlainTextResponse:
    return _text(f"accounts: {message}", 400)


def _auth(request: Request) -> User:
    header = request.headers.get("authorization", "")
    scheme, _, rest = header.partition(" ")
    token = rest.strip()
    if scheme.lower() == "googlelogin" and token.lower().startswith("auth="):
        token = token[len("auth=") :]
    else:
        token = ""
    if not token or len(token) > 200:
        raise Unauthorized
    with app_store(request).read() as conn:
        user = accounts_db.user_of_api_token(conn, token_hash(token))
    if user is None:
        raise Unauthorized
    return user


# -- sign-in ----------------------------------------------------------------------------------------


@router.get(
    "/accounts/ClientLogin", operation_id="client_login_get", response_class=PlainTextResponse
)
@router.post(
    "/accounts/ClientLogin",
    operation_id="client_login_post",
    response_class=PlainTextResponse,
    openapi_extra=_form_body(Email="the user name", Passwd="the API password"),
)
def client_login(request: Request, form: Form) -> Response:
    """``Email`` (the user name) and ``Passwd`` (the API password) for ``Auth=<token>``."""
    params = streams.gather_params(request, form)
    name = streams.first(params, "Email").strip().lower()[:200]
    password = streams.first(params, "Passwd")[: MAX_PASSWORD + 1]
    client = client_address(request.scope)
    now = app_now(request)
    store = app_store(request)
    with store.read() as conn:
        failures = accounts_db.failures_since(conn, name, client, now - ratelimit.WINDOW)
        stored = accounts_db.password_hash_of(conn, name, api=True) if name else None
    if ratelimit.limited(*failures):
        return _text("Error=TooManyRequests\n", 429)
    ok, rehashed = verify_password(stored[1] if stored and stored[1] else DUMMY_HASH, password)
    if stored is None or not stored[1] or not ok:
        with store.write() as conn:
            accounts_db.record_failure(conn, name or "-", client, now)
        return _text("Error=BadAuthentication\n", 401)
    token = new_token()
    with store.write() as conn:
        if rehashed is not None:
            accounts_db.rehash_password(conn, stored[0], rehashed, api=True)
        accounts_db.add_api_token(conn, stored[0], token_hash(token), now)
    return _text(f"SID={token}\nLSID=null\nAuth={token}\n")


# -- reading ----------------------------------------------------------------------------------------


@router.get("/reader/api/0/token", response_class=PlainTextResponse)
def edit_token(request: Request) -> Response:
    """The ``T`` token clients send with edits. Calls are authorised by their header (no cookie
    is involved, so no cross-site request can make one); ``T`` is accepted and not checked."""
    _auth(request)
    return _text(new_token()[:57])


@router.get("/reader/api/0/user-info")
def user_info(request: Request) -> Response:
    user = _auth(request)
    return JSONResponse(
        {
            "userId": str(user.id),
            "userName": user.name,
            "userProfileId": str(user.id),
            "userEmail": user.email,
        }
    )


@router.get("/reader/api/0/subscription/list")
def subscription_list(request: Request) -> Response:
    user = _auth(request)
    site = app_settings(request).site_url
    with app_store(request).read() as conn:
        subs = streams.subscriptions(conn, request, user)
    return JSONResponse(
        {
            "subscriptions": [
                {
                    "id": f"feed/{f.id}",
                    "title": title,
                    "categories": [streams.folder(user, f)],
                    "url": site.rstrip("/") + f"/my#follow-{f.id}",
                    "htmlUrl": site.rstrip("/") + "/my",
                    "iconUrl": "",
                }
                for f, title in subs
            ]
        }
    )


@router.get("/reader/api/0/tag/list")
def tag_list(request: Request) -> Response:
    user = _auth(request)
    with app_store(request).read() as conn:
        subs = streams.subscriptions(conn, request, user)
    folders = {streams.folder(user, f)["id"]: streams.folder(user, f)["label"] for f, _ in subs}
    tags: list[dict[str, str]] = [{"id": f"user/{user.id}/state/com.google/starred"}]
    tags.extend({"id": fid, "label": label, "type": "folder"} for fid, label in folders.items())
    return JSONResponse({"tags": tags})


@router.get(
    "/reader/api/0/stream/contents/{stream_id:path}",
    operation_id="stream_contents_get",
    dependencies=[Depends(stream_query)],
)
@router.post(
    "/reader/api/0/stream/contents/{stream_id:path}",
    operation_id="stream_contents_post",
    dependencies=[Depends(stream_query)],
)
def stream_contents(
    request: Request,
    stream_id: str,
    form: Form,
) -> Response:
    user = _auth(request)
    params = streams.gather_params(request, form)
    raw = stream_id or streams.first(params, "s") or "user/-/state/com.google/reading-list"
    try:
        stream = parse_stream(raw)
        with app_store(request).read() as conn:
            page, continuation = streams.page_of(
                streams.stream_stories(conn, request, user, params, stream),
                params,
                streams.MAX_CONTENTS,
            )
            ids = [c.id for c in page]
            body = items(
                conn,
                ids,
                streams.item_states(conn, request, user, ids),
                app_settings(request).site_url,
            )
    except BadId as exc:
        return _bad(str(exc))
    answer: dict[str, Any] = {
        "direction": "ltr",
        "id": raw,
        "title": "Your stories",
        "self": [{"href": str(request.url)}],
        "updated": int(app_now(request).timestamp()),
        "items": body,
    }
    if continuation:
        answer["continuation"] = continuation
    return JSONResponse(answer)


@router.api_route("/reader/api/0/stream/contents", methods=["GET", "POST"], include_in_schema=False)
def stream_contents_by_s(request: Request, form: Form) -> Response:
    """The same, with the stream as ``s=`` rather than in the path."""
    return stream_contents(request, "", form)


@router.get("/reader/api/0/stream/items/ids", dependencies=[Depends(stream_query)])
def stream_item_ids(request: Request) -> Response:
    user = _auth(request)
    params = streams.gather_params(request, FormFields())
    try:
        stream = parse_stream(streams.first(params, "s", "user/-/state/com.google/reading-list"))
        with app_store(request).read() as conn:
            page, continuation = streams.page_of(
                streams.stream_stories(conn, request, user, params, stream), params, streams.MAX_IDS
            )
    except BadId as exc:
        return _bad(str(exc))
    answer: dict[str, Any] = {
        "itemRefs": [
            {"id": str(c.id), "directStreamIds": [], "timestampUsec": usec(c.last_updated)}
            for c in page
        ]
    }
    if continuation:
        answer["continuation"] = continuation
    return JSONResponse(answer)


@router.get("/reader/api/0/stream/items/contents", operation_id="stream_item_contents_get")
@router.post(
    "/reader/api/0/stream/items/contents",
    operation_id="stream_item_contents_post",
    openapi_extra=_form_body(i="item ids, long or short form"),
)
def stream_item_contents(request: Request, form: Form) -> Response:
    user = _auth(request)
    params = streams.gather_params(request, form)
    try:
        wanted = streams.item_ids(params)
    except BadId as exc:
        return _bad(str(exc))
    with app_store(request).read() as conn:
        visible = unmuted(conn, user.id, personal_db.existing_stories(conn, wanted))
        body = items(
            conn,
            visible,
            streams.item_states(conn, request, user, visible),
            app_settings(request).site_url,
        )
    return JSONResponse(
        {
            "direction": "ltr",
            "id": "user/-/state/com.google/reading-list",
            "title": "Your stories",
            "self": [{"href": str(request.url)}],
            "updated": int(app_now(request).timestamp()),
            "items": body,
        }
    )


# -- writing ----------------------------------------------------------------------------------------


@router.post(
    "/reader/api/0/edit-tag",
    response_class=PlainTextResponse,
    openapi_extra=_form_body(i="item ids", a="state to add", r="state to remove", T="edit token"),
)
def edit_tag(request: Request, form: Form) -> Response:
    """``a=`` adds and ``r=`` removes read, kept-unread or starred on the items ``i=``.
    Folder labels on items are not kept (newsloom files a story under its follow)."""
    user = _auth(request)
    params = streams.gather_params(request, form)
    try:
        ids = streams.item_ids(params)
        added = {parse_stream(t).kind for t in params.get("a", [])}
        removed = {parse_stream(t).kind for t in params.get("r", [])}
    except BadId as exc:
        return _bad(str(exc))
    now = app_now(request)
    with app_store(request).write() as conn:
        if "read" in added and "kept-unread" not in added:
            personal_db.mark_read(conn, user.id, ids, now)
        if "read" in removed or "kept-unread" in added:
            personal_db.mark_unread(conn, user.id, ids)
        if "starred" in added:
            personal_db.save_stories(conn, user.id, ids, now)
        if "starred" in removed:
            personal_db.unsave_stories(conn, user.id, ids)
    return _text("OK")


@router.post(
    "/reader/api/0/subscription/edit",
    response_class=PlainTextResponse,
    openapi_extra=_form_body(ac="unsubscribe (or edit: accepted)", s="feed/<id>", T="edit token"),
)
def subscription_edit(request: Request, form: Form) -> Response:
    """``ac=unsubscribe`` stops following; ``ac=edit`` (a new title or folder) is accepted and
    changes nothing, since titles and folders come from what is followed. Subscribing goes
    through ``subscription/quickadd``."""
    user = _auth(request)
    params = streams.gather_params(request, form)
    action = streams.first(params, "ac")
    if action not in ("unsubscribe", "edit"):
        return _bad("ac must be unsubscribe or edit")
    try:
        targets = [parse_stream(s) for s in params.get("s", [])]
    except BadId as exc:
        return _bad(str(exc))
    if not targets or any(t.kind != "feed" or not t.value.isdigit() for t in targets):
        return _bad("s must name subscriptions (feed/<id>)")
    if action == "unsubscribe":
        with app_store(request).write() as conn:
            for target in targets:
                if len(target.value) <= 18:  # a longer number names no subscription
                    personal_db.remove_follow(conn, user.id, int(target.value))
    return _text("OK")


@router.post(
    "/reader/api/0/subscription/quickadd",
    openapi_extra=_form_body(quickadd="an outlet's feed or site URL", T="edit token"),
)
def subscription_quickadd(request: Request, form: Form) -> Response:
    """Follow an outlet newsloom already reads, named by its feed or site URL. newsloom reads the
    sources its administrators chose: any other URL answers numResults 0."""
    user = _auth(request)
    params = streams.gather_params(request, form)
    wanted = streams.first(params, "quickadd").strip()
    if wanted.startswith("feed/"):
        wanted = wanted[len("feed/") :]
    if not wanted or len(wanted) > 2000:
        return _bad("quickadd must be a URL")
    with app_store(request).write() as conn:
        found = next(
            (
                src
                for src in db.list_sources(conn)
                if wanted.rstrip("/") in (src.url.rstrip("/"), src.site_url.rstrip("/"))
            ),
            None,
        )
        if found is None or found.id is None:
            return JSONResponse({"numResults": 0, "query": wanted})
        follow_id = personal_db.add_follow(conn, user.id, "source", str(found.id), app_now(request))
    return JSONResponse(
        {
            "numResults": 1,
            "query": wanted,
            "streamId": f"feed/{follow_id}",
            "streamName": found.title or found.url,
        }
    )


@router.post(
    "/reader/api/0/mark-all-as-read",
    response_class=PlainTextResponse,
    openapi_extra=_form_body(s="stream id", ts="up to this time (s, ms or us)", T="edit token"),
)
def mark_all_as_read(request: Request, form: Form) -> Response:
    """Every item of the stream ``s`` updated at or before ``ts`` (default: now) becomes read."""
    user = _auth(request)
    params = streams.gather_params(request, form)
    try:
        stream = parse_stream(streams.first(params, "s", "user/-/state/com.google/reading-list"))
        until = parse_time(streams.first(params, "ts")) if streams.first(params, "ts") else None
        narrowed = {k: v for k, v in params.items() if k not in ("ot", "nt", "xt", "it", "r")}
        with app_store(request).read() as conn:
            found = streams.stream_stories(conn, request, user, narrowed, stream)
    except BadId as exc:
        return _bad(str(exc))
    ids = [c.id for c in found if until is None or c.last_updated <= until]
    with app_store(request).write() as conn:
        personal_db.mark_read(conn, user.id, ids, app_now(request))
    return _text("OK")


@router.get("/reader/api/0/unread-count")
def unread_count(request: Request) -> Response:
    user = _auth(request)
    with app_store(request).read() as conn:
        found = personal_stories(conn, user.id, now=app_now(request))
        states = streams.item_states(conn, request, user, [c.id for c in found])
    unread = [c for c in found if not states[c.id].read]
    counts: dict[str, list[Candidate]] = {}
    for c in unread:
        counts.setdefault(states[c.id].origin, []).append(c)
    rows = [
        {
            "id": sid,
            "count": len(cs),
            "newestItemTimestampUsec": usec(max(x.last_updated for x in cs)),
        }
        for sid, cs in counts.items()
    ]
    if unread:
        newest = usec(max(c.last_updated for c in unread))
        rows.append(
            {
                "id": "user/-/state/com.google/reading-list",
                "count": len(unread),
                "newestItemTimestampUsec": newest,
            }
        )
    return JSONResponse({"max": len(found), "unreadcounts": rows})
