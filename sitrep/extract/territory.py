"""Which territorial sub-type a capture is: who captures, from whom, where (split out of events.py)."""

from __future__ import annotations

import re

from sitrep.extract.lexicon import find_country_mention
from sitrep.extract.merge import _TERRITORY


def _r(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


_NON_STATE = _r(r"\b(militants?|rebels?|insurgents?|jihadists?|fighters|militia\w*|gunmen|gangs?|terrorists?|"
                r"isis|isil|islamic state|daesh|taliban|al-shabaab|boko haram|rsf|houthis?|hamas|hezbollah|"
                r"separatists?|armed groups?|opposition)\b")
_STATE = _r(r"\b(government|army|armed forces|security forces|troops|soldiers|military|regime|police|"
            r"defen[cs]e ministry|ministry of defen[cs]e|forces)\b")


_STATE_ALLIED = _r(r"\b(allied|pro-government|pro-regime|loyalist|paramilitary|government-backed|state-backed)\s+"
                   r"([\w-]+\s+)?(fighters|militias?|forces|troops|groups?)\b")


def territory_kind(text: str, at: int) -> str:
    """Which territorial sub-type a capture at ``at`` in ``text`` is, from who captures where
    ("Armed clash" when the thing overrun is a military post).

    Non-state capturer → "Non-state actor overtakes territory". A state force capturing a place
    the text puts in another country (a foreign state force, news-dev convention) → also
    "overtakes"; a state force otherwise → "Government regains territory".
    :func:`sitrep.resolve.actors.canonicalise_events` re-decides with the geocoded country.
    """
    before = text[max(0, at - 120) : at]
    after = text[at : at + 160]
    if re.search(r"\bwithout (a |any )?(fight|fighting|resistance|firing|a shot|a gunshot|bloodshed)\b|\bevacuation "
                 r"(deal|agreement)\b|\bhanded (over )?(authority|control)\b|\b(after|as)\b[^.]{0,50}\b(withdrew|pulled out|"
                 r"retreated)\b", text[max(0, at - 150) : at + 200], re.I):
        return "Non-violent transfer of territory"  # taken over as the other side withdrew
    if re.match(r"(overr(an|un|unning)|storm(ed|ing))\s+(\w+\s+){0,3}?(army |military |police )?(bases?|camps?|posts?|outposts?|"
                r"positions?|checkpoints?|barracks|detachment)\b", after, re.I):
        return "Armed clash"  # overrunning a military post is the fighting, not a change of territory
    # the capturer = the last actor noun before the verb that is not inside "on/against/from X"
    cands = sorted(
        [(m.end(), "non-state") for m in _NON_STATE.finditer(before)] + [(m.end(), "state") for m in _STATE.finditer(before)]
    )
    # "the army and allied fighters captured": fighters on the state's side
    cands += [(m.end(), "state") for m in _STATE_ALLIED.finditer(before)]
    cands.sort()
    cands = [c for c in cands if not re.search(r"\b(on|against|from|with|of|by)\s+(the\s+)?([\w-]+\s+){0,2}[\w-]*$",
                                               before[max(0, c[0] - 45) : c[0]], re.I)]
    if cands and cands[-1][1] == "non-state":
        return _TERRITORY[1]
    if (cands and cands[-1][1] == "state") or re.search(r"\b(recaptur|retak|retook|regain|liberat|freed|cleared)", after[:20], re.I):
        own = find_country_mention(before)
        place = find_country_mention(after)
        if own and place and own != place:
            return _TERRITORY[1]
        return _TERRITORY[0]
    return _TERRITORY[1] if not re.match(r"(recaptur|retak|retook|regain|liberat)", after, re.I) else _TERRITORY[0]
