"""Corroboration decisions, as pure functions over mention dicts (no database here).

A *mention* is one article's report of an event: the store's ``mentions`` row joined with its
article's ``outlet``, ``aggregator``, ``canonical_id`` (the article it copies, if any),
``canonical_outlet`` and ``published``, plus ``claims``: the claim rows its ``claim_ids`` name
(``source``, ``source_type``, ``cue``, ``hedged``, ``verification``, ``text``).

**Same event** (:func:`match_score`, :func:`best_match`). Two reports describe one real-world
event when all of these hold:

- *type family*: both are political violence (Battles, Explosions/Remote violence, Violence
  against civilians), both demonstrations (Protests, Riots), or both strategic developments;
- *date*: the dates differ by at most the sum of each report's slack for its ACLED time
  precision (:data:`DATE_SLACK`: day 1, week 7, month 31 days); an undated report is placed at
  its article's publication date with a week's slack backwards;
- *place*: coordinates within a radius set by the coarser geo precision (:data:`GEO_RADIUS_KM`:
  1 → 10 km, 2 → 50 km; 3 → the same admin1); without coordinates, the same place name or the
  same admin1; never two different countries;
- *actors*: when both reports name both sides, at least one actor is shared (fuzzy names).

Among candidates that pass, the highest score (same sub-event type, shared actors, same place
name, closer date and coordinates) wins; ``None`` means a new event.

**Independent sources** (:func:`event_sources`). Reports are grouped into *stories*: an
original article and its copies (exact or near-duplicate body, ``canonical_id``; aggregator
re-posts, re-posts months later). Copies are not corroboration. Each story gives one *original
source*: the source its report attributes the event to (a ministry, a military's Telegram
channel, a named official, "two security sources"), or the outlet's own reporting when nothing
is attributed. A story that cites another outlet ("according to the Sahel Observer") relays
that outlet; when that outlet's own story is in the event, the citation resolves to its
original source. Anonymous sources are distinct per outlet. Stories with the same original
source (fuzzy names) are one source; ``n_independent_sources`` is the number of distinct
original sources, and ``sources`` lists each with the outlets (and aggregators) that relayed
it, plus the parties that deny something (``stance: denies``).

**Status** (:func:`decide_status`), first rule that applies:

1. ``disputed`` — a party denies or contests the event (a claim with a denial cue or disputed
   verification, or a report whose own status is disputed);
2. ``confirmed`` — an outlet states it verified the event (confirmed verification), or at
   least two independent original sources report it;
3. ``unconfirmed`` — one original source, and a report says it could not be verified or the
   claim is hedged ("reportedly");
4. ``reported`` — one original source, attributed, neither verified nor hedged.

The event's ``status_reason`` says which rule applied and names the sources.

**Contradictions** (:func:`find_contradictions`): distinct fatalities or injured figures,
day-precision dates more than a day apart, precise places more than 10 km apart, or actors
that share nothing; each lists every value with the sources that gave it. Tolls follow UCDP's
best/low/high: ``fatalities`` is the conservative figure (the lowest among original sources,
each source's latest figure), ``fatalities_low``/``fatalities_high`` the range.

**Claim clusters** (:func:`cluster_claims`): the same source saying a similar thing
(rapidfuzz ``token_set_ratio`` ≥ :data:`CLAIM_SIMILARITY`) across articles is one cluster;
:func:`denial_links` pairs a denial with the claims of other sources it contradicts.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sitrep.store.schema import EVENT_COLUMNS

#: Event types that can describe the same real-world event, by ACLED's disorder families.
TYPE_FAMILY: dict[str, str] = {
    "Battles": "political violence",
    "Explosions/Remote violence": "political violence",
    "Violence against civilians": "political violence",
    "Protests": "demonstrations",
    "Riots": "demonstrations",
    "Strategic developments": "strategic developments",
}
#: Days a report's date may be off, by ACLED time precision (1 day, 2 week, 3 month).
DATE_SLACK: dict[int, int] = {1: 1, 2: 7, 3: 31}
#: Days before its publication an undated report's event may have happened.
UNDATED_LOOKBACK = 7
#: Largest distance between two reports of one event, by the coarser ACLED geo precision;
#: precision 3 (region) compares admin1 instead.
GEO_RADIUS_KM: dict[int, float] = {1: 10.0, 2: 50.0}
#: Used when a precision-3 report has coordinates but no admin1 on one side.
REGION_RADIUS_KM = 150.0
#: Lowest score at which a report joins a candidate event.
MATCH_THRESHOLD = 0.5
#: rapidfuzz ratio at which two actor or source names are the same.
NAME_SIMILARITY = 88
#: rapidfuzz token_set_ratio at which two claims of one source are the same claim.
CLAIM_SIMILARITY = 70

#: Cue words of a denial (a general lexicon of the news trade, not any article's words).
DENIAL_WORDS = frozenset(
    "deny denies denied denying denial reject rejects rejected rejecting dismiss dismisses dismissed "
    "refute refutes refuted dispute disputes disputed contest contests contested contradict contradicted".split()
)
_DENIAL_TEXT = re.compile(
    r"\b(?:denie[sd]|deny(?:ing)?|rejected (?:the )?(?:claims?|reports?)|dismissed (?:the )?(?:claims?|reports?)|"
    r"refuted|(?:claims?|reports?) (?:are|were|was|is) (?:false|fabricated|untrue)|fabricated|propaganda)\b",
    re.I,
)
_STOP = frozenset("of the a an and for in on at to".split())
_NAME_NOISE = re.compile(r"[^0-9a-z ]+")


# --------------------------------------------------------------------------- small helpers


def parse_date(s: str | None) -> date | None:
    try:
        return date.fromisoformat(s[:10]) if s else None
    except ValueError:
        return None


def norm_name(name: str | None) -> str:
    """Comparison key for actor and source names: lower case, no possessive, no leading 'the'."""
    if not name:
        return ""
    s = re.sub(r"'s\b", "", name.lower().replace("’", "'")).replace("'", "")
    s = _NAME_NOISE.sub(" ", s)
    s = re.sub(r"^the ", "", " ".join(s.split()))
    return s


def names_match(a: str | None, b: str | None) -> bool:
    from rapidfuzz import fuzz

    na, nb = norm_name(a), norm_name(b)
    if not na or not nb:
        return False
    if na == nb or fuzz.token_sort_ratio(na, nb) >= NAME_SIMILARITY:
        return True
    # a bare head noun names the fuller name it abbreviates ("the ministry", "Russia's defence ministry")
    ta, tb = set(na.split()) - _STOP, set(nb.split()) - _STOP
    return bool(ta and tb) and (ta <= tb or tb <= ta)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def family(event_type: str | None) -> str:
    return TYPE_FAMILY.get(event_type or "", event_type or "")


def family_types(event_type: str | None) -> tuple[str, ...]:
    """The event types a report of `event_type` may be fused with (for the candidate query)."""
    fam = family(event_type)
    same = tuple(t for t, f in TYPE_FAMILY.items() if f == fam)
    return same or ((event_type,) if event_type else ())


# --------------------------------------------------------------------------- same event


def _slack(m: dict[str, Any]) -> int:
    return DATE_SLACK.get(m.get("time_precision") or 1, 1)


def date_span(m: dict[str, Any]) -> tuple[date, date] | None:
    """The dates the event a report describes may have (its date ± slack, or before publication)."""
    d = parse_date(m.get("date"))
    if d is not None:
        s = timedelta(days=_slack(m))
        return d - s, d + s
    p = parse_date(m.get("published"))
    if p is not None:
        return p - timedelta(days=UNDATED_LOOKBACK), p
    return None


def date_window(m: dict[str, Any], other_precision: int = 2) -> tuple[str | None, str | None]:
    """Dates an event of time precision up to `other_precision` must carry to match report `m`:
    this report's span widened by that precision's slack (the candidate query runs once for day
    and week precision, once for month precision)."""
    span = date_span(m)
    if span is None:
        return None, None
    widen = timedelta(days=DATE_SLACK[other_precision])
    return (span[0] - widen).isoformat(), (span[1] + widen).isoformat()


def _date_fit(m: dict[str, Any], e: dict[str, Any]) -> float | None:
    """None when the dates cannot be one event; else a score in [0, 1] (1 = same day).

    An event may carry ``report_dates``: the (date, time precision) of each of its reports; the
    best fitting one counts, so an event is not pinned to whichever date won its vote.
    """
    others = e.get("report_dates")
    if others:
        fits = [_date_fit(m, {"date": d, "time_precision": tp}) for d, tp in others]
        known = [f for f in fits if f is not None]
        return max(known) if known else None
    a, b = date_span(m), date_span(e)
    if a is None or b is None:
        return 0.3
    if a[0] > b[1] or b[0] > a[1]:
        return None
    da, db = parse_date(m.get("date")), parse_date(e.get("date"))
    if da and db:
        gap = abs((da - db).days)
        return 1.0 / (1 + gap)
    return 0.3


def resolved_place(m: dict[str, Any]) -> bool:
    """The place was found in the gazetteer (coordinates, region or country), not only named."""
    return m.get("lat") is not None or any(m.get(k) for k in ("admin1", "country", "iso"))


def _place_fit(m: dict[str, Any], e: dict[str, Any], *, unresolved_ok: bool = False) -> float | None:
    """None when the places cannot be one event; else a score in [0, 1].

    A place name the gazetteer did not resolve only matches the same name, unless
    ``unresolved_ok`` (a report from the same story), where it counts as unknown.
    """
    if not (resolved_place(m) and resolved_place(e)):
        na, nb = norm_name(m.get("location_name")), norm_name(e.get("location_name"))
        if na and na == nb:
            return 0.9
        return 0.5 if unresolved_ok else None
    ia, ib = (m.get("iso") or "").upper(), (e.get("iso") or "").upper()
    if ia and ib and ia != ib:
        return None
    ca, cb = norm_name(m.get("country")), norm_name(e.get("country"))
    if not (ia and ib) and ca and cb and ca != cb:
        return None
    if m.get("geonameid") and m.get("geonameid") == e.get("geonameid"):
        return 1.0
    na, nb = norm_name(m.get("location_name")), norm_name(e.get("location_name"))
    same_name = bool(na and nb and na == nb)
    prec = max(m.get("geo_precision") or 3, e.get("geo_precision") or 3)
    has_coords = all(x.get(k) is not None for x in (m, e) for k in ("lat", "lon"))
    a1, b1 = norm_name(m.get("admin1")), norm_name(e.get("admin1"))
    if prec >= 3:
        if a1 and b1:
            return 0.6 if a1 == b1 else None
        if has_coords:
            dist = haversine_km(m["lat"], m["lon"], e["lat"], e["lon"])
            return 0.5 if dist <= REGION_RADIUS_KM else None
        return 0.8 if same_name else (0.3 if not (na and nb) else None)
    if has_coords:
        dist = haversine_km(m["lat"], m["lon"], e["lat"], e["lon"])
        radius = GEO_RADIUS_KM[prec]
        if dist > radius:
            return None
        return 1.0 - 0.5 * dist / radius
    if same_name:
        return 0.9
    if a1 and b1 and a1 != b1:
        return None
    return 0.3 if not (na and nb) else None


def actor_names(m: dict[str, Any]) -> list[str]:
    return [m[k] for k in ("actor1", "actor2", "assoc_actor1", "assoc_actor2") if m.get(k)]


def _actor_fit(m: dict[str, Any], e: dict[str, Any]) -> float | None:
    am, ae = actor_names(m), actor_names(e)
    if not am or not ae:
        return 0.5
    shared = any(names_match(x, y) for x in am for y in ae)
    if shared:
        return 1.0
    both_sides = m.get("actor1") and m.get("actor2") and e.get("actor1") and e.get("actor2")
    return None if both_sides else 0.2


def has_place(m: dict[str, Any]) -> bool:
    return any(m.get(k) for k in ("location_name", "admin1", "country", "iso")) or m.get("lat") is not None


def match_score(m: dict[str, Any], e: dict[str, Any], *, same_story: bool = False) -> float:
    """How well report `m` fits event (or report) `e`: 0 when they cannot be one event.

    ``same_story``: `e` already holds a report from the same article or a copy of it. A page
    re-posted months later resolves "on Sunday" against its own date, and an article's second
    report of an event often names no place, so then only type, place (if any) and actors count.
    Otherwise a report with no place never joins an event, and an undated one only an event of
    the same sub-event type.
    """
    if family(m.get("event_type")) != family(e.get("event_type")):
        return 0.0
    if not same_story:
        if not (has_place(m) and has_place(e)):
            return 0.0
        e_dated = parse_date(e.get("date")) or any(parse_date(d) for d, _ in e.get("report_dates") or [])
        undated = not (parse_date(m.get("date")) and e_dated)
        if undated and m.get("sub_event_type") != e.get("sub_event_type"):
            return 0.0
    place = _place_fit(m, e, unresolved_ok=same_story) if (has_place(m) and has_place(e)) else 0.5
    fits = (1.0 if same_story else _date_fit(m, e), place, _actor_fit(m, e))
    if any(f is None for f in fits):
        return 0.0
    d, p, a = (float(f) for f in fits if f is not None)
    score = 0.3 * d + 0.35 * p + 0.2 * a
    if m.get("sub_event_type") and m.get("sub_event_type") == e.get("sub_event_type"):
        score += 0.15
    elif m.get("event_type") == e.get("event_type"):
        score += 0.08
    return round(score, 4)


def same_event(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return match_score(a, b) >= MATCH_THRESHOLD


def best_match(m: dict[str, Any], candidates: list[dict[str, Any]], copy_events: frozenset[str] = frozenset()) -> str | None:
    """The id of the candidate event report `m` belongs to, or None for a new event.

    ``copy_events``: ids of candidates that already hold a report of the same story (an
    original or a copy of the article `m` comes from); they are matched without the date test.
    """
    best: tuple[float, str] | None = None
    for c in candidates:
        s = match_score(m, c, same_story=str(c["id"]) in copy_events)
        if s >= MATCH_THRESHOLD and (best is None or s > best[0]):
            best = (s, str(c["id"]))
    return best[1] if best else None


# --------------------------------------------------------------------------- sources


def is_denial(claim: dict[str, Any]) -> bool:
    """A claim whose speaker denies or contests something ("the ministry denied ...")."""
    cue = (claim.get("cue") or "").lower().split()
    if any(w in DENIAL_WORDS for w in cue):
        return True
    if claim.get("verification") == "disputed" and _DENIAL_TEXT.search(claim.get("evidence_text") or ""):
        return True
    return bool(_DENIAL_TEXT.match((claim.get("text") or "").strip()))


def reporting_outlet(m: dict[str, Any]) -> str:
    """Who published the report: the original outlet for a copy, never the aggregator."""
    return str(m.get("canonical_outlet") or m.get("outlet") or m.get("aggregator") or m.get("article_id") or "?")


def story_key(m: dict[str, Any]) -> str:
    """One key per story: an article and all its copies (exact or near-duplicate) share it."""
    return str(m.get("canonical_id") or m.get("article_id") or m.get("id"))


@dataclass
class Story:
    """One original report and its copies, with the original source it gives for the event."""

    key: str
    outlet: str
    relays: list[str]  # the outlet, then aggregators that re-posted it
    source: str  # the original source as the report names it (or the outlet's own reporting)
    source_type: str | None
    mentions: list[dict[str, Any]] = field(default_factory=list)


def _is_dateline(name: str, m: dict[str, Any]) -> bool:
    """A dateline city read as a speaker ("MOSCOW, Jan 12 (Agency) - ... said"): never a source."""
    dateline = norm_name(str(m.get("dateline") or "").split(",")[0])
    return bool(dateline) and norm_name(name) == dateline


def _primary(ms: list[dict[str, Any]], outlet: str) -> tuple[str, str | None]:
    """The original source a story gives: its first report's attributed source (the event's
    source, else its claims' speakers in order), else the outlet's own reporting."""
    for m in ms:
        claims = [c for c in m.get("claims") or [] if not is_denial(c)]
        for src in [m.get("source"), *(c.get("source") for c in claims)]:
            if not src or names_match(src, outlet) or _is_dateline(src, m):
                continue
            stype = next((c.get("source_type") for c in claims if names_match(c.get("source"), src)), None)
            if stype == "anonymous":
                return f"{src} ({outlet})", stype
            return str(src), stype
    return outlet, "media"


def stories(ms: list[dict[str, Any]]) -> list[Story]:
    """Reports grouped into stories (copies collapse), originals first, each with its primary source."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for m in sorted(ms, key=lambda m: (bool(m.get("canonical_id")), m.get("published") or "", str(m.get("id")))):
        groups[story_key(m)].append(m)
    out = []
    for key, group in groups.items():
        outlet = reporting_outlet(group[0])
        relays = [outlet]
        for m in group:
            for name in (reporting_outlet(m), m.get("aggregator")):
                if name and not any(names_match(name, r) for r in relays):
                    relays.append(str(name))
        src, stype = _primary(group, outlet)
        out.append(Story(key, outlet, relays, src, stype, group))
    # a story citing another outlet whose own report is here relays that report's source
    for st in out:
        seen = {st.key}
        while True:
            cited = next((o for o in out if o.key not in seen and names_match(st.source, o.outlet)), None)
            if cited is None:
                break
            seen.add(cited.key)
            st.source, st.source_type = cited.source, cited.source_type
    return out


