"""Article body extraction from HTML: sitrep vs trafilatura alone vs readability-lxml vs jusText.

Data (read in place from ../shared/data/article-extraction/, see the READMEs there):
* Zyte article-extraction benchmark: 181 pages with gold ``articleBody``. Metric as its
  evaluate.py: tokens ``\\w+``, 4-gram shingles, per-document precision/recall averaged over
  documents, F1 = harmonic mean of the mean P and mean R.
* trafilatura's evaluation, English subset: 167 pages with must-keep ("with") and must-drop
  ("without") segments; a segment counts as found when its whitespace-normalised text occurs in
  the whitespace-normalised output (as trafilatura's evaluation does); P/R/accuracy/F1 over segments.

Systems, each run on the same decoded HTML in the same process:
* sitrep: ``sitrep.clean.article.extract_html_body`` (trafilatura with sitrep's options, the
  readability fallback, the line-rule cleanup and the leading-title drop): the body sitrep stores;
* trafilatura: ``trafilatura.extract(html, url)`` with its defaults;
* readability-lxml: ``Document(html).summary()`` as text;
* jusText: paragraphs not classified boilerplate (English stoplist).
``--variants`` also scores sitrep option variants (how TRAFILATURA_OPTIONS was chosen).

Metadata (author, title, date): the trafilatura-eval entries carry optional gold ``author``
(a string or a list), ``title`` and ``date`` (YYYY-MM-DD). Scored only where the gold is non-empty:
* sitrep: the spine's clean stages (decode, clean, dates) on the page with its URL:
  ``article.authors``, ``article.title``, ``article.page_date``;
* trafilatura: ``trafilatura.extract_metadata(html, default_url=url)``: author / title / date.
Author: names lower-cased, split on ";", ",", " and ", "&"; "exact" = same set of names, "token F1"
= F1 of the name-word multisets averaged over pages; "spurious" counts pages whose gold author is
present but empty where the system still returns one. Title: exact after lower-casing and
whitespace folding, "contains" = one contains the other. Date: exact day.

Run: .venv/bin/python benchmarks/bench_extraction.py [--limit N] [--variants] [--metadata-only]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data" / "article-extraction"
sys.path.insert(0, str(ROOT))

from sitrep.clean.article import TRAFILATURA_OPTIONS, extract_html_body  # noqa: E402
from sitrep.clean.decode import decode_bytes  # noqa: E402
from sitrep.clean.evaluation import mean_prf, metadata_scores, segment_scores, shingle_prf  # noqa: E402
from sitrep.models import RawDocument  # noqa: E402


def html_text(data: bytes, name: str) -> str:
    return decode_bytes(RawDocument(uri=name, content=data, content_type="text/html"))


def run_sitrep(html: str, url: str | None, **kw: object) -> str:
    return extract_html_body(html, url, **kw)[0]  # type: ignore[arg-type]


def run_trafilatura(html: str, url: str | None) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url) or ""


def run_readability(html: str, url: str | None) -> str:
    from lxml import html as lxml_html
    from readability import Document

    try:
        tree = lxml_html.fromstring(Document(html).summary(html_partial=True))
    except Exception:  # readability raises bare Exceptions on odd pages
        return ""
    blocks = [" ".join(el.text_content().split()) for el in tree.iter("p", "li", "h1", "h2", "h3", "h4", "blockquote", "pre", "td")]
    return "\n".join(b for b in blocks if b) or " ".join(tree.text_content().split())


def run_justext(html: str, url: str | None) -> str:
    import justext

    try:
        paras = justext.justext(html.encode("utf-8"), justext.get_stoplist("English"))
    except Exception:  # jusText fails on some malformed pages
        return ""
    return "\n".join(p.text for p in paras if not p.is_boilerplate)


def load_zyte(limit: int | None) -> list[tuple[str, str, str | None, str]]:
    gold = json.loads((DATA / "zyte-aeb" / "ground-truth.json").read_text(encoding="utf-8"))
    items = []
    for key in sorted(gold)[:limit]:
        path = DATA / "zyte-aeb" / "html" / f"{key}.html.gz"
        items.append((key, html_text(gzip.decompress(path.read_bytes()), key), gold[key].get("url"), gold[key]["articleBody"]))
    return items


def load_trafilatura_eval(limit: int | None) -> tuple[list[tuple[str, str, str | None]], dict[str, dict]]:
    gold = json.loads((DATA / "trafilatura-eval" / "evaldata-english-subset.json").read_text(encoding="utf-8"))
    items = []
    keys = sorted(gold)[:limit]
    for url in keys:
        path = DATA / "trafilatura-eval" / "html" / f"{gold[url]['file']}.gz"
        if path.is_file():
            items.append((url, html_text(gzip.decompress(path.read_bytes()), url), url))
    return items, {k: gold[k] for k in keys}


def score_zyte(system: Callable[[str, str | None], str], items: list[tuple[str, str, str | None, str]]) -> tuple[float, float, float, float]:
    t0 = time.perf_counter()
    pairs = [shingle_prf(system(html, url), body) for _, html, url, body in items]
    secs = time.perf_counter() - t0
    return (*mean_prf(pairs), len(items) / secs)


def score_segments(system: Callable[[str, str | None], str], items: list[tuple[str, str, str | None]], gold: dict[str, dict]) -> tuple[float, float, float, float]:
    outputs = {key: system(html, url) for key, html, url in items}
    return segment_scores(outputs, {k: gold[k] for k, _, _ in items})


def run_sitrep_metadata(html: str, url: str | None) -> dict[str, object]:
    from sitrep.errors import SitrepError
    from sitrep.pipeline import CLEAN_STAGES, process
    from sitrep.settings import Settings

    raw = RawDocument(uri=url or "page", url=url, content=html.encode("utf-8"), content_type="text/html")
    try:
        article = process(raw, Settings(), stages=CLEAN_STAGES).article
    except SitrepError:
        return {"author": [], "title": None, "date": None}
    return {"author": article.authors, "title": article.title, "date": article.page_date}


def run_trafilatura_metadata(html: str, url: str | None) -> dict[str, object]:
    import trafilatura

    md = trafilatura.extract_metadata(html, default_url=url)
    if md is None:
        return {"author": [], "title": None, "date": None}
    return {"author": md.author or [], "title": md.title, "date": md.date}


def print_metadata(teval: list[tuple[str, str, str | None]], tgold: dict[str, dict], show_errors: bool) -> None:
    import trafilatura

    systems = {"sitrep": run_sitrep_metadata, f"trafilatura {trafilatura.__version__}": run_trafilatura_metadata}
    print(f"\nMetadata, trafilatura evaluation English subset ({len(teval)} pages; gold where non-empty)")
    results = {}
    for name, fn in systems.items():
        outputs = {key: fn(html, url) for key, html, url in teval if any(tgold[key].get(k) for k in ("author", "title", "date"))}
        results[name], misses = metadata_scores(outputs, tgold)
        if show_errors:
            print(f"{name} misses:\n  " + "\n  ".join(misses))
    measures = list(next(iter(results.values())))
    print(f"{'system':<22}" + "".join(f"{m:>17}" for m in measures))
    for name, res in results.items():
        print(f"{name:<22}" + "".join(f"{res[m][0]:>11.3f} (n{res[m][1]:>3})" for m in measures))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=None, help="first N pages of each set (sorted by id)")
    ap.add_argument("--variants", action="store_true", help="also score sitrep option variants")
    ap.add_argument("--metadata-only", action="store_true", help="only the author/title/date accuracy")
    ap.add_argument("--errors", action="store_true", help="list each system's metadata misses")
    args = ap.parse_args()
    if not DATA.is_dir():
        print(f"{DATA} not found: the extraction benchmarks need ../shared beside the repository")
        return
    import trafilatura

    systems: dict[str, Callable[[str, str | None], str]] = {
        "sitrep": run_sitrep,
        f"trafilatura {trafilatura.__version__}": run_trafilatura,
        "readability-lxml": run_readability,
        "jusText": run_justext,
    }
    if args.variants:
        for name, opts in {
            "sitrep[trafilatura default]": {"include_comments": False},
            "sitrep[favor_precision]": {"favor_precision": True, "include_comments": False},
            "sitrep[favor_recall]": {"favor_recall": True, "include_comments": False},
            "sitrep[fast]": {"fast": True, "include_comments": False},
            "sitrep[fast+favor_precision]": {"fast": True, "favor_precision": True, "include_comments": False},
        }.items():
            systems[name] = lambda h, u, o=opts: run_sitrep(h, u, options=o)
        systems["sitrep[no line rules]"] = lambda h, u: run_sitrep(h, u, line_rules=False)
    teval, tgold = load_trafilatura_eval(args.limit)
    if args.metadata_only:
        print_metadata(teval, tgold, args.errors)
        return
    zyte = load_zyte(args.limit)
    print(f"sitrep TRAFILATURA_OPTIONS = {TRAFILATURA_OPTIONS}")
    print(f"\nZyte article-extraction benchmark: {len(zyte)} pages (4-gram shingles, per-doc mean)")
    print(f"{'system':<30}{'P':>7}{'R':>7}{'F1':>7}{'pages/s':>9}")
    for name, fn in systems.items():
        p, r, f, speed = score_zyte(fn, zyte)
        print(f"{name:<30}{p:>7.3f}{r:>7.3f}{f:>7.3f}{speed:>9.1f}")
    print(f"\ntrafilatura evaluation, English subset: {len(teval)} pages (must-keep / must-drop segments)")
    print(f"{'system':<30}{'P':>7}{'R':>7}{'Acc':>7}{'F1':>7}")
    for name, fn in systems.items():
        p, r, acc, f = score_segments(fn, teval, tgold)
        print(f"{name:<30}{p:>7.3f}{r:>7.3f}{acc:>7.3f}{f:>7.3f}")
    print_metadata(teval, tgold, args.errors)


if __name__ == "__main__":
    main()
