"""Second mentions of claim sources → their fuller mention (a pass over all claims of a document).

Split from :mod:`sitrep.extract.claims` to keep modules small: "Fedorov" → "Ivan Fedorov", "the ministry" →
"Russian Defence Ministry", "the armed group" → the organisation cited before, "the press release" → its issuer.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sitrep.models import Claim, Entity, SourceType

if TYPE_CHECKING:
    from spacy.tokens import Token

#: A description of a body named before: "the armed group", "the military's media wing", "the armed Lebanese
#: group" (lower-case words or a nationality adjective; never a name such as "the Islamic State group").
DESCRIBED_BODY = re.compile(
    r"[Tt]he\s+(?:(?:[a-z][\w-]*(?:['’]s)?|[A-Z][a-z]+(?:an|ese|i|ish))\s+){0,3}"
    r"(?:group|movement|militia|organi[sz]ation|wing|outfit|faction)")
#: A document standing for its issuer: "the statement", "the press release".
ISSUED_DOCUMENT = re.compile(r"(?:press\s+)?(?:release|statement|communiqu[eé])", re.I)


def expand_short_sources(found: list[tuple[int, Claim]], entities: list[Entity]) -> None:
    """Second mentions → the full first mention: a bare surname ("Fedorov") → the person named before
    ("Ivan Fedorov"); a bare common-noun source ("the ministry", "the army") → the earlier claim source
    that ends with it ("Russian Defence Ministry"); "the statement" / "the press release" → the source
    cited just before (its issuer)."""
    earlier: list[tuple[str, SourceType | None]] = []
    everywhere = [(c.source, c.source_type) for _, c in found if c.source]
    for _, c in found:
        src = c.source
        if src and re.fullmatch(r"[A-Z][\w'’-]+", src):
            full = next((e.canonical or e.text for e in reversed(entities) if e.label == "PERSON"
                         and e.end <= c.evidence.start + len(c.evidence.text)
                         and len((e.canonical or e.text).split()) > 1
                         and (e.canonical or e.text).split()[-1] == src), None)
            if full is not None:
                c.source, c.source_type = full, "person"
        elif src and DESCRIBED_BODY.fullmatch(c.source_text or "") \
                and src.lower() == re.sub(r"^the\s+", "", c.source_text or "", flags=re.I).lower():
            # (the whole phrase is the source, so no named entity in it: not "the Islamic State group")
            # "The armed Lebanese group confirmed", "the military's media wing said": a description of a body
            # named before; the nearest organisation or military source, else the nearest such entity
            named = next((e for e in reversed(earlier) if e[1] in ("organization", "military", "government")
                          and not e[0][0].islower()), None)
            if named is None:
                ent = next((e for e in reversed(entities) if e.end <= c.evidence.start
                            and e.label in ("ORG", "ARMED_ACTOR", "MILITARY_UNIT")), None)
                named = (ent.canonical or ent.text, "organization") if ent is not None else None
            if named is not None:
                c.source, c.source_type = named
        elif src and ISSUED_DOCUMENT.fullmatch(src) and earlier and re.match(r"the\s", c.source_text or "", re.I):
            c.source, c.source_type = earlier[-1]  # "The press release further said": the issuer just cited
        elif src and re.fullmatch(r"[a-z][a-z -]*", src) and src.split()[-1] not in ("sources", "officials", "source"):
            # the nearest fuller mention before; else one later in the text ("the army said" ... "the Malian army")
            full_src = next((e for e in [*reversed(earlier), *everywhere] if e[0].lower().endswith(" " + src.lower())
                             and len(e[0]) > len(src) and not e[0][0].islower()), None)
            if full_src is not None:
                c.source, c.source_type = full_src
        if c.source:
            earlier.append((c.source, c.source_type))


def speaker_of_recording(subj: Token, verb: Token) -> Token:
    """The speaker of "a clip of Oz saying ...", "footage of the minister asking, ...": the parser hangs the
    participle on the recording noun (or on the clause that holds it); the speaker is the "of"-object right
    before the participle (a name, a pronoun or a noun), else ``subj`` unchanged."""
    if verb.tag_ != "VBG" or verb.i == 0 or verb.dep_ not in ("acl", "xcomp", "ccomp", "advcl"):
        return subj
    before = verb.doc[verb.i - 1]
    pobj = next((t for t in [before, *before.ancestors] if t.dep_ == "pobj" and t.right_edge.i == before.i), None)
    if pobj is None or pobj.pos_ not in ("PROPN", "PRON", "NOUN") or pobj.head.lower_ != "of" \
            or pobj.head.head.pos_ != "NOUN" or pobj.head.head.i not in (subj.i, *(c.i for c in verb.head.children)):
        return subj
    return pobj


#: Documents a speaker issues, and the verbs that issue them ("issued a statement saying ...").
_ISSUED_NOUNS = frozenset("statement release communique communiqué letter message post tweet video notice".split())
_ISSUING_VERBS = frozenset("issue release publish post put send sign share deliver circulate".split())


def issuer_of_document(subj: Token) -> Token:
    """"The ministry issued a statement saying ...": the participle hangs on the document; the one who issued
    it is the speaker (else ``subj`` unchanged)."""
    if subj.lemma_.lower() not in _ISSUED_NOUNS or subj.dep_ != "dobj" or subj.head.lemma_.lower() not in _ISSUING_VERBS:
        return subj
    return next((c for c in subj.head.children if c.dep_ == "nsubj"), subj)
