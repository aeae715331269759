"""The web UI: server-rendered Jinja2 pages (autoescaped) plus static vanilla JS for the map.

Pages: ``/`` map + timeline with filters in the URL, ``/events/{id}``, ``/articles/{id}``,
``/search?q=``. Article text is untrusted: templates autoescape, JS uses ``textContent``,
and the CSP forbids inline scripts.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from sitrep.models import ACLED_TAXONOMY
from sitrep.serve.deps import get_settings, get_store
from sitrep.settings import Settings
from sitrep.store import Store

router = APIRouter(include_in_schema=False)
StoreDep = Annotated[Store, Depends(get_store)]
ID = Annotated[str, Path(max_length=100, pattern=r"^[\w:.-]+$")]
PUA_OPEN, PUA_CLOSE = "\ue000", "\ue001"


@lru_cache(maxsize=1)
def templates() -> Environment:
    from sitrep.serve.app import TEMPLATE_DIR

    env = Environment(loader=FileSystemLoader(TEMPLATE_DIR), autoescape=select_autoescape(default=True, default_for_string=True))
    env.globals["taxonomy"] = ACLED_TAXONOMY
    env.filters["snippet_parts"] = snippet_parts
    return env


def snippet_parts(snippet: str | None) -> list[tuple[str, bool]]:
    """A search snippet with U+E000/U+E001 match marks → [(text, is_match)] for the template."""
    out: list[tuple[str, bool]] = []
    rest = snippet or ""
    while rest:
        i = rest.find(PUA_OPEN)
        if i < 0:
            out.append((rest.replace(PUA_CLOSE, ""), False))
            break
        if i:
            out.append((rest[:i], False))
        j = rest.find(PUA_CLOSE, i)
        j = len(rest) if j < 0 else j
        out.append((rest[i + 1 : j], True))
        rest = rest[j + 1 :]
    return out


def render(name: str, status: int = 200, headers: dict[str, str] | None = None, **ctx: Any) -> HTMLResponse:
    return HTMLResponse(templates().get_template(name).render(**ctx), status_code=status, headers=headers)


def render_error_page(status: int, message: str, headers: dict[str, str] | None = None) -> HTMLResponse:
    return render("error.html", status=status, headers=headers, status_code=status, message=message)


def ui_access(request: Request) -> None:
    settings: Settings = get_settings(request)
    if settings.api_read_token_required:
        raise HTTPException(403, "the web UI is off because this server requires an API token for reads; use the REST API with a token")


@router.get("/", response_class=HTMLResponse, dependencies=[Depends(ui_access)])
def map_page(request: Request) -> HTMLResponse:
    settings: Settings = get_settings(request)
    return render("map.html", tile_url=settings.tile_url or "", params=dict(request.query_params), page="map")


@router.get("/events/{event_id}", response_class=HTMLResponse, dependencies=[Depends(ui_access)])
def event_page(request: Request, store: StoreDep, event_id: ID) -> HTMLResponse:
    from sitrep.serve.views import evidence_in_context
    from sitrep.store.corrections import list_corrections

    ev = store.event(event_id)
    if ev is None:
        raise HTTPException(404, f"no event with id '{event_id}'")
    return render(
        "event.html", ev=ev, evidence=evidence_in_context(store, ev), corrections=list_corrections(store.engine, event_id),
        page="event",
    )  # fmt: skip


@router.get("/articles/{article_id}", response_class=HTMLResponse, dependencies=[Depends(ui_access)])
def article_page(request: Request, store: StoreDep, article_id: ID) -> HTMLResponse:
    from sitrep.serve.views import highlight_segments
    from sitrep.store.listing import article_spans

    art = store.article(article_id)
    spans = article_spans(store.engine, article_id)
    if art is None or spans is None:
        raise HTTPException(404, f"no article with id '{article_id}'")
    canonical = store.article(art["canonical_id"]) if art.get("canonical_id") else None
    return render(
        "article.html", art=art, segments=highlight_segments(art["body"], spans), claims=spans["claims"],
        canonical=canonical, page="article",
    )  # fmt: skip


@router.get("/search", response_class=HTMLResponse, dependencies=[Depends(ui_access)])
def search_page(request: Request, store: StoreDep, q: Annotated[str, Query(max_length=500)] = "") -> HTMLResponse:
    from sitrep.store.search import parse_terms, search_articles, search_events

    results: dict[str, list[dict[str, Any]]] = {"articles": [], "events": []}
    if parse_terms(q):
        results = {"articles": search_articles(store.engine, q, limit=30), "events": search_events(store.engine, q, limit=30)}
    return render("search.html", q=q, results=results, page="search")
