"""Quality gate for cleaning: recompute the benchmark metrics on fixed subsets and compare with
the floors pinned in tests/floors/clean.json (a regression below a floor fails CI)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from sitrep.clean.article import extract_html_body
from sitrep.clean.decode import decode_bytes
from sitrep.clean.evaluation import (
    labelled_textpages,
    mean_prf,
    metadata_scores,
    segment_scores,
    shingle_prf,
    textpage_scores,
)
from sitrep.models import RawDocument

ROOT = Path(__file__).resolve().parents[1]
FLOORS = json.loads((ROOT / "tests" / "floors" / "clean.json").read_text())


def _html(data: bytes, name: str) -> str:
    return decode_bytes(RawDocument(uri=name, content=gzip.decompress(data), content_type="text/html"))


def test_textpages_dropped_line_precision_recall(shared_dir: Path) -> None:
    pages = labelled_textpages(ROOT / "tests" / "data" / "textpages", shared_dir)
    assert len(pages) >= 50
    score, errors = textpage_scores(pages)
    assert score.precision >= FLOORS["textpages_dropped_precision"], errors[:10]
    assert score.recall >= FLOORS["textpages_dropped_recall"], errors[:10]


def test_textpages_written_set_without_shared() -> None:
    score, errors = textpage_scores(labelled_textpages(ROOT / "tests" / "data" / "textpages", None))
    assert score.pages >= 40
    assert score.precision >= FLOORS["textpages_dropped_precision"] and score.recall >= FLOORS["textpages_dropped_recall"], errors[:10]


@pytest.mark.slow
def test_zyte_subset_f1(shared_dir: Path) -> None:
    base = shared_dir / "data" / "article-extraction" / "zyte-aeb"
    gold = json.loads((base / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(gold)[: FLOORS["zyte_subset_pages"]]
    pairs = []
    for key in keys:
        html = _html((base / "html" / f"{key}.html.gz").read_bytes(), key)
        pairs.append(shingle_prf(extract_html_body(html, gold[key].get("url"))[0], gold[key]["articleBody"]))
    _, _, f1 = mean_prf(pairs)
    assert f1 >= FLOORS["zyte_subset_f1"], f"Zyte F1 on {len(keys)} pages fell to {f1:.3f}"


@pytest.mark.slow
def test_trafilatura_eval_subset_f1(shared_dir: Path) -> None:
    base = shared_dir / "data" / "article-extraction" / "trafilatura-eval"
    gold = json.loads((base / "evaldata-english-subset.json").read_text(encoding="utf-8"))
    keys = sorted(gold)[: FLOORS["trafilatura_eval_subset_pages"]]
    outputs = {}
    for url in keys:
        html = _html((base / "html" / f"{gold[url]['file']}.gz").read_bytes(), url)
        outputs[url] = extract_html_body(html, url)[0]
    _, _, _, f1 = segment_scores(outputs, {k: gold[k] for k in keys})
    assert f1 >= FLOORS["trafilatura_eval_subset_f1"], f"segment F1 on {len(keys)} pages fell to {f1:.3f}"


@pytest.mark.slow
def test_trafilatura_eval_metadata_accuracy(shared_dir: Path) -> None:
    """Author / title / date of the spine's clean stages vs trafilatura-eval's metadata gold (all 167 pages)."""
    from sitrep.errors import SitrepError
    from sitrep.pipeline import CLEAN_STAGES, process

    base = shared_dir / "data" / "article-extraction" / "trafilatura-eval"
    gold = json.loads((base / "evaldata-english-subset.json").read_text(encoding="utf-8"))
    outputs = {}
    for url, entry in gold.items():
        if not any(entry.get(k) for k in ("author", "title", "date")):
            continue
        data = gzip.decompress((base / "html" / f"{entry['file']}.gz").read_bytes())
        try:
            article = process(RawDocument(uri=url, url=url, content=data, content_type="text/html"), stages=CLEAN_STAGES).article
        except SitrepError:
            continue
        outputs[url] = {"author": article.authors, "title": article.title, "date": article.page_date}
    scores, misses = metadata_scores(outputs, gold)
    for measure, floor_key in (("author exact", "metadata_author_exact"), ("author token F1", "metadata_author_token_f1"),
                               ("title exact", "metadata_title_exact"), ("date exact", "metadata_date_exact")):
        value, pages = scores[measure]
        assert pages >= 100, (measure, pages)
        assert value >= FLOORS[floor_key], f"{measure} fell to {value:.3f} (floor {FLOORS[floor_key]}); misses: {misses[:8]}"
