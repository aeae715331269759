"""Article body, removed boilerplate and metadata from one decoded page.

``clean_document`` dispatches on what the content *is* (HTML markup or plain text), not only
on what ``raw.content_type`` claims:

* **HTML**: trafilatura (precision/recall settings picked on the benchmarks, see
  ``benchmarks/bench_extraction.py``), readability-lxml as a fallback when trafilatura finds
  too little, then the plain-text line rules over the extracted paragraphs to drop leftover
  furniture ("Advertisement", share lines). Metadata: trafilatura's title/author/sitename/date
  (:func:`page_metadata`: its metadata steps minus the ones sitrep never reads), the canonical
  link, ``og:site_name`` and JSON-LD publisher/author/date. The page is parsed once; the same
  lxml tree feeds the metadata, trafilatura's body extraction (which works on its own copy) and
  the ``removed`` scan, read lazily until ``MAX_REMOVED`` lines are found. trafilatura's
  costliest pruning XPaths are swapped for result-identical, faster stand-ins
  (:mod:`sitrep.clean.fast_xpath`) before its first use.
* **plain text**: :mod:`sitrep.clean.lines` classifies every line; the body is the kept lines
  joined by blank lines (``"\\n\\n"``), one paragraph per line.

The dateline is recorded, never stripped from the body (offsets matter): ``article.dateline``
is the place as written, with a shouting-caps city put in title case ("SEOUL, South Korea —"
→ "Seoul, South Korea"; "KYIV (Reuters) -" → "Kyiv"; "AL-MUKALLA:" → "Al-Mukalla").
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sitrep.clean import fast_xpath
from sitrep.clean import lines as L
from sitrep.clean.language import detect_language
from sitrep.clean.outlets import resolve_outlets
from sitrep.errors import NoArticle
from sitrep.models import Article, RawDocument
from sitrep.settings import Settings

log = logging.getLogger("sitrep.clean.article")

#: trafilatura settings used by sitrep, chosen on benchmarks/bench_extraction.py (full sets):
#: Zyte F1 default 0.963 / fast 0.966 / favor_precision 0.972 / favor_recall 0.963;
#: trafilatura-eval F1 default 0.934 / fast 0.929 / favor_precision 0.924 / favor_recall 0.933.
#: ``fast`` (no internal readability/jusText comparison) keeps both above trafilatura alone
#: (0.953 / 0.924) at ~1.6x the speed; favor_precision only ties trafilatura on the second set.
TRAFILATURA_OPTIONS: dict[str, Any] = {"fast": True, "include_comments": False, "include_tables": True}
MAX_REMOVED = 60
_HTML_SNIFF = re.compile(r"<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|script)\b", re.IGNORECASE)
_BLOCK_TAGS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "a", "td", "figcaption", "dt", "dd", "button", "label")

_DATELINE = re.compile(
    r"^(?P<place>(?:[A-Z][A-Z'’.\-]+(?:\s+[A-Z][A-Z'’.\-]+){0,3}))"  # SEOUL / DUBAI / AL-MUKALLA / NEW DELHI
    r"(?P<rest>(?:,\s*(?:[A-Z][\w'’.\-]+)(?:\s+[A-Z][\w'’.\-]+){0,3}){0,2}?)"  # , South Korea / , United Arab Emirates
    r"(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}))?"  # , March 3
    r"\s*(?:\((?P<agency>[A-Za-z][\w/ .-]{1,30})\))?\s*"  # (AP) / (Reuters)
    r"(?:[—–]|--?|:)\s+"
)
_TITLE_DATELINE = re.compile(r"^(?P<place>[A-Z][a-z]+(?:[\s-][A-Z][a-z]+){0,2})\s*(?:\((?P<agency>[\w/ .-]{1,30})\))?\s*(?::|[—–]|--?)\s+(?=[A-Z0-9“\"])")


#: Page dates trafilatura found while cleaning, by content hash, so the dates stage need not
#: parse the HTML again (a small bounded cache; the spine runs clean then dates on one document).
_HTML_DATES: dict[bytes, str | None] = {}


def cached_html_date(raw: RawDocument) -> tuple[bool, str | None]:
    """(known, date) for a page cleaned in this process."""
    key = raw.content  # bytes cache their hash: no second digest of the page
    return (key in _HTML_DATES, _HTML_DATES.get(key))


def _remember_html_date(raw: RawDocument, value: str | None) -> None:
    if len(_HTML_DATES) >= 16:  # the spine runs clean then dates on one page: a few entries suffice
        _HTML_DATES.clear()
    _HTML_DATES[raw.content] = value


@dataclass
class Cleaned:
    """What the clean stage hands the spine."""

    body: str
    removed: list[str] = field(default_factory=list)
    article: Article = field(default_factory=Article)


def looks_like_html(text: str) -> bool:
    head = text[:2048]
    return bool(_HTML_SNIFF.search(head)) and head.count("<") >= 3


def find_dateline(body: str) -> str | None:
    """The place named in the dateline opening the first paragraph(s), as written (caps → title case)."""
    for para in body.split("\n\n")[:3]:
        m = _DATELINE.match(para)
        if m and len(para) > len(m.group(0)) + 20:
            place = m.group("place").strip()
            if len(place) < 3 or place in {"UPDATE", "BREAKING", "WATCH", "LIVE", "EXCLUSIVE", "ANALYSIS", "OPINION", "EDITOR'S NOTE"}:
                continue
            rest = m.group("rest") or ""
            return _caps_to_title(place) + rest
        m2 = _TITLE_DATELINE.match(para)
        if m2 and len(L.words(para)) > 12 and m2.group("place").lower() not in L.NAV_WORDS:
            return m2.group("place")
    return None


def _caps_to_title(place: str) -> str:
    return "-".join(" ".join(w.capitalize() for w in part.split()) for part in place.split("-"))


_ROLE_TAIL = re.compile(r"\s*,\s*.*\b(?:writer|reporter|correspondent|editor|staff|contributor|bureau|press|news)\b.*$", re.IGNORECASE)


def _split_authors(author: str | None) -> list[str]:
    """Author names from a byline string: "By TOM KRISHER, AP Auto Writer" → ["Tom Krisher"]."""
    if not author:
        return []
    author = _ROLE_TAIL.sub("", author.strip())
    out = []
    for a in re.split(r";|\band\b|\s&\s|,(?=\s*[A-Z][a-z]+\s+[A-Z])", author):
        a = re.sub(r"^(?:by|written by|author)\s*:?\s+", "", a.strip(), flags=re.IGNORECASE).strip(" ,.")
        if a.isupper() and len(a) > 4:
            a = a.title()
        if a and len(a.split()) <= 6:
            out.append(a)
    return out


def _dedupe(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for it in items:
        key = it.lower()
        if key not in seen:
            seen.add(key)
            out.append(it)
    return out


# --------------------------------------------------------------------------- plain text


def _clean_text_page(raw: RawDocument, text: str, settings: Settings) -> Cleaned:
    page = L.classify_lines(text)
    body = "\n\n".join(page.body_lines)
    if len(body) < settings.min_body_chars:
        raise NoArticle(
            f"no article body found: the text has {len(body)} characters of prose after removing page furniture "
            f"(need {settings.min_body_chars}; lower min_body_chars for very short items)",
            input=raw.uri,
        )
    hints = raw.hints
    bios = " ".join(ln.text for ln in page.lines if ln.kind == "bio")
    outlet, aggregator = resolve_outlets(
        body + ("\n\n" + bios if bios else ""),
        credits=page.credits,
        email_domains=[d for _, d in page.contacts],
        brand=page.brand,
        site_name=hints.get("site_name") or hints.get("feed_title"),
        canonical_url=hints.get("canonical"),
        page_url=raw.url,
    )
    dateline = find_dateline(body)
    if dateline is None and page.dateline_line:
        dateline = _caps_to_title(page.dateline_line)
    article = Article(
        title=page.title or hints.get("title"),
        authors=_dedupe(page.authors or _split_authors(hints.get("author"))),
        outlet=outlet,
        aggregator=aggregator,
        url=raw.url or hints.get("link"),
        language=detect_language(body),
        dateline=dateline,
    )
    return Cleaned(body=body, removed=page.removed[:MAX_REMOVED], article=article)


# --------------------------------------------------------------------------- HTML


def _json_ld(tree: Any) -> dict[str, str]:
    """publisher / author / url from JSON-LD blocks (NewsArticle and friends)."""
    out: dict[str, str] = {}

    def visit(node: Any) -> None:
        if isinstance(node, list):
            for n in node:
                visit(n)
            return
        if not isinstance(node, dict):
            return
        if "@graph" in node:
            visit(node["@graph"])
        typ = node.get("@type")
        typs = typ if isinstance(typ, list) else [typ]
        if any(isinstance(t, str) and t.endswith(("Article", "Posting", "Report")) for t in typs):
            pub = node.get("publisher")
            if isinstance(pub, list) and pub:
                pub = pub[0]
            if isinstance(pub, dict) and isinstance(pub.get("name"), str):
                out.setdefault("publisher", pub["name"])
            auth = node.get("author")
            names = []
            for a in auth if isinstance(auth, list) else [auth]:
                if isinstance(a, dict) and isinstance(a.get("name"), str):
                    names.append(a["name"])
                elif isinstance(a, str):
                    names.append(a)
            if names:
                out.setdefault("author", "; ".join(names))
            for key in ("datePublished", "dateModified", "url"):
                if isinstance(node.get(key), str):
                    out.setdefault(key, node[key])

    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            visit(json.loads(script.text or ""))
        except (ValueError, TypeError):
            continue
    return out


def _meta(tree: Any) -> dict[str, str]:
    out: dict[str, str] = {}
    for el in tree.xpath('//meta[@property="og:site_name" or @name="og:site_name" or @property="og:url" or @name="author"]'):
        key = el.get("property") or el.get("name")
        if key and el.get("content"):
            out.setdefault(key, el.get("content").strip())
    for el in tree.xpath('//link[@rel="canonical"]'):
        if el.get("href"):
            out.setdefault("canonical", el.get("href").strip())
    return out




def _page_blocks(tree: Any, limit: int = 600) -> Iterator[str]:
    """Short leaf text blocks of the page (a block tag with no block-tag child), distinct, in
    page order: the candidates for ``removed``.

    A generator: the caller stops once it has ``MAX_REMOVED`` lines, so most pages never read
    their footer. (``tree.iter`` filters tags in C; an XPath doing the leaf test was slower.)"""
    seen: set[str] = set()
    for el in tree.iter(*_BLOCK_TAGS):
        if len(el) and any(child.tag in _BLOCK_TAGS for child in el):
            continue
        t = " ".join(el.text_content().split())
        if 2 <= len(t) <= 300 and t not in seen:
            seen.add(t)
            yield t
            if len(seen) >= limit:  # enough to report what was dropped (MAX_REMOVED are kept)
                return


def _readability_text(html: str) -> str:
    from lxml import html as lxml_html
    from readability import Document

    summary = Document(html).summary(html_partial=True)
    tree = lxml_html.fromstring(summary)
    paras = [" ".join(el.text_content().split()) for el in tree.iter("p", "li", "h2", "h3", "h4", "blockquote", "pre")]
    return "\n".join(p for p in paras if p)



#: Candidate byline elements: one XPath with ``contains()`` (evaluated in C; trafilatura's author
#: XPaths use EXSLT regex tests, which call back into Python for every element, and deep-copy the page).
_AUTHOR_CANDIDATES = (
    '//*[@rel="author" or @itemprop="author" or contains(@class,"byline") or contains(@class,"author")'
    ' or contains(@class,"Author") or contains(@class,"Byline") or contains(@id,"byline") or @id="author"]'
    "[not(self::meta or self::link or self::script or self::style or self::img or self::html or self::body"
    " or self::article or self::main or self::section or self::ul or self::ol or self::form)]"
)
#: Containers whose bylines are not the article's (reader comments, related-story lists, sidebars, quotes).
_NOT_ARTICLE_BYLINE = re.compile(r"(?:^|[\s_])(?:comment|reply|sidebar|related|recommend|popular|teaser)", re.IGNORECASE)
_BYLINE_PREFIX = re.compile(r"^(?:(?:view|see) all (?:posts|articles|stories) by|more (?:from|by)|posted by|published by|written by|words by|story by|reporting by|author(?:s)?\s*:|by)\s*:?\s*", re.IGNORECASE)
_BYLINE_CUT = re.compile(r"\s+(?:[|•·]|[-–—]\s|(?:updated|published|posted|on)\s).*$", re.IGNORECASE)


def _byline_names(pieces: list[str]) -> str:
    """Names from a byline element's text pieces: the first piece after a "By" prefix, plus the
    pieces joined to it by "and" / "," / "&" (separate links per author); later pieces (the
    outlet line, a timestamp) are left out. Comma-separated names become "; "-separated."""
    pieces = [p for p in pieces if p]
    while pieces and (not _BYLINE_PREFIX.sub("", pieces[0]).strip(" ,.:|-") or (len(pieces[0].split()) <= 2 and pieces[0].split()[-1].islower())):
        pieces.pop(0)  # a lone "By" / "Posted by", or a label in another language ("Publié par")
    if not pieces:
        return ""
    text = _BYLINE_PREFIX.sub("", pieces[0])
    rest = pieces[1:]
    while len(rest) >= 2 and rest[0].strip(" ,").lower() in {"and", "&", ""} | ({""} if rest[0].strip() == "," else set()):
        text += " and " + rest[1]
        rest = rest[2:]
    while len(rest) >= 1 and text.rstrip().endswith((",", " and", "&")):
        text += " " + rest[0]
        rest = rest[1:]
    text = _BYLINE_CUT.sub("", text).strip(" ,.:|-–—")
    parts = [p.strip() for p in re.split(r",|\band\b|\s&\s", text)]
    if "," in text and len(parts) > 1 and all(1 <= len(p.split()) <= 4 for p in parts):
        text = "; ".join(parts)
    return text


def dom_author(tree: Any) -> str | None:
    """The first byline-like element's names ("By Jane Doe" in ``rel=author``, ``itemprop=author``,
    class/id ``author``/``byline``), outside comment/related/sidebar containers; None when no
    candidate reads as up to 12 words, capitalised, without digits. sitrep's cheap stand-in for trafilatura's author
    search (measured on the trafilatura-eval author gold: benchmarks/bench_extraction.py --metadata-only)."""
    for el in tree.xpath(_AUTHOR_CANDIDATES):
        if any(_NOT_ARTICLE_BYLINE.search((a.get("class") or "") + " " + (a.get("id") or "")) for a in el.iterancestors() if a.tag not in ("body", "html")):
            continue
        if _NOT_ARTICLE_BYLINE.search((el.get("class") or "") + " " + (el.get("id") or "")) or "avatar" in (el.get("class") or ""):
            continue
        named = el.xpath('.//*[@itemprop="name"]') if el.get("itemprop") == "author" else []
        text = _byline_names([" ".join(t.split()) for t in (named[0] if named else el).itertext()])
        if not text or text.lower().endswith((" on", " by", "posted", "published")) or len(text) > 80:
            continue
        if any(ch.isdigit() for ch in text) or "@" in text or text.lower() in L.NAV_WORDS:
            continue
        words = text.split()
        if 1 <= len(words) <= 12 and words[0][:1].isupper():
            return text
    return None


def page_metadata(tree: Any, url: str | None = None, *, need_author: bool = True, need_date: bool = True) -> Any:
    """trafilatura's metadata (a ``trafilatura.settings.Document``) for the fields sitrep uses.

    The same steps as ``trafilatura.metadata.extract_metadata`` (``<meta>``, JSON-LD, title,
    author, canonical URL, htmldate, site name, final trim), minus categories, tags and licence
    (never used here, ~20% of its time), and minus the author / date searches when the caller
    already has them from JSON-LD (``need_author`` / ``need_date`` False): the author search
    deep-copies the page and htmldate is the costliest step. Reads ``tree`` without changing it."""
    from htmldate import find_date
    from trafilatura.metadata import (
        META_URL,
        examine_meta,
        extract_meta_json,
        extract_sitename,
        extract_title,
        extract_url,
    )
    from trafilatura.settings import set_date_params

    md = examine_meta(tree)
    if md.author and " " not in md.author:
        md.author = None
    try:
        md = extract_meta_json(tree, md)
    except Exception as e:  # trafilatura's JSON-LD reader has bugs on odd markup
        log.debug("trafilatura JSON-LD metadata failed: %s", e)
    if not md.title:
        md.title = extract_title(tree)
    if not md.author and need_author:
        md.author = dom_author(tree)
    if not md.url:
        md.url = extract_url(tree, url)
    if need_date:
        # as bare_extraction asks for it (trafilatura's settings.cfg: EXTENSIVE_DATE_SEARCH = on)
        date_params = set_date_params(True)
        date_params["url"] = md.url
        md.date = find_date(tree, **date_params)
    if not md.sitename:
        md.sitename = extract_sitename(tree)
    if md.sitename:
        md.sitename = md.sitename.lstrip("@")
        if md.sitename and "." not in md.sitename and not md.sitename[0].isupper():
            md.sitename = md.sitename.title()
    elif md.url:
        m = META_URL.match(md.url)
        if m:
            md.sitename = m[1]
    md.clean_and_trim()
    return md


def extract_html_body(
    html: str,
    url: str | None = None,
    *,
    tree: Any = None,
    options: dict[str, Any] | None = None,
    line_rules: bool = True,
    title: str | None = None,
) -> tuple[str, str | None, list[str]]:
    """(body with "\n\n" between paragraphs, page title or None, dropped lines).

    trafilatura's body extraction with ``options`` (default :data:`TRAFILATURA_OPTIONS`) on
    ``tree`` (parsed from ``html`` when not given; trafilatura copies it, ``tree`` is left as it
    was); readability-lxml when that finds under 400 characters and readability finds much more;
    then, with ``line_rules``, lines the plain-text rules call furniture are dropped, and a
    leading copy of the title (``title``, else trafilatura's metadata title of the page)."""
    import trafilatura

    fast_xpath.install()
    if tree is None:
        tree = load_tree(html)
    text = ""
    if tree is not None:
        if title is None:
            try:
                title = page_metadata(tree, url, need_author=False, need_date=False).title
            except Exception as e:  # metadata must not cost the body
                log.warning("trafilatura metadata failed on %s: %s", url or "a page", e)
        try:
            doc = trafilatura.bare_extraction(tree, url=url, with_metadata=False, **(options or TRAFILATURA_OPTIONS))
        except Exception as e:  # a crash on one odd page must not stop a batch; readability gets a go
            log.warning("trafilatura failed on %s: %s", url or "a page", e)
            doc = None
        text = (getattr(doc, "text", None) or "") if doc is not None else ""
    if len(text) < 400:
        try:
            alt = _readability_text(html)
        except Exception as e:  # readability raises bare Exceptions on odd markup
            log.debug("readability fallback failed: %s", e)
            alt = ""
        if len(alt) > 2 * len(text) + 100:
            text = alt
    kept: list[str] = []
    dropped: list[str] = []
    for line in text.split("\n"):
        t = " ".join(line.split())
        if not t:
            continue
        if line_rules and L.html_drop_kind(t) is not None:
            dropped.append(t)
        else:
            kept.append(t)
    if title:
        norm_titles = (L.norm_text(title), L.norm_text(L.strip_section_suffix(title)))
        while kept and L.norm_text(kept[0]) in norm_titles:
            kept.pop(0)
    return "\n\n".join(kept), title, dropped


def _removed_lines(dropped: list[str], blocks: Iterator[str], body: str, title: str | None) -> list[str]:
    """Up to MAX_REMOVED distinct dropped lines, then page blocks that are not in the body."""
    body_set = set(body.split("\n\n"))
    title_key = L.norm_text(title or "")
    out: list[str] = []
    seen: set[str] = set()
    for b in dropped:
        if b.lower() not in seen:
            seen.add(b.lower())
            out.append(b)
            if len(out) >= MAX_REMOVED:
                return out
    for b in blocks:
        key = b.lower()
        if key in seen or b in body_set or b in body or L.norm_text(b) == title_key:
            continue
        seen.add(key)
        out.append(b)
        if len(out) >= MAX_REMOVED:
            break
    return out


_DOC_START = re.compile(r"<!doctype\s+html|<html[\s>]", re.IGNORECASE)


_PARSER: Any = None


def _html_parser() -> Any:
    """trafilatura's HTML parser settings, with lxml's element classes picked in C.

    ``lxml.html`` decides each element's Python class with a Python callback (form, input,
    select, textarea and label get their own classes); trafilatura, htmldate and sitrep use none
    of those classes' extra methods, and that callback ran close to a million times per 350 pages.
    Every element here is a plain ``HtmlElement`` (the same tree, found by the same parser)."""
    global _PARSER
    if _PARSER is None:
        from lxml import etree
        from lxml.html import HtmlComment, HtmlElement, HTMLParser

        parser = HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True, remove_pis=True)
        parser.set_element_class_lookup(etree.ElementDefaultClassLookup(element=HtmlElement, comment=HtmlComment))
        _PARSER = parser
    return _PARSER


