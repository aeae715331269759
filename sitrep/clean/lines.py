"""Line-level boilerplate classifier for plain-text pages (aggregator / scraper output).

A text page is read as three zones:

* **header**: lines before the first prose paragraph: site brand, date/place bars, sponsor
  and navigation words, bylines, the headline (possibly behind a ``Prefix:`` label);
* **body**: prose paragraphs, interleaved with ads, captions, labels and share lines;
* **tail**: what follows an end-of-article marker ("Read more", an author box, "Related"...).

Every line gets a ``kind``: ``body`` (kept), ``blank``, ``title``, or the reason it was
dropped (``sponsor``, ``nav``, ``caption``, ...). The rules are general patterns of web page
furniture (lexicons of navigation, share, ad and credit wording, shapes such as a lone number or
a line of language codes); none names a particular site. Hand-written because no library
classifies *plain-text* lines (trafilatura/jusText need the HTML tree).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz

# --------------------------------------------------------------------------- lexicons

#: Words that, alone or in short runs, are page navigation or section labels.
NAV_WORDS = frozenset(
    """
    home back next previous prev more menu search topic topics tags tag section sections news world
    politics business sport sports opinion video videos photo photos gallery galleries live latest
    trending popular feed top stories story headlines local national international region regions
    europe africa asia americas middle east mena uk us economy tech technology science health
    culture entertainment lifestyle weather analysis features feature explainer podcast podcasts
    newsletter newsletters login log in sign up register account subscribe share print email
    comment comments reply close open skip to content main navigation nav breaking update updates
    article image images avatar pictures picture in from the of and read watch listen also related
    recommended editor's pick picks archive archives contact about advertise careers privacy policy
    terms use cookies cookie settings accept all rights reserved page view full site mobile desktop
    english français deutsch español português русский українська العربية العربیة
    world's special report reports investigation investigations conflict war
    """.split()
)
ROLE_WORDS = frozenset(
    "reporter correspondent editor writer journalist contributor columnist producer staff "
    "author photographer analyst intern".split()
)
LANG_CODES = frozenset(
    "en ua uk ru fr de es it pt ar fa tr pl nl zh ja ko he ro hu cs sk bg sr hr el sv no da fi "
    "eng fra deu esp rus ukr ara".split()
)
WIRE_AGENCIES = ("AP", "AFP", "Reuters", "UPI", "ANI", "PTI", "IANS", "dpa", "DPA", "EFE", "ANSA", "Xinhua", "TASS", "Anadolu", "Bernama", "Yonhap", "Kyodo", "APA", "IRNA", "WAM", "SPA", "Ukrinform", "Interfax")

_WORD = re.compile(r"[\w'’.-]+", re.UNICODE)
_EMAIL = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
DATE_IN_LINE = re.compile(
    rf"\b(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|"
    r"\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{4})\b",
    re.IGNORECASE,
)
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?"
_TIME = r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?"

_SPONSOR = re.compile(
    r"^(?:sponsor(?:ed)?(?:\s+(?:content|links?|stories|by))?|advertisement|advertising|advert|ad|ads|"
    r"promoted(?:\s+(?:content|stories|links))?|paid (?:content|post|partnership)|partner content|"
    r"presented by|supported by|story continues below(?: advertisement)?|continue reading below|"
    r"scroll to continue(?: with content)?|content continues below)\b\s*[:.|-]?",
    re.IGNORECASE,
)
_SHARE = re.compile(
    r"(?:^(?:share|tweet|email|print|copy link|save|pin it|whatsapp|telegram|facebook|twitter|linkedin|reddit)"
    r"(?:\s+(?:this|on|via|the|story|article|link|facebook|twitter|x|whatsapp|email|linkedin))*\s*[:|]?\s*$)|"
    r"\bfollow us\b|\bfollow (?:@|\w+ on (?:twitter|x|facebook|instagram|telegram))|"
    r"\b(?:we are|we're|join us|find us) (?:also )?on (?:facebook|twitter|instagram|telegram|youtube|whatsapp)\b|"
    r"\bsubscribe (?:to|for|now|today)\b|^subscribe\b|\bsign up (?:for|to)\b|\bnewsletter\b.{0,40}\b(?:sign|subscribe|inbox)|"
    r"\b(?:download|get) (?:our|the) app\b|\bturn on notifications\b|\bjoin (?:our|the) (?:whatsapp|telegram)\b|"
    r"^click here\b|\bclick here to\b|^(?:log ?in|sign ?in|register)\b.{0,30}$",
    re.IGNORECASE,
)
_DONATE = re.compile(
    r"\bmembers? on board\b|\bbecome a (?:member|subscriber|patron|supporter)\b|\bsupport (?:our|independent|quality) "
    r"(?:journalism|reporting|newsroom)\b|\bdonate\b|\bmake a (?:donation|contribution)\b|"
    r"\bchose to (?:be part|support|join)\b|\bpart of the [\w ]{2,40} community\b.*\bthank you\b|\bpaywall\b",
    re.IGNORECASE,
)
_RELATED = re.compile(
    r"^(?:related(?: (?:articles?|stories|news|content|coverage|posts?|topics?))?|read (?:more|also|next|further)|"
    r"also read|see also|more (?:from|on|about|stories|news)\b.*|recommended(?: for you| stories)?|"
    r"you (?:may|might) also (?:like|be interested in)|most (?:read|popular|viewed|shared)|"
    r"(?:watch|listen|explainer|update|breaking|live|opinion|analysis|editor's note)\s*:|"
    r"what (?:we know|to know)\s*:|trending(?: now| stories)?|top stories|latest (?:news|stories|videos?)|"
    r"don't miss|in case you missed it|more (?:videos|photos))\s*:?",
    re.IGNORECASE,
)
_END_MARKER = re.compile(
    r"^(?:read more|related(?: articles?| stories| news| content| coverage)?|more from\b.*|recommended(?: for you| stories)?|"
    r"you (?:may|might) also (?:like|be interested in)|most (?:read|popular|viewed|shared)|comments? (?:are|is) closed\b.*|"
    r"(?:show|view|load|read) comments?\b.*|\d+ comments?|leave a (?:comment|reply)|about the author|"
    r"tags?\s*:.*|topics?\s*:.*|filed under\b.*|avatar|author box|more stories|latest (?:news|stories))\s*[:.]?$",
    re.IGNORECASE,
)
_CONSENT = re.compile(
    r"\bwe use cookies\b|\bcookie (?:policy|settings|preferences)\b|\bby (?:continuing|using this site)\b.{0,60}\b(?:agree|accept|consent)\b|"
    r"^(?:accept|reject|allow) (?:all|cookies)\b|^(?:loading|please wait)\W*$|^like this:?$|^like loading\W*$|"
    r"^listen to (?:this|the) (?:article|story)\b|^(?:our standards|editorial standards|ethics policy)\s*:",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright)\s*.{0,100}$|\ball rights reserved\b", re.IGNORECASE)
_COMMENTS = re.compile(r"^(?:\d[\d,.]*\s*(?:k\s*)?(?:comments?|replies|shares?|views?|likes?|reactions?)|comments?\s*\(?\d*\)?)$", re.IGNORECASE)
_READTIME = re.compile(r"^(?:reading time\s*:?\s*)?\d+\s*(?:-\s*\d+\s*)?(?:min(?:ute)?s?|m)\.?\s*(?:read|reading|listen)?$", re.IGNORECASE)
_PHOTO_CREDIT = re.compile(
    r"^(?:(?:photo|image|picture|photograph|video|file photo|illustration|graphic|caption|credit|credits|photo credit|"
    r"image credit|image source|photo source|source image)s?\s*(?:by)?\s*[:|/-]|(?:photo|image|picture|video)\s+(?:by|courtesy|credit)\b|"
    r"\(?(?:photo|image|picture)\s*:|\[?getty images\]?$|\(?(?:AP|AFP|Reuters|EPA|Getty)(?: Photo| Images| via Getty Images)?(?:/[^)]{0,60})?\)?$)",
    re.IGNORECASE,
)
#: A caption ends with a bracketed credit: "(Jane Doe/AP Photo)", "[Getty]", "(AFP)", "(Source: X/Telegram)".
_TRAILING_CREDIT = re.compile(r"[(\[]([^()\[\]]{1,90})[)\]]\s*$")
_CREDIT_WORDS = re.compile(
    r"/|\b(?:photo|photos|image|images|getty|afp|ap|reuters|epa|anadolu|xinhua|tass|pti|ani|efe|file|credit|courtesy|"
    r"source|handout|pool|via|screenshot|screengrab|illustrative|shutterstock|alamy|sipa|bloomberg)\b",
    re.IGNORECASE,
)
_CAPTION_START = re.compile(
    r"^(?:illustrative (?:photo|image|purposes)|file (?:photo|image)|this (?:picture|photo|image|handout|screengrab|video grab)\b|"
    r"in this (?:photo|picture|image|file)\b|(?:a|an|the) (?:photo|picture|image|screengrab|still) (?:taken|released|shows)\b|"
    r"photo(?:graph)? (?:shows|taken)\b)",
    re.IGNORECASE,
)
_CREDIT_LINE = re.compile(
    r"^(?:source|sources|via|courtesy(?: of)?|originally (?:published|appeared) (?:in|on|at|by)|"
    r"this (?:article|story|report|piece) (?:was )?(?:originally |first )?(?:published|appeared|ran) (?:in|on|at|by)|"
    r"(?:re)?published (?:with permission )?(?:from|by)|syndicated from|republished from|"
    r"(?:©|\(c\)|copyright)\s*(?:\d{4})?)\s*[:]?\s*(?P<name>[^.;:]{2,80}?)\s*[.]?$",
    re.IGNORECASE,
)
_WIRE_CREDIT = re.compile(r"^\((?:reporting|writing|editing|additional reporting|compiled) by\b.*\)$|^(?:reporting|editing) by\b.{0,120}$", re.IGNORECASE)
_BYLINE = re.compile(
    r"^(?:by|author|authors|written by|words by|reporting by|story by|posted by|byline)\s*[:|]?\s+(?P<names>.{2,120})$",
    re.IGNORECASE,
)
_CONTACT = re.compile(
    r"(?:^[•*·\-\s]*(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})\s+(?:can be (?:reached|contacted)|is reachable|may be reached)\b)|"
    r"^(?:contact|e-?mail|write to|reach)\b.{0,60}@|^(?:contact|e-?mail)\s*(?:us|the (?:author|reporter|writer))?\s*:",
    re.IGNORECASE,
)
_DATE_HEAD = re.compile(
    rf"^(?:(?:published|posted|updated|last updated|first published|modified|created|date)(?:\s+on)?\s*:?\s*)?"
    rf"(?:{_TIME},?\s+)?(?:{_WEEKDAY},?\s+)?(?:{DATE_IN_LINE.pattern}|\d+\s+(?:minutes?|hours?|days?|weeks?)\s+ago|today|yesterday)"
    rf"(?:,?\s*(?:at\s+)?{_TIME})?(?:\s*(?:\|.*)?)$",
    re.IGNORECASE,
)
_PIPES = re.compile(r"^[|•·>»/\\\-–—:]+|^\s*\|")
_TITLE_LABEL = re.compile(r"^(?:title|headline|subject|story|article|news)\s*:\s*(?=\S)", re.IGNORECASE)
#: "Prefix:Headline" with no space after the colon: a scraper's field label.
_GLUED_PREFIX = re.compile(r"^[A-Za-z][\w-]{1,20}:(?=[A-Z0-9“\"'‘])")
_BIO = re.compile(
    r"^(?:[A-Z][\w'’.-]+\s+){1,3}(?:is|was|has been|serves as|covers)\s+(?:a|an|the|our)?\s*(?:[\w-]+\s+){0,4}"
    r"(?:reporter|correspondent|editor|writer|journalist|contributor|columnist|producer|analyst|photographer|author|fellow)\b",
)
_BULLET = re.compile(r"^[•*·▪►▶\-–]\s+")
_SHOUT = re.compile(r"^[^a-z]*[A-Z]{2,}[^a-z]*$")
_SENT_END = re.compile(r"[.!?…:;”\"’')\]]$")



MAX_TITLE_SCAN = 80  # header lines searched for the headline

def words(text: str) -> list[str]:
    return _WORD.findall(text)


def norm_text(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def is_lone_name(text: str) -> bool:
    """A line that is just a person's name: 2–4 capitalised words, no digits, not navigation."""
    toks = text.split()
    if not 2 <= len(toks) <= 4 or any(ch.isdigit() for ch in text) or len(text) > 50:
        return False
    if not all(re.fullmatch(r"[A-Z][a-zà-ÿ'’.-]+|[A-Z]\.|(?:de|van|von|al|el|bin|da|di|du|la|le)", t) for t in toks):
        return False
    low = [t.lower().strip(".") for t in toks]
    return not all(t in NAV_WORDS for t in low) and not any(t in ROLE_WORDS for t in low)


