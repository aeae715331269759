"""Naming a claim's source, for :mod:`sitrep.extract.claims`: its canonical name and its type.

``canonical_source`` turns a source phrase into the name the record keeps ("Odesa Oblast Governor Oleh Kiper" →
"Oleh Kiper", "Vadym Mysnyk, a spokesperson ..." → "Vadym Mysnyk", "X's Telegram channel" kept whole);
``source_type_of`` classifies it (person, government, military, organization, media, anonymous, document).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sitrep.extract.claim_spans import before_coordination, span_of
from sitrep.extract.lexicon import (
    ANONYMOUS_HEADS,
    GOV_WORDS,
    MEDIA_WORDS,
    METONYMS,
    MIL_WORDS,
    ORG_WORDS,
    PERSON_TITLES,
    STATEMENT_NOUNS,
    TITLE_ABBREVIATIONS,
)
from sitrep.extract.nlp import doc_text
from sitrep.extract.roles import ROLE_HEADS
from sitrep.models import Entity, SourceType

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token


def clean_source(text: str) -> str:
    text = re.sub(r"^(?:the|a|an)\s+", "", text.strip(" ,.;:"), flags=re.I)
    return re.sub(r"['’]s$", "", text).strip()


def source_type_of(text: str, entities: list[Entity]) -> SourceType:
    """Classify a source phrase: person, government, military, organization, media, anonymous, document."""
    words = set(re.findall(r"[a-z][a-z-]*", text.lower()))
    labels = {e.label for e in entities}
    low = clean_source(text).lower()
    if low in METONYMS:
        return "government"
    if labels & {"MILITARY_UNIT", "ARMED_ACTOR"}:
        return "military"
    if "ORG" in labels and words & {"center", "centre", "institute", "foundation", "university", "council"}:
        return "organization"
    if words & MEDIA_WORDS and not words & {"spokesman", "spokeswoman", "spokesperson"}:
        return "media"
    if "PERSON" in labels and not (words & {"channel", "account", "office", "ministry"}):
        return "person"
    if words & {"unidentified", "unnamed", "anonymous", "multiple", "some", "several"} or (
        words & ANONYMOUS_HEADS and not labels & {"PERSON", "ORG", "GPE", "MILITARY_UNIT", "NORP", "ARMED_ACTOR"}
    ):
        return "anonymous"
    if words & {"ministry", "minister", "government", "president", "governor", "mayor", "department", "kremlin",
                 "cabinet", "presidency"}:
        return "government"
    if words & MIL_WORDS or labels & {"MILITARY_UNIT", "ARMED_ACTOR"}:
        return "military"
    if words & GOV_WORDS or "GPE" in labels:
        return "government"
    if words & STATEMENT_NOUNS or words & {"document", "documents", "footage", "video", "data"}:
        return "document"
    if "ORG" in labels or words & ORG_WORDS:
        return "organization"
    if words & {"he", "she"}:
        return "person"
    return "organization" if labels & {"ORG"} else "anonymous"


def classify_phrase(text: str, start: int, entities: list[Entity]) -> SourceType:
    """source_type of a source phrase, judged on its head part (before an apposition or "citing")."""
    head_part = re.split(r",\s+|\s+citing\s+|\s+\(", text)[0]
    appos = re.match(r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}?(?P<role>[a-z-]+)\b\s*(?:$|,|\bwho\b|\bat\b|\bfor\b|\bof\b|\bwith\b)",
                     text[len(head_part) :])
    if appos and (appos.group("role") in ROLE_HEADS or appos.group("role") in _PERSON_APPOSITIONS) \
            and head_part[:1].isupper():
        return "person"  # "Rybar, a pro-Kremlin military blogger": an unknown name described as a person
    return source_type_of(head_part, entities_in(entities, start, start + len(head_part)))


#: Appositions that describe a person (besides the role heads): "X, a blogger", "X, a local resident".
_PERSON_APPOSITIONS = frozenset("blogger bloggers journalist reporter commentator activist resident witness survivor "
                                "volunteer medic nurse doctor farmer student teacher veteran soldier fighter".split())


def entities_in(entities: list[Entity], start: int, end: int) -> list[Entity]:
    return [e for e in entities if e.start >= start and e.end <= end]


_TITLE_WORDS = "|".join([t.lower() for t in PERSON_TITLES] + [re.escape(a.lower() + ".") for a in TITLE_ABBREVIATIONS])
_TITLED_NAME = re.compile(
    rf"\b(?i:{_TITLE_WORDS})\s+(?P<name>(?:[A-Z][a-z][\w'’-]*\s+){{1,2}}[A-Z][a-z][\w'’-]*)$")


def canonical_source(tokens: list[Token], entities: list[Entity]) -> str:
    """The canonical name of a source phrase: its head's entity canonical, else the cleaned phrase."""
    a, b = span_of(tokens)
    ents = [e for e in entities_in(entities, a, b) if e.label not in ("DATE", "TIME", "CARDINAL")]
    text = doc_text(tokens[0].doc)[a:b]
    # Cut appositions and "citing ..." tails: "Vadym Mysnyk, a spokesperson ..." → "Vadym Mysnyk"; and a
    # trailing place: "An AFP journalist in Gaza" → "AFP journalist".
    head_part = re.split(r",\s+|\s+citing\s+|\s+\(", text)[0]
    head_part = re.sub(r"(?<=\w)\s+(?:in|at)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*$", "", head_part)
    titled = _TITLED_NAME.search(head_part)
    if titled is not None and all(e.label != "PERSON" for e in ents):
        return titled.group("name")  # "Odesa Oblast Governor Oleh Kiper" (no PERSON entity) → "Oleh Kiper"
    idx = {t.i for t in tokens}
    root = next((t for t in tokens if t.head.i not in idx or t.head.i == t.i), tokens[-1])
    person_at_root = [e for e in ents if e.label == "PERSON" and e.start <= root.idx < e.end]
    if person_at_root:  # "Party (SAD) chief Sukhbir Singh Badal": the person is the head, the rest a title
        return person_at_root[0].canonical or person_at_root[0].text
    if ents:
        first = ents[0]
        if first.start - a <= 4 and first.label in ("PERSON", "ORG", "MILITARY_UNIT", "GPE", "NORP", "ARMED_ACTOR"):
            # "X's Telegram channel", "the Telegram channel of X", "AFP journalists", "Ukrainian military
            # bloggers": the entity only qualifies the speaker; keep the whole head phrase.
            if re.search(r"\b(channel|account|office|spokesman|spokeswoman|spokesperson|ministry|journalists?|"
                         r"photographers?|reporters?|correspondents?|bloggers?)\b",
                         head_part, re.I) and len(head_part) > len(first.text) + 3:
                return clean_source(head_part)
            if root.pos_ == "PROPN" and not first.start <= root.idx < first.end and root.idx < a + len(head_part):
                return clean_source(head_part)  # "The BBC's Russian Service": a named unit of the entity
            if first.label in ("NORP", "GPE") and first.end < a + len(head_part) - 2:
                return clean_source(head_part)  # "Ukrainian media outlets": the nationality is a modifier
            name = clean_source(first.text) if first.label == "ARMED_ACTOR" else (first.canonical or clean_source(first.text))
            acro = re.match(r"\s*\(([A-Z][A-Za-z]{1,7})\)", doc_text(tokens[0].doc)[first.end : first.end + 12])
            return f"{name} ({acro.group(1)})" if acro else name
    return clean_source(head_part)


