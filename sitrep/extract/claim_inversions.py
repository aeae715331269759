"""Speech cues whose speaker comes after the verb, read from the surface when the parse is broken.

News writing inverts the cue and its speaker: "The strike, said a military spokesman, was aimed at a depot."
and "“Why were we not warned?” asked one resident." The small English parser often makes the phrase before
the verb its subject ("The strike ... said") or hangs the speaker on the wrong verb, so the claim got the wrong
source or none. The shape itself is unambiguous on the surface: a speech verb right after a comma or a closing
quotation mark, then a short noun phrase, then a comma or the end of the sentence. No library reads this; the
rule is hand-written and kept to that shape.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from sitrep.extract.claim_spans import sentence_span, span_of
from sitrep.extract.claim_stance import speaker_like
from sitrep.extract.lexicon import MIL_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

#: Verbs that news prose inverts with their speaker ("said the minister", "added a spokesman").
INVERTING_VERBS = frozenset(
    "say add ask note explain write insist argue continue warn reply respond recall concede acknowledge admit observe "
    "complain suggest predict declare answer remark retort exclaim joke quip muse scoff confirm announce "
    "claim assert stress emphasise emphasize".split()
)
_CLOSING_QUOTES = frozenset({"”", '"', "''", "’"})
_PHRASE_BREAKS = frozenset({",", ".", ";", ":", "—", "--", "–", "?", "!", "(", ")", "“", "”", '"', "''"})
_RELATIVE_START = frozenset("who whom whose which that where when while as because after before".split())
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_SPEAKER_PRONOUNS = frozenset({"he", "she"})


class InvertedCue(NamedTuple):
    """The speaker's head token, the index one past the speaker's phrase, and the statement's character span."""

    speaker: Token
    end: int
    content: tuple[int, int]
    inserted: bool  # the cue sits inside the statement ("The strike, said X, was ...")


def _speaker_phrase(sent: SpacySpan, start: int) -> tuple[Token, int] | None:
    """The noun phrase starting at ``start`` ("a military spokesman", "experts like Paul Bauman") and the index
    where it ends (a comma, the end of the sentence or a following appositive's closing comma)."""
    doc = sent.doc
    j = start
    while j < sent.end and doc[j].text not in _PHRASE_BREAKS and not doc[j].is_space:
        j += 1
    words = [doc[i] for i in range(start, j)]
    if not words or len(words) > 8 or words[0].pos_ in ("ADP", "SCONJ", "PART", "VERB", "AUX", "ADV", "CCONJ"):
        return None  # "said in a statement", "said to be", "said that"
    if words[0].pos_ == "PRON" and not (len(words) == 1 and words[0].lower_ in _SPEAKER_PRONOUNS):
        return None  # "said it", "told us"
    if any(t.tag_ in _FINITE_TAGS or t.lower_ in _RELATIVE_START for t in words):
        return None
    nouns = [t for t in words if t.pos_ in ("NOUN", "PROPN") or t.lower_ in _SPEAKER_PRONOUNS]
    if not nouns:
        return None
    ids = {t.i for t in words}
    roots = [t for t in nouns if t.head.i not in ids]  # the phrase's own head when the parse holds it together
    head = roots[0] if roots else nouns[0]
    while not roots and head.i + 1 < j and doc[head.i + 1].pos_ in ("NOUN", "PROPN"):
        head = doc[head.i + 1]  # else the end of the first noun run: "experts" of "experts like X"
    if head.ent_type_ in ("DATE", "TIME") or any(t.ent_type_ in ("DATE", "TIME") for t in words[:2]):
        return None  # "…, said Tuesday."
    if not (speaker_like(head) or head.lemma_.lower() in MIL_WORDS):
        return None  # "…, announced a strike.": an object, not a speaker
    end = j
    if j < sent.end and doc[j].text == ",":  # ", an expert on Russia at the Wilson Center," : an apposition
        k = j + 1
        while k < sent.end and doc[k].text not in _PHRASE_BREAKS:
            k += 1
        appos = [doc[i] for i in range(j + 1, k)]
        if appos and appos[0].lower_ in ("a", "an", "the") and len(appos) <= 14 and k < sent.end \
                and doc[k].text in (",", ".") and not any(t.tag_ in _FINITE_TAGS for t in appos):
            end = k
    return head, end


