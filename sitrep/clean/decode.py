"""Bytes → text: BOM, declared charset, then detection; never a crash on bad bytes.

Order of evidence, strongest first:

1. a byte-order mark (UTF-8/16/32);
2. the charset the container declared (``raw.encoding``: HTTP ``Content-Type``, WARC header, ...);
3. a ``<meta charset>`` / ``http-equiv`` declaration inside the first 4 KB of HTML;
4. strict UTF-8 (most of the web, cheap to check);
5. charset-normalizer's detection; cp1252 with replacement as the last resort.

A declared charset that fails to decode the bytes strictly is ignored (servers lie).
Empty input and binary content (NUL bytes, mostly control characters) raise
:class:`~sitrep.errors.UnreadableInput`.
"""

from __future__ import annotations

import codecs
import logging
import re

from sitrep.errors import UnreadableInput
from sitrep.models import RawDocument

log = logging.getLogger("sitrep.clean.decode")

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
#: Bytes that never occur in text: C0 controls other than tab, LF, FF, CR, ESC.
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def declared_charset(raw: RawDocument) -> str | None:
    """The charset the container or the page declares, if Python knows it."""
    enc = _codec(raw.encoding)
    if enc:
        return enc
    m = _META_CHARSET.search(raw.content[:4096])
    if m:
        return _codec(m.group(1).decode("ascii", "ignore"))
    return None


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text in any 8-bit or UTF-8 encoding (NULs, many controls)."""
    sample = data[:8192]
    if not sample:
        return False
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return False
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL))  # one C pass, not a Python loop
    return controls / len(sample) > 0.05


def decode_bytes(raw: RawDocument) -> str:
    """Decode ``raw.content`` to text (see the module docstring for the order of evidence)."""
    data = raw.content
    if not data or not data.strip():
        raise UnreadableInput("the input is empty: there is no text to read", input=raw.uri)
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc, errors="replace")
    if looks_binary(data):
        raise UnreadableInput(
            "the input is binary (NUL or control bytes), not a text or HTML page; pass a page, feed or archive",
            input=raw.uri,
        )
    declared = declared_charset(raw)
    if declared:
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            log.debug("%s: declared charset %s does not decode the bytes; detecting", raw.uri, declared)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    results = from_bytes(data[:200_000])
    best = results.best()
    if best is not None and best.encoding:
        encoding = best.encoding
        # single-byte Latin code pages often tie; the web's most common one wins a tie
        for match in results:
            if match.encoding == "cp1252" and match.chaos <= best.chaos + 0.01:
                encoding = "cp1252"
        return data.decode(encoding, errors="replace")
    return data.decode("cp1252", errors="replace")
