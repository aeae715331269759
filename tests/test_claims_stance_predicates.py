"""Phrasal and object stance predicates (PolNeAR-style attribution beyond speech verbs): "pointed to X",
"railed against X", "expressed concern", "thanked X for Y", "made the case for X", "made clear that ...",
"took a swipe at X", "sees X as Y", "is calling for X to ...", "X backs Y", "“...,” he continued"; and the
conflict-news guards (a force, weapon or country is never the source of such a predicate, ritual condolences
and hypothetical support are no claims).

Hand-written sentences (no article text); model-backed, so slow.
"""

from __future__ import annotations

import pytest

from sitrep.models import Article, Claim

pytestmark = pytest.mark.slow


def _claims(text: str) -> list[Claim]:
    from sitrep.extract.claims import find_claims
    from sitrep.extract.entities import find_entities
    from sitrep.extract.nlp import parse_body
    from sitrep.settings import Settings

    doc = parse_body(text, Settings(relevance_gate=False))
    return find_claims(doc, find_entities(doc), Article())


def _one(text: str) -> Claim:
    claims = _claims(text)
    assert len(claims) == 1, [(c.source_text, c.cue, c.text) for c in claims]
    return claims[0]


@pytest.mark.parametrize(
    ("text", "source", "cue", "content_start"),
    [
        ("The senator pointed to the rising cost of fuel in the border towns.", "The senator", "pointed to",
         "the rising cost"),
        ("The mayor railed against the regional council for closing the shelters.", "The mayor", "railed against",
         "the regional council"),
        ("Maria Lopez spoke about the shortage of medicine in the camps.", "Maria Lopez", "spoke about",
         "the shortage"),
        ("The minister expressed concern over the rising number of displaced families.", "The minister",
         "expressed", "concern over"),
        ("She thanked the volunteers for their work at the crossing.", "She", "thanked", "the volunteers for"),
        ("The governor made the case for a new approach to the province.", "The governor", "made the case for",
         "a new approach"),
        ("Officials made it clear that they have no plans to reopen the airport.", "Officials", "made it clear",
         "they have no plans"),
        ("The senator also took a swipe at his rival over the budget.", "The senator", "also took a swipe at",
         "his rival"),
        ("He sees the governor as a reliable partner.", "He", "sees", "the governor as a reliable partner"),
        ("Clinton is calling for the United Nations to send more monitors.", "Clinton", "is calling for",
         "the United Nations to send"),
        ("Senator Jane Porter backs the plan to rebuild the bridges.", "Senator Jane Porter", "backs", "the plan"),
    ],
)
def test_stance_predicate_with_a_speaker_subject_is_a_claim(text: str, source: str, cue: str,
                                                            content_start: str) -> None:
    c = _one(text)
    assert c.source_text == source
    assert c.cue == cue
    assert c.text.startswith(content_start)


def test_quoted_statement_going_on_with_continued() -> None:
    c = _one("“The first victims of such a policy would be the farmers,” he continued.")
    assert c.source_text == "he" and c.cue == "continued"
    assert c.text.startswith("The first victims")


def test_aspect_verb_subject_speaks_for_the_governed_cue() -> None:
    c = _one("Mayor Tom Reyes is continuing to insist the water supply will be restored by Friday.")
    assert c.source_text == "Mayor Tom Reyes"
    assert c.text.startswith("the water supply")


@pytest.mark.parametrize(
    "text",
    [
        "Russian forces attacked the village.",
        "Troops support the offensive in the south.",
        "The troops pointed to the hills north of the town.",
        "Russia supports the separatists in the east.",
        "Israel responded with airstrikes on the camp.",
        "The army backed the offensive with artillery.",
        "Fighting continued in the east of the region.",
        "The rebels took aim at the convoy near the bridge.",
        "The soldiers spoke about the shelling near the river.",
        "The president expressed grief over the deaths of the soldiers.",
    ],
)
def test_force_place_or_ritual_subject_makes_no_claim(text: str) -> None:
    assert _claims(text) == []


def test_hypothetical_or_nested_support_is_no_new_attribution() -> None:
    claims = _claims("Senator Jane Porter said she would support the nominee in the general election.")
    assert [c.cue for c in claims] == ["said"]
    assert _claims("Mr. Adams would support the governor in a runoff.") == []


