"""sitrep: raw news pages in, a sourced, geolocated, verification-aware record of conflict events out.

Library entry points::

    from sitrep import process, Settings
    record = process(raw_document, Settings())
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

logging.getLogger("sitrep").addHandler(logging.NullHandler())

if TYPE_CHECKING:  # pragma: no cover
    from sitrep.pipeline import process as process
    from sitrep.settings import Settings as Settings


def __getattr__(name: str) -> Any:  # lazy: `import sitrep` stays cheap
    if name == "process":
        from sitrep.pipeline import process

        return process
    if name == "Settings":
        from sitrep.settings import Settings

        return Settings
    raise AttributeError(name)
