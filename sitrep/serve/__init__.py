"""sitrep.serve: the REST API and web UI (FastAPI + Jinja2 + vanilla JS).

    from sitrep.serve import run_server
    run_server(settings, "127.0.0.1", 8000)

FastAPI and uvicorn are imported inside functions, so ``import sitrep.serve`` stays cheap.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from sitrep.settings import ENV_PREFIX, Settings

if TYPE_CHECKING:
    from fastapi import FastAPI


def create_app(settings: Settings | None = None, store: Any = None) -> FastAPI:
    from sitrep.serve.app import create_app as _create

    return _create(settings, store)


def run_server(settings: Settings, host: str = "127.0.0.1", port: int = 8000, *, workers: int = 1,
               log_level: str = "info") -> None:  # fmt: skip
    """Serve the API and UI with uvicorn until interrupted.

    With ``workers > 1`` uvicorn forks processes that each build the app from the
    environment, so the given settings are passed down as ``SITREP_*`` variables.
    """
    import uvicorn

    from sitrep.store import Store

    Store.open(settings).close()  # migrate once, before any worker starts
    if workers <= 1:
        uvicorn.run(create_app(settings), host=host, port=port, log_level=log_level, proxy_headers=False)
        return
    defaults = Settings.model_fields
    for name, value in settings.model_dump().items():
        if value != defaults[name].default and value is not None:
            os.environ[ENV_PREFIX + name.upper()] = str(value)
    uvicorn.run("sitrep.serve.app:create_app_from_env", factory=True, host=host, port=port, workers=workers,
                log_level=log_level, proxy_headers=False)  # fmt: skip


__all__ = ["create_app", "run_server"]
