"""PolNeAR: how far two human annotators agree, scored exactly as sitrep is scored by ``bench_attribution.py``.

The ceiling for any system scored against one annotator is roughly what a second annotator reaches against
the first. PolNeAR ships double annotations for a few articles:

* ``annotator-training/``: 4 articles, each annotated by the same 6 annotators (every ordered pair scored),
* ``train|dev|test``: the articles with two or more ``.ann`` files (the second scored against the first).

Span matching, trimming and one-to-one pairing are ``bench_attribution.score`` (exact = same start and end
after trimming punctuation; overlap = one shared character). No sitrep code runs here.

    .venv/bin/python benchmarks/bench_attribution_agreement.py
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_attribution import ROLES, SHARED, accumulate, gold_spans, print_totals  # noqa: E402


def agreement(root: Path, all_pairs: bool) -> tuple[int, dict[tuple[str, str], list[int]]]:
    """(articles used, {(role, mode): [tp, fp, fn]}) of annotator pairs in ``root``."""
    totals = {(r, m): [0, 0, 0] for r in ROLES for m in ("exact", "overlap")}
    n = 0
    for text in sorted((root / "text").glob("*.txt")):
        anns = sorted((root / "attributions").glob(text.stem + "_*.ann"))
        if len(anns) < 2:
            continue
        n += 1
        body = text.read_text(encoding="utf-8")
        pairs = itertools.permutations(anns, 2) if all_pairs else [(anns[0], anns[1])]
        for first, second in pairs:
            accumulate(totals, gold_spans(first), gold_spans(second), body)
    return n, totals


def main() -> int:
    base = SHARED / "data" / "attribution" / "polnear"
    if not base.is_dir():
        print(f"PolNeAR not found at {base}")
        return 0
    for name, all_pairs in (("annotator-training", True), ("train", False), ("dev", False), ("test", False)):
        root = base / name
        if not (root / "text").is_dir():
            continue
        n, totals = agreement(root, all_pairs)
        if not n:
            continue
        how = "every ordered pair of annotators" if all_pairs else "second annotator against the first"
        print(f"{name}: {n} articles with two or more annotators ({how})")
        print_totals(totals)
    return 0


if __name__ == "__main__":
    sys.exit(main())
