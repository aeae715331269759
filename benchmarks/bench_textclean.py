"""Line-level boilerplate removal on aggregator-style plain-text pages.

Data: tests/data/textpages/NNN.txt (+ NNN.labels.json), pages written for sitrep from hand-written
stories and real page furniture (see build_pages.py there); tests/data/textpages/heldout/ (6 pages
in layouts written after the rules, scored once before any fix: dropped-line P 1.000 / R 0.843,
then the rules were generalised, so they are no longer unseen); and the real pages under ../shared
(the seed page and news-dev articles) whose labels live in tests/data/textpages/real/ (line
numbers only). Metric: precision and recall of DROPPED lines (a line is "dropped" when it is not
article body; titles count as dropped). Also: metadata accuracy on the fields each page labels.

Run: .venv/bin/python benchmarks/bench_textclean.py [-v]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from sitrep.clean.evaluation import labelled_textpages, textpage_scores  # noqa: E402
from sitrep.models import RawDocument  # noqa: E402
from sitrep.pipeline import CLEAN_STAGES, process  # noqa: E402
from sitrep.settings import Settings  # noqa: E402

FIELDS = ("title", "authors", "outlet", "aggregator", "dateline", "page_date", "published")


def main() -> None:
    verbose = "-v" in sys.argv
    shared = SHARED if (SHARED / "data").is_dir() else None
    if shared is None:
        print(f"note: {SHARED} not found; scoring the written pages only")
    pages = labelled_textpages(ROOT / "tests" / "data" / "textpages", shared)
    written = [p for p in pages if not p[0].startswith(("seeds/", "data/", "heldout/"))]
    heldout = [p for p in pages if p[0].startswith("heldout/")]
    real = [p for p in pages if p[0].startswith(("seeds/", "data/"))]
    t0 = time.perf_counter()
    print(f"{'set':<22}{'pages':>6}{'dropped P':>11}{'dropped R':>11}{'tp':>6}{'fp':>5}{'fn':>5}")
    all_errors = []
    subsets = (("written pages", written), ("held-out written", heldout), ("real pages (shared)", real), ("all", pages))
    for label, subset in subsets:
        if not subset:
            continue
        score, errors = textpage_scores(subset)
        if label != "all":
            all_errors += errors
        print(f"{label:<22}{score.pages:>6}{score.precision:>11.3f}{score.recall:>11.3f}{score.tp:>6}{score.fp:>5}{score.fn:>5}")
    elapsed = time.perf_counter() - t0
    # metadata through the full clean stages
    right = {f: 0 for f in FIELDS}
    total = {f: 0 for f in FIELDS}
    misses = []
    settings = Settings()
    for name, text, labels in pages:
        rec = process(RawDocument(uri=name, content=text.encode("utf-8"), content_type="text/plain"), settings, stages=CLEAN_STAGES)
        for f in FIELDS:
            if f not in labels:
                continue
            total[f] += 1
            got = getattr(rec.article, f)
            if got == labels[f]:
                right[f] += 1
            else:
                misses.append(f"{name} {f}: got {got!r}, want {labels[f]!r}")
    print("\nmetadata accuracy (pages whose labels give the field):")
    for f in FIELDS:
        if total[f]:
            print(f"  {f:<11}{right[f]:>4}/{total[f]:<4}{right[f] / total[f]:.2f}")
    print(f"\nline classification of {len(pages)} pages took {elapsed:.2f}s")
    if verbose:
        print("\nline errors:")
        print("\n".join(all_errors) or "  none")
        print("\nmetadata misses:")
        print("\n".join(misses) or "  none")


if __name__ == "__main__":
    main()
