"""Offline geocoding: toponyms in a text → gazetteer entries; events → ACLED-style locations.

Recognition (:mod:`sitrep.resolve.geo_recognize`): spaCy GPE/LOC/FAC entities plus
gazetteer-driven patterns ("village of X", "near X", "X Oblast", "X, Y").
Resolution (here): candidates by exact / alternate name key, by romanisation skeleton
(Kharkiv/Kharkov, -ove/-ovo village names) scored with rapidfuzz, then ranked with document context:
qualifiers ("Springfield, Ill."), countries and regions named in the text (and demonyms), the
dateline, other resolved places (same country/admin1, distance), feature level and population.
Two passes: the second uses the places resolved in the first as anchors.

Events get the most specific place the text supports; when the named place is not in the
gazetteer, the location falls back (as ACLED does) to the smallest containing region the
text names, with the name kept as written and ``geo_precision`` 2 (district) or 3 (region).
Coordinates are never invented: no resolved place and no named region → no coordinates.
"""

from __future__ import annotations

import logging
import math
import re
import threading
from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from sitrep.models import Location, Record, Toponym
from sitrep.resolve.gazetteer import Gazetteer, Place, haversine_km
from sitrep.resolve.geo_names import (
    DEMONYMS,
    US_STATE_ABBREVIATIONS,
    name_key,
    skeleton_key,
    split_admin_word,
)
from sitrep.resolve.geo_recognize import (
    Mention,
    demonym_countries,
    demonym_isos,
    find_mentions,
    is_plausible_toponym,
    sentence_bounds,
)

if TYPE_CHECKING:
    import sqlalchemy as sa

    from sitrep.settings import Settings

log = logging.getLogger("sitrep.resolve.geocode")

#: Ranking weights: hand-set, then picked by coordinate search on the even-numbered LGL articles
#: (odd ones held out: 0.728 → 0.742 → 0.753 within 161 km over two rounds). W_ADMIN2 came out
#: at 0 (no gain): kept as a knob. Re-searched (same protocol) after countries got real points
#: (countryinfo): W_POP 0.5 → 0.7, W_PRIMARY 0.25 → 0.4, W_LEVEL[1] 0.3 → 0.5, W_BARE_REGION
#: 0.15 → 0; even 0.836 → 0.841, odd (held out) 0.809 → 0.813.
W_POP = 0.7  # × log10(population)/7
W_PRIMARY = 0.4  # the matched name is the place's main name
W_COUNTRY = 0.5  # the place's country is named / implied in the document
W_ADMIN1 = 0.35  # the place's first-level region is named in the document
W_QUALIFIER = 1.2  # "X, Y": the place lies in Y
W_NEAR = 0.5  # close to places already resolved in the document
W_LEVEL = {0: 0.55, 1: 0.5, 2: 0.05, 3: 0.0}  # exact-name prior for countries and regions
W_ADMIN2 = 0.0  # county/district shared with other places of the text
W_HOME = 0.6  # × this region's weight / the text's most-weighted region's
W_CAPITAL = 0.6  # a national capital (exact name)
W_BARE_REGION = 0.0  # a region matched by its bare name, without its unit word
W_CONTAINER = 0.3  # a region named in the same sentence contains the place
W_OTHER_COUNTRY = 0.1  # the document names countries, none of them this place's
MIN_FUZZY_SIM = 0.72
MIN_ANCHOR_MARGIN = 0.0  # first-pass places anchor the second pass only when they led their runner-up by this (0.1: odd LGL +0.8, even -1.6: off)
STRICT_REGION_QUALIFIER = True  # "X, Y Oblast": no X inside Y → unresolved (the region is used)
ENCLAVE_KM = 150  # ...unless X lies this close to Y's point (Kyiv city is not in Kyiv Oblast, Sevastopol not in Crimea)
MIN_POP_OUT_OF_CONTEXT = 1000  # smallest populated place accepted in a country the text never points to
_PLACE_LABELS = ("GPE", "LOC", "FAC")
#: A trailing natural-feature word: such names resolve only to entries that carry the word.
_FEATURE_WORD_RE = re.compile(
    r"\s(river|creek|lake|mountains?|hills?|valley|islands?|bay|harbou?r|forest|beach|canyon|sea|ocean|gulf|"
    r"peninsula|desert|strait|channel|swamp|reservoir|pond|brook|wilderness)$"
)
_BLOCKING_LABELS = ("PERSON", "ORG")
#: Words that make a name a body of water ("Gulf of Aden", "Red Sea", "Strait of Hormuz").
_WATER_WORD_RE = re.compile(r"\b(?:sea|ocean|gulf|straits?|bay|channel)\b")
#: Of those, the ones no land region is meant by: "Red Sea" is the sea, not the Sudanese state.
_OPEN_WATER_WORD_RE = re.compile(r"\b(?:sea|ocean|gulf|straits?)\b")
#: Seas and oceans usually written without their word (a general list, not any article's).
_BARE_SEAS = frozenset(
    "mediterranean atlantic pacific baltic adriatic aegean caribbean arctic antarctic ionian tyrrhenian "
    "ligurian levantine".split()
)
#: A coast or waters the text ties a sea event to: "off (the coast of) X", "X's coast", "waters of X".
_OFF_BEFORE_RE = re.compile(r"\b(?:off|coast of|coastline of|waters of|shores? of)\s+(?:the\s+)?$", re.IGNORECASE)
_WATER_IN_RE = re.compile(r"^,?\s+(?:in|off|near)\s+(?:the\s+)?$")  # "the Black Sea in|off Ukraine"
_OFF_AFTER_RE = re.compile(r"^['’]s?\s+(?:territorial\s+)?(?:coast|coastline|waters|shores?)\b", re.IGNORECASE)
MIN_SCORE = 0.15  # fuzzy matches below this are dropped
MIN_SCORE_EXACT = 0.0  # exact-name matches below this are dropped


