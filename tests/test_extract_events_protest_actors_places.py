"""ACLED's protest convention on the extractor's raw actors (the crowd is actor1 of every protest and riot, the
state force that intervened, by tear gas, live fire or a clash, is actor2, even when the parse makes the force
the subject or a dateline hides it), and the place carried from a sentence before (a country only from the same
paragraph). Hand-written sentences; model-backed, so slow."""

from __future__ import annotations

import pytest

from sitrep.models import Article, Event

pytestmark = pytest.mark.slow


def _events(text: str) -> list[Event]:
    from sitrep.extract.claims import find_claims
    from sitrep.extract.entities import find_entities
    from sitrep.extract.events import find_events
    from sitrep.extract.nlp import parse_body
    from sitrep.settings import Settings

    art = Article(published="2025-03-12")
    doc = parse_body(text, Settings(relevance_gate=True))
    ents = find_entities(doc)
    return find_events(doc, ents, find_claims(doc, ents, art), art)


@pytest.mark.parametrize(
    ("text", "sub", "force"),
    [
        ("Police in the capital fired tear gas at hundreds of protesters demanding new elections on Thursday.",
         "Protest with intervention", "Police"),
        ("LAGOS, Nigeria — Police in Lagos fired tear gas at hundreds of protesters on Thursday, witnesses said.",
         "Protest with intervention", "Police"),
        ("Police used water cannons to disperse protesters outside parliament on Monday.",
         "Protest with intervention", "Police"),
        ("Security forces opened fire on demonstrators in the port city on Friday, killing three.",
         "Excessive force against protesters", "Security forces"),
    ],
)
def test_crowd_is_actor1_and_the_force_actor2(text: str, sub: str, force: str) -> None:
    evs = [e for e in _events(text) if e.sub_event_type == sub]
    assert len(evs) == 1, [(e.sub_event_type, e.actor1, e.actor2) for e in _events(text)]
    assert (evs[0].actor1 or "").lower() in ("protesters", "demonstrators", "hundreds of protesters")
    assert (evs[0].actor2 or "").lower() == force.lower()


def test_riot_clash_gives_the_police_as_actor2() -> None:
    evs = _events("Protesters clashed with police in the city centre on Saturday.")
    assert [(e.sub_event_type, (e.actor2 or "").lower()) for e in evs] == [("Violent demonstration", "police")]


def test_peaceful_march_has_no_actor2_once_canonical() -> None:
    from sitrep.resolve.actors import canonicalise_events

    evs = _events("Thousands of people marched peacefully through the capital of Kenya on Sunday to demand the release "
                  "of political prisoners.")
    canonicalise_events(evs, [])
    assert [(e.sub_event_type, e.actor1, e.actor2) for e in evs] == [("Peaceful protest", "Protesters (Kenya)", None)]


def test_a_country_named_in_an_earlier_paragraph_is_no_place_of_the_event() -> None:
    text = ("Doctors said the children had referrals to hospitals in Egypt before the war began.\n\n"
            "Their fear grows with every raid near the ward. The damage was extensive, and four people were killed.")
    evs = _events(text)
    assert evs and all(e.location.name != "Egypt" for e in evs), [(e.sub_event_type, e.location.name) for e in evs]


def test_a_town_named_in_the_paragraph_before_still_places_the_event() -> None:
    text = ("Fighting raged around the town of Avdiivka on Tuesday, officials said.\n\n"
            "Russian shelling killed four civilians, the regional governor said.")
    evs = _events(text)
    assert [e.location.name for e in evs] == ["Avdiivka"], [(e.sub_event_type, e.location.name) for e in evs]
