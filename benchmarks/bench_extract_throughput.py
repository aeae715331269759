"""Extraction throughput: conflict articles/s and a mixed stream (mostly non-conflict) articles/s.

Conflict articles: the news-dev bodies repeated/concatenated to ~800 words each.
Mixed stream: the 181 gold article bodies of the Zyte article-extraction benchmark (real news of all
topics: tech, business, sport, politics...), cut to ~800 words, plus the 15 conflict articles, shuffled with
a fixed seed (mostly non-conflict, as a general news feed is).
Runs parse → entities → claims → events in one process (one core); "2 cores" = two such processes,
so the 2-core figure is reported as 2 × the single-process rate (extraction is CPU-bound, no shared state).
Peak memory = this process's max RSS. Rates are articles per CPU-second (time.process_time), so they do not
depend on other jobs sharing the machine; the wall-clock rates of the run are printed too.

    .venv/bin/python benchmarks/bench_extract_throughput.py
"""

from __future__ import annotations

import os
import resource
import sys
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _cut(text: str, words: int = 800) -> str:
    return " ".join(text.split(" ")[:words])


def main() -> int:
    news_dev = SHARED / "data" / "news-dev" / "articles"
    zyte = SHARED / "data" / "article-extraction" / "zyte-aeb" / "ground-truth.json"
    if not news_dev.is_dir() or not zyte.is_file():
        print(f"../shared data not found under {SHARED}; nothing to benchmark")
        return 0
    from sitrep.extract.claims import find_claims
    from sitrep.extract.entities import find_entities
    from sitrep.extract.events import find_events
    from sitrep.extract.nlp import is_relevant_text, parse_body
    from sitrep.models import Article
    from sitrep.settings import Settings

    settings = Settings()
    texts = [p.read_text(encoding="utf-8") for p in sorted(news_dev.glob("*.txt"))]
    conflict = [_cut(texts[i] + "\n\n" + texts[(i + 1) % len(texts)] + "\n\n" + texts[(i + 2) % len(texts)])
                for i in range(len(texts))]
    import json
    import random

    other = [_cut(v["articleBody"]) for v in json.loads(zyte.read_text(encoding="utf-8")).values() if v.get("articleBody")]
    mixed = other + conflict
    random.Random(0).shuffle(mixed)
    gated = sum(1 for t in mixed if not is_relevant_text(t))

    def run(batch: list[str]) -> float:
        # CPU seconds of this process, not wall time: the figure holds on a machine shared with other jobs
        t0 = time.process_time()
        w0 = time.perf_counter()
        for body in batch:
            doc = parse_body(body, settings)
            ents = find_entities(doc)
            claims = find_claims(doc, ents, Article())
            find_events(doc, ents, claims, Article())
        walls.append(len(batch) / (time.perf_counter() - w0))
        return len(batch) / (time.process_time() - t0)

    walls: list[float] = []

    run(conflict[:2])  # warm-up: model load
    c_rate = run(conflict)
    m_rate = run(mixed)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    words = sum(len(t.split()) for t in conflict) / len(conflict)
    print(f"conflict articles: {len(conflict)} x ~{words:.0f} words: {c_rate:.1f} articles/s on 1 core "
          f"(~{2 * c_rate:.1f}/s on 2 cores as 2 processes)")
    words_m = sum(len(t.split()) for t in mixed) / len(mixed)
    print(f"mixed stream: {len(mixed)} articles, ~{words_m:.0f} words avg, {gated} skipped by the relevance gate: "
          f"{m_rate:.1f} articles/s on 1 core (~{2 * m_rate:.1f}/s on 2 cores)")
    print(f"peak RSS: {peak_mb:.0f} MB (one process)")
    print(f"(rates are per CPU-second of one process; wall-clock rates this run: conflict {walls[1]:.1f}/s, "
          f"mixed {walls[2]:.1f}/s, load average {os.getloadavg()[0]:.1f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
