"""Toponym resolution: gazetteer candidates for a name, ranked in their document's context.

Candidates (:func:`candidates`): places whose name or alternate name has the mention's name key,
else romanisation-skeleton matches (Kharkiv/Kharkov, -ove/-ovo village names) scored with
rapidfuzz. Ranking (:func:`resolve_mention`): name similarity, population, feature level,
qualifiers ("Springfield, Ill."), countries and regions the document names (and demonyms),
regions named in the same sentence, other places of the document (first-pass anchors, and the
geographic coherence of each candidate with the other names' candidates). Documents
(:func:`resolve_mentions`): two passes, then one sense per discourse.
"""

from __future__ import annotations

import logging
import math
import re
import threading
from collections import Counter, OrderedDict
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from sitrep.models import Toponym
from sitrep.resolve.gazetteer import Gazetteer, Place, haversine_km
from sitrep.resolve.geo_names import US_STATE_ABBREVIATIONS, name_key, skeleton_key, split_admin_word
from sitrep.resolve.geo_recognize import Mention, demonym_countries, demonym_isos, sentence_bounds

log = logging.getLogger("sitrep.resolve.geo_rank")

#: Ranking weights: hand-set, then picked by coordinate search on the even-numbered LGL articles
#: (odd ones held out: 0.728 → 0.742 → 0.753 within 161 km over two rounds). W_ADMIN2 came out
#: at 0 (no gain): kept as a knob. Re-searched (same protocol) after countries got real points
#: (countryinfo): W_POP 0.5 → 0.7, W_PRIMARY 0.25 → 0.4, W_LEVEL[1] 0.3 → 0.5, W_BARE_REGION
#: 0.15 → 0; even 0.836 → 0.841, odd (held out) 0.809 → 0.813. Coherence (W_COHERE, COHERE_KM,
#: COHERE_SPREAD) added and grid-searched on the even articles with W_NEAR and W_POP re-searched
#: (they stayed): even 0.849 → 0.879, odd (held out) 0.822 → 0.840; GeoWebNews 0.704 → 0.707.
W_POP = 0.7  # × log10(population)/7
W_PRIMARY = 0.4  # the matched name is the place's main name
W_COUNTRY = 0.5  # the place's country is named / implied in the document
W_ADMIN1 = 0.35  # the place's first-level region is named in the document
W_QUALIFIER = 1.2  # "X, Y": the place lies in Y
W_NEAR = 0.5  # close to places already resolved in the document
W_COHERE = 0.7  # × 1 - exp(-coherence): close to candidates of the document's other names (see DocContext.coherence)
COHERE_KM = 50.0  # distance scale of that coherence
COHERE_SPREAD = 0.3  # a name's coherence weight is 1 / (its candidates) ** this
COHERE_MIN_LEVEL = 2  # coherence scores counties and towns (regions: their points are too coarse)
COHERE_CANDIDATES = 40  # most populous candidates per name that coherence considers
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
#: A trailing natural-feature word: such names resolve only to entries that carry the word.
_FEATURE_WORD_RE = re.compile(
    r"\s(river|creek|lake|mountains?|hills?|valley|islands?|bay|harbou?r|forest|beach|canyon|sea|ocean|gulf|"
    r"peninsula|desert|strait|channel|swamp|reservoir|pond|brook|wilderness)$"
)
#: Water words no land region is meant by: "Red Sea" is the sea, not the Sudanese state.
_OPEN_WATER_WORD_RE = re.compile(r"\b(?:sea|ocean|gulf|straits?)\b")
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
    #: other names' candidate points for coherence: mention key → (weight, grid cell → [(lat, lon, geonameid)])
    name_points: dict[str, tuple[float, dict[tuple[int, int], list[tuple[float, float, int]]]]] = field(
        default_factory=dict
    )

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


    def coherence(self, place: Place, exclude: str) -> float:
        """How many of the document's other names could be places near ``place``.

        For each other name: its weight (1 / (its candidates) ** COHERE_SPREAD: a name that exists
        everywhere says little) × exp(-d / COHERE_KM), d the distance from ``place`` to that name's nearest
        candidate. Unlike anchors (first-pass winners), this needs no other name to be resolved
        right first: small towns of one county vouch for each other and for the county.
        """
        cell = _cell(place.lat, place.lon)
        total = 0.0
        for key, (weight, grid) in self.name_points.items():
            if key == exclude:
                continue
            best = math.inf
            for dy in (-1, 0, 1):
                for dx in (-1, 0, 1):
                    for la, lo, gid in grid.get((cell[0] + dy, cell[1] + dx), ()):
                        if gid != place.geonameid:
                            best = min(best, _fast_km(place.lat, place.lon, la, lo))
            if best < math.inf:
                total += weight * math.exp(-best / COHERE_KM)
        return total

    def key(self) -> tuple[object, ...]:
        anchors = tuple(sorted({(round(a[0], 1), round(a[1], 1), a[2]) for a in self.anchors}))
        return (
            tuple(sorted(self.name_points)),
            tuple(sorted(self.countries.items())),
            tuple(sorted(self.admin1.items())),
            tuple(sorted(self.admin2.items())),
            anchors,
        )



