"""Attribution beyond speech verbs, for :mod:`sitrep.extract.claims`: cognition, intention and evaluation.

PolNeAR-style attribution also covers what a source believes, hopes, fears, intends or praises ("X hopes
that ...", "X agreed to ...", "she was sure ...", "the experts praised the proposals"). These helpers decide when
such a predicate is an attribution: a clause complement, or a to-clause or a plain object only with a
speaker-like subject (a person, body or text), never a force ("forces attacked", "troops support").

Phrasal predicates (:func:`stance_phrase`, word lists tuned on PolNeAR train, where a predicate was kept only when
most of its speaker-subject uses are gold cues): a prepositional object ("pointed to X", "railed against X",
"referred to X as Y"), an object of expression ("expressed concern", "thanked X for Y"), a light verb with a
statement noun ("made the case for X", "made clear that ...", "took a swipe at X"), regard ("sees X as Y"),
"be" + stance adjective + object ("critical of X"), a person's position ("she backs the plan"; never a country's),
questions ("asked X if ..."), "called for X to ..."; and a document's finding ("a poll shows X leading",
:func:`document_object`). Places, forces and weapons never become sources of these.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sitrep.extract.claim_quotes import opens_inside_quote
from sitrep.extract.claim_spans import sentence_span, span_of
from sitrep.extract.lexicon import (
    ANONYMOUS_HEADS,
    ARMED_GROUP_NOUNS,
    ATTRIBUTION_VERBS,
    FORCE_NOUNS,
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
    "guarantee guess imagine reckon speculate vote assure reassure remind reiterate "
    "hop".split())  # "hop": spaCy's small model lemmatises "hoped" as "hop"
#: Communication and evaluation verbs whose plain object is the statement or its target ("Clinton mentioned
#: disparaging remarks", "The experts praised the proposals"); only with a speaker-like subject (never a force).
OBJECT_STATEMENT_VERBS = frozenset(
    "mention cite reference describe detail outline propose praise criticize criticise blast slam condemn "
    "denounce welcome endorse dispute dismiss question defend reject applaud laud decry lambast rebuke "
    "chastise disparage mock ridicule echo invoke discuss tout promote recommend highlight "
    "stress emphasise emphasize characterize characterise demand link unveil debate explain blame portray "
    "disavow".split())
#: Communication and evaluation verbs, tuned on PolNeAR train (share of speaker-subject uses that are attribution
#: cues >= ~0.6), whose plain object is the statement or its target ("she expressed concern", "he thanked the
#: crowd"); only with a speaker-like subject that is no place either ("Israel offered talks" is an act, not a view).
PERSON_OBJECT_VERBS = frozenset(
    "express voice thank congratulate promise offer tout trumpet lambaste bemoan decry deride belittle "
    "reiterate repeat recount".split())
#: Stance verbs that attribute a position only to a person ("Sanders backs the plan", "she opposes the deal"); never
#: to a country, body or force ("Russia supports the separatists", "troops support the offensive" are acts).
PERSON_STANCE_VERBS = frozenset("support back oppose favor favour prefer embrace".split())
#: Verbs whose prepositional object is the statement's content or target ("pointed to X", "railed against X",
#: "spoke about X", "referred to X as Y"); only with a speaker-like subject that is no place or force.
PREP_STATEMENT_VERBS: dict[str, frozenset[str]] = {
    verb: frozenset(preps.split()) for verb, preps in {
        "point": "to", "refer": "to", "allude": "to", "speak": "about of out against", "talk": "about up",
        "rail": "against at about", "joke": "about", "boast": "about of", "brag": "about", "complain": "about of",
        "apologize": "for", "apologise": "for", "respond": "to", "react": "to", "testify": "about",
        "warn": "of about against", "argue": "for against", "advocate": "for", "hint": "at", "lash": "out",
        "weigh": "in", "vouch": "for", "push": "for", "campaign": "for against", "object": "to",
        "balk": "at", "muse": "about", "grumble": "about",
        "reflect": "on", "elaborate": "on",
    }.items()}
#: Prepositional objects that make "respond/react to" a response to a statement (never "responded to the fire").
_RESPONSE_OBJECTS = frozenset(
    "question questions criticism criticisms accusation accusations allegation allegations claim claims charge "
    "charges comment comments remark remarks report reports statement statements attack attacks news story "
    "stories speech call calls request requests letter letters tweet tweets query queries critic critics "
    "suggestion proposal decision ruling verdict announcement".split())
#: Light verbs with a statement noun: "made the case", "made no mention of", "took a swipe at", "took a stand".
LIGHT_VERB_NOUNS: dict[str, frozenset[str]] = {
    "make": frozenset("case point argument comment comments remark remarks statement statements allegation "
                      "allegations claim claims observation reference references mention promise promises pledge "
                      "plea appeal accusation accusations prediction predictions suggestion assertion admission "
                      "pitch vow threat threats attack attacks joke jokes apology announcement".split()),
    "take": frozenset("swipe swipes shot shots aim stance stand position issue exception credit jab jabs "
                      "dig digs umbrage offense offence".split()),
    "issue": frozenset("statement warning apology call appeal denial rebuttal response".split()),
    "give": frozenset("speech address interview statement warning assurance assurances account".split()),
    "have": frozenset("view views feeling feelings concern concerns doubt doubts opinion opinions reservation "
                      "reservations thought thoughts complaint complaints criticism words".split()),
}
#: Verbs of regard: "sees X as Y", "views X as Y" (a view held by the subject).
_REGARD_VERBS = frozenset("see view regard consider describe characterize characterise portray".split())
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
    if any(c.dep_ == "auxpass" for c in verb.children):
        return False  # "I'd be reminded that ...", "she was asked to ...": the subject is told, not telling
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


#: Ritual expressions that state no view ("expressed grief over the deaths", "offered condolences").
_RITUAL_OBJECTS = frozenset("grief sorrow condolence condolences sympathy sympathies solidarity gratitude thanks "
                            "sadness prayer prayers wish wishes greeting greetings tribute".split())
#: Nouns for people who hold positions (voters, critics, lawmakers), the subjects :data:`PERSON_STANCE_VERBS` accept.
_PEOPLE_NOUNS = frozenset("voter critic supporter opponent lawmaker senator candidate nominee leader resident "
                          "activist advocate expert economist analyst member republican democrat conservative "
                          "liberal delegate governor mayor president minister official spokesman spokeswoman".split())
#: Aspect verbs whose to-clause goes on with the subject's own act ("went on to discuss", "continued to portray",
#: "is continuing to insist"): the subject speaks for the cue they govern.
ASPECT_VERBS = frozenset("go continue begin start keep try seem appear".split())
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Adjectives that with "be" and a prepositional object attribute a stance ("Republicans have been critical of X",
#: "is upbeat about X", "are tired of X").
PREP_STANCE_ADJECTIVES = frozenset(
    "critical supportive appreciative upbeat optimistic pessimistic skeptical sceptical wary worried concerned tired "
    "proud confident angry furious frustrated disappointed enthusiastic dismissive suspicious doubtful hopeful "
    "adamant vocal outspoken unhappy pleased grateful thankful fearful afraid bullish bearish sure certain "
    "divided".split())
_PHRASE_VERBS = frozenset(PERSON_OBJECT_VERBS | PERSON_STANCE_VERBS | {"be"} | PREP_STATEMENT_VERBS.keys() | LIGHT_VERB_NOUNS.keys() | _REGARD_VERBS
                          | {"call"})
_CONTENT_PREPS = frozenset("of about on for at against to over".split())


def _phrase_subject(verb: Token) -> Token | None:
    """The subject of ``verb``, or of the verb it continues ("X went after Y, calling him ...", "X took the stage and
    called ..."); None unless it is speaker-like and no place ("Israel responded with airstrikes" is an act)."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None and (verb.dep_ == "conj" or verb.dep_ == "advcl" and verb.tag_ == "VBG"
                         or verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ASPECT_VERBS - {"try", "seem", "appear"}):
        # "X took the stage and called ...", "X went after Y, calling him ...", "X went on to discuss ...";
        # never "she was considering supporting ...", "he tried to offer ..." (no act of stating)
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.ent_type_ in _PLACE_LABELS or subj.lower_ in ("what", "it", "this", "that") \
            or not speaker_like(subj):
        return None
    return subj


_ARMED_NOUNS = frozenset(FORCE_NOUNS | ARMED_GROUP_NOUNS) - {"group"}


def _force_or_weapon(tok: Token) -> bool:
    """A force, armed group or weapon ("troops", "gunmen", "drones"): never a source, never a statement's topic."""
    return bool({tok.lemma_.lower(), tok.lower_} & (MIL_WORDS | _ARMED_NOUNS)) or tok.ent_type_ in _FORCE_LABELS


def _pp_content(prep: Token) -> tuple[tuple[int, int], Token] | None:
    """The object of a preposition as content, unless it names a force ("spoke about the war" stays)."""
    pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
    if pobj is None or _force_or_weapon(pobj) or pobj.lower_ in ("what", "which", "that", "this", "it"):
        return None
    toks = [t for t in prep.subtree if t.i != prep.i]
    return span_of(toks), prep


#: Texts whose findings are attributed to them with a plain object ("a poll shows Sanders leading", "the survey
#: found broad support"); a clause content is handled by the clause rules.
_DOCUMENT_HEADS = frozenset("poll polls survey surveys study studies report reports analysis data research review "
                            "audit investigation inquiry assessment article footage video videos paper papers "
                            "record records document documents email emails image images imagery photo photos "
                            "photographs figures statistics filing filings average averages".split())


def document_object(verb: Token, lemma: str) -> tuple[int, int] | None:
    """"A new poll shows Sanders leading", "the survey found broad support": the object of a finding verb whose
    subject is a poll, study, report or recording (never a person: "he found the keys" is no claim)."""
    if lemma not in ("show", "find", "reveal", "suggest", "indicate") or verb.tag_ == "VBN":
        return None
    holder = verb.head if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("seem", "appear") else verb
    subj = next((c for c in holder.children if c.dep_ == "nsubj"), None)  # "the video appears to show X"
    dobj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if subj is None or dobj is None or subj.lemma_.lower() not in _DOCUMENT_HEADS and subj.lower_ not in \
            _DOCUMENT_HEADS or any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return None
    if dobj.lower_ in ("it", "this", "that", "what", "which"):
        return None
    return span_of(list(dobj.subtree))


def phrase_content(verb: Token, lemma: str) -> tuple[tuple[int, int], Token] | None:
    """Content span and last cue token of a phrasal stance predicate (:func:`stance_phrase`) or of a document's
    finding (:func:`document_object`, the cue is the verb alone)."""
    found = stance_phrase(verb, lemma)
    if found is None:
        content = document_object(verb, lemma)
        found = (content, verb) if content is not None else None
    return found


def speaking_subjects(subjects: list[Token], verb: Token) -> list[Token]:
    """The parser's subjects of a cue without a place or date it took for one ("Speaking in Salem, New Hampshire,
    Trump went ...": "New Hampshire" is no subject)."""
    if len(subjects) > 1 and subjects[0].ent_type_ in ("GPE", "LOC", "DATE", "TIME", "FAC") \
            and subjects[1].ent_type_ in ("PERSON", "ORG") and subjects[1].i < verb.i:
        return subjects[1:]
    return subjects


def stance_phrase(verb: Token, lemma: str) -> tuple[tuple[int, int], Token] | None:
    """Content span and last cue token of a phrasal stance predicate with a speaker-like subject (PolNeAR-style
    attribution beyond speech verbs): "pointed to X", "railed against X", "referred to X as Y", "expressed concern",
    "thanked X for Y", "made the case for X", "made clear that ...", "took a swipe at X", "sees X as Y",
    "is calling for X to ...". None for a force, weapon or place subject ("troops pointed to ..." never counts)."""
    if lemma == "ask":
        return _question_asked(verb)
    if lemma == "say":  # "three-quarters said the same of X", "55 percent said so": a statement referred back to
        ref = next((c for c in verb.children if c.dep_ in ("dobj", "advmod") and c.lower_ in ("so", "same", "this")),
                   None)
        if any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
            return None
        about = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "about" and c.i == verb.i + 1),
                     None)
        if ref is None and about is not None:  # "the things he has said about immigrants"
            return _pp_content(about)
        if ref is None:
            return None
        prep = next((c for c in ref.children if c.dep_ == "prep"), None) or next(
            (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("of", "about") and c.i > ref.i), None)
        end = span_of(list(prep.subtree))[1] if prep is not None else span_of(list(ref.subtree))[1]
        return (ref.left_edge.idx, end), verb
    if lemma not in _PHRASE_VERBS or verb.tag_ == "VBN" and verb.dep_ in ("amod", "acl"):
        return None
    if any(c.dep_ == "auxpass" for c in verb.children) or _phrase_subject(verb) is None:
        return None
    if verb.dep_ == "ccomp":
        return None  # "X said he supports ...", "records show he backed ...": inside another statement
    kids = list(verb.children)
    if lemma == "be":  # "have been critical of X", "is upbeat about X"
        adj = next((c for c in kids if c.dep_ == "acomp" and c.lemma_.lower() in PREP_STANCE_ADJECTIVES), None)
        prep = next((c for c in adj.children if c.dep_ == "prep" and c.lower_ in ("of", "about", "on", "over", "toward",
                                                                                   "towards", "with")), None) \
            if adj is not None else None
        found_pp = _pp_content(prep) if prep is not None else None
        if found_pp is None or prep is None or prep.i > verb.i + 4:
            return None
        return found_pp[0], prep
    dobj = next((c for c in kids if c.dep_ == "dobj"), None)
    clause = next((c for c in kids if c.dep_ == "ccomp"), None)
    if lemma == "call":  # "is calling for the US to act": the parser makes "for ... to act" a clause
        adv = next((c for c in kids if c.dep_ == "advcl" and c.i > verb.i
                    and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)), None)
        if adv is None:
            return None
        mark = next(m for m in adv.children if m.dep_ == "mark")
        return span_of([t for t in adv.subtree if t.i != mark.i]), verb
    if lemma in LIGHT_VERB_NOUNS:
        found = _light_verb_phrase(verb, lemma, dobj, clause)
        if found is not None:
            return found
    if lemma in PREP_STATEMENT_VERBS:
        preps = PREP_STATEMENT_VERBS[lemma]
        prt = next((c for c in kids if c.dep_ == "prt" and c.lower_ in preps), None)
        prep = next((c for c in kids if c.dep_ == "prep" and (c.lower_ in preps or prt is not None
                                                               and c.lower_ in _CONTENT_PREPS)), None)
        if prep is not None:
            found_pp = _pp_content(prep)
            if found_pp is not None:
                pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
                if lemma in ("respond", "react") and (pobj is None or pobj.lower_ not in _RESPONSE_OBJECTS):
                    return None
                (a, b), _ = found_pp
                as_ = next((c for c in kids if c.dep_ == "prep" and c.lower_ == "as" and c.i > prep.i), None)
                if as_ is not None:  # "referred to Rubio as a bright leader"
                    b = span_of(list(as_.subtree))[1]
                adjacent = prep.i == verb.i + 1 or prt is not None and prt.i == verb.i + 1 and prep.i == verb.i + 2
                return (a, b), prep if adjacent else (prt if prt is not None and prt.i == verb.i + 1 else verb)
        if prt is not None and dobj is not None and not _force_or_weapon(dobj):  # "talked up his candidacy"
            return span_of(list(dobj.subtree)), prt if prt.i == verb.i + 1 else verb
    if clause is not None or any(c.dep_ == "xcomp" for c in kids):
        return None  # a clause content: the clause rules handle it
    if lemma in _REGARD_VERBS and dobj is not None:
        as_ = next((c for c in kids if c.dep_ == "prep" and c.lower_ == "as" and c.i > dobj.i), None) or next(
            (c for c in dobj.children if c.dep_ == "prep" and c.lower_ == "as"), None)
        if as_ is not None and not _force_or_weapon(dobj):  # "sees Cruz as a uniter"
            return (dobj.left_edge.idx, span_of(list(as_.subtree))[1]), verb
    if lemma in PERSON_STANCE_VERBS:
        subj = _phrase_subject(verb)
        # (a relative clause describes the person, "voters who backed Sanders"; it states no position)
        person = subj is not None and verb.dep_ != "relcl" and (
            subj.ent_type_ == "PERSON" or subj.lower_ in ("he", "she", "i", "we") or subj.lemma_.lower() in _PEOPLE_NOUNS)
        modal = any(c.tag_ == "MD" for c in verb.children)  # "he would support the nominee": hypothetical
        if not person or modal or dobj is None or _force_or_weapon(dobj) or dobj.pos_ == "PRON" and dobj.lower_ == "it":
            return None
        return span_of(list(dobj.subtree)), verb
    if lemma == "offer" and not _named_speaker(_phrase_subject(verb)):
        return None  # "the kefir offers similar benefits", "they offered buttons": goods, not a view
    if lemma in PERSON_OBJECT_VERBS and dobj is not None and not _force_or_weapon(dobj) \
            and dobj.lemma_.lower() not in _RITUAL_OBJECTS:
        a, b = span_of(list(dobj.subtree))
        for_ = next((c for c in kids if c.dep_ == "prep" and c.lower_ in ("for", "to", "with") and c.i > dobj.i), None)
        if for_ is not None:  # "thanked the crowd for its support", "compared him to ..."
            b = max(b, span_of(list(for_.subtree))[1])
        return (a, b), verb
    return None