@dataclass
class Resolved:
    place: Place
    score: float
    sim: float
    margin: float = math.inf  # lead over the runner-up candidate


@dataclass
class DocContext:
    """What the document says about where it is: countries, regions, anchor points."""

    countries: Counter[str] = field(default_factory=Counter)
    admin1: Counter[tuple[str, str]] = field(default_factory=Counter)
    anchors: list[tuple[float, float, str]] = field(default_factory=list)  # lat, lon, mention key
    admin2: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    admin2_self: dict[str, set[tuple[str, str, str]]] = field(default_factory=dict)
    #: which mention keys contributed to each count (a name must not vouch for itself)
    country_src: dict[str, Counter[str]] = field(default_factory=dict)
    admin1_src: dict[tuple[str, str], Counter[str]] = field(default_factory=dict)

    def add_country(self, iso: str, weight: float, source: str) -> None:
        self.countries[iso] += weight  # type: ignore[assignment]
        self.country_src.setdefault(iso, Counter())[source] += weight  # type: ignore[assignment]

    def add_admin1(self, code: tuple[str, str], weight: float, source: str) -> None:
        self.admin1[code] += weight  # type: ignore[assignment]
        self.admin1_src.setdefault(code, Counter())[source] += weight  # type: ignore[assignment]

    def country_weight(self, iso: str, exclude: str) -> float:
        return self.countries.get(iso, 0) - self.country_src.get(iso, Counter()).get(exclude, 0)

    def admin1_weight(self, code: tuple[str, str], exclude: str) -> float:
        return self.admin1.get(code, 0) - self.admin1_src.get(code, Counter()).get(exclude, 0)

    def key(self) -> tuple[object, ...]:
        anchors = tuple(sorted({(round(a[0], 1), round(a[1], 1), a[2]) for a in self.anchors}))
        return (
            tuple(sorted(self.countries.items())),
            tuple(sorted(self.admin1.items())),
            tuple(sorted(self.admin2.items())),
            anchors,
        )


# --------------------------------------------------------------------------- default gazetteer

_DEFAULT_LOCK = threading.Lock()
_DEFAULT: dict[str, Gazetteer] = {}


