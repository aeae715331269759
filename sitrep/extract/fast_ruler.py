"""A result-identical, indexed stand-in for the English pipeline's ``attribute_ruler``.

spaCy's :class:`~spacy.pipeline.AttributeRuler` runs its ~180 tag-map and exception patterns through
the generic :class:`~spacy.matcher.Matcher` on every token; on an 800-word article that was about a
tenth of the whole parse (17 ms of 170 ms, ``benchmarks/bench_extract_throughput.py``). Almost every
pattern is one token tested on ``TAG``/``LOWER``/``DEP``/``IS_SPACE``, so the rules that apply to a
token depend only on that token's (tag, lower, dep, is_space): this component computes that set once
per distinct key and caches the merged attributes. Multi-token patterns are checked at each position.

Same semantics as the ruler: every match is found before any attribute is set, and for the same
token a later rule overrides an earlier one (spaCy sorts matches by rule index). When a pattern uses
anything this evaluator does not implement (operators, other attributes), :func:`indexed_ruler`
returns None and the pipeline keeps spaCy's ruler. Hand-written because spaCy offers no indexed
evaluation of attribute-ruler patterns; ``tests/test_extract_fast_ruler.py`` checks token-for-token
equality with spaCy's ruler on real text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc, Token

_KEYS = ("TAG", "LOWER", "DEP", "IS_SPACE")
_TokenTest = Callable[["Token"], bool]


def _value_test(value: Any) -> Callable[[Any], bool] | None:
    """A test of one attribute value, or None when the pattern uses an unsupported operator."""
    if isinstance(value, (str, bool)):
        return lambda v: v == value
    if isinstance(value, dict) and len(value) == 1:
        op, arg = next(iter(value.items()))
        if op == "IN":
            allowed = frozenset(arg)
            return lambda v: v in allowed
        if op == "NOT_IN":
            banned = frozenset(arg)
            return lambda v: v not in banned
        if op == "REGEX":
            rx = re.compile(arg)
            return lambda v: bool(rx.search(v))
    return None


def _getter(key: str) -> Callable[[Token], Any]:
    return {
        "TAG": lambda t: t.tag_,
        "LOWER": lambda t: t.lower_,
        "DEP": lambda t: t.dep_,
        "IS_SPACE": lambda t: t.is_space,
    }[key]


def _token_test(spec: dict[str, Any]) -> _TokenTest | None:
    tests = []
    for key, value in spec.items():
        if key not in _KEYS:
            return None
        test = _value_test(value)
        if test is None:
            return None
        tests.append((_getter(key), test))

    def check(tok: Token) -> bool:
        return all(test(get(tok)) for get, test in tests)

    return check


def _required_values(value: Any) -> frozenset[str] | None:
    """The values an attribute test accepts when it is an exact value or an IN list, else None."""
    if isinstance(value, str):
        return frozenset((value,))
    if isinstance(value, dict) and set(value) == {"IN"}:
        return frozenset(value["IN"])
    return None


class IndexedAttributeRuler:
    """Applies an :class:`AttributeRuler`'s rules with a per-token-key cache (see module docstring)."""

    def __init__(self, single: list[tuple[int, _TokenTest, dict[str, Any]]], multi: list[tuple[int, list[_TokenTest], int]],
                 attrs: list[dict[Any, Any]]) -> None:
        # an index of the single-token rules by the TAG or LOWER value they require, so that a token
        # new to the cache is tested against a handful of candidate rules rather than all of them
        self._single_tests: dict[int, _TokenTest] = {}
        self._by_tag: dict[str, set[int]] = {}
        self._by_lower: dict[str, set[int]] = {}
        self._always: set[int] = set()
        for pos, (_rule, test, spec) in enumerate(single):
            self._single_tests[pos] = test
            for key, index in (("TAG", self._by_tag), ("LOWER", self._by_lower)):
                values = _required_values(spec.get(key))
                if values is not None:
                    for v in values:
                        index.setdefault(v, set()).add(pos)
                    break
            else:
                self._always.add(pos)
        self._rule_of = [rule for rule, _, _ in single]
        self._multi = multi  # (rule index, token tests, target index in the span)
        self._attrs = attrs  # normalised attributes per rule index (as spaCy's ruler holds them)
        self._by_key: dict[tuple[str, str, str, bool], tuple[tuple[int, ...], tuple[int, ...]]] = {}
        self._merged: dict[tuple[int, ...], dict[Any, Any]] = {}

    def _rules_for(self, tok: Token) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """(single-token rules matching ``tok``, multi-token patterns whose first token ``tok`` matches)."""
        key = (tok.tag_, tok.lower_, tok.dep_, tok.is_space)
        found = self._by_key.get(key)
        if found is None:
            cands = sorted(self._by_tag.get(key[0], set()) | self._by_lower.get(key[1], set()) | self._always)
            found = (tuple(self._rule_of[i] for i in cands if self._single_tests[i](tok)),
                     tuple(k for k, (_, tests, _) in enumerate(self._multi) if tests[0](tok)))
            self._by_key[key] = found
        return found

    def __call__(self, doc: Doc) -> Doc:
        from spacy.tokens._retokenize import set_token_attrs

        found = [self._rules_for(tok) for tok in doc]
        hits = [rules for rules, _ in found]
        n = len(doc)
        for start, (_, firsts) in enumerate(found):
            for k in firsts:  # rare: only starts whose first token already matches are checked further
                rule, tests, index = self._multi[k]
                width = len(tests)
                if start + width <= n and all(test(doc[start + j]) for j, test in enumerate(tests[1:], 1)):
                    at = start + (index if index >= 0 else width + index)
                    hits[at] = tuple(sorted(hits[at] + (rule,)))
        for i, rules in enumerate(hits):
            if not rules:
                continue
            merged = self._merged.get(rules)
            if merged is None:
                merged = {}
                for r in rules:
                    merged.update(self._attrs[r])
                self._merged[rules] = merged
            set_token_attrs(doc[i], merged)
        return doc


def indexed_ruler(ruler: AttributeRuler) -> IndexedAttributeRuler | None:
    """The indexed equivalent of ``ruler``, or None when one of its patterns is outside what it supports."""
    single: list[tuple[int, _TokenTest, dict[str, Any]]] = []
    multi: list[tuple[int, list[_TokenTest], int]] = []
    entries: list[dict[str, Any]] = list(ruler.patterns)
    for rule, entry in enumerate(entries):
        for pattern in entry["patterns"]:
            tests = [_token_test(spec) for spec in pattern]
            if not tests or any(t is None for t in tests):
                return None
            checked = [t for t in tests if t is not None]
            if len(checked) == 1:
                single.append((rule, checked[0], pattern[0]))
            else:
                multi.append((rule, checked, int(entry.get("index", 0))))
    attrs = list(ruler.attrs)
    if len(attrs) != len(entries):
        return None
    return IndexedAttributeRuler(single, multi, attrs)
