"""The one document model: what flows through ``pipeline.process()`` and what is stored.

Data flow (each arrow is a stage in ``sitrep.pipeline``)::

    RawDocument --clean--> Record(article, body, removed)
                --extract--> Record(+entities, +claims, +events)
                --resolve--> Record(events with locations, dates, canonical actors)

Every fact carries evidence offsets: ``start``/``end`` are character offsets into
``Record.body`` (Python string indices, so ``body[start:end] == text``).
Unknown values are ``None``, never guessed.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

DateConfidence = Literal["high", "medium", "low"]
SourceType = Literal["person", "government", "military", "organization", "media", "anonymous", "document"]
Verification = Literal["confirmed", "unconfirmed", "disputed", "none stated"]
EventStatus = Literal["confirmed", "unconfirmed", "disputed", "reported"]

#: ACLED's 6 event types and 25 sub-event types, exactly as ACLED spells them.
ACLED_TAXONOMY: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}
SUB_EVENT_TO_TYPE: dict[str, str] = {sub: et for et, subs in ACLED_TAXONOMY.items() for sub in subs}


def content_id(text: str | bytes) -> str:
    """Stable content hash used as a document id (first 16 hex chars of SHA-256)."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    return hashlib.sha256(data).hexdigest()[:16]


def utcnow() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


# --------------------------------------------------------------------------- ingest


class RawDocument(_Model):
    """One input as ingest produced it, before any cleaning.

    ``content`` holds the raw bytes; ``content_type`` is the *detected* kind
    (``text/html``, ``text/plain``), not just what a server or extension claimed.
    ``hints`` carries metadata the container knew (feed entry title/date, JSONL fields,
    HTTP headers) that cleaning may use when the page itself is silent.
    """

    uri: str
    content: bytes
    content_type: str = "text/plain"
    fetched_at: datetime = Field(default_factory=utcnow)
    url: str | None = None
    encoding: str | None = None
    hints: dict[str, str] = Field(default_factory=dict)


class Skipped(_Model):
    """An input that produced no record, with the one-line reason."""

    uri: str
    reason: str


# --------------------------------------------------------------------------- record


class Source(_Model):
    uri: str
    content_type: str
    fetched_at: datetime


class Article(_Model):
    title: str | None = None
    authors: list[str] = Field(default_factory=list)
    outlet: str | None = None  # original publisher
    aggregator: str | None = None  # site that re-posted it
    url: str | None = None
    language: str | None = None
    dateline: str | None = None  # place named in the dateline
    published: str | None = None  # YYYY-MM-DD, best estimate of original publication
    page_date: str | None = None  # YYYY-MM-DD shown on the page
    date_confidence: DateConfidence = "low"


class Span(_Model):
    text: str
    start: int
    end: int


class Entity(_Model):
    text: str
    label: str  # PERSON, ORG, GPE, LOC, NORP, MILITARY_UNIT, FAC, ...
    start: int
    end: int
    canonical: str | None = None


class Claim(_Model):
    id: str
    text: str  # the content asserted
    source: str | None = None  # canonical speaker or organisation
    source_text: str | None = None  # as written
    source_type: SourceType | None = None
    cue: str | None = None
    hedged: bool = False
    verification: Verification = "none stated"
    evidence: Span


class Location(_Model):
    name: str | None = None  # as written in the text
    admin1: str | None = None
    admin2: str | None = None
    country: str | None = None
    iso: str | None = None  # ISO 3166-1 alpha-2
    lat: float | None = None
    lon: float | None = None
    geo_precision: int | None = None  # ACLED 1 (exact town) | 2 (near / district) | 3 (region)
    geonameid: int | None = None


class Event(_Model):
    id: str
    event_type: str
    sub_event_type: str
    actor1: str | None = None
    assoc_actor1: str | None = None
    actor2: str | None = None
    assoc_actor2: str | None = None
    inter1: int | None = None  # ACLED actor-type codes
    inter2: int | None = None
    location: Location = Field(default_factory=Location)
    date: str | None = None  # YYYY-MM-DD
    date_text: str | None = None
    time_precision: int | None = None  # ACLED 1 (day) | 2 (week) | 3 (month)
    fatalities: int | None = None
    injured: int | None = None
    source: str | None = None
    status: EventStatus = "reported"
    claims: list[str] = Field(default_factory=list)
    evidence: list[Span] = Field(default_factory=list)


class Toponym(_Model):
    """A place name found in ``body`` and, when resolved, the gazetteer entry it names."""

    text: str
    start: int
    end: int
    name: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    feature_code: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    country: str | None = None
    iso: str | None = None
    score: float | None = None


class Record(_Model):
    """One input document, fully processed. This is ``sitrep extract``'s JSON output."""

    id: str
    source: Source
    article: Article = Field(default_factory=Article)
    body: str = ""
    removed: list[str] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    #: Not part of the published record: resolver output kept for the store and `geoparse`.
    toponyms: list[Toponym] = Field(default_factory=list, exclude=True)

    def to_json_dict(self) -> dict:
        return self.model_dump(mode="json")
