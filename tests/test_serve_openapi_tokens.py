"""The OpenAPI document is valid and complete; API tokens are stored hashed and can be revoked."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from sitrep.errors import InputError
from sitrep.settings import Settings
from sitrep.store import Store
from sitrep.store.schema import api_tokens
from sitrep.store.tokens import create_token, list_tokens, revoke_token, verify_token


@pytest.fixture()
def store(store_url: str):  # type: ignore[no-untyped-def]
    s = Store.open(url=store_url)
    yield s
    s.close()


def test_openapi_is_valid_and_documents_every_api_route(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from openapi_spec_validator import validate

    from sitrep.serve.app import create_app

    settings = Settings(database_url=f"sqlite:///{tmp_path / 'o.db'}")
    app = create_app(settings)
    spec = TestClient(app).get("/openapi.json").json()
    validate(spec)
    documented = {(path, method.upper()) for path, ops in spec["paths"].items() for method in ops}
    for route in app.routes:
        path = getattr(route, "path", "")
        if not path.startswith("/api"):
            continue
        for method in getattr(route, "methods", set()) - {"HEAD", "OPTIONS"}:
            assert (path, method) in documented, (path, method)
            op = spec["paths"][path][method.lower()]
            assert op.get("summary") and op.get("tags"), (path, method)
    # writes declare bearer auth; the request body of a page upload is documented
    assert "HTTPBearer" in spec["components"]["securitySchemes"]
    assert "text/html" in spec["paths"]["/api/articles"]["post"]["requestBody"]["content"]
    assert not any(p.startswith("/events/") or p == "/" for p in spec["paths"])  # HTML pages are not API


def test_tokens_are_hashed_verified_and_revoked(store: Store) -> None:
    token = create_token(store.engine, "desk-1")
    assert token.startswith("sitrep_") and len(token) > 40
    with store.engine.connect() as conn:
        stored = conn.execute(select(api_tokens.c.token_hash)).scalar_one()
    assert token not in stored and len(stored) == 64
    assert verify_token(store.engine, token) == "desk-1"
    assert verify_token(store.engine, token + "x") is None and verify_token(store.engine, "") is None
    assert [t["name"] for t in list_tokens(store.engine)] == ["desk-1"]
    with pytest.raises(InputError, match="already exists"):
        create_token(store.engine, "desk-1")
    with pytest.raises(InputError):
        create_token(store.engine, "  ")
    assert create_token(store.engine, "desk-2") != token
    assert revoke_token(store.engine, "desk-1") is True and revoke_token(store.engine, "desk-1") is False
    assert verify_token(store.engine, token) is None


def test_csp_allows_only_the_configured_tile_host() -> None:
    from sitrep.serve.app import content_security_policy

    offline = content_security_policy(Settings())
    assert "img-src 'self' data:;" in offline and "http" not in offline
    online = content_security_policy(Settings(tile_url="https://{s}.tiles.example.org/{z}/{x}/{y}.png"))
    assert "img-src 'self' data: https://*.tiles.example.org;" in online
    assert "script-src 'self';" in online and "unsafe" not in online
