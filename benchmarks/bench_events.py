"""news-dev: events, claims and entities against the (reviewed) draft gold, via sitrep.evaluate.

Runs extraction + resolution (geocoding when sitrep.resolve.geocode is installed) on the 15 article texts
as given (no cleaning stage; published date from meta, or the inferred date), applies the corrections in
tests/data/gold/, and prints the report. Matching rules: see sitrep/evaluate.py.

    .venv/bin/python benchmarks/bench_events.py [--json]
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def main() -> int:
    news_dev = SHARED / "data" / "news-dev"
    if not news_dev.is_dir():
        print(f"news-dev not found at {news_dev}")
        return 0
    from sitrep.evaluate import evaluate, format_report, load_gold, news_dev_records

    t0 = time.perf_counter()
    report = evaluate(news_dev_records(news_dev), load_gold(news_dev / "gold", ROOT / "tests" / "data" / "gold"))
    if "--json" in sys.argv:
        print(json.dumps(report.as_dict(), indent=1))
    else:
        print(format_report(report))
        print(f"missed required gold events: {', '.join(report.missed_events) or 'none'}")
        print(f"({time.perf_counter() - t0:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
