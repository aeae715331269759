"""Load on the REST API with a large generated store: throughput and p50/p99 latency.

    .venv/bin/python benchmarks/bench_api_load.py [--db sqlite|postgres|both] [--events 100000]
        [--articles 20000] [--duration 10] [--connections 16] [--workers 1] [--tool wrk|python]
        [--cache-seconds 2] [--rebuild]

1. Generates a store (events, articles, mentions, claims) by bulk-inserting rows directly
   (no NLP): N events over 2 years, 15 countries, ACLED types, 5 events per article.
   The SQLite file is cached under $TMPDIR/sitrep-bench/ between runs (--rebuild to redo).
2. Starts `sitrep.serve.run_server` in a separate process on 127.0.0.1 (a free port).
3. Warms up for 3 s (every URL at least once), then loads each endpoint from this
   process for --duration seconds with --connections
   concurrent keep-alive connections, rotating through a fixed set of URLs (different
   filters, ids and words), with wrk (Debian package) when installed, else a thread pool of
   httpx clients. Traffic goes to loopback only; every run is bounded in time.

Synthetic data only, so it needs no ../shared.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = Path(tempfile.gettempdir()) / "sitrep-bench"

COUNTRIES = {
    "UA": ("Ukraine", 49.0, 32.0, ["Kharkivska", "Donetska", "Kyivska", "Odeska", "Zaporizka"]),
    "SD": ("Sudan", 15.5, 30.0, ["Khartoum", "North Darfur", "South Kordofan", "Gezira"]),
    "SY": ("Syria", 35.0, 38.0, ["Aleppo", "Idlib", "Deir ez Zor", "Homs"]),
    "ML": ("Mali", 16.0, -2.0, ["Gao", "Mopti", "Timbuktu", "Kidal"]),
    "BF": ("Burkina Faso", 12.5, -1.5, ["Sahel", "Est", "Centre-Nord"]),
    "NG": ("Nigeria", 10.0, 8.0, ["Borno", "Zamfara", "Kaduna", "Benue"]),
    "CD": ("Democratic Republic of Congo", -2.0, 28.0, ["North Kivu", "Ituri", "South Kivu"]),
    "SO": ("Somalia", 5.0, 46.0, ["Banadir", "Lower Shabelle", "Bay"]),
    "MM": ("Myanmar", 21.0, 96.0, ["Sagaing", "Rakhine", "Shan", "Kachin"]),
    "YE": ("Yemen", 15.5, 47.0, ["Marib", "Taizz", "Al Hudaydah"]),
    "PS": ("Palestine", 31.5, 34.45, ["Gaza Strip", "West Bank"]),
    "ET": ("Ethiopia", 9.0, 39.0, ["Amhara", "Oromia", "Tigray"]),
    "HT": ("Haiti", 18.9, -72.3, ["Ouest", "Artibonite"]),
    "MX": ("Mexico", 23.0, -102.0, ["Guerrero", "Michoacan", "Sinaloa", "Jalisco"]),
    "CO": ("Colombia", 4.0, -73.0, ["Cauca", "Antioquia", "Norte de Santander"]),
}
ACTORS = [f"{kind} {n}" for kind in ("Military Forces of", "Militia", "Rebel Group", "Police Forces of", "Protesters") for n in
          ("Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India", "Juliet")]  # fmt: skip
WORDS = ("shelling market convoy checkpoint village airstrike drone protest curfew ceasefire hostage ambush "
         "artillery barracks refugees hospital bridge fuel clinic school harvest river border patrol").split()  # fmt: skip
STATUSES = ["reported"] * 6 + ["confirmed"] * 3 + ["unconfirmed", "disputed"]


def load_helpers(name: str, path: Path):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


# --------------------------------------------------------------------------- data


def build_store(url: str, n_events: int, n_articles: int, seed: int = 7) -> dict[str, list[str]]:
    """Bulk-insert a synthetic store; returns sample ids/words for the load URLs."""
    from sqlalchemy import insert

    from sitrep.models import ACLED_TAXONOMY
    from sitrep.store import Store
    from sitrep.store.schema import articles, claims, events, mentions

    rng = random.Random(seed)
    store = Store.open(url=url)
    t0 = time.perf_counter()
    now = datetime(2025, 1, 1, tzinfo=UTC)
    start = date(2023, 1, 1)
    types = list(ACLED_TAXONOMY.items())
    art_rows, claim_rows = [], []
    # A Zipf-like vocabulary (common words, then 5,000 rarer terms) so that a search word
    # matches a realistic share of articles rather than all of them.
    vocab = list(WORDS) + [f"term{n}" for n in range(5000)]
    weights = [1.0 / (rank + 1) for rank in range(len(vocab))]
    for a in range(n_articles):
        words = " ".join(rng.choices(vocab, weights, k=220))
        aid = f"b{a:015d}"
        pub = (start + timedelta(days=rng.randrange(730))).isoformat()
        art_rows.append({
            "id": aid, "uri": f"https://outlet{a % 300}.test/{a}", "content_type": "text/html", "fetched_at": now,
            "url": f"https://outlet{a % 300}.test/{a}", "title": f"Report {a}: {rng.choice(WORDS)} {rng.choice(WORDS)}",
            "authors": [], "outlet": f"Outlet {a % 300}", "aggregator": None, "language": "en", "dateline": None,
            "published": pub, "page_date": pub, "date_confidence": "high", "body": words.capitalize() + ".",
            "removed": [], "body_hash": f"{a:032x}", "minhash": None, "canonical_id": None,
            "record": {"id": aid, "entities": [], "claims": []}, "ingested_at": now,
        })  # fmt: skip
        claim_rows.append({
            "id": f"{aid}:c1", "article_id": aid, "text": words[:120], "source": f"Official {a % 40}",
            "source_text": "an official", "source_type": "government", "cue": "said", "hedged": False,
            "verification": "none stated", "evidence_text": words[:120], "evidence_start": 0, "evidence_end": 120,
            "cluster_id": None,
        })  # fmt: skip
    ev_rows, m_rows = [], []
    isos = list(COUNTRIES)
    for i in range(n_events):
        iso = rng.choice(isos)
        country, lat0, lon0, admins = COUNTRIES[iso]
        et, subs = types[rng.randrange(len(types))]
        d = (start + timedelta(days=rng.randrange(730))).isoformat() if rng.random() > 0.02 else None
        fat = rng.choice([None, 0, 0, 1, 2, 3, 5, 8, 12, 20])
        loc = f"Town{rng.randrange(400)}"
        eid = f"ev_{i:016x}"
        status = rng.choice(STATUSES)
        row = {
            "event_type": et, "sub_event_type": rng.choice(subs), "actor1": rng.choice(ACTORS), "assoc_actor1": None,
            "actor2": rng.choice(ACTORS) if rng.random() < 0.6 else None, "assoc_actor2": None, "inter1": rng.randrange(1, 9),
            "inter2": None, "location_name": loc, "admin1": rng.choice(admins), "admin2": None, "country": country,
            "iso": iso, "lat": lat0 + rng.uniform(-2, 2), "lon": lon0 + rng.uniform(-2, 2), "geo_precision": 1,
            "geonameid": None, "date": d, "time_precision": 1, "fatalities": fat, "injured": None, "status": status,
        }  # fmt: skip
        ev_rows.append({**row, "id": eid, "status_reason": "generated", "n_reports": 1, "n_independent_sources": rng.choice([1, 1, 2, 3]),
                        "sources": [{"name": f"Official {i % 40}"}], "contradictions": [], "fatalities_low": fat,
                        "fatalities_high": fat, "notes": None, "created_at": now, "updated_at": now})  # fmt: skip
        aid = f"b{i % n_articles:015d}"
        m_rows.append({**row, "id": f"{aid}:e{i}", "article_id": aid, "event_id": eid, "date_text": None,
                       "source": f"Official {i % 40}", "claim_ids": [f"{aid}:c1"],
                       "evidence": [{"text": "x", "start": 0, "end": 1}], "pinned": False})  # fmt: skip
    with store.engine.begin() as conn:
        for table, rows in ((articles, art_rows), (claims, claim_rows), (events, ev_rows), (mentions, m_rows)):
            for k in range(0, len(rows), 2000):
                conn.execute(insert(table), rows[k : k + 2000])
    if store.engine.dialect.name == "postgresql":
        with store.engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
            conn.commit()
    else:
        with store.engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
    store.close()
    print(f"  built {n_events:,} events, {n_articles:,} articles in {time.perf_counter() - t0:.1f} s")
    return {"event_ids": [r["id"] for r in rng.sample(ev_rows, 2000)]}


# --------------------------------------------------------------------------- load


def scenario_paths(event_ids: list[str], rng: random.Random) -> dict[str, list[str]]:
    from sitrep.models import ACLED_TAXONOMY

    types = list(ACLED_TAXONOMY)
    isos = list(COUNTRIES)
    lists, maps = [], []
    for k in range(40):
        y, m = 2023 + k % 2, 1 + k % 12
        lists.append(f"/api/events?type={types[k % 6].replace(' ', '%20').replace('/', '%2F')}&since={y}-{m:02d}-01&limit=50")
        lists.append(f"/api/events?country={isos[k % len(isos)]}&status={STATUSES[k % len(STATUSES)]}&limit=50")
        maps.append(f"/api/map?country={isos[k % len(isos)]}&since={y}-{m:02d}-01")
        maps.append(f"/api/map?type={types[k % 6].replace(' ', '%20').replace('/', '%2F')}&since={y}-{m:02d}-01&until={y}-{m:02d}-28")
    return {
        "event list (filtered)": lists,
        "one event": [f"/api/events/{e}" for e in event_ids[:500]],
        "search": [f"/api/search?q=term{n}&kind=articles&limit=20" for n in rng.sample(range(20, 2000), 40)]
        + [f"/api/search?q={w}+term{n}&kind=articles&limit=20" for w, n in zip(WORDS, rng.sample(range(5, 200), 20), strict=False)]
        + [f"/api/search?q={a}+{b}&kind=events&limit=20" for a, b in zip(["Militia", "Rebel", "Police", "Protesters"] * 3, ["Alpha", "Bravo", "Echo"] * 4, strict=False)],
        "map aggregate": maps,
    }


def start_server(url: str, workers: int, cache_seconds: float) -> tuple[subprocess.Popen[bytes], str]:
    sys.path.insert(0, str(ROOT / "tests"))
    from pg_server import free_port

    port = free_port()
    code = ("import sys; from sitrep.settings import Settings; from sitrep.serve import run_server; "
            f"run_server(Settings(database_url={url!r}), '127.0.0.1', {port}, workers={workers}, log_level='warning')")  # fmt: skip
    env = {**os.environ, "SITREP_API_CACHE_SECONDS": str(cache_seconds)}
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=env)
    import httpx

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2).status_code == 200:
                return proc, f"http://127.0.0.1:{port}"
        except httpx.HTTPError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError("server did not start")


WRK_LUA = """
local paths = {}
for line in io.lines("%s") do paths[#paths + 1] = line end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %%d %%d %%d %%.3f %%.3f %%.3f\\n", summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout,
    summary.duration, latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.mean / 1000))
