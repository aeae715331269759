"""Robustness of the whole pipeline on real pages: outcomes, speed, invariant violations.

Every real page under ../shared/data is read through ``sitrep.ingest.read_inputs`` (which
gunzips ``.gz`` and detects the content type) and run through ``sitrep.pipeline.process``
(all stages). Pages:

* ``article-extraction/zyte-aeb/html/*.html.gz`` (181 news pages, HTML),
* ``article-extraction/trafilatura-eval/html/*.html.gz`` (167 English pages, HTML),
* ``news-dev/articles/*.txt`` (15 real articles as text) and ``seeds/*.txt``,
* with ``--cleaneval N``: the first N pages of CleanEval (read from its tar.gz in memory).

Per page: outcome (``record``, the SitrepError subclass, or ``BUG:<exception>`` for anything
else), seconds (wall clock of ``process`` alone; the spaCy model is loaded by a warm-up page
first), counts of events/claims/entities, invariant violations (the checker of
``tests/test_pipeline_invariants.py``) and quality flags (behaviour visible as wrong without gold:
the event placed at the dateline city that the body never names again, an outlet name used as
a place, a page slower than 5 s).

Prints counts by outcome, pages/s, p50/p95/max seconds, the 10 slowest pages, every
non-SitrepError exception with a traceback tail, every invariant violation and quality flag.
Writes per-page results to /work/notes/qa/real_pages.json (``--out`` to change).

With ``--pathological``: synthetic hostile inputs too (many short lines, a 5 MB single line, 10k
nested divs, a page opening with a long <style> block, junk before the doctype).

Run: .venv/bin/python benchmarks/bench_real_pages.py [--limit N] [--cleaneval N] [--pathological] [--out PATH]
"""

from __future__ import annotations

import argparse
import json
import re
import signal
import statistics
import sys
import tarfile
import time
import traceback
from pathlib import Path
from types import FrameType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data"
sys.path.insert(0, str(ROOT))

from sitrep.errors import SitrepError  # noqa: E402
from sitrep.ingest import read_bytes, read_inputs  # noqa: E402
from sitrep.models import RawDocument, Record, Skipped  # noqa: E402
from sitrep.pipeline import process  # noqa: E402
from sitrep.settings import Settings  # noqa: E402
from tests.test_pipeline_invariants import record_violations  # noqa: E402

SLOW_SECONDS = 5.0
PAGE_TIMEOUT = 120


class PageTimeout(Exception):
    pass


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise PageTimeout(f"process() took longer than {PAGE_TIMEOUT} s")


def page_files(limit: int | None) -> list[tuple[str, Path]]:
    groups = [
        ("zyte-aeb", sorted((DATA / "article-extraction" / "zyte-aeb" / "html").glob("*.html.gz"))),
        ("trafilatura-eval", sorted((DATA / "article-extraction" / "trafilatura-eval" / "html").glob("*.html.gz"))),
        ("news-dev", sorted((DATA / "news-dev" / "articles").glob("*.txt"))),
        ("seeds", sorted((SHARED / "seeds").glob("*.txt"))),
    ]
    out = []
    for name, files in groups:
        out += [(name, f) for f in (files[:limit] if limit is not None else files)]
    return out


def cleaneval_raws(n: int, settings: Settings) -> list[tuple[str, RawDocument | Skipped]]:
    path = DATA / "article-extraction" / "cleaneval" / "cleaneval.tar.gz"
    out: list[tuple[str, RawDocument | Skipped]] = []
    with tarfile.open(path) as tar:
        for member in tar:
            if len(out) >= n:
                break
            if member.isfile() and "/input/" in member.name and member.name.endswith(".html"):
                fh = tar.extractfile(member)
                assert fh is not None
                data = fh.read()
                for raw in read_bytes(data, f"{path}!{member.name}", settings):
                    out.append(("cleaneval", raw))
    return out


def _words(s: str) -> str:
    return " ".join(re.findall(r"\w+", s.lower()))


def quality_flags(record: Record) -> list[str]:
    """Behaviour that is visibly wrong without gold (heuristic; each flag is reviewed by hand)."""
    flags = []
    art = record.article
    body_words = _words(record.body)
    dateline = _words(art.dateline or "")
    for e in record.events:
        place = _words(e.location.name or "")
        if not place:
            continue
        if dateline and (place == dateline or dateline.startswith(place + " ")):
            mentions = len(re.findall(rf"\b{re.escape(place)}\b", body_words))
            if mentions <= 1:
                flags.append(f"event {e.id} ({e.sub_event_type}) placed at dateline {art.dateline!r}, "
                             f"named nowhere else in the body")  # fmt: skip
        for outlet in (art.outlet, art.aggregator):
            if outlet and _words(outlet) and place == _words(outlet):
                flags.append(f"event {e.id} placed at outlet name {e.location.name!r}")
        if not any(ch.isupper() for ch in (e.location.name or "")):
            flags.append(f"event {e.id} placed at {e.location.name!r}, not a proper noun")
        ents = [x for x in record.entities if _words(x.text) == place]
        if ents and all(x.label in ("PERSON", "ORG", "NORP") for x in ents):
            labels = sorted({x.label for x in ents})
            flags.append(f"event {e.id} placed at {e.location.name!r}, which NER labels only {labels}")
    if len(_MARKUP.findall(record.body)) >= 3:
        flags.append(f"markup left in body: {len(_MARKUP.findall(record.body))} tags/CSS/JS fragments "
                     f"(content_type {record.source.content_type})")
    return flags


