"""PolNeAR dev (default) or train split: source / cue / content span P/R/F1 (exact and overlap) of sitrep's attribution.

Data: ../shared/data/attribution/polnear/dev (84 articles, BRAT standoff; one annotator per article = the
first .ann file in name order). Each gold attribution gives one Source, Cue and Content span (discontinuous
pieces are joined to their min..max extent). Each predicted Claim gives spans by locating its
``source_text``, ``cue`` and ``text`` inside its evidence sentence as whole words (the cue nearest the
content, outside it; the source nearest the cue). A predicted span matches one unmatched
gold span of the same role: exact = same start and end (after stripping surrounding punctuation/quotes),
overlap = at least one shared character. Claims with no source text (unattributed hedges) count for cue and
content only. The relevance gate is switched off (political news has no conflict vocabulary).

Anchor: Citron (BBC, Newell et al. data differ) reports source F1 82.0 and quote/content F1 56.7 (exact).

    .venv/bin/python benchmarks/bench_attribution.py [--split dev|train] [--limit N] [--skip N]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sitrep.models import Claim

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
ROLES = ("Source", "Cue", "Content")


def gold_spans(ann: Path) -> dict[str, list[tuple[int, int]]]:
    spans: dict[str, tuple[str, int, int]] = {}
    out: dict[str, list[tuple[int, int]]] = {r: [] for r in ROLES}
    lines = ann.read_text(encoding="utf-8").splitlines()
    for line in lines:
        if line.startswith("T"):
            tid, info, _ = (line.split("\t") + ["", ""])[:3]
            parts = info.split(" ")
            role = parts[0]
            nums = [int(x) for x in re.findall(r"\d+", " ".join(parts[1:]))]
            if nums:
                spans[tid] = (role, min(nums), max(nums))
    for line in lines:
        if line.startswith("E"):
            for arg in line.split("\t")[1].split():
                role, tid = arg.split(":")
                role = re.sub(r"\d+$", "", role)
                if role in out and tid in spans:
                    out[role].append((spans[tid][1], spans[tid][2]))
    return out


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and (text[a].isspace() or text[a] in "\"“”'‘’,.;:"):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in "\"“”'‘’,.;:"):
        b -= 1
    return a, b


def predicted_spans(body: str) -> dict[str, list[tuple[int, int]]]:
    from sitrep.extract.claims import find_claims
    from sitrep.extract.entities import find_entities
    from sitrep.extract.nlp import parse_body
    from sitrep.models import Article
    from sitrep.settings import Settings

    doc = parse_body(body, Settings(relevance_gate=False))
    claims = find_claims(doc, find_entities(doc), Article())
    out: dict[str, list[tuple[int, int]]] = {r: [] for r in ROLES}
    for c in claims:
        for role, span in claim_spans(body, c).items():
            if span is not None:
                out[role].append(span)
    return out


def claim_spans(body: str, c: Claim) -> dict[str, tuple[int, int] | None]:
    """Character spans of a claim's source, cue and content inside its evidence sentence (None: not found)."""
    ev = c.evidence
    contents = _occurrences(body, c.text, ev.start, ev.end)
    words = c.text.split(" ")
    for k in range(len(words) - 1, 0, -1) if not contents else ():
        # a statement read without the cue set inside it ("X, said Y, was ..."): its two pieces, in order
        heads = _occurrences(body, " ".join(words[:k]), ev.start, ev.end)
        tails = [t for t in _occurrences(body, " ".join(words[k:]), ev.start, ev.end) if heads and t[0] > heads[0][1]]
        if heads and tails:
            contents = [(heads[0][0], tails[0][1])]
            break
    cue_val = c.cue or ""
    cues = _occurrences(body, cue_val, ev.start, ev.end)
    if not cues and cue_val:  # a cue joined from non-adjacent tokens: use its last word (the verb)
        cues = _occurrences(body, cue_val.split()[-1], ev.start, ev.end)
    sources = _occurrences(body, c.source_text or "", ev.start, ev.end)
    content = contents[0] if contents else None
    if content is not None and re.search(r"\bthat\s+$", body[max(ev.start, content[0] - 6) : content[0]], re.I):
        # PolNeAR's content includes the complementizer; sitrep's claim text leaves it out
        content = (body.rindex("that", ev.start, content[0]), content[1])
    anchor = content or (ev.start, ev.start)
    # the cue occurrence outside the content and nearest to it; the source occurrence nearest that cue
    cue = _nearest([q for q in cues if not (anchor[0] <= q[0] < anchor[1])] or cues, anchor)
    src = _nearest([s for s in sources if not (anchor[0] <= s[0] < anchor[1])] or sources, cue or anchor)
    return {"Source": src, "Cue": cue, "Content": content}


def _occurrences(body: str, val: str, start: int, end: int) -> list[tuple[int, int]]:
    """Whole-word, case-insensitive occurrences of ``val`` in body[start:end+1] ("he" never matches inside "the";
    the cue "according to" matches "According to")."""
    if not val:
        return []
    pat = (r"(?<!\w)" if val[0].isalnum() else "") + re.escape(val) + (r"(?!\w)" if val[-1].isalnum() else "")
    return [(m.start(), m.end()) for m in re.finditer(pat, body[: end + 1], re.I) if m.start() >= start]


