"""Presentation helpers shared by the API and the pages: evidence in context, highlighted bodies.

These return plain text pieces; escaping is the templates' job (Jinja2 autoescape) or the
browser's (``textContent``), so article text can never become markup.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from sitrep.store import Store
from sitrep.store.schema import articles

CONTEXT_CHARS = 280


def _sentence_bounds(body: str, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) to the surrounding sentence(s), at most CONTEXT_CHARS each way."""
    lo = max(0, start - CONTEXT_CHARS)
    cut = max(body.rfind(". ", lo, start), body.rfind("\n", lo, start))
    left = cut + 1 if cut >= 0 else lo
    hi = min(len(body), end + CONTEXT_CHARS)
    stops = [i for i in (body.find(". ", end, hi), body.find("\n", end, hi)) if i >= 0]
    right = min(stops) + 1 if stops else hi
    return left, right


def evidence_in_context(store: Store, ev: dict[str, Any]) -> list[dict[str, Any]]:
    """Each report's evidence span with the text around it: {before, text, after, outlet, ...}."""
    ids = sorted({m["article_id"] for m in ev.get("mentions") or []})
    with store.engine.connect() as conn:
        bodies = dict(conn.execute(select(articles.c.id, articles.c.body).where(articles.c.id.in_(ids))).all()) if ids else {}
    out = []
    for m in ev.get("mentions") or []:
        body = bodies.get(m["article_id"]) or ""
        for s in m.get("evidence") or []:
            start, end = int(s.get("start") or 0), int(s.get("end") or 0)
            if not (0 <= start < end <= len(body)):
                continue
            left, right = _sentence_bounds(body, start, end)
            out.append({
                "mention_id": m["id"], "article_id": m["article_id"], "outlet": m.get("outlet"),
                "aggregator": m.get("aggregator"), "published": m.get("published"), "title": m.get("title"),
                "url": m.get("url"), "source": m.get("source"), "status": m.get("status"),
                "before": ("…" if left > 0 else "") + body[left:start].lstrip(), "text": body[start:end],
                "after": body[end:right].rstrip() + ("…" if right < len(body) else ""),
                "start": start, "end": end,
            })  # fmt: skip
    return out


def highlight_segments(body: str, spans: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """Split `body` at every span boundary; each piece lists the spans covering it.

    Returns [{"text", "classes", "title", "event_id"}]: classes such as ``ent ent-GPE``,
    ``claim claim-confirmed``, ``ev``; a hover title naming the claim's source and status.
    """
    marks: list[tuple[int, int, str, str, str | None]] = []  # start, end, classes, title, event id
    for e in spans.get("entities") or []:
        marks.append((e["start"], e["end"], f"ent ent-{e['label']}", f"{e['label']}" + (f": {e['canonical']}" if e.get("canonical") else ""), None))
    for c in spans.get("claims") or []:
        if c.get("start") is None:
            continue
        title = f"Claim by {c.get('source') or 'unnamed source'} ({c.get('verification')}{', hedged' if c.get('hedged') else ''})"
        marks.append((c["start"], c["end"], f"claim claim-{(c.get('verification') or 'none').replace(' ', '-')}", title, None))
    for v in spans.get("events") or []:
        if v.get("start") is None:
            continue
        marks.append((v["start"], v["end"], f"ev ev-{v.get('status')}", f"Event: {v.get('sub_event_type')} ({v.get('status')})", v.get("event_id")))
    n = len(body)
    marks = [m for m in marks if 0 <= m[0] < m[1] <= n]
    cuts = sorted({0, n, *[m[0] for m in marks], *[m[1] for m in marks]})
    segs: list[dict[str, Any]] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        cover = [m for m in marks if m[0] <= a and b <= m[1]]
        classes = " ".join(dict.fromkeys(c for m in cover for c in m[2].split()))
        titles = " · ".join(dict.fromkeys(m[3] for m in cover if m[3]))
        event_id = next((m[4] for m in cover if m[4]), None)
        if segs and not cover and not segs[-1]["classes"]:
            segs[-1]["text"] += body[a:b]
            continue
        segs.append({"text": body[a:b], "classes": classes, "title": titles, "event_id": event_id})
    return segs
