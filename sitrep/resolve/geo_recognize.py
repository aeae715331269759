"""Toponym recognition: which spans of a text name places.

Sources, merged longest-first without overlaps:

1. spaCy GPE/LOC/FAC entities (given as spans), trimmed ("the", possessive "'s") and
   extended by a following unit word ("Kursk" + " region" → level hint 1);
2. cue patterns that name a place whatever the gazetteer knows: "village of X", "town of X",
   "X Oblast", "X district" (kept even when unresolvable: the name is kept for the event);
3. gazetteer-driven matches: a capitalised name after a locative preposition ("in X",
   "near X", "outside X") kept only when the gazetteer has that exact name.

Each mention carries an optional qualifier, the "Y" of "X, Y" ("Madison, Wis.",
"Sudzha, Kursk region"), which ranking uses as a container.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from sitrep.resolve.geo_names import (
    COUNTRY_ALIASES,
    DEMONYMS,
    US_STATE_ABBREVIATIONS,
    name_key,
    split_admin_word,
)

if TYPE_CHECKING:
    from sitrep.resolve.gazetteer import Gazetteer

_WORD = r"[A-Z][A-Za-z\u00C0-\u024F\u0400-\u04FF]*(?:[-'’][A-Za-z\u00C0-\u024F]+)*"
_NAME = rf"{_WORD}(?:\s+(?:(?:de|del|la|le|du|on|upon|am|an|der|al|el)\s+)?{_WORD}){{0,3}}"
_UNIT_WORDS = (
    r"[Oo]blast|[Rr]egion|[Pp]rovince|[Dd]istrict|[Rr]aion|[Rr]ayon|[Cc]ounty|[Kk]rai|[Gg]overnorate|[Pp]arish|"
    r"[Mm]unicipality|[Hh]romada|[Tt]ownship|[Bb]orough"
)
_CUE_RE = re.compile(
    r"\b(?:village|town|city|settlement|hamlet|township|community|suburb|outskirts|districts?|regions?|provinces?|"
    r"oblasts?|port|urban-type settlement)\s+of\s+(" + _NAME + r")"
)
_UNIT_RE = re.compile(r"\b(" + _NAME + r")\s+(?:" + _UNIT_WORDS + r")\b")
_WEAK_PREPOSITIONS = frozenset({"of", "and", "to", "at", "from", "between"})
_PREP_RE = re.compile(
    r"\b((?i:in|near|outside|around|at|from|into|towards?|across|through|via|to|between|and|of|"
    r"shelled|struck|hit|attacked|captured|recaptured|liberated|entered|took|stormed|seized|bombed|retook))"
    r"\s+(?:the\s+)?(" + _NAME + r")"
)
_NAMES_RE = re.compile(r"\b" + _NAME)
#: "attack on X", "assault on X": a place after "on" only behind a force noun; the name may be
#: one NER called an organisation ("Djibo"), so the match is checked against the gazetteer.
_TARGET_RE = re.compile(
    r"\b(?i:attacks?|assaults?|raids?|strikes?|offensive|advance|ambush|bombardment|shelling|siege|"
    r"incursion|push|onslaught)\s+(?i:on|against)\s+(?:the\s+(?:town|city|village)\s+of\s+)?(" + _NAME + r")"
)
#: Smallest population for a place name taken over a span NER gave to an organisation.
MIN_POP_OVER_ORG = 10_000
#: Contractions and possessive clitics spaCy sometimes tags as places ("n’t" of "wasn’t").
_CLITIC_RE = re.compile(r"^(?:n['’]t|['’](?:s|re|ve|ll|d|m|t)|['’])$", re.IGNORECASE)


def is_plausible_toponym(text: str, *, require_capital: bool = True) -> bool:
    """Whether a span can name a place: holding a letter, not a clitic, and (``require_capital``,
    for spans recognised in running text) in a script with letter case, holding at least one
    capital letter ("n’t", "downtown" are not toponyms). Names given outside the text (an
    event's location name, a data set's "mariupol") need no capital."""
    span = text.strip()
    if not span or _CLITIC_RE.match(span) or not any(ch.isalpha() for ch in span):
        return False
    if not require_capital:
        return True
    cased = [ch for ch in span if ch.isalpha() and ch.lower() != ch.upper()]
    return not cased or any(ch.isupper() for ch in cased)
_TRAILING_LOWER_UNIT_RE = re.compile(
    r"\s+(?:(?:border|frontier|front-line|frontline)\s+)?"
    r"(?:oblast|region|province|district|raion|rayon|county|krai|governorate|parish)$"
)
#: Words that end a place name and start an institution's ("Cottonport Fire Station").
_INSTITUTION_WORDS = frozenset(
    """fire police sheriff sheriffs department dept road street avenue lottery hospital school schools high
    university college office council board court courthouse airport station church library museum center
    centre company corp bank club city county state government
    authority commission district chamber association public community jail prison""".split()
)
_FOLLOW_UNIT_RE = re.compile(r"^\s+(" + _UNIT_WORDS + r")\b")
_QUALIFIER_RE = re.compile(
    r"^,\s+((?:[A-Z][A-Za-z\u00C0-\u024F'’\-]*\.?)(?:\s?[A-Z][A-Za-z\u00C0-\u024F'’\-]*\.?){0,3}"
    r"(?:\s+(?:" + _UNIT_WORDS + r"))?)"
)
# "X in Russia's Kursk Oblast", "X in the Donetsk region": a region named right after a place contains it.
_IN_REGION_RE = re.compile(
    r"^\s+in\s+(?:the\s+)?(?:" + _WORD + r"['’]s\s+)?(" + _WORD + r"(?:\s+" + _WORD + r")?\s+(?:" + _UNIT_WORDS + r"))\b"
)
# "the town of X in Y", "X in northern Y": the containment idioms where a plain name Y (no unit word) holds X
_IN_NAME_RE = re.compile(
    r"^\s+in\s+(?:the\s+)?(?P<compass>(?:north|south|east|west|central)(?:-?(?:east|west))?(?:ern)?\s+)?"
    r"(?P<name>" + _WORD + r"(?:\s+" + _WORD + r")?)\b"
)
_SETTLEMENT_BEFORE_RE = re.compile(r"\b(?:town|village|city|settlement|hamlet|locality|commune|camp)\s+of\s+$", re.I)
_POSSESSIVE_RE = re.compile(r"['’]s?\b")
_SENT_RE = re.compile(r"(?<=[.!?…])[\"”’)]*\s+(?=[\"“(\[]*[A-Z0-9])|\n+")

#: Capitalised words that are not place names after a preposition (months, days, titles...).
_NOT_PLACES = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
    the a an this that these those his her their its our my your mr mrs ms dr president minister
    god christmas easter ramadan english russian ukrainian american christian muslim jewish
    north south east west northern southern eastern western central
    police army navy government congress parliament senate court university school hospital
    i we you he she they it""".split()
)


