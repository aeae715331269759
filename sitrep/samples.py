"""The bundled sample pages: written by the sitrep team, modelled on real aggregator copies,
news HTML pages and RSS feeds (fictional outlets, people and figures; real place names)."""

from __future__ import annotations

from pathlib import Path


def samples_dir() -> Path:
    return Path(__file__).with_name("data") / "samples"