def _named_speaker(subj: Token | None) -> bool:
    """A named person or organisation, a personal pronoun or a people/office noun ("Clinton", "the ministry", "she",
    "the minister"); never "they" alone (as often a crowd or a company handing out goods)."""
    return subj is not None and (subj.ent_type_ in ("PERSON", "ORG") or subj.lower_ in ("he", "she", "i", "we")
                                 or subj.lemma_.lower() in _PEOPLE_NOUNS | GOV_WORDS | ORG_WORDS | MEDIA_WORDS)


def _question_asked(verb: Token) -> tuple[tuple[int, int], Token] | None:
    """"asked the students if they ...", "asked Trump about his statements", "asked a simple question": what was
    asked, by a subject that is no force (a questioner need not be a public speaker)."""
    kids = list(verb.children)
    subj = next((c for c in kids if c.dep_ == "nsubj"), None)
    if subj is None or _force_or_weapon(subj) or subj.lower_ in ("what", "it") or verb.dep_ == "ccomp" \
            or not any(c.dep_ in ("dobj", "dative") for c in kids) or any(c.dep_ in ("ccomp", "xcomp") for c in kids):
        return None
    whether = next((c for c in kids if c.dep_ == "advcl" and c.i > verb.i
                    and any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children)), None)
    if whether is not None:
        return span_of(list(whether.subtree)), verb
    about = next((c for c in kids if c.dep_ == "prep" and c.lower_ == "about"), None)
    if about is not None:
        return _pp_content(about)
    dobj = next((c for c in kids if c.dep_ == "dobj"), None)
    if dobj is not None and dobj.lemma_.lower() == "question":
        return span_of(list(dobj.subtree)), verb
    return None


