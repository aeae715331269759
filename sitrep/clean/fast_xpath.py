"""Result-identical, faster stand-ins for trafilatura's costliest pruning XPaths.

trafilatura prunes the page with XPaths of the form ``.//*[self::div or ...][re:test(@class, ...)]``.
libxml2 evaluates ``.//*[self::x or ...]`` by visiting every element of the page, and each
``re:test`` is an EXSLT call back into Python; on news pages those expressions were about a
third of sitrep's HTML cleaning time (benchmarks/bench_ingest_throughput.py).

Each stand-in selects exactly the same elements, in the same (document) order:

1. walk only the element names the expression can select (``iterdescendants(tags)``, in C);
2. keep the elements whose attributes *could* match: a superset test made of literal substrings
   that every alternative of the expression's regexes contains (``"omment"`` for
   ``^[Cc]omment(?!ary)``), checked with one compiled Python regex per attribute;
3. confirm each survivor with the original predicate itself, evaluated by libxml2 on that one
   element (``self::*[...]`` with trafilatura's own text), so the selection rule stays trafilatura's.

Step 2 is hand-derived from one version of trafilatura's expressions, so a stand-in is only
installed when the expression's text hashes to the value it was derived from; any other
trafilatura version keeps its own XPaths (slower, same results). Hand-written because neither
lxml nor trafilatura offers a faster evaluation of these expressions.
``tests/test_clean_fast_xpath.py`` checks the equivalence on real pages and on one synthetic
element per literal.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable
from typing import Any

log = logging.getLogger("sitrep.clean.fast_xpath")

_REGEXP_NS = {"re": "http://exslt.org/regular-expressions"}

#: (trafilatura module, attribute, index in the list or None for a bare XPath) → sha256 of the
#: whitespace-normalised expression the prefilter below was derived from (trafilatura 2.3.1).
_EXPECTED = {
    ("xpaths", "RAW_TREE_PRUNE_XPATH", 0): "raw0",
    ("xpaths", "RAW_TREE_PRUNE_XPATH", 1): "raw1",
    ("xpaths", "REMOVE_COMMENTS_AND_LISTS_XPATH", 0): "comments_and_lists",
    ("xpaths", "OVERALL_DISCARD_XPATH", 0): "overall0",
    ("xpaths", "OVERALL_DISCARD_XPATH", 1): "overall1",
    ("xpaths", "TEASER_DISCARD_XPATH", 0): "teaser",
    ("xpaths", "DISCARD_IMAGE_ELEMENTS", 0): "image",
    ("baseline", "BASIC_CLEAN_XPATH", None): "basic_clean",
    ("xpaths", "BODY_XPATH", 0): "body0",
}
_HASHES = {
    "raw0": "77023cff86242dc8bb0431d98c785ea1f268cfc94ef681253d7eacf0afa12efd",
    "raw1": "3c7afe92279543d5530365aa7b921c6e5b51243033e5622cae1dc85e08976f87",
    "comments_and_lists": "ec1083e558ae70c0be79fe7ff3f11f7fcac683c3bd7c6ba692c8feadb2c26a04",
    "overall0": "d9e4b7d7125b483849e2efb833cd65fbb45ee38cc81e3b4f09dc712495826a90",
    "overall1": "9abb7217d588fd5a828b3c711b322bce82f641fe3e495bfdbfac90231eca493f",
    "teaser": "50f9c0568a62e759b3ae1dc7cbc20e1f08b0c5bfbb2d2938430755b4163abf50",
    "image": "271b5ef29bbc5bf0dd945568bfade7f126585f42e832f1612f712311c6e4c84c",
    "basic_clean": "db6c25acd08aef99afbf1be38c751d8c7cf7132256d1a013d1d2e4e4fe86651f",
    "body0": "8cab6e6e5b503a8d4fa84afa21a240c39d1cb16dbc423db4056ac83b22576bba",
}


def _any_of(*literals: str) -> Callable[[str], Any]:
    """A test "the string contains one of ``literals``" (one compiled alternation)."""
    return re.compile("|".join(re.escape(lit) for lit in literals)).search


# Literal substrings per attribute: every match of the expression's regexes contains one of them.
# OVERALL_DISCARD_XPATH[0]: tokens shared by @id and @class ("^shar", "bread-?crumb" → "shar", "bread")
_OVERALL_BOTH = ("shar", "social", "viral", "newsletter", "syndication", "tags", "sidebar", "banner", "bread", "button", "author", "cookie")
_OVERALL_ID = _any_of(*_OVERALL_BOTH, "jp-", "dpsp-content", "bmdh", "footer", "Footer", "Share", "nav", "Nav", "menu", "related", "message-container", "premium", "ad-")
_OVERALL_CLASS = _any_of(
    *_OVERALL_BOTH,
    "nav", "ZendeskForm", "avigation", "menu", "bar", " ad ", "ad-", "dfp", "outbrain", "taboola", "criteo", "paid", "widget",
    "footer", "Footer", "byline", "Byline", "share-", "sociable", "embed", "tag-list", "consent", "modal-content", "permission",
    "elated", "next-", "-stories", "most-popular", "more-on", "meta", "rating", "attachment", "timestamp", "user-info",
    "user-profile", "-icon", "article-infos", "message-container", "slide", "viewport", "overlay", "options", "expand",
    "obfuscated", "blurred", "mol-factbox", "yin", "zlylin", "nfoline",
)  # fmt: skip
_HIDDEN_ID = _any_of("reply-", "hidden", "reader-comments", "akismet")
_HIDDEN_CLASS = _any_of("comments-title", "reply-", "hide", "hidden", "nocomments", "message", "akismet", "suggest-links", "noprint", "notloaded")
_HIDDEN_STYLE = _any_of("hidden", "display")
_RAW_PRUNE = _any_of("mvp-post-add-", "infinite")
_COMMENTS_ID = _any_of("omment", "comol", "disqus_thread", "dsq-comments")
_COOKIE_CONSENT = _any_of("cookie", "consent", "borlabs", "cmplz", "onetrust", "moove")  # the regex has flag 'i': test lowercased
# BODY_XPATH[0] (the first article-content container): @class='post'/'entry', @id='articleContent'
# and the content tokens ("(?:entry|page|text|article|art)-content" → "-content", "post[-_]text" → "post")
_BODY_ID = _any_of("-content", "article", "body-text")
_BODY_CLASS = _any_of("post", "entry", "article", "-content", "ArticleContent", "body-text")
_BASIC_CLEAN_TAGS = frozenset(("aside", "fencedframe", "footer", "script", "style", "svg", "template"))


def _raw0(el: Any) -> bool:
    return bool(_RAW_PRUNE(el.get("id") or "") or _RAW_PRUNE(el.get("class") or ""))


def _raw1(el: Any) -> bool:
    return "elementor-share-buttons" in (el.get("class") or "")


def _comments_and_lists(el: Any) -> bool:
    return bool(_COMMENTS_ID(el.get("id") or "") or "omment" in (el.get("class") or ""))


def _overall0(el: Any) -> bool:
    return bool(
        el.get("data-lp-replacement-content") is not None
        or "nav" in (el.get("role") or "").replace("N", "n")
        or "MostPopularStories" in (el.get("data-component") or "")
        or _OVERALL_ID(el.get("id") or "")
        or _OVERALL_CLASS(el.get("class") or "")
    )


def _overall1(el: Any) -> bool:
    return bool(
        _HIDDEN_CLASS(el.get("class") or "")
        or _HIDDEN_ID(el.get("id") or "")
        or _HIDDEN_STYLE(el.get("style") or "")
        or el.get("aria-hidden") == "true"
    )


def _teaser(el: Any) -> bool:
    return "teaser" in (el.get("id") or "").replace("T", "t") or "teaser" in (el.get("class") or "").replace("T", "t")


def _image(el: Any) -> bool:
    return "caption" in (el.get("id") or "") or "caption" in (el.get("class") or "")


def _basic_clean(el: Any) -> bool:
    if el.tag in _BASIC_CLEAN_TAGS:
        return True
    ident, cls = el.get("id") or "", el.get("class") or ""
    if el.tag == "div" and ("footer" in ident or "footer" in cls):
        return True
    return bool((cls and _COOKIE_CONSENT(cls.lower())) or (ident and _COOKIE_CONSENT(ident.lower())))


def _body0(el: Any) -> bool:
    return bool(el.get("itemprop") == "articleBody" or _BODY_ID(el.get("id") or "") or _BODY_CLASS(el.get("class") or ""))


_ANY_ELEMENT: tuple[str, ...] = ()
_BLOCKS = ("div", "item", "list", "p", "section", "span")
#: name → (element names the expression can select, superset test)
_PREFILTERS: dict[str, tuple[tuple[str, ...], Callable[[Any], bool]]] = {
    "raw0": (("div", "section", "aside"), _raw0),
    "raw1": (("div", "section", "aside"), _raw1),
    "comments_and_lists": (("div", "list", "section", "details", "ol", "ul"), _comments_and_lists),
    "overall0": (_BLOCKS, _overall0),
    "overall1": (_ANY_ELEMENT, _overall1),
    "teaser": (_BLOCKS, _teaser),
    "image": (_BLOCKS, _image),
    "basic_clean": (_ANY_ELEMENT, _basic_clean),
    "body0": (("article", "div", "main", "section"), _body0),
}


def _normalised(path: str) -> str:
    return " ".join(path.split())


def expression_hash(path: str) -> str:
    return hashlib.sha256(_normalised(path).encode()).hexdigest()


def _split_union(path: str) -> list[str]:
    """The top-level ``|``-separated parts of an XPath (not inside predicates or strings)."""
    parts, depth, quote, start = [], 0, "", 0
    for i, ch in enumerate(path):
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "'\"":
            quote = ch
        elif ch in "[(":
            depth += 1
        elif ch in "])":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(path[start:i])
            start = i + 1
    parts.append(path[start:])
    return [p.strip() for p in parts]


_FIRST = "[1]"


def self_test_path(path: str) -> str:
    """``.//x[P] | .//y`` → ``self::x[P] | self::y``: the expression's test on one element
    (for ``.//x[P][1]``, the test ``self::x[P]``; the position is :class:`PrefilteredXPath`'s)."""
    path = _normalised(path)
    if path.endswith("]" + _FIRST):
        path = path[: -len(_FIRST)]
    parts = _split_union(path)
    if not all(p.startswith(".//") and "/" not in p[3:].split("[", 1)[0] for p in parts):
        raise ValueError(f"not a union of './/name[predicate]' steps: {path!r}")
    return " | ".join("self::" + p[3:] for p in parts)


class PrefilteredXPath:
    """Called like the ``lxml.etree.XPath`` it stands in for (``expr(node)`` → element list);
    returns the same elements in the same order (see the module docstring)."""

    def __init__(self, original: Any, tags: tuple[str, ...], maybe: Callable[[Any], bool]) -> None:
        from lxml import etree

        self.original = original
        self.path: str = original.path
        self._tags = tags or (etree.Element,)
        self._maybe = maybe
        self._exact = etree.XPath(self_test_path(original.path), namespaces=_REGEXP_NS)
        #: ``.//x[P][1]``: the first matching child of each parent (XPath's per-step position)
        self._first_per_parent = _normalised(original.path).endswith("]" + _FIRST)

    def __call__(self, node: Any) -> list[Any]:
        if not hasattr(node, "iterdescendants"):  # an ElementTree: leave it to libxml2
            return list(self.original(node))
        maybe, exact = self._maybe, self._exact
        found = [el for el in node.iterdescendants(*self._tags) if maybe(el) and exact(el)]
        if self._first_per_parent:
            parents: set[Any] = set()
            first = []
            for el in found:
                parent = el.getparent()
                if parent not in parents:
                    parents.add(parent)
                    first.append(el)
            found = first
        return found

    def __repr__(self) -> str:
        return f"PrefilteredXPath({self.path!r})"


_installed: bool | None = None


def install() -> bool:
    """Put the stand-ins in trafilatura's place (once per process); True when they are in use.

    The expression lists are shared by trafilatura's modules and replaced item by item;
    ``BASIC_CLEAN_XPATH`` is rebound in ``trafilatura.baseline``, the module that reads it.
    An expression whose text differs from the one a prefilter was derived from is left alone."""
    global _installed
    if _installed is not None:
        return _installed
    from importlib import import_module

    # import_module: the package's ``trafilatura.baseline`` attribute is the function of that name
    modules = {"xpaths": import_module("trafilatura.xpaths"), "baseline": import_module("trafilatura.baseline")}
    replaced = 0
    for (module, attr, index), name in _EXPECTED.items():
        holder = getattr(modules[module], attr, None)
        original = holder[index] if index is not None and isinstance(holder, list) and len(holder) > index else holder
        path = getattr(original, "path", None)
        if isinstance(original, PrefilteredXPath):
            replaced += 1
            continue
        if not isinstance(path, str) or expression_hash(path) != _HASHES[name]:
            log.debug("trafilatura's %s differs from the expression sitrep's prefilter was written for: left as is", attr)
            continue
        tags, maybe = _PREFILTERS[name]
        fast = PrefilteredXPath(original, tags, maybe)
        if index is None:
            setattr(modules[module], attr, fast)
        else:
            holder[index] = fast  # type: ignore[index]
        replaced += 1
    _installed = replaced > 0
    return _installed
