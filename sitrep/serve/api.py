"""Read endpoints of the REST API (under /api)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import Response, StreamingResponse

from sitrep.serve.deps import cached_json, event_query, get_store, json_response, read_access
from sitrep.store import Store
from sitrep.store.listing import EventQuery

router = APIRouter(prefix="/api", dependencies=[Depends(read_access)])
StoreDep = Annotated[Store, Depends(get_store)]
EventQueryDep = Annotated[EventQuery, Depends(event_query)]
ID = Annotated[str, Path(max_length=100, pattern=r"^[\w:.-]+$")]
JSON_OK: dict[int | str, dict[str, Any]] = {200: {"content": {"application/json": {}}}, 304: {"description": "Not modified (ETag)"}}


@router.get("/health", tags=["stats"], summary="Liveness and what the store holds", responses=JSON_OK)
def health(request: Request, store: StoreDep) -> Response:
    return json_response(request, {"ok": True, "database": store.engine.dialect.name, **store.stats()})


@router.get("/events", tags=["events"], summary="List events (filtered, sorted, cursor-paged)", responses=JSON_OK)
def list_events(
    request: Request, store: StoreDep, eq: EventQueryDep,
    count: Annotated[bool, Query(description="Also return the total number of matching events.")] = False,
) -> Response:  # fmt: skip
    """Events matching every given filter. `next` is null on the last page."""
    from sitrep.store.listing import count_events, list_events_page

    def compute() -> dict[str, Any]:
        page = list_events_page(store.engine, eq)
        if count:
            page["total"] = count_events(store.engine, eq)
        return page

    return cached_json(request, compute)


@router.get("/events/{event_id}", tags=["events"], summary="One event with mentions, evidence, claims, contradictions", responses=JSON_OK)
def get_event(request: Request, store: StoreDep, event_id: ID) -> Response:
    """The fused event, each report of it (outlet, date, wording, evidence spans), the claims behind
    it, where sources disagree, and analysts' corrections."""
    from sitrep.store.corrections import list_corrections

    def compute() -> dict[str, Any]:
        ev = store.event(event_id)
        if ev is None:
            raise HTTPException(404, f"no event with id '{event_id}'")
        ev["corrections"] = list_corrections(store.engine, event_id)
        return ev

    return cached_json(request, compute)


@router.get("/events/{event_id}/evidence", tags=["events"], summary="Evidence sentences of an event in their context", responses=JSON_OK)
def get_event_evidence(request: Request, store: StoreDep, event_id: ID) -> Response:
    from sitrep.serve.views import evidence_in_context

    def compute() -> dict[str, Any]:
        ev = store.event(event_id)
        if ev is None:
            raise HTTPException(404, f"no event with id '{event_id}'")
        return {"event_id": event_id, "evidence": evidence_in_context(store, ev)}

    return cached_json(request, compute)


@router.get("/claims", tags=["claims"], summary="List claims", responses=JSON_OK)
def list_claims(
    request: Request, store: StoreDep,
    article_id: Annotated[str | None, Query(max_length=100)] = None,
    event_id: Annotated[str | None, Query(max_length=100)] = None,
    source: Annotated[str | None, Query(max_length=200, description="Speaker or organisation containing this text.")] = None,
    verification: Annotated[str | None, Query(pattern="^(confirmed|unconfirmed|disputed|none stated)$")] = None,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> Response:  # fmt: skip
    from sitrep.store.listing import list_claims_page

    return cached_json(request, lambda: list_claims_page(store.engine, article_id=article_id, event_id=event_id, source=source,
                                                   verification=verification, cursor=cursor, limit=limit))  # fmt: skip


@router.get("/articles", tags=["articles"], summary="List articles (metadata)", responses=JSON_OK)
def list_articles(
    request: Request, store: StoreDep,
    outlet: Annotated[str | None, Query(max_length=200, description="Original outlet or aggregator.")] = None,
    since: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$")] = None,
    until: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$")] = None,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> Response:  # fmt: skip
    from sitrep.store.listing import list_articles_page

    return cached_json(request, lambda: list_articles_page(store.engine, outlet=outlet, since=since, until=until, cursor=cursor, limit=limit))


@router.get("/articles/{article_id}", tags=["articles"], summary="One article: metadata, clean body, record, spans", responses=JSON_OK)
def get_article(request: Request, store: StoreDep, article_id: ID) -> Response:
    """The article's metadata, its clean body, the removed boilerplate, the full record JSON
    (`record`), and `spans`: entities, claims and event evidence as offsets into `body`."""
    from sitrep.store.listing import article_spans

    def compute() -> dict[str, Any]:
        art = store.article(article_id)
        if art is None:
            raise HTTPException(404, f"no article with id '{article_id}'")
        spans = article_spans(store.engine, article_id) or {}
        art["spans"] = {k: spans.get(k, []) for k in ("entities", "claims", "events")}
        return art

    return cached_json(request, compute)


@router.get("/places", tags=["stats"], summary="Distinct event locations with counts", responses=JSON_OK)
def list_places(request: Request, store: StoreDep, eq: EventQueryDep,
                top: Annotated[int, Query(ge=1, le=5000)] = 200) -> Response:  # fmt: skip
    from sitrep.store.listing import list_places as places

    return cached_json(request, lambda: {"places": places(store.engine, eq.filter, limit=top)})


@router.get("/actors", tags=["stats"], summary="Distinct actors with counts", responses=JSON_OK)
def list_actors(request: Request, store: StoreDep, eq: EventQueryDep,
                top: Annotated[int, Query(ge=1, le=5000)] = 200) -> Response:  # fmt: skip
    from sitrep.store.listing import list_actors as actors

    return cached_json(request, lambda: {"actors": actors(store.engine, eq.filter, limit=top)})


@router.get("/search", tags=["search"], summary="Full-text search over articles and events", responses=JSON_OK)
def search(
    request: Request, store: StoreDep,
    q: Annotated[str, Query(min_length=1, max_length=500, description='Words (all must match), "a phrase", prefix*.')],
    kind: Annotated[Literal["all", "articles", "events"], Query()] = "all",
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0, le=10_000)] = 0,
) -> Response:  # fmt: skip
    """Article hits carry a snippet whose matches are wrapped in U+E000 … U+E001."""
    from sitrep.store.search import parse_terms, search_articles, search_events

    if not parse_terms(q):
        raise HTTPException(422, f"the query '{q}' has no searchable words")

    def compute() -> dict[str, Any]:
        out: dict[str, Any] = {"q": q}
        if kind in ("all", "articles"):
            out["articles"] = search_articles(store.engine, q, limit=limit, offset=offset)
        if kind in ("all", "events"):
            out["events"] = search_events(store.engine, q, limit=limit, offset=offset)
        return out

    return cached_json(request, compute)


