"""Connect only to addresses the NetGuard has just checked (defence against DNS rebinding).

The guard checks a URL's host before each request, but the HTTP stack would resolve the name again
when it opens the socket; a hostile DNS server can answer a public address first and 127.0.0.1 or
169.254.169.254 second. This network backend resolves and checks at connect time and opens the
socket to exactly the checked address. TLS still verifies the certificate against the host name,
because httpcore passes the origin's name as the server name, not the address.
"""

from __future__ import annotations

import select
import socket
import ssl
from collections.abc import Iterable
from typing import Any

import httpcore
import httpx

from newsloom.ingest.netguard import NetGuard


def _readable(sock: socket.socket) -> bool:
    """True when an idle pooled connection has something to read: the server closed it (or sent
    what nobody asked for), so it must not be reused."""
    fd = sock.fileno()
    if fd < 0:
        return True
    if not hasattr(select, "poll"):
        ready, _, _ = select.select([fd], [], [], 0)
        return bool(ready)
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    return bool(poller.poll(0))


class _Stream(httpcore.AsyncNetworkStream):
    """A connection with a cheap liveness check.

    The connection pool asks every pooled connection ``is_readable`` on each request; the anyio
    stream answers by rebuilding all its socket attributes (a getpeername call among them). The
    socket is looked up once here instead.
    """

    def __init__(self, inner: httpcore.AsyncNetworkStream) -> None:
        self._inner = inner
        self._socket = inner.get_extra_info("socket")

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._inner.read(max_bytes, timeout)

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._inner.write(buffer, timeout)

    async def aclose(self) -> None:
        await self._inner.aclose()

    async def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.AsyncNetworkStream:
        return _Stream(await self._inner.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> Any:
        if info == "is_readable" and self._socket is not None:
            return _readable(self._socket)
        if info == "socket":
            return self._socket
        return self._inner.get_extra_info(info)


class PinnedBackend(httpcore.AsyncNetworkBackend):
    """httpcore's default backend, with every TCP connect routed through ``guard``."""

    def __init__(self, guard: NetGuard, inner: httpcore.AsyncNetworkBackend | None = None) -> None:
        self._guard = guard
        self._inner = inner or httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        addresses = await self._guard.checked_addresses(host, port)
        last_error: Exception | None = None
        for address in addresses:
            try:
                return _Stream(
                    await self._inner.connect_tcp(
                        address, port, timeout, local_address, socket_options
                    )
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last_error = exc  # try the next address, as the system would
        assert last_error is not None  # checked_addresses never returns an empty list
        raise last_error

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("fetch: unix sockets are never used")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


def pinned_transport(guard: NetGuard, *, inner: httpcore.AsyncNetworkBackend | None = None) -> Any:
    """An ``httpx.AsyncHTTPTransport`` whose connections go through ``PinnedBackend``.

    httpx has no public hook for the network backend, so the pool it builds is replaced by an
    identical one (same TLS context and limits) that uses the pinned backend. No proxy is used.
    """
    transport = httpx.AsyncHTTPTransport(trust_env=False)
    pool = transport._pool
    transport._pool = httpcore.AsyncConnectionPool(
        ssl_context=pool._ssl_context,
        max_connections=pool._max_connections,
        max_keepalive_connections=pool._max_keepalive_connections,
        keepalive_expiry=pool._keepalive_expiry,
        http1=pool._http1,
        http2=pool._http2,
        network_backend=PinnedBackend(guard, inner),
    )
    return transport
