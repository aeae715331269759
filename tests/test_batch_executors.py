"""Local processes and Dask give the same stored result as a plain in-process run."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.batch.local import ingest
from sitrep.settings import Settings
from sitrep.store import Store

pytestmark = pytest.mark.slow

PAGES = [
    "DONETSK REGION, Ukraine — Russian troops attacked Ukrainian positions near the village of Kurakhivka on "
    "Wednesday, the General Staff said, adding that the assault was repelled after heavy fighting.\n\n"
    "Two Ukrainian soldiers were killed and four wounded, a brigade spokesperson told reporters.\n",
    "KHARTOUM, Sudan — The Rapid Support Forces shelled a market in Omdurman on Sunday, killing at least 15 "
    "civilians, the health ministry said in a statement.\n\nWitnesses said the shells hit during the busiest hours "
    "of trading. The RSF denied targeting civilians.\n",
    "GAO, Mali — Suspected jihadists abducted six aid workers on a road near Gao on Friday, local officials said.\n\n"
    "The army said it had launched a search operation. The claim could not be independently verified.\n",
]


@pytest.fixture()
def pages(tmp_path: Path) -> Path:
    d = tmp_path / "pages"
    d.mkdir()
    for i, text in enumerate(PAGES):
        (d / f"p{i}.txt").write_text(text * 2)
    return d


def _summary(store: Store) -> list[tuple[str, str]]:
    return sorted((e["sub_event_type"], e["location"]["name"] or "") for e in store.events())


def test_batch_two_processes_match_one(pages: Path, tmp_path: Path) -> None:
    one = Store.open(url=f"sqlite:///{tmp_path / 'one.db'}")
    two = Store.open(url=f"sqlite:///{tmp_path / 'two.db'}")
    r1 = ingest([str(pages)], Settings(workers=1), one)
    r2 = ingest([str(pages)], Settings(workers=2), two)
    assert r1.stored == r2.stored == 3
    assert _summary(one) == _summary(two) and _summary(one)


def test_batch_dask_matches_local(pages: Path, tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    from sitrep.batch.dask import ingest_on_dask

    local = Store.open(url=f"sqlite:///{tmp_path / 'local.db'}")
    dask = Store.open(url=f"sqlite:///{tmp_path / 'dask.db'}")
    ingest([str(pages)], Settings(), local)
    rep = ingest_on_dask([str(pages)], Settings(), dask, "local-threads")
    assert rep.stored == 3 and not rep.skipped
    assert _summary(local) == _summary(dask)
    again = ingest_on_dask([str(pages)], Settings(), dask, "local-threads")
    assert again.stored == 0 and again.duplicates == 3
