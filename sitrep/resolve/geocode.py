"""Offline geocoding: toponyms in a text → gazetteer entries; events → ACLED-style locations.

The public API (:func:`geoparse`, :func:`locate_record`, :func:`default_gazetteer`); the work is
done in three modules:

* recognition, :mod:`sitrep.resolve.geo_recognize`: spaCy GPE/LOC/FAC entities plus
  gazetteer-driven patterns ("village of X", "near X", "X Oblast", "X, Y");
* resolution, :mod:`sitrep.resolve.geo_rank`: candidates by exact / alternate name key, by
  romanisation skeleton (Kharkiv/Kharkov) scored with rapidfuzz, then ranked with document
  context: qualifiers ("Springfield, Ill."), countries and regions named in the text (and
  demonyms), the dateline, other places of the text (first-pass anchors and the geographic
  coherence of the candidates of all its names), feature level and population;
* event locations, :mod:`sitrep.resolve.geo_events`: the most specific place the text supports,
  else (as ACLED does) the smallest containing region the text names. Coordinates are never
  invented: no resolved place and no named region → no coordinates.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from sitrep.models import Record, Toponym
from sitrep.resolve.gazetteer import Gazetteer
from sitrep.resolve.geo_events import event_location
from sitrep.resolve.geo_names import DEMONYMS, name_key
from sitrep.resolve.geo_rank import (  # noqa: F401 - re-exported: the resolution API callers and tests use
    CACHE,
    DocContext,
    ResolutionCache,
    Resolved,
    candidates,
    names_region,
    resolve_mention,
    resolve_mentions,
)
from sitrep.resolve.geo_recognize import Mention, find_mentions, sentence_bounds

if TYPE_CHECKING:
    import sqlalchemy as sa

    from sitrep.settings import Settings

log = logging.getLogger("sitrep.resolve.geocode")

_PLACE_LABELS = ("GPE", "LOC", "FAC")
_BLOCKING_LABELS = ("PERSON", "ORG")

# --------------------------------------------------------------------------- default gazetteer

_DEFAULT_LOCK = threading.Lock()
_DEFAULT: dict[str, Gazetteer] = {}


def default_gazetteer(settings: Settings) -> Gazetteer:
    """Package data in memory, plus the store at ``settings.database_url`` when it holds imports."""
    url = settings.database_url
    with _DEFAULT_LOCK:
        if url in _DEFAULT:
            return _DEFAULT[url]
    gaz = Gazetteer.from_package(settings.cache_dir)
    engine = _store_engine_with_imports(url)
    if engine is not None:
        layered = Gazetteer()
        layered.rows, layered.by_key, layered.by_skeleton = gaz.rows, gaz.by_key, gaz.by_skeleton
        layered.countries, layered.admin1, layered.admin2 = gaz.countries, gaz.admin1, gaz.admin2
        layered.display = gaz.display
        layered.version = gaz.version + "+" + url
        layered.attach_store(engine)
        gaz = layered
    with _DEFAULT_LOCK:
        _DEFAULT[url] = gaz
    return gaz


def _store_engine_with_imports(url: str) -> sa.Engine | None:
    """An engine on ``url`` when that database exists and holds imported GeoNames places."""
    from sitrep.resolve.gazetteer import store_has_imports

    if url.startswith("sqlite:///"):
        from pathlib import Path

        path = url.removeprefix("sqlite:///")
        if path in ("", ":memory:") or not Path(path).is_file():
            return None
    import sqlalchemy as sa

    try:
        engine = sa.create_engine(url)
        return engine if store_has_imports(engine) else None
    except Exception as e:  # noqa: BLE001 - an unreachable store only means "package data only"
        log.info("gazetteer store at %s not used: %s", url, e)
        return None


# --------------------------------------------------------------------------- public API


def geoparse(
    text: str,
    settings: Settings,
    spans: list[tuple[int, int]] | None = None,
    *,
    gazetteer: Gazetteer | None = None,
) -> list[Toponym]:
    """Every toponym in ``text`` (recognised and resolved); with ``spans``, only those spans, in context.

    Recognition uses spaCy NER (the model in ``settings``) plus gazetteer matching; with
    ``spans`` no model is loaded. ``gazetteer`` defaults to :func:`default_gazetteer`.
    """
    gaz = gazetteer or default_gazetteer(settings)
    if spans is not None:
        made = [Mention.make(text, s, e, "gold") for s, e in spans]
        targets = [m for m in made if m is not None]
        # Context from outside the given spans: only names of countries and first-level regions.
        # The spans are the caller's toponyms; a capitalised word elsewhere that the gazetteer
        # happens to hold ("Hill", "Patrick") is more often a person than a place, and as a town
        # it would pull the given places towards its namesakes (measured on LGL, tuned on the
        # even-numbered articles: even +0.1, held-out odd +0.6 points within 161 km).
        context_mentions = [m for m in find_mentions(text, gaz, ner_spans=None) if names_region(gaz, m)]
        resolved = iter(_resolve_with_context(gaz, text, targets, context_mentions))
        # One toponym per given span, in order (a span with no letters stays unresolved).
        return [next(resolved) if m is not None else Toponym(text=text[s:e], start=s, end=e)
                for m, (s, e) in zip(made, spans, strict=True)]
    ents = _ner_spans(text, settings)
    places = [e for e in ents if e[2] in _PLACE_LABELS]
    # Demonyms name countries too ("Sudanese officials"): geoparsing gold counts them.
    places += [e for e in ents if e[2] == "NORP" and (name_key(text[e[0]:e[1]]) in DEMONYMS
               or name_key(text[e[0]:e[1]]).removesuffix("s") in DEMONYMS)]
    blocked = [(a, b) for a, b, label in ents if label in _BLOCKING_LABELS]
    mentions = find_mentions(text, gaz, ner_spans=places, blocked=blocked)
    return resolve_mentions(gaz, text, mentions)


def _resolve_with_context(
    gaz: Gazetteer, text: str, targets: list[Mention], extra: list[Mention]
) -> list[Toponym]:
    """Resolve ``targets`` using ``targets + extra`` as document context."""
    seen = {(m.start, m.end) for m in targets}
    allm = targets + [m for m in extra if (m.start, m.end) not in seen]
    topos = resolve_mentions(gaz, text, allm)
    return topos[: len(targets)]


def _ner_spans(text: str, settings: Settings) -> list[tuple[int, int, str]]:
    """spaCy entity spans (start, end, label)."""
    from sitrep.extract.nlp import load_pipeline

    nlp = load_pipeline(settings)
    disable = [p for p in ("parser", "lemmatizer", "sitrep_units", "sitrep_actors", "sitrep_relevance") if p in nlp.pipe_names]
    with nlp.select_pipes(disable=disable):
        doc = nlp(text)
    return [(e.start_char, e.end_char, e.label_) for e in doc.ents]


def locate_record(record: Record, settings: Settings, *, gazetteer: Gazetteer | None = None) -> None:
    """Set ``record.toponyms`` and fill every event's ``location`` (see module doc).

    Toponym candidates: the record's GPE/LOC/FAC entities plus gazetteer-driven matching.
    ``gazetteer`` defaults to :func:`default_gazetteer` (package data + imported store).
    """
    gaz = gazetteer or default_gazetteer(settings)
    body = record.body
    ner = [(e.start, e.end, e.label) for e in record.entities if e.label in _PLACE_LABELS]
    blocked = [(e.start, e.end) for e in record.entities if e.label in _BLOCKING_LABELS]
    mentions = find_mentions(body, gaz, ner_spans=ner, blocked=blocked)
    toponyms = resolve_mentions(gaz, body, mentions, record.article.dateline)
    record.toponyms = toponyms
    sentences = sentence_bounds(body)
    for event in record.events:
        event.location = event_location(gaz, body, event.location, event.evidence, toponyms, mentions, sentences,
                                         record.article.dateline)