def _nearest(cands: list[tuple[int, int]], ref: tuple[int, int]) -> tuple[int, int] | None:
    if not cands:
        return None
    return min(cands, key=lambda s: min(abs(s[0] - ref[1]), abs(ref[0] - s[1])))


def score(gold: list[tuple[int, int]], pred: list[tuple[int, int]], text: str, exact: bool) -> tuple[int, int, int]:
    used: set[int] = set()
    tp = 0
    g_trim = [_trim(text, a, b) for a, b in gold]
    for a, b in pred:
        pa, pb = _trim(text, a, b)
        for gi, (ga, gb) in enumerate(g_trim):
            if gi in used:
                continue
            ok = (pa, pb) == (ga, gb) if exact else (min(pb, gb) - max(pa, ga)) > 0
            if ok:
                used.add(gi)
                tp += 1
                break
    return tp, len(pred) - tp, len(gold) - len(used)


def _print_misses(name: str, body: str, ann: Path, pred: dict[str, list[tuple[int, int]]], limit: int) -> None:
    """Gold attributions whose source no predicted source overlaps (FN), with what sitrep found nearby."""
    events = gold_events(ann)
    shown = 0
    for ev in events:
        src = ev.get("Source")
        if src is None or any(min(b, src[1]) - max(a, src[0]) > 0 for a, b in pred["Source"]):
            continue
        parts = []
        for r in ROLES:
            sp = ev.get(r)
            parts.append(body[sp[0] : sp[1]].replace("\n", " ")[:90] if sp else "-")
        print(f"MISS {name}: [{parts[0]}] | [{parts[1]}] | [{parts[2]}]")
        shown += 1
        if shown >= limit:
            break


def gold_events(ann: Path) -> list[dict[str, tuple[int, int]]]:
    """Each gold attribution as {role: (start, end)}."""
    spans: dict[str, tuple[int, int]] = {}
    lines = ann.read_text(encoding="utf-8").splitlines()
    for line in lines:
        if line.startswith("T"):
            tid, info = (line.split("\t") + ["", ""])[:2]
            nums = [int(x) for x in re.findall(r"\d+", " ".join(info.split(" ")[1:]))]
            if nums:
                spans[tid] = (min(nums), max(nums))
    out = []
    for line in lines:
        if line.startswith("E"):
            ev: dict[str, tuple[int, int]] = {}
            for arg in line.split("\t")[1].split():
                role, tid = arg.split(":")
                role = re.sub(r"\d+$", "", role)
                if role in ROLES and tid in spans:
                    ev[role] = spans[tid]
            out.append(ev)
    return out


def accumulate(totals: dict[tuple[str, str], list[int]], gold: dict[str, list[tuple[int, int]]],
               pred: dict[str, list[tuple[int, int]]], body: str) -> None:
    """Add one article's (tp, fp, fn) per role and mode ("exact", "overlap") to ``totals``."""
    for r in ROLES:
        for m in ("exact", "overlap"):
            tot = totals.setdefault((r, m), [0, 0, 0])
            for i, v in enumerate(score(gold[r], pred[r], body, m == "exact")):
                tot[i] += v


def print_totals(totals: dict[tuple[str, str], list[int]]) -> None:
    for (r, m), (tp, fp, fn) in totals.items():
        p = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * rc / (p + rc) if p + rc else 0.0
        print(f"  {r:<8} {m:<8} P {p:.3f}  R {rc:.3f}  F1 {f:.3f}  (tp {tp}, fp {fp}, fn {fn})")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", choices=("dev", "train"), default="dev",
                    help="PolNeAR split to score (tune rules on train, report dev as held out)")
    ap.add_argument("--limit", type=int, default=0, help="score only the first N articles")
    ap.add_argument("--skip", type=int, default=0, help="leave out the first N articles (a held-out slice)")
    ap.add_argument("--misses", type=int, default=0,
                    help="print up to N unmatched gold attributions (source | cue | content, overlap) per article")
    args = ap.parse_args()
    root = SHARED / "data" / "attribution" / "polnear" / args.split
    if not root.is_dir():
        print(f"PolNeAR not found at {root}")
        return 0
    totals = {(r, m): [0, 0, 0] for r in ROLES for m in ("exact", "overlap")}
    texts = sorted((root / "text").glob("*.txt"))
    texts = texts[args.skip :]
    if args.limit:
        texts = texts[: args.limit]
    n = 0
    for t in texts:
        anns = sorted((root / "attributions").glob(t.stem + "_*.ann"))
        if not anns:
            continue
        body = t.read_text(encoding="utf-8")
        gold = gold_spans(anns[0])
        pred = predicted_spans(body)
        n += 1
        if args.misses:
            _print_misses(t.stem, body, anns[0], pred, args.misses)
        accumulate(totals, gold, pred, body)
    print(f"PolNeAR {args.split}: {n} articles (one annotator each)")
    print_totals(totals)
    print("anchor: Citron source F1 0.820, quote F1 0.567 (exact, its own test data)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
