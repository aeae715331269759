"""Polite HTTP fetching: timeouts, redirect cap and loop check, size cap, retries with
exponential backoff, robots.txt, per-host rate limit, conditional GET with a small disk cache,
and refusal of private / loopback / link-local addresses unless ``settings.allow_private``.

Every failure raises :class:`~sitrep.errors.FetchError` with a one-line message naming the URL.
The conditional-GET cache is one JSON file per URL (``<sha256>.json``: etag, last_modified, the
body as latin-1 text) under ``cache_dir`` (no cache when it is None).
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import logging
import socket
import threading
import time
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from sitrep.errors import FetchError
from sitrep.ingest.detect import content_type_for, sniff
from sitrep.models import RawDocument
from sitrep.settings import Settings

log = logging.getLogger("sitrep.ingest.fetch")

_RETRY_STATUS = {429, 500, 502, 503, 504}


def is_private_host(host: str) -> bool:
    """True when any address the host resolves to is private, loopback, link-local, reserved or multicast."""
    try:
        infos = socket.getaddrinfo(host, None)
    except (socket.gaierror, UnicodeError) as e:
        raise FetchError(f"cannot resolve host {host!r} ({e})") from e
    for info in infos:
        addr = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if addr.is_private or addr.is_loopback or addr.is_link_local or addr.is_reserved or addr.is_multicast or addr.is_unspecified:
            return True
    return False


class Fetcher:
    """One fetch session: shares the HTTP client, robots.txt cache and per-host clocks."""

    def __init__(self, settings: Settings, *, cache_dir: str | Path | None = None, backoff: float = 0.5) -> None:
        self.settings = settings
        self.cache_dir = Path(cache_dir) if cache_dir else None
        self.backoff = backoff
        self._robots: dict[str, RobotFileParser | None] = {}
        self._last_request: dict[str, float] = {}
        self._lock = threading.Lock()
        self._client = httpx.Client(
            follow_redirects=False,
            timeout=httpx.Timeout(settings.fetch_timeout),
            headers={"User-Agent": settings.user_agent},
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ helpers

    def _check_url(self, url: str) -> str:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(f"{url}: not an http(s) URL")
        if not self.settings.allow_private and is_private_host(parts.hostname):
            raise FetchError(
                f"{url}: refused, the host resolves to a private, loopback or link-local address "
                "(set allow_private to fetch it)"
            )
        return parts.hostname

    def _wait_turn(self, host: str) -> None:
        rate = self.settings.fetch_rate_per_host
        if rate <= 0:
            return
        gap = 1.0 / rate
        with self._lock:
            last = self._last_request.get(host)
            now = time.monotonic()
            wait = 0.0 if last is None else last + gap - now
            self._last_request[host] = max(now, (last or 0) + gap) if wait > 0 else now
        if wait > 0:
            time.sleep(wait)

    def allowed_by_robots(self, url: str) -> bool:
        if not self.settings.respect_robots:
            return True
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            parser: RobotFileParser | None = RobotFileParser()
            try:
                resp = self._client.get(origin + "/robots.txt")
                if resp.status_code in (401, 403):
                    parser.disallow_all = True  # type: ignore[union-attr]
                elif resp.status_code >= 400:
                    parser = None  # no robots.txt: everything allowed
                else:
                    parser.parse(resp.text.splitlines())  # type: ignore[union-attr]
            except httpx.HTTPError:
                parser = None
            self._robots[origin] = parser
        rp = self._robots[origin]
        return True if rp is None else rp.can_fetch(self.settings.user_agent, url)

    def _cache_path(self, url: str) -> Path | None:
        if self.cache_dir is None:
            return None
        return self.cache_dir / (hashlib.sha256(url.encode()).hexdigest()[:32] + ".json")

    def _cached(self, url: str) -> dict | None:
        path = self._cache_path(url)
        if path is None or not path.is_file():
            return None
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def _store(self, url: str, resp: httpx.Response, body: bytes) -> None:
        path = self._cache_path(url)
        if path is None:
            return
        etag, modified = resp.headers.get("ETag"), resp.headers.get("Last-Modified")
        if not etag and not modified:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        entry = {"url": url, "etag": etag, "last_modified": modified, "content_type": resp.headers.get("Content-Type", ""), "body": body.decode("latin-1")}
        path.write_text(json.dumps(entry), encoding="utf-8")

    # ------------------------------------------------------------------ fetch

    def _get_once(self, url: str, headers: dict[str, str]) -> tuple[httpx.Response, bytes]:
        cap = self.settings.max_bytes
        with self._client.stream("GET", url, headers=headers) as resp:
            declared = resp.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > cap:
                raise FetchError(f"{url}: response of {declared} bytes is larger than max_bytes ({cap})")
            chunks: list[bytes] = []
            size = 0
            for chunk in resp.iter_bytes():
                size += len(chunk)
                if size > cap:
                    raise FetchError(f"{url}: response is larger than max_bytes ({cap}); download stopped")
                chunks.append(chunk)
            return resp, b"".join(chunks)

    def _get_with_retries(self, url: str, host: str, headers: dict[str, str]) -> tuple[httpx.Response, bytes]:
        attempts = self.settings.fetch_retries + 1
        for attempt in range(attempts):
            self._wait_turn(host)
            try:
                resp, body = self._get_once(url, headers)
            except httpx.TimeoutException as e:
                if attempt + 1 < attempts:
                    time.sleep(self.backoff * 2**attempt)
                    continue
                raise FetchError(f"{url}: timed out after {self.settings.fetch_timeout}s ({attempts} attempts)") from e
            except httpx.HTTPError as e:
                if attempt + 1 < attempts:
                    time.sleep(self.backoff * 2**attempt)
                    continue
                raise FetchError(f"{url}: request failed ({type(e).__name__}: {e})") from e
            if resp.status_code in _RETRY_STATUS and attempt + 1 < attempts:
                time.sleep(self.backoff * 2**attempt)
                continue
            return resp, body
        raise FetchError(f"{url}: no response after {attempts} attempts")  # pragma: no cover

    def fetch(self, url: str) -> RawDocument:
        """GET one page (following redirects within the cap) and return it as a RawDocument."""
        seen: set[str] = set()
        current = url
        for _hop in range(self.settings.fetch_max_redirects + 1):
            host = self._check_url(current)
            if current in seen:
                raise FetchError(f"{url}: redirect loop at {current}")
            seen.add(current)
            if not self.allowed_by_robots(current):
                raise FetchError(f"{url}: disallowed by robots.txt for {current} (set respect_robots to false only for your own sites)")
            headers: dict[str, str] = {}
            cached = self._cached(current)
            if cached:
                if cached.get("etag"):
                    headers["If-None-Match"] = cached["etag"]
                if cached.get("last_modified"):
                    headers["If-Modified-Since"] = cached["last_modified"]
            resp, body = self._get_with_retries(current, host, headers)
            if resp.status_code in (301, 302, 303, 307, 308):
                location = resp.headers.get("Location")
                if not location:
                    raise FetchError(f"{url}: redirect ({resp.status_code}) without a Location header")
                current = urljoin(current, location)
                continue
            hints = {"http_status": str(resp.status_code)}
            if resp.status_code == 304 and cached:
                body = cached["body"].encode("latin-1")
                ctype = cached.get("content_type", "")
                hints["cache"] = "not-modified"
            elif resp.status_code >= 400:
                raise FetchError(f"{url}: HTTP {resp.status_code} {resp.reason_phrase}")
            else:
                ctype = resp.headers.get("Content-Type", "")
                self._store(current, resp, body)
            if resp.headers.get("Last-Modified"):
                hints["last_modified"] = resp.headers["Last-Modified"]
            encoding = ctype.lower().split("charset=", 1)[1].split(";")[0].strip() if "charset=" in ctype.lower() else None
            kind = sniff(body, current)
            return RawDocument(
                uri=url, content=body, content_type=content_type_for(kind), url=current, encoding=encoding, hints=hints
            )
        raise FetchError(f"{url}: more than {self.settings.fetch_max_redirects} redirects (fetch_max_redirects)")


def fetch_url(url: str, settings: Settings, *, cache_dir: str | Path | None = None) -> RawDocument:
    """Fetch one URL with a fresh :class:`Fetcher` (see the module docstring)."""
    with Fetcher(settings, cache_dir=cache_dir) as f:
        return f.fetch(url)
