"""Hedging and verification status of a claim, from its cue, its statement and its sentence.

``hedged``: the statement or cue hedges ("reportedly", "may have", "believed to"). ``verification``: the outlet
or the source confirms ("confirmed", "independently verified"), cannot confirm ("unconfirmed", "has not been
geo-located", "cannot confirm its veracity") or disputes ("denied", "rejected") what is claimed; a sentence
that refers back ("This could not be verified") applies to the claims just before it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sitrep.extract.claim_stance import BELIEF_CUE_RE
from sitrep.extract.lexicon import CONFIRMED, DISPUTED, HEDGE_RE, UNCONFIRMED
from sitrep.models import Claim, Verification

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

_UNCONF_RE = re.compile(r"(?:" + "|".join(re.escape(h) for h in UNCONFIRMED) + r")", re.I)
#: Verification by the outlet or an independent party ("has verified", "geolocated"); a source's own "confirmed"
#: is its claim, read from the cue, not verification of it.
_VERIFIED_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(h) for h in CONFIRMED if "confirm" not in h) + r")\b", re.I)
_DISP_RE = re.compile(r"\b(?:" + "|".join(re.escape(h) for h in DISPUTED) + r")\b", re.I)
_BACKREF_RE = re.compile(
    r"\b(?:its|this|that|these|those|the claims?|the footage|the video|the report|the figures?|also|such|either)\b",
    re.I,
)


#: A cue that denies what it is about ("denied", "rejects", "dismissed"): the claim is disputed.
_DENIAL_CUE = re.compile(r"\b(den(y|ied|ies)|reject|refute|dismiss)", re.I)


def is_hedged(text: str, cue: str) -> bool:
    """The statement or its cue hedges ("reportedly", "may have", "believed", "appears to")."""
    return bool(HEDGE_RE.search(text)) or bool(HEDGE_RE.search(cue)) or bool(BELIEF_CUE_RE.search(cue))


def verification_of(text: str, cue: str, sentence: str, before_statement: str) -> Verification:
    """The verification status of a claim: its cue first ("confirmed", "denied"), then the sentence's language."""
    cue_l = cue.lower()
    negated = bool(re.search(r"\b(not|n't|never|no)\b", before_statement + " " + cue_l))
    if re.search(r"\bconfirm", cue_l) and not negated:
        return "confirmed"
    if _DENIAL_CUE.search(cue_l):
        return "disputed"
    if _UNCONF_RE.search(sentence):
        return "unconfirmed"
    if _DISP_RE.search(sentence) and not re.search(r"\bden(y|ied|ies)", text, re.I):
        return "disputed"
    if _VERIFIED_RE.search(sentence):
        return "confirmed"  # "footage, which the outlet has verified, shows ..."
    return "none stated"


def apply_neighbour_verification(found: list[tuple[int, Claim]], sents: list[SpacySpan]) -> None:
    """Verification language in a sentence that refers back applies to the claims just before it."""
    for si, sent in enumerate(sents):
        text = sent.text
        status: Verification | None = None
        if _UNCONF_RE.search(text):
            status = "unconfirmed"
        elif _DISP_RE.search(text) and _BACKREF_RE.search(text):
            status = "disputed"
        elif _VERIFIED_RE.search(text) and _BACKREF_RE.search(text):
            status = "confirmed"  # "The Kyiv Independent has verified the footage."
        if status is None or not _BACKREF_RE.search(text):
            continue
        if status == "disputed" and any(sj == si and _DENIAL_CUE.search(c.cue or "")
                                        for sj, c in found):
            continue  # "X denied that ...": X's own claim; it disputes the event, not the claims before it
        for sj, claim in found:
            if si - 2 <= sj < si and claim.verification == "none stated":
                claim.verification = status


#: Nouns that sum up a statement in an apposition ("…, an accusation the group denies").
_SUMMARY_NOUNS = frozenset("accusation claim allegation charge assertion".split())
_DENIAL_VERBS = frozenset("deny reject dispute dismiss refute".split())


def denied_apposition(sent: SpacySpan) -> tuple[int, Token, Token] | None:
    """"Israel says Hamas uses hospitals, an accusation the group denies": the comma opening the apposition,
    the denial verb and its subject (the one who denies the statement before the comma)."""
    for tok in sent:
        if tok.lemma_.lower() not in _SUMMARY_NOUNS or tok.i < sent.start + 2:
            continue
        first = tok.left_edge
        if first.i <= sent.start or sent.doc[first.i - 1].text != ",":
            continue
        verb = next((c for c in tok.children if c.dep_ in ("relcl", "acl") and c.lemma_.lower() in _DENIAL_VERBS), None)
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
        if verb is not None and subj is not None:
            return sent.doc[first.i - 1].idx, verb, subj
    return None
