"""Validate a fetched picture and re-encode it as the two JPEGs pages show: a pure function.

Publishers' bytes never reach a reader: only what Pillow decoded and we encoded again leaves
here, without metadata. Anything else (not JPEG/PNG/GIF/WebP, SVG, huge dimensions, a
decompression bomb, a truncated or corrupt file, a tracking pixel) gives a ``Prepared`` with
``ok`` False and the reason, never an exception.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps

MAX_BYTES = 5_000_000
MAX_SIDE = 10_000
MAX_PIXELS = 40_000_000  # checked from the header, before anything is decoded
MIN_SIDE = 100  # smaller is a logo, an icon or a tracking pixel, not a news picture
LEAD_SIZE = (1200, 900)  # fits inside, aspect kept
THUMB_SIZE = (480, 270)  # cropped to 16:9 around the centre
QUALITY = 80
FORMATS = ("JPEG", "PNG", "GIF", "WEBP")
_SIGNATURES = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"GIF87a", b"GIF89a")


@dataclass(frozen=True)
class Prepared:
    ok: bool
    reason: str = ""  # why not, starting with "images:"
    width: int = 0  # of ``lead``
    height: int = 0
    lead: bytes = b""
    thumb: bytes = b""


def _refused(reason: str) -> Prepared:
    return Prepared(ok=False, reason=f"images: {reason}")


def _sniffed(body: bytes) -> bool:
    """Raster formats we decode, by their magic bytes (never by the declared type)."""
    webp = body[:4] == b"RIFF" and body[8:12] == b"WEBP"
    return webp or body.startswith(_SIGNATURES)


def _jpeg(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=QUALITY, optimize=True, progressive=True)
    return out.getvalue()


def _flatten(image: Image.Image) -> Image.Image:
    """RGB on white: transparent PNG/GIF areas would turn black in a JPEG."""
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(background, rgba).convert("RGB")
    return image.convert("RGB")


def prepare_image(body: bytes) -> Prepared:
    """The lead and thumbnail JPEGs of ``body``, or why it is refused."""
    if not body:
        return _refused("empty body")
    if len(body) > MAX_BYTES:
        return _refused(f"{len(body)} bytes, more than {MAX_BYTES}")
    if not _sniffed(body):
        return _refused("not a JPEG, PNG, GIF or WebP picture")
    try:
        with warnings.catch_warnings():
            # Pillow warns (and past twice its limit, raises) on bombs; ours is stricter below.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(body), formats=FORMATS) as opened:
                width, height = opened.size
                if width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS:
                    return _refused(f"{width}x{height} pixels is too large")
                if width < MIN_SIDE or height < MIN_SIDE:
                    return _refused(f"{width}x{height} pixels is too small")
                # JPEG decodes straight to a smaller scale; a no-op for other formats.
                opened.draft("RGB", LEAD_SIZE)
                opened.load()  # a truncated or corrupt file fails here
                image = _flatten(ImageOps.exif_transpose(opened))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        # Pillow's own check, at open: the header declares more pixels than it allows.
        return _refused("decompression bomb: too large to decode")
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        return _refused(f"undecodable picture ({type(exc).__name__})")
    lead = image.copy()
    lead.thumbnail(LEAD_SIZE, Image.Resampling.LANCZOS)
    thumb = ImageOps.fit(image, THUMB_SIZE, Image.Resampling.LANCZOS)
    return Prepared(
        ok=True, width=lead.width, height=lead.height, lead=_jpeg(lead), thumb=_jpeg(thumb)
    )
