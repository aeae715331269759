"""Hand-built records for store, export and CLI tests (no NLP model needed)."""

from __future__ import annotations

from datetime import UTC, datetime

from sitrep.models import Article, Claim, Entity, Event, Location, Record, Source, Span, content_id


def make_record(
    body: str = "Shelling hit the town of Kupiansk on Monday, killing three civilians, regional officials said.",
    *,
    outlet: str = "Kharkiv Daily",
    published: str = "2024-11-04",
    fatalities: int | None = 3,
    place: str = "Kupiansk",
    admin1: str = "Kharkiv",
    lat: float | None = 49.71,
    lon: float | None = 37.61,
    status: str = "reported",
    uri: str = "test://a",
    salt: str = "",
) -> Record:
    sent = Span(text=body, start=0, end=len(body))
    return Record(
        id=content_id(body + outlet + salt),
        source=Source(uri=uri, content_type="text/plain", fetched_at=datetime(2024, 11, 5, tzinfo=UTC)),
        article=Article(title="Shelling in " + place, authors=["A. Writer"], outlet=outlet, published=published,
                        page_date=published, date_confidence="high", language="en"),
        body=body,
        removed=["Advertisement"],
        entities=[Entity(text=place, label="GPE", start=body.find(place), end=body.find(place) + len(place))],
        claims=[Claim(id="c1", text=body, source="Regional officials", source_text="regional officials",
                      source_type="government", cue="said", evidence=sent)],
        events=[Event(id="e1", event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
                      actor1="Military Forces of Russia", actor2="Civilians (Ukraine)", inter1=8, inter2=7,
                      location=Location(name=place, admin1=admin1, country="Ukraine", iso="UA", lat=lat, lon=lon,
                                        geo_precision=1 if lat is not None else None,
                                        geonameid=(sum(map(ord, place)) * 7919) if lat is not None else None),
                      date=published, date_text="on Monday", time_precision=1, fatalities=fatalities,
                      source="Regional officials", status=status, claims=["c1"], evidence=[sent])],
    )
