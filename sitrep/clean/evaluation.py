"""Scoring used by the cleaning benchmarks and quality gates (kept in the package so both share it).

* :func:`textpage_scores`: precision / recall of *dropped* lines on labelled text pages.
* :func:`shingle_prf`: the Zyte article-extraction-benchmark metric (tokens ``\\w+``, 4-gram
  shingle multisets, per-document P/R averaged, F1 of the means).
* :func:`segment_scores`: trafilatura's evaluation (must-keep / must-drop segments found or not).
* :func:`metadata_scores`: author / title / date accuracy against trafilatura-eval's metadata gold.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitrep.clean.lines import classify_lines

_TOKEN = re.compile(r"\w+", re.UNICODE)


@dataclass
class LineScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    pages: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def score_page(text: str, dropped_gold: Iterable[int]) -> tuple[int, int, int, list[int], list[int]]:
    """(tp, fp, fn, false-drop line numbers, missed line numbers) for one page; 1-based lines."""
    page = classify_lines(text)
    predicted = {i + 1 for i in page.dropped_indexes() if page.lines[i].text}
    gold = set(dropped_gold)
    fp = sorted(predicted - gold)
    fn = sorted(gold - predicted)
    return len(predicted & gold), len(fp), len(fn), fp, fn


def labelled_textpages(textpages_dir: Path, shared_dir: Path | None) -> list[tuple[str, str, dict]]:
    """(name, text, labels) for the written pages and, when ../shared exists, the real ones."""
    out = []
    for labels_path in sorted(textpages_dir.glob("[0-9][0-9][0-9].labels.json")):
        txt = labels_path.with_name(labels_path.name.replace(".labels.json", ".txt"))
        out.append((txt.name, txt.read_text(encoding="utf-8"), json.loads(labels_path.read_text(encoding="utf-8"))))
    for labels_path in sorted((textpages_dir / "heldout").glob("*.labels.json")):
        txt = labels_path.with_name(labels_path.name.replace(".labels.json", ".txt"))
        out.append((f"heldout/{txt.name}", txt.read_text(encoding="utf-8"), json.loads(labels_path.read_text(encoding="utf-8"))))
    real = textpages_dir / "real" / "real_pages.labels.json"
    if shared_dir is not None and real.is_file():
        for rel, labels in json.loads(real.read_text(encoding="utf-8"))["pages"].items():
            path = shared_dir / rel
            if path.is_file():
                out.append((rel, path.read_text(encoding="utf-8"), labels))
    return out


def textpage_scores(pages: list[tuple[str, str, dict]]) -> tuple[LineScore, list[str]]:
    score = LineScore()
    errors = []
    for name, text, labels in pages:
        tp, fp, fn, fps, fns = score_page(text, labels["dropped"])
        score.tp += tp
        score.fp += fp
        score.fn += fn
        score.pages += 1
        lines = text.splitlines()
        errors += [f"{name}:{n} wrongly dropped: {lines[n - 1][:70]!r}" for n in fps]
        errors += [f"{name}:{n} missed: {lines[n - 1][:70]!r}" for n in fns]
    return score, errors


def _shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    toks = _TOKEN.findall(text)
    return Counter(tuple(toks[i : i + n]) for i in range(max(0, len(toks) - n + 1)))


def shingle_prf(pred: str, gold: str) -> tuple[float, float]:
    """Per-document (precision, recall) of 4-gram shingles, as the Zyte benchmark computes them."""
    p, g = _shingles(pred), _shingles(gold)
    tp = sum((p & g).values())
    fp = sum(p.values()) - tp
    fn = sum(g.values()) - tp
    if not p and not g:
        return 1.0, 1.0
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall


def mean_prf(pairs: list[tuple[float, float]]) -> tuple[float, float, float]:
    if not pairs:
        return 0.0, 0.0, 0.0
    p = sum(x for x, _ in pairs) / len(pairs)
    r = sum(y for _, y in pairs) / len(pairs)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def segment_scores(outputs: dict[str, str], gold: dict[str, dict]) -> tuple[float, float, float, float]:
    """trafilatura's eval: (precision, recall, accuracy, F1) over must-keep / must-drop segments."""
    tp = fp = tn = fn = 0
    for key, entry in gold.items():
        out = " ".join((outputs.get(key) or "").split())
        for seg in entry.get("with", []):
            if " ".join(seg.split()) in out:
                tp += 1
            else:
                fn += 1
        for seg in entry.get("without", []):
            if " ".join(seg.split()) in out:
                fp += 1
            else:
                tn += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    accuracy = (tp + tn) / (tp + tn + fp + fn) if tp + tn + fp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, accuracy, f1