end
"""


def load_wrk(base: str, paths: list[str], duration: float, conns: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as d:
        plist = Path(d) / "paths.txt"
        plist.write_text("\n".join(paths) + "\n")
        script = Path(d) / "rotate.lua"
        script.write_text(WRK_LUA % plist)
        out = subprocess.run(["wrk", "-t1", f"-c{conns}", f"-d{int(duration)}s", "--timeout", "5s", "-s", str(script), base],
                             capture_output=True, text=True, timeout=duration + 60).stdout  # fmt: skip
    line = next(ln for ln in out.splitlines() if ln.startswith("RESULT"))
    n, errors, dur_us, p50, p99, mean = line.split()[1:]
    return {"requests": int(n), "errors": int(errors), "rps": int(n) / (int(dur_us) / 1e6), "p50_ms": float(p50),
            "p99_ms": float(p99), "mean_ms": float(mean)}  # fmt: skip


def load_python(base: str, paths: list[str], duration: float, conns: int) -> dict[str, float]:
    import httpx

    lat: list[float] = []
    errors = [0]
    stop = time.monotonic() + duration
    lock = threading.Lock()

    def worker(k: int) -> None:
        mine: list[float] = []
        with httpx.Client(base_url=base, timeout=5) as c:
            i = k
            while time.monotonic() < stop:
                t = time.perf_counter()
                r = c.get(paths[i % len(paths)])
                mine.append((time.perf_counter() - t) * 1000)
                if r.status_code != 200:
                    errors[0] += 1
                i += conns
        with lock:
            lat.extend(mine)

    t0 = time.monotonic()
    threads = [threading.Thread(target=worker, args=(k,)) for k in range(conns)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.monotonic() - t0
    q = statistics.quantiles(lat, n=100)
    return {"requests": len(lat), "errors": errors[0], "rps": len(lat) / wall, "p50_ms": q[49], "p99_ms": q[98],
            "mean_ms": statistics.fmean(lat)}  # fmt: skip


def run_db(kind: str, args: argparse.Namespace) -> None:
    pg = None
    if kind == "sqlite":
        CACHE.mkdir(parents=True, exist_ok=True)
        path = CACHE / f"api_{args.events}_{args.articles}.db"
        url = f"sqlite:///{path}"
        meta = path.with_suffix(".ids")
        if args.rebuild or not path.exists() or not meta.exists():
            for p in (path, meta):
                p.unlink(missing_ok=True)
            ids = build_store(url, args.events, args.articles)["event_ids"]
            meta.write_text("\n".join(ids))
        event_ids = meta.read_text().split()
    else:
        pg_mod = load_helpers("sitrep_bench_pg", ROOT / "tests" / "pg_server.py")
        if pg_mod.find_pg_bin() is None:
            print("  PostgreSQL binaries not found (apt-get install postgresql): skipped")
            return
        pg = pg_mod.PgServer.start()
        url = pg.create_database("sitrep_bench")
        event_ids = build_store(url, args.events, args.articles)["event_ids"]
    proc, base = start_server(url, args.workers, args.cache_seconds)
    try:
        rng = random.Random(1)
        tool = args.tool if args.tool != "auto" else ("wrk" if shutil.which("wrk") else "python")
        print(f"  server: {args.workers} uvicorn worker(s) on {base}, read cache {args.cache_seconds:g} s; load: {tool}, "
              f"{args.connections} connections, {args.duration:.0f} s per endpoint")  # fmt: skip
        print(f"  {'endpoint':24} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
        for name, paths in scenario_paths(event_ids, rng).items():
            rng.shuffle(paths)
            load = load_wrk if tool == "wrk" else load_python
            load(base, paths, 3, args.connections)  # warm-up: every URL at least once (fills the read cache)
            r = load(base, paths, args.duration, args.connections)
            print(f"  {name:24} {r['rps']:8.0f} {r['p50_ms']:8.1f} {r['p99_ms']:8.1f} {r['errors']:7d}")
    finally:
        proc.terminate()
        proc.wait(20)
        if pg:
            pg.stop()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--articles", type=int, default=20_000)
    ap.add_argument("--duration", type=float, default=10.0)
    ap.add_argument("--connections", type=int, default=16)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--tool", choices=["auto", "wrk", "python"], default="auto")
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--cache-seconds", type=float, default=2.0, help="The server's read cache (0 = off).")
    args = ap.parse_args()
    os.environ.setdefault("PYTHONHASHSEED", "0")
    print(f"sitrep API load benchmark: {args.events:,} events, {args.articles:,} articles, {os.cpu_count()} cores")
    for kind in (["sqlite", "postgres"] if args.db == "both" else [args.db]):
        print(f"\n[{kind}]")
        run_db(kind, args)


if __name__ == "__main__":
    main()