def _light_verb_phrase(verb: Token, lemma: str, dobj: Token | None,
                       clause: Token | None) -> tuple[tuple[int, int], Token] | None:
    """"made clear that ...", "made the case for X", "made no mention of X", "took a swipe at X"."""
    clear = next((c for c in verb.children if c.lower_ == "clear" and c.dep_ in ("oprd", "acomp", "ccomp", "advmod",
                                                                                 "dobj", "xcomp")), None)
    if lemma == "make" and clear is not None:
        comp = next((c for c in verb.children if c.dep_ == "ccomp" and c.i != clear.i), None) or next(
            (c for c in clear.children if c.dep_ in ("ccomp", "advcl")), None)
        if comp is None:
            return None
        return span_of(list(comp.subtree)), clear if clear.i <= verb.i + 2 else verb
    if dobj is None or dobj.lemma_.lower() not in LIGHT_VERB_NOUNS[lemma] and dobj.lower_ not in LIGHT_VERB_NOUNS[lemma]:
        return None
    noun_clause = next((c for c in dobj.children if c.dep_ in ("acl", "ccomp", "relcl")
                        and any(m.dep_ == "mark" and m.lower_ == "that" and m.i == dobj.i + 1 for m in c.children)),
                       None)  # "made the point that ..." (the clause right after the noun)
    comp = clause or noun_clause
    if comp is not None:
        return span_of(list(comp.subtree)), dobj
    for holder in (dobj, verb):  # "the case for X", "a swipe at X"; on the verb only right after the noun phrase
        prep = next((c for c in holder.children if c.dep_ == "prep" and c.lower_ in _CONTENT_PREPS
                     and c.i > dobj.i and (holder.i == dobj.i or c.i == dobj.right_edge.i + 1)), None)
        if prep is not None:
            found = _pp_content(prep)
            if found is not None:
                return found[0], prep if prep.i == dobj.i + 1 else dobj
    return None


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