def author_names(value: object) -> list[str]:
    """Lower-cased author names from a string or a list ("A; B", "A, B and C" split into names)."""
    items = value if isinstance(value, list) else [value] if isinstance(value, str) else []
    names = []
    for item in items:
        for part in re.split(r";|,|\s&\s|\band\b", str(item), flags=re.IGNORECASE):
            name = " ".join(_TOKEN.findall(part.lower()))
            if name:
                names.append(name)
    return names


def _token_f1(pred: list[str], gold: list[str]) -> float:
    p, g = Counter(" ".join(pred).split()), Counter(" ".join(gold).split())
    tp = sum((p & g).values())
    if not tp:
        return 0.0
    precision, recall = tp / sum(p.values()), tp / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def _fold(text: object) -> str:
    return " ".join(str(text or "").lower().split())


def metadata_scores(outputs: dict[str, dict[str, Any]], gold: dict[str, dict]) -> tuple[dict[str, tuple[float, int]], list[str]]:
    """({measure: (value, pages scored)}, misses) of ``outputs`` ({key: {"author", "title", "date"}})
    against gold entries with optional ``author`` (string or list), ``title``, ``date``; a measure
    counts only pages whose gold field is non-empty. Author "exact" = same set of names, "token F1"
    = F1 of the name-word multisets (mean over pages), "spurious" = share of pages whose gold author
    is present but empty where an author is returned. Title: exact after lower-casing and whitespace
    folding; "contains" = one contains the other. Date: same day."""
    author_exact, author_f1, spurious, title_exact, title_contains, date_exact = [], [], [], [], [], []
    misses = []
    for key, entry in gold.items():
        out = outputs.get(key)
        if out is None or not any(entry.get(k) for k in ("author", "title", "date")):
            continue
        if entry.get("author"):
            g, p = author_names(entry["author"]), author_names(out.get("author"))
            author_exact.append(sorted(g) == sorted(p))
            author_f1.append(_token_f1(p, g))
            if sorted(g) != sorted(p):
                misses.append(f"author  {key[:60]}: gold {g} got {p}")
        elif "author" in entry:
            spurious.append(bool(author_names(out.get("author"))))
        if entry.get("title"):
            g_t, p_t = _fold(entry["title"]), _fold(out.get("title"))
            title_exact.append(g_t == p_t)
            title_contains.append(bool(p_t) and (g_t in p_t or p_t in g_t))
            if g_t != p_t:
                misses.append(f"title   {key[:60]}: gold {g_t[:60]!r} got {p_t[:60]!r}")
        if entry.get("date"):
            got = str(out.get("date") or "")[:10]
            date_exact.append(got == entry["date"][:10])
            if got != entry["date"][:10]:
                misses.append(f"date    {key[:60]}: gold {entry['date']} got {got or None}")

    def mean(xs: list[bool] | list[float]) -> tuple[float, int]:
        return (sum(xs) / len(xs) if xs else 0.0, len(xs))

    scores = {
        "author exact": mean(author_exact), "author token F1": mean(author_f1), "author spurious": mean(spurious),
        "title exact": mean(title_exact), "title contains": mean(title_contains), "date exact": mean(date_exact),
    }
    return scores, misses
