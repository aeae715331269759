"""What a byte string is, judged by its content (magic bytes, markup), not its name."""

from __future__ import annotations

import re
from typing import Literal

Kind = Literal["gzip", "warc", "feed", "jsonl", "html", "text", "binary", "empty"]

_FEED = re.compile(rb"<(?:rss|rdf:RDF|feed)\b[^>]*>", re.IGNORECASE)
_HTML = re.compile(rb"<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|br|script|span|a\s)\b", re.IGNORECASE)
_DOCUMENT = re.compile(rb"<(?:!doctype\s+html|html|head|body)\b|</(?:style|script)>", re.IGNORECASE)
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def sniff(data: bytes, name: str = "") -> Kind:
    """The kind of an input from its first bytes (the name only breaks ties)."""
    if not data.strip():
        return "empty"
    if data[:2] == b"\x1f\x8b":
        return "gzip"
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"WARC/"):
        return "warc"
    if head.startswith(b"<?xml") or head.startswith(b"<rss") or head.startswith(b"<feed") or head.startswith(b"<rdf"):
        if _FEED.search(data[:8192]):
            return "feed"
    elif _FEED.search(head[:600]) and not _HTML.search(head[:200]):
        return "feed"
    if head.startswith(b"{") and (b'"url"' in head or b'"html"' in head or b'"text"' in head):
        first = head.split(b"\n", 1)[0].strip()
        if first.endswith(b"}") or name.endswith((".jsonl", ".ndjson", ".json")):
            return "jsonl"
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary"
    sample = data[:8192]
    if sum(1 for b in sample if b in _CONTROL) > 0.05 * len(sample):
        return "binary"
    if _HTML.search(head) and head.count(b"<") >= 3:
        return "html"
    # A page can open with kilobytes of inline <style>/<script> before any other tag: look
    # further for the document's own structure before calling it plain text.
    if head.lstrip().startswith(b"<") and _DOCUMENT.search(data[:262144]):
        return "html"
    return "text"


def content_type_for(kind: Kind) -> str:
    return "text/html" if kind == "html" else "text/plain"
