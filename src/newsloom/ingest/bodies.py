"""Read a response body with a cap on its decompressed size.

Decoding gzip/deflate here (instead of in httpx) bounds every inflate step with ``max_length``, so a
small gzip bomb is stopped at the cap without ever holding more than cap + one chunk in memory.
"""

from __future__ import annotations

import zlib

import httpx

from newsloom.errors import FetchError

_GZIP = 16 + zlib.MAX_WBITS
_ZLIB = zlib.MAX_WBITS
_RAW_DEFLATE = -zlib.MAX_WBITS
ACCEPTED_ENCODINGS = "gzip, deflate"


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


async def read_capped(response: httpx.Response, max_bytes: int, url: str) -> bytes:
    """The decoded body of a streamed response; FetchError past ``max_bytes`` decoded bytes."""
    if response.is_stream_consumed:
        # Some transports (httpx.MockTransport, caches) hand over a body already read and decoded.
        if len(response.content) > max_bytes:
            raise FetchError(f"fetch: body larger than {max_bytes} bytes ({url})")
        return response.content
    encoding = response.headers.get("content-encoding", "identity").strip().lower()
    if encoding not in ("identity", "", "gzip", "x-gzip", "deflate"):
        raise FetchError(f"fetch: unsupported content-encoding {encoding!r} ({url})")
    declared = response.headers.get("content-length", "")
    if encoding in ("identity", "") and declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(f"fetch: body larger than {max_bytes} bytes ({url})")
    inflater = _Inflater(encoding) if encoding not in ("identity", "") else None
    body = bytearray()
    try:
        async for chunk in response.aiter_raw():
            room = max_bytes - len(body)
            body += inflater.feed(chunk, room) if inflater else chunk
            if len(body) > max_bytes:
                raise FetchError(f"fetch: body larger than {max_bytes} bytes ({url})")
    except zlib.error as exc:
        raise FetchError(f"fetch: corrupt {encoding} body ({url}): {exc}") from exc
    return bytes(body)
