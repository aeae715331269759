"""Submitting a page body and ingesting a URL through the API run the real pipeline (spaCy: slow)."""

from __future__ import annotations

import http.server
import threading
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sitrep.settings import Settings
from sitrep.store import Store
from sitrep.store.tokens import create_token

pytestmark = pytest.mark.slow

PAGE = """<html><head><title>Clashes reported near a northern town</title>
<meta name="author" content="Staff Reporter"><meta property="article:published_time" content="2024-04-02"></head>
<body><nav>Home | World | Sport</nav><article><h1>Clashes reported near a northern town</h1>
<p>Government forces and an armed group clashed on Monday near the town of Gao, killing at least four fighters,
a local official told reporters on Tuesday. The official, who asked not to be named, said the fighting lasted
several hours before the armed group withdrew towards the east.</p>
<p>Residents said shops stayed closed for the rest of the day. The army has not commented on the reports,
which could not be independently verified.</p></article><footer>Copyright. All rights reserved.</footer></body></html>"""


@pytest.fixture()
def client_and_token(tmp_path: Path):  # type: ignore[no-untyped-def]
    from sitrep.serve.app import create_app

    settings = Settings(database_url=f"sqlite:///{tmp_path / 'w.db'}", allow_private=True, respect_robots=False)
    store = Store.open(settings)
    token = create_token(store.engine, "desk")
    yield TestClient(create_app(settings, store), raise_server_exceptions=False), token, store
    store.close()


def test_submit_page_body_stores_the_record_once(client_and_token) -> None:  # type: ignore[no-untyped-def]
    client, token, store = client_and_token
    auth = {"Authorization": f"Bearer {token}", "Content-Type": "text/html; charset=utf-8"}
    r = client.post("/api/articles?url=https://news.test/clashes", content=PAGE.encode(), headers=auth)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["ok"] is True and body["status"] == "stored"
    art = client.get(f"/api/articles/{body['article_id']}").json()
    assert "Gao" in art["body"] and "Copyright" not in art["body"] and art["url"] == "https://news.test/clashes"
    again = client.post("/api/articles?url=https://news.test/clashes", content=PAGE.encode(), headers=auth)
    assert again.json()["status"] == "duplicate" and store.stats()["articles"] == 1
    short = client.post("/api/articles", content=b"<p>Too short.</p>", headers=auth)
    assert short.status_code == 422 and short.json()["ok"] is False


def test_ingest_url_fetches_from_a_server(client_and_token) -> None:  # type: ignore[no-untyped-def]
    client, token, store = client_and_token

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            data = PAGE.encode()
            self.send_response(200 if self.path == "/story" else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{httpd.server_address[1]}"
        r = client.post("/api/ingest", json={"urls": [f"{base}/story", f"{base}/missing"]},
                        headers={"Authorization": f"Bearer {token}"})  # fmt: skip
        assert r.status_code == 200, r.text
        out = r.json()
        assert out["stored"] == 1 and len(out["skipped"]) == 1 and "/missing" in out["skipped"][0]["uri"]
        assert store.stats()["articles"] == 1
    finally:
        httpd.shutdown()
