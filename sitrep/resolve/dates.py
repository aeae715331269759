"""Event dates: ``Event.date_text`` (as written) → ``date`` (YYYY-MM-DD) + ACLED ``time_precision``.

Reference date = ``article.published``, else ``article.page_date``; without one nothing is
filled (unknown stays None). Rules (hand-written because dateparser resolves weekdays to the
*next* occurrence in some settings and does not know "this weekend" or "overnight"):

- "today", "this morning", "overnight", "last night" → the reference day (overnight/last night:
  the day before when the article says "last night"), precision 1
- "yesterday" → day before, precision 1
- weekday ("on Monday", "early Tuesday") → the latest such day on or before the reference, precision 1
- "this weekend" / "over the weekend" / "last weekend" → the Saturday of that weekend, precision 2
- "last week" / "this week" / "earlier this week" → the Monday of that week, precision 2
- "Dec. 15", "15 December", "March 15, 2024" → that date, in the latest year not after the
  reference when no year is given (dateparser, PREFER_DATES_FROM=past), precision 1
- "in October", "last month", "earlier this month" → the first of that month, precision 3
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from sitrep.models import Article, Event

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")


def _reference(article: Article) -> date | None:
    for value in (article.published, article.page_date):
        if value:
            try:
                return date.fromisoformat(value[:10])
            except ValueError:
                continue
    return None


def resolve_date_text(text: str, ref: date) -> tuple[date, int] | None:
    """(date, ACLED time precision) for a temporal expression relative to ``ref``, else None."""
    t = " ".join(text.lower().replace(".", ". ").split())
    if re.search(r"\b(today|this morning|tonight|this afternoon|this evening)\b", t):
        return ref, 1
    if re.search(r"\b(yesterday|last night)\b", t):
        return ref - timedelta(days=1), 1
    if re.search(r"\bovernight\b", t):
        return ref, 1
    if re.search(r"\b(weekend)\b", t):
        # Saturday of the weekend on/before the reference (this weekend = the one just passed or current)
        delta = (ref.weekday() - 5) % 7
        sat = ref - timedelta(days=delta)
        if "last weekend" in t and delta <= 1:
            sat -= timedelta(days=7)
        return sat, 2
    if re.search(r"\blast week\b", t):
        monday = ref - timedelta(days=ref.weekday() + 7)
        return monday, 2
    if re.search(r"\b(this week|earlier this week)\b", t):
        return ref - timedelta(days=ref.weekday()), 2
    if re.search(r"\b(last month)\b", t):
        first = ref.replace(day=1) - timedelta(days=1)
        return first.replace(day=1), 3
    if re.search(r"\b(earlier this month|this month)\b", t):
        return ref.replace(day=1), 3
    for i, wd in enumerate(_WEEKDAYS):
        if re.search(rf"\b{wd}\b", t):
            delta = (ref.weekday() - i) % 7
            if re.search(rf"\blast {wd}\b", t) and delta == 0:
                delta = 7
            return ref - timedelta(days=delta), 1
    m = re.fullmatch(r"(?:in |early |late |mid-?)?(" + "|".join(_MONTHS) + r")(?: (\d{4}))?", t.strip())
    if m:
        month = _MONTHS.index(m.group(1)) + 1
        year = int(m.group(2)) if m.group(2) else (ref.year if month <= ref.month else ref.year - 1)
        return date(year, month, 1), 3
    if re.search(r"\d", t):
        return _absolute(text, ref)
    return None


def _absolute(text: str, ref: date) -> tuple[date, int] | None:
    import dateparser  # heavy-ish; only for absolute dates

    clean = re.sub(r"^(on|since|by|from)\s+", "", text.strip(), flags=re.I)
    clean = re.sub(r"\.(?=\d)", ". ", clean)  # "Dec.15" → "Dec. 15"
    from datetime import datetime

    parsed = dateparser.parse(
        clean,
        languages=["en"],
        settings={"RELATIVE_BASE": datetime(ref.year, ref.month, ref.day), "PREFER_DATES_FROM": "past",
                  "REQUIRE_PARTS": ["day", "month"]},
    )
    if parsed is None:
        return None
    d = parsed.date()
    if not re.search(r"\b\d{4}\b", text) and d > ref:
        d = d.replace(year=d.year - 1)
    return d, 1


def resolve_event_dates(events: list[Event], article: Article) -> None:
    """Fill ``date`` and ``time_precision`` of each event from its ``date_text`` and the article date.

    An event without ``date_text`` (or with one that cannot be resolved) keeps ``date=None``.
    """
    ref = _reference(article)
    if ref is None:
        return
    for ev in events:
        if ev.date is not None:
            continue
        if ev.date_text:
            got = resolve_date_text(ev.date_text, ref)
            if got is not None:
                ev.date, ev.time_precision = got[0].isoformat(), got[1]
