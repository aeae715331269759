"""Event drafts (one per trigger sentence) and how drafts about one event merge into one.

Same sub-type and place (or a region and a town named within three sentences, or the same toll), a
generic "attack" into a specific report next to it, a "district of the city" into the city's report,
and title lines into the body's first report of the same event type (their fields only fill gaps).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sitrep.extract.casualties import CasualtyFigures
from sitrep.extract.lexicon import country_of, find_country_mention
from sitrep.models import SUB_EVENT_TO_TYPE, Location, Span

_TERRITORY = ("Government regains territory", "Non-state actor overtakes territory")


def _r(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


@dataclass
class _Draft:
    sub: str
    sent_idx: int
    evidence: list[Span]
    actor1: str | None = None
    assoc_actor1: str | None = None
    actor2: str | None = None
    location: Location = field(default_factory=Location)
    date_text: str | None = None
    fatalities: int | None = None
    injured: int | None = None
    claims: list[str] = field(default_factory=list)
    fatalities_vague: bool = False
    injured_vague: bool = False
    update: bool = False  # a figure came from a toll update ("rose to")
    headline: bool = False  # a title line: its fields only fill gaps of the body's report
    sub_place: bool = False  # the place is "the X district of the city": part of a place named before
    trigger: str = ""

    def take_figures(self, f: CasualtyFigures) -> None:
        """Fold another sentence's figures in: updates replace, exact figures replace vague ones,
        superseded figures only fill a gap; otherwise the first figure stays."""
        if f.killed is not None and (self.fatalities is None or (f.update and not f.killed_stale)
                                     or (self.fatalities_vague and not f.killed_vague and not f.killed_stale)):
            self.fatalities, self.fatalities_vague = f.killed, f.killed_vague
            self.update = self.update or f.update
        if f.injured is not None and (self.injured is None
                                      or (self.injured_vague and not f.injured_vague and not f.injured_stale)):
            self.injured, self.injured_vague = f.injured, f.injured_vague


def _same_place(a: Location, b: Location, a_text: str = "", b_text: str = "") -> bool:
    """Same place: a name missing, one name inside the other, or one named in the other's sentences
    ("the village of X in Y Oblast" places X inside Y)."""
    if not a.name or not b.name:
        return True
    x, y = a.name.lower(), b.name.lower()
    return x in y or y in x or x in b_text.lower() or y in a_text.lower()


_REGION_WORDS = _r(r"\b(region|oblast|province|district|governorate|state|county|border|area|territory|strip|coast|"
                   r"north|south|east|west|northern|southern|eastern|western|central)\b")
#: Trigger words that only say "an attack happened"; a more specific report of the same event absorbs them.
_GENERIC_TRIGGER = _r(r"^(attack(ed|s|ing)?|raid(ed|s)?|targeted|assaults?|offensive|storm(ed|ing))\b")


def _coarse(loc: Location) -> bool:
    """No place, a country, or a region-level name: compatible with a town named nearby."""
    return not loc.name or country_of(loc.name) is not None or bool(_REGION_WORDS.search(loc.name))


def _actor_country(a: str) -> str | None:
    return country_of(a.split()[0]) or find_country_mention(a)


def _same_country_actor(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    if a == b or a.lower() in b.lower() or b.lower() in a.lower():
        return True
    ca, cb = _actor_country(a), _actor_country(b)
    return ca is not None and ca == cb


def _fold(target: _Draft, d: _Draft, fill_only: bool = False) -> None:
    """Fold draft ``d`` into ``target``; with ``fill_only`` (a headline) its fields only fill gaps."""
    target.evidence.extend(d.evidence)
    target.evidence.sort(key=lambda sp: sp.start)
    target.actor1 = target.actor1 or d.actor1
    target.actor2 = target.actor2 or d.actor2
    target.assoc_actor1 = target.assoc_actor1 or d.assoc_actor1
    if not target.location.name and d.location.name:
        target.location = d.location
    elif not fill_only and d.location.name and _coarse(target.location) and not _coarse(d.location) \
            and abs(d.sent_idx - target.sent_idx) <= 3:
        target.location = d.location  # a town named in a later sentence beats "northern Burkina Faso"
    elif d.location.name and target.location.name and len(d.location.name) < len(target.location.name):
        target.location.country = target.location.country or d.location.country
    target.date_text = target.date_text or d.date_text
    if fill_only:
        target.fatalities = target.fatalities if target.fatalities is not None else d.fatalities
        target.injured = target.injured if target.injured is not None else d.injured
    else:
        target.take_figures(CasualtyFigures(killed=d.fatalities, injured=d.injured, killed_vague=d.fatalities_vague,
                                            injured_vague=d.injured_vague, update=d.update))
    if not fill_only:
        target.sent_idx = max(target.sent_idx, d.sent_idx)


def _merge(drafts: list[_Draft]) -> list[_Draft]:
    """Merge drafts about one event: same sub-type and place (or a region and a town named within three
    sentences), a generic "attack" into a specific report next to it, and title lines into the body's
    first report of the same event type."""
    out: list[_Draft] = []
    for d in (x for x in drafts if not x.headline):
        target = None
        for o in out:
            o_text = " ".join(sp.text for sp in o.evidence)
            d_text = " ".join(sp.text for sp in d.evidence)
            if o.sub != d.sub and not (o.sub in _TERRITORY and d.sub in _TERRITORY):
                continue
            same_toll = o.fatalities is not None and o.fatalities == d.fatalities
            near = d.sent_idx - o.sent_idx <= 3 or same_toll
            figures_fit = o.fatalities is None or d.fatalities is None or same_toll
            places_conflict = not _coarse(o.location) and not _coarse(d.location) \
                and not _same_place(o.location, d.location, o_text, d_text)
            near_same_actor = near and _same_country_actor(o.actor1, d.actor1) and figures_fit and not places_conflict
            near_region = near and figures_fit and (_coarse(o.location) or _coarse(d.location))
            same_place = _same_place(o.location, d.location, o_text, d_text)
            if same_place and not (o.location.name and d.location.name) and not near:
                same_place = False  # an unplaced report joins another only a few sentences away
            if not same_place and not near_same_actor and not near_region:
                continue
            # one place changes hands once in a report: a capture restated nearby ("liberated" in the capturer's
            # statement, the actor misread as the other side) is the same capture, whatever the actor
            restated_capture = o.sub in _TERRITORY and d.sub in _TERRITORY and near and same_place
            if o.actor1 and d.actor1 and _actor_country(o.actor1) != _actor_country(d.actor1) and not restated_capture \
                    and o.actor1.lower() not in d.actor1.lower() and d.actor1.lower() not in o.actor1.lower():
                continue
            target = o
            break
        if target is None and d.sub_place:
            # "in the X district of the city": a part of the place of the last report of this kind
            target = next((o for o in reversed(out) if o.sub == d.sub and _same_country_actor(o.actor1, d.actor1)), None)
        if target is None:
            out.append(d)
        else:
            _fold(target, d)
    # a generic "attack" next to a specific report of the same place (a suicide bombing, a drone strike)
    for d in list(out):
        if d.sub not in ("Armed clash", "Attack") or not _GENERIC_TRIGGER.match(d.trigger):
            continue
        spec = [o for o in out if o is not d and o.sub not in ("Armed clash", "Attack") and abs(o.sent_idx - d.sent_idx) <= 3
                and SUB_EVENT_TO_TYPE[o.sub] != "Strategic developments" and _same_place(o.location, d.location)
                and (o.fatalities is None or d.fatalities is None or o.fatalities == d.fatalities)]
        if spec:
            _fold(spec[0], d)
            out.remove(d)
    for h in (x for x in drafts if x.headline):
        body_event = next((o for o in out if not o.headline and SUB_EVENT_TO_TYPE[o.sub] == SUB_EVENT_TO_TYPE[h.sub]), None)
        if body_event is None:
            out.append(h)
        else:
            _fold(body_event, h, fill_only=True)
    out.sort(key=lambda d: d.evidence[0].start)
    return out