def is_nav(text: str) -> bool:
    """Short runs of navigation / section words ("back", "News World", "Live Story", "MENA")."""
    toks = [t.lower().strip(".:|»›>") for t in re.split(r"[\s|/»›>•·]+", text) if t.strip(".:|»›>")]
    return 0 < len(toks) <= 5 and all(t in NAV_WORDS or t in ROLE_WORDS for t in toks)


def is_language_switcher(text: str) -> bool:
    toks = [t.lower() for t in re.split(r"[\s|/,·•]+", text) if t]
    return len(toks) >= 2 and all(t in LANG_CODES or t in NAV_WORDS and not t.isascii() for t in toks)


def trailing_credit(text: str) -> str | None:
    """The bracketed photo credit ending a caption line, if any."""
    m = _TRAILING_CREDIT.search(text)
    if m and _CREDIT_WORDS.search(m.group(1)) and not re.search(r"\b(?:said|says|told)\b", m.group(1)):
        return m.group(1)
    return None


def is_prose(text: str) -> bool:
    """A paragraph of running text: enough words, sentence-like."""
    n = len(words(text))
    return n >= 20 or (n >= 9 and bool(re.search(r"[.!?…”\"]\s*$|[.!?]\s", text)) and not text.isupper())


def split_title_prefix(text: str) -> str:
    """Strip a scraper label before a headline ("NextImg:Headline", "Title: Headline")."""
    m = _TITLE_LABEL.match(text) or _GLUED_PREFIX.match(text)
    return text[m.end() :].strip() if m else text


