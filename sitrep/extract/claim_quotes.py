"""Quotations for :mod:`sitrep.extract.claims`: pairing quote marks within and across sentences, the speaker
of a quotation whose parse broke, quotations signed with a dash ("“...” ― Name") and interview transcripts
("PENCE: Well, look, ...").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from sitrep.extract.lexicon import HEDGE_RE, STATEMENT_NOUNS
from sitrep.extract.nlp import doc_text
from sitrep.models import Claim, Entity, SourceType, Span

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

QUOTE_MARK = re.compile(r"''|[\"“”]")


def quote_regions(sent: SpacySpan) -> list[tuple[int, int]]:
    """The quotations of a sentence as character spans (the text inside the marks), pairing marks in order: “ opens,
    ” closes, straight " and typewriter '' alternate. A sentence that starts inside a quotation opened before
    gets a region from its start; an opening mark left dangling at its end (the splitter keeps "... group. ''"
    together) opens the next sentence's quotation and is ignored; a quotation still open at the end runs to the
    sentence end ("Trump said, “When people come back ..." continued in the next sentence)."""
    text = sent.text
    if not QUOTE_MARK.search(text):
        return []
    regions: list[tuple[int, int]] = []
    open_at = 0 if opens_inside_quote(sent) else -1
    for m in QUOTE_MARK.finditer(text):
        mark = m.group()
        if open_at < 0 and mark != "”":
            if not text[m.end() :].strip():
                break  # dangling opener at the sentence end
            open_at = m.end()
        elif open_at >= 0 and mark != "“":
            regions.append((open_at, m.start()))
            open_at = -1
        elif mark == "“":
            open_at = m.end()  # a second opener: the first one was never closed
    if open_at >= 0 and text[open_at:].strip():
        regions.append((open_at, len(text.rstrip())))
    return [(sent.start_char + x, sent.start_char + y) for x, y in regions if text[x:y].strip(" ,.")]


def quote_content(sent: SpacySpan) -> tuple[tuple[int, int] | None, list[tuple[int, int]]]:
    """The sentence's quotation (pieces split by an inserted cue joined: "“My hope,” he said, “is that ...”")
    and the quoted regions themselves."""
    regions = quote_regions(sent)
    if not regions:
        return None, []
    body = doc_text(sent.doc)
    groups: list[list[tuple[int, int]]] = [[regions[0]]]
    for r in regions[1:]:
        gap = body[groups[-1][-1][1] : r[0]]
        if len(gap) <= 80 and not re.search(r"[.!?]\s*$", gap.strip(" \"”'“")):
            groups[-1].append(r)
        else:
            groups.append([r])
    best = max(groups, key=lambda g: sum(y - x for x, y in g))
    if sum(y - x for x, y in best) < 12:
        return None, regions
    return (best[0][0], best[-1][1]), regions


def opens_inside_quote(sent: SpacySpan) -> bool:
    """The sentence starts inside a quotation opened in the sentence before (an odd number of typewriter quote
    marks before it in its paragraph, or a curly opening mark with no closing one)."""
    body = doc_text(sent.doc)
    para_start = body.rfind("\n", 0, sent.start_char) + 1
    before = body[para_start : sent.start_char]
    if "“" in before and before.rfind("“") > before.rfind("”"):
        return True
    return before.count("''") % 2 == 1 or before.replace("''", "").count('"') % 2 == 1


def subject_after_quote(sent: SpacySpan, verb: Token, regions: list[tuple[int, int]]) -> Token | None:
    """"“...,” Tulsa police Chief X said Monday." with the parse broken across the quotation: the head of the
    words between the closing mark and the verb."""
    body = doc_text(sent.doc)
    end = max((b for a, b in regions if b <= verb.idx), default=None)
    if end is None or QUOTE_MARK.search(body, end + 2, verb.idx):
        return None
    span = [t for t in sent if end < t.idx < verb.idx and not t.is_punct and not t.is_space]
    if not span or len(span) > 12 or verb.tag_ == "VBG" or span[0].pos_ in ("ADP", "SCONJ"):
        return None  # "“...” at the release, adding ...": a participle has no speaker of its own there
    ids = {t.i for t in span}
    # the phrase head: a noun whose head is outside the words or not a noun ("Tulsa" mis-tagged as a verb)
    roots = [t for t in span if t.pos_ in ("PROPN", "NOUN", "PRON")
             and (t.head.i not in ids or t.head.pos_ not in ("PROPN", "NOUN", "PRON"))]
    return roots[-1] if roots else None


#: A quotation signed with a dash and a name: "“...” ― Carla Sanchez." (reader comments, quoted posts, epigraphs).
_DASH_SIGNED = re.compile(
    r"[\"“”](?P<q>[^\"“”\n]{15,}?)[\"”]\s*(?P<dash>[―—–]|--)\s*"
    r"(?P<who>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})(?=\s*(?:[.,(\n]|$))")


def dash_signed_quotes(body: str, sents: list[SpacySpan], entities: list[Entity],
                        found: list[tuple[int, Claim]]) -> list[tuple[int, Claim]]:
    """"“...” ― Name": the name after the dash is the source (a PERSON or ORG entity, or a capitalised name)."""
    out: list[tuple[int, Claim]] = []
    starts = [s.start_char for s in sents]
    for m in _DASH_SIGNED.finditer(body):
        a, b = m.start("q"), m.end("q")
        if any(c.evidence.start <= a < c.evidence.end and c.source for _, c in found):
            continue  # the quotation already has a speaker
        who = m.group("who")
        wa, wb = m.start("who"), m.end("who")
        ents = [e for e in entities if e.start < wb and e.end > wa]
        if ents and not any(e.label in ("PERSON", "ORG") for e in ents):
            continue  # "― Washington": a place, not a signature
        stype: SourceType = "organization" if any(e.label == "ORG" for e in ents) else "person"
        name = next((e.canonical or e.text for e in ents if e.label in ("PERSON", "ORG")), who)
        si = max((i for i, st in enumerate(starts) if st <= a), default=0)
        text = body[a:b].strip()
        out.append((si, Claim(id="", text=text, source=name, source_text=who, source_type=stype, cue=m.group("dash"),
                              hedged=bool(HEDGE_RE.search(text)),
                              evidence=Span(text=body[m.start() : wb], start=m.start(), end=wb))))
    return out


_TRANSCRIPT_LINE = re.compile(r"(?m)^[ \t]*[\"“]?(?P<who>[A-Z][A-Z.'’ -]{1,30}[A-Z]):[ \t]+(?P<what>\S[^\n]*)$")


def transcript_claims(body: str, sents: list[SpacySpan]) -> list[tuple[int, Claim]]:
    """Interview transcripts ("PENCE: Well, look, ..."): the speaker label is the source, the line the content.
    Only when the text has at least three such lines, so a lone "SRINAGAR: ..." dateline never counts."""
    lines = list(_TRANSCRIPT_LINE.finditer(body))
    if len(lines) < 3:
        return []
    out: list[tuple[int, Claim]] = []
    starts = [s.start_char for s in sents]
    for m in lines:
        a, b = m.start("what"), m.end("what")
        text = body[a:b].strip(" \"“”")
        if len(text) < 8:
            continue
        who = m.group("who").strip()
        si = max((i for i, st in enumerate(starts) if st <= a), default=0)
        hedged = bool(HEDGE_RE.search(text))
        out.append((si, Claim(id="", text=text, source=who.title(), source_text=who, source_type="person", cue=":",
                              hedged=hedged, evidence=Span(text=body[m.start("who") : b], start=m.start("who"), end=b))))
    return out


def named_elsewhere(who: str, entities: list[Entity], a: int, b: int) -> list[Entity]:
    """A label the NER took for a place ("Graham: ..." tagged GPE in a headline) that the text names as a person or
    organisation elsewhere ("Senator Lindsey Graham"): that entity, else nothing. One or two capitalised words only,
    so a place label ("Ukraine: ...") that is never a person stays out."""
    if not re.fullmatch(r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?", who):
        return []
    for e in entities:
        if e.label in ("PERSON", "ORG") and not (e.start < b and e.end > a) and (
                e.text == who or e.text.endswith(" " + who) and e.label == "PERSON"):
            return [e]
    return []


def colon_quote(sent: SpacySpan, speaker_like: Callable[[Token], bool]) -> tuple[Token, str, tuple[int, int]] | None:
    """"Trump went even further: “If he ...”", "The ministry was blunt: “We will ...”": a main clause whose subject
    can speak, then a colon and a quotation. Returns the subject, the cue (the verb to the colon) and the quotation
    (to its closing mark, or the sentence end when it runs on)."""
    body = doc_text(sent.doc)
    colon = next((t for t in sent if t.text == ":"), None)
    if colon is None or colon.i + 1 >= sent.end:
        return None
    rest = body[colon.idx + 1 : sent.end_char]
    m = re.match(r"\s*(?:“|\"|'')", rest)
    if m is None:
        return None
    # the clause before the colon: its verb is the root, or the parser hung it on the quotation's verb
    verb = next((t for t in sent if t.i < colon.i and t.pos_ in ("VERB", "AUX")
                 and (t.dep_ == "ROOT" or t.head.i > colon.i)), None)
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None) if verb is not None else None
    if verb is None or subj is None or not speaker_like(subj) or subj.lower_ in ("it", "this", "that"):
        return None
    if colon.i - subj.i > 15 or QUOTE_MARK.search(doc_text(sent.doc), subj.idx, colon.idx):
        return None  # a long or quoted stretch before the colon: sentences glued together, not one clause
    if verb.lemma_.lower() == "be" and subj.lemma_.lower() in STATEMENT_NOUNS:
        return None  # "The message was clear: “...”": whose message the sentence does not say
    start = colon.idx + 1 + m.end()
    close = QUOTE_MARK.search(body, start, sent.end_char)
    end = close.start() if close is not None else sent.end_char
    text = body[start:end].rstrip()
    if len(text) < 8:
        return None
    cue_start = min([verb.idx] + [c.idx for c in verb.children if c.dep_ in ("aux", "neg") and c.i < verb.i])
    return subj, body[cue_start : colon.idx + 1], (start, start + len(text))