@dataclass
class Mention:
    start: int
    end: int
    text: str
    key: str
    base: str
    level_hint: int | None
    source: str
    qualifier: str | None = None
    after_comma: bool = False
    dotted: bool = False  # written with abbreviation dots ("Wis.", "S.C.")
    #: the qualifier surely names a containing region ("in Kursk Oblast", ", Kursk region", ", Ill.")
    #: rather than the next item of a list ("Cleveland, Columbus, Dayton")
    strong_qualifier: bool = False

    @classmethod
    def make(cls, text: str, start: int, end: int, source: str) -> Mention | None:
        """A mention over ``text[start:end]`` (trimmed), with its unit-word hint and qualifier.

        A capitalised unit word after the name joins the span ("Rapides Parish", "Kursk
        Oblast"); a lower-case one ("Kursk region", "Matara district") only sets the level
        hint, the span staying the name (as geoparsing gold annotates it).
        """
        while start < end and text[start] in " \t\n\"“'‘(":
            start += 1
        while end > start and text[end - 1] in " \t\n\"”'’).,;:":
            end -= 1
        span = text[start:end]
        if span.lower().startswith("the "):
            start += 4
            span = span[4:]
        m = re.search(r"['’]s$", span)
        if m:
            end -= len(m.group(0))
            span = span[: m.start()]
        if not span or not is_plausible_toponym(span):
            return None
        if text[end : end + 1] == "." and ("." in span or name_key(span) in US_STATE_ABBREVIATIONS):
            end += 1  # "U.S.", "Ill.": the period belongs to the abbreviation
            span = text[start:end]
        hint: int | None = None
        tail = _TRAILING_LOWER_UNIT_RE.search(span) if source != "gold" else None
        if tail:
            _, hint = split_admin_word(tail.group(0))
            end = start + tail.start()
            span = text[start:end]
        follow = _FOLLOW_UNIT_RE.match(text[end : end + 20]) if source != "gold" else None
        if follow:
            if follow.group(1)[0].isupper():
                end += follow.end()
                span = text[start:end]
            else:
                _, hint = split_admin_word(follow.group(1))
        base, span_hint = split_admin_word(span)
        hint = span_hint if span_hint is not None else hint
        qualifier = None
        strong = False
        q = _QUALIFIER_RE.match(text[end : end + 60])
        if q:
            qualifier = q.group(1).rstrip(".")
            if q.group(1).endswith(".") and name_key(qualifier) in US_STATE_ABBREVIATIONS:
                qualifier = q.group(1)
                strong = True
            strong = strong or split_admin_word(qualifier)[1] is not None
        else:
            q2 = _IN_REGION_RE.match(text[end : end + 80])
            q3 = _IN_NAME_RE.match(text[end : end + 60]) if q2 is None else None
            if q2:
                qualifier, strong = q2.group(1), True
            elif q3 and (q3.group("compass") or _SETTLEMENT_BEFORE_RE.search(text[max(0, start - 30) : start])):
                qualifier, strong = q3.group("name"), True  # "the town of Tina in North Darfur"
        after_comma = text[max(0, start - 2) : start].strip() == ","
        dotted = "." in span or text[end : end + 1] == "."
        return cls(start, end, span, name_key(span), base, hint, source, qualifier, after_comma, dotted, strong)

    @classmethod
    def from_name(cls, name: str) -> Mention | None:
        """A mention for a name given outside the text (an event's location name)."""
        if not name or not is_plausible_toponym(name, require_capital=False):
            return None
        base, hint = split_admin_word(name)
        return cls(-1, -1, name.strip(), name_key(name), base, hint, "name")