_CELL_DEG = 2.0  # coherence grid: a 3×3 block of 2° cells covers ≥ 220 km around a point


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return (math.floor(lat / _CELL_DEG), math.floor(lon / _CELL_DEG))


def _fast_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Equirectangular distance: within a few % of haversine at the few-hundred-km range coherence uses."""
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(x, math.radians(lat2 - lat1))


def add_name_points(gaz: Gazetteer, ctx: DocContext, mentions: list[Mention]) -> None:
    """Fill ``ctx.name_points`` with the exact-name candidates (counties, towns) of each distinct name."""
    for m in mentions:
        if m.key in ctx.name_points or _state_abbreviation(gaz, m) is not None:
            continue
        places = [p for p, sim in candidates(gaz, m.text) if sim >= 1.0 and p.level >= 2]
        if not places:
            continue
        places.sort(key=lambda p: -p.population)
        places = places[:COHERE_CANDIDATES]
        grid: dict[tuple[int, int], list[tuple[float, float, int]]] = {}
        for p in places:
            grid.setdefault(_cell(p.lat, p.lon), []).append((p.lat, p.lon, p.geonameid))
        ctx.name_points[m.key] = (len(places) ** -COHERE_SPREAD, grid)


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
        out.update(_derived_candidates(gaz, key))
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


#: A minor civil division named after a town ("Hamilton Township", "Township of Jerome").
_MINOR_DIVISION_RE = re.compile(r"^(?:(.+) (?:township|twp)|township of (.+))$")
#: Endings of the people of a region ("Minnesotans", "Ohioans", "New Yorkers", "Texan"), longest first.
_REGION_DEMONYM_ENDINGS = ("ians", "ans", "ers", "ns", "an", "n", "s")


def _derived_candidates(gaz: Gazetteer, key: str) -> dict[int, tuple[Place, float]]:
    """Candidates for a name the gazetteer lacks as written, derived from its form (else {}).

    * "X Township": the gazetteer (cities500 + admin1/admin2) has no townships; the populated
      place X they are named after, usually within or beside them, stands in for them.
    * a first-level region's demonym ("Minnesotans", "Ohioans", "Texan", "Ontarians"): the region,
      when the stem (plus a dropped final vowel or s) is the exact name of one. Country demonyms
      are a lexicon (:data:`~sitrep.resolve.geo_names.DEMONYMS`); region ones are regular enough to derive.
    """
    m = _MINOR_DIVISION_RE.match(key)
    if m:
        town = m.group(1) or m.group(2)
        return {p.geonameid: (p, 1.0) for p in gaz.lookup(town) if p.fclass == "P"}
    for ending in _REGION_DEMONYM_ENDINGS:
        if not key.endswith(ending) or len(key) - len(ending) < 4:
            continue
        stem = key[: -len(ending)]
        for tail in ("", "a", "o", "y", "s"):
            regions = [p for p in gaz.lookup(stem + tail) if p.level == 1]
            if regions:
                return {p.geonameid: (p, 1.0) for p in regions}
    return {}


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
    if W_COHERE and ctx.name_points and place.level >= COHERE_MIN_LEVEL:
        score += W_COHERE * (1.0 - math.exp(-ctx.coherence(place, mention.key)))
    return score


def _inside(place: Place, container: Place) -> bool:
    if place.geonameid == container.geonameid or place.country != container.country:
        return False
    if container.level == 0:
        return True
    if container.level == 1:
        return place.admin1 == container.admin1
    return place.admin1 == container.admin1 and place.admin2 == container.admin2


def _state_abbreviation(gaz: Gazetteer, mention: Mention) -> Place | None:
    """The US state a dotted or post-comma abbreviation names ("Ga.", "S.C.", ", Ill"), or None."""
    if mention.key in US_STATE_ABBREVIATIONS and (mention.after_comma or mention.dotted):
        return gaz.admin1.get(("US", US_STATE_ABBREVIATIONS[mention.key]))
    return None


def names_region(gaz: Gazetteer, mention: Mention) -> bool:
    """Whether ``mention`` can name a country or first-level region (exactly, or as a state abbreviation)."""
    return _state_abbreviation(gaz, mention) is not None or any(
        p.level <= 1 for p, sim in candidates(gaz, mention.text) if sim >= 1.0
    )


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
    state = _state_abbreviation(gaz, mention)
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
        state = _state_abbreviation(gaz, m)
        if state is not None:  # "Ga.", ", S.C.": the state, as resolve_mention resolves it
            ctx.add_admin1((state.country, state.admin1), 1, m.key)
            ctx.add_country(state.country, 1, m.key)
            continue
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
    if W_COHERE:
        add_name_points(gaz, ctx, mentions)
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
