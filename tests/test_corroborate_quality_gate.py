"""Quality gate for corroboration: recompute the benchmark's scores and hold them to the floors.

Gold mentions (fusion alone, no NLP, ~2 s), clean and with extraction-like noise, always; end to end (the full pipeline on the 58
pages, spaCy, ~20 s) as a slow test. Floors: tests/floors/corroborate.json.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
FLOORS = json.loads((ROOT / "tests" / "floors" / "corroborate.json").read_text(encoding="utf-8"))


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_corroboration", ROOT / "benchmarks" / "bench_corroboration.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_fusion_on_gold_mentions_meets_the_floors() -> None:
    bench = _bench()
    gold = bench.load_gold()
    got = bench.run_gold(gold, bench.ordered_keys(gold))
    floors = FLOORS["gold_mentions"]
    assert got["bcubed"]["f1"] >= floors["bcubed_f1"], got
    assert got["pairwise"]["f1"] >= floors["pairwise_f1"], got
    assert got["n_independent_accuracy"] >= floors["n_independent_accuracy"], got
    assert got["status_accuracy"] >= floors["status_accuracy"], got
    assert got["contradiction_recall"] >= floors["contradiction_recall"], got


def test_fusion_on_noisy_gold_mentions_meets_the_floors() -> None:
    """Gold mentions with extraction-like noise (coarser places, dates a day off, sibling sub-types)."""
    bench = _bench()
    gold = bench.load_gold()
    got = bench.run_gold(gold, bench.ordered_keys(gold), noisy=True)
    floors = FLOORS["noisy_gold_mentions"]
    assert got["bcubed"]["f1"] >= floors["bcubed_f1"], got
    assert got["contradiction_recall"] >= floors["contradiction_recall"], got


def test_gold_set_is_complete() -> None:
    bench = _bench()
    gold = bench.load_gold()
    assert len(gold["documents"]) >= 58 and len(gold["events"]) >= 20
    keys = bench.ordered_keys(gold)
    assert sorted(keys) == sorted(gold["documents"]), "every gold document is read by ingest, and only those"
    planted = sum(len(e["contradictions"]) for e in gold["events"].values())
    assert planted >= 10


@pytest.mark.slow
def test_end_to_end_fusion_meets_the_floor() -> None:
    bench = _bench()
    got = bench.run_end_to_end(bench.load_gold())
    assert not got["failed"], got["failed"]
    assert got["bcubed"]["f1"] >= FLOORS["end_to_end"]["bcubed_f1"], got
    assert got["contradiction_recall"] >= FLOORS["end_to_end"]["contradiction_recall"], got
