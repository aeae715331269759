"""CASE 2021 task 2: sub-event typing of ACLED-style snippets with sitrep's trigger rules.

Data: ../shared/data/events/case2021-task2/dev_half_even_ids.tsv (510 snippets; 25 ACLED sub-types + 5
"unseen" types). We score the rows whose gold is one of the 25 ACLED types (the shared task's sub-task a)
with ``sitrep.extract.events.classify_sub_event`` (rule order = priority; no match = wrong), and report
how often the 5 unseen types get (wrongly) an ACLED label.

End to end: the whole extractor (``find_events``: relevance gate, salience, conflict context, actors) on each
snippet. Every ACLED-typed snippet reports one event: the share where an event is found, and where one has
the gold sub-type (detection recall); and the share of unseen-type snippets (disasters, diplomacy, crime)
where an event is found anyway (lower is better).

Published (Haneczok et al., CASE 2021, aclanthology 2021.case-1.23): best sub-task (a) system 83.9 weighted
F1 (fine-tuned transformers trained on ACLED notes); our rules use no training data.

    .venv/bin/python benchmarks/bench_case2021.py
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CODES = {
    "ABDUCT_DISSAP": "Abduction/forced disappearance", "AGREEMENT": "Agreement", "AIR_STRIKE": "Air/drone strike",
    "ARMED_CLASH": "Armed clash", "ARREST": "Arrests", "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "ATTACK": "Attack", "CHANGE_TO_GROUP_ACT": "Change to group/activity", "CHEM_WEAP": "Chemical weapon",
    "DISR_WEAP": "Disrupted weapons use", "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "GOV_REGAINS_TERIT": "Government regains territory", "GRENADE": "Grenade",
    "HQ_ESTABLISHED": "Headquarters or base established", "MOB_VIOL": "Mob violence",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory", "OTHER": "Other", "PEACE_PROTEST": "Peaceful protest",
    "PROPERTY_DISTRUCT": "Looting/property destruction", "PROTEST_WITH_INTER": "Protest with intervention",
    "REM_EXPLOS": "Remote explosive/landmine/IED", "SEX_VIOL": "Sexual violence", "SUIC_BOMB": "Suicide bomb",
    "VIOL_DEMONSTR": "Violent demonstration",
}


def load(path: Path) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8") as f:
        return [(r["EventSnippet"], r["SubType"]) for r in csv.DictReader(f, delimiter="\t")]


def score(rows: list[tuple[str, str]]) -> dict[str, float]:
    from sitrep.extract.events import classify_sub_event

    labels = sorted(set(CODES.values()))
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    seen = [(t, CODES[g]) for t, g in rows if g in CODES]
    for text, gold in seen:
        pred = classify_sub_event(text)
        if pred == gold:
            tp[gold] += 1
        else:
            fn[gold] += 1
            if pred:
                fp[pred] += 1
    f1s = []
    for lab in labels:
        if tp[lab] + fn[lab] == 0:
            continue
        p = tp[lab] / (tp[lab] + fp[lab]) if tp[lab] + fp[lab] else 0.0
        r = tp[lab] / (tp[lab] + fn[lab])
        f1s.append(2 * p * r / (p + r) if p + r else 0.0)
    micro_p = sum(tp.values()) / max(1, sum(tp.values()) + sum(fp.values()))
    micro_r = sum(tp.values()) / max(1, len(seen))
    unseen = [t for t, g in rows if g not in CODES]
    return {
        "n": len(seen),
        "micro_f1": 2 * micro_p * micro_r / (micro_p + micro_r) if micro_p + micro_r else 0.0,
        "macro_f1": sum(f1s) / len(f1s),
        "accuracy": sum(tp.values()) / max(1, len(seen)),
        "unseen_n": len(unseen),
        "unseen_labelled": sum(1 for t in unseen if classify_sub_event(t)),
    }


def main() -> int:
    path = SHARED / "data" / "events" / "case2021-task2" / "dev_half_even_ids.tsv"
    if not path.is_file():
        print(f"CASE 2021 data not found at {path}")
        return 0
    s = score(load(path))
    print(f"CASE 2021 task 2 dev half, 25 ACLED types: n={s['n']}  micro F1 {s['micro_f1']:.3f}  "
          f"macro F1 {s['macro_f1']:.3f}  accuracy {s['accuracy']:.3f}")
    print(f"unseen types (disaster, diplomacy, crime, attribution): {s['unseen_labelled']}/{s['unseen_n']} "
          f"given an ACLED label (lower is better)")
    print("published best (trained transformers, sub-task a, test set): weighted F1 0.839")
    rows = load(path)
    detected, typed = end_to_end([(t, g) for t, g in rows if g in CODES])
    print(f"end to end (parse → events, relevance gate on, no publication date): an event found in "
          f"{detected:.3f} of the snippets, one of the gold sub-type in {typed:.3f}")
    unseen, _ = end_to_end([(t, "UNSEEN") for t, g in rows if g not in CODES])
    print(f"end to end on the unseen types: an event found in {unseen:.3f} of them (lower is better)")
    return 0


def end_to_end(rows: list[tuple[str, str]]) -> tuple[float, float]:
    """Every snippet reports one event: the share where the whole extractor (relevance gate, salience,
    conflict context, actors) finds an event, and where one of them has the gold sub-type."""
    from sitrep.extract.claims import find_claims
    from sitrep.extract.entities import find_entities
    from sitrep.extract.events import find_events
    from sitrep.extract.nlp import parse_body
    from sitrep.models import Article
    from sitrep.settings import Settings

    settings, article = Settings(relevance_gate=True), Article(outlet="Wire")
    seen = [(t, CODES.get(g, g)) for t, g in rows]
    found = right = 0
    for text, gold in seen:
        doc = parse_body(text, settings)
        ents = find_entities(doc)
        events = find_events(doc, ents, find_claims(doc, ents, article), article)
        found += bool(events)
        right += any(e.sub_event_type == gold for e in events)
    return found / len(seen), right / len(seen)


if __name__ == "__main__":
    sys.exit(main())
