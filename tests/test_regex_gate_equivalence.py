"""The keyword pre-checks (sitrep.extract.regex_gate) never change a result: gated searches equal plain ones."""

from __future__ import annotations

import random
import re

import pytest

from sitrep.extract import casualties as cas
from sitrep.extract.event_places import _contains_word
from sitrep.extract.event_places import followed_by as _followed_by
from sitrep.extract.events import (
    _TERRITORY,
    RULES,
    _rule_applies,
    classify_sub_event,
    territory_kind,
)
from sitrep.extract.nlp import _actor_matches, find_armed_actor_offsets
from sitrep.extract.regex_gate import folded, may_match, required_words

SENTENCES = [
    "Russian troops shelled the village of Kupiansk on Sunday, killing three civilians and wounding 12.",
    "The death toll rose to 35, officials said. Earlier, officials had put the toll at seven.",
    "A MAN WAS KILLED when gunmen opened fire on worshippers.",
    "Protesters torched cars; police fired tear gas and arrested 40 people.",
    "Ukraine's forces said they shot down 12 Shahed drones overnight.",
    "The Kelvin sign \u212aILLED nothing: a folded letter (\u212a ~ k) must not be missed by the pre-check.",
    "Fiſhermen were \u017fhot dead near the port; \u0130NJURED 4.",  # long s, dotted capital I
    "Israeli air strikes hit Gaza; Hezbollah fighters clashed with Israeli soldiers.",
    "The company reported strong quarterly earnings and plans to expand in Asia.",
    "Hundreds of demonstrators clashed with riot police in the capital.",
    "Nigerian soldiers repelled an attack by Boko Haram militants, killing twenty-three of them.",
]


def _random_texts(n: int = 300) -> list[str]:
    words = re.findall(r"[\w'’-]+|[.,;:!?]", " ".join(SENTENCES)) + ["\u212a", "\u017f", "\u0130", "\u0131"]
    rng = random.Random(7)
    return [" ".join(rng.choice(words) for _ in range(rng.randint(3, 30))) for _ in range(n)]


def test_required_words_are_necessary_for_every_rule_match() -> None:
    for text in SENTENCES + _random_texts():
        low = folded(text)
        for _name, rx in RULES:
            if rx.search(text):
                assert may_match(required_words(rx), low), (rx.pattern[:60], text)


def _classify_sub_event_plain(text: str) -> str | None:
    """classify_sub_event without the pre-checks: every rule searched in order (the oracle)."""
    for name, rx in RULES:
        m = rx.search(text)
        if m and _rule_applies(name, text, m):
            return territory_kind(text, m.start()) if name in _TERRITORY else name
    return None


def test_classify_sub_event_equals_the_plain_rule_loop() -> None:
    texts = SENTENCES + _random_texts()
    assert [classify_sub_event(t) for t in texts] == [_classify_sub_event_plain(t) for t in texts]
    assert any(classify_sub_event(t) for t in texts)  # the corpus exercises the rules at all


@pytest.mark.parametrize("rx_name", ["_TOLL_UPDATE", "_KILL_INJ_PAIR", "_KILLED_AFTER", "_KILLED_BEFORE",
                                     "_INJ_AFTER", "_INJ_BEFORE", "_ONE_KILLED"])
def test_casualty_pattern_words_are_necessary(rx_name: str) -> None:
    rx = getattr(cas, rx_name)
    words = required_words(rx)
    assert words, f"{rx_name}: no words derived, the pre-check would never skip"
    for text in SENTENCES + _random_texts():
        if rx.search(text):
            assert may_match(words, folded(text)), text


def test_folded_refuses_texts_with_letters_that_fold_onto_ascii() -> None:
    assert folded("Killed") == "killed"
    for odd in ("\u212a", "\u017f", "\u0130", "\u0131"):
        assert folded(f"x{odd}y") is None


def test_actor_matches_equal_a_plain_finditer() -> None:
    find_armed_actor_offsets("")  # builds the pattern
    from sitrep.extract import nlp

    assert nlp._ACTOR_RE is not None
    for text in SENTENCES + _random_texts() + ["\n".join(SENTENCES)]:
        assert [m.span() for m in _actor_matches(text)] == [m.span() for m in nlp._ACTOR_RE.finditer(text)], text


def test_word_and_tail_helpers_equal_compiled_patterns() -> None:
    rng = random.Random(3)
    alphabet = "ab _-.é²'’X"
    tail = re.compile(r"\s+of the (city|town|capital|village)\b")
    for _ in range(20000):
        hay = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        needle = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 4)))
        assert _contains_word(hay, needle) == bool(re.search(rf"\b{re.escape(needle)}\b", hay)), (hay, needle)
        if needle:
            text = hay + rng.choice(["", " of the city", " of the cityx", "  of the town."]) + hay
            assert _followed_by(text, needle, tail) == bool(re.search(re.escape(needle) + tail.pattern, text))


def test_required_words_are_conservative() -> None:
    assert required_words(re.compile(r"\bfoo(bar)?\b", re.I)) == {"foo"}  # an optional part is never required
    assert required_words(re.compile(r"(?:Ab|cd)+x?", re.I)) == {"ab", "cd"}  # either alternative will do
    assert required_words(re.compile(r"\w+\s+\d+")) is None  # nothing literal: no pre-check
    assert may_match(None, "anything") and may_match(frozenset({"x"}), None)
