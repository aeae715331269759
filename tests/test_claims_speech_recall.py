"""Recall rules for the common speech cues where the parse is odd: coordinated cues, relative clauses ("which X
said ..."), "by saying", a bare "X said." after a quotation that ran over several sentences, "as X said", passive
"was reported by X" and poll shares ("4 in 10 say"); each with cases that must stay silent.

Hand-written sentences (no article text); model-backed, so slow.
"""

from __future__ import annotations

import pytest

from sitrep.models import Article, Claim

pytestmark = pytest.mark.slow

_LEAD = "The first paragraph sets the scene.\n\n"


def _claims(text: str, gate: bool = False) -> list[Claim]:
    from sitrep.extract.claims import find_claims
    from sitrep.extract.entities import find_entities
    from sitrep.extract.nlp import parse_body
    from sitrep.settings import Settings

    doc = parse_body(_LEAD + text, Settings(relevance_gate=gate))
    return find_claims(doc, find_entities(doc), Article())


def _one(claims: list[Claim], cue_word: str) -> Claim:
    hits = [c for c in claims if c.cue and cue_word in c.cue]
    assert len(hits) == 1, [(c.source_text, c.cue, c.text) for c in claims]
    return hits[0]


def test_cue_in_a_coordination_takes_the_first_verbs_subject() -> None:
    claims = _claims("The army shelled the village overnight, destroyed two bridges and said it had killed 40 fighters.")
    c = _one(claims, "said")
    assert c.source_text == "The army"
    assert c.text == "it had killed 40 fighters"


def test_coordination_climb_stops_at_a_conjunct_with_its_own_subject() -> None:
    claims = _claims("Rebels attacked the town, and the army denied the report, saying its troops held the line.")
    c = _one(claims, "saying")
    assert c.source_text == "the army"
    assert not any(c.source_text == "Rebels" for c in claims)


def test_relative_clause_cue_gives_the_clause_after_the_cue() -> None:
    claims = _claims("The strike hit a fuel depot which the governor said was not used by the military.")
    c = _one(claims, "said")
    assert c.source_text == "the governor"
    assert c.text == "was not used by the military"


def test_relative_pronoun_object_of_a_cue_without_a_clause_is_no_statement() -> None:
    claims = _claims("The letter which the commander wrote to the families was read aloud at the funeral.")
    assert not any(c.cue and "wrote" in c.cue for c in claims), [(c.source_text, c.cue, c.text) for c in claims]


def test_by_saying_takes_the_subject_of_the_verb_by_hangs_on() -> None:
    claims = _claims("The ministry responded to the report by saying that no civilians had been hurt in the strike.")
    c = _one(claims, "saying")
    assert c.source_text == "The ministry"
    assert c.text == "no civilians had been hurt in the strike"


def test_by_asking_names_a_means_not_a_statement() -> None:
    claims = _claims("The council has three ways to seek redress: by filing a lawsuit or by asking prosecutors to "
                     "charge the officers.")
    assert not any(c.cue and "asking" in c.cue for c in claims), [(c.source_text, c.cue, c.text) for c in claims]


def test_bare_cue_after_a_quotation_over_several_sentences() -> None:
    text = ("“We will not retreat. We will hold the town until the end of the year, whatever it costs us!”\n\n"
            "The commander wrote on Telegram on Monday.")
    c = _one(_claims(text), "wrote")
    assert c.source_text == "The commander"
    assert c.text.startswith("We will not retreat.") and c.text.endswith("whatever it costs us!")


def test_bare_cue_with_an_addressee_after_a_quotation() -> None:
    text = "“We will not retreat. We will hold the town, whatever it costs us?” The commander told reporters in Kyiv."
    c = _one(_claims(text), "told")
    assert c.source_text == "The commander"
    assert "hold the town" in c.text


def test_cue_with_its_own_object_after_a_quotation_does_not_take_it() -> None:
    text = ("“We will not retreat. We will hold the town until the end of the year, whatever it costs us!”\n\n"
            "The commander wrote a letter to the families of the fallen.")
    claims = _claims(text)
    assert not any(c.source_text == "The commander" and "retreat" in c.text for c in claims)


def test_as_clause_before_the_statement() -> None:
    c = _one(_claims("As the ministry said on Monday, the convoy was hit by two drones near the border."), "said")
    assert c.source_text == "the ministry"
    assert c.text == "the convoy was hit by two drones near the border"


