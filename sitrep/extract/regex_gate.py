"""Cheap pre-checks for slow case-insensitive patterns: the words a match cannot do without.

Python's ``re`` gets no literal-prefix speed-up for an IGNORECASE pattern that starts with ``\\b(`` and an
alternation, so such a pattern is tried at every word start of the text. :func:`required_words` reads a
compiled pattern's parse tree and returns a set of lower-case ASCII strings such that every match contains at
least one of them; :func:`may_match` answers with a plain substring test on the lower-cased text, and only a
text that passes needs the real search. Hand-written because no installed library derives such necessary
factors from a Python pattern; the derivation is conservative (anything it does not understand adds no
requirement), so a gated search returns exactly what the plain search returns.
"""

from __future__ import annotations

import re
from typing import Any

try:  # the parser of the standard library's re (private module name since 3.11)
    from re import _constants as _sre_constants  # type: ignore[attr-defined]
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older layouts
    _sre_parse = None
    _sre_constants = None

#: The non-ASCII characters that IGNORECASE matching folds onto ASCII letters ("ſ" ~ "s", "ı"/"İ" ~ "i",
#: Kelvin sign ~ "k"): a lower-cased substring test cannot stand in for the pattern on a text holding one.
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


def folded(text: str) -> str | None:
    """``text`` lower-cased for :func:`may_match`, or None when a substring test could disagree with re.I."""
    return None if _FOLDS_TO_ASCII.search(text) else text.lower()


def may_match(words: frozenset[str] | None, low: str | None) -> bool:
    """False only when no match is possible: none of ``words`` occurs in the folded text ``low``."""
    return words is None or low is None or any(w in low for w in words)


def required_words(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lower-case strings of which every match of ``pattern`` contains one; None when none can be derived."""
    if _sre_parse is None or not isinstance(pattern.pattern, str):
        return None
    try:
        found = _sequence(list(_sre_parse.parse(pattern.pattern, pattern.flags)))
    except Exception:  # noqa: BLE001 - a parser that changed shape: no gate, the plain search still runs
        return None
    return frozenset(found) if found else None


_REPEATS = tuple(getattr(_sre_constants, n) for n in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
                 if hasattr(_sre_constants, n))


def _sequence(items: list[tuple[Any, Any]]) -> set[str] | None:
    """Candidates of a sequence: every element's match is part of the sequence's match, so any element's
    set will do; the most selective one (longest shortest word) is kept."""
    c = _sre_constants
    candidates: list[set[str]] = []
    run = ""
    for op, av in items:
        if op is c.LITERAL and av < 128:
            run += chr(av).lower()
            continue
        if run:
            candidates.append({run})
            run = ""
        sub: set[str] | None = None
        if op is c.SUBPATTERN:
            sub = _sequence(list(av[-1]))
        elif op is c.BRANCH:
            alts = [_sequence(list(alt)) for alt in av[1]]
            sub = set().union(*alts) if alts and all(a for a in alts) else None  # type: ignore[arg-type]
        elif op in _REPEATS and av[0] >= 1:
            sub = _sequence(list(av[2]))
        elif op is getattr(c, "ATOMIC_GROUP", None):
            sub = _sequence(list(av))
        if sub:
            candidates.append(sub)
    if run:
        candidates.append({run})
    if not candidates:
        return None
    return max(candidates, key=lambda s: (min(len(w) for w in s), -len(s)))
