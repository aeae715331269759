"""Running the pipeline over many inputs on this machine, storing as it goes.

One writer (this process) and ``workers`` processes doing the NLP: records are stored one
transaction each as they arrive, so an interrupted run keeps what it stored and a re-run
skips what is already there (content hash).
"""

from __future__ import annotations

import logging
import multiprocessing as mp
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sitrep.errors import SitrepError
from sitrep.models import RawDocument, Record, Skipped
from sitrep.pipeline import STAGES, Stage, process, process_many
from sitrep.settings import Settings

if TYPE_CHECKING:
    from sitrep.store import Store

log = logging.getLogger("sitrep.batch")


@dataclass
class IngestReport:
    stored: int = 0
    duplicates: int = 0
    events: int = 0
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.stored + self.duplicates + len(self.skipped)

    def summary(self) -> str:
        parts = [f"{self.stored} stored", f"{self.duplicates} already stored", f"{len(self.skipped)} skipped"]
        return ", ".join(parts) + f"; {self.events} event reports"


_worker_settings: Settings | None = None


def _init_worker(settings: Settings) -> None:
    global _worker_settings
    _worker_settings = settings


def _process_one(raw: RawDocument) -> Record | Skipped:
    try:
        return process(raw, _worker_settings)
    except SitrepError as e:
        return Skipped(uri=raw.uri, reason=" ".join(str(e).split()))


def process_parallel(
    raws: Iterable[RawDocument | Skipped], settings: Settings, workers: int, *, stages: tuple[Stage, ...] = STAGES
) -> Iterator[Record | Skipped]:
    """Like :func:`process_many` but over `workers` processes (order not kept)."""
    if workers <= 1:
        yield from process_many(raws, settings, stages=stages)
        return
    passthrough: list[Skipped] = []

    def docs() -> Iterator[RawDocument]:
        for r in raws:
            if isinstance(r, Skipped):
                passthrough.append(r)
            else:
                yield r

    ctx = mp.get_context("fork")
    with ctx.Pool(workers, initializer=_init_worker, initargs=(settings,)) as pool:
        for out in pool.imap_unordered(_process_one, docs(), chunksize=4):
            while passthrough:
                yield passthrough.pop()
            yield out
    yield from passthrough


def store_results(
    items: Iterable[Record | Skipped], store: Store, *, on_item: Callable[[Record | Skipped, str], None] | None = None
) -> IngestReport:
    """Store each record in its own transaction as it arrives; collect the skipped."""
    from sitrep.clean.duplicates import signature as body_signature

    report = IngestReport()
    for item in items:
        if isinstance(item, Skipped):
            report.skipped.append(item)
            status = "skipped"
        else:
            try:
                res = store.save(item, minhash=body_signature(item.body))
            except SitrepError as e:
                item = Skipped(uri=item.source.uri, reason=" ".join(str(e).split()))
                report.skipped.append(item)
                status = "skipped"
            else:
                status = res.status
                if res.status == "stored":
                    report.stored += 1
                    report.events += res.n_events
                else:
                    report.duplicates += 1
        if on_item:
            on_item(item, status)
    return report


def ingest(
    specs: list[str],
    settings: Settings,
    store: Store,
    *,
    follow: bool = False,
    on_item: Callable[[Record | Skipped, str], None] | None = None,
) -> IngestReport:
    """Read every input, run the pipeline (``settings.workers`` processes), store each record."""
    from sitrep.ingest import read_inputs

    results = process_parallel(read_inputs(specs, settings, follow=follow), settings, settings.workers)
    return store_results(results, store, on_item=on_item)