@router.get("/stats/timeline", tags=["stats"], summary="Event counts by day or week", responses=JSON_OK)
def stats_timeline(request: Request, store: StoreDep, eq: EventQueryDep,
                   interval: Annotated[Literal["day", "week"], Query()] = "day") -> Response:  # fmt: skip
    from sitrep.store.aggregates import timeline

    return cached_json(request, lambda: {"interval": interval, "buckets": timeline(store.engine, eq, interval=interval)})


@router.get("/stats/regions", tags=["stats"], summary="Event counts by country or admin1 region", responses=JSON_OK)
def stats_regions(request: Request, store: StoreDep, eq: EventQueryDep,
                  level: Annotated[Literal["country", "admin1"], Query()] = "admin1") -> Response:  # fmt: skip
    from sitrep.store.aggregates import by_region

    return cached_json(request, lambda: {"level": level, "regions": by_region(store.engine, eq, level=level)})


@router.get("/stats/facets", tags=["stats"], summary="Counts per event type and status", responses=JSON_OK)
def stats_facets(request: Request, store: StoreDep, eq: EventQueryDep) -> Response:
    from sitrep.store.aggregates import facet_counts

    return cached_json(request, lambda: facet_counts(store.engine, eq))


@router.get("/map", tags=["stats"], summary="What the map draws: points, or per-region counts when dense", responses=JSON_OK)
def map_data(request: Request, store: StoreDep, eq: EventQueryDep) -> Response:
    """`mode` "points": `points` are [id, lat, lon, type, status, fatalities, date, place].
    `mode` "regions": too many events for points; one entry per admin1 region with a centroid."""
    from sitrep.store.aggregates import map_layer

    return cached_json(request, lambda: map_layer(store.engine, eq))


# --------------------------------------------------------------------------- exports

EXPORT_TYPES = {"acled-csv": ("text/csv; charset=utf-8", "csv"), "geojson": ("application/geo+json", "geojson"),
                "jsonl": ("application/x-ndjson", "jsonl")}  # fmt: skip


def _export_lines(store: Store, fmt: str, eq: EventQuery) -> Iterator[str]:
    from sitrep.export.acled import ACLED_COLUMNS, event_row
    from sitrep.export.geo import _dumps, event_feature
    from sitrep.store.queries import iter_events_detailed

    events = iter_events_detailed(store.engine, eq.filter)
    if fmt == "acled-csv":
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=list(ACLED_COLUMNS), lineterminator="\n")
        w.writeheader()
        for i, ev in enumerate(events):
            w.writerow(event_row(ev))
            if i % 200 == 199:
                yield buf.getvalue()
                buf.seek(0)
                buf.truncate()
        yield buf.getvalue()
    elif fmt == "geojson":
        yield '{"type":"FeatureCollection","features":[\n'
        for i, ev in enumerate(events):
            yield ("," if i else "") + _dumps(event_feature(ev)) + "\n"
        yield "]}\n"
    else:
        for ev in events:
            yield _dumps(ev) + "\n"


@router.get(
    "/export/{fmt}", tags=["export"], summary="Export events as ACLED CSV, GeoJSON or JSON Lines (streamed)",
    responses={200: {"content": {"text/csv": {}, "application/geo+json": {}, "application/x-ndjson": {}}}},
)  # fmt: skip
def export(store: StoreDep, eq: EventQueryDep, fmt: Annotated[Literal["acled-csv", "geojson", "jsonl"], Path()]) -> StreamingResponse:
    """The same filters as /api/events (except q, sub_type, sort and paging)."""
    media, ext = EXPORT_TYPES[fmt]
    return StreamingResponse(
        _export_lines(store, fmt, eq), media_type=media,
        headers={"Content-Disposition": f'attachment; filename="sitrep-events.{ext}"'},
    )  # fmt: skip