def strip_nav_prefix(text: str) -> str:
    """Drop breadcrumb words before a headline ("News World Russia says ..." → "Russia says ...")."""
    toks = text.split()
    i = 0
    while i < len(toks) - 3 and toks[i].lower() in NAV_WORDS and toks[i][:1].isupper() and toks[i + 1][:1].isupper():
        i += 1
    return " ".join(toks[i:]) if i else text


def strip_section_suffix(title: str) -> str:
    """Drop a trailing " | Section" or " - Site" segment of ≤ 3 words from a page title."""
    m = re.match(r"^(.{15,}?)\s+[|–—]\s+([^|–—]{2,40})$", title)
    if m and len(m.group(2).split()) <= 3:
        return m.group(1).strip()
    return title


def line_rule(text: str) -> str | None:
    """Context-free classification of one stripped line: the drop reason, or None."""
    if not text:
        return "blank"
    if len(text) > 240:  # a long paragraph: only the furniture that can be this long
        if text[:9].lower().startswith("sponsor") and _SPONSOR.match(text):
            return "sponsor"
        if _CAPTION_START.match(text) or (trailing_credit(text) and not text.lstrip().startswith("(")):
            return "caption"
        if _BIO.match(text) and len(text) < 1200:
            return "bio"
        return None
    if _SPONSOR.match(text) and (len(text) < 160 or text.lower().startswith("sponsor")):
        return "sponsor"
    if re.fullmatch(r"[\d\s,.|•·:/-]+", text) and not DATE_IN_LINE.search(text):
        return "counter"
    if _COMMENTS.match(text):
        return "comments"
    if _CONSENT.search(text) and len(text) < 240:
        return "consent"
    if _COPYRIGHT.search(text) and len(text) < 160 and not _CREDIT_LINE.match(text):
        return "copyright"
    if _READTIME.match(text):
        return "read-time"
    if is_language_switcher(text):
        return "language"
    if _CONTACT.search(text) and len(text) < 220:
        return "contact"
    if _EMAIL.search(text) and len(words(text)) <= 12:
        return "contact"
    if _WIRE_CREDIT.match(text):
        return "credit"
    if len(text) < 140 and _CREDIT_LINE.match(text):
        return "credit"
    if len(text) < 140 and _BYLINE.match(text) and not re.search(r"[.!?]\s+[A-Z]", text):
        return "byline"
    if _DATE_HEAD.match(text) or (len(text) < 60 and DATE_IN_LINE.search(text) and "|" in text):
        return "date"
    if _PIPES.match(text) and len(words(text)) <= 6:
        return "header"
    if _SHARE.search(text) and len(text) < 200:
        return "share"
    if _DONATE.search(text) and len(text) < 240:
        return "donate"
    if _PHOTO_CREDIT.match(text) and len(text) < 160:
        return "caption"
    if _CAPTION_START.match(text):
        return "caption"
    if trailing_credit(text) and not text.lstrip().startswith("("):
        return "caption"
    if re.fullmatch(r"short ?url|permalink|copy(?:ied)? link|link copied|print this (?:page|article)", text, re.IGNORECASE):
        return "share"
    if _END_MARKER.match(text):
        return "end"
    if len(text) < 100 and _RELATED.match(text) and not is_prose(text[text.find(":") + 1 :] if ":" in text else ""):
        return "related"
    if is_nav(text):
        return "nav"
    if _BIO.match(text) and len(text) < 1200:
        return "bio"
    return None


