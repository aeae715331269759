"""Attribution beyond speech verbs, for :mod:`sitrep.extract.claims`: cognition, intention and evaluation.

PolNeAR-style attribution also covers what a source believes, hopes, fears, intends or praises ("X hopes
that ...", "X agreed to ...", "she was sure ...", "the experts praised the proposals"). These helpers decide when
such a predicate is an attribution: a clause complement, or a to-clause or a plain object only with a
speaker-like subject (a person, body or text), never a force ("forces attacked", "troops support").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sitrep.extract.claim_quotes import opens_inside_quote
from sitrep.extract.claim_spans import sentence_span
from sitrep.extract.lexicon import (
    ANONYMOUS_HEADS,
    ATTRIBUTION_VERBS,
    GOV_WORDS,
    MEDIA_WORDS,
    MIL_WORDS,
    ORG_WORDS,
    STATEMENT_NOUNS,
)
from sitrep.extract.nlp import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

#: Cognition, intention and decision verbs that attribute a view or a stance only with a clause ("X hopes that
#: ...", "X agreed to ...", "X refuses to ..."); PolNeAR-style attribution beyond speech verbs.
CLAUSE_STANCE_VERBS = frozenset(
    "hope know realize realise learn decide agree refuse seek intend wish doubt suspect assume conclude determine "
    "understand recognize recognise rule insist pledge vow promise expect fear believe think want plan threaten "
    "offer demand urge encourage ask acknowledge concede admit argue suggest warn worry feel predict estimate "
    "guarantee guess imagine reckon speculate vote "
    "hop".split())  # "hop": spaCy's small model lemmatises "hoped" as "hop"
#: Communication and evaluation verbs whose plain object is the statement or its target ("Clinton mentioned
#: disparaging remarks", "The experts praised the proposals"); only with a speaker-like subject (never a force).
OBJECT_STATEMENT_VERBS = frozenset(
    "mention cite reference describe detail outline propose praise criticize criticise blast slam condemn "
    "denounce welcome endorse dispute dismiss question defend reject applaud laud decry lambast rebuke "
    "chastise disparage mock ridicule echo invoke discuss tout promote recommend highlight "
    "stress emphasise emphasize characterize characterise demand link unveil debate explain".split())
#: Adjectives that with "be" attribute a view or stance to the subject ("she was sure ...", "are afraid that").
STANCE_ADJECTIVES = frozenset(
    "sure certain confident convinced afraid worried concerned determined willing eager hopeful optimistic "
    "pessimistic skeptical sceptical critical aware adamant unsure uncertain reluctant unwilling keen "
    "doubtful fearful".split())
#: Cues that attribute a belief, expectation or guess rather than an assertion ("X believes", "X hopes",
#: "are afraid that"): the content is held uncertain, so the claim is hedged.
BELIEF_CUE_RE = re.compile(
    r"\b(?:believ|think|thought|suspect|expect|hope|hoping|guess|assum|doubt|speculat|predict|worr|afraid|unsure|"
    r"uncertain|optimistic|pessimistic|skeptic|sceptic|fear)", re.I)
_PERSON_PRONOUNS = frozenset("he she him her they we i you who".split())


def stance_adjective(copula: Token) -> Token | None:
    """"she was sure Trump would win", "Democrats are afraid that ...", "were willing to ...": the adjective of
    a stance predicate with a clause, else None."""
    adj = next((c for c in copula.children if c.dep_ == "acomp" and c.lemma_.lower() in STANCE_ADJECTIVES), None)
    if adj is None or not any(c.dep_ in ("ccomp", "xcomp") for c in [*adj.children, *copula.children]):
        return None  # (the parser hangs the clause on the adjective or on the copula)
    return adj


_FORCE_LABELS = frozenset({"ARMED_ACTOR", "MILITARY_UNIT"})
#: Common nouns that name people, bodies or texts able to hold or state a view (besides the GOV/ORG/MEDIA words).
_SPEAKER_NOUNS = frozenset(
    "expert experts critic critics analyst analysts supporter supporters opponent opponents lawmaker lawmakers "
    "senator senators candidate nominee campaign ad ads report article editorial advocate advocates activist "
    "activists leader leaders resident residents voter voters people economist economists historian historians "
    "scholar scholars study poll survey letter lawyer lawyers judge court party republican republicans democrat "
    "democrats member members aide aides adviser advisers advisor advisors official officials observer observers "
    "researcher researchers scientist scientists doctor doctors company companies firm bank".split())


def speaker_like(subj: Token) -> bool:
    """A subject that can hold or state a view: a person, body or text (never a force, weapon or event)."""
    low = subj.lemma_.lower()
    if {low, subj.lower_} & MIL_WORDS or subj.ent_type_ in _FORCE_LABELS:
        return False
    return (subj.lower_ in _PERSON_PRONOUNS
            or subj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or subj.pos_ == "PROPN"
            or low in ANONYMOUS_HEADS | GOV_WORDS | ORG_WORDS | MEDIA_WORDS | STATEMENT_NOUNS | _SPEAKER_NOUNS
            or subj.lower_ in _SPEAKER_NOUNS)


def stance_clause(verb: Token) -> bool:
    """A that/wh-clause complement, or a to-clause with a speaker-like subject ("X agreed to ...", never
    "forces tried to ...")."""
    if any(c.dep_ == "ccomp" for c in verb.children):
        return True
    if not any(c.dep_ == "xcomp" for c in verb.children):
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj is not None and speaker_like(subj)


def statement_object(verb: Token, lemma: str) -> Token | None:
    """The object of a communication/evaluation verb with a speaker-like subject ("Clinton cited derogatory
    comments", "The experts praised the proposals"); None for a force or weapon subject or a clause content."""
    if lemma not in OBJECT_STATEMENT_VERBS or verb.tag_ == "VBN" and verb.dep_ in ("amod", "acl"):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None and verb.dep_ in ("xcomp", "conj"):  # "X went on to discuss ...", "X outlined ... and cited ..."
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if obj is None or subj is None or any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return None
    if not speaker_like(subj) or {obj.lemma_.lower(), obj.lower_} & MIL_WORDS or obj.ent_type_ in _FORCE_LABELS \
            or obj.pos_ == "PRON" and obj.lower_ in ("it", "this", "that"):
        return None  # "The attacks raise concern", "The Kremlin has praised its troops"
    return obj


def as_put_it(verb: Token, lemma: str) -> bool:
    """"as X put it": the phrase attributes the wording of the clause it sits in to X."""
    return lemma == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children) \
        and any(c.dep_ in ("mark", "advmod") and c.lower_ == "as" for c in verb.children)


