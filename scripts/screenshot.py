"""Take the README screenshots from a running `sitrep serve` (default http://127.0.0.1:8000).

    python scripts/screenshot.py [BASE_URL]   # writes docs/screenshot-map.png and docs/screenshot-event.png
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]  # fmt: skip


def main(base: str) -> None:
    docs = Path(__file__).resolve().parents[1] / "docs"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 850})
        page.goto(base + "/")
        page.wait_for_timeout(2500)
        page.screenshot(path=str(docs / "screenshot-map.png"))
        link = page.locator("a[href*='/events/']").first
        link.click()
        page.wait_for_timeout(1500)
        page.screenshot(path=str(docs / "screenshot-event.png"), full_page=False)
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000")
