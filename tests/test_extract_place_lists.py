"""Places the small NER model calls people or organisations, read from their company: names listed with places
("reported from Balakote, Mendhar and Kerni"), "between X and Y", "the region of X", other spellings of the
largest cities ("Kiev"), and clock time zones ("2300 GMT") that are no organisation. Lists of people stay people.

Hand-written sentences (no article text); model-backed, so slow.
"""

from __future__ import annotations

import pytest

from sitrep.models import Entity

pytestmark = pytest.mark.slow


def _entities(text: str) -> list[Entity]:
    from sitrep.extract.entities import find_entities
    from sitrep.extract.nlp import parse_body
    from sitrep.settings import Settings

    return find_entities(parse_body(text, Settings(relevance_gate=False)))


def _labels(ents: list[Entity], text: str) -> set[str]:
    return {e.label for e in ents if e.text == text}


def test_names_listed_among_places_are_places() -> None:
    text = ("Heavy shelling was reported overnight from Rajouri, Poonch, Mendhar, Sagrapur, Kalwani and even the "
            "district headquarters.")
    ents = _entities(text)
    listed = [e for e in ents if e.text in ("Rajouri", "Poonch", "Mendhar", "Sagrapur", "Kalwani")]
    assert listed, ents
    assert all(e.label in ("GPE", "LOC") for e in listed), [(e.text, e.label) for e in listed]


def test_list_of_people_stays_people() -> None:
    ents = _entities("The talks were attended by Volodymyr Zelensky, Emmanuel Macron and Olaf Scholz in Paris.")
    people = [e for e in ents if e.text in ("Volodymyr Zelensky", "Emmanuel Macron", "Olaf Scholz")]
    assert people and not any(e.label in ("GPE", "LOC") for e in people), [(e.text, e.label) for e in ents]


def test_region_of_and_peninsula_of_name_a_place() -> None:
    ents = _entities("The army said its units were operating in the Russian region of Velikoye, near the "
                     "peninsula of Tarkhankut.")
    assert _labels(ents, "Velikoye") & {"GPE", "LOC"}
    assert _labels(ents, "Tarkhankut") & {"GPE", "LOC"}


def test_other_spelling_of_a_large_city_is_a_place() -> None:
    ents = _entities("Moscow said Kiev's forces had been pushed back from the border.")
    assert _labels(ents, "Kiev") == {"GPE"}, [(e.text, e.label) for e in ents]


def test_time_zone_is_no_organisation() -> None:
    ents = _entities("The air strikes began a little after 2 am (2300 GMT) and went on for two hours.")
    assert not [e for e in ents if e.text == "GMT"]
