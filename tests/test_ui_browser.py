"""The web UI in real headless Chromium: map, filters in the URL, event page, article page.

Screenshots go to artifacts/screenshots/ (gitignored) for a person to look at.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.models import Record
from sitrep.settings import Settings
from sitrep.store import Store

pytestmark = [pytest.mark.browser, pytest.mark.slow]
RECORDS = Path(__file__).parent / "data" / "serve" / "records.json"
SCREENSHOTS = Path(__file__).resolve().parents[1] / "artifacts" / "screenshots"


@pytest.fixture()
def base_url(tmp_path: Path, live_server) -> str:  # type: ignore[no-untyped-def]
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'ui.db'}")
    store = Store.open(settings)
    for r in json.loads(RECORDS.read_text(encoding="utf-8")):
        store.save(Record.model_validate(r))
    return str(live_server(settings, store))


@pytest.fixture()
def page(chromium):  # type: ignore[no-untyped-def]
    ctx = chromium.new_context(viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    pg.problems = []  # type: ignore[attr-defined]
    pg.on("console", lambda m: pg.problems.append(m.text) if m.type == "error" else None)  # type: ignore[attr-defined]
    pg.on("pageerror", lambda e: pg.problems.append(str(e)))  # type: ignore[attr-defined]
    pg.on("dialog", lambda d: pg.problems.append(f"dialog opened: {d.message}"))  # type: ignore[attr-defined]
    yield pg
    ctx.close()


def shot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def test_map_filter_event_article_journey(page, base_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(base_url + "/")
    page.wait_for_selector("body[data-map-ready='points']", timeout=15000, state="attached")
    page.wait_for_selector("body[data-basemap-ready='1']", timeout=15000, state="attached")
    page.wait_for_selector("tr.event-row", timeout=15000, state="attached")
    assert page.locator("tr.event-row").count() == 3
    assert page.locator(".leaflet-overlay-pane canvas").count() >= 1  # basemap and markers drawn (canvas renderer)
    assert page.inner_text("#summary").startswith("3 located events")
    assert "Battles (1)" in page.inner_text("#legend")
    assert page.locator("#timeline svg rect.bar").count() >= 2
    shot(page, "map")

    # filters go into the URL (a shareable link) and narrow the list
    page.select_option("select[name=status]", "disputed")
    page.click("#apply")
    page.wait_for_url("**/?status=disputed")
    page.wait_for_selector("tr.event-row", timeout=15000, state="attached")
    assert page.locator("tr.event-row").count() == 1
    assert page.locator("select[name=status]").input_value() == "disputed"

    # a shared link reproduces the filtered view
    page.goto(base_url + "/?country=UA")
    page.wait_for_selector("tr.event-row", timeout=15000, state="attached")
    assert page.locator("tr.event-row").count() == 1
    page.click("a.event-link")
    page.wait_for_selector("article.event")
    assert "Sources disagree" in page.inner_text("section.contradictions")
    assert page.locator(".side").count() == 2
    assert page.locator("blockquote.evidence mark").count() == 2
    assert page.inner_text("#status") == "confirmed"
    shot(page, "event")

    page.click("a.article-link >> nth=0")
    page.wait_for_selector("#article-body")
    assert page.locator("#article-body .claim").count() >= 1
    assert page.locator("#article-body a.ev").count() >= 1
    assert "Claim by" in (page.locator("#article-body .claim").first.get_attribute("title") or "")
    shot(page, "article")
    assert page.problems == []  # type: ignore[attr-defined]


def test_untrusted_text_is_never_markup(page, base_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(base_url + "/articles/a3000000000000003")
    body = page.inner_text("#article-body")
    assert "<script>alert('x')</script>" in body  # shown as text
    assert page.locator("#article-body script").count() == 0
    assert page.locator("h1 b").count() == 0 and "<b>peaceful</b>" in page.inner_text("h1")
    page.goto(base_url + "/?q=Nairobi")
    page.wait_for_selector("tr.event-row", timeout=15000, state="attached")
    page.goto(base_url + "/search?q=" + "%3Cimg+src%3Dx+onerror%3Dalert(1)%3E+taxes")
    assert page.locator("img[src=x]").count() == 0
    assert page.problems == [] or all("dialog" not in p for p in page.problems)  # type: ignore[attr-defined]


def test_error_page_is_html(page, base_url: str) -> None:  # type: ignore[no-untyped-def]
    resp = page.goto(base_url + "/events/ev_does_not_exist")
    assert resp is not None and resp.status == 404
    assert "ev_does_not_exist" in page.inner_text(".error-message")
