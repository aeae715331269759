"""Page date vs original publication date.

``page_date`` is the date the page shows, first found of: container hints (feed entry
``published``, JSONL ``published``/``date``), the HTML's own date (trafilatura/htmldate, JSON-LD),
a date-only header line of a text page ("Jun 21, 2025 |", "Published On 19 Mar 2024"), and a date
in the URL (``/2024/10/28/``, ``/2024/mar/07/``, a 10-digit unix timestamp).

``published`` follows the evidence of the body when it contradicts the page (a re-post):

1. Body dates are explicit calendar mentions: "Aug. 9, 2023", "19 November 2024" (year given)
   and "Dec. 15", "March 15" (year inferred: the most recent year that does not put the date after
   the reference date). Month-only mentions ("in October") and seasons are not used as dates.
2. The reference is the URL date when there is one (URLs are set when the story is first
   published), else the page date.
3. If the latest body date is more than ``REPOST_DAYS`` (30) days before the reference, the story
   is older than the page: ``published`` = that latest body date; confidence ``medium`` when the
   body gave its year, ``low`` when the year was inferred.
4. Otherwise ``published`` = the reference; confidence ``high`` when a body date lies within
   ``AGREE_DAYS`` (7) days of it or two independent page sources (URL and page) agree,
   ``medium`` otherwise.
5. With no page date at all, ``published`` = the latest body date that carries its year
   (confidence ``low``), else None.
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, date, datetime

from sitrep.clean import lines as L
from sitrep.models import Article, RawDocument

log = logging.getLogger("sitrep.clean.dates")

REPOST_DAYS = 30
AGREE_DAYS = 7
_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
         ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")]
    )
    for m in names
}
_MON = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
#: "Dec. 15", "December 15, 2024", "Dec.15" (month first, AP style)
_MD = re.compile(rf"\b{_MON}\.?\s*(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?", re.IGNORECASE)
#: "15 March", "19 November 2024" (day first)
_DM = re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}\b\.?(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?", re.IGNORECASE)
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mon>\d{2})-(?P<day>\d{2})\b")
_URL_YMD = re.compile(r"/(?P<year>(?:19|20)\d\d)[/-](?P<mon>\d{1,2}|[a-z]{3,9})[/-](?P<day>\d{1,2})(?:/|-|$)", re.IGNORECASE)
_URL_COMPACT = re.compile(r"[/_-](?P<year>20\d\d)(?P<mon>[01]\d)(?P<day>[0-3]\d)(?:[/_.-]|$)")
_URL_UNIX = re.compile(r"(?<!\d)(1[0-9]{9})(?!\d)")
_NUMERIC_DMY = re.compile(r"\b(?P<day>\d{1,2})[./](?P<mon>\d{1,2})[./](?P<year>(?:19|20)\d\d)\b")


def _mk(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month(token: str) -> int | None:
    if token.isdigit():
        return int(token)
    return _MONTHS.get(token.lower().rstrip(".")[:3] if token.lower()[:4] != "sept" else "sep")


def parse_date_text(text: str) -> date | None:
    """The first full calendar date (with a year) in a short string, e.g. a header line."""
    for rx in (_ISO, _MD, _DM, _NUMERIC_DMY):
        for m in rx.finditer(text):
            if not m.group("year"):
                continue
            mon = _month(m.group("mon"))
            d = _mk(int(m.group("year")), mon, int(m.group("day"))) if mon else None
            if d:
                return d
    return None


def url_date(url: str | None) -> date | None:
    """A publication date encoded in a URL path (Y/M/D, YYYYMMDD or a unix timestamp)."""
    if not url:
        return None
    m = _URL_YMD.search(url)
    if m:
        mon = _month(m.group("mon"))
        d = _mk(int(m.group("year")), mon, int(m.group("day"))) if mon else None
        if d:
            return d
    m = _URL_COMPACT.search(url)
    if m:
        d = _mk(int(m.group("year")), int(m.group("mon")), int(m.group("day")))
        if d:
            return d
    now = datetime.now(UTC).timestamp()
    for m in _URL_UNIX.finditer(url):
        ts = int(m.group(1))
        if 946_684_800 <= ts <= now + 86_400:  # 2000-01-01 .. tomorrow
            return datetime.fromtimestamp(ts, UTC).date()
    return None


def body_dates(body: str, reference: date | None) -> list[tuple[date, bool]]:
    """Explicit calendar dates in the body as (date, year_given); yearless ones placed in the most
    recent year not after ``reference`` (dropped when there is no reference)."""
    found: list[tuple[date, bool]] = []
    spans: list[tuple[int, int]] = []
    for rx in (_ISO, _MD, _DM):
        for m in rx.finditer(body):
            if any(a <= m.start() < b for a, b in spans):
                continue
            mon = _month(m.group("mon"))
            day = int(m.group("day"))
            if not mon or not 1 <= day <= 31:
                continue
            if rx is _MD and m.group("mon").lower() == "may" and not m.group("year"):
                # "may 3" is rarely a date in prose unless capitalised
                if not m.group("mon")[0].isupper():
                    continue
            year = m.group("year")
            if year:
                d = _mk(int(year), mon, day)
                if d:
                    found.append((d, True))
                    spans.append(m.span())
            elif reference is not None:
                d = _mk(reference.year, mon, day)
                if d and d > reference:
                    d = _mk(reference.year - 1, mon, day)
                if d:
                    found.append((d, False))
                    spans.append(m.span())
    return found


EARLIEST_NEWS_DATE = date(1990, 1, 1)  # before the web: a placeholder, not a publication date


def _plausible(d: date, today: date) -> bool:
    return EARLIEST_NEWS_DATE <= d <= today


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _hint_date(raw: RawDocument) -> date | None:
    for key in ("published", "date", "updated"):
        val = raw.hints.get(key)
        if val:
            d = parse_date_text(val) or _parse_loose(val)
            if d:
                return d
    return None


def _parse_loose(value: str) -> date | None:
    from email.utils import parsedate_to_datetime

    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None


def _html_date(text: str, raw: RawDocument) -> date | None:
    from sitrep.clean.article import cached_html_date, looks_like_html

    if not looks_like_html(text):
        return None
    known, value = cached_html_date(raw)
    if known and not value:
        return None  # cleaning already ran htmldate's extensive search on this page and found nothing
    if known and value:
        try:
            cached = date.fromisoformat(value)
        except ValueError:
            cached = None
        if cached and _plausible(cached, datetime.now(UTC).date()):
            return cached
    import htmldate

    try:
        found = htmldate.find_date(text, extensive_search=False, original_date=True, url=raw.url)
    except Exception as e:  # htmldate raises assorted errors on odd markup
        log.debug("htmldate failed: %s", e)
        return None
    return date.fromisoformat(found) if found else None


def _header_date(text: str) -> date | None:
    for line in text.splitlines()[:40]:
        t = " ".join(line.split())
        if t and L.line_rule(t) == "date":
            d = parse_date_text(t)
            if d:
                return d
    return None


def estimate_dates(article: Article, body: str, text: str, raw: RawDocument) -> None:
    """Set ``article.page_date``, ``article.published`` and ``article.date_confidence`` (rules above)."""
    today = datetime.now(UTC).date()
    from_url = url_date(raw.url or article.url or raw.hints.get("link"))
    if from_url and not _plausible(from_url, today):
        from_url = None
    # The first plausible date wins: placeholders such as JSON-LD's "0001-01-01" and dates in
    # the future are not what the page shows.
    page = next(
        (d for find in (lambda: _hint_date(raw), lambda: _html_date(text, raw), lambda: _header_date(text))
         if (d := find()) is not None and _plausible(d, today)),
        None,
    )
    if page and from_url and (page - from_url).days == 1:
        # A page timestamp in UTC ("2020-02-25T02:25:54Z") rolls past midnight for an evening
        # story in the Americas; the URL carries the outlet's local day: the day the page shows.
        page = from_url
    article.page_date = _iso(page or from_url)
    reference = from_url or page
    if reference is None:
        dated = [d for d, year_given in body_dates(body, None) if year_given and d <= today]
        article.published = _iso(max(dated)) if dated else None
        article.date_confidence = "low"
        return
    mentions = [(d, y) for d, y in body_dates(body, reference) if d <= reference]
    latest = max(mentions, key=lambda x: x[0]) if mentions else None
    if latest and (reference - latest[0]).days > REPOST_DAYS:
        article.published = _iso(latest[0])
        article.date_confidence = "medium" if latest[1] else "low"
        return
    article.published = _iso(reference)
    agree = latest is not None and abs((reference - latest[0]).days) <= AGREE_DAYS
    sources_agree = from_url is not None and page is not None and abs((from_url - page).days) <= 1
    article.date_confidence = "high" if agree or sources_agree else "medium"