def default_gazetteer(settings: Settings) -> Gazetteer:
    """Package data in memory, plus the store at ``settings.database_url`` when it holds imports."""
    url = settings.database_url
    with _DEFAULT_LOCK:
        if url in _DEFAULT:
            return _DEFAULT[url]
    gaz = Gazetteer.from_package(settings.cache_dir)
    engine = _store_engine_with_imports(url)
    if engine is not None:
        layered = Gazetteer()
        layered.rows, layered.by_key, layered.by_skeleton = gaz.rows, gaz.by_key, gaz.by_skeleton
        layered.countries, layered.admin1, layered.admin2 = gaz.countries, gaz.admin1, gaz.admin2
        layered.display = gaz.display
        layered.version = gaz.version + "+" + url
        layered.attach_store(engine)
        gaz = layered
    with _DEFAULT_LOCK:
        _DEFAULT[url] = gaz
    return gaz


def _store_engine_with_imports(url: str) -> sa.Engine | None:
    """An engine on ``url`` when that database exists and holds imported GeoNames places."""
    from sitrep.resolve.gazetteer import store_has_imports

    if url.startswith("sqlite:///"):
        from pathlib import Path

        path = url.removeprefix("sqlite:///")
        if path in ("", ":memory:") or not Path(path).is_file():
            return None
    import sqlalchemy as sa

    try:
        engine = sa.create_engine(url)
        return engine if store_has_imports(engine) else None
    except Exception as e:  # noqa: BLE001 - an unreachable store only means "package data only"
        log.info("gazetteer store at %s not used: %s", url, e)
        return None


# --------------------------------------------------------------------------- cache


class ResolutionCache:
    """LRU of (gazetteer version, mention key, hints, context) → geonameid or None."""

    def __init__(self, size: int = 50_000) -> None:
        self.size = size
        self.data: OrderedDict[tuple[object, ...], tuple[int, float, float, float] | None] = OrderedDict()
        self.hits = 0
        self.misses = 0
        self._lock = threading.Lock()

    def get(self, key: tuple[object, ...]) -> tuple[int, float, float, float] | None | bool:
        with self._lock:
            if key in self.data:
                self.hits += 1
                self.data.move_to_end(key)
                return self.data[key]
            self.misses += 1
            return False

    def put(self, key: tuple[object, ...], value: tuple[int, float, float, float] | None) -> None:
        with self._lock:
            self.data[key] = value
            self.data.move_to_end(key)
            while len(self.data) > self.size:
                self.data.popitem(last=False)


CACHE = ResolutionCache()


# --------------------------------------------------------------------------- candidates


def candidates(gaz: Gazetteer, text: str, level_hint: int | None = None) -> list[tuple[Place, float]]:
    """(place, name similarity 0..1) for a toponym as written."""
    base, hint = split_admin_word(text)
    key = name_key(text)
    out: dict[int, tuple[Place, float]] = {}
    keys = [key] if base == key or not base else [key, base]
    for k in keys:
        for place in gaz.lookup(k):
            out.setdefault(place.geonameid, (place, 1.0))
        if out:  # "New York City" matches as written: its base "New York" is another place
            break
    feature = _FEATURE_WORD_RE.search(key)
    if feature:  # "Red River": a river, not Red River County
        word = feature.group(1)
        out = {g: (p, sim) for g, (p, sim) in out.items() if p.fclass == "P" or word in name_key(p.name).split()}
        if _OPEN_WATER_WORD_RE.search(key):  # "Red Sea": the sea (class H) or a town, never a land region
            out = {g: (p, sim) for g, (p, sim) in out.items() if p.fclass in ("P", "H")}
        return list(out.values())
    # A demonym names its country even when a town has the same name ("Canadian", Texas):
    # both compete, the ranking decides.
    iso = demonym_isos(gaz).get(key) or demonym_isos(gaz).get(key.removesuffix("s"))
    if iso and iso in gaz.countries:
        out.setdefault(gaz.countries[iso].geonameid, (gaz.countries[iso], 1.0))
    if not out:
        for k in keys:
            skel = skeleton_key(k)
            if len(skel) < 3:
                continue
            for place, matched in gaz.lookup_skeleton(skel):
                sim = fuzz.ratio(k, matched) / 100.0
                if sim >= MIN_FUZZY_SIM and (place.geonameid not in out or out[place.geonameid][1] < sim):
                    out[place.geonameid] = (place, sim)
    return list(out.values())