def test_as_clause_after_the_statement() -> None:
    c = _one(_claims("The convoy was hit by two drones near the border, as the ministry reported."), "reported")
    assert c.source_text == "the ministry"
    assert c.text == "The convoy was hit by two drones near the border"


def test_as_clause_with_its_own_object_or_the_writer_is_no_attribution_of_the_main_clause() -> None:
    claims = _claims("As the army announced its withdrawal, residents began to return to the town.")
    assert not any("residents" in c.text for c in claims), [(c.source_text, c.cue, c.text) for c in claims]
    claims = _claims("As we reported on Monday, the convoy was hit by two drones near the border.")
    assert not any((c.source_text or "").lower() == "we" for c in claims)


def test_passive_report_with_an_agent_names_the_agent() -> None:
    c = _one(_claims("The deaths of three civilians were confirmed by the regional governor."), "confirmed")
    assert c.source_text == "the regional governor"
    assert c.text == "The deaths of three civilians"


def test_passive_event_with_an_agent_is_no_claim() -> None:
    assert _claims("The city was hit by rockets and the bridge was destroyed by shelling.") == []


def test_poll_share_is_the_speaker() -> None:
    c = _one(_claims("About 4 in 10 say they want the fighting to end before the election."), "say")
    assert c.source_text == "About 4 in 10"
    assert c.text == "they want the fighting to end before the election"


def test_a_share_of_soldiers_is_no_speaker() -> None:
    assert _claims("Two in 10 soldiers were wounded in the attack on the base.") == []


def test_clause_colon_quotation_gives_the_subject() -> None:
    claims = _claims("In an interview later that day, the governor went even further: “If they attack again, we will "
                     "hit back.”")
    c = _one(claims, "further")
    assert c.source_text == "the governor"
    assert c.cue == "went even further:"
    assert c.text == "If they attack again, we will hit back"


def test_colon_quotation_needs_a_subject_that_can_speak() -> None:
    assert not any(c.cue and c.cue.endswith(":") for c in _claims("The message was clear: “Leave the town now.”"))
    assert not any(c.cue and c.cue.endswith(":") for c in _claims("The situation is simple: “No one leaves the town.”"))


def test_headline_label_the_model_took_for_a_place_named_as_a_person_later() -> None:
    text = ("Haddad: The Offensive Will Not Stop Before the Winter Comes.\n\n"
            "General Omar Haddad said on Monday that the offensive would continue.")
    from sitrep.extract.claims import find_claims
    from sitrep.extract.entities import find_entities
    from sitrep.extract.nlp import parse_body
    from sitrep.settings import Settings

    doc = parse_body(text, Settings(relevance_gate=False))
    claims = find_claims(doc, find_entities(doc), Article())
    label = [c for c in claims if c.cue == ":"]
    assert len(label) == 1 and label[0].source == "Omar Haddad", [(c.source, c.cue, c.text) for c in claims]


def test_headline_label_never_named_as_a_person_is_no_source() -> None:
    from sitrep.extract.claims import find_claims
    from sitrep.extract.entities import find_entities
    from sitrep.extract.nlp import parse_body
    from sitrep.settings import Settings

    text = ("Kharkiv: Heavy Fighting Continues Around the Town Overnight.\n\n"
            "Officials in the region said heavy fighting continued overnight.")
    doc = parse_body(text, Settings(relevance_gate=False))
    assert not any(c.cue == ":" for c in find_claims(doc, find_entities(doc), Article()))


def test_cue_inside_a_quotation_is_no_postposed_attribution() -> None:
    claims = _claims("In an interview later that day, the governor went even further: “If they attack again, we will "
                     "answer.”")
    assert not any(c.cue and "answer" in c.cue for c in claims), [(c.source_text, c.cue, c.text) for c in claims]
    assert _one(claims, "further").source_text == "the governor"


def test_inverted_cue_after_a_quotation_is_not_nested_in_a_quoted_verb() -> None:
    claims = _claims("“The ministry is telling residents that unless they leave the town now, they will not be safe,” "
                     "said the governor.")
    c = _one(claims, "said")
    assert c.source_text == "the governor"
    assert c.text.startswith("The ministry is telling residents")