def html_drop_kind(text: str) -> str | None:
    """The furniture kinds that survive HTML extraction (ads, share/subscribe, counters, contact,
    consent, donation lines): a cheaper subset of :func:`line_rule` for extracted paragraphs."""
    n = len(text)
    if n > 240:
        return "sponsor" if text[:9].lower().startswith("sponsor") and _SPONSOR.match(text) else None
    if _SPONSOR.match(text) and n < 160:
        return "sponsor"
    if n < 40:
        if re.fullmatch(r"[\d\s,.|•·:/-]+", text) and not DATE_IN_LINE.search(text):
            return "counter"
        if _COMMENTS.match(text):
            return "comments"
        if _READTIME.match(text):
            return "read-time"
        if is_language_switcher(text):
            return "language"
    if "@" in text and (_CONTACT.search(text) or (_EMAIL.search(text) and len(words(text)) <= 12)):
        return "contact"
    if n < 220 and _CONTACT.search(text):  # length first: the cheap test
        return "contact"
    if n < 200 and _SHARE.search(text):
        return "share"
    if _DONATE.search(text):
        return "donate"
    if _CONSENT.search(text):
        return "consent"
    return None


@dataclass
class Line:
    index: int  # 0-based line number in the page
    text: str  # stripped
    kind: str  # "body", "blank", "title", or the drop reason
    block: int = 0  # blank-line-separated block number


