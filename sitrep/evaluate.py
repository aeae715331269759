"""Score records against news-dev style gold: events, claims, entities (library behind `sitrep eval`).

Gold format: ``/work/shared/data/news-dev/gold/NNN.json`` (see its README), optionally corrected by
``tests/data/gold/NNN.json`` (field overrides by index, annotations only: see tests/data/gold/REVIEW.md).

Matching rules (documented so numbers are comparable between runs):

- Events: gold events with ``salience`` main or secondary are required; ``background`` gold
  events are optional (matching one is neither a TP nor an FP; missing one is not an FN). A
  predicted event matches an unmatched gold event when the ``event_type`` is equal, the location
  name agrees fuzzily with the gold location, its admin1 or its country (either contained in the
  other, or rapidfuzz ``token_set_ratio`` ≥ 70; a gold location of null accepts any; the strict
  location is scored separately as a field) and actor1 agrees fuzzily (same rule; a gold actor1 of
  null accepts any). Pairs are taken greedily, best evidence overlap first.
- Field accuracy over matched pairs: sub_event_type, actor1, actor2, location (fuzzy as above),
  date (exact, only where gold has a date), fatalities (exact, where gold has a number), status.
- Claims: a predicted claim matches a gold claim whose evidence sentence overlaps its evidence
  span. ``source`` exact = normalised strings equal (gold parentheticals and "citing ..." tails
  removed; unattributed gold = a prediction with no source or an anonymous one); overlap =
  containment or ``token_set_ratio`` ≥ 60. ``cue`` exact = equal (case-insensitive) or the
  predicted cue is one of gold's "/"-separated alternatives; overlap = a shared word.
  ``content`` exact = normalised equality; overlap = word-set Jaccard ≥ 0.5.
- Entities: per gold category (people → PERSON, organizations → ORG, military_units →
  MILITARY_UNIT, locations → GPE/LOC/FAC), unique names, fuzzy containment.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitrep.models import Record

_CATEGORY_LABELS = {
    "people": ("PERSON",),
    "organizations": ("ORG",),
    "military_units": ("MILITARY_UNIT",),
    "locations": ("GPE", "LOC", "FAC"),
}


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict[str, float]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class EvalReport:
    documents: int = 0
    events: PRF = field(default_factory=PRF)
    field_correct: dict[str, int] = field(default_factory=dict)
    field_total: dict[str, int] = field(default_factory=dict)
    claims: dict[str, PRF] = field(default_factory=dict)
    entities: dict[str, PRF] = field(default_factory=dict)
    per_document: dict[str, dict[str, Any]] = field(default_factory=dict)
    missed_events: list[str] = field(default_factory=list)  # "docid#gold-index" of required gold events not found

    def field_accuracy(self) -> dict[str, float]:
        return {k: self.field_correct.get(k, 0) / v for k, v in self.field_total.items() if v}

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "events": self.events.as_dict(),
            "field_accuracy": {k: round(v, 4) for k, v in self.field_accuracy().items()},
            "claims": {k: v.as_dict() for k, v in self.claims.items()},
            "entities": {k: v.as_dict() for k, v in self.entities.items()},
            "per_document": self.per_document,
        }


# --------------------------------------------------------------------------- gold


def load_gold(gold_dir: str | Path, corrections_dir: str | Path | None = None) -> dict[str, dict[str, Any]]:
    """Gold documents by id; corrections (``{"events": {"0": {...overrides}}, "drop_events": [..]}``) applied."""
    out: dict[str, dict[str, Any]] = {}
    for path in sorted(Path(gold_dir).glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if corrections_dir is not None:
            fix = Path(corrections_dir) / path.name
            if fix.is_file():
                _apply_corrections(gold, json.loads(fix.read_text(encoding="utf-8")))
        out[path.stem] = gold
    return out


def _apply_corrections(gold: dict[str, Any], fix: dict[str, Any]) -> None:
    for key in ("events", "claims"):
        for idx, overrides in fix.get(key, {}).items():
            gold[key][int(idx)].update(overrides)
        for idx in sorted(fix.get(f"drop_{key}", []), reverse=True):
            del gold[key][int(idx)]
        gold[key].extend(fix.get(f"add_{key}", []))
    for cat, names in fix.get("entities", {}).items():
        gold.setdefault("entities", {})[cat] = names


# --------------------------------------------------------------------------- fuzzy helpers


def _norm(text: str | None, keep_parens: bool = False) -> str:
    if not text:
        return ""
    t = text if keep_parens else re.sub(r"\([^)]*\)|\[[^]]*\]", " ", text)
    t = re.split(r"\s+citing\s+|\s+per\s+", t)[0]
    t = re.sub(r"['’]s\b", "", t.lower())
    t = re.sub(r"\b(the|a|an)\b", " ", t)
    return " ".join(re.findall(r"[\w-]+", t))


def fuzzy_equal(pred: str | None, gold: str | None, threshold: int = 70) -> bool:
    """Containment or rapidfuzz token_set_ratio ≥ threshold on normalised names."""

    p, g = _norm(pred), _norm(gold)
    if not p or not g:
        return not p and not g
    if p in g or g in p:
        return True
    # "Ansar Allah (Houthis)" vs "Houthis (Ansar Allah)": compare the bracketed forms too
    pp, gp = _norm(pred, keep_parens=True), _norm(gold, keep_parens=True)
    ps, gs = set(pp.split()), set(gp.split())
    if ps <= gs or gs <= ps:
        return True
    if "unidentified" in ps and "unidentified" in gs:
        return True  # unnamed armed groups/gangs: the gold describes them loosely
    alts = [_norm(x) for x in re.split(r";|/| and ", gold or "")] + [g]
    return any(a and (p in a or a in p or _distinct_ratio(p, a) >= threshold) for a in alts)


def _distinct_ratio(p: str, g: str) -> float:
    """token_set_ratio on the words that tell names apart (generic actor words dropped), so that
    "Military Forces of Russia" never matches "Military Forces of Ukraine"."""
    from rapidfuzz import fuzz

    generic = {"military", "forces", "of", "police", "unidentified", "armed", "group", "civilians", "government"}
    pw = [w for w in p.split() if w not in generic]
    gw = [w for w in g.split() if w not in generic]
    if not pw or not gw:
        return 100.0 if pw == gw else 0.0
    return float(fuzz.token_set_ratio(" ".join(pw), " ".join(gw)))


def _offsets(body: str, sentence: str) -> tuple[int, int] | None:
    i = body.find(sentence.strip()[:80])
    if i < 0:
        return None
    return i, i + len(sentence.strip())


def _overlap(a: tuple[int, int] | None, b: tuple[int, int]) -> int:
    if a is None:
        return 0
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


# --------------------------------------------------------------------------- scoring


def _score_events(rec: Record, gold: dict[str, Any], report: EvalReport) -> PRF:
    prf = PRF()
    golds = gold.get("events", [])
    matched_gold: set[int] = set()
    for ev in rec.events:
        spans = [(s.start, s.end) for s in ev.evidence]
        best: tuple[int, int] | None = None
        for gi, g in enumerate(golds):
            if gi in matched_gold or g.get("event_type") != ev.event_type:
                continue
            if g.get("location") and not any(
                fuzzy_equal(ev.location.name, g.get(k)) for k in ("location", "admin1", "country") if g.get(k)
            ):
                continue
            if g.get("actor1") and not fuzzy_equal(ev.actor1, g["actor1"]):
                continue
            gspan = _offsets(rec.body, g.get("evidence", ""))
            ov = max((_overlap(gspan, sp) for sp in spans), default=0)
            if best is None or ov > best[1]:
                best = (gi, ov)
        if best is None:
            prf.fp += 1
            continue
        gi = best[0]
        matched_gold.add(gi)
        g = golds[gi]
        if g.get("salience") == "background":
            continue
        prf.tp += 1
        _field(report, "sub_event_type", ev.sub_event_type == g.get("sub_event_type"))
        _field(report, "actor1", fuzzy_equal(ev.actor1, g.get("actor1")))
        _field(report, "actor2", fuzzy_equal(ev.actor2, g.get("actor2")))
        _field(report, "location", not g.get("location") or fuzzy_equal(ev.location.name, g.get("location")))
        if g.get("date"):
            _field(report, "date", ev.date == g["date"])
        if g.get("fatalities") is not None:
            _field(report, "fatalities", ev.fatalities == g["fatalities"])
        _field(report, "status", ev.status == g.get("status"))
    missed = [gi for gi, g in enumerate(golds) if gi not in matched_gold and g.get("salience") != "background"]
    prf.fn = len(missed)
    report.missed_events.extend(f"{gold.get('id', '?')}#{gi}" for gi in missed)
    return prf


def _field(report: EvalReport, name: str, ok: bool) -> None:
    report.field_total[name] = report.field_total.get(name, 0) + 1
    report.field_correct[name] = report.field_correct.get(name, 0) + int(ok)


def _source_match(pred: str | None, pred_type: str | None, gold: str | None, exact: bool) -> bool:
    unattributed = not gold or gold.lower().startswith(("unattributed", "the outlet", "none"))
    if unattributed:
        return not pred or pred_type == "anonymous"
    if exact:
        return _norm(pred) == _norm(gold)
    return fuzzy_equal(pred, gold, threshold=60)


def _cue_match(pred: str | None, gold: str | None, exact: bool) -> bool:
    p = (pred or "").lower().strip()
    alts = [a.strip() for a in re.split(r"/|\(|\)", (gold or "").lower()) if a.strip()]
    if exact:
        return p in alts or p == (gold or "").lower().strip()
    pw = set(re.findall(r"\w+", p))
    return any(pw & set(re.findall(r"\w+", a)) for a in alts)


def _content_match(pred: str, gold: str, exact: bool) -> bool:
    p, g = _norm(pred), _norm(gold)
    if exact:
        return p == g
    pw, gw = set(p.split()), set(g.split())
    return bool(pw | gw) and len(pw & gw) / len(pw | gw) >= 0.5


def _score_claims(rec: Record, gold: dict[str, Any]) -> dict[str, PRF]:
    out = {f"{k}_{m}": PRF() for k in ("source", "cue", "content") for m in ("exact", "overlap")}
    golds = gold.get("claims", [])
    gspans = [_offsets(rec.body, g.get("evidence", "")) for g in golds]
    for key in out:
        kind, mode = key.split("_")
        exact = mode == "exact"
        used: set[int] = set()
        for c in rec.claims:
            span = (c.evidence.start, c.evidence.end)
            hit = None
            for gi, g in enumerate(golds):
                if gi in used or _overlap(gspans[gi], span) <= 0:
                    continue
                if kind == "source":
                    ok = _source_match(c.source, c.source_type, g.get("source"), exact)
                elif kind == "cue":
                    ok = _cue_match(c.cue, g.get("cue"), exact)
                else:
                    ok = _content_match(c.text, g.get("claim", ""), exact)
                if ok:
                    hit = gi
                    break
            if hit is None:
                out[key].fp += 1
            else:
                used.add(hit)
                out[key].tp += 1
        out[key].fn += len(golds) - len(used)
    return out


def _score_entities(rec: Record, gold: dict[str, Any]) -> dict[str, PRF]:
    out: dict[str, PRF] = {}
    for cat, labels in _CATEGORY_LABELS.items():
        gnames = {_norm(n) for n in gold.get("entities", {}).get(cat, []) if _norm(n)}
        pnames = {_norm(e.canonical or e.text) for e in rec.entities if e.label in labels}
        pnames.discard("")
        prf = PRF()
        prf.tp = sum(1 for p in pnames if any(p in g or g in p for g in gnames))
        prf.fp = len(pnames) - prf.tp
        prf.fn = sum(1 for g in gnames if not any(p in g or g in p for p in pnames))
        out[labels[0]] = prf
    return out


def evaluate(records: Mapping[str, Record], gold: Mapping[str, dict[str, Any]]) -> EvalReport:
    """Score ``records`` (by document id) against ``gold`` (by the same ids). Ids missing on either side are skipped."""
    report = EvalReport()
    for doc_id in sorted(set(records) & set(gold)):
        rec, g = records[doc_id], gold[doc_id]
        report.documents += 1
        ev = _score_events(rec, g, report)
        report.events.add(ev)
        cl = _score_claims(rec, g)
        for k, v in cl.items():
            report.claims.setdefault(k, PRF()).add(v)
        en = _score_entities(rec, g)
        for k, v in en.items():
            report.entities.setdefault(k, PRF()).add(v)
        report.per_document[doc_id] = {"events": ev.as_dict(), "claim_source": cl["source_overlap"].as_dict()}
    return report


def format_report(report: EvalReport) -> str:
    """A plain-text table of the report."""
    lines = [f"documents: {report.documents}"]

    def row(name: str, p: PRF) -> str:
        return f"  {name:<18} P {p.precision:.3f}  R {p.recall:.3f}  F1 {p.f1:.3f}  (tp {p.tp}, fp {p.fp}, fn {p.fn})"

    lines.append("events:")
    lines.append(row("event", report.events))
    lines.append("event fields (accuracy over matched events):")
    for k, acc in report.field_accuracy().items():
        lines.append(f"  {k:<18} {acc:.3f}  (n={report.field_total[k]})")
    lines.append("claims:")
    for k, prf in report.claims.items():
        lines.append(row(k, prf))
    lines.append("entities:")
    for k, prf in report.entities.items():
        lines.append(row(k, prf))
    return "\n".join(lines)


# --------------------------------------------------------------------------- news-dev runner


def extract_text_record(
    body: str, published: str | None = None, outlet: str | None = None, uri: str = "text", geocode: bool = True
) -> Record:
    """Run the extract + resolve stages (no cleaning; geocoding when the module is there) on a plain body."""
    from sitrep.extract.claims import find_claims
    from sitrep.extract.entities import find_entities
    from sitrep.extract.events import find_events
    from sitrep.extract.nlp import parse_body
    from sitrep.models import Source, content_id, utcnow
    from sitrep.resolve.actors import canonicalise_events
    from sitrep.resolve.dates import resolve_event_dates
    from sitrep.settings import Settings

    rec = Record(id=content_id(body), source=Source(uri=uri, content_type="text/plain", fetched_at=utcnow()),
                 body=body)
    rec.article.published = published
    rec.article.outlet = outlet
    doc = parse_body(body, Settings.model_validate({}))
    rec.entities = find_entities(doc)
    rec.claims = find_claims(doc, rec.entities, rec.article)
    rec.events = find_events(doc, rec.entities, rec.claims, rec.article)
    if geocode:
        try:
            from sitrep.resolve.geocode import locate_record
        except ImportError:  # the geocoder is another module; score without it when absent
            pass
        else:
            locate_record(rec, Settings.model_validate({}))
    resolve_event_dates(rec.events, rec.article)
    canonicalise_events(rec.events, rec.claims)
    return rec


def news_dev_records(news_dev: str | Path, ids: Iterable[str] | None = None) -> dict[str, Record]:
    """Records for news-dev articles (body = the article file as given; meta gives published/outlet)."""
    root = Path(news_dev)
    wanted = set(ids) if ids is not None else None
    out: dict[str, Record] = {}
    for path in sorted((root / "articles").glob("*.txt")):
        if wanted is not None and path.stem not in wanted:
            continue
        meta_path = root / "meta" / f"{path.stem}.json"
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.is_file() else {}
        published = meta.get("published") or _inferred_date(meta.get("published_inferred"))
        out[path.stem] = extract_text_record(path.read_text(encoding="utf-8"), published, meta.get("outlet"),
                                             uri=str(path))
    return out


def _inferred_date(text: str | None) -> str | None:
    m = re.match(r"(\d{4}-\d{2}-\d{2})", text or "")
    return m.group(1) if m else None


def evaluate_news_dev(news_dev: Path, corrections: Path | None = None) -> EvalReport:
    """Run the pipeline on a news-dev folder and score it against its gold (plus reviewed corrections)."""
    gold = load_gold(Path(news_dev) / "gold", corrections)
    return evaluate(news_dev_records(news_dev, gold.keys()), gold)
