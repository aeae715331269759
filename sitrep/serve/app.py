"""The FastAPI application: REST API under /api, the web UI at /, static files at /static.

``create_app(settings, store)`` builds everything; nothing happens at import time. One
place turns every failure into one shape: JSON ``{"ok": false, "error": ..., "status": N}``
for the API, an HTML error page for the UI.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sitrep.errors import InputError, SitrepError, StoreError
from sitrep.settings import Settings

log = logging.getLogger("sitrep.serve")

HERE = Path(__file__).resolve().parent
STATIC_DIR = HERE / "static"
TEMPLATE_DIR = HERE / "templates"


class RequestTooLarge(StarletteHTTPException):
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body over the {limit:,}-byte limit (setting api_max_request_bytes)")


class BodyLimitMiddleware:
    """413 for bodies over ``api_max_request_bytes``: at once from Content-Length, or while
    reading a chunked body (the endpoint's read raises, and the exception handlers answer)."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for k, v in scope.get("headers") or []:
            if k == b"content-length":
                try:
                    too_big = int(v) > self.max_bytes
                except ValueError:
                    too_big = False
                if too_big:
                    resp = _error_response(scope, 413, str(RequestTooLarge(self.max_bytes).detail))
                    await resp(scope, receive, send)
                    return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            msg = await receive()
            if msg["type"] == "http.request":
                seen += len(msg.get("body", b""))
                if seen > self.max_bytes:
                    raise RequestTooLarge(self.max_bytes)
            return msg

        await self.app(scope, limited, send)


def content_security_policy(settings: Settings) -> str:
    img = "'self' data:"
    if settings.tile_url:
        parts = urlsplit(settings.tile_url.replace("{s}", "a"))
        host = parts.netloc.replace("a.", "*.", 1) if "{s}" in settings.tile_url else parts.netloc
        img += f" {parts.scheme}://{host}"
    return (
        "default-src 'self'; script-src 'self'; style-src 'self'; "
        f"img-src {img}; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
        "frame-ancestors 'none'; form-action 'self'"
    )


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp, csp: str) -> None:
        self.app = app
        self.headers = [
            (b"content-security-policy", csp.encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"no-referrer"),
            (b"x-frame-options", b"DENY"),
        ]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(msg: Message) -> None:
            if msg["type"] == "http.response.start":
                msg["headers"] = list(msg.get("headers") or []) + self.headers
            await send(msg)

        await self.app(scope, receive, send_with_headers)


class CachedReadMiddleware:
    """Answer a GET under /api from the read cache before routing (ETag/304 included).

    Only when reads need no token: with ``api_read_token_required`` every request goes
    through the routes and their auth. Misses fall through to the route, which fills the cache.
    """

    def __init__(self, app: ASGIApp, cache: Any, enabled: bool) -> None:
        self.app, self.cache, self.enabled = app, cache, enabled

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.enabled and scope["type"] == "http" and scope["method"] == "GET" and scope["path"].startswith("/api/"):
            key = scope["path"] + "?" + scope.get("query_string", b"").decode("latin-1")
            hit = self.cache.get(key)
            if hit is not None:
                body, etag = hit
                inm = dict(scope.get("headers") or []).get(b"if-none-match", b"").decode("latin-1")
                headers = {"ETag": etag, "Cache-Control": "private, max-age=0, must-revalidate"}
                if inm and (inm.strip() == "*" or etag in [t.strip() for t in inm.split(",")]):
                    await Response(status_code=304, headers=headers)(scope, receive, send)
                else:
                    await Response(body, media_type="application/json", headers=headers)(scope, receive, send)
                return
        await self.app(scope, receive, send)


def _wants_html(scope: Scope) -> bool:
    path = scope.get("path", "")
    if path.startswith("/api") or path.startswith("/static") or path == "/openapi.json":
        return False
    accept = dict(scope.get("headers") or []).get(b"accept", b"")
    return b"text/html" in accept


