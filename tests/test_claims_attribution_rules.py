"""Attribution rules added for postposed, inserted and continued statements, source spans and phrase cues.

Hand-written sentences (no article text); model-backed, so slow.
"""

from __future__ import annotations

import pytest

from sitrep.models import Article, Claim

pytestmark = pytest.mark.slow


def _claims(text: str, gate: bool = True) -> list[Claim]:
    from sitrep.extract.claims import find_claims
    from sitrep.extract.entities import find_entities
    from sitrep.extract.nlp import parse_body
    from sitrep.settings import Settings

    doc = parse_body(text, Settings(relevance_gate=gate))
    return find_claims(doc, find_entities(doc), Article())


def _by_cue(claims: list[Claim], word: str) -> list[Claim]:
    return [c for c in claims if c.cue and word in c.cue]


def test_postposed_cue_after_comma_gives_the_clause_before() -> None:
    text = ("An artillery strike on Sunday killed three soldiers near the river crossing, "
            "the regional news agency and the army said.")
    claims = _claims(text)
    assert len(claims) == 1
    c = claims[0]
    assert c.text.startswith("An artillery strike on Sunday killed three soldiers")
    assert "news agency" in (c.source_text or "") and "army" in (c.source or "")


def test_partitive_source_keeps_the_earlier_description() -> None:
    text = ("Five soldiers were killed in an ambush on a convoy, security sources said. "
            "The gunmen attacked the convoy near the border, one of the sources told reporters. "
            "Another said the army had sent reinforcements to the area.")
    claims = _claims(text)
    assert [c.source for c in claims] == ["security sources", "one security source", "another security source"]


def test_he_added_continues_the_previous_speaker_not_a_person_in_the_statement() -> None:
    text = ("The army repelled the attack and inflicted heavy losses on the rebels, it said in a statement. "
            "Among the dead was a rebel commander, Omar Haddad, and the attackers fled, he added.")
    claims = _claims(text)
    added = _by_cue(claims, "added")
    assert added and added[0].source == claims[0].source
    assert added[0].source != "Omar Haddad"


def test_inserted_cue_takes_the_whole_sentence() -> None:
    claims = _claims("The bridge, Governor Anna Kovalenko said, was destroyed by two missiles overnight.")
    assert len(claims) == 1
    assert claims[0].source == "Anna Kovalenko"
    assert "bridge" in claims[0].text and "missiles" in claims[0].text


def test_quote_split_from_its_cue_and_a_continued_quotation() -> None:
    text = ("The mayor spoke to reporters outside the hospital. "
            "“How many more people have to die before the shelling stops?” Mayor Pavel Ruden said. "
            "“We have no electricity and no water in the eastern districts.”")
    claims = _claims(text)
    asked = [c for c in claims if c.text.startswith("How many more people")]
    assert len(asked) == 1 and asked[0].source == "Pavel Ruden"
    assert asked[0].evidence.text.startswith("“How many") and asked[0].evidence.text.endswith("said.")
    going_on = [c for c in claims if c.text.startswith("We have no electricity")]
    assert len(going_on) == 1 and going_on[0].source == "Pavel Ruden"


def test_source_span_without_dateline_time_and_participle() -> None:
    text = ("KYIV -- Defence Minister Oleh Marchenko, speaking to veterans in the capital, said the front line held. "
            "Russia on Tuesday said its troops had captured a village in the east.")
    claims = _claims(text)
    assert claims[0].source_text == "Defence Minister Oleh Marchenko"
    assert claims[1].source_text == "Russia"


def test_party_label_bracket_is_kept_in_the_source() -> None:
    claims = _claims("Sen. Mark Ellison (R-Ohio) said the strikes on the depot were justified.")
    assert claims and claims[0].source_text == "Sen. Mark Ellison (R-Ohio)"


def test_witnesses_saw_and_refused_to_comment_and_accuse() -> None:
    text = ("Witnesses saw the bodies of at least nine people in the market after the shelling. "
            "The ministry of defence refused to comment on the report of the shelling. "
            "Critics accuse the militia of shelling the market deliberately.")
    claims = _claims(text)
    saw = _by_cue(claims, "saw")
    assert saw and saw[0].source_type == "anonymous" and "bodies" in saw[0].text
    refused = _by_cue(claims, "refused to comment")
    assert refused and "report" in refused[0].text
    accuse = _by_cue(claims, "accuse")
    assert accuse and accuse[0].text.startswith("the militia of shelling")


