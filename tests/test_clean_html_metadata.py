"""sitrep's lean trafilatura metadata (``page_metadata``) gives the fields sitrep uses exactly as
trafilatura's own ``extract_metadata`` does (except the author, which sitrep finds with its own
byline search: tests/test_clean_html_author.py), and the HTML path leaves the parsed tree unchanged."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from sitrep.clean.article import _page_blocks, extract_html_body, page_metadata
from sitrep.clean.decode import decode_bytes
from sitrep.models import RawDocument

HTML = Path(__file__).parent / "data" / "html"
FIELDS = ("title", "url", "sitename", "date", "hostname")


def _tree(text: str):  # type: ignore[no-untyped-def]
    from trafilatura.utils import load_html

    return load_html(text)


def _same_as_trafilatura(text: str, url: str | None) -> None:
    from trafilatura.metadata import extract_metadata
    from trafilatura.settings import set_date_params

    ours = page_metadata(_tree(text), url)
    theirs = extract_metadata(_tree(text), url, set_date_params(True), True)
    for name in FIELDS:
        if name == "hostname":
            continue  # not filled by page_metadata (sitrep reads the URL itself)
        assert getattr(ours, name) == getattr(theirs, name), (name, url)


@pytest.mark.parametrize("name", ["wire_repost.html", "local_news.html", "index_page.html"])
def test_page_metadata_matches_trafilatura_on_written_pages(name: str) -> None:
    path = HTML / name
    text = decode_bytes(RawDocument(uri=str(path), content=path.read_bytes(), content_type="text/html"))
    _same_as_trafilatura(text, None)


@pytest.mark.slow
def test_page_metadata_matches_trafilatura_on_real_pages(shared_dir: Path) -> None:
    pages = sorted((shared_dir / "data" / "article-extraction" / "trafilatura-eval" / "html").glob("*.gz"))[:25]
    assert pages
    for page in pages:
        raw = RawDocument(uri=page.name, content=gzip.decompress(page.read_bytes()), content_type="text/html")
        _same_as_trafilatura(decode_bytes(raw), None)


def test_body_extraction_leaves_the_tree_unchanged() -> None:
    path = HTML / "wire_repost.html"
    text = decode_bytes(RawDocument(uri=str(path), content=path.read_bytes(), content_type="text/html"))
    tree = _tree(text)
    before = list(_page_blocks(tree))
    body, title, _ = extract_html_body(text, tree=tree)
    assert body.startswith("ODESA") and title == "Drone strike hits fuel depot near frontline city"
    assert not body.startswith(title)  # the leading copy of the title is dropped
    assert list(_page_blocks(tree)) == before  # `removed` is read from the same tree afterwards