def _split_possessives(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """"Russia's Kursk Oblast" → [Russia, Kursk Oblast]."""
    parts: list[tuple[int, int]] = []
    pos = start
    for m in _POSSESSIVE_RE.finditer(text, start, end):
        if m.group(0) in ("'s", "’s") or (m.end() < end and text[m.end()] == " "):
            if m.group(0) in ("'", "’") and text[m.end() - 1 : m.end()].isalpha():
                continue
            parts.append((pos, m.start()))
            pos = m.end()
    parts.append((pos, end))
    return [(a, b) for a, b in parts if b > a]


def find_mentions(
    text: str,
    gaz: Gazetteer,
    *,
    ner_spans: list[tuple[int, int, str]] | None,
    blocked: list[tuple[int, int]] | None = None,
) -> list[Mention]:
    """Toponym mentions in ``text``: NER spans, cue patterns, gazetteer-checked capitalised names.

    ``blocked``: spans NER gave to people or organisations; gazetteer-driven matches may not
    overlap them ("Nelson said", "United Way").
    """
    found: list[Mention] = []
    taken: list[tuple[int, int]] = list(blocked or [])
    n_blocked = len(taken)

    def free(a: int, b: int) -> bool:
        return not any(a < y and x < b for x, y in taken)

    def add(a: int, b: int, source: str, require_known: bool, min_population: int = 0) -> None:
        for s, e in _split_possessives(text, a, b):
            if source == "ner":
                e = _trim_institution(text, gaz, s, e)
            m = Mention.make(text, s, e, source)
            if m is None:
                continue
            if source == "ner":
                if any(m.start < y and x < m.end for x, y in taken[n_blocked:]):
                    continue
            elif not free(m.start, m.end):
                continue
            words = m.key.split()
            if not words or words[0] in _NOT_PLACES and len(words) == 1:
                continue
            if require_known and not _known(gaz, m.key, m.base, min_population):
                continue
            found.append(m)
            taken.append((m.start, m.end))

    for a, b, _label in sorted(ner_spans or [], key=lambda s: (s[0], -(s[1] - s[0]))):
        add(a, b, "ner", require_known=False)
    for m in _CUE_RE.finditer(text):
        add(m.start(1), m.end(1), "cue", require_known=False)
    for m in _UNIT_RE.finditer(text):
        add(m.start(1), m.end(0), "cue", require_known=False)
    for m in _PREP_RE.finditer(text):
        weak = m.group(1).lower() in _WEAK_PREPOSITIONS
        add(m.start(2), m.end(2), "gazetteer", require_known=True, min_population=5000 if weak else 0)
    # "attack on X": a known town, even where NER called it an organisation (the block is that
    # very name, nothing longer: "attack on Djibo", not "attack on Djibo Airlines").
    for m in _TARGET_RE.finditer(text):
        a, b = m.start(1), m.end(1)
        # the name may run on ("Djibo on Sunday"): an organisation span starting there bounds it
        b = min((y for x, y in blocked or [] if x == a and y <= b), default=b)
        if (a, b) in set(blocked or []) and _town_over_org(text, gaz, a, b, blocked or []):
            taken.remove((a, b))
            add(a, b, "gazetteer", require_known=True, min_population=MIN_POP_OVER_ORG)
            if not any(x.start == a for x in found):
                taken.append((a, b))
        else:
            add(a, b, "gazetteer", require_known=True)
    # Countries and first-level regions named anywhere ("Massachusetts officials said ...").
    for m in _NAMES_RE.finditer(text):
        for s, e in _split_possessives(text, m.start(), m.end()):
            if free(s, e) and _is_region_name(gaz, name_key(text[s:e])):
                add(s, e, "gazetteer", require_known=False)
    # An organisation named after a place: "Texas Department of ...", "Cottonport Fire Station".
    for a, b in blocked or []:
        cut = _trim_institution(text, gaz, a, b)
        if cut < b:
            del taken[: len(taken)]  # re-check against found mentions only
            taken.extend((x.start, x.end) for x in found)
            add(a, cut, "gazetteer", require_known=True)
            taken[:0] = list(blocked or [])
    # One sense per discourse: other occurrences of a recognised name are mentions too,
    # even where NER called them a person ("Alexandria" tagged PERSON next to a GPE one).
    known_texts = {
        m.text for m in found
        if m.source in ("ner", "cue") and m.text[:1].isupper() and len(m.text) > 3 and _known(gaz, m.key, m.base, 0)
    }
    ner_texts = {text[a:b] for a, b, _ in ner_spans or []}
    mentioned = [(m.start, m.end) for m in found]
    for surface in known_texts:
        for occ in re.finditer(r"(?<![\w-])" + re.escape(surface) + r"(?![\w-])", text):
            if any(occ.start() < y and x < occ.end() for x, y in mentioned):
                continue
            # inside a person/organisation span only when NER itself called this name a place
            if surface not in ner_texts and any(occ.start() < y and x < occ.end() for x, y in blocked or []):
                continue
            m2 = Mention.make(text, occ.start(), occ.end(), "repeat")
            if m2 is not None:
                found.append(m2)
                mentioned.append((m2.start, m2.end))
    found.sort(key=lambda m: m.start)
    return found


def _town_over_org(text: str, gaz: Gazetteer, start: int, end: int, blocked: list[tuple[int, int]]) -> bool:
    """Whether the organisation span ``text[start:end]`` after "attack on" is a town: the main name
    of a populated place of ``MIN_POP_OVER_ORG`` people, and NER calls that name an organisation
    or person nowhere else (a group attacked again and again, "Hamas", "Wagner", stays an actor)."""
    surface = text[start:end]
    key = name_key(surface)
    if sum(text[x:y] == surface for x, y in blocked) > 1:
        return False
    return any(p.fclass == "P" and p.population >= MIN_POP_OVER_ORG and name_key(p.name) == key for p in gaz.lookup(key))


def _trim_institution(text: str, gaz: Gazetteer, start: int, end: int) -> int:
    """End of the place name inside an NER span like "Cottonport Fire Station" (else ``end``)."""
    words = list(re.finditer(r"\S+", text[start:end]))
    if len(words) < 2 or _known(gaz, name_key(text[start:end]), "", 0):
        return end
    for i in range(1, len(words)):
        if name_key(words[i].group(0)) in _INSTITUTION_WORDS:
            cut = start + words[i - 1].end()
            if _known(gaz, name_key(text[start:cut]), split_admin_word(text[start:cut])[0], 0):
                return cut
            break
    return end


def _is_region_name(gaz: Gazetteer, key: str) -> bool:
    """A country or first-level region whose main name (or a country alias) is ``key``."""
    if key in COUNTRY_ALIASES:
        return True
    ids = gaz.by_key.get(key, ())
    for gid in ids:
        row = gaz.rows.get(gid)
        if row is not None and row[6] == "A" and row[7] in ("PCLI", "ADM1") and name_key(row[0]) == key:
            return True
    return False


def _known(gaz: Gazetteer, key: str, base: str, min_population: int = 0, *, populated: bool = False) -> bool:
    """Whether the gazetteer has ``key`` (or ``base``), as a region or a place of ``min_population``
    (with ``populated``, only as a populated place of that size)."""
    for k in (key, base):
        for gid in gaz.by_key.get(k, ()) if k else ():
            row = gaz.rows.get(gid)
            if row is not None and (row[8] >= min_population if row[6] == "P" else not populated):
                return True
    return gaz.store is not None and any(
        p.population >= min_population if p.fclass == "P" else not populated for p in gaz.lookup(key)
    )


_DEMONYM_TABLES: dict[str, dict[str, str]] = {}


def demonym_isos(gaz: Gazetteer) -> dict[str, str]:
    """Demonym (name_key form) → ISO code: this module's table plus the extraction lexicon's."""
    table = _DEMONYM_TABLES.get(gaz.version)
    if table is None:
        table = dict(DEMONYMS)
        try:
            from sitrep.extract.lexicon import demonym_table

            by_name = {name_key(p.name): iso for iso, p in gaz.countries.items()}
            by_name.update(COUNTRY_ALIASES)
            for dem, country in demonym_table().items():
                iso = by_name.get(name_key(country))
                if iso:
                    table.setdefault(name_key(dem), iso)
        except ImportError:  # the extraction lexicon is optional here
            pass
        _DEMONYM_TABLES[gaz.version] = table
    return table


@lru_cache(maxsize=1)
def _demonym_re() -> tuple[re.Pattern[str], dict[str, str]]:
    table = dict(DEMONYMS)
    pattern = re.compile(r"\b(" + "|".join(sorted((re.escape(d.title()) for d in table), key=len, reverse=True)) + r")s?\b")
    return pattern, table


def demonym_countries(text: str) -> Counter[str]:
    """ISO codes of countries implied by demonyms ("Ukrainian forces" → UA), with counts."""
    pattern, table = _demonym_re()
    out: Counter[str] = Counter()
    for m in pattern.finditer(text):
        iso = table.get(m.group(1).lower())
        if iso:
            out[iso] += 1
    return out


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence (a light splitter: enough to group places with events)."""
    out: list[tuple[int, int]] = []
    pos = 0
    for m in _SENT_RE.finditer(text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out
