"""Shared fixtures. One conftest for the whole suite.

Data under ``../shared`` (real third-party pages and benchmarks) is read in place; tests
that need it use the ``shared_dir`` fixture and skip with a message when it is absent.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SITREP_SHARED_DIR", ROOT.parent / "shared"))
TEST_DATA = ROOT / "tests" / "data"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "data").is_dir():
        pytest.skip(f"../shared not found at {SHARED}: real-data tests need it beside the repository")
    return SHARED


@pytest.fixture(scope="session")
def seed_page(shared_dir: Path) -> Path:
    seeds = sorted((shared_dir / "seeds").glob("*.txt"))
    if not seeds:
        pytest.skip("no seed page under ../shared/seeds")
    return seeds[0]


@pytest.fixture()
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'test.db'}"


# --- PostgreSQL fixtures (serve/store)
# A real PostgreSQL server (Debian's binaries) started once per session on 127.0.0.1; see
# tests/pg_server.py. Without the binaries the tests skip, except in CI (CI=true), where
# .ci/run installs them and a missing server is a failure.

_IN_CI = os.environ.get("CI", "").lower() == "true"


def _pg_helpers():  # type: ignore[no-untyped-def]
    """tests/pg_server.py, imported by path (tests/ is not a package)."""
    import importlib.util
    import sys

    if "sitrep_tests_pg_server" not in sys.modules:
        spec = importlib.util.spec_from_file_location("sitrep_tests_pg_server", Path(__file__).with_name("pg_server.py"))
        assert spec and spec.loader
        mod = importlib.util.module_from_spec(spec)
        sys.modules["sitrep_tests_pg_server"] = mod
        spec.loader.exec_module(mod)
    return sys.modules["sitrep_tests_pg_server"]


@pytest.fixture(scope="session")
def pg_server():  # type: ignore[no-untyped-def]
    pg = _pg_helpers()
    if pg.find_pg_bin() is None:
        msg = "PostgreSQL server binaries not found (apt-get install postgresql)"
        if _IN_CI:
            pytest.fail(msg + "; CI must install them")
        pytest.skip(msg)
    server = pg.PgServer.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def pg_url(pg_server) -> str:  # type: ignore[no-untyped-def]
    """URL of one PostgreSQL database shared by the session."""
    return str(pg_server.create_database("sitrep_session"))


_pg_db_counter = iter(range(1, 1_000_000))


@pytest.fixture()
def fresh_pg_url(pg_server) -> str:  # type: ignore[no-untyped-def]
    """URL of a new, empty PostgreSQL database for one test."""
    return str(pg_server.create_database(f"sitrep_t{next(_pg_db_counter)}"))


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request, tmp_path: Path) -> str:  # type: ignore[no-untyped-def]
    """An empty store's URL, once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    return str(request.getfixturevalue("fresh_pg_url"))


# --- browser fixtures
# Debian's headless Chromium (/usr/bin/chromium) driven by Python Playwright; never
# `playwright install`. Skipped when Chromium is missing, except in CI.

CHROMIUM = Path(os.environ.get("SITREP_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]  # fmt: skip
SCREENSHOTS = ROOT / "artifacts" / "screenshots"


@pytest.fixture(scope="session")
def chromium():  # type: ignore[no-untyped-def]
    """A launched headless Chromium (Playwright Browser)."""
    if not CHROMIUM.exists():
        msg = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
        if _IN_CI:
            pytest.fail(msg + "; CI must install it")
        pytest.skip(msg)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture()
def live_server():  # type: ignore[no-untyped-def]
    """Start(settings, store) -> base URL: uvicorn in a thread on a free loopback port."""
    import threading
    import time

    import uvicorn

    free_port = _pg_helpers().free_port

    servers = []

    def start(settings, store) -> str:  # type: ignore[no-untyped-def]
        from sitrep.serve.app import create_app

        port = free_port()
        config = uvicorn.Config(create_app(settings, store), host="127.0.0.1", port=port, log_level="warning")
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 20
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.05)
        servers.append((server, thread))
        return f"http://127.0.0.1:{port}"

    yield start
    for server, thread in servers:
        server.should_exit = True
        thread.join(timeout=10)