def _pop_prior(place: Place) -> float:
    return math.log10(max(place.population, 1)) / 7.0


def _score(
    gaz: Gazetteer,
    place: Place,
    sim: float,
    mention: Mention,
    ctx: DocContext,
    qualifiers: list[Place],
    containers: list[Place],
) -> float:
    score = sim - 1.0  # 0 for exact, negative for fuzzy
    score += W_POP * _pop_prior(place)
    if name_key(place.name) in (mention.key, mention.base) or skeleton_key(place.name) == skeleton_key(mention.key):
        score += W_PRIMARY
    if sim >= 1.0:
        score += W_LEVEL.get(place.level, 0.0)
        if place.fcode == "PPLC":
            score += W_CAPITAL
    hint = mention.level_hint
    if hint is not None:
        if hint in (1, 2) and place.level == hint:
            score += 0.5
        elif hint in (1, 2) and place.level == 3:
            score -= 0.5
    if place.level in (1, 2) and hint is None and name_key(place.name) != mention.key:
        score -= W_BARE_REGION  # "Hamilton" is more often the town than Hamilton County
    total_c = sum(ctx.countries.values()) or 1
    own_country = ctx.country_weight(place.country, mention.key)
    if own_country > 0:
        score += W_COUNTRY * min(1.0, 0.5 + own_country / total_c)
    if place.admin1 and place.level >= 2:
        own_admin1 = ctx.admin1_weight((place.country, place.admin1), mention.key)
        if own_admin1 > 0:
            score += W_ADMIN1
    if place.admin2 and ctx.admin2.get((place.country, place.admin1, place.admin2), 0) > (
        1 if place.level == 2 and (place.country, place.admin1, place.admin2) in ctx.admin2_self.get(mention.key, ()) else 0
    ):
        score += W_ADMIN2  # a county holding other places of the text, or a town in a county the text names
    if qualifiers:
        if any(_inside(place, q) for q in qualifiers):
            score += W_QUALIFIER
        else:
            score -= W_QUALIFIER
    bigger = [c for c in containers if c.level < place.level]
    if bigger:
        score += W_CONTAINER if any(_inside(place, c) for c in bigger) else -W_CONTAINER
    elif ctx.countries and place.level > 0 and own_country <= 0:
        score -= W_OTHER_COUNTRY
    if ctx.anchors and place.level >= 2:
        near = min(
            (haversine_km(place.lat, place.lon, la, lo) for la, lo, k in ctx.anchors if k != mention.key),
            default=None,
        )
        if near is not None:
            score += W_NEAR * math.exp(-near / 150.0)
    return score


def _inside(place: Place, container: Place) -> bool:
    if place.geonameid == container.geonameid or place.country != container.country:
        return False
    if container.level == 0:
        return True
    if container.level == 1:
        return place.admin1 == container.admin1
    return place.admin1 == container.admin1 and place.admin2 == container.admin2