def test_called_for_and_first_person_think_and_bio_line() -> None:
    text = ("The opposition leader called for an independent inquiry into the shelling of the market. "
            "“I think the ceasefire will hold,” the commander said. "
            "Based in Kyiv, Daria Lenko often reports on the war in the east.")
    claims = _claims(text)
    called = _by_cue(claims, "called for")
    assert called and called[0].text.startswith("an independent inquiry")
    assert not _by_cue(claims, "think")
    assert not _by_cue(claims, "reports")


def test_second_mentions_expand_to_the_first_full_name() -> None:
    text = ("Regional Governor Ivan Sorokin said two people were killed in the shelling. "
            "Sorokin said the shelling damaged a school. "
            "The Ukrainian Defence Ministry said its forces had repelled the attack. "
            "The ministry said the attack involved tanks.")
    claims = _claims(text)
    assert claims[1].source == "Ivan Sorokin" and claims[1].source_type == "person"
    assert claims[3].source == claims[2].source


def test_report_finding_and_relative_pronoun_source_as_written() -> None:
    text = ("A government audit report found that the funds had been misused by the agency. "
            "The money went to an architect who said he was never paid for the design.")
    claims = _claims(text, gate=False)
    found = _by_cue(claims, "found")
    assert found and "report" in (found[0].source or "")
    rel = _by_cue(claims, "said")
    assert rel and rel[0].source_text == "who" and "architect" in (rel[0].source or "")


def test_canonical_keeps_role_nouns_and_units_and_drops_titles_and_places() -> None:
    text = ("An AFP journalist in Beirut saw smoke rising over the southern suburbs. "
            "The BBC's Arabic Service reported that two buildings had collapsed. "
            "Northern Province Governor Tomas Reyland reported that a bridge was hit.")
    claims = _claims(text, gate=False)
    assert claims[0].source == "AFP journalist"
    assert claims[1].source == "BBC's Arabic Service"
    assert claims[2].source == "Tomas Reyland"


def test_bare_common_noun_source_takes_a_later_fuller_mention() -> None:
    text = ("Three soldiers were killed in an attack on their post, the army said. "
            "Later the Chadian army said it had repelled a second attack.")
    claims = _claims(text)
    assert claims[0].source == claims[1].source == "Chadian army"


def test_press_release_is_attributed_to_its_issuer() -> None:
    text = ("The Coastal Defence Command said its ships had intercepted two drones near the harbour. "
            "The press release further said that no damage had been reported.")
    claims = _claims(text)
    assert len(claims) == 2 and claims[1].source == claims[0].source


def test_described_body_resolves_to_the_named_organisation() -> None:
    text = ("The Northern Liberation Front said its fighters had shot down a drone over the valley. "
            "The armed group later said that two of its commanders were killed in an air strike.")
    claims = _claims(text)
    assert len(claims) == 2
    assert claims[1].source_text == "The armed group"
    assert claims[1].source == claims[0].source


def test_named_group_is_not_a_description() -> None:
    text = ("The Northern Liberation Front said its fighters had shot down a drone over the valley. "
            "The Islamic State group said that it had attacked an army post in the east.")
    claims = _claims(text)
    assert len(claims) == 2 and claims[1].source != claims[0].source


def test_cue_keeps_the_medium_and_the_written_case() -> None:
    text = ("The coastguard said in a statement that two boats had sunk near the port. "
            "According to local officials, four fishermen are missing after the storm.")
    claims = _claims(text, gate=False)
    assert claims[0].cue == "said in a statement"
    assert claims[1].cue == "according to"


def test_statement_noun_with_owner_and_that_clause() -> None:
    claims = _claims("Observers questioned the governor's claim that the town had been fully evacuated.", gate=False)
    noun = _by_cue(claims, "claim")
    assert noun and noun[0].text == "the town had been fully evacuated"
    assert "governor" in (noun[0].source_text or "")
