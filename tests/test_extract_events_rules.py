"""Event rules on hand-written sentences (model-backed, slow): typing, salience, actors, merging."""

from __future__ import annotations

import pytest

from sitrep.extract.events import classify_sub_event, is_headline, territory_kind
from sitrep.models import Article, Event


def _events(text: str) -> list[Event]:
    from sitrep.extract.claims import find_claims
    from sitrep.extract.entities import find_entities
    from sitrep.extract.events import find_events
    from sitrep.extract.nlp import parse_body
    from sitrep.settings import Settings

    doc = parse_body(text, Settings(relevance_gate=False))
    ents = find_entities(doc)
    claims = find_claims(doc, ents, Article())
    return find_events(doc, ents, claims, Article(outlet="Test Wire"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police fired tear gas to disperse protesters in the capital.", "Protest with intervention"),
        ("A roadside bomb exploded near a convoy.", "Remote explosive/landmine/IED"),
        ("Gunmen abducted 20 passengers on the highway.", "Abduction/forced disappearance"),
        ("The two sides signed a ceasefire agreement on Sunday.", "Agreement"),
        ("Security forces seized a cache of weapons and explosives.", "Disrupted weapons use"),
        ("Hundreds of students marched peacefully to parliament.", "Peaceful protest"),
        ("The economy grew by two percent last quarter.", None),
        ("Government troops and allied fighters captured the town from the rebels.", "Government regains territory"),
        ("Rebel fighters took control of the town without a fight after the army withdrew.",
         "Non-violent transfer of territory"),
        ("Warplanes destroyed an arms depot used by the group.", "Air/drone strike"),
        ("Police detained dozens of protesters in the capital.", "Protest with intervention"),
        ("Shops and vehicles were burned and looted overnight.", "Looting/property destruction"),
        ("Police clashed on Saturday with hundreds of protesters near the square.", "Violent demonstration"),
        ("Hundreds of fighters attacked the army base at dawn.", "Armed clash"),
        ("Jihadists overran the army post and killed four soldiers.", "Armed clash"),
    ],
)
def test_classify_sub_event(text: str, expected: str | None) -> None:
    assert classify_sub_event(text) == expected


def test_territory_kind_depends_on_who_captures() -> None:
    t = "Rebels captured the town of Kidal after heavy fighting."
    assert territory_kind(t, t.index("captured")) == "Non-state actor overtakes territory"
    t = "Government forces recaptured the town from the rebels."
    assert territory_kind(t, t.index("recaptured")) == "Government regains territory"


def test_headline_detection() -> None:
    assert is_headline("Two Soldiers Killed in Militant Attack on Border Post")
    assert not is_headline("Two soldiers were killed in an attack on a border post.")




@pytest.mark.slow
def test_negated_and_future_attacks_are_not_events() -> None:
    assert _events("The army did not shell the village. Officials warned that rebels will attack the town.") == []


@pytest.mark.slow
def test_strike_with_casualties_actors_and_merged_follow_up() -> None:
    text = (
        "Russian forces shelled the village of Dolynka on Monday, killing two civilians. "
        "Another three people were wounded in the shelling of Dolynka, the governor said."
    )
    events = _events(text)
    assert len(events) == 1
    ev = events[0]
    assert ev.sub_event_type == "Shelling/artillery/missile attack"
    assert ev.actor1 == "Russian forces"
    assert ev.location.name == "Dolynka"
    assert (ev.fatalities, ev.injured) == (2, 3)
    assert ev.date_text and "Monday" in ev.date_text
    assert len(ev.evidence) == 2
    for span in ev.evidence:
        assert text[span.start : span.end] == span.text


@pytest.mark.slow
def test_alongside_ally_is_associated_not_opponent() -> None:
    text = "Chadian troops fought alongside Malian soldiers against jihadists near Menaka on Friday."
    events = _events(text)
    assert events and events[0].event_type == "Battles"
    ev = events[0]
    assert ev.actor1 == "Chadian troops"
    assert ev.assoc_actor1 and "Malian" in ev.assoc_actor1
    assert ev.actor2 is None or "Malian" not in ev.actor2


@pytest.mark.slow
def test_unit_named_after_its_country_belongs_to_that_countrys_forces() -> None:
    from sitrep.resolve.actors import canonical_actor

    text = ("Officials said on Tuesday that the units involved in the assault on Baranivka were "
            "the Belarusian 31st and 45th Mechanised Brigades.")
    events = _events(text)
    assert events
    actor = events[0].actor1
    assert actor and actor.startswith("Belarusian")
    assert canonical_actor(actor)[0] == "Military Forces of Belarus"


@pytest.mark.slow
def test_reaction_to_the_reported_strike_is_not_a_new_event() -> None:
    text = ("An Israeli drone strike on a car near Tyre killed two people on Tuesday, the health ministry said. "
            "Under the truce, the group was to withdraw its fighters from the border. "
            "President Nawaf Salam's office condemned the strike and called on Egypt and Qatar, which mediate "
            "the truce, to press Israel to stop its attacks.")
    events = _events(text)
    # ("Under the truce, the group was to withdraw ..." states the terms of an agreement, not one made)
    assert [ev.sub_event_type for ev in events] == ["Air/drone strike"]
    assert all("condemned" not in sp.text for ev in events for sp in ev.evidence)
