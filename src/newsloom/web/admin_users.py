"""User management for administrators: ``/admin/users`` (the web side of ``newsloom users``).

Add a user, set a password (signs them out), remove a user; an administrator cannot remove
themselves, so a site never loses its last way in by accident.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

import newsloom.store.accounts as accounts_db
from newsloom.accounts.passwords import MAX_PASSWORD, check_name, hash_password
from newsloom.errors import AccountError
from newsloom.web.context import app_catalog, app_now, app_store, render
from newsloom.web.forms import Form
from newsloom.web.session import csrf_checked, require_admin

router = APIRouter(
    prefix="/admin",
    include_in_schema=False,
    dependencies=[Depends(require_admin), Depends(csrf_checked)],
)


def _page(request: Request, notice: str = "", status: int = 200) -> HTMLResponse:
    session = require_admin(request)
    with app_store(request).read() as conn:
        catalog = app_catalog(request, conn)
        users = accounts_db.list_users(conn)
    context = {
        "catalog": catalog,
        "canonical": None,
        "users": users,
        "me": session.user,
        "csrf": session.csrf,
        "notice": notice,
    }
    response = render(request, "admin_users.html", context, status_code=status)
    response.headers["Cache-Control"] = "no-store"
    return response


@router.get("/users", response_class=HTMLResponse)
def users(request: Request) -> HTMLResponse:
    return _page(request)


@router.post("/users/add", response_class=HTMLResponse)
def add_user(request: Request, form: Form) -> Response:
    try:
        name = check_name(form.text("name", 200))
        hashed = hash_password(form.text("password", MAX_PASSWORD + 1))
        with app_store(request).write() as conn:
            accounts_db.add_user(
                conn, name, hashed, is_admin=bool(form.get("admin")), now=app_now(request)
            )
    except AccountError as exc:
        return _page(request, notice=str(exc), status=400)
    return _page(request, notice=f"User {name} added.")


@router.post("/users/password", response_class=HTMLResponse)
def set_password(request: Request, form: Form) -> Response:
    name = form.text("name", 200).strip().lower()
    try:
        hashed = hash_password(form.text("password", MAX_PASSWORD + 1))
        with app_store(request).write() as conn:
            user = accounts_db.user_by_name(conn, name)
            if user is None:
                raise AccountError(f"accounts: no user {name!r}")
            accounts_db.set_password(conn, user.id, hashed)
    except AccountError as exc:
        return _page(request, notice=str(exc), status=400)
    return _page(request, notice=f"Password of {name} changed; their sessions ended.")


@router.post("/users/remove", response_class=HTMLResponse)
def remove_user(request: Request, form: Form) -> Response:
    session = require_admin(request)
    name = form.text("name", 200).strip().lower()
    if name == session.user.name:
        return _page(request, notice="accounts: you cannot remove yourself", status=400)
    with app_store(request).write() as conn:
        found = accounts_db.remove_user(conn, name)
    if not found:
        return _page(request, notice=f"accounts: no user {name!r}", status=404)
    return _page(request, notice=f"User {name} removed.")
