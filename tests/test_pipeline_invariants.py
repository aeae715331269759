"""Invariants every record from ``sitrep.pipeline.process`` must satisfy, and tests applying them.

:func:`record_violations` is a plain function (no pytest) so that
``benchmarks/bench_real_pages.py`` and ``tests/test_pipeline_robustness.py`` use the same checker.
It returns one human-readable string per violation; an empty list means the record is sound.

Checked: evidence offsets (``body[start:end] == text``) of entities, toponyms, claims and events;
event types in the ACLED taxonomy and consistent with their sub-type; event claim ids exist;
dates are real ``YYYY-MM-DD`` days in a plausible range; coordinates in range, finite and paired;
ACLED precision codes; casualty counts non-negative and not absurd; no boilerplate lines left in
the body; unique ids; the record's JSON round-trips through ``Record.model_validate``.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from sitrep.models import ACLED_TAXONOMY, SUB_EVENT_TO_TYPE, RawDocument, Record, Span

#: Counts above this are treated as extraction errors (no single news event reports more).
MAX_PLAUSIBLE_COUNT = 100_000
#: Years outside this range are extraction errors for a news record (a year parsed from a number).
PLAUSIBLE_YEARS = (1900, date.today().year + 1)
ACLED_INTER_CODES = set(range(0, 9))

_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
#: Lines that are boilerplate wherever they appear in an article body (checked on the stripped line).
BOILERPLATE_LINE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("'Advertisement' line", re.compile(r"(?i)^(advertisement|advertisements|advert|ad)\s*[:.]?$")),
    ("'Sponsor:' line", re.compile(r"(?i)^sponsor(ed)?\s*(by)?\s*:")),
    # The share *widget* ("Share this article", "Share on X"), not an author's plea in prose, which
    # article-extraction gold keeps ("Share this information, please?").
    ("'Share this' line", re.compile(r"(?i)^share\s+(this(\s+(article|story|page|post|video))?|on\s+\w+)\s*[:!.]?$")),
    ("'Subscribe' line", re.compile(r"(?i)^subscribe\b.{0,80}$")),
)


def _check_span(where: str, body: str, text: str, start: int, end: int) -> list[str]:
    if not (0 <= start <= end <= len(body)):
        return [f"{where}: offsets {start}:{end} outside body of length {len(body)} (text {text!r:.60})"]
    if body[start:end] != text:
        return [f"{where}: body[{start}:{end}] == {body[start:end]!r:.60} != text {text!r:.60}"]
    return []


def _check_date(where: str, value: str | None) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, str) or not _DATE_RE.fullmatch(value):
        return [f"{where}: {value!r} is not YYYY-MM-DD"]
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return [f"{where}: {value!r} is not a real calendar day"]
    if not PLAUSIBLE_YEARS[0] <= day.year <= PLAUSIBLE_YEARS[1]:
        return [f"{where}: {value!r} has an implausible year for a news record"]
    return []


def _check_coords(where: str, lat: float | None, lon: float | None) -> list[str]:
    if (lat is None) != (lon is None):
        return [f"{where}: lat={lat} lon={lon}: only one coordinate present"]
    if lat is None or lon is None:
        return []
    if not (math.isfinite(lat) and math.isfinite(lon)):
        return [f"{where}: non-finite coordinates lat={lat} lon={lon}"]
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return [f"{where}: coordinates out of range lat={lat} lon={lon}"]
    return []


def _check_count(where: str, value: int | None) -> list[str]:
    if value is None:
        return []
    if value < 0:
        return [f"{where}: negative count {value}"]
    if value > MAX_PLAUSIBLE_COUNT:
        return [f"{where}: absurd count {value} (> {MAX_PLAUSIBLE_COUNT})"]
    return []


def boilerplate_lines(body: str) -> list[tuple[str, str]]:
    """(which marker, the line) for every body line that is plain boilerplate."""
    found = []
    for line in body.splitlines():
        stripped = line.strip()
        for name, pattern in BOILERPLATE_LINE_PATTERNS:
            if pattern.search(stripped):
                found.append((name, stripped))
                break
    return found


def record_violations(record: Record) -> list[str]:
    """Every invariant the record breaks, one line each (empty list: all hold)."""
    v: list[str] = []
    body = record.body
    for i, ent in enumerate(record.entities):
        v += _check_span(f"entity[{i}] {ent.label}", body, ent.text, ent.start, ent.end)
    for i, top in enumerate(record.toponyms):
        v += _check_span(f"toponym[{i}]", body, top.text, top.start, top.end)
        v += _check_coords(f"toponym[{i}] {top.text!r}", top.lat, top.lon)
    claim_ids = [c.id for c in record.claims]
    if len(set(claim_ids)) != len(claim_ids):
        v.append(f"duplicate claim ids: {sorted({c for c in claim_ids if claim_ids.count(c) > 1})}")
    for c in record.claims:
        ev: Span = c.evidence
        v += _check_span(f"claim {c.id} evidence", body, ev.text, ev.start, ev.end)
    event_ids = [e.id for e in record.events]
    if len(set(event_ids)) != len(event_ids):
        v.append(f"duplicate event ids: {sorted({e for e in event_ids if event_ids.count(e) > 1})}")
    for e in record.events:
        tag = f"event {e.id}"
        if e.event_type not in ACLED_TAXONOMY:
            v.append(f"{tag}: event_type {e.event_type!r} not in ACLED_TAXONOMY")
        if e.sub_event_type not in SUB_EVENT_TO_TYPE:
            v.append(f"{tag}: sub_event_type {e.sub_event_type!r} not in the ACLED taxonomy")
        elif SUB_EVENT_TO_TYPE[e.sub_event_type] != e.event_type:
            v.append(f"{tag}: sub_event_type {e.sub_event_type!r} belongs to "
                     f"{SUB_EVENT_TO_TYPE[e.sub_event_type]!r}, not {e.event_type!r}")  # fmt: skip
        for cid in e.claims:
            if cid not in claim_ids:
                v.append(f"{tag}: claim id {cid!r} not among record.claims")
        for j, sp in enumerate(e.evidence):
            v += _check_span(f"{tag} evidence[{j}]", body, sp.text, sp.start, sp.end)
        v += _check_date(f"{tag} date", e.date)
        v += _check_coords(f"{tag} location", e.location.lat, e.location.lon)
        if e.location.geo_precision not in (1, 2, 3, None):
            v.append(f"{tag}: geo_precision {e.location.geo_precision!r} not in 1/2/3/None")
        if e.time_precision not in (1, 2, 3, None):
            v.append(f"{tag}: time_precision {e.time_precision!r} not in 1/2/3/None")
        if e.date is not None and e.time_precision is None:
            v.append(f"{tag}: date {e.date} without a time_precision")
        for name in ("inter1", "inter2"):
            code = getattr(e, name)
            if code is not None and code not in ACLED_INTER_CODES:
                v.append(f"{tag}: {name} {code!r} is not an ACLED inter code (0-8)")
        v += _check_count(f"{tag} fatalities", e.fatalities)
        v += _check_count(f"{tag} injured", e.injured)
    v += _check_date("article.published", record.article.published)
    v += _check_date("article.page_date", record.article.page_date)
    for name, line in boilerplate_lines(body):
        v.append(f"body keeps boilerplate ({name}): {line!r:.80}")
    try:
        dumped = json.dumps(record.to_json_dict(), allow_nan=False)
        again = Record.model_validate(json.loads(dumped))
        if again.to_json_dict() != record.to_json_dict():
            v.append("record JSON does not round-trip to an equal record")
    except (ValueError, TypeError) as e:  # pydantic.ValidationError is a ValueError
        v.append(f"record JSON does not round-trip: {type(e).__name__}: {str(e).splitlines()[0]:.120}")
    return v


# --------------------------------------------------------------------------- tests

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sitrep" / "data" / "samples"

#: Hand-written pages (text and HTML), written for these tests; not copied from any article.
HAND_PAGES: dict[str, tuple[str, str]] = {
    "plain_wire.txt": ("text/plain", (
        "ODESA, Ukraine (Wire) — A Russian drone strike hit a residential block in the port city of "
        "Odesa overnight, killing four people and wounding 11, regional governor Oleh Kiper said on "
        "Telegram on Wednesday.\n\n"
        "Advertisement\n\n"
        "Ukraine's air force said it shot down 23 of the 30 drones launched overnight. The claim could "
        "not be independently verified.\n\n"
        "Russia's defence ministry said its forces had struck military targets and denied hitting "
        "civilian buildings.\n\n"
        "Share this article\n"
        "Subscribe to our newsletter\n")),
    "html_article.html": ("text/html", (
        "<html><head><title>Clashes in Kidal | Sahel Monitor</title>"
        "<meta property='article:published_time' content='2024-03-04T08:00:00Z'></head><body>"
        "<nav><a href='/'>Home</a> | <a href='/world'>World</a> | Subscribe</nav>"
        "<article><h1>Clashes in Kidal</h1>"
        "<p>Fighting broke out between the Malian army and armed separatists near Kidal on Sunday, "
        "a local official said, adding that at least seven soldiers were killed.</p>"
        "<p>The army said in a statement that it had repelled the attack and regained control of two "
        "positions north of the town, a claim the rebels disputed.</p>"
        "<p>Residents said they heard gunfire for several hours and that several families fled "
        "toward the Algerian border.</p></article>"
        "<aside>Sponsor: Buy gold now</aside><footer>© Sahel Monitor. Share this page.</footer>"
        "</body></html>")),
    "protest.txt": ("text/plain", (
        "Thousands of people marched through the centre of Nairobi on Tuesday to protest a proposed "
        "tax increase, and police fired tear gas to disperse the crowd, witnesses said.\n\n"
        "The Kenya National Commission on Human Rights said two protesters were killed and 30 injured. "
        "Police spokeswoman Resila Onyango said officers had acted with restraint.\n")),
}


def _process(raw: RawDocument) -> Record:
    from sitrep.pipeline import process

    return process(raw)


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(HAND_PAGES))
def test_pipeline_hand_written_pages_satisfy_invariants(name: str) -> None:
    content_type, text = HAND_PAGES[name]
    record = _process(RawDocument(uri=name, content=text.encode(), content_type=content_type))
    assert record.body
    assert record_violations(record) == []


@pytest.mark.slow
def test_pipeline_bundled_samples_satisfy_invariants() -> None:
    from sitrep.ingest import read_inputs
    from sitrep.models import Skipped
    from sitrep.pipeline import process
    from sitrep.settings import Settings

    settings = Settings()
    problems: dict[str, list[str]] = {}
    seen = 0
    for raw in read_inputs([str(SAMPLES)], settings):
        assert not isinstance(raw, Skipped), f"sample skipped: {raw}"
        record = process(raw, settings)
        seen += 1
        if found := record_violations(record):
            problems[raw.uri] = found
    assert seen >= 10
    assert problems == {}


# The checker itself must catch what it claims to catch (so the tests above can fail).


def _good_record() -> Record:
    import importlib.util

    spec = importlib.util.spec_from_file_location("sitrep_tests_records", Path(__file__).with_name("records.py"))
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    record: Record = mod.make_record()
    return record


def test_invariant_checker_accepts_a_sound_record() -> None:
    assert record_violations(_good_record()) == []


@pytest.mark.parametrize(
    ("mutate", "expect"),
    [
        (lambda r: setattr(r.entities[0], "start", r.entities[0].start + 1), "entity"),
        (lambda r: setattr(r.claims[0].evidence, "end", len(r.body) + 5), "outside body"),
        (lambda r: setattr(r.events[0], "event_type", "Protests"), "belongs to"),
        (lambda r: setattr(r.events[0], "sub_event_type", "Bombing"), "not in the ACLED"),
        (lambda r: r.events[0].claims.append("nope"), "claim id"),
        (lambda r: setattr(r.events[0], "date", "2024-02-30"), "calendar day"),
        (lambda r: setattr(r.events[0], "date", "12/03/2024"), "YYYY-MM-DD"),
        (lambda r: setattr(r.events[0], "date", "0024-01-01"), "implausible year"),
        (lambda r: setattr(r.events[0].location, "lon", None), "only one coordinate"),
        (lambda r: setattr(r.events[0].location, "lat", 123.0), "out of range"),
        (lambda r: setattr(r.events[0].location, "lat", float("nan")), "non-finite"),
        (lambda r: setattr(r.events[0].location, "geo_precision", 4), "geo_precision"),
        (lambda r: setattr(r.events[0], "time_precision", 0), "time_precision"),
        (lambda r: setattr(r.events[0], "fatalities", -1), "negative"),
        (lambda r: setattr(r.events[0], "injured", 2_000_000), "absurd"),
        (lambda r: setattr(r, "body", r.body + "\nAdvertisement\n"), "Advertisement"),
        (lambda r: setattr(r, "body", r.body + "\nSponsor:  ACME: great deals\n"), "Sponsor"),
        (lambda r: setattr(r, "body", r.body + "\n  Share this article\n"), "Share this"),
        (lambda r: setattr(r, "body", r.body + "\nSubscribe to our newsletter\n"), "Subscribe"),
    ],
)
def test_invariant_checker_catches_each_violation(mutate: Callable[[Record], object], expect: str) -> None:
    record = _good_record()
    assert record.entities and record.claims and record.events
    mutate(record)
    found = record_violations(record)
    assert any(expect in line for line in found), found


def test_invariant_checker_keeps_prose_that_mentions_subscribers() -> None:
    record = _good_record()
    record.body += ("\nThe channel, which has 40,000 subscribers, said the advertisement was removed."
                    "\nShare this information, please?\nSponsors of the bill said it would pass.")
    assert boilerplate_lines(record.body) == []