@dataclass
class EventSources:
    supporting: list[dict[str, Any]] = field(default_factory=list)  # [{name, type, via: [outlets]}]
    denying: list[dict[str, Any]] = field(default_factory=list)
    source_of: dict[str, str] = field(default_factory=dict)  # mention id → its original source's name


def _add(groups: list[dict[str, Any]], name: str, stype: str | None, via: list[str]) -> dict[str, Any]:
    for g in groups:
        if names_match(g["name"], name):
            break
    else:
        g = {"name": name, "type": stype, "via": []}
        groups.append(g)
    g["type"] = g["type"] or stype
    for v in via:
        if v not in g["via"]:
            g["via"].append(v)
    return g


def event_sources(ms: list[dict[str, Any]]) -> EventSources:
    """Original sources of an event with the outlets that relayed each; copies and citations collapse.

    Each story (an original report with its copies) gives one original source, the one its
    report attributes the event to; stories giving the same source (fuzzy name) are one source.
    Parties whose claims deny something are listed as denying.
    """
    out = EventSources()
    denials: list[tuple[str, str | None, str]] = []
    for m in ms:
        for c in m.get("claims") or []:
            if is_denial(c) and (c.get("source") or c.get("source_text")):
                denials.append((str(c.get("source") or c.get("source_text")), c.get("source_type"), reporting_outlet(m)))
    for name, stype, via in denials:
        _add(out.denying, name, stype, [via])
    for st in stories(ms):
        # a story's lead source counts even when that party denies part of it elsewhere ("the army
        # said it repelled the attack and denied heavy losses" is the army's account of the event)
        g = _add(out.supporting, st.source, st.source_type, st.relays)
        for m in st.mentions:
            out.source_of[str(m.get("id"))] = g["name"]
    out.supporting.sort(key=lambda g: (-len(g["via"]), g["name"]))
    return out


