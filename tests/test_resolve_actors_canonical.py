"""Canonical ACLED-style actor names and inter codes."""

from __future__ import annotations

import pytest

from sitrep.models import Claim, Event, Location, Span
from sitrep.resolve.actors import canonical_actor, canonicalise_events


@pytest.mark.parametrize(
    ("text", "hint", "expected"),
    [
        ("North Korean troops", None, ("Military Forces of North Korea", 1)),
        ("Ukraine's forces", None, ("Military Forces of Ukraine", 1)),
        ("civilians", "Sudan", ("Civilians (Sudan)", 7)),
        ("gunmen", "Mali", ("Unidentified Armed Group (Mali)", 2)),
        ("armed gangs", "Haiti", ("Unidentified Armed Group (Haiti)", 3)),
        ("the RSF", None, ("RSF: Rapid Support Forces", 2)),
        ("Pakistani police", None, ("Police Forces of Pakistan", 1)),
        ("protesters", "Kenya", ("Protesters (Kenya)", 6)),
        ("the Kremlin", None, ("Military Forces of Russia", 1)),
        (None, None, (None, None)),
    ],
)
def test_canonical_actor(text: str | None, hint: str | None, expected: tuple[str | None, int | None]) -> None:
    assert canonical_actor(text, hint) == expected


def test_canonicalise_events_sets_inter_codes_and_status() -> None:
    claim = Claim(id="c1", text="x", verification="unconfirmed", evidence=Span(text="x", start=0, end=1))
    ev = Event(id="e1", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
               actor1="Russian forces", actor2="residents", location=Location(name="Sumy", country="Ukraine"),
               claims=["c1"])
    canonicalise_events([ev], [claim])
    assert (ev.actor1, ev.inter1, ev.actor2, ev.inter2) == ("Military Forces of Russia", 1, "Civilians (Ukraine)", 7)
    assert ev.status == "unconfirmed"


def test_unnamed_attacker_of_a_foreign_army_stays_unknown() -> None:
    """On foreign soil an unnamed force striking another country's army is not the host's by default."""
    from sitrep.models import Event, Location
    from sitrep.resolve.actors import canonicalise_events

    host_vs_foreign = Event(id="e1", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                            actor1="troops", actor2="North Korean troops",
                            location=Location(name="Sudzha", country="Russia"))
    defenders = Event(id="e2", event_type="Battles", sub_event_type="Armed clash",
                      actor1="Russian forces", actor2="soldiers", location=Location(name="Kupiansk", country="Ukraine"))
    canonicalise_events([host_vs_foreign, defenders], [])
    assert host_vs_foreign.actor1 is None and host_vs_foreign.actor2 == "Military Forces of North Korea"
    assert defenders.actor1 == "Military Forces of Russia" and defenders.actor2 == "Military Forces of Ukraine"