@dataclass
class TextPage:
    lines: list[Line]
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    contacts: list[tuple[str, str]] = field(default_factory=list)  # (name, e-mail domain)
    credits: list[str] = field(default_factory=list)  # outlet names from credit lines
    brand: str | None = None  # shouting-caps site header
    header_dates: list[str] = field(default_factory=list)
    dateline_line: str | None = None  # a lone dateline line ("MOSCOW")

    @property
    def body_lines(self) -> list[str]:
        return [ln.text for ln in self.lines if ln.kind == "body"]

    @property
    def removed(self) -> list[str]:
        return [ln.text for ln in self.lines if ln.kind not in ("body", "blank", "title")]

    def dropped_indexes(self) -> list[int]:
        """0-based indexes of non-blank lines not in the body (what the labels score)."""
        return [ln.index for ln in self.lines if ln.kind not in ("body", "blank")]


def _names(text: str) -> list[str]:
    parts = re.split(r"\s*(?:,|\band\b|&|\|)\s*", text)
    out = []
    for p in parts:
        p = re.sub(r"\s*[(\[].*$", "", p).strip(" .;:")
        p = re.sub(r"^(?:by|and)\s+", "", p, flags=re.IGNORECASE)
        if p and len(p.split()) <= 5 and p[:1].isupper() and not any(ch.isdigit() for ch in p):
            out.append(p)
    return out


def collect_metadata(paragraphs: list[str]) -> TextPage:
    """Bylines, contact e-mails and credit lines among already-extracted paragraphs (no zoning):
    for HTML bodies, where the tree already separated the article from the page."""
    lines = []
    for i, t in enumerate(paragraphs):
        kind = None
        if len(t) < 240 and (_BYLINE.match(t) or _CONTACT.search(t) or _EMAIL.search(t) or _CREDIT_LINE.match(t)):
            kind = line_rule(t)
        lines.append(Line(i, t, kind or "body"))
    page = TextPage(lines)
    _collect(page, lines)
    return page