def resolve_mention(
    gaz: Gazetteer,
    mention: Mention,
    ctx: DocContext,
    qualifiers: list[Place] | None = None,
    containers: list[Place] | None = None,
) -> Resolved | None:
    """The best gazetteer entry for one mention in its document context, or None.

    ``qualifiers``: the "Y" of "X, Y" (strong); ``containers``: regions named in the same
    sentence (a near spelling must lie inside one of them; an exact name is only favoured).
    """
    qualifiers = qualifiers or []
    containers = containers or []
    if mention.key in US_STATE_ABBREVIATIONS and (mention.after_comma or mention.dotted):
        state = gaz.admin1.get(("US", US_STATE_ABBREVIATIONS[mention.key]))
        if state is not None:
            return Resolved(state, 1.0, 1.0)
    cache_key = (
        gaz.version,
        mention.key,
        mention.level_hint,
        tuple(q.geonameid for q in qualifiers),
        tuple(c.geonameid for c in containers),
        ctx.key(),
    )
    hit = CACHE.get(cache_key)
    if hit is not False:
        if hit is None:
            return None
        assert isinstance(hit, tuple)
        place = gaz.get(hit[0])
        return Resolved(place, hit[1], hit[2], hit[3]) if place is not None else None
    best: Resolved | None = None
    runner_up = -math.inf
    for place, sim in candidates(gaz, mention.text):
        if mention.level_hint in (1, 2) and place.level == 3 and sim < 1.0:
            continue
        if sim < 1.0 and qualifiers and not any(_inside(place, q) for q in qualifiers):
            continue  # a near spelling must at least lie in the region the text names
        if sim < 1.0 and containers and not any(_inside(place, c) for c in containers if c.level < place.level):
            continue
        if sim < 1.0 and ctx.countries and place.country not in ctx.countries:
            continue
        if (place.fclass == "P" and place.population < MIN_POP_OUT_OF_CONTEXT and ctx.countries
                and ctx.country_weight(place.country, mention.key) <= 0 and not qualifiers):
            continue  # a hamlet abroad that nothing in the text points to
        s = _score(gaz, place, sim, mention, ctx, qualifiers, containers)
        if best is None or s > best.score:
            if best is not None:
                runner_up = best.score
            best = Resolved(place, s, sim)
        else:
            runner_up = max(runner_up, s)
    if best is not None:
        best.margin = best.score - runner_up
    if best is not None and best.score < (MIN_SCORE if best.sim < 1.0 else MIN_SCORE_EXACT):
        best = None
    regions = [q for q in qualifiers if q.level in (1, 2)] if STRICT_REGION_QUALIFIER and mention.strong_qualifier else []
    if best is not None and regions and not any(
        _inside(best.place, q) or best.place.geonameid == q.geonameid
        or haversine_km(best.place.lat, best.place.lon, q.lat, q.lon) <= ENCLAVE_KM
        for q in regions
    ):
        best = None  # "X, Y Oblast" with no X in or by Y Oblast: the region is the answer, not another X
    CACHE.put(cache_key, (best.place.geonameid, best.score, best.sim, best.margin) if best else None)
    return best


# --------------------------------------------------------------------------- documents


def _qualifier_places(gaz: Gazetteer, mention: Mention, ctx: DocContext) -> list[Place]:
    """Places named by a mention's qualifier ("Springfield, Ill." / "Sudzha, Kursk region")."""
    if not mention.qualifier:
        return []
    qkey = name_key(mention.qualifier)
    state = US_STATE_ABBREVIATIONS.get(qkey)
    if state is not None and ("US", state) in gaz.admin1:
        return [gaz.admin1[("US", state)]]
    base, hint = split_admin_word(mention.qualifier)
    found = [p for p, sim in candidates(gaz, mention.qualifier) if sim >= 1.0 and p.level <= 2]
    if hint is not None:
        found = [p for p in found if p.level == hint] or found
    return found


def _context_from(gaz: Gazetteer, text: str, mentions: list[Mention], dateline: str | None) -> DocContext:
    """Countries and first-level regions the document names (first pass: exact names only)."""
    ctx = DocContext()
    for iso, n in demonym_countries(text).items():
        if iso in gaz.countries:
            ctx.add_country(iso, n, "")
    for m in mentions:
        found = [p for p, sim in candidates(gaz, m.text) if sim >= 1.0]
        share = 1.0 / max(1, len(found))  # an ambiguous name vouches less
        for p in found:
            if p.level == 0:
                ctx.add_country(p.country, 2 * share, m.key)
            elif p.level == 1 and (m.level_hint == 1 or len(found) == 1 or name_key(p.name) == m.key):
                ctx.add_admin1((p.country, p.admin1), share, m.key)
                ctx.add_country(p.country, share, m.key)
        if m.qualifier:
            for q in _qualifier_places(gaz, m, ctx):
                ctx.add_country(q.country, 1, name_key(m.qualifier))
                if q.level == 1:
                    ctx.add_admin1((q.country, q.admin1), 1, name_key(m.qualifier))
    if dateline:
        for part in re.split(r"[,(/]", dateline):
            part = part.strip(" )—–-")
            if not part:
                continue
            for p, sim in candidates(gaz, part):
                if sim >= 1.0 and p.level <= 1:
                    ctx.add_country(p.country, 1, "")
    return ctx


