"""Read a response body with a cap on its decompressed size.

Decoding gzip/deflate/brotli here (instead of in httpx) bounds every inflate step by the room left,
so a small compression bomb is stopped at the cap without ever holding more than cap + one chunk in
memory. Brotli is offered only when the optional ``brotli`` package (>= 1.2, which can bound its
output) is installed.
"""

from __future__ import annotations

import zlib
from typing import Any, Protocol

import httpx

from newsloom.errors import FetchError

_GZIP = 16 + zlib.MAX_WBITS
_ZLIB = zlib.MAX_WBITS
_RAW_DEFLATE = -zlib.MAX_WBITS


def _load_brotli() -> Any:
    try:
        import brotli
    except ImportError:
        return None
    # Only versions whose decompressor takes an output limit can be bounded.
    return brotli if hasattr(brotli.Decompressor(), "can_accept_more_data") else None


_BROTLI = _load_brotli()
ACCEPTED_ENCODINGS = "gzip, deflate, br" if _BROTLI is not None else "gzip, deflate"
_DECODED = ("gzip", "x-gzip", "deflate", *(("br",) if _BROTLI is not None else ()))
_CORRUPT: tuple[type[Exception], ...] = (zlib.error,) + (
    (_BROTLI.error,) if _BROTLI is not None else ()
)


class _Decoder(Protocol):
    def feed(self, data: bytes, limit: int) -> bytes: ...


class _Inflater:
    """Incremental gzip/deflate decoder that never produces more than it is asked for."""

    def __init__(self, encoding: str) -> None:
        self._gzip = encoding in ("gzip", "x-gzip")
        self._decoder: zlib._Decompress | None = None
        self._sniffed = False

    def _new_decoder(self, first: bytes) -> zlib._Decompress:
        if self._gzip:
            return zlib.decompressobj(_GZIP)
        # "deflate" is meant to be zlib-wrapped, but many servers send raw deflate.
        looks_zlib = (
            len(first) >= 2 and (first[0] & 0x0F) == 8 and (first[0] << 8 | first[1]) % 31 == 0
        )
        return zlib.decompressobj(_ZLIB if looks_zlib else _RAW_DEFLATE)

    def feed(self, data: bytes, limit: int) -> bytes:
        """Inflate ``data``; stop after ``limit`` + 1 bytes (enough to tell the cap was passed)."""
        out = bytearray()
        while data and len(out) <= limit:
            if self._decoder is None:
                self._decoder = self._new_decoder(data)
            out += self._decoder.decompress(data, limit + 1 - len(out))
            data = self._decoder.unconsumed_tail
            if self._decoder.eof:
                # Concatenated gzip members: start again on what follows.
                data = self._decoder.unused_data + data
                self._decoder = None
                if not self._gzip:
                    break
        return bytes(out)


class _Unbrotli:
    """Incremental brotli decoder bounded like ``_Inflater``."""

    def __init__(self) -> None:
        self._decoder = _BROTLI.Decompressor()

    def feed(self, data: bytes, limit: int) -> bytes:
        out = bytearray(self._decoder.process(data, output_buffer_limit=limit + 1))
        # Output held back by the limit comes out on calls with empty input.
        while len(out) <= limit and not self._decoder.can_accept_more_data():
            more = self._decoder.process(b"", output_buffer_limit=limit + 1 - len(out))
            if not more:
                break
            out += more
        return bytes(out)


def _decoder_for(encoding: str) -> _Decoder | None:
    if encoding in ("identity", ""):
        return None
    if encoding == "br":
        return _Unbrotli()
    return _Inflater(encoding)


async def read_capped(response: httpx.Response, max_bytes: int, url: str) -> bytes:
    """The decoded body of a streamed response; FetchError past ``max_bytes`` decoded bytes."""
    if response.is_stream_consumed:
        # Some transports (httpx.MockTransport, caches) hand over a body already read and decoded.
        if len(response.content) > max_bytes:
            raise FetchError(f"fetch: body larger than {max_bytes} bytes ({url})")
        return response.content
    encoding = response.headers.get("content-encoding", "identity").strip().lower()
    if encoding not in ("identity", "", *_DECODED):
        raise FetchError(f"fetch: unsupported content-encoding {encoding!r} ({url})")
    declared = response.headers.get("content-length", "")
    if encoding in ("identity", "") and declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(f"fetch: body larger than {max_bytes} bytes ({url})")
    inflater = _decoder_for(encoding)
    body = bytearray()
    try:
        async for chunk in response.aiter_raw():
            room = max_bytes - len(body)
            body += inflater.feed(chunk, room) if inflater else chunk
            if len(body) > max_bytes:
                raise FetchError(f"fetch: body larger than {max_bytes} bytes ({url})")
    except _CORRUPT as exc:
        raise FetchError(f"fetch: corrupt {encoding} body ({url}): {exc}") from exc
    return bytes(body)
