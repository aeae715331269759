"""Country points: the main-landmass centroid of an outline and the tabulated-point consensus rule."""

from __future__ import annotations

from sitrep.resolve import gazetteer
from sitrep.resolve.gazetteer import _main_landmass_point


def _square(lon: float, lat: float, size: float) -> list[list[float]]:
    return [[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]


def test_main_landmass_point_is_the_centroid_of_the_largest_polygon() -> None:
    outline = {
        "type": "FeatureCollection",
        "features": [{"type": "Feature", "geometry": {
            "type": "MultiPolygon",
            "coordinates": [[_square(10.0, 40.0, 1.0)], [_square(20.0, 0.0, 4.0)]],
        }}],
    }
    lat, lon = _main_landmass_point(outline)  # type: ignore[misc]
    assert abs(lat - 2.0) < 1e-6 and abs(lon - 22.0) < 1e-6
    assert _main_landmass_point(repr(outline)) == (lat, lon)  # countryinfo stores a Python repr
    assert _main_landmass_point("not an outline {") is None


def test_tabulated_point_is_kept_unless_both_estimates_agree_against_it() -> None:
    points = gazetteer._country_points({})
    assert len(points) > 200  # countryinfo ships ~250 countries
    ru = points["RU"]
    # settled-area estimate far from both the tabulated point and the landmass centroid: kept
    assert gazetteer._country_points({"RU": (55.0, 66.7)})["RU"] == ru
    # the US tabulated point (38, -97) is > 161 km from both estimates near 39.4, -98.5: replaced
    us = gazetteer._country_points({"US": (39.3, -98.1)})["US"]
    assert us != points["US"]
    assert 38.5 < us[0] < 40.5 and -100.0 < us[1] < -97.5
