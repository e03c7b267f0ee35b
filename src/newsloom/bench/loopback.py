"""The benches' outlets: one threaded HTTP/1.1 server on 127.0.0.1 whose answers come from a
function of the path, so each bench says only what its pages and feeds are."""

from __future__ import annotations

from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

# (first path segment, the rest, the base URL the client used) -> (body, content type), or None
# for a 404.
Route = Callable[[str, str, str], tuple[bytes, str] | None]


def serve_forever(route: Route, ready: Any, announce: Callable[[int], Any]) -> None:
    """Serve ``route`` until the process ends; ``ready.send(announce(port))`` once listening."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as real servers do

        def do_GET(self) -> None:
            base = f"http://{self.headers.get('Host', '127.0.0.1')}"
            kind, _, rest = self.path.strip("/").partition("/")
            found = route(kind, rest, base)
            body, ctype, status = (*found, 200) if found else (b"not found", "text/plain", 404)
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    ready.send(announce(server.server_address[1]))
    server.serve_forever()
