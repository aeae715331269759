"""What the routes share: the store, the settings, auth, cached JSON with ETags, filters."""

from __future__ import annotations

import hashlib
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Annotated, Any

import orjson
from fastapi import Depends, HTTPException, Query, Request
from fastapi.responses import Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from sitrep.settings import Settings
from sitrep.store import EventFilter, Store
from sitrep.store.listing import EventQuery

bearer = HTTPBearer(auto_error=False, description="An API token from `sitrep token create NAME`.")


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def _token_name(request: Request, creds: HTTPAuthorizationCredentials | None) -> str | None:
    from sitrep.store.tokens import verify_token

    if creds is None:
        return None
    name = verify_token(get_store(request).engine, creds.credentials)
    if name is None:
        raise HTTPException(401, "the API token is not valid (revoked or mistyped)", headers={"WWW-Authenticate": "Bearer"})
    return name


def read_access(request: Request, creds: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
    """Reads are open unless `api_read_token_required` is set."""
    if get_settings(request).api_read_token_required and _token_name(request, creds) is None:
        raise HTTPException(
            401, "this server requires an API token for reads: send `Authorization: Bearer <token>`",
            headers={"WWW-Authenticate": "Bearer"},
        )  # fmt: skip


def write_access(request: Request, creds: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> str:
    """The token owner's name; 401 without a valid token, 403 for a cross-site browser request."""
    origin = request.headers.get("origin")
    if origin and origin != "null":
        host = request.headers.get("host", "")
        if origin.split("://", 1)[-1] != host:
            raise HTTPException(403, f"cross-origin write from {origin} refused: writes must come from this site or a non-browser client")
    name = _token_name(request, creds)
    if name is None:
        raise HTTPException(
            401, "writes need an API token: send `Authorization: Bearer <token>` (create one with `sitrep token create NAME`)",
            headers={"WWW-Authenticate": "Bearer"},
        )  # fmt: skip
    return name


def dumps(data: Any) -> bytes:
    return orjson.dumps(data, default=str, option=orjson.OPT_NON_STR_KEYS)


class ResponseCache:
    """Recently computed read responses (body + ETag), keyed by URL.

    On SQLite an entry is served while the store's version is unchanged: the database and
    WAL files' (mtime, size), so any commit by any process invalidates it at once. On
    PostgreSQL there is no cheap equivalent, so an entry is served while younger than `ttl`
    seconds: a write by another process shows after at most `ttl` seconds (writes through
    this API clear the cache immediately). `ttl=0` turns the cache off on both.
    """

    def __init__(self, ttl: float, store: Store, max_entries: int = 2048) -> None:
        self.ttl, self.max_entries = ttl, max_entries
        self.entries: OrderedDict[str, tuple[float, Any, bytes, str]] = OrderedDict()
        self.lock = threading.Lock()
        self.locks: dict[str, threading.Lock] = {}
        self.files: list[str] = []
        if store.engine.dialect.name == "sqlite":
            db = store.engine.url.database
            if db and db != ":memory:":
                self.files = [db, db + "-wal"]

    def version(self) -> Any:
        out: list[tuple[int, int] | None] = []
        for f in self.files:
            try:
                st = os.stat(f)
                out.append((st.st_mtime_ns, st.st_size))
            except OSError:
                out.append(None)
        return tuple(out)

    def get(self, key: str) -> tuple[bytes, str] | None:
        if self.ttl <= 0:
            return None
        with self.lock:
            hit = self.entries.get(key)
        if hit is None:
            return None
        born, version, body, etag = hit
        # SQLite: the file version is exact, so age does not matter; PostgreSQL: age only.
        if version != self.version() or (not self.files and time.monotonic() - born > self.ttl):
            return None
        return body, etag

    def put(self, key: str, version: Any, body: bytes, etag: str) -> None:
        if self.ttl <= 0:
            return
        with self.lock:
            self.entries[key] = (time.monotonic(), version, body, etag)
            self.entries.move_to_end(key)
            while len(self.entries) > self.max_entries:
                self.entries.popitem(last=False)

    def key_lock(self, key: str) -> threading.Lock:
        with self.lock:
            lk = self.locks.get(key)
            if lk is None:
                if len(self.locks) > 4 * self.max_entries:
                    self.locks.clear()
                lk = self.locks[key] = threading.Lock()
            return lk

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()


def _etag(body: bytes) -> str:
    return '"' + hashlib.blake2b(body, digest_size=16).hexdigest() + '"'


def _respond(request: Request, body: bytes, etag: str, status_code: int, max_age: int) -> Response:
    headers = {"ETag": etag, "Cache-Control": f"private, max-age={max_age}, must-revalidate"}
    inm = request.headers.get("if-none-match")
    if status_code == 200 and inm and (inm.strip() == "*" or etag in [t.strip() for t in inm.split(",")]):
        return Response(status_code=304, headers=headers)
    return Response(body, status_code=status_code, media_type="application/json", headers=headers)


def cached_json(request: Request, compute: Callable[[], Any]) -> Response:
    """A read response from the app's ResponseCache, or computed (and cached) now."""
    cache: ResponseCache | None = getattr(request.app.state, "cache", None)
    if cache is None or cache.ttl <= 0:
        body = dumps(compute())
        return _respond(request, body, _etag(body), 200, 0)
    key = request.url.path + "?" + request.url.query
    hit = cache.get(key)
    if hit is None:
        # One computation per key at a time: concurrent misses for the same URL wait for the
        # first instead of all hitting the database (no stampede when an entry expires).
        with cache.key_lock(key):
            hit = cache.get(key)
            if hit is None:
                version = cache.version()
                body = dumps(compute())
                hit = (body, _etag(body))
                cache.put(key, version, *hit)
    return _respond(request, hit[0], hit[1], 200, 0)


def forget_cached(request: Request) -> None:
    """After a write: drop every cached read."""
    cache: ResponseCache | None = getattr(request.app.state, "cache", None)
    if cache is not None:
        cache.clear()


def json_response(request: Request, data: Any, *, status_code: int = 200, max_age: int = 0) -> Response:
    """JSON with a strong ETag over the body; If-None-Match with the same tag answers 304."""
    body = dumps(data)
    etag = _etag(body)
    headers = {"ETag": etag, "Cache-Control": f"private, max-age={max_age}, must-revalidate"}
    inm = request.headers.get("if-none-match")
    if status_code == 200 and inm and (inm.strip() == "*" or etag in [t.strip() for t in inm.split(",")]):
        return Response(status_code=304, headers=headers)
    return Response(body, status_code=status_code, media_type="application/json", headers=headers)


def event_query(
    since: Annotated[str | None, Query(description="Events on or after this date (YYYY-MM-DD).", pattern=r"^\d{4}-\d{2}-\d{2}$")] = None,
    until: Annotated[str | None, Query(description="Events on or before this date (YYYY-MM-DD).", pattern=r"^\d{4}-\d{2}-\d{2}$")] = None,
    country: Annotated[str | None, Query(description="Country name or ISO 3166-1 alpha-2 code.", max_length=100)] = None,
    admin1: Annotated[str | None, Query(description="First-level region name.", max_length=200)] = None,
    type: Annotated[str | None, Query(description="ACLED event type (or sub-event type).", max_length=100)] = None,
    sub_type: Annotated[str | None, Query(description="ACLED sub-event type.", max_length=100)] = None,
    status: Annotated[str | None, Query(description="confirmed | unconfirmed | disputed | reported", pattern="^(confirmed|unconfirmed|disputed|reported)$")] = None,
    actor: Annotated[str | None, Query(description="Any actor containing this text.", max_length=200)] = None,
    min_sources: Annotated[int | None, Query(ge=1, le=1000, description="At least this many independent sources.")] = None,
    bbox: Annotated[str | None, Query(description="west,south,east,north in degrees.", pattern=r"^-?[\d.]+,-?[\d.]+,-?[\d.]+,-?[\d.]+$")] = None,
    q: Annotated[str | None, Query(description="Full-text query over types, actors, places and notes.", max_length=500)] = None,
    sort: Annotated[str, Query(description="newest | oldest | deadliest | updated", pattern="^(newest|oldest|deadliest|updated)$")] = "newest",
    cursor: Annotated[str | None, Query(description="The `next` value of the previous page.", max_length=500)] = None,
    limit: Annotated[int, Query(ge=1, le=500, description="Events per page.")] = 50,
) -> EventQuery:  # fmt: skip
    box = None
    if bbox:
        w, s, e, n = (float(x) for x in bbox.split(","))
        if not (-180 <= w <= 180 and -180 <= e <= 180 and -90 <= s <= n <= 90):
            raise HTTPException(422, "bbox must be west,south,east,north with -180≤lon≤180, -90≤south≤north≤90")
        box = (w, s, e, n)
    f = EventFilter(since=since, until=until, country=country, admin1=admin1, event_type=type, status=status,
                    actor=actor, min_sources=min_sources, bbox=box)  # fmt: skip
    return EventQuery(filter=f, q=q, sub_event_type=sub_type, sort=sort, cursor=cursor, limit=limit)
