"""Time per page of the whole pipeline (`sitrep.pipeline.process`), model load excluded.

    .venv/bin/python benchmarks/bench_pipeline.py [--repeat 3]

Pages: the bundled samples, plus the seed page and news-dev articles from ../shared when
present. Prints the one-off start-up (spaCy model + gazetteer load) separately, then the
median and p95 seconds per page and pages/s in this process (one core), and per stage.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import defaultdict
from pathlib import Path

from sitrep.ingest import read_inputs
from sitrep.models import RawDocument
from sitrep.pipeline import STAGES, Work, new_record
from sitrep.samples import samples_dir
from sitrep.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def pages(settings: Settings) -> list[RawDocument]:
    specs = [str(samples_dir())]
    if SHARED.is_dir():
        specs += [str(p) for p in sorted((SHARED / "seeds").glob("*.txt"))]
        specs += [str(p) for p in sorted((SHARED / "data" / "news-dev" / "articles").glob("*.txt"))]
    else:
        print("note: ../shared not found; timing the bundled samples only")
    return [r for r in read_inputs(specs, settings) if isinstance(r, RawDocument)]


def run_once(raw: RawDocument, settings: Settings, per_stage: dict[str, list[float]]) -> float:
    w = Work(raw=raw, settings=settings, record=new_record(raw))
    t0 = time.perf_counter()
    for s in STAGES:
        t = time.perf_counter()
        s.func(w)
        per_stage[s.name].append(time.perf_counter() - t)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    settings = Settings()
    docs = pages(settings)
    t0 = time.perf_counter()
    run_once(docs[0], settings, defaultdict(list))  # loads spaCy and the gazetteer
    startup = time.perf_counter() - t0
    per_stage: dict[str, list[float]] = defaultdict(list)
    times = [run_once(d, settings, per_stage) for _ in range(args.repeat) for d in docs]
    times.sort()
    words = sum(len(d.content.split()) for d in docs) / len(docs)
    print(f"pages: {len(docs)} (mean {words:.0f} words of input), repeated {args.repeat}x, one process")
    print(f"start-up (model + gazetteer, once per process): {startup:.2f} s")
    print(f"seconds per page: median {statistics.median(times):.3f}, p95 {times[int(0.95 * (len(times) - 1))]:.3f}, "
          f"max {times[-1]:.3f}; {len(times) / sum(times):.1f} pages/s")  # fmt: skip
    total = sum(sum(v) for v in per_stage.values())
    for name, vals in per_stage.items():
        print(f"  {name:<12} {1000 * statistics.mean(vals):7.1f} ms/page  {100 * sum(vals) / total:5.1f}%")


if __name__ == "__main__":
    main()
