from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.errors import ConfigError
from sitrep.settings import Settings


def test_settings_file_then_env_then_overrides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = tmp_path / "sitrep.toml"
    cfg.write_text('[sitrep]\nmax_bytes = 1000\nworkers = 3\nfetch_timeout = 5.0\n')
    monkeypatch.setenv("SITREP_WORKERS", "4")
    s = Settings.load({"fetch_timeout": 9.5}, cfg)
    assert (s.max_bytes, s.workers, s.fetch_timeout) == (1000, 4, 9.5)


def test_settings_unknown_and_invalid_values_are_config_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError, match="Available settings"):
        Settings.load({"no_such_thing": 1})
    monkeypatch.setenv("SITREP_WORKERS", "many")
    with pytest.raises(ConfigError, match="workers"):
        Settings.load()


def test_settings_bad_config_file(tmp_path: Path) -> None:
    cfg = tmp_path / "bad.toml"
    cfg.write_text("max_bytes = = 3")
    with pytest.raises(ConfigError) as err:
        Settings.load(config_file=cfg)
    assert err.value.one_line().startswith(str(cfg)) and "cannot read config file" in err.value.one_line()