def test_respond_only_to_a_statement() -> None:
    c = _one("The minister responded to the accusations at a news conference.")
    assert c.source_text == "The minister" and c.cue == "responded to"
    assert c.text.startswith("the accusations")
    assert _claims("The firefighters responded to the blaze within minutes.") == []


@pytest.mark.parametrize(
    ("text", "source", "cue", "content_start"),
    [
        ("Republicans have been critical of the governor's handling of the floods.", "Republicans",
         "have been critical of", "the governor's handling"),
        ("Residents are worried about the shelling near the river.", "Residents", "are worried about",
         "the shelling"),
        ("Then Mr. Rubin asked the students if they were always so serious.", "Mr. Rubin", "asked",
         "if they were always"),
        ("A new poll shows the mayor leading in the northern districts.", "A new poll", "shows", "the mayor leading"),
        ("The survey found broad support for the ceasefire.", "The survey", "found", "broad support"),
    ],
)
def test_stance_adjective_question_and_finding_shapes(text: str, source: str, cue: str, content_start: str) -> None:
    c = _one(text)
    assert c.source_text == source
    assert c.cue == cue
    assert c.text.startswith(content_start)


@pytest.mark.parametrize(
    "text",
    [
        "The troops were confident of victory.",
        "He found the keys under the seat.",
        "The gunmen asked the driver if he was a soldier.",
    ],
)
def test_no_claim_without_a_speaker_or_a_document(text: str) -> None:
    assert _claims(text) == []


def test_statement_referred_back_with_said_so() -> None:
    claims = _claims("About 64 percent call him competent, after 55 percent said so in December.")
    assert [c.source_text for c in claims] == ["About 64 percent", "55 percent"]


def test_speaker_label_after_a_dash_before_a_quotation() -> None:
    c = _one("Turnout fell across the region - Maria Keller: “The numbers tell a story of fatigue among younger "
             "voters in the cities.”")
    assert c.source == "Maria Keller" and c.cue == ":"
    assert c.text.startswith("The numbers tell a story")


@pytest.mark.parametrize(
    "text",
    [
        "Foreign leaders have a duty to remind the regime that they are watching.",
        "It becomes harder for people to see each other as part of the same shared future.",
        "People will begin to think the target of the abuse must be doing something right.",
        "I'd be reminded that the stream had dropped to a lower quality.",
        "They offered buttons and bumper stickers at the door.",
    ],
)
def test_no_claim_from_an_infinitive_a_passive_or_goods(text: str) -> None:
    """An infinitive's subject is someone else's object or a future ("for people to see", "will begin to think"),
    a passive stance verb's subject is the one told, and an offer of goods states no view."""
    assert _claims(text) == []


def test_a_relative_adverb_is_no_part_of_the_cue() -> None:
    claims = _claims("The hearing, where lawmakers expressed outrage over the security breakdown, ended late.")
    assert [c.cue for c in claims] == ["expressed"]


def test_a_named_speaker_offering_a_view_is_a_claim() -> None:
    c = _one("The minister offered a blunt assessment of the talks on Monday.")
    assert (c.source_text, c.cue) == ("The minister", "offered")


@pytest.mark.parametrize(
    ("text", "outer", "cited", "content"),
    [
        ("Reuters, citing two security sources, reported that the convoy was hit.", "Reuters",
         "two security sources", "the convoy was hit"),
        ("The agency said, citing a senior official, that talks would resume on Monday.", "The agency",
         "a senior official", "talks would resume on Monday"),
        ("The army said two soldiers were killed, citing a field report.", "The army", "a field report",
         "two soldiers were killed"),
        ("Journalist Jane Holloway wrote on X, citing the Telegram channel Rybar, that enemy troops had entered "
         "the village.", "Journalist Jane Holloway", "the Telegram channel Rybar", "enemy troops had entered the village"),
    ],
)
def test_a_cited_source_is_its_own_claim_and_not_part_of_the_content(text: str, outer: str, cited: str,
                                                                        content: str) -> None:
    got = {(c.source_text, c.cue, c.text) for c in _claims(text)}
    assert (cited, "citing", content) in got, got
    assert any(src == outer and cue != "citing" and txt == content for src, cue, txt in got), got
