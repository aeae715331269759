"""Geoparsing benchmark on LGL and GeoWebNews (../shared/data/geoparsing).

Two tasks, reported separately (metrics as in Gritta et al., "What's missing in geoparsing?"
and "A Pragmatic Guide to Geoparsing Evaluation"):

(a) resolution given the gold toponym spans (``geoparse(text, settings, spans=...)``):
    accuracy within 161 km, mean / median error (km), AUC of the log error curve (lower is
    better); a gold toponym we leave unresolved counts as the maximum error, 20,039 km.
(b) end to end (``geoparse(text, settings)``, spaCy NER + gazetteer matching): recognition
    precision / recall / F1 on exact spans (and on overlapping spans), plus accuracy within
    161 km on the gold toponyms we recognised.

Gold: LGL toponyms with a GeoNames id and coordinates (4,462); GeoWebNews toponyms with
coordinates whose type is a literal place use (Literal, Literal_Modifier, Embedded_Literal,
Mixed, Coercion, Metonymic, Non_Lit_Expression ... all with coordinates).

    .venv/bin/python benchmarks/bench_geoparse.py                 # LGL (a) + (b), GWN (a) + (b)
    .venv/bin/python benchmarks/bench_geoparse.py --task a --limit 150
    .venv/bin/python benchmarks/bench_geoparse.py --store-url sqlite:////tmp/gn.db   # + imported GeoNames
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GEO_DIR = SHARED / "data" / "geoparsing"
MAX_KM = 20039.0


@dataclass
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None


@dataclass
class Article:
    docid: str
    text: str
    toponyms: list[GoldToponym] = field(default_factory=list)


def load_lgl(path: Path | None = None) -> list[Article]:
    root = ET.parse(path or GEO_DIR / "lgl.xml").getroot()
    out = []
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        a = Article(art.get("docid") or "", text)
        for t in art.iter("toponym"):
            lat = t.findtext("gaztag/lat")
            lon = t.findtext("gaztag/lon")
            a.toponyms.append(
                GoldToponym(
                    int(t.findtext("start") or 0),
                    int(t.findtext("end") or 0),
                    t.findtext("phrase") or "",
                    float(lat) if lat else None,
                    float(lon) if lon else None,
                )
            )
        out.append(a)
    return out


def load_gwn(path: Path | None = None) -> list[Article]:
    root = ET.parse(path or GEO_DIR / "GWN.xml").getroot()
    out = []
    for i, art in enumerate(root.iter("article")):
        text = art.findtext("text") or ""
        a = Article(art.get("file") or str(i), text)
        for t in art.iter("toponym"):
            kind = t.findtext("type") or ""
            if kind in ("Non_Toponym", "Demonym", "Language", "Homonym"):
                continue
            lat, lon = t.findtext("latitude"), t.findtext("longitude")
            a.toponyms.append(
                GoldToponym(
                    int(t.findtext("start") or 0),
                    int(t.findtext("end") or 0),
                    t.findtext("extractedName") or "",
                    float(lat) if lat else None,
                    float(lon) if lon else None,
                )
            )
        out.append(a)
    return out


def error_metrics(errors: list[float]) -> dict[str, float]:
    """acc@161, mean, median, AUC (Gritta et al.: area under the sorted log-error curve, normalised)."""
    if not errors:
        return {"n": 0, "acc161": 0.0, "mean_km": 0.0, "median_km": 0.0, "auc": 1.0}
    errs = sorted(errors)
    logs = [math.log(e + 1) for e in errs]
    if len(logs) > 1:
        area = sum((logs[i] + logs[i + 1]) / 2 for i in range(len(logs) - 1))
        auc = area / (math.log(MAX_KM) * (len(logs) - 1))
    else:
        auc = logs[0] / math.log(MAX_KM)
    return {
        "n": len(errs),
        "acc161": sum(e <= 161 for e in errs) / len(errs),
        "mean_km": statistics.fmean(errs),
        "median_km": statistics.median(errs),
        "auc": auc,
    }


@dataclass
class ResolutionError:
    """One gold toponym resolved more than 161 km away (or not at all)."""

    article: int
    text: str
    gold: tuple[float, float]
    found: str  # what we resolved it to ("name (fcode, CC, admin1) lat,lon") or "-"
    km: float


def resolution_given_spans(
    articles: list[Article], settings: object, misses: list[ResolutionError] | None = None,
    per_article: list[list[float]] | None = None,
) -> tuple[dict[str, float], float, int]:
    """Task (a). Returns metrics, seconds, toponyms resolved.

    ``misses``, when given, receives every gold toponym resolved beyond 161 km; ``per_article``
    receives the list of errors (km) of each article, in order.
    """
    from sitrep.resolve.gazetteer import haversine_km
    from sitrep.resolve.geocode import geoparse

    errors: list[float] = []
    t0 = time.perf_counter()
    count = 0
    for i, art in enumerate(articles):
        gold = [t for t in art.toponyms if t.lat is not None and t.lon is not None]
        if not gold:
            if per_article is not None:
                per_article.append([])
            continue
        found = geoparse(art.text, settings, spans=[(t.start, t.end) for t in gold])  # type: ignore[arg-type]
        count += len(gold)
        mine: list[float] = []
        for g, p in zip(gold, found, strict=True):
            if p.lat is None or p.lon is None:
                km = MAX_KM
            else:
                km = haversine_km(g.lat, g.lon, p.lat, p.lon)  # type: ignore[arg-type]
            mine.append(km)
            if misses is not None and km > 161:
                what = "-" if p.lat is None else f"{p.name} ({p.feature_code}, {p.iso}, {p.admin1}) {p.lat:.2f},{p.lon:.2f}"
                misses.append(ResolutionError(i, g.text, (g.lat, g.lon), what, km))  # type: ignore[arg-type]
        errors.extend(mine)
        if per_article is not None:
            per_article.append(mine)
    return error_metrics(errors), time.perf_counter() - t0, count


def end_to_end(articles: list[Article], settings: object) -> tuple[dict[str, float], float]:
    """Task (b): recognition P/R/F1 (exact and overlapping spans) + acc@161 on recognised gold."""
    from sitrep.resolve.gazetteer import haversine_km
    from sitrep.resolve.geocode import geoparse

    tp = fp = fn = 0
    otp = ofp = ofn = 0
    errors: list[float] = []
    t0 = time.perf_counter()
    for art in articles:
        pred = geoparse(art.text, settings)  # type: ignore[arg-type]
        gold_spans = {(t.start, t.end): t for t in art.toponyms}
        pred_spans = {(p.start, p.end): p for p in pred}
        tp += len(gold_spans.keys() & pred_spans.keys())
        fp += len(pred_spans.keys() - gold_spans.keys())
        fn += len(gold_spans.keys() - pred_spans.keys())
        for gs, g in gold_spans.items():
            hit = next((p for ps, p in pred_spans.items() if ps[0] < gs[1] and gs[0] < ps[1]), None)
            if hit is None:
                ofn += 1
                continue
            otp += 1
            if g.lat is not None and g.lon is not None:
                errors.append(MAX_KM if hit.lat is None or hit.lon is None else haversine_km(g.lat, g.lon, hit.lat, hit.lon))
        for ps in pred_spans:
            if not any(ps[0] < gs[1] and gs[0] < ps[1] for gs in gold_spans):
                ofp += 1
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    op = otp / (otp + ofp) if otp + ofp else 0.0
    orr = otp / (otp + ofn) if otp + ofn else 0.0
    m = error_metrics(errors)
    return {
        "precision": p,
        "recall": r,
        "f1": 2 * p * r / (p + r) if p + r else 0.0,
        "overlap_precision": op,
        "overlap_recall": orr,
        "overlap_f1": 2 * op * orr / (op + orr) if op + orr else 0.0,
        "acc161_recognised": m["acc161"],
        "n_resolved_gold": m["n"],
    }, time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dataset", choices=("lgl", "gwn", "both"), default="both")
    ap.add_argument("--task", choices=("a", "b", "both"), default="both")
    ap.add_argument("--limit", type=int, default=0, help="first N articles only")
    ap.add_argument("--store-url", default=None, help="a store holding imported GeoNames dumps (emulates a full import)")
    ap.add_argument("--errors", type=int, default=0, metavar="N",
                    help="task (a): print the first N gold toponyms resolved beyond 161 km, and counts by name")
    ap.add_argument("--split", action="store_true",
                    help="task (a): also report even- and odd-numbered articles (tune on even, hold out odd)")
    args = ap.parse_args()
    if not GEO_DIR.is_dir():
        print(f"../shared geoparsing data not found at {GEO_DIR}; nothing to measure")
        return 0
    from sitrep.resolve.gazetteer import Gazetteer
    from sitrep.settings import Settings

    settings = Settings(database_url=args.store_url or "sqlite:////nonexistent/sitrep-bench.db")
    t0 = time.perf_counter()
    Gazetteer.from_package()
    print(f"gazetteer loaded in {time.perf_counter() - t0:.1f}s (package data{', + store ' + args.store_url if args.store_url else ''})")
    sets = {"lgl": load_lgl, "gwn": load_gwn}
    for name in ("lgl", "gwn") if args.dataset == "both" else (args.dataset,):
        articles = sets[name]()
        if args.limit:
            articles = articles[: args.limit]
        n_gold = sum(1 for a in articles for t in a.toponyms if t.lat is not None)
        print(f"\n== {name.upper()}: {len(articles)} articles, {n_gold} gold toponyms with coordinates")
        if args.task in ("a", "both"):
            misses: list[ResolutionError] = []
            per_article: list[list[float]] = []
            m, secs, count = resolution_given_spans(articles, settings, misses, per_article)
            print(
                f"(a) resolution given gold spans: acc@161km {m['acc161']:.3f}  mean {m['mean_km']:.0f} km  "
                f"median {m['median_km']:.1f} km  AUC {m['auc']:.3f}  (n={m['n']}; {count / secs:.0f} toponyms/s, {secs:.1f}s)"
            )
            if args.split:
                for label, parity in (("even", 0), ("odd", 1)):
                    part = error_metrics([e for i, errs in enumerate(per_article) if i % 2 == parity for e in errs])
                    print(f"    {label}-numbered articles: acc@161km {part['acc161']:.3f}  median {part['median_km']:.1f} km  "
                          f"AUC {part['auc']:.3f}  (n={part['n']})")
            if args.errors:
                from collections import Counter

                print(f"    {len(misses)} beyond 161 km ({sum(e.found == '-' for e in misses)} unresolved); "
                      f"most frequent names: {Counter(e.text for e in misses).most_common(25)}")
                for e in misses[: args.errors]:
                    print(f"    art {e.article:4d} {e.text!r:28} gold {e.gold[0]:.2f},{e.gold[1]:.2f} -> {e.found}  {e.km:.0f} km")
        if args.task in ("b", "both"):
            m2, secs = end_to_end(articles, settings)
            print(
                f"(b) end to end: recognition P {m2['precision']:.3f} R {m2['recall']:.3f} F1 {m2['f1']:.3f} (exact spans); "
                f"P {m2['overlap_precision']:.3f} R {m2['overlap_recall']:.3f} F1 {m2['overlap_f1']:.3f} (overlap); "
                f"acc@161km on recognised gold {m2['acc161_recognised']:.3f} (n={m2['n_resolved_gold']}); {secs:.1f}s"
            )
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    raise SystemExit(main())
