"""Relative and absolute date expressions against the article date."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.models import Article, Event
from sitrep.resolve.dates import resolve_date_text, resolve_event_dates

REF = date(2024, 12, 17)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("on Monday", date(2024, 12, 16), 1),
        ("early Tuesday", date(2024, 12, 17), 1),
        ("on Wednesday", date(2024, 12, 11), 1),
        ("this weekend", date(2024, 12, 14), 2),
        ("over the weekend", date(2024, 12, 14), 2),
        ("on Dec.15", date(2024, 12, 15), 1),
        ("Dec. 20", date(2023, 12, 20), 1),
        ("On 19 November 2024", date(2024, 11, 19), 1),
        ("yesterday", date(2024, 12, 16), 1),
        ("overnight", date(2024, 12, 17), 1),
        ("last week", date(2024, 12, 9), 2),
        ("in October", date(2024, 10, 1), 3),
        ("last month", date(2024, 11, 1), 3),
    ],
)
def test_resolve_date_text(text: str, expected: date, precision: int) -> None:
    assert resolve_date_text(text, REF) == (expected, precision)


def test_unknown_expression_stays_none() -> None:
    assert resolve_date_text("in the heat of the moment", REF) is None


def test_resolve_event_dates_fills_events_and_needs_a_reference() -> None:
    ev = Event(id="e1", event_type="Battles", sub_event_type="Armed clash", date_text="on Monday")
    resolve_event_dates([ev], Article())
    assert ev.date is None
    resolve_event_dates([ev], Article(published="2024-12-17"))
    assert (ev.date, ev.time_precision) == ("2024-12-16", 1)
