"""PLOVER gold-standard records: source / target actor accuracy of sitrep's actor rules.

Data: ../shared/data/events/plover-gsr/PLOVER_GSR_CAMEO.json (322 coded sentences). For each sentence the
trigger token is the first word of the gold ``eventText`` found in the sentence (the event is given, as in
PLOVER's actor-coding setting); ``sitrep.extract.events.sentence_actors`` gives actor1 (source) and actor2
(target). A predicted actor is correct when it shares a word with one of the gold actorTexts (case-insensitive;
demonyms and country names equated); when the gold has no target, a None prediction is correct.

    .venv/bin/python benchmarks/bench_plover.py
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _words(text: str | None) -> set[str]:
    from sitrep.extract.lexicon import country_of

    out: set[str] = set()
    for w in re.findall(r"[A-Za-z][\w-]+", text or ""):
        out.add(w.lower())
        c = country_of(w)
        if c:
            out.add(c.lower())
    return out - {"the", "of", "and", "a", "an"}


def _ok(pred: str | None, gold: list[dict[str, str]] | str) -> bool:
    golds = [g.get("actorText", "") for g in gold] if isinstance(gold, list) else []
    if not golds:
        return pred is None
    return pred is not None and any(_words(pred) & _words(g) for g in golds)


def main() -> int:
    path = SHARED / "data" / "events" / "plover-gsr" / "PLOVER_GSR_CAMEO.json"
    if not path.is_file():
        print(f"PLOVER data not found at {path}")
        return 0
    from sitrep.extract.entities import find_entities
    from sitrep.extract.events import sentence_actors
    from sitrep.extract.nlp import parse_body
    from sitrep.settings import Settings

    settings = Settings.model_validate({"relevance_gate": False})
    records = [r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("text") and "event" in r]
    src_ok = tgt_ok = n = 0
    for r in records:
        doc = parse_body(r["text"], settings)
        ents = find_entities(doc)
        words = (r.get("eventText") or "").split()
        trigger = next((t for t in doc if words and t.lower_ == words[0].lower()), None)
        sent = trigger.sent if trigger is not None else next(iter(doc.sents))
        a1, _, a2 = sentence_actors(sent, trigger, ents)
        n += 1
        src_ok += _ok(a1, r.get("source", []))
        tgt_ok += _ok(a2, r.get("target", []))
    print(f"PLOVER GSR: {n} sentences; source accuracy {src_ok / n:.3f}, target accuracy {tgt_ok / n:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
