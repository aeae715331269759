"""Token-level helpers for :mod:`sitrep.extract.claims`: spans of sources and contents over the spaCy parse.

Kept apart so claims.py stays readable: how a source phrase is bounded as written (datelines, time and medium
modifiers, appositions, asides), where a statement lies when it is not a clausal complement (a postposed
"..., X said.", a quotation in the sentence before, "called for ...", "accuse X of ...", "refused to comment"),
and the medium a cue names ("said in a statement").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sitrep.extract.lexicon import ATTRIBUTION_VERBS, STATEMENT_NOUNS
from sitrep.extract.nlp import doc_text
from sitrep.models import Span

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token


def span_of(tokens: list[Token]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)



def subtree_without(tok: Token, exclude_deps: frozenset[str]) -> list[Token]:
    """tok's subtree minus children subtrees with the given deps (e.g. relative clauses)."""
    drop: set[int] = set()
    for child in tok.children:
        if child.dep_ in exclude_deps:
            drop.update(t.i for t in child.subtree)
    toks = [t for t in tok.subtree if t.i not in drop]
    while toks and toks[-1].is_punct and not closes_bracket(toks):
        toks.pop()
    while toks and toks[0].is_punct:
        toks.pop(0)
    return toks



def closes_bracket(toks: list[Token]) -> bool:
    """The last token is a ")" that closes a bracket opened inside the span ("Mike Pence (R-IN)")."""
    return toks[-1].text == ")" and sum(t.text == "(" for t in toks) > sum(t.text == ")" for t in toks[:-1])


DASHES = frozenset("-- — – - ―".split())



def without_dateline(toks: list[Token]) -> list[Token]:
    """Drop a dateline the parser folded into the subject: "WASHINGTON -- President Obama" → "President Obama"."""
    if len(toks) < 3 or not (toks[0].text.isupper() and len(toks[0].text) > 1):
        return toks
    for k, t in enumerate(toks[:8]):
        if t.text in DASHES and k + 1 < len(toks):
            return toks[k + 1 :]
    return toks



def without_circumstance(head: Token, toks: list[Token]) -> list[Token]:
    """Drop time and medium modifiers after the source's head: "Russia on Tuesday", "X in a statement"."""
    drop: set[int] = set()
    for child in head.children:
        if child.i < head.i or child.dep_ not in ("prep", "npadvmod", "advmod"):
            continue
        sub = list(child.subtree)
        timely = any(t.ent_type_ in ("DATE", "TIME") for t in sub) or child.lower_ in ("later", "earlier")
        medium = child.dep_ == "prep" and any(t.dep_ == "pobj" and t.lemma_.lower() in STATEMENT_NOUNS for t in sub)
        if timely or medium:
            drop.update(t.i for t in sub)
    if not drop:
        return toks
    kept = [t for t in toks if t.i not in drop]
    while kept and (kept[-1].is_punct and not closes_bracket(kept) or kept[-1].is_space):
        kept.pop()
    return kept or toks



def sentence_span(sent: SpacySpan) -> Span:
    text = sent.text
    lead = len(text) - len(text.lstrip())
    text = text.strip()
    start = sent.start_char + lead
    return Span(text=text, start=start, end=start + len(text))



def after_comma(t: Token) -> bool:
    """The phrase headed by ``t`` is set off by a comma or dash before it."""
    first = t.left_edge
    return first.i > 0 and t.doc[first.i - 1].text in (",", "--", "—")



