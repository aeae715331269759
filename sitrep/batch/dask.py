"""Scale-out on Dask: the NLP runs on a Dask cluster, the store is written by this process.

    sitrep ingest --dask local PATH...                 # a LocalCluster on this machine
    sitrep ingest --dask tcp://scheduler:8786 PATH...  # an existing cluster

Inputs are read here (streamed) and submitted in bounded batches, so memory stays flat
however large the input; results are stored one transaction each as they complete, which
keeps the single-writer rule of the store (and its idempotence) exactly as in local runs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from sitrep.errors import MissingExtra, SitrepError
from sitrep.models import RawDocument, Record, Skipped
from sitrep.settings import Settings


def _process_remote(raw: RawDocument, settings: Settings) -> Record | Skipped:
    from sitrep.pipeline import process

    try:
        return process(raw, settings)
    except SitrepError as e:
        return Skipped(uri=raw.uri, reason=" ".join(str(e).split()))


# A local cluster listens on loopback only (in-process workers use no sockets), its status
# pages on a free loopback port.
_LOOPBACK: dict[str, Any] = {"host": "127.0.0.1", "dashboard_address": "127.0.0.1:0"}


def _client(address: str) -> Any:
    try:
        from distributed import Client, LocalCluster
    except ImportError as e:
        raise MissingExtra("dask", "distributed") from e
    if address == "local":
        return Client(LocalCluster(n_workers=2, threads_per_worker=1, processes=True, **_LOOPBACK))
    if address == "local-threads":  # in-process workers: for tests and notebooks
        return Client(LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                   dashboard_address=_LOOPBACK["dashboard_address"]))  # fmt: skip
    return Client(address)


def process_on_dask(
    raws: Iterable[RawDocument | Skipped], settings: Settings, address: str, *, batch: int = 64
) -> Iterator[Record | Skipped]:
    """Process documents on a Dask cluster, at most `batch` in flight at once."""
    from distributed import as_completed

    client = _client(address)
    try:
        pending = as_completed()
        in_flight = 0
        for raw in raws:
            if isinstance(raw, Skipped):
                yield raw
                continue
            pending.add(client.submit(_process_remote, raw, settings, pure=False))
            in_flight += 1
            while in_flight >= batch:
                yield next(pending).result()
                in_flight -= 1
        for fut in pending:
            yield fut.result()
    finally:
        client.close()


def ingest_on_dask(
    specs: list[str],
    settings: Settings,
    store: Any,
    address: str,
    *,
    follow: bool = False,
    on_item: Callable[[Record | Skipped, str], None] | None = None,
) -> Any:
    """`sitrep.batch.local.ingest` with the NLP on Dask; same report, same store semantics."""
    from sitrep.batch.local import store_results
    from sitrep.ingest import read_inputs

    results = process_on_dask(read_inputs(specs, settings, follow=follow), settings, address)
    return store_results(results, store, on_item=on_item)
