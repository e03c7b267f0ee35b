"""/api: the API's endpoints as a server-rendered page, read from the OpenAPI schema.

FastAPI's /docs loads JavaScript from a CDN, which breaks offline and under our CSP; this page
needs neither. The machine-readable schema stays at /api/openapi.json.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from newsloom.web.context import app_catalog, app_store, render

METHODS = ("get", "post", "put", "patch", "delete")

router = APIRouter()


@dataclass(frozen=True)
class Parameter:
    name: str
    where: str
    kind: str
    required: bool
    description: str


@dataclass(frozen=True)
class Endpoint:
    method: str
    path: str
    summary: str
    description: str
    parameters: tuple[Parameter, ...]
    body: str  # name of the request body's schema, "" when none
    responses: tuple[tuple[str, str], ...]  # (status, description)
    needs_token: bool


def _kind(schema: dict[str, Any]) -> str:
    if "anyOf" in schema:
        return " or ".join(_kind(s) for s in schema["anyOf"] if s.get("type") != "null")
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    return str(schema.get("type", "any"))


# Headings for the routes FastAPI would title after their function ("Api Search", "Story").
TITLES = {
    ("GET", "/api/categories"): "List the categories",
    ("GET", "/api/search"): "Search stories",
    ("GET", "/api/sources"): "List the outlets and their feeds",
    ("POST", "/api/sources"): "Add a source",
    ("GET", "/api/stories"): "List stories, newest first",
    ("GET", "/api/stories/{story_id}"): "One story: summary, articles, outlets",
    ("POST", "/api/stories/{story_id}/merge"): "Merge a story into another",
    ("POST", "/api/stories/{story_id}/split"): "Split articles out of a story",
    ("GET", "/api/stories/{story_id}/versions"): "Every summary version of a story",
    ("GET", "/search"): "The search page (HTML)",
}


def _title(method: str, path: str, operation: dict[str, Any]) -> str:
    """A heading a reader can use: FastAPI titles an undocumented ``api_search`` "Api Search", so
    a title of ours, then the first sentence of the description, win over such a name."""
    if (method.upper(), path) in TITLES:
        return TITLES[method.upper(), path]
    summary = str(operation.get("summary", ""))
    description = str(operation.get("description", "")).strip()
    generated = summary == summary.title() and summary.startswith("Api ")
    if description and (generated or not summary):
        first = description.split("\n", 1)[0].split(". ", 1)[0].rstrip(".")
        return first.replace("``", "")
    return summary.replace("Api ", "API ")


def endpoints(schema: dict[str, Any]) -> list[Endpoint]:
    found: list[Endpoint] = []
    for path, operations in sorted(schema.get("paths", {}).items()):
        for method in METHODS:
            operation = operations.get(method)
            if operation is None:
                continue
            body = operation.get("requestBody", {}).get("content", {}).get("application/json", {})
            found.append(
                Endpoint(
                    method=method.upper(),
                    path=path,
                    summary=_title(method, path, operation),
                    description=operation.get("description", ""),
                    parameters=tuple(
                        Parameter(
                            name=p["name"],
                            where=p["in"],
                            kind=_kind(p.get("schema", {})),
                            required=bool(p.get("required")),
                            description=p.get("description", "")
                            or p.get("schema", {}).get("description", ""),
                        )
                        for p in operation.get("parameters", ())
                    ),
                    body=_kind(body["schema"]) if "schema" in body else "",
                    responses=tuple(
                        (status, r.get("description", ""))
                        for status, r in sorted(operation.get("responses", {}).items())
                    ),
                    needs_token=bool(operation.get("security")),
                )
            )
    return found


@router.get("/api", response_class=HTMLResponse, include_in_schema=False)
def api_index(request: Request) -> HTMLResponse:
    with app_store(request).read() as conn:
        catalog = app_catalog(request, conn)
    context = {
        "catalog": catalog,
        "endpoints": endpoints(request.app.openapi()),
        "canonical": "/api",
    }
    return render(request, "api.html", context)
