"""NetGuard: scheme checks and address classes, with an injected resolver (no DNS)."""

from __future__ import annotations

import ipaddress

import pytest

from newsloom.errors import BlockedURLError, FetchError
from newsloom.ingest.netguard import NetGuard, forbidden_reason
from newsloom.settings import Settings


def resolver_for(table: dict[str, list[str]]):
    async def resolve(host: str, port: int) -> list[str]:
        if host not in table:
            raise OSError(f"no such host {host}")
        return table[host]

    return resolve


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("127.0.0.1", "loopback"),
        ("10.1.2.3", "private"),
        ("192.168.0.10", "private"),
        ("172.16.5.5", "private"),
        ("169.254.169.254", "cloud metadata"),
        ("fd00:ec2::254", "cloud metadata"),
        ("169.254.1.1", "link-local"),
        ("224.0.0.1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("240.0.0.1", "reserved"),
        ("::1", "loopback"),
        ("fe80::1", "link-local"),
        ("::ffff:127.0.0.1", "loopback"),
        ("100.64.0.1", "not globally routable"),  # carrier-grade NAT
        ("93.184.215.14", None),
        ("2606:4700::1111", None),
    ],
)
def test_forbidden_reason(address: str, reason: str | None) -> None:
    assert forbidden_reason(ipaddress.ip_address(address)) == reason


async def test_public_host_passes_and_private_answer_is_blocked() -> None:
    guard = NetGuard(
        Settings(),
        resolver_for({"news.example": ["93.184.215.14"], "intranet.example": ["10.0.0.7"]}),
    )
    await guard.check("https://news.example/feed")
    with pytest.raises(BlockedURLError, match=r"^fetch: intranet.example resolves to private"):
        await guard.check("https://intranet.example/feed")


async def test_any_private_answer_blocks_a_mixed_host() -> None:
    guard = NetGuard(Settings(), resolver_for({"mixed.example": ["93.184.215.14", "127.0.0.1"]}))
    with pytest.raises(BlockedURLError, match="loopback"):
        await guard.check("http://mixed.example/")


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "ftp://news.example/f", "gopher://x.example/", "http:///nohost"],
)
async def test_only_http_and_https_with_a_host(url: str) -> None:
    with pytest.raises(BlockedURLError, match=r"^fetch: "):
        await NetGuard(Settings(), resolver_for({})).check(url)


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:8080/", "http://[::1]/", "http://169.254.169.254/"]
)
async def test_literal_private_ips_blocked_without_resolving(url: str) -> None:
    with pytest.raises(BlockedURLError):
        await NetGuard(Settings(), resolver_for({})).check(url)


async def test_allowed_hosts_and_allow_private_networks() -> None:
    table = resolver_for({"feeds.lan": ["192.168.1.5"]})
    await NetGuard(Settings(allowed_hosts=("127.0.0.1",)), table).check("http://127.0.0.1:9/")
    await NetGuard(Settings(allowed_hosts=("192.168.1.5",)), table).check("http://feeds.lan/")
    await NetGuard(Settings(allow_private_networks=True), table).check("http://feeds.lan/")


async def test_unresolvable_host_is_a_fetch_error() -> None:
    with pytest.raises(FetchError, match="cannot resolve"):
        await NetGuard(Settings(), resolver_for({})).check("https://nowhere.example/")


async def test_allowed_host_with_a_port_opens_that_port_alone() -> None:
    guard = NetGuard(Settings(allowed_hosts=("127.0.0.1:8080", "[::1]:9000")), resolver_for({}))
    await guard.check("http://127.0.0.1:8080/feed.xml")
    await guard.check("http://[::1]:9000/feed.xml")
    for url in ("http://127.0.0.1:8081/feed.xml", "http://127.0.0.1/x", "http://[::1]:9001/"):
        with pytest.raises(BlockedURLError, match="loopback"):
            await guard.check(url)


async def test_a_name_resolving_to_an_allowed_host_and_port_is_allowed_on_that_port() -> None:
    guard = NetGuard(
        Settings(allowed_hosts=("127.0.0.1:8080",)),
        resolver_for({"localhost": ["127.0.0.1"]}),
    )
    await guard.check("http://localhost:8080/p.html")  # what ｌｏｃａｌｈｏｓｔ becomes
    with pytest.raises(BlockedURLError, match="loopback"):
        await guard.check("http://localhost:8081/p.html")


async def test_allowed_host_without_a_port_still_allows_every_port() -> None:
    guard = NetGuard(Settings(allowed_hosts=("127.0.0.1",)), resolver_for({}))
    await guard.check("http://127.0.0.1:8081/feed.xml")
    await guard.check("http://127.0.0.1/feed.xml")