def coordinated_source(
    sent: SpacySpan, subj: Token, entities: list[Entity], found: tuple[str | None, str | None, SourceType | None]
) -> tuple[str | None, str | None, SourceType | None]:
    """"..., the agency (NNA) and the movement said": the source is the whole coordination the parser split."""
    left = min(t.i for t in subj.subtree)
    if left <= sent.start or sent.doc[left - 1].lower_ not in ("and", "or"):
        return found
    start = before_coordination(sent, left)
    if start == left:
        return found
    toks = [t for t in sent.doc[start : subj.i + 1]]
    a, b = span_of(toks)
    text = doc_text(sent.doc)[a:b]
    first = [t for t in toks if t.i < left - 1 and not t.is_space]
    if not first:
        return found
    return canonical_source(first, entities) + " and " + clean_source(doc_text(sent.doc)[subj.left_edge.idx:b]), text, \
        classify_phrase(text, a, entities)


#: Titles that stand for the person the text introduced with them ("the governor", "the spokesman").
TITLE_SOURCES = frozenset({t.lower() for t in PERSON_TITLES if " " not in t} | {"head", "premier"})


def person_behind_title(source: str | None, at: int, entities: list[Entity], body: str) -> str | None:
    """"the governor" → the person the text introduced with that title before ("Oblast Governor Yurii Malashko")."""
    if not source or source.lower() not in TITLE_SOURCES:
        return None
    for e in reversed([e for e in entities if e.label == "PERSON" and e.end <= at]):
        title = re.escape(source)
        if re.search(rf"\b{title}\s+$", body[max(0, e.start - 30) : e.start], re.I) or re.match(
                rf",\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){{0,3}}{title}\b", body[e.end : e.end + 60], re.I):
            return e.canonical or e.text  # "Governor Yurii Malashko", "Malashko, the regional governor"
    return None
