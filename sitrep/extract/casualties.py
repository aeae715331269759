"""Casualty figures in a sentence: fatalities and injured, toll updates, superseded and vague counts.

"killed 50", "50 people were killed", "at least 3 dead", "wounding 47", words and digits ("twenty-three");
ranges → lower bound; vague quantities as in :data:`~sitrep.extract.lexicon.NUMBER_WORDS` (flagged, so a
later exact figure replaces them); "the toll rose to nine" is an update that replaces earlier figures;
"earlier, officials had put the toll at seven" is superseded and only fills a gap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.extract.lexicon import NUMBER_WORDS
from sitrep.extract.regex_gate import folded, may_match, required_words

_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](?:one|two|three|four|five|six|seven|eight|nine)"
_NUM = (
    r"(?:\d[\d,]*|" + _TENS + "|"
    + "|".join(sorted((k for k in NUMBER_WORDS if k not in ("a", "an")), key=len, reverse=True)) + r")"
)
_QUANT = rf"(?:(?:at least|more than|over|nearly|almost|about|around|some|up to|as many as)\s+)?(?P<n>{_NUM})(?:\s*(?:-|–|to)\s*{_NUM})?"
_PEOPLE = r"(?:\s+(?:[\w-]+\s+){0,3}?(?:people|persons|civilians|soldiers|troops|servicemen|fighters|militants|children|" \
          r"women|men|members|residents|villagers|officers|policemen|personnel|others|crew|passengers|seafarers|sailors|" \
          r"[A-Z]\w+s))?"
_APPOS = r"(?:,\s+(?:among them|including|most of them|many of them)\s+[\w\s-]{2,30}?,)?"
_KILLED_AFTER = re.compile(rf"{_QUANT}{_PEOPLE}{_APPOS}\s+(?:were\s+|have\s+been\s+|had\s+been\s+|was\s+|are\s+)?(?:killed|dead|died|slain|lost their lives|martyred)", re.I)
_KILLED_BEFORE = re.compile(rf"(?:killed|killing|kills|kill|death toll (?:rose |climbed |reached )?(?:to|of|at))\s+{_QUANT}", re.I)
_ONE_KILLED = re.compile(
    r"(?:\b(?:killed|killing|kills|shot dead)\s+(?:an?|one)\s+(?:[\w-]+\s+){0,3}?|\b(?:an?|one)\s+(?:[\w-]+\s+){0,3}?)"
    r"(?:man|woman|child|boy|girl|person|civilian|soldier|resident|teenager|officer|policeman|worker|farmer|fighter|"
    r"journalist|driver|commander)\b(?:\s+(?:was|has been|had been)\s+(?:killed|shot dead))?", re.I)
_ONE_PERSON = r"(?:man|woman|child|boy|girl|person|civilian|soldier|resident|teenager|officer|policeman|worker|farmer|" \
              r"fighter|journalist|driver|commander|leader|member|official|guard|paramedic|doctor|relative)"
_MANY_PEOPLE = r"(?:people|persons|civilians|soldiers|troops|fighters|militants|children|women|men|residents|others|" \
               r"officers|policemen|members|relatives|guards|commanders|bodyguards|passengers|workers)"
_VICTIMS = rf"(?:(?:an?|one|the)\s+(?:[\w-]+\s+){{0,3}}?{_ONE_PERSON}|{_NUM}\s+(?:[\w-]+\s+){{0,3}}?{_MANY_PEOPLE})"
#: Two victim groups joined: "killed a senior commander and two other people", "killed two soldiers and a civilian".
_KILLED_PAIR = re.compile(rf"\b(?:killed|killing|kills)\s+(?P<a>{_VICTIMS})\s+and\s+(?P<b>{_VICTIMS})\b", re.I)
_INJ_AFTER = re.compile(rf"{_QUANT}{_PEOPLE}{_APPOS}\s+(?:were\s+|have\s+been\s+|had\s+been\s+|was\s+|are\s+)?(?:wounded|injured|hurt)", re.I)
_INJ_BEFORE = re.compile(rf"(?:wounded|wounding|injured|injuring|injure|wound)\s+{_QUANT}", re.I)
_KILL_INJ_PAIR = re.compile(rf"(?:killed|killing)\s+{_QUANT}[^.;]{{0,40}}?\band\s+(?:wounded|injured|wounding|injuring)\s+(?P<m>{_NUM})", re.I)
#: A toll update: "the death toll ... rose to 35", "the number of people killed ... climbed to nine".
_TOLL_UPDATE = re.compile(
    rf"\b(?:(?:death|casualty) toll|toll|number of (?:people |civilians |those |dead |deaths)[^.;]{{0,20}}?(?:killed|dead|died)?|"
    rf"number of dead|number of deaths)\b[^.;]{{0,120}}?\b(?:rose|risen|rises|climbed|climbs|increased|jumped|reached|"
    rf"now stands|stands|stood|has risen|had risen|was raised|was revised)\s+(?:to|at)\s+{_QUANT}", re.I)
#: A figure the text marks as superseded: "Earlier, officials had put the toll at seven".
_SUPERSEDED = re.compile(r"\b(earlier|initially|previously|originally|first reported|had put|had given|had said|"
                         r"initial (toll|figure|count|report))\b", re.I)
#: Vague quantities (ACLED conservative figures) that a later exact figure replaces.
_VAGUE = frozenset("several few dozen dozens scores hundreds thousands".split())


#: No single report counts more casualties than this; a larger "number" is noise (an id, a phone number).
_MAX_COUNT = 1_000_000


def _number(text: str) -> int | None:
    t = text.lower().replace(",", "")
    if t.isdigit():
        return int(t) if int(t) <= _MAX_COUNT else None
    m = re.fullmatch(r"(\w+)[- ](\w+)", t)
    if m and m.group(1) in NUMBER_WORDS and m.group(2) in NUMBER_WORDS:  # "twenty-three"
        return NUMBER_WORDS[m.group(1)] + NUMBER_WORDS[m.group(2)]
    return NUMBER_WORDS.get(t)


@dataclass
class CasualtyFigures:
    """Casualty figures of one sentence and how much to trust them against other sentences."""

    killed: int | None = None
    injured: int | None = None
    killed_vague: bool = False  # "dozens": a later exact figure replaces it
    injured_vague: bool = False
    update: bool = False  # "the toll rose to ...": replaces earlier figures
    killed_stale: bool = False  # "earlier ... had put the toll at ...": never replaces a figure
    injured_stale: bool = False


def _fresh(text: str, start: int) -> bool:
    """A figure at ``start`` not marked as superseded in its clause ("Earlier, X had put the toll at seven")."""
    clause = re.split(r"[;]|\.\s", text[max(0, start - 90) : start])[-1]
    return not _SUPERSEDED.search(clause)


#: Per pattern, the words a match cannot do without (:mod:`sitrep.extract.regex_gate`): these patterns are slow
#: to scan (a long number alternation tried at every position), and most sentences hold no casualty word.
_NEEDS = {rx: required_words(rx) for rx in (_TOLL_UPDATE, _KILL_INJ_PAIR, _KILLED_AFTER, _KILLED_BEFORE, _INJ_AFTER,
                                            _INJ_BEFORE, _ONE_KILLED)}
_KILL_VERBS = frozenset({"kill", "shot dead"})  # a _ONE_KILLED hit counts only with one of them (below)


_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_QUANTIFIED = re.compile(r"\b(?:at least|more than|over|nearly|almost|about|around|some|up to|as many as)\s+$", re.I)
_COUNTED = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:people|persons|civilians|soldiers|troops|fighters|militants|children|"
                      r"women|men|residents|others|servicemen|officers|policemen|villagers|personnel|members)\b", re.I)


_SHARE = re.compile(
    rf"\s*(?:%|percent\b|per cent\b|out of (?:every\s+)?{_NUM}\b|in every\s+{_NUM}\b|in (?!(?:1[89]|20)\d\d\b){_NUM}"
    rf"(?:\s+(?:of\s+)?(?:[a-z-]+\s+)?(?:people|persons|residents|civilians|soldiers|troops|children|men|women|"
    rf"fighters|members|patients)\b|\s*[,.;)]|\s*$))", re.I)


def _not_a_count(text: str, m: re.Match[str]) -> bool:
    """A share or a year read as a count: "one out of every 25 soldiers", "40 percent of the unit", "one in
    ten", "1992 killed socialism" are no tolls; "1992 people were killed" is."""
    if _SHARE.match(text, m.end("n")):
        return True
    n = m.group("n")
    if not _YEAR.fullmatch(n) or _QUANTIFIED.search(text[max(0, m.start("n") - 14) : m.start("n")]):
        return False  # "at least 2000 killed" counts
    return not _COUNTED.match(text, m.end("n"))


