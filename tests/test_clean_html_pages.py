"""HTML cleaning on small pages modelled on real news pages (tests/data/html)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.errors import NoArticle
from sitrep.models import RawDocument
from sitrep.pipeline import CLEAN_STAGES, process
from sitrep.settings import Settings

HTML = Path(__file__).parent / "data" / "html"


def run(name: str, **kw: object):  # type: ignore[no-untyped-def]
    path = HTML / name
    return process(RawDocument(uri=str(path), content=path.read_bytes(), content_type="text/html", **kw), Settings(), stages=CLEAN_STAGES)  # type: ignore[arg-type]


def test_wire_copy_on_another_site() -> None:
    rec = run("wire_repost.html")
    a = rec.article
    assert a.title == "Drone strike hits fuel depot near frontline city"
    assert a.authors == ["Lena Marsh"]
    assert a.outlet == "Example Wire" and a.aggregator == "Daily Frontier Digest"
    assert a.dateline == "Odesa, Ukraine"
    assert a.published == "2024-03-12" and a.date_confidence == "high"
    paras = rec.body.split("\n\n")
    assert len(paras) == 5 and paras[0].startswith("ODESA, Ukraine")
    for junk in ("Advertisement", "Share on", "Related stories", "Privacy", "Grain corridor"):
        assert junk not in rec.body
    assert "Grain corridor ships resume sailings" in rec.removed


def test_cp1252_page_with_inline_ad() -> None:
    rec = run("local_news.html")
    assert "Friday’s attack – the district’s" in rec.body
    assert "Advertisement" not in rec.body and "newsletter" not in rec.body
    assert rec.article.outlet == "The Lakeside Herald" and rec.article.aggregator is None
    assert rec.article.authors == ["Samuel Okafor"]
    assert rec.article.page_date == "2023-11-04"


def test_index_page_has_no_article() -> None:
    with pytest.raises(NoArticle, match="no article body"):
        run("index_page.html")


def test_html_declared_as_text_is_still_html() -> None:
    path = HTML / "wire_repost.html"
    rec = process(RawDocument(uri="x.txt", content=path.read_bytes(), content_type="text/plain"), Settings(), stages=CLEAN_STAGES)
    assert "<p>" not in rec.body and rec.body.startswith("ODESA")
