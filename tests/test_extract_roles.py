"""People's roles and titles (``ROLE`` entities pointing at their person); hand-written sentences, names made up."""

from __future__ import annotations

import pytest

from sitrep.models import Entity


def _entities(text: str) -> list[Entity]:
    from sitrep.extract.entities import find_entities
    from sitrep.extract.nlp import parse_body
    from sitrep.settings import Settings

    return find_entities(parse_body(text, Settings(relevance_gate=False)))


def _roles(text: str) -> dict[str, str | None]:
    return {e.text: e.canonical for e in _entities(text) if e.label == "ROLE"}


pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "role", "person"),
    [
        ("Regional Governor Oleh Marchenko reported the strike on Monday.", "Regional Governor", "Oleh Marchenko"),
        ("Foreign Minister Dmytro Koval said the talks would resume.", "Foreign Minister", "Dmytro Koval"),
        ("Secretary of State Jane Holloway arrived on Monday.", "Secretary of State", "Jane Holloway"),
        ("Col. Andriy Kovalenko said two soldiers were wounded.", "Col.", "Andriy Kovalenko"),
        ("The army's spokesman, Col. Andriy Kovalenko, said two soldiers were wounded.", "The army's spokesman",
         "Andriy Kovalenko"),
        ("Jane Holloway, the mayor of the town, said the shelling stopped.", "the mayor of the town", "Jane Holloway"),
        ("Oleh Marchenko, head of military intelligence, said so.", "head of military intelligence", "Oleh Marchenko"),
    ],
)
def test_roles_point_at_their_person(text: str, role: str, person: str) -> None:
    roles = _roles(text)
    assert roles.get(role) == person, roles


def test_a_nationality_or_place_before_a_title_stays_its_own_entity() -> None:
    ents = _entities("Ukrainian Foreign Minister Dmytro Koval said the talks would resume.")
    assert [e.text for e in ents if e.label == "ROLE"] == ["Foreign Minister"]
    assert any(e.text == "Ukrainian" and e.label in ("NORP", "GPE") for e in ents)


def test_a_department_word_in_a_title_is_no_organisation_and_the_first_name_is_kept() -> None:
    """The small model reads "Defence Minister Rustem Umerov" as ORG "Defence" + PERSON "Umerov"."""
    ents = _entities("Ukraine's Defence Minister Rustem Umerov said the troops held the line. Mr. Umerov left.")
    people = [(e.text, e.canonical) for e in ents if e.label == "PERSON"]
    assert ("Rustem Umerov", "Rustem Umerov") in people
    assert ("Umerov", "Rustem Umerov") in people  # the later short mention links to the full name
    assert not any(e.label == "ORG" and e.text == "Defence" for e in ents)
    assert _roles("Ukraine's Defence Minister Rustem Umerov said the troops held the line.") == {
        "Defence Minister": "Rustem Umerov"}


@pytest.mark.parametrize(
    "text",
    [
        "John Smith, who lives nearby, said he heard blasts.",
        "Mary Jones, 45, said the house shook.",
        "Peter Brown, the capital's best-known baker, said nothing.",
        "On Monday Peter Brown said nothing.",
    ],
)
def test_no_role_where_none_is_written(text: str) -> None:
    assert _roles(text) == {}


def test_role_entities_keep_the_offset_contract() -> None:
    text = "The army's spokesman, Col. Andriy Kovalenko, said two soldiers were wounded."
    for e in _entities(text):
        assert text[e.start : e.end] == e.text


def test_a_known_armed_group_tagged_as_a_person_or_place_is_an_organisation() -> None:
    ents = _entities("The Houthis said they fired two missiles at the ship, and Hezbollah said it fired rockets.")
    groups = {(e.text, e.label, e.canonical) for e in ents if e.text in ("Houthis", "Hezbollah")}
    assert groups and all(label == "ORG" for _, label, _ in groups), groups
    assert ("Houthis", "ORG", "Ansar Allah (Houthis)") in groups


def test_a_name_the_document_uses_as_a_place_is_a_place_everywhere() -> None:
    text = ("Russian forces shelled Dorvalsk Oblast overnight. Dorvalsk Oblast Governor Ivan Petrenko said "
            "a strike on Dorvalsk wounded two people. Mr. Petrenko said the city was calm.")
    ents = _entities(text)
    assert all(e.label in ("GPE", "LOC") for e in ents if e.text in ("Dorvalsk", "Dorvalsk Oblast")), \
        [(e.text, e.label) for e in ents]
    assert any(e.text == "Ivan Petrenko" and e.label == "PERSON" for e in ents)