def _load_html(html: str) -> Any:
    """``trafilatura.utils.load_html`` for a decoded page (same repairs, fallbacks and rejection
    test), parsed with :func:`_html_parser`."""
    from lxml.html import fromstring
    from trafilatura.utils import is_dubious_html, repair_faulty_html

    beginning = html[:50].lower()
    dubious = is_dubious_html(beginning)
    html = repair_faulty_html(html, beginning)
    tree, from_bytes = None, False
    try:
        tree = fromstring(html, parser=_html_parser())
    except ValueError:  # "Unicode strings with encoding declaration are not supported"
        from_bytes = True
    except Exception as e:  # libxml2 gives up on some markup: as trafilatura, try the bytes
        log.debug("lxml could not parse the page text: %s", e)
    if from_bytes or tree is None or len(tree) < 1:
        try:
            tree = fromstring(html.encode("utf8", "surrogatepass"), parser=_html_parser())
        except Exception as e:
            log.debug("lxml could not parse the page bytes: %s", e)
            tree = None
    if tree is not None and dubious and len(tree) < 2:
        tree = None  # not (well-formed) HTML at all
    return tree


def load_tree(html: str) -> Any:
    """trafilatura's loader (see :func:`_load_html`), retried from the document's start when
    markup before the doctype (editor tags, stray elements, some CMS wrappers) makes it give up
    while the page is fine."""
    tree = _load_html(html)
    if tree is None:
        m = _DOC_START.search(html, 1)
        if m:
            tree = _load_html(html[m.start() :])
    return tree


