"""A small local HTTP server standing in for an OpenSearch cluster, for the
answers the test cluster cannot give without harm to other tests (a 401, a
node with no cluster manager, a red index): each request answered with
``answer(method, path)``, a status and a JSON body."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Answer = Callable[[str, str], tuple[int, dict]]


@contextmanager
def fake_node(answer: Answer) -> Iterator[str]:
    """A server on 127.0.0.1 answering every request; yields ``127.0.0.1:PORT``."""

    class Handler(BaseHTTPRequestHandler):
        def _reply(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            self.rfile.read(length)
            status, body = answer(self.command, self.path)
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(data)

        do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _reply

        def log_message(self, *args: object) -> None:  # quiet
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def error(status: int, kind: str, reason: str) -> tuple[int, dict]:
    """An OpenSearch error answer."""
    return status, {"error": {"type": kind, "reason": reason}, "status": status}


def node(name: str, health: dict, otherwise: tuple[int, dict]) -> Answer:
    """A node named ``name`` whose cluster health is ``health`` (its local
    view and the index's) and that answers anything else with ``otherwise``."""

    def answer(method: str, path: str) -> tuple[int, dict]:
        if path == "/":
            return 200, {"name": name, "cluster_name": "fake", "version": {"number": "2.11.0"}}
        if path.startswith("/_cluster/health"):
            return 200, health
        return otherwise

    return answer
