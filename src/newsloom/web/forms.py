"""The HTML forms' bodies: ``application/x-www-form-urlencoded``, read and bounded here.

(FastAPI's ``Form`` needs python-multipart; plain forms need nothing but the standard library.)
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import parse_qsl

from fastapi import Depends, HTTPException, Request

MAX_FORM_BYTES = 256 * 1024  # an OPML list pasted in is the largest form
MAX_FIELD = 4096
MAX_FIELDS = 2000  # a reader app marks up to a thousand items read in one request


class FormFields(dict[str, str]):
    """The first value of each field; absent fields read as "". ``every`` keeps repeats."""

    def __init__(self) -> None:
        super().__init__()
        self.pairs: list[tuple[str, str]] = []

    def every(self, name: str) -> list[str]:
        return [v for k, v in self.pairs if k == name]

    def text(self, name: str, limit: int = MAX_FIELD) -> str:
        value = self.get(name, "")
        if len(value) > limit:
            raise HTTPException(400, f"accounts: the field {name!r} is longer than {limit}")
        return value


async def read_form(request: Request) -> FormFields:
    cached = request.scope.get("state", {}).get("form")
    if isinstance(cached, FormFields):
        return cached
    fields = FormFields()
    if request.method in ("POST", "PUT", "PATCH", "DELETE"):
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        size = request.headers.get("content-length", "")
        if size.isdigit() and int(size) > MAX_FORM_BYTES:
            raise HTTPException(413, "accounts: the form is too large")
        body = await request.body()
        if len(body) > MAX_FORM_BYTES:
            raise HTTPException(413, "accounts: the form is too large")
        if body and kind != "application/x-www-form-urlencoded":
            raise HTTPException(415, "accounts: forms are sent urlencoded")
        try:
            pairs = parse_qsl(
                body.decode("utf-8"), keep_blank_values=True, max_num_fields=MAX_FIELDS
            )
        except (UnicodeDecodeError, ValueError) as exc:
            raise HTTPException(400, "accounts: the form cannot be read") from exc
        fields.pairs = pairs
        for name, value in pairs:
            fields.setdefault(name, value)
    request.scope.setdefault("state", {})["form"] = fields
    return fields


Form = Annotated[FormFields, Depends(read_form)]
