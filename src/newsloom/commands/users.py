"""``newsloom users add|remove|passwd|api-password|list``: accounts, managed by the operator."""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import UTC, datetime

from newsloom.commands import CommandGroups
from newsloom.errors import AccountError
from newsloom.settings import Settings


def register(groups: CommandGroups) -> None:
    users = groups.top.add_parser("users", help="manage user accounts").add_subparsers(
        metavar="ACTION"
    )
    add = users.add_parser("add", help="create a user (asks for the password)")
    add.add_argument("name")
    add.add_argument("--admin", action="store_true", help="may manage sources in the web UI")
    add.add_argument(
        "--password-stdin", action="store_true", help="read the password from stdin (scripts)"
    )
    add.set_defaults(handler=cmd_users_add)
    remove = users.add_parser("remove", help="delete a user and everything of theirs")
    remove.add_argument("name")
    remove.set_defaults(handler=cmd_users_remove)
    passwd = users.add_parser("passwd", help="set a user's password (signs them out)")
    passwd.add_argument("name")
    passwd.add_argument("--password-stdin", action="store_true")
    passwd.set_defaults(handler=cmd_users_passwd)
    api = users.add_parser(
        "api-password", help="make a new password for reader apps (Google Reader API)"
    )
    api.add_argument("name")
    api.set_defaults(handler=cmd_users_api_password)
    users.add_parser("list", help="list users").set_defaults(handler=cmd_users_list)
    users.add_parser(
        "digest", help="e-mail today's digest to the users who asked for one (run daily)"
    ).set_defaults(handler=cmd_users_digest)


def _password(args: argparse.Namespace) -> str:
    from newsloom.accounts.passwords import check_password

    if args.password_stdin:
        return check_password(sys.stdin.readline().rstrip("\r\n"))
    first = getpass.getpass("Password: ")
    if getpass.getpass("Again: ") != first:
        raise AccountError("accounts: the two passwords differ")
    return check_password(first)


def cmd_users_add(args: argparse.Namespace, settings: Settings) -> int:
    import newsloom.store.accounts as accounts_db
    from newsloom.accounts.passwords import check_name, hash_password
    from newsloom.store import Store

    name = check_name(args.name)
    hashed = hash_password(_password(args))
    store = Store.open(settings)
    try:
        with store.write() as conn:
            user = accounts_db.add_user(
                conn, name, hashed, is_admin=args.admin, now=datetime.now(UTC)
            )
    finally:
        store.close()
    print(f"user {user.name} added{' (administrator)' if user.is_admin else ''}")
    return 0


def _user_id(store: object, name: str) -> int:
    import newsloom.store.accounts as accounts_db
    from newsloom.store import Store

    assert isinstance(store, Store)
    with store.read() as conn:
        user = accounts_db.user_by_name(conn, name.strip().lower())
    if user is None:
        raise AccountError(f"accounts: no user {name!r}")
    return user.id


def cmd_users_remove(args: argparse.Namespace, settings: Settings) -> int:
    import newsloom.store.accounts as accounts_db
    from newsloom.store import Store

    store = Store.open(settings)
    try:
        with store.write() as conn:
            found = accounts_db.remove_user(conn, args.name.strip().lower())
    finally:
        store.close()
    if not found:
        raise AccountError(f"accounts: no user {args.name!r}")
    print(f"user {args.name} removed")
    return 0


def cmd_users_passwd(args: argparse.Namespace, settings: Settings) -> int:
    import newsloom.store.accounts as accounts_db
    from newsloom.accounts.passwords import hash_password
    from newsloom.store import Store

    store = Store.open(settings)
    try:
        user_id = _user_id(store, args.name)
        hashed = hash_password(_password(args))
        with store.write() as conn:
            accounts_db.set_password(conn, user_id, hashed)
    finally:
        store.close()
    print(f"password of {args.name} changed; their sessions ended")
    return 0


def cmd_users_api_password(args: argparse.Namespace, settings: Settings) -> int:
    import newsloom.store.accounts as accounts_db
    from newsloom.accounts.passwords import hash_password
    from newsloom.accounts.tokens import new_token
    from newsloom.store import Store

    secret = new_token()[:24]
    store = Store.open(settings)
    try:
        user_id = _user_id(store, args.name)
        with store.write() as conn:
            accounts_db.set_password(conn, user_id, hash_password(secret), api=True)
    finally:
        store.close()
    print(secret)  # alone on stdout, for scripts; shown once, stored hashed
    return 0


def cmd_users_list(args: argparse.Namespace, settings: Settings) -> int:
    import newsloom.store.accounts as accounts_db
    from newsloom.store import Store

    store = Store.open(settings)
    try:
        with store.read() as conn:
            every = accounts_db.list_users(conn)
    finally:
        store.close()
    for user in every:
        role = "admin" if user.is_admin else "user"
        api = "api" if user.has_api_password else "-"
        print(f"{user.name}\t{role}\t{api}\t{user.created.isoformat(timespec='minutes')}")
    return 0


def cmd_users_digest(args: argparse.Namespace, settings: Settings) -> int:
    from functools import partial

    from newsloom.pipeline.digest import send_digests
    from newsloom.store import Store
    from newsloom.web.mystories import digest_stories

    store = Store.open(settings)
    pick = partial(digest_stories, site_url=settings.site_url)
    try:
        report = send_digests(settings, store, datetime.now(UTC), pick)
    finally:
        store.close()
    for error in report.errors:
        print(error, file=sys.stderr)
    print(f"digests: sent {report.sent}, nothing new for {report.skipped}")
    return 1 if report.errors else 0
