"""Inputs → a stream of :class:`RawDocument` (or :class:`Skipped`), detected by content.

``read_inputs(specs, settings, follow=False)`` takes, for each spec:

* a **file**: HTML, plain text, ``.gz`` (gunzipped, then detected again), RSS/Atom feed
  (each entry a document; with ``follow`` the entry's linked page is fetched instead),
  WARC / WARC.gz (response records with HTML, streamed one at a time), JSONL (one object per
  line with ``url`` and ``html`` or ``text``);
* a **directory**: walked recursively in name order, hidden files skipped;
* ``-``: the bytes on standard input, detected the same way;
* an **http(s) URL**: fetched with :mod:`sitrep.ingest.fetch` (a feed URL expands to entries).

Errors: a path that does not exist, or a directory holding no files at all, raises
:class:`~sitrep.errors.InputNotFound`. Everything else that cannot give a page (an empty or
binary file, a bad JSONL line, a failed fetch, the damaged rest of a truncated archive) is
yielded as a :class:`Skipped` with a one-line reason, and the stream goes on.
"""

from __future__ import annotations

import gzip
import io
import logging
import sys
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from sitrep.errors import InputNotFound, SitrepError
from sitrep.ingest.containers import feed_entries, jsonl_records, warc_records
from sitrep.ingest.detect import content_type_for, sniff
from sitrep.models import RawDocument, Skipped
from sitrep.settings import Settings

if TYPE_CHECKING:
    from sitrep.ingest.fetch import Fetcher

log = logging.getLogger("sitrep.ingest")

Item = RawDocument | Skipped
__all__ = ["read_inputs", "read_bytes", "read_path"]


def _gunzip_head(data: bytes, limit: int = 65536) -> bytes:
    try:
        return zlib.decompressobj(wbits=31).decompress(data, limit)
    except zlib.error:
        return b""


def read_bytes(data: bytes, uri: str, settings: Settings, *, follow: bool = False, url: str | None = None) -> Iterator[Item]:
    """Detect and expand one in-memory input (stdin, a fetched body, a gunzipped file)."""
    kind = sniff(data, uri)
    if kind == "gzip":
        try:
            d = zlib.decompressobj(wbits=31)
            inner = d.decompress(data, settings.max_bytes + 1)
            if len(inner) > settings.max_bytes:
                yield Skipped(uri=uri, reason=f"decompressed input is larger than max_bytes ({settings.max_bytes})")
                return
            if not d.eof:
                raise EOFError("compressed stream ended before the end-of-stream marker")
        except (zlib.error, EOFError) as e:
            yield Skipped(uri=uri, reason=f"truncated or corrupt gzip data ({e}); nothing could be read")
            return
        yield from read_bytes(inner, uri, settings, follow=follow, url=url)
        return
    if kind == "warc":
        yield from warc_records(io.BytesIO(data), uri, settings)
    elif kind == "jsonl":
        yield from jsonl_records(io.BytesIO(data), uri, settings)
    elif kind == "feed":
        yield from feed_entries(data, uri, settings, follow=follow, fetch=_fetcher(settings) if follow else None)
    elif kind in ("empty", "binary"):
        yield Skipped(uri=uri, reason=f"the input is {kind}, not a page, feed or archive")
    elif len(data) > settings.max_bytes:
        yield Skipped(uri=uri, reason=f"larger than max_bytes ({settings.max_bytes}); raise max_bytes to read it")
    else:
        yield RawDocument(uri=uri, content=data, content_type=content_type_for(kind), url=url)


def read_path(path: Path, settings: Settings, *, follow: bool = False) -> Iterator[Item]:
    """One file: archives and JSONL are streamed from disk, the rest read whole (up to max_bytes)."""
    uri = str(path)
    try:
        with path.open("rb") as fh:
            head = fh.read(8192)
            kind = sniff(head, path.name)
            if kind == "gzip":
                inner_kind = sniff(_gunzip_head(head + fh.read(65536)), path.name.removesuffix(".gz"))
                fh.seek(0)
                if inner_kind == "warc":
                    yield from warc_records(fh, uri, settings)
                    return
                if inner_kind == "jsonl":
                    yield from jsonl_records(gzip.GzipFile(fileobj=fh), uri, settings)
                    return
            elif kind == "warc":
                fh.seek(0)
                yield from warc_records(fh, uri, settings)
                return
            elif kind == "jsonl":
                fh.seek(0)
                yield from jsonl_records(fh, uri, settings)
                return
            fh.seek(0)
            data = fh.read(settings.max_bytes + 1)
    except OSError as e:
        yield Skipped(uri=uri, reason=f"cannot read the file ({e.strerror or e})")
        return
    if len(data) > settings.max_bytes and kind not in ("gzip", "feed"):
        yield Skipped(uri=uri, reason=f"file is larger than max_bytes ({settings.max_bytes}); raise max_bytes to read it")
        return
    yield from read_bytes(data, uri, settings, follow=follow)


def _walk(directory: Path) -> list[Path]:
    return sorted(
        p
        for p in directory.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(directory).parts)
    )


def _fetcher(settings: Settings) -> Callable[[str], RawDocument]:
    from sitrep.ingest.fetch import Fetcher

    return Fetcher(settings, cache_dir=settings.fetch_cache_dir).fetch


def read_url(url: str, settings: Settings, *, follow: bool = False, fetcher: Fetcher | None = None) -> Iterator[Item]:
    """Fetch one URL (a feed expands to its entries); failures become :class:`Skipped`."""
    from sitrep.ingest.fetch import Fetcher

    fetcher = fetcher or Fetcher(settings, cache_dir=settings.fetch_cache_dir)
    try:
        doc = fetcher.fetch(url)
    except SitrepError as e:
        yield Skipped(uri=url, reason=" ".join(str(e).split()))
        return
    kind = sniff(doc.content, url)
    if kind in ("feed", "warc", "jsonl", "gzip"):
        if kind == "feed":
            yield from feed_entries(doc.content, url, settings, follow=follow, fetch=fetcher.fetch)
        else:
            yield from read_bytes(doc.content, url, settings, follow=follow, url=url)
        return
    yield doc


def read_inputs(specs: list[str], settings: Settings, *, follow: bool = False) -> Iterator[RawDocument | Skipped]:
    """Expand input specs into raw documents (see the module docstring)."""
    fetcher: Fetcher | None = None  # one session for every URL: shared robots.txt cache and host clocks
    for spec in specs:
        if spec == "-":
            yield from read_bytes(sys.stdin.buffer.read(), "<stdin>", settings, follow=follow)
        elif spec.lower().startswith(("http://", "https://")):
            if fetcher is None:
                from sitrep.ingest.fetch import Fetcher

                fetcher = Fetcher(settings, cache_dir=settings.fetch_cache_dir)
            yield from read_url(spec, settings, follow=follow, fetcher=fetcher)
        else:
            path = Path(spec).expanduser()
            if not path.exists():
                raise InputNotFound(f"no such file or directory: {spec}. Check the path (or pass '-' to read standard input)", input=spec)
            if path.is_dir():
                files = _walk(path)
                if not files:
                    raise InputNotFound(f"the directory {spec} holds no files to read (hidden files are skipped)", input=spec)
                for f in files:
                    yield from read_path(f, settings, follow=follow)
            else:
                yield from read_path(path, settings, follow=follow)
