"""estimate_dates: page date vs original publication (re-posts), URL dates, confidence."""

from __future__ import annotations

from sitrep.clean.dates import body_dates, estimate_dates, url_date
from sitrep.models import Article, RawDocument

PROSE = "Officials said the attack happened overnight. " * 4


def est(body: str, text: str | None = None, url: str | None = None, **hints: str) -> Article:
    a = Article()
    estimate_dates(a, body, text if text is not None else body, RawDocument(uri="x", content=b"x", url=url, hints=hints))
    return a


def test_repost_follows_body_evidence() -> None:
    text = "SITE NEWS\nMar 2, 2025 |\n\nHeadline here\n\n" + PROSE + "The ministry said on Nov. 20 that troops had withdrawn."
    a = est(PROSE + "The ministry said on Nov. 20 that troops had withdrawn.", text)
    assert a.page_date == "2025-03-02"
    assert a.published == "2024-11-20" and a.date_confidence == "low"


def test_body_agreeing_with_page_is_high() -> None:
    a = est("On March 14, 2024 the army said it repelled an attack. " + PROSE, published="2024-03-15T10:00:00Z")
    assert (a.page_date, a.published, a.date_confidence) == ("2024-03-15", "2024-03-15", "high")


def test_page_date_only_is_medium() -> None:
    a = est(PROSE + "Fighting continued on Monday.", published="Tue, 05 Mar 2024 10:00:00 GMT")
    assert (a.published, a.date_confidence) == ("2024-03-05", "medium")


def test_url_dates() -> None:
    assert str(url_date("https://example.com/world/2024/10/28/story")) == "2024-10-28"
    assert str(url_date("https://example.com/news/2024/mar/07/story/")) == "2024-03-07"
    assert str(url_date("https://example.com/news/story-1730133736.html")) == "2024-10-28"
    assert url_date("https://example.com/news/story-123.html") is None


def test_url_date_is_the_reference() -> None:
    a = est(PROSE, url="https://example.com/world/2024/10/28/story", published="2025-01-10")
    assert a.published == "2024-10-28" and a.page_date == "2025-01-10"


def test_yearless_dates_placed_before_reference() -> None:
    from datetime import date

    found = body_dates("It began on Dec. 15 and ended on 3 January.", date(2025, 6, 21))
    assert sorted(d.isoformat() for d, _ in found) == ["2024-12-15", "2025-01-03"]


def test_no_dates_at_all() -> None:
    a = est(PROSE)
    assert a.published is None and a.page_date is None and a.date_confidence == "low"


def test_utc_timestamp_a_day_after_the_url_date_shows_the_url_day() -> None:
    # an evening story west of Greenwich: the UTC timestamp has rolled over to the next day
    a = est(PROSE, url="https://example.com/2020/02/24/story/", published="2020-02-25T02:25:54Z")
    assert a.page_date == "2020-02-24"
    b = est(PROSE, url="https://example.com/2020/02/24/story/", published="2020-02-27T02:25:54Z")
    assert b.page_date == "2020-02-27"  # further apart: the page's own date stands


def test_header_line_with_the_time_before_the_date_gives_the_page_date() -> None:
    text = ("Strikes hit the port\n\nBy Staff Writer\nUpdated 14:32 GMT, February 18, 2025\n\n"
            "Missiles struck the port early on Tuesday, the governor said.\n")
    raw = RawDocument(uri="page.txt", content=text.encode(), content_type="text/plain")
    article = Article()
    estimate_dates(article, text, text, raw)
    assert article.page_date == "2025-02-18"
