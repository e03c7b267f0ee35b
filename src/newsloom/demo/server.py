"""A loopback HTTP server for the demo newsroom, so the demo goes through the real fetch path."""

from __future__ import annotations

import threading
from datetime import datetime
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

from newsloom.demo.newsroom import Newsroom, load_newsroom
from newsloom.demo.site import DemoSite, Document


class DemoServer:
    """``with DemoServer(base_time) as server:`` serves the demo site on 127.0.0.1 until exit."""

    def __init__(
        self,
        base_time: datetime,
        host: str = "127.0.0.1",
        port: int = 0,
        newsroom: Newsroom | None = None,
    ) -> None:
        self.base_time = base_time
        self.newsroom = newsroom or load_newsroom()
        self._httpd = ThreadingHTTPServer((host, port), _handler_class(self))
        self._httpd.daemon_threads = True
        bound_host, bound_port = self._httpd.server_address[:2]
        self.base_url = f"http://{bound_host!s}:{bound_port}"
        self.site = DemoSite(self.newsroom, self.base_url, base_time)
        self._thread: threading.Thread | None = None

    @property
    def opml_url(self) -> str:
        return self.base_url + "/sources.opml"

    def feed_urls(self) -> list[tuple[str, str, str, str]]:
        """(feed URL, outlet name, declared section, language) for every demo feed."""
        return self.site.feed_urls()

    def start(self) -> DemoServer:
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._httpd.serve_forever, name="demo-newsroom", daemon=True
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self._httpd.server_close()

    def __enter__(self) -> DemoServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()


def _not_modified(document: Document, if_none_match: str | None, if_modified: str | None) -> bool:
    if if_none_match is not None:  # RFC 9110: If-None-Match wins over If-Modified-Since
        tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
        return "*" in tags or document.etag in tags
    if if_modified:
        try:
            since = parsedate_to_datetime(if_modified)
        except (TypeError, ValueError):
            return False
        return since.tzinfo is not None and document.last_modified.replace(microsecond=0) <= since
    return False


def _handler_class(server: DemoServer) -> type[BaseHTTPRequestHandler]:
    class DemoHandler(BaseHTTPRequestHandler):
        server_version = "newsloom-demo/1.0"

        def do_GET(self) -> None:
            self._respond(send_body=True)

        def do_HEAD(self) -> None:
            self._respond(send_body=False)

        def _respond(self, send_body: bool) -> None:
            document = server.site.get(urlsplit(self.path).path)
            if document is None:
                body = b"not found\n"
                self.send_response(404)
                self.send_header("Content-Type", "text/plain; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if send_body:
                    self.wfile.write(body)
                return
            modified = self.headers.get("If-Modified-Since")
            fresh = _not_modified(document, self.headers.get("If-None-Match"), modified)
            self.send_response(304 if fresh else 200)
            self.send_header("ETag", document.etag)
            self.send_header("Last-Modified", format_datetime(document.last_modified, usegmt=True))
            self.send_header("Cache-Control", "max-age=60")
            if fresh:
                self.end_headers()
                return
            self.send_header("Content-Type", document.content_type)
            self.send_header("Content-Length", str(len(document.body)))
            self.end_headers()
            if send_body:
                self.wfile.write(document.body)

        def log_message(self, format: str, *args: Any) -> None:
            """Quiet: the demo's progress output is the pipeline's, not an access log."""

    return DemoHandler
