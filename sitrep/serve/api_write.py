"""Write endpoints (token required): submit pages or URLs, delete articles, correct events."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field

from sitrep.serve.deps import forget_cached, get_settings, get_store, json_response, write_access
from sitrep.settings import Settings
from sitrep.store import Store

router = APIRouter(prefix="/api", tags=["write"])
StoreDep = Annotated[Store, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
Author = Annotated[str, Depends(write_access)]
ID = Annotated[str, Path(max_length=100, pattern=r"^[\w:.-]+$")]
ACCEPTED_TYPES = ("text/html", "text/plain", "application/xhtml+xml")


class IngestUrls(BaseModel):
    model_config = ConfigDict(extra="forbid")
    urls: list[str] = Field(..., min_length=1, max_length=100, description="http(s) URLs of article pages or feeds.")
    follow: bool = Field(False, description="For feeds: fetch the linked pages too.")


class CorrectionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    field: str = Field(..., max_length=64, description="An event field, e.g. fatalities, sub_event_type, admin1, status.")
    value: Any = Field(None, description="The corrected value (JSON), or null to clear it.")


def _save(store: Store, record: Any) -> dict[str, Any]:
    from sitrep.clean.duplicates import signature as body_signature

    res = store.save(record, minhash=body_signature(record.body))
    return {"ok": True, "article_id": res.article_id, "status": res.status, "events": res.n_events,
            "canonical_id": res.canonical_id}  # fmt: skip


@router.post(
    "/articles", summary="Submit one page (HTML or plain text in the request body) for ingestion", status_code=201,
    openapi_extra={"requestBody": {"required": True, "content": {t: {"schema": {"type": "string"}} for t in ACCEPTED_TYPES}}},
    responses={201: {"description": "Stored (or already stored)"}, 401: {}, 413: {}, 422: {}},
)  # fmt: skip
async def submit_page(
    request: Request, store: StoreDep, settings: SettingsDep, author: Author,
    url: Annotated[str | None, Query(max_length=2000, description="Where the page came from (kept as metadata; not fetched).")] = None,
) -> Response:  # fmt: skip
    """Runs the whole pipeline on the body and stores the record. Re-submitting the same bytes is a no-op."""
    from starlette.concurrency import run_in_threadpool

    from sitrep.models import RawDocument, content_id
    from sitrep.pipeline import process

    ctype = (request.headers.get("content-type") or "text/plain").split(";")[0].strip().lower()
    if ctype not in ACCEPTED_TYPES:
        raise HTTPException(415, f"unsupported content type '{ctype}': send {', '.join(ACCEPTED_TYPES)}")
    body = await request.body()
    if not body.strip():
        raise HTTPException(422, "the request body is empty: send the page's HTML or text")
    raw = RawDocument(uri=url or f"api-upload:{content_id(body)}", content=body, url=url,
                      content_type="text/html" if ctype != "text/plain" else "text/plain",
                      hints={"submitted_by": author})  # fmt: skip

    def work() -> dict[str, Any]:
        return _save(store, process(raw, settings))

    result = await run_in_threadpool(work)
    forget_cached(request)
    return json_response(request, result, status_code=201)


@router.post("/ingest", summary="Fetch and ingest URLs", status_code=200, responses={401: {}, 422: {}})
def ingest_urls(request: Request, payload: IngestUrls, store: StoreDep, settings: SettingsDep, author: Author) -> Response:
    """Each URL is fetched (robots.txt, rate limits and the private-address guard apply), processed and stored."""
    from sitrep.batch.local import ingest

    bad = [u for u in payload.urls if not u.lower().startswith(("http://", "https://"))]
    if bad:
        raise HTTPException(422, f"only http(s) URLs can be ingested over the API, not: {', '.join(bad[:3])}")
    report = ingest(list(payload.urls), settings.model_copy(update={"workers": 1}), store, follow=payload.follow)
    forget_cached(request)
    return json_response(request, {
        "ok": True, "stored": report.stored, "duplicates": report.duplicates, "events": report.events,
        "skipped": [{"uri": s.uri, "reason": s.reason} for s in report.skipped],
    })  # fmt: skip


@router.delete("/articles/{article_id}", summary="Delete an article; its events are recomputed", responses={401: {}, 404: {}})
def delete_article(request: Request, store: StoreDep, author: Author, article_id: ID) -> Response:
    if not store.delete_article(article_id):
        raise HTTPException(404, f"no article with id '{article_id}'")
    forget_cached(request)
    return json_response(request, {"ok": True, "deleted": article_id})


@router.post(
    "/events/{event_id}/corrections", summary="Correct one field of an event", status_code=201,
    responses={401: {}, 404: {}, 422: {}},
)  # fmt: skip
def correct_event(request: Request, store: StoreDep, author: Author, event_id: ID, payload: CorrectionIn) -> Response:
    """Stored with the token's name and the time; re-applied whenever the event is recomputed."""
    from sitrep.store.corrections import correct_event as correct

    if store.event(event_id) is None:
        raise HTTPException(404, f"no event with id '{event_id}'")
    done = correct(store.engine, event_id, payload.field, payload.value, author)
    forget_cached(request)
    return json_response(request, {"ok": True, "correction": done, "event": store.event(event_id)}, status_code=201)
