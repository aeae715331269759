"""Builds records.json: hand-written test articles for the service tests (run to regenerate).

Texts are written for these tests; offsets are computed, so `body[start:end] == text` holds.
    .venv/bin/python tests/data/serve/build_records.py
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from sitrep.models import Article, Claim, Entity, Event, Location, Record, Source, Span


def span(body: str, text: str) -> Span:
    i = body.index(text)
    return Span(text=text, start=i, end=i + len(text))


def ent(body: str, text: str, label: str, canonical: str | None = None) -> Entity:
    s = span(body, text)
    return Entity(text=text, label=label, start=s.start, end=s.end, canonical=canonical)


KHARKIV = Location(name="Kharkiv", admin1="Kharkivska", country="Ukraine", iso="UA", lat=49.9935, lon=36.2304,
                   geo_precision=1, geonameid=706483)
NAIROBI = Location(name="Nairobi", admin1="Nairobi County", country="Kenya", iso="KE", lat=-1.2833, lon=36.8167,
                   geo_precision=1, geonameid=184745)
KHARTOUM = Location(name="Khartoum", admin1="Khartoum", country="Sudan", iso="SD", lat=15.5518, lon=32.5324,
                    geo_precision=1, geonameid=379252)


def rec(rid: str, uri: str, article: Article, body: str, removed: list[str], entities, claims, events) -> Record:
    return Record(id=rid, source=Source(uri=uri, content_type="text/html", fetched_at=datetime(2024, 3, 11, tzinfo=UTC)),
                  article=article, body=body, removed=removed, entities=entities, claims=claims, events=events)


def build() -> list[Record]:
    out = []
    b1 = ("Shelling hit a crowded market in Kharkiv on Sunday, killing five people, the regional governor said.\n\n"
          "The governor said the strike came from artillery positions across the border. "
          "Residents described several explosions in the early afternoon.")
    c1 = Claim(id="c1", text="Shelling hit a crowded market in Kharkiv on Sunday, killing five people", source="Regional governor",
               source_text="the regional governor", source_type="government", cue="said", verification="none stated",
               evidence=span(b1, "Shelling hit a crowded market in Kharkiv on Sunday, killing five people, the regional governor said."))
    e1 = Event(id="e1", event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
               actor1="Military Forces of Russia", actor2="Civilians (Ukraine)", inter1=8, inter2=7, location=KHARKIV,
               date="2024-03-10", date_text="on Sunday", time_precision=1, fatalities=5, source="Regional governor",
               status="reported", claims=["c1"], evidence=[span(b1, "Shelling hit a crowded market in Kharkiv on Sunday, killing five people")])
    out.append(rec("a1000000000000001", "https://example-wire.test/kharkiv-market", Article(
        title="Shelling hits market in Kharkiv", outlet="Example Wire", url="https://example-wire.test/kharkiv-market",
        published="2024-03-10", page_date="2024-03-10", date_confidence="high", authors=["A. Writer"]),
        b1, ["Subscribe to our newsletter", "Share this article"],
        [ent(b1, "Kharkiv", "GPE"), ent(b1, "Sunday", "DATE")], [c1], [e1]))

    b2 = ("Seven people were killed when shells struck a market in Kharkiv on Sunday, according to the city's mayor. "
          "Emergency services said the toll could rise.")
    c2 = Claim(id="c1", text="Seven people were killed when shells struck a market in Kharkiv on Sunday", source="Mayor of Kharkiv",
               source_text="the city's mayor", source_type="government", cue="according to", verification="none stated",
               evidence=span(b2, "Seven people were killed when shells struck a market in Kharkiv on Sunday, according to the city's mayor."))
    e2 = Event(id="e1", event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
               actor1="Military Forces of Russia", inter1=8, location=KHARKIV, date="2024-03-10", date_text="on Sunday",
               time_precision=1, fatalities=7, source="Mayor of Kharkiv", status="reported", claims=["c1"],
               evidence=[span(b2, "Seven people were killed when shells struck a market in Kharkiv on Sunday")])
    out.append(rec("a2000000000000002", "https://daily-observer.test/world/kharkiv", Article(
        title="Seven killed as shells strike Kharkiv market", outlet="Daily Observer", aggregator="News Aggregator Hub",
        url="https://daily-observer.test/world/kharkiv", published="2024-03-11", date_confidence="medium"),
        b2, [], [ent(b2, "Kharkiv", "GPE")], [c2], [e2]))

    b3 = ("Thousands of people marched peacefully through Nairobi on Tuesday to protest against new taxes, organisers said. "
          "Some banners read <script>alert('x')</script> & \"no more taxes\". Police did not intervene.")
    c3 = Claim(id="c1", text="Thousands of people marched peacefully through Nairobi on Tuesday", source="Protest organisers",
               source_text="organisers", source_type="organization", cue="said", hedged=False, verification="none stated",
               evidence=span(b3, "Thousands of people marched peacefully through Nairobi on Tuesday to protest against new taxes, organisers said."))
    e3 = Event(id="e1", event_type="Protests", sub_event_type="Peaceful protest", actor1="Protesters (Kenya)", inter1=6,
               location=NAIROBI, date="2024-03-12", date_text="on Tuesday", time_precision=1, fatalities=0,
               source="Protest organisers", status="reported", claims=["c1"],
               evidence=[span(b3, "Thousands of people marched peacefully through Nairobi on Tuesday")])
    out.append(rec("a3000000000000003", "https://east-africa-post.test/nairobi-march", Article(
        title="Nairobi march against taxes <b>peaceful</b>", outlet="East Africa Post", published="2024-03-12",
        date_confidence="high"), b3, [], [ent(b3, "Nairobi", "GPE")], [c3], [e3]))

    b4 = ("Fighting between the army and the Rapid Support Forces broke out in Khartoum on Tuesday, a military spokesman said, "
          "but the RSF denied any clashes took place. The claim could not be independently verified.")
    c4 = Claim(id="c1", text="Fighting between the army and the Rapid Support Forces broke out in Khartoum on Tuesday",
               source="Military of Sudan", source_text="a military spokesman", source_type="military", cue="said",
               verification="disputed",
               evidence=span(b4, "Fighting between the army and the Rapid Support Forces broke out in Khartoum on Tuesday, a military spokesman said,"))
    e4 = Event(id="e1", event_type="Battles", sub_event_type="Armed clash", actor1="Military Forces of Sudan",
               actor2="Rapid Support Forces", inter1=1, inter2=2, location=KHARTOUM, date="2024-03-05", time_precision=1,
               source="Military of Sudan", status="disputed", claims=["c1"],
               evidence=[span(b4, "Fighting between the army and the Rapid Support Forces broke out in Khartoum on Tuesday")])
    out.append(rec("a4000000000000004", "https://nile-news.test/khartoum", Article(
        title="Army reports clashes in Khartoum; RSF denies", outlet="Nile News", published="2024-03-06",
        date_confidence="high"), b4, ["Advertisement"], [ent(b4, "Khartoum", "GPE"), ent(b4, "Rapid Support Forces", "ORG")],
        [c4], [e4]))
    return out


if __name__ == "__main__":
    path = Path(__file__).with_name("records.json")
    path.write_text(json.dumps([r.to_json_dict() for r in build()], indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {path}")
