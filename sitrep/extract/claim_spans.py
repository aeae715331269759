"""Token-level helpers for :mod:`sitrep.extract.claims`: spans of sources and contents over the spaCy parse.

Kept apart so claims.py stays readable: how a source phrase is bounded as written (datelines, time and medium
modifiers, appositions, asides), where a statement lies when it is not a clausal complement (a postposed
"..., X said.", a quotation in the sentence before, "called for ...", "accuse X of ...", "refused to comment"),
and the medium a cue names ("said in a statement").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sitrep.extract.lexicon import STATEMENT_NOUNS
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
    return doc_text(head.doc)[a:b]


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
                           "assessment evaluation".split())



def document_subject(verb: Token) -> bool:
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.lemma_.lower() in FINDING_HEADS and any(c.dep_ == "ccomp" for c in verb.children)



def no_comment_token(verb: Token) -> Token | None:
    """"refused/declined to comment": the ``comment`` token (a claim of non-comment, PolNeAR and news-dev cue)."""
    if verb.lemma_.lower() not in ("refuse", "decline"):
        return None
    return next((c for c in verb.children if c.dep_ == "xcomp" and c.lemma_.lower() == "comment"), None)



def object_phrase_content(verb: Token, lemma: str, no_comment: Token | None) -> tuple[int, int] | None:
    """Content given by a phrase, not a clause: "reported on the advance", "refused to comment on that claim",
    "accuse the gangs of trying to seize power"."""
    if no_comment is not None:
        on = next((c for c in no_comment.children if c.dep_ == "prep" and c.lower_ in ("on", "about")), None)
        return span_of(list(on.subtree)) if on is not None else span_of(list(no_comment.subtree))
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



def quote_before(sent: SpacySpan, verb: Token, subj: Token) -> tuple[tuple[int, int], Span] | None:
    """A sentence that is only "X said." after a sentence ending in a closing quotation mark: that quotation
    is the statement (the sentence splitter cut "“...?” X said." after the question mark)."""
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    if sent.start == 0 or any(t.i not in {x.i for x in subj.subtree} and t.i != verb.i for t in words):
        return None
    prev = sent.doc[sent.start - 1].sent
    span = sentence_span(prev)
    m = re.search(r"[\"“]([^\"“”]{8,})[\"”]$", span.text)
    if m is None:
        return None
    here = sentence_span(sent)
    evidence = Span(text=doc_text(sent.doc)[span.start : here.end], start=span.start, end=here.end)
    return (span.start + m.start(1), span.start + m.end(1)), evidence



def inserted_cue(sent: SpacySpan, verb: Token, subj: Token) -> bool:
    """"The museum, Mr. Bush said, celebrated ...": a short "X said," set inside the statement by commas."""
    if verb.dep_ != "parataxis" or subj.i > verb.i or verb.i + 1 >= sent.end:
        return False
    rest = [t for t in sent if t.i > max(x.i for x in verb.subtree) and not (t.is_punct or t.is_space)]
    before = subj.left_edge.i
    return (len(rest) >= 3 and sent.doc[verb.i + 1].text == "," and verb.i - subj.i <= 3
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
    return sent.start_char, end_tok.idx



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
