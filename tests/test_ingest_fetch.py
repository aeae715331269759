"""URL fetching against a local http.server on 127.0.0.1 (the only host these tests talk to)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from sitrep.errors import FetchError
from sitrep.ingest import read_inputs
from sitrep.ingest.fetch import Fetcher
from sitrep.models import RawDocument, Skipped
from sitrep.settings import Settings

PAGE = (Path(__file__).parent / "data" / "html" / "wire_repost.html").read_bytes()
HITS: dict[str, int] = {}


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass

    def send(self, code: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        self.send_response(code)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (http.server API)
        HITS[self.path] = HITS.get(self.path, 0) + 1
        if self.path == "/robots.txt":
            self.send(200, b"User-agent: *\nDisallow: /private/\n", {"Content-Type": "text/plain"})
        elif self.path == "/page":
            if self.headers.get("If-None-Match") == '"v1"':
                self.send(304)
            else:
                self.send(200, PAGE, {"Content-Type": "text/html; charset=utf-8", "ETag": '"v1"'})
        elif self.path == "/loop-a":
            self.send(302, headers={"Location": "/loop-b"})
        elif self.path == "/loop-b":
            self.send(302, headers={"Location": "/loop-a"})
        elif self.path == "/moved":
            self.send(301, headers={"Location": "/page"})
        elif self.path == "/big":
            self.send(200, b"x" * 50_000, {"Content-Type": "text/plain"})
        elif self.path == "/flaky":
            if HITS[self.path] == 1:
                self.send(503, b"busy")
            else:
                self.send(200, PAGE, {"Content-Type": "text/html"})
        elif self.path == "/feed":
            host = self.headers["Host"]
            rss = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title>
            <item><title>One</title><link>http://{host}/page</link></item></channel></rss>"""
            self.send(200, rss.encode(), {"Content-Type": "application/rss+xml"})
        else:
            self.send(404, b"not here")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def settings(**kw: object) -> Settings:
    base = {"allow_private": True, "fetch_rate_per_host": 0, "fetch_timeout": 5, "fetch_retries": 1}
    return Settings(**{**base, **kw})  # type: ignore[arg-type]


def test_fetch_page(server: str) -> None:
    doc = Fetcher(settings()).fetch(server + "/page")
    assert doc.content == PAGE and doc.content_type == "text/html" and doc.encoding == "utf-8"


def test_redirect_followed(server: str) -> None:
    doc = Fetcher(settings()).fetch(server + "/moved")
    assert doc.url == server + "/page" and doc.uri == server + "/moved"


def test_redirect_loop(server: str) -> None:
    with pytest.raises(FetchError, match="redirect loop"):
        Fetcher(settings()).fetch(server + "/loop-a")


def test_404_names_url(server: str) -> None:
    with pytest.raises(FetchError, match=r"/nothing: HTTP 404"):
        Fetcher(settings()).fetch(server + "/nothing")


def test_size_cap(server: str) -> None:
    with pytest.raises(FetchError, match="max_bytes"):
        Fetcher(settings(max_bytes=10_000)).fetch(server + "/big")


def test_robots_disallow(server: str) -> None:
    with pytest.raises(FetchError, match="robots.txt"):
        Fetcher(settings()).fetch(server + "/private/secret")
    assert Fetcher(settings(respect_robots=False)).fetch(server + "/page").content == PAGE


def test_retry_on_5xx(server: str) -> None:
    doc = Fetcher(settings(fetch_retries=2), backoff=0.01).fetch(server + "/flaky")
    assert doc.content == PAGE and HITS["/flaky"] == 2


def test_conditional_get_304(server: str, tmp_path: Path) -> None:
    f = Fetcher(settings(), cache_dir=tmp_path)
    first = f.fetch(server + "/page")
    second = f.fetch(server + "/page")
    assert "cache" not in first.hints and second.hints["cache"] == "not-modified" and second.content == PAGE
    assert list(tmp_path.glob("*.json"))


def test_private_address_refused(server: str) -> None:
    with pytest.raises(FetchError, match="private"):
        Fetcher(settings(allow_private=False)).fetch(server + "/page")


def test_read_inputs_url_and_feed(server: str) -> None:
    got = list(read_inputs([server + "/page", server + "/nothing"], settings()))
    assert isinstance(got[0], RawDocument) and isinstance(got[1], Skipped) and "404" in got[1].reason
    (entry,) = list(read_inputs([server + "/feed"], settings(), follow=True))
    assert isinstance(entry, RawDocument) and entry.content == PAGE and entry.hints["title"] == "One"
