"""Speakers the parse mislays: an inverted cue inside the statement ("The strike, said a spokesman, was ..."),
a question "asked" by the speaker after it, "as reported by X", "X issued a statement saying ...", and a long
aside between the speaker and the verb ("X, whose unit ..., said ..."); each with cases that must stay as they
were.

Hand-written sentences (no article text); model-backed, so slow.
"""

from __future__ import annotations

import pytest

from sitrep.models import Article, Claim

pytestmark = pytest.mark.slow

_LEAD = "The first paragraph sets the scene.\n\n"


def _claims(text: str) -> list[Claim]:
    from sitrep.extract.claims import find_claims
    from sitrep.extract.entities import find_entities
    from sitrep.extract.nlp import parse_body
    from sitrep.settings import Settings

    doc = parse_body(_LEAD + text, Settings(relevance_gate=False))
    return find_claims(doc, find_entities(doc), Article())


def _one(claims: list[Claim], cue_word: str) -> Claim:
    hits = [c for c in claims if c.cue and cue_word in c.cue]
    assert len(hits) == 1, [(c.source_text, c.cue, c.text) for c in claims]
    return hits[0]


@pytest.mark.parametrize(
    ("text", "cue", "speaker", "statement"),
    [
        ("The strike, said a military spokesman, was aimed at a weapons depot.", "said", "a military spokesman",
         "The strike was aimed at a weapons depot"),
        ("The death toll, added the governor, could rise further.", "added", "the governor",
         "The death toll could rise further"),
        ("The shelling of the port, said Petro Halyna, an analyst at the Centre for Defence Strategies, was meant to "
         "stop grain exports.", "said", "Petro Halyna, an analyst at the Centre for Defence Strategies",
         "The shelling of the port was meant to stop grain exports"),
    ],
)
def test_inverted_cue_inside_the_statement_gives_the_speaker_after_it(
        text: str, cue: str, speaker: str, statement: str) -> None:
    c = _one(_claims(text), cue)
    assert c.source_text == speaker
    assert c.text == statement  # read without the cue set inside it
    assert c.evidence.text.startswith(text[:20])


def test_cue_set_inside_by_its_speaker_reads_without_the_cue() -> None:
    c = _one(_claims("The convoy, a senior official said, was carrying fuel and medicine."), "said")
    assert c.source_text == "a senior official"
    assert c.text == "The convoy was carrying fuel and medicine"


def test_question_asked_by_a_speaker_after_it() -> None:
    c = _one(_claims("“Why were we not warned about the drones?” asked one resident, pointing at the ruins."), "asked")
    assert c.source_text == "one resident"
    assert c.text.startswith("Why were we not warned")


def test_inverted_cue_with_a_date_after_it_keeps_the_speaker_before() -> None:
    text = "“The bridge will be rebuilt within a month,” Deputy Minister Olena Kravets, the head of the agency, said Tuesday."
    c = _one(_claims(text), "said")
    assert "Olena Kravets" in (c.source_text or "")


def test_told_is_never_inverted_the_addressee_is_no_speaker() -> None:
    text = "“The front is holding,” Colonel Marko Shevchenko, a brigade commander, told The Kyiv Independent."
    c = _one(_claims(text), "told")
    assert "Shevchenko" in (c.source_text or "")


def test_as_reported_by_an_outlet_is_its_claim() -> None:
    c = _one(_claims("The brigade has withdrawn from the town, as first reported by Reuters on Tuesday."), "reported")
    assert c.source_text == "Reuters"
    assert c.text == "The brigade has withdrawn from the town"


def test_statement_issued_by_a_body_is_the_bodys_claim() -> None:
    c = _one(_claims("The ministry issued a statement on Tuesday saying the convoy had been attacked twice."), "saying")
    assert c.source_text == "The ministry"
    assert c.text == "the convoy had been attacked twice"


def test_long_aside_between_speaker_and_verb() -> None:
    text = "Colonel Petrov, whose battalion held the bridge for a week, said the town had been cut off."
    c = _one(_claims(text), "said")
    assert (c.source_text or "").startswith("Colonel Petrov")
    assert c.text == "the town had been cut off"


@pytest.mark.parametrize(
    "text",
    [
        "Protesters blocked the main road, announced a strike.",  # an object after the verb, no speaker
        "The troops, told to retreat, refused to leave the village.",  # a participle, not a cue
        "If you see the convoy, tell the police.",  # an imperative
    ],
)
def test_no_inverted_speaker_without_the_shape(text: str) -> None:
    claims = _claims(text)
    assert not any(c.source_text in ("a strike", "the police", "retreat") for c in claims), claims


def test_participle_after_a_quoted_statement_keeps_the_first_speaker() -> None:
    text = ("The foreign minister said in a statement, “We are relieved” at the release of the crew, adding that "
            "the families had asked for privacy.")
    c = _one(_claims(text), "adding")
    assert c.source_text == "The foreign minister"
    assert c.text == "the families had asked for privacy"


def test_time_clause_before_a_verb_is_no_statement() -> None:
    text = "As the charges were announced in the capital, the prison director testified before a parliamentary committee."
    assert not [c for c in _claims(text) if c.cue and "testified" in c.cue and c.text.startswith("As the charges")]


