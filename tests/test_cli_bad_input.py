"""Bad input: one line naming the input and the problem, exit 2, no traceback, nothing half-stored."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from sitrep.cli import main
from sitrep.store import Store

GOOD = (
    "KHARKIV, Ukraine — Russian forces struck the village of Kivsharivka with guided aerial bombs on Tuesday, "
    "killing two civilians and wounding five, the regional governor said on Telegram.\n\n"
    "The strike damaged a school and several houses, according to local officials, who said rescue work "
    "continued through the night. The claims could not be independently verified.\n"
)


def run(args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.argv", ["sitrep", *args])
    with pytest.raises(SystemExit) as ex:
        main()
    cap = capsys.readouterr()
    return int(ex.value.code or 0), cap.out, cap.err


@pytest.fixture()
def bad_dir(tmp_path: Path) -> Path:
    d = tmp_path / "inputs"
    d.mkdir()
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.dat").write_bytes(bytes(range(256)) * 8)
    (d / "nav.html").write_text("<html><body><nav><a href='/'>Home</a> | <a href='/w'>World</a></nav></body></html>")
    (d / "truncated.txt.gz").write_bytes(gzip.compress(GOOD.encode())[:40])
    return d


@pytest.mark.parametrize(
    ("name", "problem"),
    [("empty.txt", "empty"), ("binary.dat", "binary"), ("nav.html", "article"), ("truncated.txt.gz", "gzip")],
)
def test_cli_extract_bad_input_is_one_line(bad_dir: Path, name: str, problem: str, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(["extract", str(bad_dir / name)], capsys, monkeypatch)
    assert code == 2
    assert "Traceback" not in err and err.strip().count("\n") == 0, err
    assert name in err and problem in err.lower(), err


def test_cli_missing_path(tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(["extract", str(tmp_path / "nope.html")], capsys, monkeypatch)
    assert code == 2 and "nope.html" in err and "Traceback" not in err and err.strip().count("\n") == 0


def test_cli_directory_with_no_readable_pages(tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "d").mkdir()
    code, _, err = run(["--db", "sqlite:///" + str(tmp_path / "x.db"), "ingest", str(tmp_path / "d")], capsys, monkeypatch)
    assert code == 2 and str(tmp_path / "d") in err and "Traceback" not in err


def test_cli_non_utf8_text_is_decoded(tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page = tmp_path / "latin1.txt"
    page.write_bytes(("Déclaration du ministère. " + GOOD).encode("cp1252"))
    code, out, err = run(["clean", str(page)], capsys, monkeypatch)
    assert code == 0, err
    assert "Déclaration du ministère" in out


@pytest.mark.slow
def test_cli_ingest_batch_skips_bad_and_keeps_good(bad_dir: Path, tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    (bad_dir / "good.txt").write_text(GOOD * 2)
    db = "sqlite:///" + str(tmp_path / "batch.db")
    code, out, err = run(["--db", db, "ingest", str(bad_dir)], capsys, monkeypatch)
    assert code == 0, err
    assert "1 stored" in out and "4 skipped" in out
    for name in ("empty.txt", "binary.dat", "nav.html", "truncated.txt.gz"):
        assert name in err
    assert Store.open(url=db).stats()["articles"] == 1
    code, out, _ = run(["--db", db, "ingest", str(bad_dir)], capsys, monkeypatch)  # re-run: no duplicates
    assert "0 stored" in out and "1 already stored" in out
    assert Store.open(url=db).stats()["articles"] == 1
