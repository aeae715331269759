"""sitrep's exceptions: one tree, every message says what happened, why, and the fix.

    SitrepError
    ├── InputError            bad user input: the CLI prints one line and exits 2
    │   ├── InputNotFound     a path that does not exist / a directory with no readable pages
    │   ├── UnreadableInput   empty, binary, truncated, corrupt, over the size cap
    │   ├── NoArticle         a page where no article body could be found
    │   └── FetchError        a URL that could not be fetched (HTTP error, timeout, robots, private)
    ├── ConfigError           a setting with an invalid value
    ├── StoreError            the database could not be opened, migrated or written
    ├── GazetteerError        a gazetteer dump that cannot be imported
    └── MissingExtra          an optional dependency is not installed (says the pip command)

Library code never prints; it raises these (``raise ... from e``) and logs to the
``sitrep`` logger, which has a ``NullHandler``.
"""

from __future__ import annotations


class SitrepError(Exception):
    """Base of every error sitrep raises on purpose."""

    exit_code = 1

    def __init__(self, message: str, *, input: str | None = None) -> None:
        self.input = input
        super().__init__(message)

    def one_line(self) -> str:
        msg = " ".join(str(self).split())
        return f"{self.input}: {msg}" if self.input else msg


class InputError(SitrepError):
    exit_code = 2


class InputNotFound(InputError):
    pass


class UnreadableInput(InputError):
    pass


class NoArticle(InputError):
    pass


class FetchError(InputError):
    pass


class ConfigError(SitrepError):
    exit_code = 2


class StoreError(SitrepError):
    pass


class GazetteerError(SitrepError):
    exit_code = 2


class MissingExtra(SitrepError):
    exit_code = 2

    def __init__(self, extra: str, module: str) -> None:
        super().__init__(
            f"this needs the optional dependency '{module}', which is not installed. "
            f"Install it with: pip install 'sitrep[{extra}]'"
        )