def written_source(head: Token, toks: list[Token], verb: Token | None) -> str:
    """The source as written, bounded the way attribution corpora (PolNeAR) mark it: the head noun phrase
    with its appositions and restrictive relative clause ("all the experts I interviewed"), but without a
    comma-set participle ("Trump, speaking to veterans, said") or a long bracketed aside; a comma-set relative
    clause stays only on a name after the verb ("said Joseph, who has four children")."""
    idx = {t.i for t in toks}
    drop: set[int] = set()
    for t in toks:
        if t.i == head.i or t.i in drop:
            continue
        participle = t.head.i == head.i and t.dep_ in ("acl", "advcl") and t.tag_ in ("VBG", "VBN") and after_comma(t)
        if participle:
            drop.update(x.i for x in t.subtree)
            drop.add(t.left_edge.i - 1)
    opened = None
    for t in toks:  # "(a view echoed by everyone I interviewed)": a long aside, not a party label like "(R-IN)"
        if t.text == "(":
            opened = t.i
        elif t.text == ")" and opened is not None:
            if t.i - opened > 4:
                drop.update(range(opened, t.i + 1))
            opened = None
    kept = [t for t in toks if t.i not in drop]
    if drop:
        first_drop = min(drop)
        kept = [t for t in kept if t.i < first_drop] or kept
    restrictive = [c for c in head.children if c.dep_ == "relcl" and not after_comma(c) and c.i > head.i
                   and c.i not in idx and (verb is None or c.i < verb.i or head.i > verb.i)]
    if restrictive and kept and restrictive[0].left_edge.i - 1 == kept[-1].i:
        kept = kept + list(restrictive[0].subtree)  # "all the experts I interviewed", "a study that appeared in X"
    elif verb is not None and head.i > verb.i:
        rel = next((c for c in head.children if c.dep_ == "relcl" and after_comma(c) and c.i not in idx), None)
        if rel is not None and kept and rel.left_edge.i - 2 == kept[-1].i:
            kept = kept + [t for t in rel.subtree]
    while kept and (kept[-1].is_punct and not closes_bracket(kept) or kept[-1].is_space):
        kept.pop()
    if not kept:
        kept = toks
    a, b = span_of(kept)
    body = doc_text(head.doc)
    if body.count("(", a, b) > body.count(")", a, b) and body[b : b + 1] == ")":
        b += 1  # "... Muslims (JNIM)": the parser hung the closing bracket on the verb
    return body[a:b]


#: Perception verbs that attribute what an on-the-spot source saw ("witnesses saw bodies in the street").
PERCEPTION_VERBS = frozenset("see witness hear observe".split())


WITNESS_HEADS = frozenset(
    "witness witnesses eyewitness eyewitnesses photographer photographers reporter reporters correspondent "
    "correspondents journalist journalists resident residents".split())



def witness_subject(verb: Token) -> bool:
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.lower_ in WITNESS_HEADS


#: Heads of a document or inquiry source whose "found that ..." reports a finding ("a GAO report found that").
FINDING_HEADS = frozenset("report poll survey study investigation inquiry review analysis audit probe research "
                           "assessment evaluation paper".split())



def document_subject(verb: Token) -> bool:
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.lemma_.lower() in FINDING_HEADS and any(c.dep_ == "ccomp" for c in verb.children)



def no_comment_token(verb: Token) -> Token | None:
    """"refused/declined to comment": the ``comment`` token (a claim of non-comment, PolNeAR and news-dev cue)."""
    lemma = verb.lemma_.lower()
    if lemma in ("comment", "respond", "reply") and any(c.dep_ == "neg" for c in verb.children) and (
            lemma == "comment" or any(re.match(r"(?i)comment|request|question|inquir|e-?mail|message|call", t.text)
                                      for t in verb.subtree if t.i > verb.i)):
        return verb  # "did not immediately comment on the reports", "did not respond to a request for comment"
    if lemma not in ("refuse", "decline"):
        return None
    return next((c for c in verb.children if c.dep_ == "xcomp" and c.lemma_.lower() == "comment"), None)



