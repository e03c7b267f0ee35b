"""Which URLs newsloom may fetch: http(s) to public addresses, unless settings say otherwise.

Checked on the first URL and again on every redirect hop, so a public feed cannot bounce the
fetcher into the local network or the cloud metadata service.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

from newsloom.errors import BlockedURLError, FetchError
from newsloom.settings import Settings

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
# (host, port) -> the addresses the name resolves to.
Resolver = Callable[[str, int], Awaitable[list[str]]]

METADATA_ADDRESSES = frozenset(
    {ipaddress.ip_address("169.254.169.254"), ipaddress.ip_address("fd00:ec2::254")}
)


async def system_resolver(host: str, port: int) -> list[str]:
    """Resolve through the event loop's getaddrinfo (non-blocking)."""
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


def forbidden_reason(address: IPAddress) -> str | None:
    """Why ``address`` must not be fetched, or None when it is a public unicast address."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour
        if embedded is not None:
            return forbidden_reason(embedded)
    if address in METADATA_ADDRESSES:
        return "cloud metadata"
    checks = (
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("unspecified", address.is_unspecified),
        ("reserved", address.is_reserved),
        ("private", address.is_private),
        ("not globally routable", not address.is_global),
    )
    return next((name for name, hit in checks if hit), None)


class NetGuard:
    """Refuses URLs by scheme and by resolved address; ``resolver`` is injectable for tests."""

    def __init__(self, settings: Settings, resolver: Resolver | None = None) -> None:
        self._allow_private = settings.allow_private_networks
        # "host" allows every port of it; "host:port" (IPv6 in brackets) that one port alone.
        self._allowed_hosts: set[str] = set()
        self._allowed_ports: set[tuple[str, int]] = set()
        for entry in settings.allowed_hosts:
            host, port = _host_and_port(entry)
            if port is None:
                self._allowed_hosts.add(host)
            else:
                self._allowed_ports.add((host, port))
        self._resolve = resolver or system_resolver

    def _allowed(self, host: str, port: int) -> bool:
        return host in self._allowed_hosts or (host, port) in self._allowed_ports

    async def check(self, url: str) -> None:
        """Raise BlockedURLError unless ``url`` may be fetched."""
        try:
            parts = urlsplit(url)
            host = (parts.hostname or "").lower()
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError as exc:
            raise BlockedURLError(f"fetch: invalid URL ({url}): {exc}") from exc
        if parts.scheme not in ("http", "https"):
            raise BlockedURLError(f"fetch: only http and https URLs are fetched ({url})")
        if not host:
            raise BlockedURLError(f"fetch: URL has no host ({url})")
        await self.checked_addresses(host, port, url)

    async def checked_addresses(self, host: str, port: int, url: str = "") -> list[str]:
        """The addresses ``host`` may be reached at, resolved and checked now.

        The connection layer (``ingest.pinned``) connects to exactly these, so a name that
        answers public for the check and private for the connect (DNS rebinding) gets nowhere.
        A host allowed by settings is returned as is, for the system to resolve.
        """
        host = host.lower().strip("[]")
        url = url or host
        if self._allow_private or self._allowed(host, port):
            return [host]
        try:
            addresses = [ipaddress.ip_address(host)]
        except ValueError:
            addresses = await self._addresses(host, port, url)
        for address in addresses:
            if self._allowed(str(address), port):
                continue
            reason = forbidden_reason(address)
            if reason:
                raise BlockedURLError(
                    f"fetch: {host} resolves to {reason} address {address} ({url})"
                )
        return [str(address) for address in addresses]

    async def _addresses(self, host: str, port: int, url: str) -> list[IPAddress]:
        try:
            answers = await self._resolve(host, port)
        except OSError as exc:
            raise FetchError(f"fetch: cannot resolve {host} ({url}): {exc}") from exc
        addresses = []
        for answer in answers:
            try:
                # Scoped IPv6 answers carry "%eth0"; the scope does not change the address class.
                addresses.append(ipaddress.ip_address(answer.split("%", 1)[0]))
            except ValueError:
                continue
        if not addresses:
            raise BlockedURLError(f"fetch: {host} has no usable address ({url})")
        return addresses


def _host_and_port(entry: str) -> tuple[str, int | None]:
    """ "127.0.0.1:8080" -> ("127.0.0.1", 8080); "[::1]:80" -> ("::1", 80); "::1" -> ("::1", None)."""
    entry = entry.strip().lower()
    if entry.startswith("["):
        host, _, rest = entry[1:].partition("]")
        port = rest.removeprefix(":")
        return host, int(port) if port.isdigit() else None
    host, colon, port = entry.rpartition(":")
    if colon and port.isdigit() and ":" not in host:
        return host, int(port)
    return entry, None
