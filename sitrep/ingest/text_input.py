"""Reading one plain text (a file or stdin) for commands that work on raw text, e.g. `geoparse`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from sitrep.errors import InputError, InputNotFound
from sitrep.models import RawDocument


def read_text_input(spec: str) -> str:
    """The decoded text of a file or of stdin ("-"), charset detected like any other input."""
    from sitrep.clean.decode import decode_bytes

    if spec == "-":
        data, uri = sys.stdin.buffer.read(), "stdin"
    else:
        path = Path(spec)
        if not path.is_file():
            raise InputNotFound("no such file", input=spec)
        data, uri = path.read_bytes(), spec
    return decode_bytes(RawDocument(uri=uri, content=data))


def read_span_file(path: Path) -> list[tuple[int, int]]:
    """A JSON list of {"start", "end"} objects → [(start, end), ...]."""
    try:
        items = json.loads(path.read_text(encoding="utf-8"))
        spans = [(int(i["start"]), int(i["end"])) for i in items]
    except FileNotFoundError as e:
        raise InputNotFound("no such file", input=str(path)) from e
    except (ValueError, KeyError, TypeError) as e:
        raise InputError(f'not a JSON list of {{"start", "end"}} objects ({e})', input=str(path)) from e
    if any(s < 0 or e <= s for s, e in spans):
        raise InputError("every span needs 0 <= start < end", input=str(path))
    return spans
