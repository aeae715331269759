"""Human-readable renderings: one record (``extract --pretty``), one event, a situation report.

Plain text tables, no colour codes, so the output can be piped, diffed and pasted.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from sitrep.models import Record


def _clip(s: object, n: int) -> str:
    text = "" if s is None else " ".join(str(s).split())
    return text if len(text) <= n else text[: n - 1] + "…"


def table(headers: Sequence[str], rows: Sequence[Sequence[object]], widths: Sequence[int]) -> str:
    line = "  ".join(_clip(h, w).ljust(w) for h, w in zip(headers, widths, strict=True))
    out = [line, "  ".join("-" * w for w in widths)]
    for r in rows:
        out.append("  ".join(_clip(c, w).ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
    return "\n".join(out)


def _place(loc: dict[str, Any]) -> str:
    parts = [loc.get("name"), loc.get("admin1"), loc.get("country")]
    seen: list[str] = []
    for p in parts:
        if p and p not in seen:
            seen.append(p)
    return ", ".join(seen) or "?"


def pretty_record(record: Record) -> str:
    a = record.article
    lines = [
        a.title or "(no title)",
        "=" * min(len(a.title or "(no title)"), 100),
        f"Outlet:     {a.outlet or '?'}" + (f"   (re-posted by {a.aggregator})" if a.aggregator else ""),
        f"By:         {', '.join(a.authors) or '?'}",
        f"Published:  {a.published or '?'} (confidence {a.date_confidence})"
        + (f"; page shows {a.page_date}" if a.page_date and a.page_date != a.published else ""),
        f"Dateline:   {a.dateline or '-'}",
        f"Body:       {len(record.body.split())} words; {len(record.removed)} boilerplate lines removed",
        "",
        f"EVENTS ({len(record.events)})",
    ]
    ev_rows = []
    for e in record.events:
        toll = "" if e.fatalities is None else f"{e.fatalities} killed"
        if e.injured is not None:
            toll += (", " if toll else "") + f"{e.injured} injured"
        ev_rows.append(
            [
                e.id,
                e.sub_event_type,
                " vs ".join(x for x in (e.actor1, e.actor2) if x) or "?",
                _place(e.location.model_dump()),
                e.date or e.date_text or "?",
                toll or "-",
                e.status,
                e.source or "-",
            ]
        )
    lines.append(table(["id", "type", "actors", "where", "when", "toll", "status", "source"], ev_rows, [4, 26, 44, 28, 12, 20, 11, 28]))
    lines += ["", f"CLAIMS ({len(record.claims)})"]
    cl_rows = [
        [c.id, c.source or "?", c.cue or "-", "yes" if c.hedged else "", c.verification, c.text]
        for c in record.claims
    ]
    lines.append(table(["id", "source", "cue", "hedged", "verification", "claim"], cl_rows, [4, 34, 16, 6, 12, 70]))
    return "\n".join(lines)


def pretty_event(ev: dict[str, Any]) -> str:
    loc = ev.get("location") or {}
    lines = [
        f"{ev['id']}  {ev['event_type']} / {ev['sub_event_type']}",
        f"  status:   {ev.get('status')} — {ev.get('status_reason') or ''}",
        f"  where:    {_place(loc)}"
        + (f"  ({loc['lat']:.4f}, {loc['lon']:.4f}, precision {loc.get('geo_precision')})" if loc.get("lat") is not None else ""),
        f"  when:     {ev.get('date') or '?'} (precision {ev.get('time_precision') or '?'})",
        f"  actors:   {ev.get('actor1') or '?'}"
        + (f" with {ev['assoc_actor1']}" if ev.get("assoc_actor1") else "")
        + (f"  vs  {ev['actor2']}" if ev.get("actor2") else ""),
        f"  toll:     {ev.get('fatalities') if ev.get('fatalities') is not None else '?'} killed"
        + (f" (reports range {ev.get('fatalities_low')}–{ev.get('fatalities_high')})" if ev.get("fatalities_low") != ev.get("fatalities_high") else "")
        + (f", {ev['injured']} injured" if ev.get("injured") is not None else ""),
        f"  reports:  {ev.get('n_reports')} from {ev.get('n_independent_sources')} independent source(s)",
    ]
    for s in ev.get("sources") or []:
        via = f" (via {', '.join(s['via'])})" if s.get("via") else ""
        verb = "DENIES" if s.get("stance") == "denies" else "source"
        lines.append(f"    {verb}: {s.get('name', '?')}" + (f" [{s['type']}]" if s.get("type") else "") + via)
    for c in ev.get("contradictions") or []:
        vals = "; ".join(f"{v['value']} per {', '.join(v['sources'])}" for v in c["values"])
        lines.append(f"  CONTRADICTION in {c['field']}: {vals}")
    for m in ev.get("mentions") or []:
        lines.append("")
        lines.append(f"  — {m.get('outlet') or '?'}" + (f" via {m['aggregator']}" if m.get("aggregator") else "") + f", {m.get('published') or '?'}: {m.get('title') or ''}")
        lines.append(f"    source: {m.get('source') or '-'}; status: {m.get('status')}")
        for s in m.get("evidence") or []:
            lines.append(f"    [{s['start']}:{s['end']}] “{_clip(s['text'], 300)}”")
    for c in ev.get("claims") or []:
        lines.append(f"  claim ({c.get('source') or '?'}, {c.get('cue') or '-'}, {c.get('verification')}{', hedged' if c.get('hedged') else ''}): {_clip(c.get('text'), 160)}")
    return "\n".join(lines)


def events_table(events: Sequence[dict[str, Any]]) -> str:
    rows = [
        [
            e["id"],
            e.get("date") or "?",
            e["sub_event_type"],
            _place(e.get("location") or {}),
            e.get("actor1") or "?",
            "-" if e.get("fatalities") is None else e["fatalities"],
            e.get("status"),
            f"{e.get('n_independent_sources')}/{e.get('n_reports')}",
        ]
        for e in events
    ]
    return table(["id", "date", "type", "where", "actor", "killed", "status", "src/rep"], rows, [19, 10, 30, 30, 34, 6, 11, 7])


def situation_report(events: Sequence[dict[str, Any]], stats: dict[str, int]) -> str:
    """A one-screen summary of what the store holds: counts, where, and the latest events."""
    by_type = Counter(e["event_type"] for e in events)
    by_country = Counter((e.get("location") or {}).get("country") or "unknown" for e in events)
    killed = sum(e.get("fatalities") or 0 for e in events)
    status = Counter(e.get("status") for e in events)
    lines = [
        "SITUATION REPORT",
        "================",
        f"{stats.get('articles', 0)} articles, {stats.get('events', 0)} events from {stats.get('mentions', 0)} reports, "
        f"{stats.get('claims', 0)} claims; at least {killed} killed (conservative figures).",
        "By type:    " + ", ".join(f"{k} {v}" for k, v in by_type.most_common()),
        "By country: " + ", ".join(f"{k} {v}" for k, v in by_country.most_common(8)),
        "By status:  " + ", ".join(f"{k} {v}" for k, v in status.most_common()),
        "",
        events_table(events[:25]),
    ]
    contested = [e for e in events if e.get("contradictions")]
    if contested:
        lines += ["", "Sources disagree on:"]
        for e in contested[:10]:
            fields = ", ".join(c["field"] for c in e["contradictions"])
            lines.append(f"  {e['id']} ({_place(e.get('location') or {})}): {fields}")
    return "\n".join(lines)
