"""Datelines and outlet names: places that never locate an event (split out of events.py)."""

from __future__ import annotations

import re

from sitrep.models import Article

#: A dateline opening a paragraph: "CAIRO —", "KYIV, Ukraine —", "CAIRO, June 2 (Meridian Wire) -", "Srinagar:".
_DATELINE_RE = re.compile(
    r"(?P<place>[A-Z][A-Za-z'’.\- ]{1,40}?)(?:,\s*[A-Z][\w.'’ -]{1,30}?)?(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"(?:\s*\([^)]{2,40}\))?\s*(?:—|–|--|-|:)\s+")
#: Words that make a preceding place name part of an outlet's name ("the Sahel Observer", "Kyiv Independent").
_MEDIA_NAME = re.compile(
    r"\s+(?:Observer|Times|Post|Herald|Chronicle|News|Courier|Monitor|Today|Daily|Voice|Wire|Dispatch|Digest|Tribune|"
    r"Journal|Gazette|Agency|Report|Review|Press|Telegraph|Independent|Standard|Express|Guardian|Mail|Online|TV|Radio|"
    r"Broadcasting|Television|Insider|Pravda|Weekly|Mirror|Star|Sun|Focus)\b")


def excluded_place_spans(body: str, article: Article) -> list[tuple[int, int]]:
    """Character ranges whose place names never locate an event: the dateline opening a paragraph
    (where the reporter filed from) and outlet names ("the Sahel Observer reported")."""
    out: list[tuple[int, int]] = []
    starts = [0] + [m.end() for m in re.finditer(r"\n\s*\n?", body[:3000])]
    for a in starts:
        m = _DATELINE_RE.match(body, a)
        if m is None or m.end() - a > 70:
            continue
        place = m.group("place").strip()
        first = (article.dateline or "").split(",")[0].strip().lower()
        if place.isupper() and len(place) >= 3 or (first and place.lower() == first):
            out.append((a, m.end()))
    for name in {article.outlet, article.aggregator} - {None, ""}:
        for m in re.finditer(re.escape(str(name)), body):
            out.append((m.start(), m.end()))
    return out


def _dateline_place(body: str, article: Article, excluded: list[tuple[int, int]]) -> str | None:
    """The dateline place when the article is local to it: named again in the body outside the dateline."""
    name = (article.dateline or "").split(",")[0].strip()
    if not name or len(name) < 3:
        return None
    for m in re.finditer(rf"\b{re.escape(name)}\b", body, re.I):
        if not any(a <= m.start() < b for a, b in excluded) and body[m.start()].isupper():
            return name
    return None
