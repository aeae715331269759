"""Quality gate: geocoding accuracy must not drop below the floors in tests/floors/geocode.json.

Recomputes (a) LGL and GeoWebNews resolution given the gold toponym spans (all articles: a few
seconds, no spaCy) and (b) Eyes on Russia town + province → verified point on a fixed subset, with the
same code as benchmarks/bench_geoparse.py and benchmarks/bench_eyesonrussia.py.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from sitrep.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
FLOORS = json.loads((ROOT / "tests" / "floors" / "geocode.json").read_text(encoding="utf-8"))
SETTINGS = Settings(database_url="sqlite:////nonexistent-dir/sitrep-gate.db")


def _bench(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_lgl_resolution_given_gold_spans_stays_above_floor(shared_dir: Path) -> None:
    bench = _bench("bench_geoparse")
    articles = bench.load_lgl(shared_dir / "data" / "geoparsing" / "lgl.xml")
    metrics, _secs, count = bench.resolution_given_spans(articles, SETTINGS)
    floor = FLOORS["lgl_resolution_given_spans"]
    assert count == floor["toponyms"]
    assert metrics["acc161"] >= floor["acc161"], metrics
    assert metrics["auc"] <= floor["auc_max"], metrics


@pytest.mark.slow
def test_gwn_resolution_given_gold_spans_stays_above_floor(shared_dir: Path) -> None:
    bench = _bench("bench_geoparse")
    articles = bench.load_gwn(shared_dir / "data" / "geoparsing" / "GWN.xml")
    metrics, _secs, count = bench.resolution_given_spans(articles, SETTINGS)
    floor = FLOORS["gwn_resolution_given_spans"]
    assert count == floor["toponyms"]
    assert metrics["acc161"] >= floor["acc161"], metrics
    assert metrics["auc"] <= floor["auc_max"], metrics


@pytest.mark.slow
def test_eyesonrussia_subset_within_50km_stays_above_floor(shared_dir: Path) -> None:
    bench = _bench("bench_eyesonrussia")
    floor = FLOORS["eyesonrussia_subset"]
    rows = bench.load_rows(floor["rows"])
    metrics = bench.evaluate(rows, SETTINGS)
    assert metrics["within50"] >= floor["within50"], metrics
    assert metrics["within10"] >= floor["within10"], metrics
