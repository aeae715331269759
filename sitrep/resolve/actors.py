"""Actor names as written → canonical ACLED-style actors with ACLED inter codes; final event status.

General patterns only (no per-article names):

==========================================  ====================================  =====
as written                                  canonical                             inter
==========================================  ====================================  =====
"North Korean troops", "Ukraine's army"     Military Forces of North Korea        1
"police", "Pakistani police"                Police Forces of Pakistan             1
"civilians", "residents", "crew"            Civilians (<country>)                 7
"protesters", "demonstrators"               Protesters (<country>)                6
"rioters", "mob"                            Rioters (<country>)                   5
"gunmen", "militants", "jihadists"          Unidentified Armed Group (<country>)  2 (3 for gangs)
"Hamas", "RSF", "Hezbollah", ...            the name itself (plus known long form) 2
"Russia", "the Kremlin", "Government of X"  Military Forces of X (as an attacker) 1
==========================================  ====================================  =====

``<country>`` is the event's ``location.country`` when the geocoder set it, else the country
named in the phrase; unknown → the bare label ("Civilians").
"""

from __future__ import annotations

import re
from types import EllipsisType

from sitrep.extract.lexicon import (
    ARMED_GROUP_NOUNS,
    CIVILIAN_NOUNS,
    FORCE_NOUNS,
    KNOWN_GROUPS,
    METONYMS,
    POLICE_NOUNS,
    PROTESTER_NOUNS,
    RIOTER_NOUNS,
    country_of,
    find_country_mention,
)
from sitrep.models import Claim, Event

_GANG_WORDS = frozenset("gang gangs gangsters bandits".split())


def canonical_actor(
    text: str | None, country_hint: str | None = None, *, force_hint: str | None | EllipsisType = ...
) -> tuple[str | None, int | None]:
    """(canonical name, ACLED inter code) for an actor phrase; (None, None) for None.

    ``force_hint`` is the country an unnamed force ("troops") belongs to (default: ``country_hint``);
    with None such a force is unknown and comes back as None.
    """
    if isinstance(force_hint, EllipsisType):
        force_hint = country_hint
    if not text:
        return None, None
    raw = text.strip()
    if raw.startswith(("Military Forces of", "Police Forces of", "Civilians", "Unidentified Armed Group",
                       "Protesters", "Rioters", "Government of")):
        inter = 7 if raw.startswith("Civilians") else 2 if raw.startswith("Unidentified") else (
            6 if raw.startswith("Protesters") else 5 if raw.startswith("Rioters") else 1)
        if raw.startswith("Government of"):
            return "Military Forces of " + raw[len("Government of "):], 1
        return raw, inter
    low = re.sub(r"^(the|a|an)\s+", "", raw.lower())
    low = re.sub(r"['’]s\b", "", low)
    for key, (name, inter) in KNOWN_GROUPS.items():
        if re.search(rf"(?<![\w-]){re.escape(key)}(?![\w-])", low):
            return name, inter
    if low in METONYMS:
        return "Military Forces of " + METONYMS[low].removeprefix("Government of "), 1
    words = set(re.findall(r"[a-z][a-z-]*", low))
    country = find_country_mention(raw) or country_hint
    suffix = f" ({country})" if country else ""
    if words & POLICE_NOUNS and not words & {"military", "army"}:
        return (f"Police Forces of {country}" if country else "Police Forces"), 1
    if words & PROTESTER_NOUNS:
        return f"Protesters{suffix}", 6
    if words & RIOTER_NOUNS:
        return f"Rioters{suffix}", 5
    if words & CIVILIAN_NOUNS and not words & FORCE_NOUNS:
        return f"Civilians{suffix}", 7
    if words & ARMED_GROUP_NOUNS and not (find_country_mention(raw) and words & FORCE_NOUNS):
        return f"Unidentified Armed Group{suffix}", 3 if words & _GANG_WORDS else 2
    named_country = find_country_mention(raw)
    if named_country and (words & FORCE_NOUNS or country_of(raw) or len(words) <= 3):
        return f"Military Forces of {named_country}", 1
    if words & FORCE_NOUNS and force_hint:
        return f"Military Forces of {force_hint}", 1
    if words & FORCE_NOUNS and words <= FORCE_NOUNS | _UNNAMED_WORDS:
        return None, None  # "troops", "the soldiers": whose is not said
    return raw, None


_UNNAMED_WORDS = {"the", "a", "an", "some", "several", "many", "other", "enemy", "its", "their", "his", "her", "our"}


