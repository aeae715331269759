from __future__ import annotations

import pytest

from sitrep.errors import NoArticle, SitrepError, UnreadableInput
from sitrep.models import RawDocument, Skipped
from sitrep.pipeline import CLEAN_STAGES, STAGES, Stage, check_stages, process, process_many, stage


def test_pipeline_stages_are_ordered_by_what_they_need() -> None:
    check_stages(STAGES)
    names = [s.name for s in STAGES]
    assert names[:3] == ["decode", "clean", "dates"] and names.index("events") < names.index("places")


def test_pipeline_misordered_stages_fail_at_start_up() -> None:
    @stage(requires=("events",), assigns=("x",))
    def needs_events(w):  # type: ignore[no-untyped-def]
        pass

    with pytest.raises(SitrepError, match="needs_events.*requires events"):
        check_stages((STAGES[0], needs_events))
    assert isinstance(needs_events, Stage)


def test_pipeline_clean_stages_give_body_and_offsets_free_record() -> None:
    text = ("KYIV, Ukraine — Russian forces shelled the city of Kherson overnight, killing two people, "
            "regional governor Oleksandr Prokudin said on Telegram on Tuesday. ") * 4
    rec = process(RawDocument(uri="t.txt", content=text.encode(), content_type="text/plain"), stages=CLEAN_STAGES)
    assert rec.body and rec.entities == [] and rec.events == []
    assert rec.article.dateline and "Kyiv" in rec.article.dateline.title()


def test_pipeline_bad_inputs_become_skipped_with_reasons() -> None:
    good = ("Fighting continued near the town of Pokrovsk on Sunday, the General Staff said in its morning report. " * 5).encode()
    raws = [
        RawDocument(uri="empty.txt", content=b""),
        RawDocument(uri="binary.bin", content=b"\x00\x01\x02\xff" * 50),
        RawDocument(uri="good.txt", content=good),
    ]
    out = list(process_many(raws, stages=CLEAN_STAGES))
    assert [type(o).__name__ for o in out] == ["Skipped", "Skipped", "Record"]
    assert isinstance(out[0], Skipped) and "empty" in out[0].reason.lower()


def test_pipeline_errors_name_the_input() -> None:
    with pytest.raises(UnreadableInput) as err:
        process(RawDocument(uri="empty.txt", content=b""), stages=CLEAN_STAGES)
    assert err.value.one_line().startswith("empty.txt: ")
    with pytest.raises(NoArticle):
        process(RawDocument(uri="nav.html", content=b"<html><body><nav>Home | News | Sport</nav></body></html>",
                            content_type="text/html"), stages=CLEAN_STAGES)