# --------------------------------------------------------------------------- status


def denied_in_evidence(m: dict[str, Any]) -> bool:
    """The report's own evidence sentences carry a denial ("the army said, denying claims ...")."""
    return any(_DENIAL_TEXT.search(str(span.get("text") or "")) for span in m.get("evidence") or [] if isinstance(span, dict))


def decide_status(ms: list[dict[str, Any]], srcs: EventSources) -> tuple[str, str]:
    """(status, reason) from the reports' evidence; the rules are in the module docstring."""
    claims = [c for m in ms for c in m.get("claims") or []]
    if srcs.denying or any(m.get("status") == "disputed" or denied_in_evidence(m) for m in ms):
        who = ", ".join(g["name"] for g in srcs.denying) or "a report"
        return "disputed", f"{who} denied or contested it"
    verified_by = sorted(
        {reporting_outlet(m) for m in ms if m.get("status") == "confirmed"}
        | {reporting_outlet(m) for m in ms for c in m.get("claims") or [] if c.get("verification") == "confirmed"}
    )
    if verified_by:
        return "confirmed", f"verified by {', '.join(verified_by)}"
    n = len(srcs.supporting)
    if n >= 2:
        names = ", ".join(g["name"] for g in srcs.supporting[:4])
        return "confirmed", f"{n} independent sources report it ({names})"
    only = srcs.supporting[0]["name"] if srcs.supporting else "one source"
    if any(m.get("status") == "unconfirmed" for m in ms) or any(c.get("verification") == "unconfirmed" for c in claims):
        return "unconfirmed", f"single source ({only}); a report says it could not be verified"
    if any(c.get("hedged") for c in claims):
        return "unconfirmed", f"single source ({only}), hedged"
    return "reported", f"single source ({only}), attributed, not verified"


