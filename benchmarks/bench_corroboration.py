"""Corroboration benchmark: event fusion, independent sources and contradictions on a gold set.

The set (tests/data/corroboration/, written by the sitrep team: 43 pages there plus the 15
bundled samples; 58 documents, 24 real-world events with copies, rewrites citing other outlets,
different tolls, denials, re-posts months later, and confusers: same day nearby, same town a week
apart) has gold event clusters, gold ``n_independent_sources`` and planted contradictions.

Three runs into a temporary SQLite store, documents in ingestion order (files by name):

1. **gold mentions**: records built from gold.json (gold events, places, dates, sources, figures;
   copies share a body so the store sees them as copies) → isolates fusion from extraction.
2. **noisy gold mentions**: the same with extraction-like noise (a quarter of the reports at a
   coarser place ~15 km off, some dates a day off, some sibling sub-event types).
3. **end to end**: the full pipeline (``sitrep.pipeline.process``) on the pages → store. Each
   extracted mention is mapped to the gold mention of its document it fits (same type family,
   within 50 km or same place name, within 3 days); unmapped ones (background events, extraction
   errors) are counted and left out of the cluster scores.

Scores: B-cubed and pairwise precision/recall/F1 of mentions → events, accuracy of
n_independent_sources (the event holding most of a gold event's mentions), recall of planted
contradictions, status accuracy.

    .venv/bin/python benchmarks/bench_corroboration.py [--gold-only] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter, defaultdict
from datetime import UTC, datetime
from itertools import combinations
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SET = ROOT / "tests" / "data" / "corroboration"
SAMPLES = ROOT / "sitrep" / "data" / "samples"


def load_gold() -> dict[str, Any]:
    return json.loads((SET / "gold.json").read_text(encoding="utf-8"))


def doc_key(uri: str) -> str:
    return uri if uri.startswith(("http://", "https://")) else Path(uri).name


def ordered_keys(gold: dict[str, Any]) -> list[str]:
    """Documents in the order `sitrep ingest samples/ articles/` reads them (files by name)."""
    from sitrep.ingest import read_inputs
    from sitrep.models import RawDocument
    from sitrep.settings import Settings

    keys = [doc_key(r.uri) for r in read_inputs([str(SAMPLES), str(SET / "articles")], Settings()) if isinstance(r, RawDocument)]
    return [k for k in keys if k in gold["documents"]]


# --------------------------------------------------------------------------- gold records


#: Extraction-like noise for the "noisy gold" run: (share of reports, what happens to them).
NOISE = {"district": 0.25, "day_off": 0.15, "sub_type": 0.15}
_SIBLING_SUBTYPE = {"Air/drone strike": "Shelling/artillery/missile attack", "Shelling/artillery/missile attack": "Air/drone strike",
                    "Armed clash": "Attack", "Attack": "Armed clash", "Peaceful protest": "Protest with intervention",
                    "Non-state actor overtakes territory": "Armed clash"}  # fmt: skip


def _perturb(key: str, i: int, loc: dict[str, Any], day: str, sub: str, etype: str) -> tuple[dict[str, Any], str, str, str]:
    """Deterministic noise per (document, mention): a coarser place ~15 km off, a date a day off,
    a sibling sub-event type, as extraction produces them."""
    import hashlib
    from datetime import date, timedelta

    from sitrep.models import SUB_EVENT_TO_TYPE

    h = [b / 255 for b in hashlib.sha256(f"{key}:{i}".encode()).digest()[:3]]
    loc = dict(loc)
    if h[0] < NOISE["district"] and loc.get("lat") is not None:
        loc.update(name=f"{loc['name']} district", lat=loc["lat"] + 0.1, lon=loc["lon"] + 0.1, geo_precision=2)
    if h[1] < NOISE["day_off"]:
        day = (date.fromisoformat(day) + timedelta(days=1)).isoformat()
    if h[2] < NOISE["sub_type"] and sub in _SIBLING_SUBTYPE:
        sub = _SIBLING_SUBTYPE[sub]
        etype = SUB_EVENT_TO_TYPE[sub]
    return loc, day, sub, etype


def gold_record(key: str, gold: dict[str, Any], *, noisy: bool = False) -> Any:
    """A Record carrying the gold mentions of one document (no NLP); `noisy` perturbs them."""
    from sitrep.models import Article, Claim, Event, Location, Record, Source, Span, content_id

    doc = gold["documents"][key]
    root = doc.get("copy_of") or key
    body = f"Gold body of the story {root}. " * 3  # copies share their original's body: the store sees copies
    claims, evs = [], []
    for i, m in enumerate(doc["mentions"], start=1):
        ev = gold["events"][m["event"]]
        cids = [f"c{i}"]
        span = Span(text=body[:10], start=0, end=10)
        claims.append(Claim(id=f"c{i}", text=f"report of {m['event']}", source=m["source"], source_type=m.get("source_type"),
                            cue="according to" if m.get("cites") else "said", hedged=bool(m.get("hedged")),
                            verification="unconfirmed" if m.get("status") == "unconfirmed" else
                            "confirmed" if m.get("status") == "confirmed" else "none stated", evidence=span))
        if m.get("denial"):
            claims.append(Claim(id=f"d{i}", text="the report is false", source=m["denial"], source_type="military", cue="denied",
                                verification="disputed", evidence=span))
            cids.append(f"d{i}")
        loc, day, sub, etype = ev["location"], m.get("date") or ev["date"], ev["sub_event_type"], ev["event_type"]
        if noisy:
            loc, day, sub, etype = _perturb(doc.get("copy_of") or key, i, loc, day, sub, etype)
        evs.append(Event(id=f"e{i}", event_type=etype, sub_event_type=sub, actor1=ev["actor1"],
                         actor2=ev["actor2"], location=Location(**loc), date=day, time_precision=1,
                         fatalities=m.get("fatalities"), injured=m.get("injured"), source=m["source"],
                         status=m.get("status") or "reported", claims=cids, evidence=[span]))
    return Record(id=content_id(key), source=Source(uri=key, content_type="text/plain", fetched_at=datetime(2025, 11, 1, tzinfo=UTC)),
                  article=Article(outlet=doc["outlet"], aggregator=doc.get("aggregator"), published=doc["published"]),
                  body=body, claims=claims, events=evs)


# --------------------------------------------------------------------------- mapping extracted mentions to gold


def _km(a: dict[str, Any], b: dict[str, Any]) -> float | None:
    from sitrep.resolve.corroborate import haversine_km

    if a.get("lat") is None or b.get("lat") is None:
        return None
    return haversine_km(a["lat"], a["lon"], b["lat"], b["lon"])


def map_mention(m: dict[str, Any], doc: dict[str, Any], gold: dict[str, Any]) -> str | None:
    """The gold event of this document that extracted mention `m` reports, or None (background/noise)."""
    from sitrep.resolve.corroborate import family, norm_name, parse_date

    best: tuple[float, str] | None = None
    for gm in doc["mentions"]:
        ev = gold["events"][gm["event"]]
        if family(m["event_type"]) != family(ev["event_type"]):
            continue
        loc = ev["location"]
        dist = _km(m, loc)
        same_name = norm_name(m.get("location_name")) in (norm_name(loc["name"]), norm_name(loc["admin1"]))
        country_level = (m.get("geo_precision") or 3) >= 3 and (m.get("iso") or "").upper() == loc["iso"]
        if dist is not None and dist > 50 and not (same_name or country_level):
            continue
        d1, d2 = parse_date(m.get("date")), parse_date(gm.get("date") or ev["date"])
        if d1 and d2 and abs((d1 - d2).days) > 3 and not doc.get("copy_of"):  # a re-post re-dates "on Sunday"
            continue
        score = (1.0 if same_name else 0.0) + (1.0 - min(dist, 50) / 50 if dist is not None else 0.3) + (0.5 if d1 == d2 else 0.0)
        score += 0.3 if m["sub_event_type"] == ev["sub_event_type"] else 0.0
        if best is None or score > best[0]:
            best = (score, gm["event"])
    return best[1] if best else None


# --------------------------------------------------------------------------- scores


def bcubed(items: list[tuple[str, str]]) -> tuple[float, float, float]:
    """items: (predicted cluster, gold cluster) per mention."""
    by_pred, by_gold = defaultdict(list), defaultdict(list)
    for i, (p, g) in enumerate(items):
        by_pred[p].append(i)
        by_gold[g].append(i)
    prec = rec = 0.0
    for p, g in items:
        same_pred = by_pred[p]
        same_gold = by_gold[g]
        both = sum(1 for j in same_pred if items[j][1] == g)
        prec += both / len(same_pred)
        rec += both / len(same_gold)
    n = len(items) or 1
    p, r = prec / n, rec / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def pairwise(items: list[tuple[str, str]]) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for (p1, g1), (p2, g2) in combinations(items, 2):
        if p1 == p2 and g1 == g2:
            tp += 1
        elif p1 == p2:
            fp += 1
        elif g1 == g2:
            fn += 1
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_store(store: Any, key_of_article: dict[str, str], gold: dict[str, Any], *, use_gold_ids: bool) -> dict[str, Any]:
    """Map stored mentions to gold events and compute every figure."""
    from sqlalchemy import select

    from sitrep.store.schema import events, mentions

    with store.engine.connect() as conn:
        ms = [dict(r._mapping) for r in conn.execute(select(mentions))]
        evs = {r.id: dict(r._mapping) for r in conn.execute(select(events))}
    items: list[tuple[str, str]] = []
    unmapped = 0
    covered: set[tuple[str, str]] = set()
    for m in ms:
        key = key_of_article.get(m["article_id"])
        if key is None:
            continue
        doc = gold["documents"][key]
        if use_gold_ids:
            idx = int(m["id"].rsplit(":e", 1)[1]) - 1
            g: str | None = doc["mentions"][idx]["event"]
        else:
            g = map_mention(m, doc, gold)
        if g is None:
            unmapped += 1
            continue
        covered.add((key, g))
        items.append((m["event_id"], g))
    b = bcubed(items)
    pw = pairwise(items)
    # the predicted event of each gold event: the one holding most of its mentions
    main: dict[str, str] = {}
    for g in gold["events"]:
        votes = Counter(p for p, gg in items if gg == g)
        if votes:
            main[g] = votes.most_common(1)[0][0]
    n_ok = sum(1 for g, p in main.items() if evs[p]["n_independent_sources"] == gold["events"][g]["n_independent_sources"])
    status_ok = sum(1 for g, p in main.items() if evs[p]["status"] == gold["events"][g]["status"])
    status_wrong = [(g, evs[p]["status"], gold["events"][g]["status"]) for g, p in main.items()
                    if evs[p]["status"] != gold["events"][g]["status"]]
    planted = [(g, f) for g, ev in gold["events"].items() for f in ev["contradictions"]]
    found = [(g, f) for g, f in planted if g in main and any(c["field"] == f for c in evs[main[g]]["contradictions"] or [])]
    gold_pairs = {(k, m["event"]) for k, d in gold["documents"].items() for m in d["mentions"]}
    n_wrong = [(g, evs[p]["n_independent_sources"], gold["events"][g]["n_independent_sources"])
               for g, p in main.items() if evs[p]["n_independent_sources"] != gold["events"][g]["n_independent_sources"]]
    return {
        "mentions_scored": len(items),
        "mentions_unmapped": unmapped,
        "gold_mention_recall": round(len(covered & gold_pairs) / len(gold_pairs), 3),
        "bcubed": {"p": round(b[0], 3), "r": round(b[1], 3), "f1": round(b[2], 3)},
        "pairwise": {"p": round(pw[0], 3), "r": round(pw[1], 3), "f1": round(pw[2], 3)},
        "n_independent_accuracy": round(n_ok / len(main), 3) if main else 0.0,
        "status_accuracy": round(status_ok / len(main), 3) if main else 0.0,
        "contradiction_recall": round(len(found) / len(planted), 3) if planted else 1.0,
        "gold_events_found": f"{len(main)}/{len(gold['events'])}",
        "predicted_events": len(evs),
        "n_independent_errors": n_wrong,
        "missed_contradictions": sorted(set(planted) - set(found)),
        "status_errors": status_wrong,
    }


# --------------------------------------------------------------------------- runs


def run_gold(gold: dict[str, Any] | None = None, order: list[str] | None = None, *, noisy: bool = False) -> dict[str, Any]:
    from sitrep.store import Store

    gold = gold or load_gold()
    order = order or sorted(gold["documents"])
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(url=f"sqlite:///{tmp}/gold.db")
        key_of: dict[str, str] = {}
        t0 = time.perf_counter()
        for key in order:
            rec = gold_record(key, gold, noisy=noisy)
            store.save(rec)
            key_of[rec.id] = key
        elapsed = time.perf_counter() - t0
        out = score_store(store, key_of, gold, use_gold_ids=True)
        store.close()
    out["seconds"] = round(elapsed, 2)
    return out


def run_end_to_end(gold: dict[str, Any]) -> dict[str, Any]:
    from sitrep.clean.duplicates import signature
    from sitrep.ingest import read_inputs
    from sitrep.models import RawDocument
    from sitrep.pipeline import process
    from sitrep.settings import Settings
    from sitrep.store import Store

    settings = Settings()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(url=f"sqlite:///{tmp}/e2e.db")
        key_of: dict[str, str] = {}
        failed: list[str] = []
        t0 = time.perf_counter()
        for raw in read_inputs([str(SAMPLES), str(SET / "articles")], settings):
            if not isinstance(raw, RawDocument):
                failed.append(raw.uri)
                continue
            key = doc_key(raw.uri)
            if key not in gold["documents"]:
                continue
            try:
                rec = process(raw, settings)
            except Exception as e:  # a benchmark reports failures, it does not stop on them
                failed.append(f"{key}: {e}")
                continue
            store.save(rec, minhash=signature(rec.body))
            key_of[rec.id] = key
        elapsed = time.perf_counter() - t0
        out = score_store(store, key_of, gold, use_gold_ids=False)
        store.close()
    out["seconds"] = round(elapsed, 1)
    out["failed"] = failed
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold-only", action="store_true", help="skip the end-to-end run (no NLP)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    gold = load_gold()
    order = ordered_keys(gold)
    n_docs = len(gold["documents"])
    results = {"documents": n_docs, "events": len(gold["events"]), "gold_mentions": run_gold(gold, order),
               "noisy_gold_mentions": run_gold(gold, order, noisy=True)}
    if not args.gold_only:
        results["end_to_end"] = run_end_to_end(gold)
    if args.json:
        print(json.dumps(results, indent=1, default=str))
        return 0
    print(f"Corroboration set: {n_docs} documents, {len(gold['events'])} gold events (tests/data/corroboration/gold.json)")
    for name, r in results.items():
        if not isinstance(r, dict):
            continue
        print(f"\n== {name.replace('_', ' ')} ({r['seconds']} s)")
        print(f"  mentions scored {r['mentions_scored']}, unmapped {r['mentions_unmapped']}, gold (doc, event) recall {r['gold_mention_recall']}")
        print(f"  B-cubed  P {r['bcubed']['p']:.3f}  R {r['bcubed']['r']:.3f}  F1 {r['bcubed']['f1']:.3f}")
        print(f"  pairwise P {r['pairwise']['p']:.3f}  R {r['pairwise']['r']:.3f}  F1 {r['pairwise']['f1']:.3f}")
        print(f"  n_independent_sources accuracy {r['n_independent_accuracy']:.3f}; status accuracy {r['status_accuracy']:.3f}")
        print(f"  contradiction recall {r['contradiction_recall']:.3f}; gold events found {r['gold_events_found']}; predicted events {r['predicted_events']}")
        if r["n_independent_errors"]:
            print(f"  n_independent errors (event, got, gold): {r['n_independent_errors']}")
        if r["status_errors"]:
            print(f"  status errors (event, got, gold): {r['status_errors']}")
        if r["missed_contradictions"]:
            print(f"  missed contradictions: {r['missed_contradictions']}")
        if r.get("failed"):
            print(f"  failed inputs: {r['failed']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
