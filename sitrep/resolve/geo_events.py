"""Event locations: the place an event happened, ACLED-style, from a record's resolved toponyms.

An event gets the most specific place the text supports; when the named place is not in the
gazetteer, the location falls back (as ACLED does) to the smallest containing region the text
names, with the name kept as written and ``geo_precision`` 2 (district) or 3 (region). Sea
events get the water body's point, and a country only when the text ties the water to a coast.
Coordinates are never invented: no resolved place and no named region → no coordinates.
"""

from __future__ import annotations

import re
from collections import Counter

from sitrep.models import Location, Toponym
from sitrep.resolve.gazetteer import Gazetteer, Place
from sitrep.resolve.geo_names import name_key, split_admin_word
from sitrep.resolve.geo_rank import Resolved, _context_from, _inside, _toponym, candidates, resolve_mention
from sitrep.resolve.geo_recognize import Mention, is_plausible_toponym

#: Words that make a name a body of water ("Gulf of Aden", "Red Sea", "Strait of Hormuz").
_WATER_WORD_RE = re.compile(r"\b(?:sea|ocean|gulf|straits?|bay|channel)\b")
#: Seas and oceans usually written without their word (a general list, not any article's).
_BARE_SEAS = frozenset(
    "mediterranean atlantic pacific baltic adriatic aegean caribbean arctic antarctic ionian tyrrhenian "
    "ligurian levantine".split()
)
#: A coast or waters the text ties a sea event to: "off (the coast of) X", "X's coast", "waters of X".
_OFF_BEFORE_RE = re.compile(r"\b(?:off|coast of|coastline of|waters of|shores? of)\s+(?:the\s+)?$", re.IGNORECASE)
_WATER_IN_RE = re.compile(r"^,?\s+(?:in|off|near)\s+(?:the\s+)?$")  # "the Black Sea in|off Ukraine"
_OFF_AFTER_RE = re.compile(r"^['’]s?\s+(?:territorial\s+)?(?:coast|coastline|waters|shores?)\b", re.IGNORECASE)


def event_location(
    gaz: Gazetteer,
    body: str,
    current: Location,
    evidence: list,  # list[Span]
    toponyms: list[Toponym],
    mentions: list[Mention],
    sentences: list[tuple[int, int]],
    dateline: str | None = None,
) -> Location:
    windows = _evidence_windows(evidence, sentences)
    in_window = [t for t in toponyms if any(a <= t.start < b for a, b in windows)]
    chosen: Toponym | None = None
    name = current.name
    if name and not is_plausible_toponym(name, require_capital=False):
        # "n’t", "’s": no place name; only a place the event's sentences name can stand in
        resolved_here = [t for t in in_window if t.geonameid is not None]
        if not resolved_here:
            return Location()
        name = None
    if name and _is_water_name(gaz, name):
        return _water_location(gaz, body, name, windows, toponyms)
    dateline_head = _dateline_head(body, dateline)
    if name:
        key = name_key(name)
        base, hint = split_admin_word(name)
        # the name as a toponym of the text: same key, or same base at the level its unit word
        # says ("Kursk border region" ~ toponym "Kursk" resolved to the oblast)
        in_text = [t for t in toponyms if name_key(t.text) == key
                   or (hint is not None and name_key(t.text) == base and t.geonameid is not None and _level_of(t) == hint)]
        same = [t for t in in_text if t.geonameid is not None]
        same.sort(key=lambda t: (not any(a <= t.start < b for a, b in windows), t.start))
        if same:
            chosen = same[0]
        elif not in_text:  # a name the text does not show as a toponym: resolve it in context
            m = Mention.from_name(name)
            if m is not None:
                ctx = _context_from(gaz, body, mentions, None)
                for t in toponyms:
                    if t.lat is not None and t.lon is not None and t.feature_code and not t.feature_code.startswith("PCL"):
                        ctx.anchors.append((t.lat, t.lon, name_key(t.text)))
                containers = [c for c in _containers(gaz, in_window) if name_key(c.name) != m.base]
                r = resolve_mention(gaz, m, ctx, None, containers)
                if r is not None:
                    chosen = _toponym(gaz, m, r)
    else:
        resolved = [t for t in in_window if t.geonameid is not None]
        if resolved:
            chosen = max(resolved, key=lambda t: (_level_of(t), -t.start))
            name = chosen.text
    if chosen is not None and chosen.geonameid is not None:
        if name and split_admin_word(name)[1] is None and _level_of(chosen) in (1, 2):
            chosen = _town_in_region(gaz, name, chosen) or chosen
        finer = _finer_place(chosen, [t for t in in_window if (t.start, t.end) not in dateline_head])
        if finer is not None:  # "attack on Djibo" in the sentence that names Burkina Faso: Djibo
            chosen, name = finer, finer.text
        return _location_from(chosen, name, body, _level_of(chosen))
    # Fallback: a town beside the place in a sentence that mentions it, else the smallest region
    # named there, else in the event's sentences, else the document's most-named region; the
    # place name is kept. The dateline at the head of the body is where the reporter files
    # from, not a place of the event: it does not count.
    toponyms = [t for t in toponyms if (t.start, t.end) not in dateline_head]
    in_window = [t for t in in_window if (t.start, t.end) not in dateline_head]
    regions = []
    if name:
        key = name_key(name)
        for t in toponyms:
            if name_key(t.text) == key and t.geonameid is None:
                sent = next(((a, b) for a, b in sentences if a <= t.start < b), None)
                if sent is not None:
                    regions += [r for r in toponyms if r.geonameid is not None and _level_of(r) <= 2
                                and sent[0] <= r.start < sent[1]]
        if any(_level_of(r) >= 1 for r in regions):
            regions = [r for r in regions if _level_of(r) >= 1]
        town = _town_beside(name, toponyms, sentences)
        # "the X camp on the edge of Y": Y's point, as ACLED codes "near Y" (if inside the regions named there)
        if town is not None and all(town.iso == r.iso and (_level_of(r) == 0 or town.admin1 == r.admin1)
                                    for r in regions):
            loc = _location_from(town, name, body, 3)
            loc.geonameid = None
            loc.geo_precision = 2
            return loc
    if not regions:
        regions = [t for t in in_window if t.geonameid is not None and _level_of(t) <= 2]
    if regions:
        region = max(regions, key=lambda t: (_level_of(t), -t.start))
    else:
        counts = Counter(t.geonameid for t in toponyms if t.geonameid is not None and _level_of(t) <= 2)
        by_id = {t.geonameid: t for t in toponyms if t.geonameid in counts}
        if not by_id:
            return Location(name=name)
        region = by_id[max(counts, key=lambda g: (counts[g], _level_of(by_id[g])))]
    loc = _location_from(region, name, body, _level_of(region))
    loc.geonameid = None  # the point is the region's, not the named place's
    loc.geo_precision = 2 if _level_of(region) == 2 else 3
    return loc


