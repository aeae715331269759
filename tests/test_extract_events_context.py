"""Event context rules (model-backed, slow): dateline vs event place, superseded tolls, denials,
background history, captions and headlines. Hand-written texts; places and names are made up."""

from __future__ import annotations

import pytest

from sitrep.models import Article, Claim, Event

pytestmark = pytest.mark.slow


def _extract(text: str, article: Article | None = None) -> tuple[list[Event], list[Claim]]:
    from sitrep.extract.claims import find_claims
    from sitrep.extract.entities import find_entities
    from sitrep.extract.events import find_events
    from sitrep.extract.nlp import parse_body
    from sitrep.settings import Settings

    art = article or Article(outlet="Test Wire")
    doc = parse_body(text, Settings(relevance_gate=False))
    ents = find_entities(doc)
    claims = find_claims(doc, ents, art)
    return find_events(doc, ents, claims, art), claims


def test_dateline_city_is_not_the_event_place_nor_its_date() -> None:
    text = ("CAIRO, June 2 (Test Wire) - Fifteen people were killed and 27 wounded when shells hit a displacement camp "
            "in Sudan's North Darfur state on Sunday, a doctors' group said, blaming the Rapid Support Forces.")
    events, _ = _extract(text, Article(outlet="Test Wire", dateline="Cairo", published="2025-06-02"))
    assert len(events) == 1
    ev = events[0]
    assert ev.location.name and "Cairo" not in ev.location.name and "CAIRO" not in ev.location.name
    assert ev.date_text and "Sunday" in ev.date_text
    assert ev.actor1 and "Rapid Support Forces" in ev.actor1
    assert (ev.fatalities, ev.injured) == (15, 27)


def test_dateline_place_only_as_last_resort_for_a_local_article() -> None:
    text = ("MARYNKA — Two men were killed and five wounded when artillery shelled residential streets on Tuesday. "
            "Marynka has been without power since the attack.")
    events, _ = _extract(text, Article(outlet="Test Wire", dateline="Marynka", published="2025-03-18"))
    assert len(events) == 1 and events[0].location.name == "Marynka"


def test_current_toll_beats_the_superseded_one() -> None:
    text = ("The number of people killed in a Russian air strike on a market in the town of Dobrovka rose to nine, "
            "prosecutors said on Wednesday. Twenty-three people were injured in Tuesday's attack, the office said. "
            "Earlier, regional officials had put the toll at seven dead and 19 wounded.")
    events, _ = _extract(text)
    assert len(events) == 1
    assert (events[0].fatalities, events[0].injured) == (9, 23)
    assert events[0].date_text and "Tuesday" in events[0].date_text  # the update's day is not the strike's


def test_exact_figure_replaces_vague_one_of_the_same_event() -> None:
    text = ("Militants killed dozens of soldiers in an attack on the town of Kerbo on Sunday, a regional site reported. "
            "Citing security sources, the site said at least 30 soldiers were killed when the fighters attacked "
            "army positions in Kerbo.")
    events, _ = _extract(text)
    assert len(events) == 1 and events[0].fatalities == 30


def test_denial_disputes_the_event_it_denies() -> None:
    text = ("Fifteen people were killed when shells hit the Tawra camp in North Darfur on Sunday, medics said, "
            "blaming the Rapid Support Forces. The RSF denied shelling the camp.")
    events, claims = _extract(text)
    assert len(events) == 1
    denial = next(c for c in claims if c.verification == "disputed")
    assert denial.id in events[0].claims
    assert events[0].status == "disputed"


def test_background_history_caption_and_hypothetical_are_not_events() -> None:
    art = Article(outlet="Test Wire", published="2025-05-12")
    assert _extract("The town was already the scene of a major attack in November 2023, which the army repelled.", art)[0] == []
    assert _extract("The rebels overran the nearby camp in February, residents recalled.", art)[0] == []
    assert _extract("Fighters march during a rally against the air strikes outside the capital on Jan. 22, 2024. (AFP)",
                    art)[0] == []
    assert _extract("Officials warned that the offensive could commence soon.", art)[0] == []


def test_headline_folds_into_the_body_report() -> None:
    text = ("Militants kill four soldiers in attack on army post\n\n"
            "At least four soldiers were killed on Tuesday when militants attacked an army post near the village "
            "of Tessit, officials said.")
    events, _ = _extract(text)
    assert len(events) == 1
    assert events[0].fatalities == 4 and events[0].location.name == "Tessit"


def test_region_report_and_town_detail_are_one_event() -> None:
    text = ("At least four soldiers were killed Tuesday in an attack blamed on jihadists in northern Burkina Faso, "
            "security sources said. The attackers targeted a military detachment near the town of Gao on Tuesday, one source said.")
    events, _ = _extract(text)
    assert len(events) == 1 and events[0].location.name == "Gao"