# --------------------------------------------------------------------------- contradictions


def _label(m: dict[str, Any], source_of: dict[str, str]) -> str:
    """Who gave a report's figures: its own attributed source, else its story's, and the outlet."""
    via = reporting_outlet(m)
    src = m.get("source")
    if not src or names_match(src, via):
        src = source_of.get(str(m.get("id"))) or via
    return via if names_match(src, via) else f"{src} via {via}"


def _values(ms: list[dict[str, Any]], col: str, source_of: dict[str, str]) -> dict[Any, list[str]]:
    out: dict[Any, list[str]] = defaultdict(list)
    for m in ms:
        v = m.get(col)
        if v is None:
            continue
        s = _label(m, source_of)
        if s not in out[v]:
            out[v].append(s)
    return out


def originals(ms: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The reports that are not copies (a copy re-posted months later re-dates relative dates)."""
    return [m for m in ms if not m.get("canonical_id")] or ms


def _as_contradiction(col: str, vals: dict[Any, list[str]]) -> dict[str, Any]:
    return {"field": col, "values": [{"value": v, "sources": sorted(s)} for v, s in sorted(vals.items(), key=lambda kv: kv[0])]}


def find_contradictions(ms: list[dict[str, Any]], source_of: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """Fields on which the reports disagree, each value with the sources that gave it."""
    if source_of is None:
        source_of = event_sources(ms).source_of
    out: list[dict[str, Any]] = []
    for col in ("fatalities", "injured"):
        vals = _values(ms, col, source_of)
        if len(vals) > 1:
            out.append(_as_contradiction(col, vals))
    day = [m for m in originals(ms) if (m.get("time_precision") or 1) == 1 and parse_date(m.get("date"))]
    dates = _values(day, "date", source_of)
    parsed = [parse_date(d) for d in dates]
    if len(dates) > 1 and max(p for p in parsed if p) - min(p for p in parsed if p) > timedelta(days=1):
        out.append(_as_contradiction("date", dates))
    precise = [m for m in ms if (m.get("geo_precision") or 3) == 1 and m.get("lat") is not None and m.get("lon") is not None]
    far = any(
        haversine_km(a["lat"], a["lon"], b["lat"], b["lon"]) > GEO_RADIUS_KM[1] for i, a in enumerate(precise) for b in precise[i + 1 :]
    )
    if far:
        out.append(_as_contradiction("location", _values(precise, "location_name", source_of)))
    actors = [m for m in ms if m.get("actor1")]
    groups: list[list[dict[str, Any]]] = []
    for m in actors:
        for g in groups:
            if any(names_match(x, y) for x in actor_names(m) for y in actor_names(g[0])):
                g.append(m)
                break
        else:
            groups.append([m])
    if len(groups) > 1:
        out.append(_as_contradiction("actor1", _values(actors, "actor1", source_of)))
    return out


def toll_range(
    ms: list[dict[str, Any]], col: str = "fatalities", source_of: dict[str, str] | None = None
) -> tuple[int | None, int | None, int | None]:
    """(best, low, high): best is the lowest of each original source's latest figure (ACLED-style
    conservative); low/high span every figure reported."""
    if source_of is None:
        source_of = event_sources(ms).source_of
    figures = [(m.get("published") or "", norm_name(_label(m, source_of).split(" via ")[0]), m[col])
               for m in ms if m.get(col) is not None]
    if not figures:
        return None, None, None
    latest: dict[str, tuple[str, int]] = {}
    for pub, src, v in sorted(figures, key=lambda f: f[0]):
        latest[src] = (pub, int(v))
    best = min(v for _, v in latest.values())
    values = [int(f[2]) for f in figures]
    return best, min(values), max(values)


# --------------------------------------------------------------------------- summary


def _most_precise(ms: list[dict[str, Any]], prec_col: str, key_col: str) -> dict[str, Any] | None:
    with_value = [m for m in ms if m.get(key_col) is not None]
    if not with_value:
        return None
    top = min((m.get(prec_col) or 9) for m in with_value)
    pool = [m for m in with_value if (m.get(prec_col) or 9) == top]
    value = Counter(m[key_col] for m in pool).most_common(1)[0][0]  # ties: the first (oldest) report
    return next(m for m in pool if m[key_col] == value)


_LOCATION_COLS = ("location_name", "admin1", "admin2", "country", "iso", "lat", "lon", "geo_precision", "geonameid")


def summarise(ms: list[dict[str, Any]]) -> dict[str, Any]:
    """An event's fields from all its reports: the values most reports give (the most precise
    place and date), the toll range, the original sources, the status and the contradictions."""
    out: dict[str, Any] = {}
    for col in EVENT_COLUMNS:
        values = [m[col] for m in ms if m.get(col) is not None]
        out[col] = Counter(values).most_common(1)[0][0] if values else None
    place = _most_precise(ms, "geo_precision", "location_name") or _most_precise(ms, "geo_precision", "country")
    if place:
        out.update({k: place.get(k) for k in _LOCATION_COLS})
    when = _most_precise(originals(ms), "time_precision", "date")
    if when:
        out["date"], out["time_precision"] = when["date"], when.get("time_precision")
    types = Counter((m["event_type"], m["sub_event_type"]) for m in ms)
    out["event_type"], out["sub_event_type"] = types.most_common(1)[0][0]
    srcs = event_sources(ms)
    out["fatalities"], out["fatalities_low"], out["fatalities_high"] = toll_range(ms, "fatalities", srcs.source_of)
    out["injured"] = toll_range(ms, "injured", srcs.source_of)[0]
    out["n_reports"] = len({m.get("article_id") for m in ms})
    out["n_independent_sources"] = max(1, len(srcs.supporting))
    out["sources"] = [{**g, "stance": "reports"} for g in srcs.supporting] + [{**g, "stance": "denies"} for g in srcs.denying]
    out["contradictions"] = find_contradictions(ms, srcs.source_of)
    out["status"], out["status_reason"] = decide_status(ms, srcs)
    return out


# --------------------------------------------------------------------------- claims


def cluster_claims(claims: list[dict[str, Any]]) -> dict[str, str]:
    """claim id → cluster id: one cluster per source saying a similar thing (across articles).

    Greedy single pass in the given order (callers pass claims oldest first, so a cluster is
    named after its first claim and stays stable as new articles arrive).
    """
    from rapidfuzz import fuzz

    clusters: list[tuple[str, dict[str, Any]]] = []
    out: dict[str, str] = {}
    for c in claims:
        text = (c.get("text") or "").lower()
        for cid, head in clusters:
            same_src = names_match(c.get("source"), head.get("source")) or (not c.get("source") and not head.get("source"))
            if same_src and is_denial(c) == is_denial(head) and fuzz.token_set_ratio(text, (head.get("text") or "").lower()) >= CLAIM_SIMILARITY:
                out[str(c["id"])] = cid
                break
        else:
            cid = c.get("cluster_id") or "cc_" + hashlib.sha256(str(c["id"]).encode()).hexdigest()[:16]
            clusters.append((cid, c))
            out[str(c["id"])] = cid
    return out


def denial_links(claims: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """(denial claim id, denied claim id): each denial against the other sources' claims of the event."""
    links = []
    for d in claims:
        if not is_denial(d):
            continue
        for c in claims:
            if c is d or is_denial(c) or names_match(c.get("source"), d.get("source")):
                continue
            links.append((str(d["id"]), str(c["id"])))
    return links