def _finer_place(chosen: Toponym, in_window: list[Toponym]) -> Toponym | None:
    """The most specific resolved place of the event's sentences inside ``chosen`` (a country or
    region), the first of them in the text; None when there is none."""
    level = _level_of(chosen)
    if level >= 3:
        return None
    inside = [t for t in in_window if t.geonameid is not None and _level_of(t) > level and t.iso == chosen.iso
              and not (t.feature_code or "").startswith(("CONT", "RGN"))
              and (level == 0 or (t.admin1 == chosen.admin1 and (level == 1 or t.admin2 == chosen.name)))]
    if not inside:
        return None
    top = max(_level_of(t) for t in inside)
    return min((t for t in inside if _level_of(t) == top), key=lambda t: t.start)


def _is_water_name(gaz: Gazetteer, name: str) -> bool:
    """A sea, gulf, strait, bay or ocean without a qualifier: a bare sea name ("Mediterranean"), a name the gazetteer
    holds as a body of water (class H), or one with a water word that no town of that exact name
    explains ("Gulf of Aden", "Red Sea"; not the city "Green Bay")."""
    if "," in name:  # "Pivdenna bay, Sevastopol": the text ties the water to a place; resolve that
        return False
    key = name_key(name)
    if key.removeprefix("the ") in _BARE_SEAS:
        return True
    exact = [p for p, sim in candidates(gaz, name) if sim >= 1.0]
    if any(p.fclass == "H" for p in exact):
        return True
    return bool(_WATER_WORD_RE.search(key)) and not any(p.fclass == "P" for p in exact)


def _water_location(gaz: Gazetteer, body: str, name: str, windows: list[tuple[int, int]],
                    toponyms: list[Toponym]) -> Location:
    """A sea event: the water body's own point when the gazetteer has it; a country only when the
    event's sentences tie the water to a coast ("off Yemen", "Yemen's coast"), never the
    dateline's or the document's."""
    key = name_key(name)
    water = next((t for t in toponyms if name_key(t.text) == key and t.geonameid is not None
                  and (p := gaz.get(t.geonameid)) is not None and p.fclass == "H"), None)
    coast: Toponym | None = None
    water_spans = list(re.finditer(re.escape(name), body, re.IGNORECASE))
    for t in toponyms:
        if t.geonameid is None or t.iso is None or not any(a <= t.start < b for a, b in windows):
            continue
        if (_OFF_BEFORE_RE.search(body[max(0, t.start - 40) : t.start]) or _OFF_AFTER_RE.match(body[t.end : t.end + 40])
                or any(_WATER_IN_RE.match(body[w.end() : t.start]) for w in water_spans)):
            coast = t
            break
    loc = Location(name=name, country=coast.country if coast else None, iso=coast.iso if coast else None)
    if water is not None:
        loc.lat, loc.lon, loc.geonameid, loc.geo_precision = water.lat, water.lon, water.geonameid, 3
    return loc