def canonicalise_events(events: list[Event], claims: list[Claim]) -> None:
    """Canonical actors and inter codes in place; final status from the events' claims."""
    from sitrep.extract.events import status_from_claims

    by_id = {c.id: c for c in claims}
    for ev in events:
        hint = _country_hint(ev)
        # An unnamed attacker ("troops struck ...") is not assumed to be the event country's own
        # force when its target is another country's army: on foreign soil either side may strike,
        # and an unknown actor stays unknown rather than guessed. (A named attacker with an unnamed
        # target keeps the hint: the defenders are usually the country's own forces.)
        if _names_the_place(ev.actor2, ev):
            # "a Russian strike against Zaporizhzhia": the place is where, its people are whom (ACLED codes
            # the civilians of a struck town only when someone was hurt)
            hurt = bool(ev.fatalities or ev.injured)
            ev.actor2 = f"Civilians ({hint})" if hurt and hint else None
        target = canonical_actor(ev.actor2, None)[0]
        foreign_target = bool(target and target.startswith("Military Forces of ") and target != f"Military Forces of {hint}")
        ev.actor1, ev.inter1 = canonical_actor(ev.actor1, hint, force_hint=None if foreign_target else hint)
        ev.actor2, ev.inter2 = canonical_actor(ev.actor2, hint)
        ev.assoc_actor1 = canonical_actor(ev.assoc_actor1, None)[0]
        ev.assoc_actor2 = canonical_actor(ev.assoc_actor2, hint)[0]
        _demonstrators_first(ev, hint)
        if ev.actor2 and ev.actor2 == ev.actor1:
            ev.actor2, ev.inter2 = None, None
        _territory_from_places(ev)
        support = [by_id[c] for c in ev.claims if c in by_id]
        if support:
            ev.status = status_from_claims(support)


_TERRITORY = ("Government regains territory", "Non-state actor overtakes territory")


def _demonstrators_first(ev: Event, hint: str | None) -> None:
    """ACLED codes the demonstrators as actor1 of every protest and riot; a state force found as the doer of a
    protest ("police", "the territory's government") is the one intervening (actor2), or no actor of a
    peaceful protest."""
    if ev.event_type not in ("Protests", "Riots"):
        return
    if (ev.actor1 or "").startswith(("Protesters", "Rioters")):
        if ev.sub_event_type == "Peaceful protest":
            ev.actor2, ev.inter2 = None, None  # nobody acted on a peaceful protest
        return
    crowd, inter = ("Protesters", 6) if ev.event_type == "Protests" else ("Rioters", 5)
    other, other_inter = ev.actor1, ev.inter1
    ev.actor1, ev.inter1 = (f"{crowd} ({hint})" if hint else crowd), inter
    if ev.sub_event_type != "Peaceful protest" and ev.actor2 is None and other_inter == 1:
        ev.actor2, ev.inter2 = other, other_inter
    elif ev.sub_event_type == "Peaceful protest":
        ev.actor2, ev.inter2 = None, None


def _names_the_place(actor: str | None, ev: Event) -> bool:
    """The actor as written is the event's own town or region ("Zaporizhzhia" for "Zaporizhzhia Oblast")."""
    if not actor or find_country_mention(actor):
        return False
    low = re.sub(r"^the\s+", "", actor.strip().lower())
    for name in (ev.location.name, ev.location.admin1, ev.location.admin2):
        n = (name or "").lower()
        if n and (low == n or n.startswith(low + " ")):
            return True
    return False


def _territory_from_places(ev: Event) -> None:
    """A state force taking a place in its own country regains it; elsewhere it overtakes (news-dev convention)."""
    if ev.sub_event_type not in _TERRITORY or not ev.actor1 or not ev.location.country:
        return
    if ev.inter1 == 1 and ev.actor1.startswith("Military Forces of "):
        own = ev.actor1.removeprefix("Military Forces of ")
        ev.sub_event_type = _TERRITORY[0] if own == ev.location.country else _TERRITORY[1]
        if own != ev.location.country and ev.actor2 is None:
            # a state force taking a place in another country takes it from that country's forces
            ev.actor2, ev.inter2 = f"Military Forces of {ev.location.country}", 1
    elif ev.inter1 in (2, 3, 4):
        ev.sub_event_type = _TERRITORY[1]


def _country_hint(ev: Event) -> str | None:
    """The event's country for unnamed actors: the geocoded country when the text names it (or a place
    in it), else the country the evidence places the event in ("in northern Mali"), else the geocoded one."""
    text = " ".join(sp.text for sp in ev.evidence)
    if ev.location.country and ev.location.name and ev.location.name in text:
        return ev.location.country
    m = re.search(r"\bin (?:the )?(?:(?:north|south|east|west|central|northern|southern|eastern|western)\w*\s+)?"
                  r"([A-Z][\w-]+(?: [A-Z][\w-]+)?)", text)
    if m and country_of(m.group(1)):
        return country_of(m.group(1))
    return ev.location.country