#: HTML tags, CSS declarations and JS calls: in a body they mean the page was treated as text.
_MARKUP = re.compile(r"</?(?:div|span|a|img|script|style|p|li|ul|iframe)\b[^>]{0,200}>|"
                     r"\b(?:box-shadow|font-family|margin-left|display)\s*:\s*[^;\n]{1,80};|"
                     r"\b(?:console\.log|jQuery|document\.getElementById)\(")


_SENT = [
    "Russian forces shelled the town of Kupiansk on Monday, killing three civilians, regional officials said.",
    "Gunmen attacked a military post near Djibo in northern Burkina Faso, killing at least 12 soldiers.",
    "Police in Nairobi fired tear gas at protesters on Tuesday, and two people were injured, witnesses said.",
]
_PARAS = "".join(f"<p>{x}</p>" for x in _SENT)


def pathological_raws() -> list[tuple[str, RawDocument | Skipped]]:
    """Synthetic hostile inputs (the shapes real crawls contain), timed like the real pages."""
    def short_lines(n: int) -> bytes:
        return "\n".join(_SENT[0].split(",")[0] + f" ({i})" if i % 50 == 0 else f"Item {i}" for i in range(n)).encode()

    cases = {
        "short-lines-5k": ("text/plain", short_lines(5_000)),
        "short-lines-10k": ("text/plain", short_lines(10_000)),
        "short-lines-20k": ("text/plain", short_lines(20_000)),
        "single-line-5MB": ("text/plain", (" ".join(_SENT) + " ").encode() * (5_000_000 // 300)),
        "nested-div-10k": ("text/html", f"<html><body>{'<div>' * 10_000}{_PARAS}{'</div>' * 10_000}</body></html>".encode()),
        "style-block-before-html": (None, ("<style>\n" + ".a { margin-left: 0; }\n" * 400 + "</style>\n"
                                           f"<html><head><title>T</title></head><body>{_PARAS * 2}</body></html>").encode()),
        "prefix-before-doctype": ("text/html", ('<text id="a">\n\n\n\n<MM:BeginLock a="b">\n<MM:EndLock>\n'
                                               f"<!DOCTYPE html><html><body>{_PARAS * 2}</body></html>").encode()),
    }
    out: list[tuple[str, RawDocument | Skipped]] = []
    for name, (ctype, data) in cases.items():
        if ctype is None:  # detected by ingest, as a file would be
            out += [("pathological", raw) for raw in read_bytes(data, f"pathological:{name}", Settings(max_bytes=10**8))]
        else:
            out.append(("pathological", RawDocument(uri=f"pathological:{name}", content=data, content_type=ctype)))
    return out


def run_one(group: str, raw: RawDocument | Skipped, settings: Settings) -> dict[str, Any]:
    row: dict[str, Any] = {"group": group, "uri": raw.uri}
    if isinstance(raw, Skipped):
        row.update(outcome="skipped-by-ingest", message=raw.reason, seconds=0.0)
        return row
    row["bytes"] = len(raw.content)
    row["content_type"] = raw.content_type
    t0 = time.perf_counter()
    signal.alarm(PAGE_TIMEOUT)
    try:
        record = process(raw, settings)
    except SitrepError as e:
        row.update(outcome=type(e).__name__, message=e.one_line())
    except Exception as e:  # noqa: BLE001 - any other exception is a bug to report
        tb = traceback.format_exception(e)
        row.update(outcome=f"BUG:{type(e).__name__}", message=str(e)[:300], traceback="".join(tb[-4:])[-1500:])
    else:
        row.update(
            outcome="record",
            events=len(record.events),
            claims=len(record.claims),
            entities=len(record.entities),
            body_chars=len(record.body),
            title=record.article.title,
            outlet=record.article.outlet,
            dateline=record.article.dateline,
            published=record.article.published,
            violations=record_violations(record),
            flags=quality_flags(record),
            event_summary=[
                f"{e.sub_event_type} @ {e.location.name} ({e.location.country}) {e.date} f={e.fatalities}"
                for e in record.events
            ],
        )
    finally:
        signal.alarm(0)
        row["seconds"] = round(time.perf_counter() - t0, 4)
    if row["seconds"] > SLOW_SECONDS:
        row.setdefault("flags", []).append(f"slow page: {row['seconds']:.1f} s (> {SLOW_SECONDS} s)")
    return row


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="pages per group (default: all)")
    ap.add_argument("--cleaneval", type=int, default=0, help="also run the first N CleanEval pages")
    ap.add_argument("--pathological", action="store_true", help="also time synthetic hostile inputs")
    ap.add_argument("--out", type=Path, default=Path("/work/notes/qa/real_pages.json"))
    args = ap.parse_args()
    if not DATA.is_dir():
        print(f"../shared/data not found at {DATA}; nothing to benchmark.")
        return 0
    settings = Settings()
    signal.signal(signal.SIGALRM, _alarm)

    # Warm-up: load spaCy and the gazetteer outside the timed pages.
    warm = "Shelling hit the town of Kupiansk on Monday, killing three people, officials said. " * 4
    t0 = time.perf_counter()
    process(RawDocument(uri="warm-up.txt", content=warm.encode()), settings)
    print(f"warm-up (model + gazetteer load): {time.perf_counter() - t0:.1f} s")

    items: list[tuple[str, RawDocument | Skipped]] = []
    for group, path in page_files(args.limit):
        items += [(group, raw) for raw in read_inputs([str(path)], settings)]
    if args.cleaneval:
        items += cleaneval_raws(args.cleaneval, settings)
    if args.pathological:
        items += pathological_raws()

    rows = []
    t_all = time.perf_counter()
    for i, (group, raw) in enumerate(items, 1):
        rows.append(run_one(group, raw, settings))
        if i % 50 == 0:
            print(f"  {i}/{len(items)} pages", flush=True)
    wall = time.perf_counter() - t_all

    report(rows, wall)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(rows, indent=1, ensure_ascii=False))
    print(f"\nper-page results: {args.out}")
    return 0