def resolve_mentions(gaz: Gazetteer, text: str, mentions: list[Mention], dateline: str | None = None) -> list[Toponym]:
    """Resolve every mention of a document in context (two passes) → toponyms."""
    ctx = _context_from(gaz, text, mentions, dateline)
    quals = [_qualifier_places(gaz, m, ctx) for m in mentions]
    first = [resolve_mention(gaz, m, ctx, q) for m, q in zip(mentions, quals, strict=True)]
    # Second pass: places resolved with confidence become anchors (countries and regions too),
    # one vote per distinct name (a name repeated ten times is still one piece of evidence).
    voted: set[str] = set()
    for r, m in zip(first, mentions, strict=True):
        if r is None or r.sim < 1.0 or m.key in voted or r.margin < MIN_ANCHOR_MARGIN:
            continue
        voted.add(m.key)
        if r.place.level >= 2:
            ctx.anchors.append((r.place.lat, r.place.lon, m.key))
        if r.place.admin2:
            code2 = (r.place.country, r.place.admin1, r.place.admin2)
            ctx.admin2[code2] += 1
            ctx.admin2_self.setdefault(m.key, set()).add(code2)
        if r.place.level >= 1 and r.place.admin1:
            ctx.add_admin1((r.place.country, r.place.admin1), 0.5, m.key)
        ctx.add_country(r.place.country, 0.5, m.key)
    containers = _sentence_containers(text, mentions, first)
    second = [resolve_mention(gaz, m, ctx, q, c) for m, q, c in zip(mentions, quals, containers, strict=True)]
    # One sense per discourse: a name keeps one resolution in a record. It is decided by its
    # first mention with a qualifier ("X, Y") or a region in the same sentence, else by its first
    # mention (ranking the first two apart measured worse on LGL and GWN); a near spelling vetoed there stays vetoed. Only a mention whose own
    # qualifier excludes that place ("Pokrovsk, Russia" after a Ukrainian Pokrovsk) keeps its own.
    decided: dict[str, Resolved | None] = {}
    for rank in (0, 1):
        for m, q, c, r in zip(mentions, quals, containers, second, strict=True):
            if m.key not in decided and (rank == 1 or q or c):
                decided[m.key] = r
    out: list[Toponym] = []
    for m, q, r in zip(mentions, quals, second, strict=True):
        d = decided.get(m.key, r)
        says_otherwise = bool(q) and r is not None and (
            d is None or not any(_inside(d.place, x) or d.place.geonameid == x.geonameid for x in q)
        )
        if not says_otherwise and (r is None or r.sim < 1.0 or d is not None):
            r = d
        out.append(_toponym(gaz, m, r))
    return out


def _sentence_containers(text: str, mentions: list[Mention], resolved: list[Resolved | None]) -> list[list[Place]]:
    """For each mention, the regions (exactly named, resolved) in its sentence, smallest first."""
    sentences = sentence_bounds(text)
    out: list[list[Place]] = []
    for i, m in enumerate(mentions):
        sent = next(((a, b) for a, b in sentences if a <= m.start < b), None)
        regions: list[Place] = []
        if sent is not None:
            for j, (other, r) in enumerate(zip(mentions, resolved, strict=True)):
                if j == i or r is None or r.sim < 1.0 or r.place.level > 2:
                    continue
                if sent[0] <= other.start < sent[1]:
                    regions.append(r.place)
        out.append(sorted(regions, key=lambda p: -p.level))
    return out


def _toponym(gaz: Gazetteer, m: Mention, r: Resolved | None) -> Toponym:
    if r is None:
        return Toponym(text=m.text, start=m.start, end=m.end)
    p = r.place
    a2 = gaz.admin2_place(p)
    return Toponym(
        text=m.text,
        start=m.start,
        end=m.end,
        name=p.name,
        geonameid=p.geonameid,
        lat=round(p.lat, 5),
        lon=round(p.lon, 5),
        feature_code=p.fcode,
        admin1=gaz.admin1_name(p),
        admin2=a2.name if a2 else None,
        country=gaz.country_name(p.country),
        iso=p.country or None,
        score=round(r.score, 4),
    )


