"""sitrep.evaluate on hand-built records and gold (no model)."""

from __future__ import annotations

from sitrep.evaluate import PRF, evaluate, format_report, fuzzy_equal
from sitrep.models import Claim, Event, Location, Record, Source, Span, utcnow

BODY = "Rebels shelled Kadugli on Monday, the army said. Nothing else happened."


def _record() -> Record:
    s1 = Span(text="Rebels shelled Kadugli on Monday, the army said.", start=0, end=48)
    ev = Event(id="e1", event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
               actor1="Unidentified Armed Group (Sudan)", location=Location(name="Kadugli"), evidence=[s1])
    fp = Event(id="e2", event_type="Battles", sub_event_type="Armed clash", location=Location(name="Elsewhere"),
               evidence=[s1])
    cl = Claim(id="c1", text="Rebels shelled Kadugli on Monday", source="army", source_type="military", cue="said",
               evidence=s1)
    return Record(id="x", source=Source(uri="x", content_type="text/plain", fetched_at=utcnow()), body=BODY,
                  events=[ev, fp], claims=[cl])


GOLD = {
    "events": [
        {"event_type": "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack",
         "actor1": "Unidentified armed group", "actor2": None, "location": "Kadugli (South Kordofan)",
         "evidence": "Rebels shelled Kadugli on Monday, the army said.", "status": "reported", "salience": "main"},
        {"event_type": "Battles", "sub_event_type": "Armed clash", "actor1": "X", "location": "Far away",
         "evidence": "Nothing else happened.", "salience": "background"},
    ],
    "claims": [{"claim": "Rebels shelled Kadugli on Monday", "evidence": "Rebels shelled Kadugli on Monday, the army said.",
                "source": "the army", "cue": "said"}],
    "entities": {},
}


def test_fuzzy_equal() -> None:
    assert fuzzy_equal("Kadugli", "Kadugli (South Kordofan)")
    assert fuzzy_equal("Military Forces of Russia", "Military Forces of Russia; Wagner")
    assert not fuzzy_equal("Military Forces of Russia", "Hamas")
    assert fuzzy_equal(None, None) and not fuzzy_equal("x", None)


def test_evaluate_counts_tp_fp_and_ignores_background() -> None:
    report = evaluate({"1": _record()}, {"1": GOLD})
    assert (report.events.tp, report.events.fp, report.events.fn) == (1, 1, 0)
    assert report.field_accuracy()["sub_event_type"] == 1.0
    assert report.claims["source_exact"].tp == 1 and report.claims["cue_exact"].tp == 1
    assert report.claims["content_exact"].f1 == 1.0
    text = format_report(report)
    assert "event" in text and "source_exact" in text


def test_prf_arithmetic() -> None:
    p = PRF(tp=3, fp=1, fn=3)
    assert p.precision == 0.75 and p.recall == 0.5 and abs(p.f1 - 0.6) < 1e-9
    assert PRF().f1 == 0.0
