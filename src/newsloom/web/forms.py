"""The HTML forms' bodies, read and bounded here: ``application/x-www-form-urlencoded``, and
``multipart/form-data`` for the one file upload (OPML), parsed by the standard ``email`` package.

(FastAPI's ``Form`` needs python-multipart; forms this simple need nothing but the standard library.)
"""

from __future__ import annotations

from email.parser import BytesParser
from email.policy import HTTP
from typing import Annotated
from urllib.parse import parse_qsl

from fastapi import Depends, HTTPException, Request

MAX_FORM_BYTES = 2 * 1024 * 1024  # an uploaded OPML list is the largest form
MAX_FIELD = 4096
MAX_FIELDS = 2000  # a reader app marks up to a thousand items read in one request


class FormFields(dict[str, str]):
    """The first value of each field; absent fields read as "". ``every`` keeps repeats."""

    def __init__(self) -> None:
        super().__init__()
        self.pairs: list[tuple[str, str]] = []
        self.files: dict[str, bytes] = {}  # multipart file fields, by name

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
        if kind == "multipart/form-data":
            _multipart(fields, request.headers.get("content-type", ""), body)
        elif body and kind != "application/x-www-form-urlencoded":
            raise HTTPException(415, "accounts: forms are sent urlencoded or multipart")
        else:
            try:
                fields.pairs = parse_qsl(
                    body.decode("utf-8"), keep_blank_values=True, max_num_fields=MAX_FIELDS
                )
            except (UnicodeDecodeError, ValueError) as exc:
                raise HTTPException(400, "accounts: the form cannot be read") from exc
        for name, value in fields.pairs:
            fields.setdefault(name, value)
    request.scope.setdefault("state", {})["form"] = fields
    return fields


def _multipart(fields: FormFields, content_type: str, body: bytes) -> None:
    """Text fields into ``pairs``, file fields into ``files``."""
    head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode("latin-1", "replace")
    message = BytesParser(policy=HTTP).parsebytes(head + body)
    if not message.is_multipart():
        raise HTTPException(400, "accounts: the form cannot be read")
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if not isinstance(name, str):
            continue
        payload = part.get_payload(decode=True)
        data = payload if isinstance(payload, bytes) else b""
        if part.get_filename() is not None:
            fields.files[name] = data
        else:
            fields.pairs.append((name, data.decode("utf-8", "replace")))
        if len(fields.pairs) > MAX_FIELDS:
            raise HTTPException(400, "accounts: the form has too many fields")


Form = Annotated[FormFields, Depends(read_form)]