def _error_response(scope: Scope, status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    if _wants_html(scope):
        from sitrep.serve.ui import render_error_page

        return render_error_page(status, message, headers)
    return JSONResponse({"ok": False, "error": message, "status": status}, status_code=status, headers=headers)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        loc = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "body", "path"))
        parts.append(f"{loc or 'request'}: {err.get('msg')}")
    return "invalid request: " + "; ".join(parts)


def install_error_handlers(app: FastAPI) -> None:
    """The one place that maps exceptions to responses."""

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        msg = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and msg == "Not Found":
            msg = f"nothing at {request.url.path}. The API is described at /openapi.json and /docs"
        if exc.status_code == 405:
            msg = f"method {request.method} is not allowed on {request.url.path}"
        return _error_response(request.scope, exc.status_code, msg, getattr(exc, "headers", None))

    async def validation_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return _error_response(request.scope, 422, _validation_message(exc))

    async def sitrep_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, SitrepError)
        status = 422 if isinstance(exc, InputError) else 500
        if isinstance(exc, StoreError):
            log.error("store error on %s: %s", request.url.path, exc)
        return _error_response(request.scope, status, exc.one_line())

    async def internal_error(request: Request, exc: Exception) -> Response:
        log.exception("internal error on %s %s", request.method, request.url.path)
        return _error_response(request.scope, 500, f"internal error ({exc.__class__.__name__}); see the server log")

    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(SitrepError, sitrep_error)
    app.add_exception_handler(Exception, internal_error)


#: Seconds a cached read may be served on PostgreSQL (SQLite's cache is exact, see ResponseCache).


def create_app(settings: Settings | None = None, store: Any = None, *, cache_seconds: float | None = None) -> FastAPI:
    """The whole service for `settings`; `store` (a :class:`sitrep.store.Store`) is opened from
    ``settings.database_url`` when not given. `cache_seconds` bounds how stale a cached read
    can be (0 turns the read cache off; default: the `api_cache_seconds` setting)."""

    from sitrep.serve import api, api_write, ui
    from sitrep.serve.deps import ResponseCache
    from sitrep.store import Store

    settings = settings or Settings.load()
    if store is None:
        store = Store.open(settings)
    app = FastAPI(
        title="sitrep",
        version="0.1.0",
        description=(
            "Conflict events (ACLED taxonomy) fused from news reports, with their sources, evidence, claims and "
            "contradictions. Reads are open unless the server requires a token; writes need "
            "`Authorization: Bearer <token>` (create one with `sitrep token create NAME`). Every error is "
            '`{"ok": false, "error": "...", "status": N}`. Lists use cursor pagination: pass `next` back as `cursor`.'
        ),
        docs_url="/docs",
        redoc_url=None,
        openapi_tags=[
            {"name": "events", "description": "Fused events and their evidence"},
            {"name": "articles", "description": "Stored articles, their text and spans"},
            {"name": "claims", "description": "Attributed claims"},
            {"name": "stats", "description": "Counts for charts and the map"},
            {"name": "search", "description": "Full-text search"},
            {"name": "export", "description": "Bulk exports, streamed"},
            {"name": "write", "description": "Ingestion, deletion and corrections (token required)"},
        ],
    )
    app.state.settings = settings
    app.state.store = store
    if cache_seconds is None:
        cache_seconds = settings.api_cache_seconds
    app.state.cache = ResponseCache(cache_seconds, store)
    install_error_handlers(app)
    app.include_router(api.router)
    app.include_router(api_write.router)
    app.include_router(ui.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.add_middleware(CachedReadMiddleware, cache=app.state.cache, enabled=not settings.api_read_token_required)
    app.add_middleware(SecurityHeadersMiddleware, csp=content_security_policy(settings))
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.api_max_request_bytes)

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    return app


def create_app_from_env() -> FastAPI:
    """Factory for `uvicorn --factory` and multi-worker serving: settings from file and env."""
    return create_app(Settings.load())


__all__ = ["HTMLResponse", "create_app", "create_app_from_env"]
