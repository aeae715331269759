"""The spine: ``process(raw, settings) -> Record``, read top to bottom.

    decode → clean → dates → parse → entities → claims → events → places → event dates → actors → status

Each stage is a named function over one :class:`Work` item, declaring what it
``requires`` and what it ``assigns`` (like spaCy factories); :func:`check_stages` fails at
start-up when a stage needs something no earlier stage provides. The heavy parts (spaCy,
the gazetteer) are imported inside the stage functions, so importing this module is cheap.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sitrep.errors import SitrepError
from sitrep.models import RawDocument, Record, Skipped, Source, content_id
from sitrep.settings import Settings

log = logging.getLogger("sitrep.pipeline")


@dataclass
class Work:
    """One document on its way through the stages."""

    raw: RawDocument
    settings: Settings
    record: Record
    text: str = ""  # the decoded input (HTML or plain text)
    doc: Any = None  # the spaCy Doc over record.body, once parsed
    provided: set[str] = field(default_factory=lambda: {"raw"})


@dataclass(frozen=True)
class Stage:
    name: str
    func: Callable[[Work], None]
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


def stage(requires: tuple[str, ...], assigns: tuple[str, ...]) -> Callable[[Callable[[Work], None]], Stage]:
    def wrap(func: Callable[[Work], None]) -> Stage:
        return Stage(func.__name__, func, requires, assigns)

    return wrap


# --------------------------------------------------------------------------- stages


@stage(requires=("raw",), assigns=("text",))
def decode(w: Work) -> None:
    """Bytes → text with the right encoding (charset detection, never a crash on bad bytes)."""
    from sitrep.clean.decode import decode_bytes

    w.text = decode_bytes(w.raw)


@stage(requires=("text",), assigns=("body", "removed", "article"))
def clean(w: Work) -> None:
    """Article body, removed boilerplate and metadata (title, authors, outlet, aggregator, dateline)."""
    from sitrep.clean.article import clean_document

    cleaned = clean_document(w.raw, w.text, w.settings)
    w.record.body, w.record.removed, w.record.article = cleaned.body, cleaned.removed, cleaned.article


@stage(requires=("body", "article"), assigns=("published",))
def dates(w: Work) -> None:
    """`page_date` as shown, `published` as the evidence says, and how sure that is."""
    from sitrep.clean.dates import estimate_dates

    estimate_dates(w.record.article, w.record.body, w.text, w.raw)


@stage(requires=("body",), assigns=("doc",))
def parse(w: Work) -> None:
    """spaCy over the body (sentences, tokens, NER), with sitrep's own components."""
    from sitrep.errors import UnreadableInput
    from sitrep.extract.nlp import parse_body

    if len(w.record.body) > w.settings.max_body_chars:
        raise UnreadableInput(
            f"the article body is {len(w.record.body):,} characters, more than one news article "
            f"(max_body_chars = {w.settings.max_body_chars:,}); split the input or raise the setting"
        )
    w.doc = parse_body(w.record.body, w.settings)


@stage(requires=("doc",), assigns=("entities",))
def entities(w: Work) -> None:
    from sitrep.extract.entities import find_entities

    w.record.entities = find_entities(w.doc)


@stage(requires=("doc", "entities", "article"), assigns=("claims",))
def claims(w: Work) -> None:
    from sitrep.extract.claims import find_claims

    w.record.claims = find_claims(w.doc, w.record.entities, w.record.article)


@stage(requires=("doc", "entities", "claims", "article"), assigns=("events",))
def events(w: Work) -> None:
    from sitrep.extract.events import find_events

    w.record.events = find_events(w.doc, w.record.entities, w.record.claims, w.record.article)


@stage(requires=("events", "entities", "article"), assigns=("locations", "toponyms"))
def places(w: Work) -> None:
    """Toponyms → gazetteer entries; each event gets the most specific place the text supports."""
    from sitrep.resolve.geocode import locate_record

    locate_record(w.record, w.settings)


@stage(requires=("events", "published"), assigns=("event_dates",))
def event_dates(w: Work) -> None:
    """Relative dates ("on Monday", "Dec. 15", "overnight") → YYYY-MM-DD against `published`."""
    from sitrep.resolve.dates import resolve_event_dates

    resolve_event_dates(w.record.events, w.record.article)


@stage(requires=("events", "claims"), assigns=("actors", "status"))
def actors(w: Work) -> None:
    """Actor names → canonical ACLED-style actors with inter codes; event status from its claims."""
    from sitrep.resolve.actors import canonicalise_events

    canonicalise_events(w.record.events, w.record.claims)


#: The stages in order. `sitrep clean` runs the first three only.
STAGES: tuple[Stage, ...] = (decode, clean, dates, parse, entities, claims, events, places, event_dates, actors)
CLEAN_STAGES: tuple[Stage, ...] = STAGES[:3]


def check_stages(stages: Iterable[Stage]) -> None:
    """Fail when a stage requires something no earlier stage assigns."""
    provided = {"raw"}
    for s in stages:
        missing = [r for r in s.requires if r not in provided]
        if missing:
            raise SitrepError(
                f"pipeline misordered: stage '{s.name}' requires {', '.join(missing)}, "
                f"which no earlier stage assigns. Provided so far: {', '.join(sorted(provided))}"
            )
        provided.update(s.assigns)


check_stages(STAGES)


# --------------------------------------------------------------------------- entry points


def new_record(raw: RawDocument) -> Record:
    return Record(
        id=content_id(raw.content),
        source=Source(uri=raw.uri, content_type=raw.content_type, fetched_at=raw.fetched_at),
    )


def process(raw: RawDocument, settings: Settings | None = None, *, stages: tuple[Stage, ...] = STAGES) -> Record:
    """Run one raw document through the stages and return its record.

    Raises a :class:`~sitrep.errors.InputError` (with the input named) when the document
    cannot give a record: empty, binary, no article, ...
    """
    settings = settings or Settings()
    w = Work(raw=raw, settings=settings, record=new_record(raw))
    for s in stages:
        try:
            s.func(w)
        except SitrepError as e:
            e.input = e.input or raw.uri
            raise
        w.provided.update(s.assigns)
    return w.record


def process_many(
    raws: Iterable[RawDocument | Skipped], settings: Settings | None = None, *, stages: tuple[Stage, ...] = STAGES
) -> Iterator[Record | Skipped]:
    """Process a stream; an input that fails becomes a :class:`Skipped` with its one-line reason."""
    settings = settings or Settings()
    for raw in raws:
        if isinstance(raw, Skipped):
            yield raw
            continue
        try:
            yield process(raw, settings, stages=stages)
        except SitrepError as e:
            yield Skipped(uri=raw.uri, reason=" ".join(str(e).split()))


def run(specs: list[str], settings: Settings | None = None, *, stages: tuple[Stage, ...] = STAGES,
        follow: bool = False) -> Iterator[Record | Skipped]:  # fmt: skip
    """Read inputs (paths, directories, URLs, "-") and process each: the `sitrep extract` loop."""
    from sitrep.batch.local import process_parallel
    from sitrep.ingest import read_inputs

    settings = settings or Settings()
    yield from process_parallel(read_inputs(specs, settings, follow=follow), settings, settings.workers, stages=stages)