def object_phrase_content(verb: Token, lemma: str, no_comment: Token | None) -> tuple[int, int] | None:
    """Content given by a phrase, not a clause: "reported on the advance", "refused to comment on that claim",
    "accuse the gangs of trying to seize power"."""
    if no_comment is not None:
        on = next((c for c in no_comment.children if c.dep_ == "prep" and c.lower_ in ("on", "about")), None)
        if on is not None:
            return span_of(list(on.subtree))
        toks = [t for t in no_comment.subtree if t.i > no_comment.i and not t.is_punct] \
            if no_comment.i == verb.i else list(no_comment.subtree)  # (the verb's own subtree holds the subject)
        if not any(t.pos_ in ("NOUN", "PROPN", "VERB") and t.ent_type_ not in ("DATE", "TIME") for t in toks):
            return None  # "had not commented by Monday morning": no subject matter, only a time
        return span_of(toks) if toks else None
    habitual = verb.tag_ in ("VBZ", "VBP") or any(c.lower_ in ("often", "regularly", "frequently", "usually")
                                                   for c in verb.children)  # "X often reports on politics": a bio
    if lemma in ("report", "comment") and not habitual and not any(c.dep_ == "dobj" for c in verb.children):
        on = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "about")), None)
        # "reported on the advance", not "reported on Telegram" (the medium)
        if on is not None and any(c.dep_ == "pobj" and c.pos_ == "NOUN" and c.lemma_.lower() not in STATEMENT_NOUNS
                                  for c in on.children):
            return span_of([t for t in on.subtree if t.dep_ != "prep" or t.i != on.i])
    if lemma == "call":
        # "called for a moratorium": the demand; "called the charges unsubstantiated": the characterisation
        for_ = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"), None)
        if for_ is not None and any(c.dep_ in ("pobj", "pcomp") for c in for_.children):
            return span_of([t for t in for_.subtree if t.i != for_.i])
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        oprd = next((c for c in verb.children if c.dep_ == "oprd"), None)
        if obj is not None and oprd is not None and oprd.i > obj.i:
            return obj.left_edge.idx, span_of(list(oprd.subtree))[1]
    if lemma in ("respond", "reply"):
        # "responded by using the example of ...": the response given
        by = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "by"), None)
        if by is not None and any(c.dep_ == "pcomp" for c in by.children):
            return span_of([t for t in by.subtree if t.i != by.i])
    if lemma == "note":
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is not None:
            return span_of(list(obj.subtree))
    if lemma == "accuse":
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        holders = [verb, obj] if obj is not None else [verb]
        of = next((c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if obj is not None and of is not None and of.i > obj.i:
            return obj.left_edge.idx, span_of(list(of.subtree))[1]
    return None



#: Dependents a bare "X said." / "X told reporters on Monday." may keep after the cue: the addressee, time, place,
#: medium and circumstance ("as he launched the process"), never a statement of its own.
_BARE_CUE_DEPS = frozenset("prep npadvmod advmod advcl dative agent prt punct".split())


def _circumstance_deps(verb: Token) -> set[str]:
    """Dependents that name no statement of the cue's own: :data:`_BARE_CUE_DEPS`, plus the addressee of "tell"."""
    return set(_BARE_CUE_DEPS) | ({"dobj"} if verb.lemma_.lower() == "tell" else set())


def bare_cue(sent: SpacySpan, verb: Token, subj: Token) -> bool:
    """The sentence is only a speaker and a cue ("Rubio said.", "Renteria told reporters during the call.", "he
    wrote on Twitter on Monday."): every other word hangs after the cue as an addressee or a circumstance."""
    subj_ids = {x.i for x in subj.subtree}
    if subj.i > verb.i or verb.tag_ == "VBG" or any(c.dep_ in ("ccomp", "xcomp", "csubj") for c in verb.children):
        return False  # (a progressive "X's metaphor is telling" is no cue)
    allowed = _circumstance_deps(verb)
    for c in verb.children:
        if c.i in subj_ids or c.is_punct or c.is_space or c.dep_ in ("aux", "neg", "advmod") and c.i < verb.i:
            continue
        if c.i < verb.i or c.dep_ not in allowed:
            return False
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    verb_tree = {x.i for x in verb.subtree}
    return all(t.i in verb_tree for t in words) and len(words) <= 25


def _quotation_ending(body: str, close: int, para_start: int) -> int | None:
    """Start of the quotation that closes at ``close`` (the closing mark's offset): the nearest opening mark before
    it in the same paragraph; "''" and straight quotes pair with the same mark. None when none opens there."""
    mark = body[close]
    region = body[para_start:close]
    if mark == "”":
        at = region.rfind("“")
        alt = region.rfind('"')  # a straight opener closed by a curly mark (mixed typography)
        at = at if at >= 0 else alt
    elif body[close - 1 : close + 1] == "''":
        at = region[:-1].rfind("''")
        at = at + 1 if at >= 0 else -1
    else:
        at = region.rfind(mark)
    return para_start + at + 1 if at >= 0 else None


def quote_before(sent: SpacySpan, verb: Token, subj: Token) -> tuple[tuple[int, int], Span] | None:
    """A sentence that is only "X said." (or "X told reporters on Monday.") after a sentence ending in a closing
    quotation mark: that quotation is the statement (the sentence splitter cut "“...?” X said." after the
    question mark, or the quotation ran over several sentences: "“A. B!” he wrote.")."""
    if sent.start == 0 or not bare_cue(sent, verb, subj):
        return None
    prev = sent.doc[sent.start - 1].sent
    span = sentence_span(prev)
    m = re.search(r"[\"“]([^\"“”]{8,})[\"”]$", span.text)
    if m is not None:
        start, end = span.start + m.start(1), span.start + m.end(1)
    else:  # the quotation opened in an earlier sentence of the same paragraph
        body = doc_text(sent.doc)
        close = span.end - 1
        if not span.text.endswith(("”", '"', "''")):
            return None
        close = close - 1 if span.text.endswith("''") else close
        para_start = body.rfind("\n", 0, span.start) + 1
        opened = _quotation_ending(body, close, para_start)
        if opened is None or close - opened < 8 or close - opened > 1500:
            return None
        start, end = opened, close
    here = sentence_span(sent)
    ev_start = min(start, span.start)
    evidence = Span(text=doc_text(sent.doc)[ev_start : here.end], start=ev_start, end=here.end)
    return (start, end), evidence


def first_conjunct(verb: Token) -> Token:
    """The first verb of a coordination ("they reversed themselves, rushed everyone inside and said ...":
    "reversed" for "said"), whose subject the later conjuncts share; the climb stops at a conjunct with its own
    subject."""
    head = verb
    while head.dep_ == "conj" and head.head.i < head.i and head.head.pos_ in ("VERB", "AUX") \
            and not any(c.dep_.startswith("nsubj") for c in head.children):
        head = head.head  # a conjunct with a subject of its own ("..., and Y added") stops the climb
    return head


#: Speech verbs whose "by ...ing" names what the subject said ("by asking prosecutors to ...", "by calling out X"
#: name a means, not a statement).
_BY_SPEECH_VERBS = frozenset("say tell announce claim declare insist argue warn deny note state write suggest "
                             "admit acknowledge".split())


def numeric_subject(verb: Token) -> Token | None:
    """"About 4 in 10 say they ...": the parser hangs a poll share on the cue as a number, not a subject."""
    num = next((c for c in verb.children if c.dep_ == "nummod" and c.pos_ == "NUM" and c.i < verb.i), None)
    if num is None or any(c.dep_.startswith("nsubj") for c in verb.children):
        return None
    return num if any(t.lower_ == "in" for t in num.subtree) or num.i == verb.i - 1 else None


def by_gerund_subject(verb: Token) -> Token | None:
    """"X distanced himself from Y by saying that ...", "X responded by telling reporters ...": the gerund's
    speaker is the subject of the verb "by" hangs on."""
    if verb.tag_ != "VBG" or verb.dep_ != "pcomp" or verb.head.lower_ != "by" or verb.head.dep_ != "prep" \
            or verb.lemma_.lower() not in _BY_SPEECH_VERBS:
        return None
    holder = verb.head.head
    if holder.pos_ not in ("VERB", "AUX"):
        return None
    holder = first_conjunct(holder)
    subj = next((c for c in holder.children if c.dep_ == "nsubj"), None)
    return None if subj is None or subj.lower_ in ("i", "we") else subj  # "We'll start by noting": the writer


def implicit_subject(verb: Token) -> Token | None:
    """The speaker of a cue the parser gave no subject: "by saying ..." or a poll share ("4 in 10 say")."""
    return by_gerund_subject(verb) or numeric_subject(verb)


_RELATIVE_WORDS = frozenset("which that who whom what whose".split())


def after_relative_cue(verb: Token, content_toks: list[Token] | None) -> list[Token] | None:
    """"The changes, which officials said will take effect ...", "what analysts said was a sign of ...": the
    clause's relative pronoun sits before the cue, so the statement is the clause after the cue."""
    if not content_toks or content_toks[0].i > verb.i or content_toks[-1].i < verb.i \
            or verb.lemma_.lower() not in ATTRIBUTION_VERBS:
        return content_toks
    if content_toks[0].lower_ not in _RELATIVE_WORDS or content_toks[0].tag_ not in ("WDT", "WP", "WP$", "IN"):
        return content_toks
    if not any(t.head.i == verb.i and t.dep_ == "ccomp" for t in content_toks):
        return content_toks  # "that they wanted to tape": an infinitive's object, no statement
    kept = [t for t in content_toks if t.i > verb.i]
    while kept and (kept[0].is_punct or kept[0].is_space):
        kept.pop(0)
    if sum(not (t.is_punct or t.is_space) for t in kept) < 3:
        return content_toks  # "what he said he was": nothing is stated
    return kept


def _only_circumstance(verb: Token, subj: Token) -> bool:
    """The cue has no statement of its own: besides the subject only an addressee ("told reporters", for "tell"),
    time, place, medium or circumstance."""
    allowed = _circumstance_deps(verb) | {"mark"}
    return all(c.i == subj.i or c.is_punct or c.is_space or c.dep_ in allowed or c.dep_ in ("aux", "neg")
               for c in verb.children)


#: Cues that attribute the main clause from an "as" clause ("as X joked with a friend" is a time, not a source).
_AS_CUES = frozenset("say report tell note write state announce claim confirm explain tweet add mention acknowledge "
                     "admit predict suggest argue warn insist".split())


def as_clause_content(sent: SpacySpan, verb: Token, subj: Token) -> tuple[int, int] | None:
    """"As the ministry said on Monday, the convoy was hit ...", "The convoy was hit ..., as the ministry
    reported.": an "as" clause with no statement of its own attributes the main clause it is set off from."""
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "as"), None)
    if mark is None or verb.lemma_.lower() not in _AS_CUES or verb.dep_ != "advcl" or subj.i < mark.i or subj.lower_ in ("i", "we", "you") \
            or not _only_circumstance(verb, subj):  # "as we noted": the writer's aside
        return None
    inner = [t.i for t in verb.subtree if not (t.is_punct or t.is_space)]
    first, last = inner[0], inner[-1]
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    if not words:
        return None
    if first == words[0].i and last + 1 < sent.end and sent.doc[last + 1].text in (",", "--", "—"):
        rest = [t for t in words if t.i > last]  # "As X said, <statement>."
    elif first > sent.start and sent.doc[first - 1].text in (",", "--", "—") and all(t.i <= last for t in words):
        rest = [t for t in words if t.i < first]  # "<statement>, as X said."
    else:
        return None
    if len(rest) < 4:
        return None
    return span_of(rest)