def report(rows: list[dict[str, Any]], wall: float) -> None:
    from collections import Counter

    print(f"\n{len(rows)} pages in {wall:.1f} s: {len(rows) / wall:.2f} pages/s (one process, warm model)")
    by_group: dict[str, Counter[str]] = {}
    for r in rows:
        by_group.setdefault(r["group"], Counter())[r["outcome"]] += 1
    print("\noutcomes:")
    for outcome, n in Counter(r["outcome"] for r in rows).most_common():
        print(f"  {outcome:28} {n}")
    for g, c in by_group.items():
        print(f"  [{g}] " + ", ".join(f"{k}={v}" for k, v in c.most_common()))
    secs = sorted(r["seconds"] for r in rows if r["outcome"] != "skipped-by-ingest")
    if secs:
        p95 = secs[min(len(secs) - 1, int(round(0.95 * (len(secs) - 1))))]
        print(f"\nseconds per page: p50 {statistics.median(secs):.3f}  p95 {p95:.3f}  max {secs[-1]:.3f}")
    recs = [r for r in rows if r["outcome"] == "record"]
    if recs:
        print(f"records: {len(recs)}; events {sum(r['events'] for r in recs)}, claims {sum(r['claims'] for r in recs)}, "
              f"entities {sum(r['entities'] for r in recs)}; pages with >=1 event: {sum(1 for r in recs if r['events'])}")
    print("\n10 slowest pages:")
    for r in sorted(rows, key=lambda r: -r["seconds"])[:10]:
        print(f"  {r['seconds']:7.2f} s  {r.get('bytes', 0):>9} B  {r['outcome']:12} {r['uri']}")
    bugs = [r for r in rows if r["outcome"].startswith("BUG:")]
    print(f"\nnon-SitrepError exceptions: {len(bugs)}")
    for r in bugs:
        print(f"--- {r['uri']}\n  {r['outcome']}: {r['message']}\n{r['traceback']}")
    viol = [r for r in recs if r["violations"]]
    print(f"\ninvariant violations: {sum(len(r['violations']) for r in viol)} on {len(viol)} pages")
    for r in viol:
        print(f"--- {r['uri']}")
        for line in r["violations"]:
            print(f"    {line}")
    flagged = [r for r in rows if r.get("flags")]
    print(f"\nquality flags: {sum(len(r['flags']) for r in flagged)} on {len(flagged)} pages")
    for r in flagged:
        print(f"--- {r['uri']}")
        for line in r["flags"]:
            print(f"    {line}")
    msgs = Counter(r["message"].split(": ", 1)[-1][:90] for r in rows if r["outcome"] not in ("record",)
                   and not r["outcome"].startswith("BUG:"))  # fmt: skip
    print("\nmost common SitrepError / skip messages:")
    for m, n in msgs.most_common(8):
        print(f"  {n:4}  {m}")


if __name__ == "__main__":
    sys.exit(main())
