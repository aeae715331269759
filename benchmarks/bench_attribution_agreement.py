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

from bench_attribution import ROLES, SHARED, gold_spans, score  # noqa: E402


def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


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
            gold, other = gold_spans(first), gold_spans(second)
            for r in ROLES:
                for m in ("exact", "overlap"):
                    tp, fp, fn = score(gold[r], other[r], body, m == "exact")
                    tot = totals[(r, m)]
                    tot[0] += tp
                    tot[1] += fp
                    tot[2] += fn
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
        for (r, m), (tp, fp, fn) in totals.items():
            p, rc, f = _f1(tp, fp, fn)
            print(f"  {r:<8} {m:<8} P {p:.3f}  R {rc:.3f}  F1 {f:.3f}  (tp {tp}, fp {fp}, fn {fn})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