#: Cues whose passive with an agent names the source: "The meeting was first reported by X", "The deaths were
#: confirmed by the ministry", "The attack was claimed by the group".
_AGENT_CUES = frozenset("report announce confirm claim disclose reveal".split())


def passive_agent(verb: Token, subj: Token | None) -> tuple[Token, tuple[int, int]] | None:
    """The agent of a passive cue (the source) and its passive subject (the statement)."""
    if subj is None or subj.dep_ != "nsubjpass" or verb.lemma_.lower() not in _AGENT_CUES:
        return None
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if pobj is None or subj.lower_ in ("it", "this", "that") or any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return None
    toks = [t for t in subj.subtree if not (t.is_punct or t.is_space)]
    return (pobj, span_of(toks)) if toks else None


def with_trailing_conjunct(sent: SpacySpan, content: tuple[int, int]) -> tuple[int, int]:
    """Extend content over a subjectless conjunct the parser hung elsewhere: "claims to have killed 50
    North Koreans, and wounded 47" (``wounded`` attached to the main verb still shares the claim)."""
    after = [t for t in sent if t.idx >= content[1]]
    i = 0
    while i < len(after) and (after[i].is_punct and after[i].text == "," or after[i].lower_ in ("and", "but")):
        i += 1
    if i == 0 or i >= len(after) or not any(t.lower_ == "and" for t in after[:i]):
        return content
    verb = after[i]
    if verb.pos_ != "VERB" or verb.dep_ != "conj" or any(c.dep_.startswith("nsubj") for c in verb.children):
        return content
    toks = [t for t in verb.subtree if t.i >= verb.i]
    while toks and toks[-1].is_punct:
        toks.pop()
    end = toks[-1].idx + len(toks[-1].text)
    return (content[0], end) if end <= sent.end_char else content