def outside_clause(sent: SpacySpan, verb: Token) -> tuple[int, int] | None:
    """The longer stretch of the sentence before or after the clause of ``verb`` (its own words left out)."""
    span = sentence_span(sent)
    left = sent.doc[verb.left_edge.i].idx
    right_tok = sent.doc[verb.right_edge.i]
    right = right_tok.idx + len(right_tok.text)
    body = doc_text(sent.doc)
    before, after = body[span.start : left].strip(" ,;:—-"), body[right : span.end].strip(" ,;:—-.")
    if max(len(before), len(after)) < 15:
        return None
    if len(after) > len(before):
        a = body.index(after, right)
        return a, a + len(after)
    return span.start, span.start + len(before)


_COGNITION_VERBS = frozenset("think believe want fear plan hope guess mean suppose expect feel know worry".split())
#: Speech verbs whose negation still attributes a view to the subject ("did not say that ...", "isn't saying ...").
_NEGATABLE_SPEECH = frozenset("say argue suggest claim think believe expect".split())
_PASSIVE_HEDGES = frozenset("believe say think report know expect consider".split())


def not_a_new_attribution(sent: SpacySpan, verb: Token, lemma: str, subj: Token, quoted: bool) -> bool:
    """An attribution-like predicate that is no attribution of its own: a quoted speaker's "I think", a cue
    nested in a statement ("X said he plans ..."), a passive hedge ("X is believed to ..."), or negated
    verification language ("did not reveal", "cannot confirm"). ``quoted``: the sentence holds a quotation."""
    low = subj.lower_
    clause = any(c.dep_ == "ccomp" for c in verb.children)
    if low in ("i", "we") and opens_inside_quote(sent):
        return True  # "“... . I think ...”": the quoted speaker's own words, one statement with the quotation
    if low in ("i", "we", "you") and lemma in _COGNITION_VERBS and (quoted or lemma != "know" or not clause):
        return True  # "I think ...", "we want ...": a speaker's hedge inside a quotation ("we know that ..." stays)
    nest = verb.head if verb.dep_ == "conj" and verb.head.dep_ == "ccomp" else verb  # "says she hopes ... but she knows"
    if (lemma in _COGNITION_VERBS or lemma in ATTRIBUTION_VERBS or lemma in CLAUSE_STANCE_VERBS or lemma == "be") \
            and nest.dep_ == "ccomp" and verb.tag_ != "VBG" and nest.head.lemma_.lower() in ATTRIBUTION_VERBS:
        return True  # "X said he plans/believes/hopes ...": one statement, X's, not a second attribution
    if subj.dep_ == "nsubjpass" and lemma in _PASSIVE_HEDGES and low != "it":
        return True  # "X is believed/said to be ...": a hedge on X, not an attribution
    # "did not reveal", "cannot confirm": verification language; but "did not say that ..." attributes a view
    return any(c.dep_ == "neg" for c in verb.children) and lemma != "deny" and not (
        lemma in _NEGATABLE_SPEECH and clause)