# --------------------------------------------------------------------------- public API


def geoparse(
    text: str,
    settings: Settings,
    spans: list[tuple[int, int]] | None = None,
    *,
    gazetteer: Gazetteer | None = None,
) -> list[Toponym]:
    """Every toponym in ``text`` (recognised and resolved); with ``spans``, only those spans, in context.

    Recognition uses spaCy NER (the model in ``settings``) plus gazetteer matching; with
    ``spans`` no model is loaded. ``gazetteer`` defaults to :func:`default_gazetteer`.
    """
    gaz = gazetteer or default_gazetteer(settings)
    if spans is not None:
        made = [Mention.make(text, s, e, "gold") for s, e in spans]
        targets = [m for m in made if m is not None]
        context_mentions = find_mentions(text, gaz, ner_spans=None)
        resolved = iter(_resolve_with_context(gaz, text, targets, context_mentions))
        # One toponym per given span, in order (a span with no letters stays unresolved).
        return [next(resolved) if m is not None else Toponym(text=text[s:e], start=s, end=e)
                for m, (s, e) in zip(made, spans, strict=True)]
    ents = _ner_spans(text, settings)
    places = [e for e in ents if e[2] in _PLACE_LABELS]
    # Demonyms name countries too ("Sudanese officials"): geoparsing gold counts them.
    places += [e for e in ents if e[2] == "NORP" and (name_key(text[e[0]:e[1]]) in DEMONYMS
               or name_key(text[e[0]:e[1]]).removesuffix("s") in DEMONYMS)]
    blocked = [(a, b) for a, b, label in ents if label in _BLOCKING_LABELS]
    mentions = find_mentions(text, gaz, ner_spans=places, blocked=blocked)
    return resolve_mentions(gaz, text, mentions)


def _resolve_with_context(
    gaz: Gazetteer, text: str, targets: list[Mention], extra: list[Mention]
) -> list[Toponym]:
    """Resolve ``targets`` using ``targets + extra`` as document context."""
    seen = {(m.start, m.end) for m in targets}
    allm = targets + [m for m in extra if (m.start, m.end) not in seen]
    topos = resolve_mentions(gaz, text, allm)
    return topos[: len(targets)]


def _ner_spans(text: str, settings: Settings) -> list[tuple[int, int, str]]:
    """spaCy entity spans (start, end, label)."""
    from sitrep.extract.nlp import load_pipeline

    nlp = load_pipeline(settings)
    disable = [p for p in ("parser", "lemmatizer", "sitrep_units", "sitrep_actors", "sitrep_relevance") if p in nlp.pipe_names]
    with nlp.select_pipes(disable=disable):
        doc = nlp(text)
    return [(e.start_char, e.end_char, e.label_) for e in doc.ents]


def locate_record(record: Record, settings: Settings, *, gazetteer: Gazetteer | None = None) -> None:
    """Set ``record.toponyms`` and fill every event's ``location`` (see module doc).

    Toponym candidates: the record's GPE/LOC/FAC entities plus gazetteer-driven matching.
    ``gazetteer`` defaults to :func:`default_gazetteer` (package data + imported store).
    """
    gaz = gazetteer or default_gazetteer(settings)
    body = record.body
    ner = [(e.start, e.end, e.label) for e in record.entities if e.label in _PLACE_LABELS]
    blocked = [(e.start, e.end) for e in record.entities if e.label in _BLOCKING_LABELS]
    mentions = find_mentions(body, gaz, ner_spans=ner, blocked=blocked)
    toponyms = resolve_mentions(gaz, body, mentions, record.article.dateline)
    record.toponyms = toponyms
    sentences = sentence_bounds(body)
    for event in record.events:
        event.location = _event_location(gaz, body, event.location, event.evidence, toponyms, mentions, sentences,
                                         record.article.dateline)


def _event_location(
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

