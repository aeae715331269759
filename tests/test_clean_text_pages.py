"""Plain-text page cleaning: line rules, zones, title/byline/dateline, outlet vs aggregator."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.clean.article import clean_document, find_dateline
from sitrep.clean.language import detect_language
from sitrep.clean.lines import classify_lines, line_rule, split_title_prefix, strip_nav_prefix
from sitrep.clean.outlets import domain_to_name, name_in_text, resolve_outlets, same_outlet
from sitrep.errors import NoArticle
from sitrep.models import RawDocument
from sitrep.settings import Settings

PAGES = Path(__file__).parent / "data" / "textpages"
PROSE = "Officials said the shelling continued through the night, damaging homes and a school in the district. "


@pytest.mark.parametrize(
    "line,kind",
    [
        ("Advertisement", "sponsor"),
        ("Sponsor:  SomeBrand: Elevate your game!", "sponsor"),
        ("Story continues below advertisement", "sponsor"),
        ("back", "nav"),
        ("Home » World » Africa", "nav"),
        ("ua en ru", "language"),
        ("EN | FR | AR", "language"),
        ("0", "counter"),
        ("14 Comments", "comments"),
        ("3 min read", "read-time"),
        ("Share this article", "share"),
        ("For the latest news, follow us on Twitter @Example. We are also on Facebook.", "share"),
        ("Jane Roe can be reached at jroe@example.com.", "contact"),
        ("Source: Voice of America", "credit"),
        ("This article was originally published by The Example Post.", "credit"),
        ("By Jane Roe and John Doe", "byline"),
        ("Author: Jane Roe", "byline"),
        ("Published On 19 Mar 2024", "date"),
        ("Jun 21, 2025  |", "date"),
        ("Credit: PTI Photo", "caption"),
        ("Smoke rises over the city after a strike on March 3. (Jane Roe/AP Photo)", "caption"),
        ("Comments are closed on this story.", "end"),
        ("0 members on board", "donate"),
    ],
)
def test_line_rules(line: str, kind: str) -> None:
    assert line_rule(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        PROSE,
        "“We will not leave,” said a resident who asked not to be named (because of fears for her safety), on Monday.",
        "The army said it had retaken the village of Plekhove. Advertisers have fled the region's newspapers.",
        "Reporters saw smoke above the port.",
    ],
)
def test_prose_is_kept(line: str) -> None:
    assert line_rule(line) is None


def test_title_prefixes() -> None:
    assert split_title_prefix("NextImg:Troops storm village") == "Troops storm village"
    assert split_title_prefix("Title: Troops storm village") == "Troops storm village"
    assert split_title_prefix("Governor: Shelling kills woman") == "Governor: Shelling kills woman"
    assert strip_nav_prefix("News World Russia says its forces captured a village") == "Russia says its forces captured a village"


def test_zones_on_a_small_page() -> None:
    text = "\n".join(
        ["DAILY WIRE ROUNDUP", "Mar 2, 2025 |", "Jane Roe", "", "Headline: Militants attack border post", "", PROSE, "", "Advertisement", "", PROSE + "Three soldiers were killed.", "", "Read more", "Other headline teaser"]
    )
    page = classify_lines(text)
    assert page.title == "Militants attack border post"
    assert page.brand == "DAILY WIRE ROUNDUP" and page.authors == ["Jane Roe"]
    assert len(page.body_lines) == 2 and "Other headline teaser" not in page.body_lines


@pytest.mark.parametrize(
    "para,place",
    [
        ("SEOUL, South Korea — " + PROSE, "Seoul, South Korea"),
        ("KYIV (Reuters) - " + PROSE, "Kyiv"),
        ("KHARTOUM, Sudan, March 3 (AP) — " + PROSE, "Khartoum, Sudan"),
        ("AL-MUKALLA: " + PROSE, "Al-Mukalla"),
        ("Srinagar: " + PROSE, "Srinagar"),
        ("NEW DELHI -- " + PROSE, "New Delhi"),
        (PROSE, None),
        ("UPDATE: " + PROSE, None),
    ],
)
def test_datelines(para: str, place: str | None) -> None:
    assert find_dateline(para) == place


def test_outlet_names() -> None:
    assert domain_to_name("washingtontimes.com") == "Washington Times"
    assert domain_to_name("https://www.kyivindependent.com/x") == "Kyiv Independent"
    assert name_in_text("washingtontimes.com", "... and The Washington Times cannot confirm it.") == "The Washington Times"
    assert same_outlet("WSJ", "Wall Street Journal") and same_outlet("TheHill", "The Hill")
    assert not same_outlet("Reuters", "The Hill")


def test_outlet_vs_aggregator() -> None:
    body = PROSE + "Jane Roe can be reached at jroe@examplepost.com. The Example Post could not verify the video."
    assert resolve_outlets(body, email_domains=["examplepost.com"], brand="NEWS HUB DAILY") == ("The Example Post", "News Hub Daily")
    assert resolve_outlets(PROSE, site_name="The Example Post") == ("The Example Post", None)
    assert resolve_outlets(PROSE + " told The Example Post.", credits=["Voice of America"], site_name="Hub") == ("Voice of America", "Hub")


def test_language() -> None:
    assert detect_language(PROSE * 3) == "en"
    assert detect_language("Les forces russes ont bombardé la ville pendant la nuit, a déclaré le gouverneur de la région. " * 3) == "fr"
    assert detect_language("Російські війська обстріляли місто вночі, повідомив голова обласної адміністрації. " * 3) == "uk"
    assert detect_language("ok") is None


def test_short_page_has_no_article() -> None:
    with pytest.raises(NoArticle):
        clean_document(RawDocument(uri="x", content=b"x"), "Home\nNews\nShort line.", Settings())


def test_written_pages_metadata_sample() -> None:
    import json

    for name in ("001", "004", "011"):
        text = (PAGES / f"{name}.txt").read_text(encoding="utf-8")
        gold = json.loads((PAGES / f"{name}.labels.json").read_text(encoding="utf-8"))
        cleaned = clean_document(RawDocument(uri=name, content=text.encode()), text, Settings())
        assert cleaned.article.title == gold["title"]
        assert cleaned.article.aggregator == gold["aggregator"]
        assert "Advertisement" not in cleaned.body and "\n\n\n" not in cleaned.body