def speaker_after_cue(sent: SpacySpan, verb: Token) -> InvertedCue | None:
    """An inverted speech cue: "<statement>, said X." / "“...?” asked X" / "<subject>, said X, <predicate>"."""
    doc = sent.doc
    if verb.lemma_.lower() not in INVERTING_VERBS or verb.i <= sent.start + 1 or verb.i + 1 >= sent.end:
        return None
    prev = doc[verb.i - 1]
    after_quote = prev.text in _CLOSING_QUOTES and doc[verb.i - 2].text in (",", "?", "!", ".")
    if prev.text != "," and not after_quote and not (prev.text == "”" and verb.i - 2 >= sent.start):
        return None
    phrase = _speaker_phrase(sent, verb.i + 1)
    if phrase is None:
        return None
    head, end = phrase
    rest = [t for t in sent if t.i >= end and not (t.is_punct or t.is_space)]
    left_end = verb.i - 2 if after_quote or prev.text == "”" else verb.i - 1
    left = [t for t in sent if t.i <= left_end and not (t.is_punct or t.is_space)]
    if len(left) < 2:
        return None
    if after_quote and rest and rest[0].lower_ in ("a", "an", "the") and doc[end].text == ",":
        end = sent.end  # "“...,” said X, a physicist who is ...": the appositive runs to the end
        while end > verb.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        rest = []
    if not rest or rest[0].tag_ in ("VBG", "VBN") or rest[0].lower_ in _RELATIVE_START:
        # "<statement>, said X." / "..., said X, referring to ...": the statement is what comes before
        first = sent.doc[left[0].i]
        last = doc[left_end] if doc[left_end].is_punct else left[-1]
        while last.i > first.i and last.text in (",", "“", '"'):
            last = doc[last.i - 1]
        return InvertedCue(head, end, span_of([t for t in sent if first.i <= t.i <= last.i]), False)
    if after_quote or doc[end].text != "," or len(rest) < 3:
        return None
    if any(t.tag_ in _FINITE_TAGS for t in left) or not any(t.tag_ in _FINITE_TAGS or t.pos_ == "VERB" for t in rest):
        return None  # the words before are a clause of their own, or nothing after is a predicate
    span = sentence_span(sent)
    return InvertedCue(head, end, (span.start, span.end), True)


def reported_by(verb: Token) -> Token | None:
    """"…, as (first) reported by Reuters": the agent of an "as"-clause passive cue with no subject."""
    if verb.lemma_.lower() not in ("report", "announce", "confirm", "say", "state", "disclose", "reveal", "claim"):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    if not any(c.lower_ == "as" and c.dep_ in ("mark", "advmod") for c in verb.children) \
            and not (verb.i > 0 and verb.doc[verb.i - 1].lower_ == "as"):
        first = verb.doc[verb.i - 1] if verb.i > 0 else None
        if not (first is not None and first.dep_ == "advmod" and verb.i > 1 and verb.doc[verb.i - 2].lower_ == "as"):
            return None
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None


def inserted_piece(sent: SpacySpan, verb: Token, subj: Token, end: int | None = None) -> tuple[int, int] | None:
    """The characters of a cue set inside its statement by commas (", said X," / ", X said,"), commas included,
    so that the statement reads without it (``end``: one past the speaker's phrase when it follows the verb)."""
    doc = sent.doc
    words = [verb, subj, *[t for t in subj.subtree]]
    first, last = min(t.i for t in words), max(t.i for t in words)
    if end is not None:
        first, last = verb.i, end - 1
    first = first - 1 if first > sent.start and doc[first - 1].text == "," else first
    close = next((t.i for t in doc[last + 1 : min(sent.end, last + 6)] if t.text == ","), None)
    if close is not None and end is None:
        last = close  # ", he told me on Friday,"
    elif last + 1 < sent.end and doc[last + 1].text == ",":
        last += 1
    if doc[first].text != "," or doc[last].text != ",":
        return None
    return doc[first].idx, doc[last].idx + 1


_ASIDE_START = frozenset("who whose whom which meanwhile however too also though in turn for his her their its part".split())


def fronted_subject(sent: SpacySpan, verb: Token) -> Token | None:
    """"Mr. Slinker, whose start-up uses big data, said ...": a long aside between the subject and the verb
    makes the parser give the subject to the aside's verb, and the speech verb none. The sentence opens with a
    short noun phrase, a comma, an aside starting with a relative word or a linking adverb, and a comma right
    before the verb: the opening phrase is the speaker."""
    doc = sent.doc
    if verb.lemma_.lower() not in INVERTING_VERBS | {"tell"} or verb.i - 1 <= sent.start or doc[verb.i - 1].text != ",":
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    j = sent.start
    while j < verb.i and doc[j].text != ",":
        j += 1
    words = [doc[i] for i in range(sent.start, j) if not doc[i].is_space]
    if not words or len(words) > 6 or j + 1 >= verb.i - 1 or doc[j + 1].lower_ not in _ASIDE_START:
        return None
    if any(t.tag_ in _FINITE_TAGS or t.pos_ in ("ADP", "SCONJ") for t in words):
        return None  # "In the town, which ...": a circumstance, not a subject
    ids = {t.i for t in words}
    heads = [t for t in words if t.pos_ in ("NOUN", "PROPN") and (t.head.i not in ids or t.head.pos_ not in ("NOUN", "PROPN"))]
    head = heads[-1] if heads else None
    return head if head is not None and speaker_like(head) else None
