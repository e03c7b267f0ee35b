"""Databases and servers of the worker tests' own, and refresh worker processes.

The worker tests run several processes against one database and restart a server, so they never
touch the shared test database: each test gets a fresh database on the test server, and the
restart test a private server (scripts/start-postgres.sh on another port and directory).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text
from sqlalchemy.pool import NullPool

from newsloom.store.engine import normalise_url
from tests.integration.store.conftest import pg_url_or_skip

REPO = Path(__file__).resolve().parents[3]


def fresh_database(server_url: str) -> Iterator[str]:
    """Create an empty database next to ``server_url``'s, yield its URL, drop it afterwards."""
    # No pool: a test may restart the server, and a pooled connection would not survive it.
    admin = create_engine(
        normalise_url(server_url), isolation_level="AUTOCOMMIT", poolclass=NullPool
    )
    name = f"newsloom_workers_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def pg_database() -> Iterator[str]:
    """A fresh, empty database on the test server (NEWSLOOM_TEST_PG_URL)."""
    yield from fresh_database(pg_url_or_skip())


@dataclass
class PrivateServer:
    """A PostgreSQL server started for one test module, which a test may restart or stop."""

    url: str
    pg_dir: Path
    bindir: Path

    def _pg_ctl(self, *args: str) -> None:
        command = [str(self.bindir / "pg_ctl"), "-D", str(self.pg_dir / "data"), "-w", "-t", "60"]
        runas = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        # The log file keeps the server's output off our pipes (it outlives pg_ctl).
        log = ["-l", str(self.pg_dir / "server.log")] if args[0] != "stop" else []
        subprocess.run(
            [*runas, *command, *log, *args],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=120,
        )

    def restart(self) -> None:
        """``pg_ctl restart -m fast``: every session is cut, the server is back seconds later."""
        self._pg_ctl("restart", "-m", "fast")

    def stop(self) -> None:
        self._pg_ctl("stop", "-m", "immediate")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _bindir() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda p: p.parts[-3])
    return found[-1].parent if found else None


@pytest.fixture(scope="module")
def private_server() -> Iterator[PrivateServer]:
    pg_url_or_skip()  # the same rule as every PostgreSQL test: skipped locally, required in CI
    bindir = _bindir()
    if bindir is None:
        pytest.fail("PostgreSQL binaries (pg_ctl) not found under /usr/lib/postgresql")
    pg_dir = Path(f"/tmp/newsloom-pg-private-{uuid.uuid4().hex[:8]}")
    env = {**os.environ, "PGPORT": str(_free_port()), "NEWSLOOM_PG_DIR": str(pg_dir)}
    started = subprocess.run(
        ["bash", str(REPO / "scripts" / "start-postgres.sh")],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert started.returncode == 0, started.stderr
    url = started.stdout.strip().rpartition("=")[2]
    server = PrivateServer(url=url, pg_dir=pg_dir, bindir=bindir)
    try:
        yield server
    finally:
        try:
            server.stop()
        finally:
            shutil.rmtree(pg_dir, ignore_errors=True)


@pytest.fixture
def private_database(private_server: PrivateServer) -> Iterator[str]:
    yield from fresh_database(private_server.url)


@dataclass
class Worker:
    """One ``newsloom refresh`` process; its output goes to files (pipes could fill and block)."""

    process: subprocess.Popen[bytes]
    out: Path
    err: Path

    def wait(self, timeout: float = 600) -> int:
        return self.process.wait(timeout)

    def output(self) -> str:
        return self.out.read_text() + self.err.read_text()


def start_worker(
    database_url: str, workdir: Path, name: str, *args: str, command: str = "refresh"
) -> Worker:
    workdir.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "NEWSLOOM_DATABASE_URL": database_url,
        "NEWSLOOM_DATA_DIR": str(workdir),
        "NEWSLOOM_ALLOWED_HOSTS": "127.0.0.1",
        "NEWSLOOM_PER_HOST_CONCURRENCY": "8",
        # Claims of 8 sources (the least): two workers share the demo's 15 feeds.
        "NEWSLOOM_CONCURRENCY": "2",
    }
    out, err = workdir / f"{name}.out", workdir / f"{name}.err"
    with out.open("wb") as stdout, err.open("wb") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "newsloom.cli", command, *args],
            env=env,
            stdout=stdout,
            stderr=stderr,
        )
    return Worker(process, out, err)