def test_document_subjects_state_findings() -> None:
    c = _one(_claims("Satellite images show extensive damage to the runway and two destroyed hangars."), "show")
    assert c.source_text == "Satellite images"
    assert c.text == "extensive damage to the runway and two destroyed hangars"


def test_anonymity_request_is_no_claim() -> None:
    claims = _claims("A senior official, who asked not to be identified, said the talks had collapsed.")
    assert [c.cue for c in claims] == ["said"]
    assert claims[0].source_text == "A senior official"


def test_outlet_verification_confirms_the_claim() -> None:
    text = ("Footage posted by the brigade, which the newspaper has verified, shows a drone striking a tank near the "
            "village.")
    c = _one(_claims(text), "shows")
    assert c.verification == "confirmed"


def test_verification_in_the_next_sentence_confirms_the_claims_before() -> None:
    text = "The brigade said its drones destroyed two tanks near the village. The newspaper has geolocated the footage."
    c = _one(_claims(text), "said")
    assert c.verification == "confirmed"


def test_could_not_be_independently_verified_stays_unconfirmed() -> None:
    text = "The brigade said its drones destroyed two tanks. The claim could not be independently verified."
    c = _one(_claims(text), "said")
    assert c.verification == "unconfirmed"


def test_citing_evidence_is_no_cited_source() -> None:
    claims = _claims("The union called the senator a champion of its members, citing her work after the floods.")
    assert not [c for c in claims if c.cue == "citing"], [(c.source_text, c.cue) for c in claims]


def test_citing_a_source_still_gives_the_cited_source() -> None:
    claims = _claims("Reuters, citing two security sources, reported that the convoy had been ambushed near the border.")
    assert any(c.cue == "citing" and "security sources" in (c.source_text or "") for c in claims), claims


@pytest.mark.parametrize(
    ("source_text", "dateline"),
    [
        ("LOS ANGELES, Sept. 28 (UPI)", True),
        ("KYIV, Ukraine (AP)", True),
        ("NATO, the alliance", False),
        ("UN, two officials", False),
        ("The ministry", False),
    ],
)
def test_dateline_is_no_speaker(source_text: str, dateline: bool) -> None:
    # a noun the parser takes for a verb ("... Music show The 411") can make the dateline its subject
    from sitrep.extract.claims import _DATELINE_SOURCE

    assert bool(_DATELINE_SOURCE.match(source_text)) is dateline


def test_that_read_as_a_determiner_still_opens_the_statement() -> None:
    c = _one(_claims("In a post on Telegram, the governor wrote that debris from a downed drone sparked a fire at an "
                     "oil depot."), "wrote")
    assert c.source_text == "the governor"
    assert c.text == "debris from a downed drone sparked a fire at an oil depot"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The Israeli military did not immediately comment on the reports.", "on the reports"),
        ("The Russian Defence Ministry did not respond to a request for comment.", "a request for comment"),
    ],
)
def test_no_comment_is_a_claim_of_its_own(text: str, content: str) -> None:
    claims = _claims(text)
    assert len(claims) == 1, claims
    assert claims[0].text == content


def test_not_responding_to_an_attack_is_no_claim() -> None:
    assert not _claims("The army did not respond to the attack for two days.")


def test_appears_to_show_is_a_hedged_document_claim() -> None:
    c = _one(_claims("The video, which has not been geolocated, appears to show a burning tank near the bridge."), "show")
    assert c.source_text == "The video"
    assert c.cue == "appears to show"
    assert c.hedged and c.verification == "unconfirmed"


@pytest.mark.parametrize(
    ("text", "denier", "statement"),
    [
        ("Israel says Hamas uses hospitals as command centres, an accusation the group denies.", "Hamas",
         "Hamas uses hospitals as command centres"),
        ("Russia claimed the strike hit a military target, a claim Ukrainian officials rejected.", "Ukrainian officials",
         "the strike hit a military target"),
    ],
)
def test_denied_apposition_disputes_the_claim_and_is_the_deniers_claim(text: str, denier: str, statement: str) -> None:
    claims = _claims(text)
    assert len(claims) == 2, [(c.source, c.cue, c.text) for c in claims]
    assert all(c.text == statement and c.verification == "disputed" for c in claims)
    assert claims[1].source == denier


def test_contrasting_statement_is_no_part_of_the_first() -> None:
    claims = _claims("The Pentagon stated that the troops had started combat operations and had suffered casualties, "
                     "while the Kremlin declined to comment.")
    c = _one(claims, "stated")
    assert c.text == "the troops had started combat operations and had suffered casualties"
    assert any(k.cue and "declined" in k.cue for k in claims)


def test_source_keeps_its_closing_bracket() -> None:
    claims = _claims("The attack was claimed by the Group for the Support of Islam and Muslims (JNIM) in a statement "
                     "on its channels.")
    assert any((c.source_text or "").endswith("(JNIM)") for c in claims), [(c.source_text, c.cue) for c in claims]


@pytest.mark.parametrize(
    ("text", "stype"),
    [
        ("Rybar, a pro-Kremlin military blogger, claimed on his Telegram channel that Russian units had entered the "
         "village.", "person"),
        ("DeepState, a Ukrainian monitoring group, said Russian forces had advanced near the town.", "organization"),
    ],
)
def test_apposition_tells_a_person_from_an_organisation(text: str, stype: str) -> None:
    claims = _claims(text)
    assert claims and claims[0].source_type == stype, [(c.source_text, c.source_type) for c in claims]
