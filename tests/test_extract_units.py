"""Unit tests of the regex/lexicon parts of extraction (no spaCy model needed)."""

from __future__ import annotations

from sitrep.extract.events import casualties
from sitrep.extract.lexicon import country_of, find_country_mention
from sitrep.extract.nlp import find_armed_actor_offsets, find_unit_offsets, is_relevant_text


def _spans(text: str, offsets: list[tuple[int, int]]) -> list[str]:
    return [text[a:b] for a, b in offsets]


def test_unit_list_splits_into_one_unit_per_ordinal() -> None:
    text = "the units were the 92nd and 94th Special Force Brigades of the army."
    assert _spans(text, find_unit_offsets(text)) == ["92nd", "94th Special Force Brigades"]


def test_single_units_and_nicknames() -> None:
    text = "The 3rd Assault Brigade and the 47th Mechanized Brigade, or Magura Brigade, held the line."
    got = _spans(text, find_unit_offsets(text))
    assert "3rd Assault Brigade" in got and "47th Mechanized Brigade" in got and "Magura Brigade" in got


def test_armed_actors_need_a_force_noun() -> None:
    text = "Sudanese soldiers and Israel's army met Chinese diplomats."
    assert _spans(text, find_armed_actor_offsets(text)) == ["Sudanese soldiers", "Israel's army"]


def test_demonyms_and_aliases() -> None:
    assert country_of("Burkinabe") == "Burkina Faso"
    assert country_of("U.S.") == "United States"
    assert country_of("Ukraine's") == "Ukraine"
    assert find_country_mention("the Telegram channel of Ukraine's 8th brigade") == "Ukraine"


def test_casualty_phrases() -> None:
    assert casualties("which claims to have killed 50 fighters, and wounded 47.") == (50, 47)
    assert casualties("At least three people have been killed and 12 injured.") == (3, 12)
    assert casualties("the strike killed 16 people and injured over 70") == (16, 70)
    assert casualties("a rampage that left dozens of people dead") == (12, None)
    assert casualties("Between 5 and 7 civilians were killed") == (None, None) or casualties(
        "Between 5 and 7 civilians were killed"
    )[0] in (5, 7)
    assert casualties("The meeting ended with no agreement.") == (None, None)


def test_relevance_gate() -> None:
    assert is_relevant_text("Artillery shelled the town overnight.")
    assert not is_relevant_text("The central bank kept interest rates unchanged on Thursday.")