def _victims(group: str) -> int | None:
    """The head count of one victim group: "a senior commander" 1, "two other people" 2."""
    first = group.split()[0].lower()
    return 1 if first in ("a", "an", "one", "the") else _number(first)


def casualty_figures(text: str) -> CasualtyFigures:
    """Fatalities and injured in ``text``: toll updates first, superseded figures last, vague words flagged."""
    out = CasualtyFigures()
    kill_hits: list[tuple[bool, str]] = []  # (fresh, number text)
    inj_hits: list[tuple[bool, str]] = []
    low = folded(text)
    can = {rx: may_match(words, low) for rx, words in _NEEDS.items()}
    if not any(can.values()):
        return out  # no casualty word: none of the patterns can match
    for mm in _TOLL_UPDATE.finditer(text) if can[_TOLL_UPDATE] else ():
        if _fresh(text, mm.start()) and _number(mm.group("n")) is not None:
            out.killed, out.update = _number(mm.group("n")), True
            out.killed_vague = mm.group("n").lower() in _VAGUE
            break
    m = _KILL_INJ_PAIR.search(text) if can[_KILL_INJ_PAIR] else None
    if m:
        kill_hits.append((_fresh(text, m.start()), m.group("n")))
        inj_hits.append((_fresh(text, m.start()), m.group("m")))
    for rx in (_KILLED_AFTER, _KILLED_BEFORE):
        if can[rx]:
            kill_hits += [(_fresh(text, mm.start()), mm.group("n")) for mm in rx.finditer(text) if not _not_a_count(text, mm)]
    for rx in (_INJ_AFTER, _INJ_BEFORE):
        if can[rx]:
            inj_hits += [(_fresh(text, mm.start()), mm.group("n")) for mm in rx.finditer(text) if not _not_a_count(text, mm)]

    for mm in _KILLED_PAIR.finditer(text) if can[_KILLED_BEFORE] else ():
        counts = [_victims(mm.group(g)) for g in ("a", "b")]
        if None not in counts:
            kill_hits.append((_fresh(text, mm.start()), str(sum(c for c in counts if c is not None))))
    if not kill_hits and can[_ONE_KILLED] and may_match(_KILL_VERBS, low):  # "killing a 76-year-old woman", "a man was killed"
        for mm in _ONE_KILLED.finditer(text):
            if re.match(r"(killed|killing|kills|shot dead)\b", mm.group(0), re.I) or re.search(r"(killed|shot dead)$", mm.group(0)):
                kill_hits.append((_fresh(text, mm.start()), "one"))
                break

    def pick(hits: list[tuple[bool, str]]) -> tuple[int | None, bool, bool]:
        fresh = [(n, w) for ok, w in hits if ok and (n := _number(w)) is not None]
        stale = [(n, w) for ok, w in hits if not ok and (n := _number(w)) is not None]
        pool = fresh or stale
        if not pool:
            return None, False, False
        exact = [p for p in pool if p[1].lower() not in _VAGUE]
        best = max(exact or pool, key=lambda p: p[0])
        return best[0], best[1].lower() in _VAGUE, not fresh

    if out.killed is None:
        out.killed, out.killed_vague, out.killed_stale = pick(kill_hits)
    out.injured, out.injured_vague, out.injured_stale = pick(inj_hits)
    return out


def casualties(text: str) -> tuple[int | None, int | None]:
    """(fatalities, injured) from casualty phrases in ``text``; None when the text gives no figure."""
    f = casualty_figures(text)
    return f.killed, f.injured
