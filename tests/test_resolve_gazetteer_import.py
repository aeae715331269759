"""import_geonames on dumps the tests generate in GeoNames' own formats (no network)."""

from __future__ import annotations

import gzip
import zipfile
from pathlib import Path

import pytest
import sqlalchemy as sa

from sitrep.errors import GazetteerError
from sitrep.resolve.gazetteer import Gazetteer, gaz_name, gaz_place, import_geonames
from sitrep.resolve.geo_names import name_key


def geoname_line(gid: int, name: str, lat: float, lon: float, cc: str, admin1: str = "", *,
                 alternates: str = "", fcode: str = "PPL", population: int = 0) -> str:
    """One row of the GeoNames ``geoname`` table (19 tab-separated columns)."""
    cols = [str(gid), name, name, alternates, f"{lat:.5f}", f"{lon:.5f}", fcode[:1] if fcode.startswith("P") else "A",
            fcode, cc, "", admin1, "", "", "", str(population), "", "150", "Europe/Moscow", "2024-01-01"]
    if fcode.startswith("P"):
        cols[6] = "P"
    return "\t".join(cols)


GOOD_ROWS = [
    geoname_line(9000001, "Plekhovo", 51.19, 35.18, "RU", "41", alternates="Plekhove,Плехово"),
    geoname_line(9000002, "Kozinka", 50.95, 35.63, "RU", "41", alternates="Козинка"),
    geoname_line(9000003, "Guyevo", 51.20, 35.30, "RU", "41", population=1200),
    geoname_line(9000004, "Zzyx Springs", 35.14, -116.10, "US", "CA", alternates="Zzyx"),
]