def _collect(page: TextPage, content: list[Line]) -> None:
    for ln in content:
        if ln.kind == "byline":
            m = _BYLINE.match(ln.text)
            if m:
                page.authors.extend(_names(m.group("names")))
        elif ln.kind == "contact":
            m = _CONTACT.search(ln.text)
            em = _EMAIL.search(ln.text)
            name = m.group("name") if m and m.groupdict().get("name") else ""
            if em:
                page.contacts.append((name, em.group(1).lower()))
            if name and name not in page.authors:
                page.authors.append(name)
        elif ln.kind == "credit":
            m = _CREDIT_LINE.match(ln.text)
            if m:
                page.credits.append(m.group("name").strip())
        elif ln.kind == "date":
            page.header_dates.append(ln.text)


def classify_lines(text: str) -> TextPage:
    """Classify every line of a plain-text page (see the module docstring)."""
    raw_lines = text.splitlines()
    lines: list[Line] = []
    block = 0
    for i, raw in enumerate(raw_lines):
        t = " ".join(raw.split())
        if not t:
            block += 1
        lines.append(Line(i, t, line_rule(t) or "body", block))
    page = TextPage(lines)
    content = [ln for ln in lines if ln.kind != "blank"]
    if not content:
        return page
    blank_separated = sum(1 for ln in lines if ln.kind == "blank") >= max(2, len(content) // 3)

    # --- rule-dropped lines that carry metadata
    _collect(page, content)

    # --- header zone: everything before the first prose paragraph
    first_prose = next((k for k, ln in enumerate(content) if ln.kind == "body" and is_prose(ln.text)), len(content))
    header = content[:first_prose]
    if header and header[0].kind == "body" and _SHOUT.match(header[0].text) and len(words(header[0].text)) >= 2:
        header[0].kind = "brand"
        page.brand = header[0].text
    title_line: Line | None = None
    # A headline sits near the top: looking at the first lines of the header zone keeps this
    # linear on pathological pages (tens of thousands of short lines and no prose).
    candidates = [
        ln for ln in header[:MAX_TITLE_SCAN]
        if ln.kind == "body" and len(words(split_title_prefix(ln.text))) >= 3 and not is_lone_name(ln.text)
        and not split_title_prefix(ln.text).endswith(".") and not (_SHOUT.match(ln.text) and len(words(ln.text)) <= 4)
    ]
    if candidates:
        keys = [norm_text(split_title_prefix(c.text)) for c in candidates]
        key_counts = Counter(keys)
        nearby = [(o, norm_text(o.text)) for o in content[: min(first_prose, MAX_TITLE_SCAN) + 3]]
        repeated = [c for c, k in zip(candidates, keys, strict=True) if key_counts[k] > 1 or any(
            t.startswith(k) and o is not c for o, t in nearby)]
        long_enough = [c for c in candidates if len(words(c.text)) >= 5]
        title_line = (repeated or long_enough or [max(candidates, key=lambda c: len(c.text))])[0]
        title_line.kind = "title"
        page.title = strip_section_suffix(strip_nav_prefix(split_title_prefix(title_line.text)))
    for ln in header:
        if ln.kind != "body":
            continue
        if is_lone_name(ln.text) and (title_line is None or ln.index < title_line.index):
            ln.kind = "byline"
            page.authors.append(ln.text)
        elif _SHOUT.match(ln.text) and len(words(ln.text)) <= 4:
            ln.kind = "dateline"
            page.dateline_line = ln.text
        elif title_line is not None and norm_text(ln.text).startswith(norm_text(page.title or "")[:60]):
            ln.kind = "title-repeat"
        elif not is_prose(ln.text):
            ln.kind = "header"
    if title_line is None and content and content[0].kind == "body" and not is_prose(content[0].text):
        content[0].kind = "title"
        page.title = content[0].text
    # a title with no blank line after it on a page without blank lines ("Title\nProse...")
    if page.title is None and content and content[0].kind == "body":
        first = content[0].text
        if len(words(first)) <= 20 and not _SENT_END.search(first) and len(content) > 2:
            content[0].kind = "title"
            page.title = strip_section_suffix(first)
    norm_title = norm_text(page.title or "")

    # --- body zone
    body_idx = [k for k, ln in enumerate(content) if ln.kind == "body"]
    prose_chars = sum(len(content[k].text) for k in body_idx)
    seen_chars = 0
    cut_from: int | None = None
    for k in range(len(content)):
        ln = content[k]
        if ln.kind == "body":
            seen_chars += len(ln.text)
        if ln.kind in ("end", "bio") and k > first_prose and seen_chars >= 0.5 * prose_chars:
            cut_from = k
            break
    if cut_from is not None:
        for ln in content[cut_from:]:
            if ln.kind == "body" and is_lone_name(ln.text) and not page.authors:
                page.authors.append(ln.text)
            if ln.kind not in ("blank",):
                ln.kind = ln.kind if ln.kind != "body" else "tail"
    for k, ln in enumerate(content):
        if ln.kind != "body":
            # a "related"/teaser marker takes its whole block (headline + teaser sentence) with it
            if ln.kind in ("related",) and blank_separated:
                for other in content[k + 1 :]:
                    if other.block != ln.block:
                        break
                    if other.kind == "body":
                        other.kind = "related"
            continue
        t = ln.text
        n = len(words(t))
        if norm_title and (norm_text(t) == norm_title or (norm_text(t).startswith(norm_title) and n < len(norm_title.split()) + 8)):
            ln.kind = "title-repeat"
        elif n <= 3 and not _SENT_END.search(t) and t[:1] not in "“\"'‘" and not (
            k == len(content) - 1 and k > 0 and content[k - 1].kind == "body" and t[:1].isupper() and not _SHOUT.match(t)
        ):  # (a page cut mid-sentence keeps its last fragment)
            ln.kind = "label" if not _SHOUT.match(t) or k > first_prose + 1 else "dateline"
            if ln.kind == "dateline":
                page.dateline_line = t
        elif is_lone_name(t) and k > first_prose:
            ln.kind = "byline"
        elif k + 1 < len(content) and content[k + 1].kind == "caption" and content[k + 1].text.lower().startswith(("credit", "photo", "image")):
            ln.kind = "caption"
    # a caption right under a "Photo by X / Agency" credit, in the same block of a blank-separated page
    if blank_separated:
        for k, ln in enumerate(content[:-1]):
            nxt = content[k + 1]
            if ln.kind == "caption" and re.match(r"(?:photo|image|picture)s?\s*(?:by|:)", ln.text, re.IGNORECASE) and (
                nxt.kind == "body" and nxt.block == ln.block and len(words(nxt.text)) < 40
            ):
                nxt.kind = "caption"
    # a caption cut short then repeated in full ("...in the Petion Ville" / "...in the Petion-Ville ... [credit]")
    for k, ln in enumerate(content[:-1]):
        nxt = content[k + 1]
        if ln.kind == "body" and nxt.kind == "caption" and fuzz.partial_ratio(norm_text(ln.text), norm_text(nxt.text)) >= 85:
            ln.kind = "caption"
    _drop_duplicates(content, first_prose)
    return page


def _drop_duplicates(content: list[Line], first_prose: int) -> None:
    """Exact and near-duplicate paragraphs: a summary/bullet repeating a later paragraph is dropped
    where it stands near the top; any other repeat is dropped where it recurs."""
    body = [ln for ln in content if ln.kind == "body" and len(words(ln.text)) >= 6]
    keys = [norm_text(_BULLET.sub("", ln.text)) for ln in body]
    if len(body) > 300:  # long pages: exact repeats only (the pairwise fuzzy pass is quadratic)
        first: dict[str, int] = {}
        for n, key in enumerate(keys):
            if key in first:
                body[n].kind = "duplicate"
            else:
                first[key] = n
        return
    for a in range(len(body)):
        if body[a].kind != "body":
            continue
        for b in range(a + 1, len(body)):
            if body[b].kind != "body":
                continue
            ka, kb = keys[a], keys[b]
            if abs(len(ka) - len(kb)) > 0.2 * max(len(ka), len(kb)):
                continue
            if ka == kb or fuzz.ratio(ka, kb) >= 90:
                early = a < 3 or _BULLET.match(body[a].text) is not None
                (body[a] if early else body[b]).kind = "duplicate"
                if early:
                    break
