"""Original outlet vs aggregator: who wrote the story, and who re-posted it.

Evidence for the *original outlet*, strongest first (scores add up per normalised name):

* credit lines ("Source: X", "This article originally appeared in X") ........ 4
* an author e-mail domain ("… can be reached at a@washingtontimes.com") ...... 3
  (mapped to a name: an outlet name in the text that matches the domain wins,
  else the domain split into words on common outlet suffixes and title-cased)
* "X cannot confirm / could not (independently) verify" ....................... 2
* a canonical / JSON-LD publisher naming another site ......................... 2
* "told X", "according to X", "the publication X" where X looks like an outlet  1

The *aggregator* is the site wrapping the copy (a shouting-caps brand header, the hosting
page's site name, a feed title, the page URL's host) when it differs from the original outlet.
Names are normalised: "Washington Times" and "The Washington Times" are one outlet, shown in
the fuller form found in the text.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from urllib.parse import urlsplit

#: General outlet-name words: a capitalised phrase ending in one of these names a publication.
MEDIA_WORDS = (
    "Times|Post|News|Herald|Tribune|Journal|Press|Gazette|Independent|Guardian|Telegraph|Observer|Express|"
    "Mail|Star|Sun|Chronicle|Review|Record|Monitor|Today|Daily|Weekly|Wire|Network|Media|TV|Television|Radio|"
    "Agency|Insider|Standard|Examiner|Reporter|Dispatch|Bulletin|Courier|Inquirer|Mirror|Recorder|Register|"
    "Sentinel|Tribune|Voice|Week|Magazine|Broadcasting|Channel|Service|Online|Info|24|Report|Daily News"
)
#: Wire agencies and international broadcasters often credited by a short name: a general lexicon
#: of the news trade (like a list of unit types), not any page's words.
KNOWN_OUTLETS = (
    "AP", "Associated Press", "AFP", "Agence France-Presse", "Reuters", "UPI", "BBC", "CNN", "Al Jazeera", "Al Arabiya",
    "NPR", "PBS", "ABC", "CBS", "NBC", "Fox News", "Sky News", "France 24", "Deutsche Welle", "DW", "RFE/RL",
    "Radio Free Europe", "Voice of America", "VOA", "Euronews", "Bloomberg", "Axios", "Politico", "TASS", "RIA Novosti",
    "Interfax", "Xinhua", "Yonhap", "Kyodo", "Anadolu", "PTI", "ANI", "IANS", "EFE", "dpa", "ANSA", "Ukrinform", "Meduza",
    "Haaretz", "Ynet", "Middle East Eye", "Arab News", "Dawn", "Kommersant", "Le Monde", "Der Spiegel", "El País",
    "The Economist", "Newsweek", "Vice", "Vox", "HuffPost", "BuzzFeed News", "Business Insider", "Semafor",
)
_KNOWN_RE = "|".join(re.escape(k) for k in sorted(KNOWN_OUTLETS, key=len, reverse=True))
_CAP = r"(?:[A-Z][\w'’&.-]*|of|the|and|de|al)"
_OUTLET_PHRASE = rf"(?:(?:[Tt]he\s+)?(?:[A-Z][\w'’&.-]*\s+){{0,4}}(?:{MEDIA_WORDS})\b|(?:[Tt]he\s+)?(?:{_KNOWN_RE})\b)"
#: (trigger, pattern, weight): the cheap literal trigger is searched first and the pattern only
#: runs on a window around it (the outlet-name patterns backtrack a lot on long bodies).
_PATTERNS: tuple[tuple[re.Pattern[str], re.Pattern[str], int], ...] = (
    (
        re.compile(r"\b(?:confirm|verify)\b"),
        re.compile(rf"(?P<o>{_OUTLET_PHRASE})\s+(?:cannot|can ?not|could not|couldn't|can't|was unable to|has not been able to)\s+(?:independently\s+)?(?:confirm|verify)"),
        2,
    ),
    (re.compile(r"\btold\b"), re.compile(rf"\btold\s+(?P<o>{_OUTLET_PHRASE})"), 1),
    (
        re.compile(r"\b(?:verified|confirmed) by\b"),
        re.compile(rf"\b(?:independently\s+)?(?:verified|confirmed)\s+by\s+(?P<o>{_OUTLET_PHRASE})"),
        2,
    ),
    (
        re.compile(r"\bthe (?:publication|newspaper|outlet|broadcaster)\b"),
        re.compile(rf"\b(?:the\s+(?:publication|newspaper|outlet|broadcaster))\s+(?P<o>(?:{_CAP}\s+){{0,4}}{_CAP})"),
        1,
    ),
    (
        re.compile(r"\bin an? (?:interview|statement)\b"),
        re.compile(rf"\bin an? (?:interview|statement) (?:with|to)\s+(?P<o>{_OUTLET_PHRASE})"),
        1,
    ),
    (re.compile(r"\)\s*[—–-]"), re.compile(rf"\((?P<o>{_KNOWN_RE})\)\s*[—–-]"), 3),
    (
        re.compile(r"\b(?:reporter|correspondent|editor|writer|journalist|columnist) (?:at|for|with)\b"),
        re.compile(
            r"\b(?:is|was) an? (?:[\w-]+ ){0,2}(?:reporter|correspondent|editor|writer|journalist|columnist) (?:at|for|with) "
            r"(?P<o>(?:[Tt]he\s+)?(?:[A-Z][\w'’&.-]*\s*){1,5})"
        ),
        3,
    ),
)
_DOMAIN_SUFFIXES = sorted(
    {w.lower() for w in MEDIA_WORDS.replace(" ", "|").split("|")}
    | {"news", "daily", "online", "world", "today", "now", "live", "wire", "info", "post", "hub", "247", "24"},
    key=len,
    reverse=True,
)
_GENERIC_HOSTS = {"www", "m", "amp", "mobile", "edition", "english", "en", "news", "web", "beta"}


def normalise(name: str) -> str:
    """Comparison key: lower case, no leading "the", letters and digits only."""
    key = re.sub(r"^the\s+", "", name.strip().lower())
    return re.sub(r"[^0-9a-z]+", "", key)


#: Short wire credits shown under their usual full name.
ALIASES = {"ap": "Associated Press", "the associated press": "Associated Press", "voa": "Voice of America", "dw": "Deutsche Welle"}


def clean_name(name: str) -> str:
    name = " ".join(name.replace("’s", "").split()).strip(" .,;:'\"“”")
    name = re.sub(r"^the\s+", "The ", name)
    return ALIASES.get(name.lower(), name)


def _split_compound(token: str) -> list[str]:
    """'washingtontimes' → ['washington', 'times'] by peeling known outlet suffixes (greedy, right to left)."""
    parts: list[str] = []
    rest = token
    while rest:
        for suf in _DOMAIN_SUFFIXES:
            if rest.endswith(suf) and len(rest) > len(suf) + 2:
                parts.insert(0, suf)
                rest = rest[: -len(suf)]
                break
        else:
            parts.insert(0, rest)
            break
    return parts


def domain_of(url_or_email_domain: str | None) -> str | None:
    """Registered-looking part of a host: 'www.washingtontimes.com' → 'washingtontimes'."""
    if not url_or_email_domain:
        return None
    host = urlsplit(url_or_email_domain).hostname if "//" in url_or_email_domain else url_or_email_domain
    if not host:
        return None
    labels = [x for x in host.lower().split(".") if x]
    if len(labels) >= 3 and labels[-2] in {"co", "com", "org", "net", "gov", "ac", "gv"}:
        labels = labels[:-2]
    elif len(labels) >= 2:
        labels = labels[:-1]
    labels = [x for x in labels if x not in _GENERIC_HOSTS] or labels
    return labels[-1] if labels else None


def domain_to_name(domain: str) -> str:
    """A readable outlet name from a host or e-mail domain ('kyivindependent.com' → 'Kyiv Independent')."""
    core = domain_of(domain) or domain
    words = [w for part in core.split("-") for w in _split_compound(part)]
    out = []
    for w in words:
        out.append(w.upper() if len(w) <= 3 and w not in {"sun", "star", "now", "day"} else w.capitalize())
    return " ".join(out)


def name_in_text(domain: str, text: str) -> str | None:
    """The outlet name as the text writes it, when a phrase there spells the domain ("The Washington Times")."""
    key = domain_of(domain)
    if not key or len(key) < 4:
        return None
    words = _split_compound(key)
    pattern = r"\b(?:[Tt]he\s+)?" + r"[\s-]*".join(re.escape(w) for w in words) + r"\b"
    best = None
    for m in re.finditer(pattern, text, re.IGNORECASE):
        cand = m.group(0)
        if cand[:1].isupper() and (best is None or len(cand) > len(best)):
            best = cand
    return clean_name(best) if best else None


class OutletVotes:
    """Scores per normalised outlet name, remembering the fullest spelling seen."""

    def __init__(self) -> None:
        self.score: dict[str, float] = defaultdict(float)
        self.display: dict[str, str] = {}

    def add(self, name: str | None, weight: float) -> None:
        if not name:
            return
        name = clean_name(name)
        key = normalise(name)
        if len(key) < 2:
            return
        self.score[key] += weight
        cur = self.display.get(key)
        if cur is None or (len(name) > len(cur) and name.lower().startswith("the ")):
            self.display[key] = name

    def best(self) -> str | None:
        if not self.score:
            return None
        key = max(self.score, key=lambda k: self.score[k])
        return self.display[key]


def outlet_mentions(text: str) -> list[tuple[str, int]]:
    """Outlet names the prose credits, with their weights (see the module docstring)."""
    found = []
    for trigger, pattern, weight in _PATTERNS:
        seen: set[tuple[int, int]] = set()
        for t in trigger.finditer(text):
            lo = max(0, t.start() - 120)
            for m in pattern.finditer(text, lo, min(len(text), t.end() + 120)):
                if m.start() <= t.start() <= m.end() and m.span("o") not in seen:
                    seen.add(m.span("o"))
                    found.append((m.group("o"), weight))
    return found


def same_outlet(a: str, b: str) -> bool:
    """Two spellings of one outlet: equal keys, an acronym ("WSJ" / "Wall Street Journal"), or one key
    containing the other ("CBSSports.com" / "CBS Sports")."""
    ka, kb = normalise(re.sub(r"\.(?:com|org|net|info|co\.uk)$", "", a)), normalise(re.sub(r"\.(?:com|org|net|info|co\.uk)$", "", b))
    if not ka or not kb:
        return False
    if ka == kb or (min(len(ka), len(kb)) >= 4 and (ka in kb or kb in ka)):
        return True

    def initials(name: str) -> str:
        return "".join(w[0] for w in re.findall(r"[A-Za-z]+", name) if w.lower() not in {"the", "of", "and"}).lower()

    return (len(ka) <= 5 and ka == initials(b)) or (len(kb) <= 5 and kb == initials(a))


def _host_name(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip()
    if value.startswith(("http://", "https://")) or re.fullmatch(r"[\w.-]+\.[a-z]{2,6}", value):
        return domain_to_name(value)
    return clean_name(value)


def resolve_outlets(
    body: str,
    *,
    credits: Sequence[str] = (),
    email_domains: Sequence[str] = (),
    brand: str | None = None,
    site_name: str | None = None,
    publisher: str | None = None,
    canonical_url: str | None = None,
    page_url: str | None = None,
) -> tuple[str | None, str | None]:
    """(original outlet, aggregator) from the evidence described in the module docstring.

    The *host* is the site the page came from (brand header, publisher, site name, URL). Text
    evidence names another outlet when it scores ≥ 3 (a credit line, an author e-mail domain, a wire
    dateline, or weaker mentions that add up), or ≥ 1 when there is no host at all.
    """
    votes = OutletVotes()
    for c in credits:
        votes.add(c, 4)
    for dom in email_domains:
        votes.add(name_in_text(dom, body) or domain_to_name(dom), 3)
    for name, weight in outlet_mentions(body):
        votes.add(name, weight)
    if canonical_url and page_url and domain_of(canonical_url) != domain_of(page_url):
        votes.add(name_in_text(canonical_url, body) or domain_to_name(canonical_url), 3)
    pub, site = _host_name(publisher), _host_name(site_name)
    if pub and site and not same_outlet(pub, site):
        votes.add(pub, 3)  # the page credits a publisher other than the site hosting it
    host = _title_brand(brand) if brand else site or pub
    if host is None and page_url:
        host = name_in_text(page_url, body) or domain_to_name(page_url)
    text_best = votes.best()
    text_score = votes.score[normalise(text_best)] if text_best else 0.0
    if text_best and host and same_outlet(text_best, host):
        return host, None
    if text_best and (text_score >= 3 or (host is None and text_score >= 1)):
        return text_best, host
    return host, None


def _title_brand(brand: str) -> str:
    small = {"of", "the", "and", "in", "on", "for", "a", "an"}
    words = brand.split()
    return " ".join(w.capitalize() if i == 0 or w.lower() not in small else w.lower() for i, w in enumerate(words))