def inserted_cue(sent: SpacySpan, verb: Token, subj: Token) -> bool:
    """"The museum, Mr. Bush said, celebrated ...": a short "X said," set inside the statement by commas."""
    if verb.dep_ != "parataxis" or subj.i > verb.i or verb.i + 1 >= sent.end:
        return False
    rest = [t for t in sent if t.i > max(x.i for x in verb.subtree) and not (t.is_punct or t.is_space)]
    before = subj.left_edge.i
    # the cue's own words up to the closing comma: "he told me on Friday," (an addressee, a time), never a clause
    own = [t for t in sent.doc[verb.i + 1 : verb.i + 6]]
    close = next((t.i for t in own if t.text == ","), None)
    plain = close is not None and all(t.head.i == verb.i or t.head.i in range(verb.i + 1, close)
                                      for t in sent.doc[verb.i + 1 : close]) and not any(
        t.dep_ in ("ccomp", "xcomp", "dobj") and t.pos_ in ("VERB", "AUX") for t in sent.doc[verb.i + 1 : close])
    return (len(rest) >= 3 and plain and verb.i - subj.i <= 6 and all(t.i < verb.i for t in subj.subtree)
            and before > sent.start and sent.doc[before - 1].text == ",")


def postposed_content(sent: SpacySpan, verb: Token, subj: Token) -> tuple[int, int] | None:
    """"<statement>, X said." with X and the verb after a comma at the end of the sentence (the parser often
    hangs the verb on the statement as ``conj``/``advcl``): the statement is everything before that comma."""
    if subj.i > verb.i or verb.dep_ not in ("conj", "advcl", "parataxis", "ROOT", "ccomp"):
        return None
    left = min(t.i for t in subj.subtree)
    if left > sent.start and sent.doc[left - 1].lower_ in ("and", "or"):
        left = before_coordination(sent, left)
    if left <= sent.start or sent.doc[left - 1].text not in (",", "”", "\"", "''"):
        return None
    # after the verb only its own dependents (addressee, "in a statement", ", adding ...") and punctuation
    verb_tree = {t.i for t in verb.subtree}
    if any(t.i not in verb_tree and not (t.is_punct or t.is_space) for t in sent if t.i > verb.i):
        return None
    end_tok = sent.doc[left - 1]
    if end_tok.idx - sent.start_char < 15:
        return None
    first = sent[0] if not sent[0].is_space else sent[1]
    if first.dep_ == "mark" and first.head.dep_ == "advcl" and first.head.right_edge.i == left - 2:
        return None  # "As the charges were unsealed, X testified ...": a time clause, no statement
    before = sent.doc[sent.start : left - 1]
    if not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") or QUOTE_CHARS & set(t.text) for t in before):
        return None  # "Shortly before their arrival, X admitted to ...": a circumstance, no statement
    return sent.start_char, end_tok.idx



