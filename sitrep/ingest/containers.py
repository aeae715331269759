"""Containers holding many pages: WARC (streamed), JSONL (streamed), RSS/Atom feeds.

Each record becomes a :class:`RawDocument`; a bad record becomes a :class:`Skipped` with its
one-line reason and the stream goes on. A truncated archive yields a final ``Skipped`` for the
rest, after every record read before the damage.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

from sitrep.ingest.detect import content_type_for, sniff
from sitrep.models import RawDocument, Skipped
from sitrep.settings import Settings

log = logging.getLogger("sitrep.ingest.containers")

Item = RawDocument | Skipped
_TAG = re.compile(r"<(?:p|div|br|a|img|span|strong|em|ul|li|h[1-6]|blockquote|figure)\b[^>]*>", re.IGNORECASE)


def warc_records(stream: IO[bytes], uri: str, settings: Settings) -> Iterator[Item]:
    """HTML response records of a WARC / WARC.gz stream, one at a time (constant memory)."""
    from warcio.archiveiterator import ArchiveIterator

    n = 0
    try:
        for record in ArchiveIterator(stream, arc2warc=True):
            if record.rec_type != "response":
                continue
            n += 1
            target = record.rec_headers.get_header("WARC-Target-URI") or ""
            rec_uri = f"{uri}#record={n}"
            http = record.http_headers
            ctype = (http.get_header("Content-Type") if http else None) or ""
            if http is not None and ctype and "html" not in ctype.lower():
                continue
            status = http.get_statuscode() if http is not None else "200"
            if status and not str(status).startswith("2"):
                continue
            body = record.content_stream().read(settings.max_bytes + 1)
            if len(body) > settings.max_bytes:
                yield Skipped(uri=rec_uri, reason=f"record larger than max_bytes ({settings.max_bytes}); raise max_bytes to read it")
                continue
            if getattr(record.raw_stream, "limit", 0) > 0:  # the stream ended inside this record
                raise EOFError(f"record {n} is cut short")
            kind = sniff(body)
            if kind in ("empty", "binary"):
                yield Skipped(uri=rec_uri, reason=f"record body is {kind}, not a page")
                continue
            encoding = None
            if "charset=" in ctype.lower():
                encoding = ctype.lower().split("charset=", 1)[1].split(";")[0].strip()
            date = record.rec_headers.get_header("WARC-Date") or ""
            hints = {"warc_date": date} if date else {}
            yield RawDocument(
                uri=rec_uri, content=body, content_type=content_type_for(kind), url=target or None, encoding=encoding, hints=hints
            )
    except Exception as e:  # warcio/gzip raise many kinds (EOFError, zlib.error, ArchiveLoadFailed)
        yield Skipped(
            uri=f"{uri}#record={n}",
            reason=f"the WARC is truncated or corrupt at record {n} ({type(e).__name__}: {e}); records before it were read",
        )


_JSONL_HINTS = ("title", "published", "date", "author", "site_name", "feed_title", "canonical", "aggregator", "outlet")


def jsonl_records(lines: Iterable[bytes], uri: str, settings: Settings) -> Iterator[Item]:
    """One object per line with ``url`` and ``html`` or ``text``; other string fields become hints."""
    lineno = 0
    try:
        for lineno, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            rec_uri = f"{uri}:{lineno}"
            try:
                obj = json.loads(line)
            except ValueError as e:
                yield Skipped(uri=rec_uri, reason=f"line {lineno} is not valid JSON ({e})")
                continue
            if not isinstance(obj, dict):
                yield Skipped(uri=rec_uri, reason=f"line {lineno} is not a JSON object")
                continue
            html, text = obj.get("html"), obj.get("text")
            content = html if isinstance(html, str) and html.strip() else text
            if not isinstance(content, str) or not content.strip():
                yield Skipped(uri=rec_uri, reason=f"line {lineno} has no 'html' or 'text' field with content")
                continue
            data = content.encode("utf-8")
            if len(data) > settings.max_bytes:
                yield Skipped(uri=rec_uri, reason=f"line {lineno} is larger than max_bytes ({settings.max_bytes})")
                continue
            kind = sniff(data)
            ctype = "text/html" if content is html or kind == "html" else "text/plain"
            url = obj.get("url") if isinstance(obj.get("url"), str) else None
            hints = {k: str(obj[k]) for k in _JSONL_HINTS if isinstance(obj.get(k), (str, int, float)) and obj.get(k) != ""}
            yield RawDocument(uri=url or rec_uri, content=data, content_type=ctype, url=url, encoding="utf-8", hints=hints)
    except (OSError, EOFError) as e:
        yield Skipped(uri=f"{uri}:{lineno + 1}", reason=f"the file is truncated or corrupt after line {lineno} ({type(e).__name__}: {e})")


def _entry_hints(entry: Any, feed_title: str | None) -> dict[str, str]:
    hints: dict[str, str] = {}
    for key in ("title", "link", "author"):
        val = entry.get(key)
        if isinstance(val, str) and val.strip():
            hints[key] = val.strip()
    published = entry.get("published") or entry.get("updated")
    if isinstance(published, str) and published.strip():
        hints["published"] = published.strip()
    if feed_title:
        hints["feed_title"] = feed_title
    return hints


def feed_entries(
    data: bytes,
    uri: str,
    settings: Settings,
    *,
    follow: bool = False,
    fetch: Callable[[str], RawDocument] | None = None,
) -> Iterator[Item]:
    """Entries of an RSS/Atom feed: the entry's content (or summary), or with ``follow`` the linked page."""
    import feedparser

    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if parsed.get("bozo") and not entries:
        exc = parsed.get("bozo_exception")
        yield Skipped(uri=uri, reason=f"malformed feed with no readable entries ({type(exc).__name__}: {exc})")
        return
    feed_title = (parsed.get("feed") or {}).get("title")
    for n, entry in enumerate(entries, start=1):
        hints = _entry_hints(entry, feed_title)
        link = hints.get("link")
        entry_uri = link or f"{uri}#entry={n}"
        if follow and link and fetch is not None:
            from sitrep.errors import SitrepError

            try:
                doc = fetch(link)
            except SitrepError as e:
                yield Skipped(uri=link, reason=" ".join(str(e).split()))
                continue
            yield doc.model_copy(update={"hints": {**hints, **doc.hints}})
            continue
        content = ""
        for c in entry.get("content") or []:
            if isinstance(c, dict) and c.get("value"):
                content = c["value"]
                break
        content = content or entry.get("summary") or ""
        if not content.strip():
            yield Skipped(uri=entry_uri, reason=f"feed entry {n} has no content or summary (use --follow to fetch the page)")
            continue
        body = content.encode("utf-8")
        is_markup = _TAG.search(content) is not None  # feed content is an HTML fragment more often than not
        ctype = "text/html" if is_markup else content_type_for(sniff(body))
        yield RawDocument(uri=entry_uri, content=body, content_type=ctype, url=link, encoding="utf-8", hints=hints)
