"""The PolNeAR benchmark locates a claim's source, cue and content as whole words near each other."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from sitrep.models import Claim, Span


def _bench() -> ModuleType:
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_attribution.py"
    spec = importlib.util.spec_from_file_location("bench_attribution_under_test", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


def test_pronoun_source_is_a_whole_word_next_to_its_cue() -> None:
    body = "Then the minister spoke. The talks failed, he said, and the other side left."
    sent_start = body.index("The talks")
    ev = Span(text=body[sent_start:], start=sent_start, end=len(body))
    claim = Claim(id="c1", text="The talks failed", source="the minister", source_text="he", cue="said", evidence=ev)
    spans = _bench().claim_spans(body, claim)
    assert spans["Source"] is not None and body[slice(*spans["Source"])] == "he"
    assert spans["Source"][0] == body.index(" he said") + 1  # not the "he" inside "The" or "the other"
    assert spans["Cue"] is not None and body[slice(*spans["Cue"])] == "said"
    assert spans["Content"] == (sent_start, sent_start + len("The talks failed"))


def test_missing_values_give_no_span() -> None:
    body = "Officials reportedly left the city."
    ev = Span(text=body, start=0, end=len(body))
    claim = Claim(id="c1", text="Officials reportedly left the city", cue="reportedly", evidence=ev)
    spans = _bench().claim_spans(body, claim)
    assert spans["Source"] is None
    assert spans["Cue"] is not None and body[slice(*spans["Cue"])] == "reportedly"


def test_content_span_takes_the_complementizer_polnear_marks() -> None:
    body = "The agency said that the road was closed."
    ev = Span(text=body, start=0, end=len(body))
    claim = Claim(id="c1", text="the road was closed", source="agency", source_text="The agency", cue="said", evidence=ev)
    spans = _bench().claim_spans(body, claim)
    assert spans["Content"] is not None and body[slice(*spans["Content"])] == "that the road was closed"
    assert spans["Source"] is not None and body[slice(*spans["Source"])] == "The agency"
