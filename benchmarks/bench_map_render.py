"""First render of the map page in headless Chromium with a large store.

    .venv/bin/python benchmarks/bench_map_render.py [--events 100000] [--articles 20000] [--runs 5]

Uses the SQLite store that benchmarks/bench_api_load.py generates (built here if missing),
serves it with `sitrep.serve.run_server` in another process on 127.0.0.1, and loads the
map page in Debian's Chromium (/usr/bin/chromium) through Playwright, each run in a fresh
browser context (empty HTTP cache). "First render" is the page's own performance mark
`sitrep-map-ready`: milliseconds from navigation start until the country shapes and the
events (points, or per-region circles when dense) are drawn. Goal: under 1 s.
A screenshot of each page's first run goes to artifacts/screenshots/bench_map_N.png.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_api_load as api  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = HERE.parent / "artifacts" / "screenshots"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]  # fmt: skip
PAGES = {
    "all events (regions)": "/",
    "one country (regions)": "/?country=UA",
    "one month, one type (points)": "/?type=Battles&since=2024-06-01&until=2024-06-30",
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--articles", type=int, default=20_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--cache-seconds", type=float, default=2.0)
    args = ap.parse_args()
    if not CHROMIUM.exists():
        print(f"Chromium not found at {CHROMIUM} (apt-get install chromium): nothing measured")
        return
    from playwright.sync_api import sync_playwright

    api.CACHE.mkdir(parents=True, exist_ok=True)
    path = api.CACHE / f"api_{args.events}_{args.articles}.db"
    if not path.exists():
        ids = api.build_store(f"sqlite:///{path}", args.events, args.articles)["event_ids"]
        path.with_suffix(".ids").write_text("\n".join(ids))
    proc, base = api.start_server(f"sqlite:///{path}", 1, args.cache_seconds)
    print(f"map first render: {args.events:,} events, SQLite, Chromium headless, {args.runs} runs per page, fresh context each")
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
            shots: list[str] = []
            for name, url in PAGES.items():
                times: list[float] = []
                parts: list[list[float]] = []
                for _ in range(args.runs):
                    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
                    page = ctx.new_page()
                    page.goto(base + url)
                    # (wait_for_function would need 'unsafe-eval', which the page's CSP forbids)
                    page.wait_for_selector("body[data-map-ready]", state="attached", timeout=30000)
                    page.wait_for_selector("body[data-basemap-ready]", state="attached", timeout=30000)
                    times.append(page.evaluate("performance.getEntriesByName('sitrep-map-ready')[0].startTime"))
                    parts.append(page.evaluate("[performance.getEntriesByName('sitrep-basemap-ready')[0].startTime, "
                                               "performance.getEntriesByName('sitrep-data-ready')[0].startTime, "
                                               "performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd]"))
                    if len(times) == 1:
                        SHOTS.mkdir(parents=True, exist_ok=True)
                        page.screenshot(path=str(SHOTS / f"bench_map_{len(shots)}.png"))
                        shots.append(name)
                    ctx.close()
                print(f"  {name:32} median {statistics.median(times):6.0f} ms   first {times[0]:6.0f} ms   max {max(times):6.0f} ms"
                      f"   (medians: scripts loaded {statistics.median(p[2] for p in parts):4.0f} ms, basemap {statistics.median(p[0] for p in parts):4.0f} ms, "
                      f"events {statistics.median(p[1] for p in parts):4.0f} ms)")
            browser.close()
    finally:
        proc.terminate()
        proc.wait(20)


if __name__ == "__main__":
    main()
