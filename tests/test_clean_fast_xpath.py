"""sitrep.clean.fast_xpath: the stand-ins select exactly what trafilatura's XPaths select."""

from __future__ import annotations

import gzip
import itertools
from importlib import import_module
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html

from sitrep.clean import fast_xpath
from sitrep.clean.article import load_tree

#: Attribute values around every token of the expressions (exact token, token inside a longer
#: value, case variants, near misses), so a prefilter that misses one alternative fails here.
_VALUES = [
    "", "post", "entry", "comments-title", "comment", "Comment", "comments", "commentary", "comol", "disqus_thread",
    "dsq-comments", "article-comments", "post-comments", "x comment", "mvp-post-add-box", "mvp-post-add-wrap",
    "infinite-scroll", "infinitescroll", "elementor-share-buttons", "share", "Share", "sharing", "share-bar", "social",
    "viral", "newsletter", "syndication", "tags", "tag-list", "sidebar", "banner", "breadcrumb", "bread-crumb", "button",
    "author", "byline", "Byline", "jp-relatedposts", "dpsp-content-top", "bmdh", "footer", "Footer", "site-footer", "nav",
    "Nav", "subnav", "navigation", "Navigation", "navbar", "navbox", "post-nav", "ZendeskForm", "menu", "bar", "x ad y",
    "top-ad-slot", "ad-slot", "x ad-slot", "dfpAd", "dfpad", "outbrain", "taboola", "criteo", "paidcontent", "paid-content",
    "widget", "sociable", "embedded", "embed", "consent", "modal-content", "permission", "related", "Related", "next-up",
    "top-stories", "most-popular", "more-on", "meta", "rating", "attachment", "timestamp", "user-info", "user-profile",
    "share-icon", "article-infos", "message-container", "slideshow", "viewport", "overlay", "options", "expand",
    "obfuscated", "blurred", "mol-factbox", "yin", "zlylin", "nfoline", "premium", "cookie", "cookie-banner", "Cookie-Notice",
    "CookieConsent", "consent-manager", "borlabs-cookie", "cmplz-banner", "onetrust-banner", "moove_gdpr", "reply-to",
    "x-reply-y", "hidden", "x hidden", "hide-me", "x-hide-y", "hide-print", "x hide", "nocomments", "message", "akismet",
    "suggest-links", "noprint", "notloaded", "reader-comments", "teaser", "Teaser", "caption", "figcaption", "content",
    "main-content", "article-body", "story", "plain", "text",
]  # fmt: skip
_STYLES = ["", "display:none", "display: none", "visibility:hidden", "color:red"]
_TAGS = ["div", "section", "aside", "span", "p", "ol", "ul", "details", "article", "footer", "script", "item", "list", "main"]


def _originals() -> dict[str, Any]:
    modules = {"xpaths": import_module("trafilatura.xpaths"), "baseline": import_module("trafilatura.baseline")}
    out = {}
    for (module, attr, index), name in fast_xpath._EXPECTED.items():
        holder = getattr(modules[module], attr)
        expr = holder[index] if index is not None else holder
        out[name] = getattr(expr, "original", expr)  # the XPath itself, installed or not
    return out


def _synthetic_page() -> Any:
    """One element per (tag, attribute, value), plus id/class/style combinations, some nested."""
    parts = ["<html><body>"]
    for n, (tag, attr, value) in enumerate(itertools.product(_TAGS, ("id", "class", "role", "data-component"), _VALUES)):
        parts.append(f'<{tag} {attr}="{value}"><p>text {n}</p></{tag}>')
    for n, (ident, cls, style) in enumerate(itertools.product(_VALUES[::7], _VALUES[3::9], _STYLES)):
        parts.append(f'<div style="{style}" id="{ident}" class="{cls}"><h1>h</h1><div class="{ident}">in {n}</div></div>')
    parts.append('<div aria-hidden="true">a</div><div data-lp-replacement-content="1">b</div><div itemprop="articleBody">c</div>')
    parts.append("</body></html>")
    return lxml_html.fromstring("".join(parts))


def test_stand_ins_are_installed_for_this_trafilatura() -> None:
    assert fast_xpath.install(), "trafilatura's pruning XPaths changed: re-derive the prefilters in sitrep/clean/fast_xpath.py"


@pytest.mark.parametrize("name", sorted(fast_xpath._PREFILTERS))
def test_same_elements_as_trafilatura_on_synthetic_markup(name: str) -> None:
    original = _originals()[name]
    stand_in = fast_xpath.PrefilteredXPath(original, *fast_xpath._PREFILTERS[name])
    tree = _synthetic_page()
    expected = original(tree)
    assert stand_in(tree) == expected
    body = tree.find("body")
    assert stand_in(body) == original(body)  # on a subtree too (trafilatura prunes sub-elements)


def test_prefilter_that_misses_a_token_is_caught() -> None:
    """The synthetic page is strict enough to expose a prefilter missing one literal."""
    original = _originals()["overall1"]
    too_narrow = fast_xpath.PrefilteredXPath(original, (), lambda el: "hide" in (el.get("class") or ""))
    tree = _synthetic_page()
    assert too_narrow(tree) != original(tree)


def test_self_test_path_keeps_inner_descendant_steps() -> None:
    path = ".//*[self::div][not(.//h1)] | .//aside"
    assert fast_xpath.self_test_path(path) == "self::*[self::div][not(.//h1)] | self::aside"
    with pytest.raises(ValueError):
        fast_xpath.self_test_path("(.//article)[1]")


@pytest.mark.slow
def test_same_elements_as_trafilatura_on_real_pages(shared_dir: Path) -> None:
    base = shared_dir / "data" / "article-extraction"
    files = sorted((base / "zyte-aeb" / "html").glob("*.gz"))[:25] + sorted((base / "trafilatura-eval" / "html").glob("*.gz"))[:25]
    if not files:
        pytest.skip("no article-extraction pages under ../shared")
    originals = _originals()
    stand_ins = {name: fast_xpath.PrefilteredXPath(originals[name], *spec) for name, spec in fast_xpath._PREFILTERS.items()}
    selected = 0
    for path in files:
        tree = load_tree(gzip.decompress(path.read_bytes()).decode("utf-8", "replace"))
        assert tree is not None
        for name, stand_in in stand_ins.items():
            expected = originals[name](tree)
            assert stand_in(tree) == expected, f"{name} differs on {path.name}"
            selected += len(expected)
    assert selected > 100