def _clean_html(raw: RawDocument, text: str, settings: Settings) -> Cleaned:
    tree = load_tree(text)
    if tree is None:
        raise NoArticle("the HTML could not be parsed into a document tree", input=raw.uri)
    meta = _meta(tree)
    ld = _json_ld(tree)
    ld_date = ld.get("datePublished", "")[:10]
    try:
        doc = page_metadata(tree, raw.url, need_author=not ld.get("author"), need_date=not ld_date)
    except Exception as e:  # metadata must not cost the body; the fallbacks below still apply
        log.warning("trafilatura metadata failed on %s: %s", raw.uri, e)
        doc = None
    body, title, dropped = extract_html_body(text, raw.url, tree=tree, title=getattr(doc, "title", None) or "")
    if len(body) < settings.min_body_chars:
        raise NoArticle(
            f"no article body found: the page yields {len(body)} characters of article text "
            f"(need {settings.min_body_chars}); it may be an index page, a login wall or script-rendered",
            input=raw.uri,
        )
    title = title or raw.hints.get("title")
    removed = _removed_lines(dropped, _page_blocks(tree), body, title)
    page = L.collect_metadata(body.split("\n\n"))
    authors = _split_authors(ld.get("author") or getattr(doc, "author", None) or meta.get("author") or raw.hints.get("author"))
    authors = _dedupe(authors + page.authors) if not authors else authors
    page_url = raw.url or getattr(doc, "url", None) or raw.hints.get("link")
    canonical = meta.get("canonical") or meta.get("og:url") or getattr(doc, "url", None)
    site_name = meta.get("og:site_name") or getattr(doc, "sitename", None) or raw.hints.get("site_name")
    outlet, aggregator = resolve_outlets(
        body,
        credits=page.credits,
        email_domains=[d for _, d in page.contacts],
        site_name=site_name,
        publisher=ld.get("publisher"),
        canonical_url=canonical,
        page_url=page_url,
    )
    if ld_date or doc is not None:  # after a metadata failure the dates stage runs htmldate itself
        _remember_html_date(raw, ld_date or getattr(doc, "date", None))
    article = Article(
        title=L.strip_section_suffix(title) if title else None,
        authors=authors,
        outlet=outlet,
        aggregator=aggregator,
        url=canonical or page_url,
        language=(getattr(doc, "language", None) or detect_language(body)),
        dateline=find_dateline(body),
    )
    return Cleaned(body=body, removed=removed, article=article)


def clean_document(raw: RawDocument, text: str, settings: Settings) -> Cleaned:
    """Body, removed boilerplate and article metadata for one decoded page (see module docstring)."""
    is_html = raw.content_type == "text/html" or raw.content_type.endswith("xml") and looks_like_html(text)
    if is_html and not looks_like_html(text) and "<" not in text[:4096]:
        is_html = False  # declared HTML but carries no markup
    elif not is_html and looks_like_html(text):
        is_html = True  # declared text (or an unknown extension) but is a page
    return _clean_html(raw, text, settings) if is_html else _clean_text_page(raw, text, settings)