_ANONYMITY_RE = re.compile(r"\s*(?:that\s+\w+\s+)?(?:not\s+(?:to\s+)?be\s+(?:identified|named)|anonymity)\b", re.I)


def not_a_new_attribution(sent: SpacySpan, verb: Token, lemma: str, subj: Token, quoted: bool) -> bool:
    """An attribution-like predicate that is no attribution of its own: a quoted speaker's "I think", a cue
    nested in a statement ("X said he plans ..."), a passive hedge ("X is believed to ..."), or negated
    verification language ("did not reveal", "cannot confirm"). ``quoted``: the sentence holds a quotation."""
    low = subj.lower_
    clause = any(c.dep_ == "ccomp" for c in verb.children)
    after = doc_text(verb.doc)[verb.idx + len(verb.text) : verb.idx + len(verb.text) + 40]
    if lemma in ("ask", "request", "demand") and _ANONYMITY_RE.match(after):
        return True  # "who asked not to be identified": a condition of the source, not a statement
    if low in ("i", "we") and opens_inside_quote(sent):
        return True  # "“... . I think ...”": the quoted speaker's own words, one statement with the quotation
    if low in ("i", "we", "you") and lemma in _COGNITION_VERBS and (quoted or lemma != "know" or not clause):
        return True  # "I think ...", "we want ...": a speaker's hedge inside a quotation ("we know that ..." stays)
    nest = verb.head if verb.dep_ == "conj" and verb.head.dep_ == "ccomp" else verb  # "says she hopes ... but she knows"
    if (lemma in _COGNITION_VERBS or lemma in ATTRIBUTION_VERBS or lemma in CLAUSE_STANCE_VERBS or lemma == "be") \
            and nest.dep_ == "ccomp" and verb.tag_ != "VBG" and nest.head.lemma_.lower() in ATTRIBUTION_VERBS \
            and not (subj.i > verb.i and nest.head.i < verb.i):  # "“... is telling X ...,” said Y": Y's cue
        return True  # "X said he plans/believes/hopes ...": one statement, X's, not a second attribution
    if subj.dep_ == "nsubjpass" and subj.head.i == verb.i and lemma in _PASSIVE_HEDGES and low != "it":
        return True  # "X is believed/said to be ...": a hedge on X, not an attribution
    # "did not reveal", "cannot confirm": verification language; but "did not say that ..." attributes a view
    return any(c.dep_ == "neg" for c in verb.children) and lemma not in ("deny", "comment", "respond", "reply") and not (
        lemma in _NEGATABLE_SPEECH and clause)