def _town_in_region(gaz: Gazetteer, name: str, region: Toponym) -> Toponym | None:
    """For an event named by a bare name that resolved to a region ("Nabatieh", "Kharkiv"), the
    populated place of exactly that name inside the region, as ACLED codes it; else None."""
    container = gaz.get(region.geonameid) if region.geonameid is not None else None
    m = Mention.from_name(name)
    if container is None or m is None:
        return None
    towns = [p for p, sim in candidates(gaz, name) if sim >= 1.0 and p.fclass == "P" and _inside(p, container)]
    if not towns:
        return None
    town = _toponym(gaz, m, Resolved(max(towns, key=lambda p: p.population), region.score or 0.0, 1.0))
    town.text, town.start, town.end = region.text, region.start, region.end
    return town


_DATELINE_HEAD_RE = re.compile(r"^[^\n]{0,80}?\s(?:--|[-—–])\s")


def _dateline_head(body: str, dateline: str | None) -> set[tuple[int, int]]:
    """(start, end) of the toponym spans that the body's opening dateline ("CAIRO, June 2 -") holds."""
    keys = {name_key(part) for part in re.split(r"[,(/]", dateline or "")} - {""}
    head = _DATELINE_HEAD_RE.match(body)
    if not keys or head is None:
        return set()
    return {(m.start(), m.end()) for k in keys
            for m in re.finditer(r"\b" + re.escape(k) + r"\b", body[: head.end()], re.IGNORECASE)}


def _town_beside(name: str, toponyms: list[Toponym], sentences: list[tuple[int, int]]) -> Toponym | None:
    """A resolved populated place in a sentence that mentions the unresolved ``name`` (the one
    nearest to a mention of it), or None."""
    key = name_key(name)
    best: tuple[int, Toponym] | None = None
    for t in toponyms:
        if name_key(t.text) != key or t.geonameid is not None:
            continue
        sent = next(((a, b) for a, b in sentences if a <= t.start < b), None)
        if sent is None:
            continue
        for r in toponyms:
            if r.geonameid is not None and _level_of(r) == 3 and sent[0] <= r.start < sent[1]:
                gap = abs(r.start - t.start)
                if best is None or gap < best[0]:
                    best = (gap, r)
    return best[1] if best else None


def _containers(gaz: Gazetteer, toponyms: list[Toponym]) -> list[Place]:
    """Resolved regions (admin2 before admin1 before country) among ``toponyms``."""
    places = [gaz.get(t.geonameid) for t in toponyms if t.geonameid is not None and _level_of(t) <= 2]
    return sorted((p for p in places if p is not None), key=lambda p: -p.level)


def _level_of(t: Toponym) -> int:
    code = t.feature_code or ""
    if code.startswith("PCL"):
        return 0
    if code == "ADM1":
        return 1
    if code.startswith("ADM"):
        return 2
    return 3


_NEAR_RE = re.compile(r"\b(?:near|outside|outskirts of|close to|around|vicinity of|north of|south of|east of|west of|"
                      r"(?:north|south|east|west)(?:east|west)?(?:ern)? of|km from|kilometers from|kilometres from|miles from)\s+(?:the\s+)?$", re.I)


def _location_from(t: Toponym, name: str | None, body: str, level: int) -> Location:
    precision = {3: 1, 2: 2}.get(level, 3)
    if level == 3 and _NEAR_RE.search(body[max(0, t.start - 40) : t.start]):
        precision = 2
    return Location(
        name=name or t.text,
        admin1=t.admin1 if level >= 1 else None,
        admin2=t.admin2 if level >= 3 else (t.name if level == 2 else None),
        country=t.country,
        iso=t.iso,
        lat=t.lat,
        lon=t.lon,
        geo_precision=precision,
        geonameid=t.geonameid,
    )


def _evidence_windows(evidence: list, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences that hold the event's evidence spans."""
    out: list[tuple[int, int]] = []
    for span in evidence:
        for a, b in sentences:
            if a <= span.start < b or (span.start <= a < span.end):
                out.append((a, b))
        out.append((span.start, span.end))
    return out
