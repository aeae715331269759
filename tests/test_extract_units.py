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


def test_toll_updates_superseded_figures_and_number_words() -> None:
    from sitrep.extract.events import casualty_figures

    f = casualty_figures("The number of people killed in the strike on the market rose to nine, officials said.")
    assert (f.killed, f.update) == (9, True)
    f = casualty_figures("Earlier, regional officials had put the toll at seven dead and 19 wounded.")
    assert (f.killed, f.injured, f.killed_stale, f.injured_stale) == (7, 19, True, True)
    assert casualties("Twenty-three people were injured in the attack.") == (None, 23)
    assert casualties("The governor said 119 people had been wounded, 15 of them children.") == (None, 119)
    assert casualties("At least 12 people, among them five children, were killed on Sunday.") == (12, None)
    assert casualties("Troops shelled the village, killing a 76-year-old woman.") == (1, None)
    assert casualties("A man walked past the market.") == (None, None)
    vague = casualty_figures("Militants killed dozens of soldiers in the attack.")
    assert (vague.killed, vague.killed_vague) == (12, True)


def test_dateline_and_outlet_names_are_never_event_places() -> None:
    from sitrep.extract.events import excluded_place_spans
    from sitrep.models import Article

    body = "CAIRO, June 2 (Test Wire) - Shells hit a camp in Darfur.\n\nThe Valley Observer reported the toll."
    spans = excluded_place_spans(body, Article(dateline="Cairo", outlet="Valley Observer"))
    covered = [body[a:b] for a, b in spans]
    assert covered[0].startswith("CAIRO, June 2 (Test Wire) -")
    assert "Valley Observer" in covered
    assert not any("Darfur" in c for c in covered)
    assert excluded_place_spans("Shells hit a camp in Darfur on Sunday.", Article()) == []
