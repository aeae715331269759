"""Docs that cannot go stale: generated references match the code, every command and setting is documented."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from sitrep.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


def test_docs_generated_files_are_current() -> None:
    res = subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_docs.py"), "--check"], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr


def test_docs_every_setting_is_documented() -> None:
    text = (ROOT / "docs" / "configuration.md").read_text()
    for name in Settings.model_fields:
        assert f"`{name}`" in text and f"`SITREP_{name.upper()}`" in text


def test_docs_readme_has_the_two_commands_and_they_exist_in_the_makefile() -> None:
    readme = (ROOT / "README.md").read_text()
    makefile = (ROOT / "Makefile").read_text()
    for target in ("demo", "test"):
        assert f"make {target}" in readme
        assert re.search(rf"^{target}:", makefile, re.M)
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_docs_record_format_covers_every_record_field() -> None:
    from sitrep.models import Article, Claim, Event, Location, Record

    text = (ROOT / "docs" / "record-format.md").read_text()
    for model in (Record, Article, Claim, Event, Location):
        for name, field in model.model_fields.items():
            if field.exclude:
                continue
            assert f"`{name}`" in text, f"{model.__name__}.{name} is not documented"


def test_docs_changelog_exists() -> None:
    assert "## [Unreleased]" in (ROOT / "CHANGELOG.md").read_text()


def test_docs_help_does_not_import_heavy_modules() -> None:
    code = "import sys, sitrep.cli; bad=[m for m in ('spacy','dask','fastapi','trafilatura','sqlalchemy') if m in sys.modules]; print(bad)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]"


def test_docs_readme_library_example_runs(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The README's Python example runs as written (on a page of our own)."""
    import pytest

    pytest.importorskip("spacy")
    readme = (ROOT / "README.md").read_text()
    code = re.search(r"```python\n(.*?)```", readme, re.S)
    assert code, "README has no python example"
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SITREP_DATABASE_URL", f"sqlite:///{tmp_path / 'readme.db'}")
    (tmp_path / "page.txt").write_text(
        "KHARKIV, Ukraine — Russian forces shelled the town of Kupiansk on Monday, killing three civilians "
        "and wounding five, the regional governor said on Telegram.\n\n"
        "Rescue workers searched the rubble of two apartment blocks through the night, local officials said, "
        "adding that a school and a pharmacy were also damaged. The claims could not be independently verified.\n"
    )
    exec(compile(code.group(1), "README.md", "exec"), {})