#: Quotation marks (straight, curly, and the doubled typewriter quote).
QUOTE_CHARS = frozenset("\"“”'‘’")


def before_coordination(sent: SpacySpan, left: int) -> int:
    """The left edge of a coordinated subject the parser split ("..., the agency (NNA) and the movement said")."""
    i = left - 1
    while i > sent.start and sent.doc[i - 1].text != ",":
        i -= 1
    return i if left - i <= 12 else left


#: Nouns of the medium a cue names right after the verb: "said in a statement", "told ... in an interview".
MEDIUM_NOUNS = frozenset("statement interview email e-mail letter speech post video briefing conference message "
                         "tweet communique communiqué release".split())


def medium_after(verb: Token, content: tuple[int, int]) -> int | None:
    """End offset of "in a statement"-like phrase directly after the verb, outside the content (cue conventions of
    both PolNeAR and the news-dev gold include it)."""
    if verb.i + 1 >= len(verb.doc):
        return None
    prep = verb.doc[verb.i + 1]
    if prep.head.i != verb.i or prep.dep_ != "prep" or prep.lower_ not in ("in", "on", "during"):
        return None
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.lemma_.lower() not in MEDIUM_NOUNS:
        return None
    end = pobj.idx + len(pobj.text)
    if content[0] < end and prep.idx < content[1]:
        return None
    return end
