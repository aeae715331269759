"""CLI through typer's runner: thin shells, one-line errors, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli import app, main
from sitrep.store import Store
from tests.records import make_record

runner = CliRunner()


@pytest.fixture()
def filled_db(db_url: str) -> str:
    store = Store.open(url=db_url)
    store.save(make_record())
    store.save(make_record(body="An air strike hit a market in El Fasher on Tuesday, killing 12, witnesses said.",
                           outlet="Darfur Wire", place="El Fasher", published="2024-06-11", fatalities=12))
    return db_url


def test_cli_help_lists_every_command() -> None:
    res = runner.invoke(app, ["--help"])
    assert res.exit_code == 0
    for cmd in ("extract", "clean", "ingest", "events", "show", "export", "report", "demo"):
        assert cmd in res.output


def test_cli_events_json_and_filters(filled_db: str) -> None:
    res = runner.invoke(app, ["--db", filled_db, "events", "--json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.output)
    assert len(rows) == 2 and {"n_reports", "status_reason", "contradictions"} <= set(rows[0])
    res = runner.invoke(app, ["--db", filled_db, "events", "--json", "--since", "2024-10-01"])
    assert [r["location"]["name"] for r in json.loads(res.output)] == ["Kupiansk"]
    table = runner.invoke(app, ["--db", filled_db, "events"]).output
    assert "El Fasher" in table and "Kupiansk" in table


def test_cli_show_prints_evidence_and_sources(filled_db: str) -> None:
    ev_id = json.loads(runner.invoke(app, ["--db", filled_db, "events", "--json", "--since", "2024-10-01"]).output)[0]["id"]
    res = runner.invoke(app, ["--db", filled_db, "show", ev_id])
    assert res.exit_code == 0
    assert "Shelling hit the town of Kupiansk" in res.output and "Kharkiv Daily" in res.output


def test_cli_export_to_file(filled_db: str, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    res = runner.invoke(app, ["--db", filled_db, "export", "--format", "acled-csv", "-o", str(out)])
    assert res.exit_code == 0
    assert out.read_text().splitlines()[0].startswith("event_id_cnty,event_date,year")
    assert len(out.read_text().splitlines()) == 3


def test_cli_report_summarises_the_store(filled_db: str) -> None:
    res = runner.invoke(app, ["--db", filled_db, "report"])
    assert res.exit_code == 0
    assert "2 events" in res.output and "at least 15 killed" in res.output


def _main(args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    monkeypatch.setattr("sys.argv", ["sitrep", *args])
    with pytest.raises(SystemExit) as ex:
        main()
    err = capsys.readouterr().err
    return int(ex.value.code or 0), err


def test_cli_unknown_event_is_one_line_exit_2(filled_db: str, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    code, err = _main(["--db", filled_db, "show", "ev_nope"], capsys, monkeypatch)
    assert code == 2 and err.count("\n") == 1 and "no event with id 'ev_nope'" in err and "Traceback" not in err


def test_cli_bad_export_format(filled_db: str, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    code, err = _main(["--db", filled_db, "export", "--format", "xlsx"], capsys, monkeypatch)
    assert code == 2 and "Available formats: acled-csv, geojson, jsonl" in err


def test_cli_bad_database_url(capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    code, err = _main(["--db", "mysql://x", "events"], capsys, monkeypatch)
    assert code == 1 and "unsupported database URL" in err and err.count("\n") == 1


def test_cli_token_create_list_revoke(db_url: str) -> None:
    tok = runner.invoke(app, ["--db", db_url, "token", "create", "analyst"])
    assert tok.exit_code == 0 and len(tok.output.strip()) >= 32
    assert runner.invoke(app, ["--db", db_url, "token", "list"]).output.startswith("analyst\t")
    assert runner.invoke(app, ["--db", db_url, "token", "revoke", "analyst"]).exit_code == 0
    assert runner.invoke(app, ["--db", db_url, "token", "list"]).output == ""


def test_cli_geoparse_with_and_without_spans(tmp_path: Path) -> None:
    text = "Explosions were heard in Odesa overnight, while shelling continued in Kherson, officials said."
    page = tmp_path / "t.txt"
    page.write_text(text)
    res = runner.invoke(app, ["geoparse", str(page)])
    assert res.exit_code == 0, res.output
    found = {t["text"]: t for t in json.loads(res.output)}
    assert found["Odesa"]["iso"] == "UA" and text[found["Odesa"]["start"] : found["Odesa"]["end"]] == "Odesa"
    spans = tmp_path / "spans.json"
    start = text.index("Kherson")
    spans.write_text(json.dumps([{"start": start, "end": start + len("Kherson")}]))
    only = json.loads(runner.invoke(app, ["geoparse", str(page), "--spans", str(spans)]).output)
    assert [t["text"] for t in only] == ["Kherson"] and only[0]["country"] == "Ukraine"


def test_cli_gazetteer_import_small_dump(db_url: str, tmp_path: Path) -> None:
    cols = ["9990001", "Testivka", "Testivka", "Testiwka,Тестівка", "48.5", "37.5", "P", "PPL", "UA", "", "05",
            "", "", "", "1200", "", "150", "Europe/Kyiv", "2024-01-01"]
    dump = tmp_path / "UA.txt"
    dump.write_text("\t".join(cols) + "\n")
    res = runner.invoke(app, ["--db", db_url, "gazetteer", "import", str(dump)])
    assert res.exit_code == 0, res.output
    assert "1 rows read" in res.output and "1 places" in res.output


@pytest.mark.slow
def test_cli_demo_ingests_the_bundled_samples(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'demo.db'}"
    res = runner.invoke(app, ["--db", db, "demo", "--no-serve"])
    assert res.exit_code == 0, res.output
    assert "SITUATION REPORT" in res.output
    stats = Store.open(url=db).stats()
    assert stats["articles"] >= 10 and stats["events"] >= 5
    again = runner.invoke(app, ["--db", db, "demo", "--no-serve"])  # idempotent re-run
    assert again.exit_code == 0 and Store.open(url=db).stats() == stats


@pytest.mark.slow
@pytest.mark.shared
def test_cli_eval_scores_news_dev(shared_dir: Path) -> None:
    root = Path(__file__).resolve().parents[1]
    res = runner.invoke(app, ["eval", str(shared_dir / "data" / "news-dev"), "--corrections", str(root / "tests" / "data" / "gold"), "--json"])
    assert res.exit_code == 0, res.output
    report = json.loads(res.output)
    assert "events" in json.dumps(report) and report


def test_cli_eval_needs_a_gold_folder(tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("sys.argv", ["sitrep", "eval", str(tmp_path)])
    with pytest.raises(SystemExit) as ex:
        main()
    assert ex.value.code == 2 and "needs articles/ and gold/" in capsys.readouterr().err
