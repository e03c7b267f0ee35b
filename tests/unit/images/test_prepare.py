"""prepare_image: good pictures become two clean JPEGs; each hostile file, made here and named,
gets a refusal with its reason, never an exception."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image

from newsloom.images.prepare import LEAD_SIZE, MAX_BYTES, THUMB_SIZE, prepare_image


def _encoded(image: Image.Image, fmt: str, **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, format=fmt, **options)
    return out.getvalue()


def _photo(size: tuple[int, int] = (1600, 1000)) -> Image.Image:
    image = Image.new("RGB", size, (40, 90, 160))
    for x in range(0, size[0], 50):  # some detail, so the encoders have work to do
        image.paste((200, x % 255, 60), (x, 0, x + 10, size[1]))
    return image


def _with_png_size(png: bytes, width: int, height: int) -> bytes:
    """The PNG with its IHDR claiming another size (CRC fixed, so only the size is a lie)."""
    start = 8 + 8  # signature, then the IHDR chunk's length and type
    ihdr = bytearray(png[start : start + 13])
    ihdr[0:8] = struct.pack(">II", width, height)
    crc = struct.pack(">I", zlib.crc32(b"IHDR" + bytes(ihdr)) & 0xFFFFFFFF)
    return png[:start] + bytes(ihdr) + crc + png[start + 13 + 4 :]


# Named hostile fixtures -------------------------------------------------------------------
HTML_PAGE_AS_IMAGE = b"<!doctype html><html><body>moved</body></html>"
SVG_WITH_SCRIPT = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
TRACKING_PIXEL_GIF = _encoded(Image.new("P", (1, 1)), "GIF")
PNG_BOMB_HEADER = _with_png_size(_encoded(Image.new("1", (200, 200)), "PNG"), 60_000, 60_000)
PNG_TOO_MANY_PIXELS = _with_png_size(_encoded(Image.new("L", (200, 200)), "PNG"), 9000, 9000)
TRUNCATED_JPEG = _encoded(_photo(), "JPEG", quality=90)[:6000]
CORRUPT_PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8
OVERSIZED_BODY = b"\xff\xd8\xff" + b"\0" * MAX_BYTES


@pytest.mark.parametrize(
    ("name", "body", "reason"),
    [
        ("empty", b"", "empty body"),
        ("html_page_as_image", HTML_PAGE_AS_IMAGE, "not a JPEG"),
        ("svg_with_script", SVG_WITH_SCRIPT, "not a JPEG"),
        ("tracking_pixel_gif", TRACKING_PIXEL_GIF, "too small"),
        ("png_bomb_header", PNG_BOMB_HEADER, "too large"),
        ("png_too_many_pixels", PNG_TOO_MANY_PIXELS, "too large"),
        ("truncated_jpeg", TRUNCATED_JPEG, "undecodable"),
        ("corrupt_png", CORRUPT_PNG, "undecodable"),
        ("oversized_body", OVERSIZED_BODY, "bytes, more than"),
    ],
)
def test_hostile_pictures_are_refused_with_a_reason(name: str, body: bytes, reason: str) -> None:
    prepared = prepare_image(body)
    assert not prepared.ok, name
    assert prepared.reason.startswith("images: ") and reason in prepared.reason, prepared.reason
    assert prepared.lead == b"" and prepared.thumb == b""


def test_a_photo_becomes_a_lead_and_a_thumbnail_without_metadata() -> None:
    exif = Image.Exif()
    exif[0x010F] = "Camera maker that must not leak"
    prepared = prepare_image(_encoded(_photo((2400, 1500)), "JPEG", exif=exif.tobytes()))
    assert prepared.ok, prepared.reason
    lead = Image.open(io.BytesIO(prepared.lead))
    thumb = Image.open(io.BytesIO(prepared.thumb))
    assert lead.format == thumb.format == "JPEG"
    assert lead.size == (prepared.width, prepared.height) == (LEAD_SIZE[0], 750)
    assert thumb.size == THUMB_SIZE
    assert b"Camera maker" not in prepared.lead and not lead.getexif()


def test_a_small_picture_is_not_enlarged() -> None:
    prepared = prepare_image(_encoded(_photo((300, 200)), "PNG"))
    assert prepared.ok and (prepared.width, prepared.height) == (300, 200)


def test_exif_orientation_is_applied_before_it_is_dropped() -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to display"
    prepared = prepare_image(_encoded(_photo((800, 400)), "JPEG", exif=exif.tobytes()))
    assert prepared.ok and (prepared.width, prepared.height) == (400, 800)


def test_transparency_turns_white_not_black() -> None:
    clear = Image.new("RGBA", (200, 200), (0, 0, 0, 0))
    prepared = prepare_image(_encoded(clear, "PNG"))
    assert prepared.ok
    pixel = Image.open(io.BytesIO(prepared.lead)).convert("RGB").getpixel((100, 100))
    assert isinstance(pixel, tuple) and min(pixel) > 240


def test_animated_gif_and_webp_give_their_first_frame() -> None:
    frames = [Image.new("P", (240, 160), colour) for colour in (10, 200)]
    gif = _encoded(frames[0], "GIF", save_all=True, append_images=frames[1:], loop=0)
    assert prepare_image(gif).ok
    assert prepare_image(_encoded(_photo((640, 360)), "WEBP")).ok