def write_txt(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_zip(path: Path, member: str, lines: list[str]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(member, "\n".join(lines) + "\n")
    return path


def _engine(db_url: str) -> sa.Engine:
    return sa.create_engine(db_url)


def _places(engine: sa.Engine) -> dict[int, str]:
    with engine.connect() as conn:
        return {r.geonameid: r.name for r in conn.execute(sa.select(gaz_place.c.geonameid, gaz_place.c.name))}


def test_import_country_zip_then_lookup_by_name_alternate_and_spelling(tmp_path: Path, db_url: str) -> None:
    engine = _engine(db_url)
    report = import_geonames(write_zip(tmp_path / "RU.zip", "RU.txt", GOOD_ROWS), engine)
    assert (report.kind, report.rows, report.places, report.skipped) == ("geoname", 4, 4, 0)
    assert report.names >= 6 and report.rows_per_second > 0
    gaz = Gazetteer.from_store(engine, build=False)
    assert [p.geonameid for p in gaz.lookup(name_key("Plekhove"))] == [9000001]  # alternate name
    assert [p.geonameid for p in gaz.lookup(name_key("Плехово"))] == [9000001]  # Cyrillic, transliterated
    assert gaz.get(9000003) is not None and gaz.get(9000003).population == 1200  # type: ignore[union-attr]


def test_reimport_replaces_rows_instead_of_duplicating(tmp_path: Path, db_url: str) -> None:
    engine = _engine(db_url)
    dump = write_txt(tmp_path / "RU.txt", GOOD_ROWS)
    import_geonames(dump, engine)
    import_geonames(dump, engine)
    assert len(_places(engine)) == 4
    with engine.connect() as conn:
        n = conn.execute(sa.select(sa.func.count()).select_from(gaz_name).where(gaz_name.c.geonameid == 9000001)).scalar_one()
    assert n == 2  # keys plekhovo (also Плехово transliterated) and plekhove, once each


def test_corrupt_line_mid_file_fails_and_keeps_the_old_gazetteer(tmp_path: Path, db_url: str) -> None:
    engine = _engine(db_url)
    import_geonames(write_txt(tmp_path / "good.txt", GOOD_ROWS[:2]), engine)
    bad = [geoname_line(9100000 + i, f"Village {i}", 50.0, 35.0, "RU", "41") for i in range(50)]
    bad.insert(30, "9200000\tBroken\tonly four columns")
    dump = write_txt(tmp_path / "bad.txt", bad)
    with pytest.raises(GazetteerError) as err:
        import_geonames(dump, engine)
    msg = err.value.one_line()
    assert "bad.txt" in msg and "line 31" in msg
    assert sorted(_places(engine)) == [9000001, 9000002]  # untouched, nothing of the bad file


def test_truncated_zip_fails_with_one_line_error(tmp_path: Path, db_url: str) -> None:
    engine = _engine(db_url)
    import_geonames(write_txt(tmp_path / "good.txt", GOOD_ROWS[:1]), engine)
    rows = [geoname_line(9300000 + i, f"Selo {i}", 50.0, 35.0, "RU", "41") for i in range(5000)]
    full = write_zip(tmp_path / "full.zip", "RU.txt", rows)
    data = full.read_bytes()
    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes(data[: len(data) // 2])
    with pytest.raises(GazetteerError) as err:
        import_geonames(truncated, engine)
    assert "truncated.zip" in err.value.one_line()
    assert sorted(_places(engine)) == [9000001]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("page.html", b"<html><body>Not a dump</body></html>\n"),
        ("cities.csv", b"geonameid,name,lat,lon\n1,Kyiv,50.45,30.52\n"),
        ("RU.txt.gz", gzip.compress(b"1\tx\n")),
        ("empty.txt", b""),
    ],
)
def test_wrong_file_type_is_refused(tmp_path: Path, db_url: str, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(GazetteerError) as err:
        import_geonames(path, _engine(db_url))
    assert name in err.value.one_line()


def test_missing_file_is_refused(tmp_path: Path, db_url: str) -> None:
    with pytest.raises(GazetteerError, match="not found"):
        import_geonames(tmp_path / "nope.zip", _engine(db_url))


def test_unknown_country_code_rows_are_skipped_and_counted(tmp_path: Path, db_url: str) -> None:
    engine = _engine(db_url)
    rows = [*GOOD_ROWS[:2], geoname_line(9400001, "Nowhere", 1.0, 1.0, "QQ"), geoname_line(9400002, "Sea", 1.0, 1.0, "")]
    report = import_geonames(write_txt(tmp_path / "mixed.txt", rows), engine)
    assert report.skipped == 1
    assert 9400001 not in _places(engine)
    assert 9400002 in _places(engine)  # international features have no country code


def test_alternate_names_table_adds_names(tmp_path: Path, db_url: str) -> None:
    engine = _engine(db_url)
    import_geonames(write_txt(tmp_path / "RU.txt", GOOD_ROWS), engine)
    alt = [
        "\t".join(["1", "9000002", "en", "Kozinka Village", "", "", "", "", "", ""]),
        "\t".join(["2", "9000002", "link", "https://en.wikipedia.org/wiki/Kozinka", "", "", "", "", "", ""]),
    ]
    report = import_geonames(write_zip(tmp_path / "alternateNamesV2.zip", "alternateNamesV2.txt", alt), engine)
    assert (report.kind, report.names, report.skipped) == ("alternates", 1, 1)
    gaz = Gazetteer.from_store(engine, build=False)
    assert [p.geonameid for p in gaz.lookup("kozinka village")] == [9000002]


@pytest.mark.slow
def test_geocoder_uses_imported_places_from_the_configured_store(tmp_path: Path) -> None:
    from sitrep.resolve import geocode
    from sitrep.settings import Settings

    url = f"sqlite:///{tmp_path / 'store.db'}"
    import_geonames(write_txt(tmp_path / "RU.txt", GOOD_ROWS), sa.create_engine(url))
    gaz = geocode.default_gazetteer(Settings(database_url=url))
    assert gaz.store is not None
    assert [p.geonameid for p in gaz.lookup("plekhove")] == [9000001]


def test_store_built_from_package_data_serves_lookups_and_keeps_imported_rows(
    tmp_path: Path, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sitrep.resolve import gazetteer as gz

    fake = [
        (gz.Place(2017370, "Russia", 60.0, 100.0, "RU", fclass="A", fcode="PCLI"), ["Russia"]),
        (gz.Place(538555, "Kurskaya oblast'", 51.6, 36.1, "RU", "41", fclass="A", fcode="ADM1"), ["kursk", "kurskaya oblast"]),
        (gz.Place(486816, "Sudzha", 51.19, 35.27, "RU", "41", population=6940), ["Sudzha", "Суджа"]),
        (gz.Place(9000001, "Plekhovo (package)", 51.0, 35.0, "RU", "41"), ["Plekhovo"]),
    ]
    monkeypatch.setattr(gz, "iter_package_places", lambda display=None: iter(fake))
    engine = _engine(db_url)
    import_geonames(write_txt(tmp_path / "RU.txt", GOOD_ROWS[:1]), engine)  # id 9000001 from a dump
    gaz = Gazetteer.from_store(engine)  # builds the package rows on first use
    assert gz.store_has_package(engine) and gz.store_has_imports(engine)
    assert [p.name for p in gaz.lookup("sudzha")] == ["Sudzha"]
    assert gaz.admin1[("RU", "41")].geonameid == 538555
    assert gaz.countries["RU"].name == "Russia"
    assert gaz.get(9000001).name == "Plekhovo"  # type: ignore[union-attr]  # the imported row wins
    assert {p.name for p, _key in gaz.lookup_skeleton("sdz")} == {"Sudzha"}


def test_kind_can_be_forced_and_unknown_kind_is_refused(tmp_path: Path, db_url: str) -> None:
    engine = _engine(db_url)
    dump = write_txt(tmp_path / "RU.txt", GOOD_ROWS)
    with pytest.raises(GazetteerError, match="columns"):
        import_geonames(dump, engine, kind="alternatenames")  # a geoname table read as alternate names
    assert import_geonames(dump, engine, kind="geoname").places == 4
    with pytest.raises(GazetteerError, match="unknown dump kind"):
        import_geonames(dump, engine, kind="postcodes")
