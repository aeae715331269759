"""Attribution: who says what, with which cue, how hedged and how verified.

Rules over the dependency parse (one pass per sentence):

1. Verb cues: a verb from :data:`~sitrep.extract.lexicon.ATTRIBUTION_VERBS` with a content
   child (``ccomp``/``xcomp``, or a quotation in the sentence, or an object for
   report/announce/claim/confirm/deny) and a subject → source. Passive "it is reported" and
   anonymous heads ("sources", "an unidentified soldier") → source_type ``anonymous``.
2. "according to X": X is the source, the rest of the sentence the content.
3. Adverbial hedges with no other cue ("reportedly", "allegedly") → an unattributed claim.
4. Pronoun sources ("he told", "she added") → the most recent named source of the same kind
   (person for he/she, otherwise any); relative pronouns ("..., which claims") → the noun
   phrase the clause modifies; "X, citing Y, reported ..." gives X's claim and Y's claim (cue "citing") with the
   same content, and "citing Y" is never part of the content.
5. ``hedged`` from hedge words in the content or cue; ``verification`` from verification
   language in the sentence, or in the next sentence when it refers back ("cannot confirm
   its veracity", "also unconfirmed"), or from the cue itself (confirm → confirmed,
   deny → disputed).
6. Where the statement is not a clausal complement (helpers in :mod:`sitrep.extract.claim_spans`):
   a postposed "<statement>, X (and Y) said." (the clause before the comma); an inserted
   "A, X said, B" (the whole sentence); "“...?” X said." split by the sentence splitter (the
   quotation before; evidence spans both sentences); a sentence that is one quotation right after
   a claim (the same speaker goes on); phrase contents ("called for ...", "reported on ...",
   "accuse X of ...", "refused to comment on ..."); witnesses/journalists who "saw"; a report or
   poll that "found that ...". First/second-person cognition ("I think", "we want") is a hedge
   inside a quotation, not a new attribution.
7. Sources: "..., he added" continues the previous claim's speaker and never a person named in
   the statement; "one of the sources" after "security sources said" → "one security source";
   a second mention ("Fedorov", "the ministry", "the armed group", "the press release") → the fuller
   mention (:mod:`sitrep.extract.claim_sources`); "Governor X Y" with no PERSON entity → "X Y"; a role
   noun or named unit stays ("AFP journalist", "BBC's Russian Service"). ``source_text`` is
   the phrase as written, bounded like attribution corpora mark it (no dateline, no "on Tuesday"
   or "in a statement", no comma-set participle or nested apposition, the relative pronoun itself
   for "who said").
8. Beyond speech verbs (:mod:`sitrep.extract.claim_stance`): cognition/intention verbs with a that-clause, or a
   to-clause from a speaker-like subject ("X hopes ...", "X agreed to ..."); "be" + stance adjective with a clause
   ("she was sure ...", "are afraid that ..."); communication/evaluation verbs with a plain object and a
   speaker-like subject ("Clinton cited ...", "the experts praised ..."), never a force ("forces attacked",
   "troops support"); "as X put it"; "responded by ...". Belief/expectation cues make the claim ``hedged``.
9. Quotations (:mod:`sitrep.extract.claim_quotes`): quote marks paired across the sentence splitter's cuts
   (''...,'' said X. ''...), split quotes joined ("“A,” he said, “B”"), the speaker of a quotation whose parse
   broke, "“...” ― Name" signatures, and labelled headlines ("Sanders: ...", "Poll: ...").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sitrep.extract.claim_inversions import fronted_subject, inserted_piece, reported_by, speaker_after_cue
from sitrep.extract.claim_naming import (
    TITLE_SOURCES,
    canonical_source,
    classify_phrase,
    clean_source,
    coordinated_source,
    entities_in,
    person_behind_title,
)
from sitrep.extract.claim_quotes import (
    QUOTE_MARK,
    colon_quote,
    dash_signed_quotes,
    named_elsewhere,
    quote_content,
    subject_after_quote,
    transcript_claims,
)
from sitrep.extract.claim_sources import (
    DESCRIBED_BODY,
    expand_short_sources,
    issuer_of_document,
    speaker_of_recording,
)
from sitrep.extract.claim_spans import (
    MEDIUM_NOUNS,
    PERCEPTION_VERBS,
    after_relative_cue,
    as_clause_content,
    closes_bracket,
    document_subject,
    first_conjunct,
    implicit_subject,
    inserted_cue,
    medium_after,
    no_comment_token,
    object_phrase_content,
    passive_agent,
    postposed_content,
    quote_before,
    sentence_span,
    span_of,
    subtree_without,
    with_trailing_conjunct,
    without_circumstance,
    without_dateline,
    witness_subject,
    written_source,
)
from sitrep.extract.claim_stance import (
    ASPECT_VERBS,
    CLAUSE_STANCE_VERBS,
    as_put_it,
    not_a_new_attribution,
    outside_clause,
    phrase_content,
    speaker_like,
    speaking_subjects,
    stance_adjective,
    stance_clause,
    statement_object,
)
from sitrep.extract.claim_verification import (
    apply_neighbour_verification,
    denied_apposition,
    is_hedged,
    verification_of,
)
from sitrep.extract.lexicon import (
    ANONYMOUS_HEADS,
    ATTRIBUTION_VERBS,
    GOV_WORDS,
    MIL_WORDS,
)
from sitrep.extract.nlp import doc_text
from sitrep.extract.roles import ROLE_HEADS
from sitrep.models import Article, Claim, Entity, SourceType, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

#: Verbs that may take a plain object as their content ("claimed responsibility", "denied the report").
_OBJECT_CONTENT_VERBS = frozenset("report claim confirm deny announce reveal disclose admit acknowledge".split())
#: Verbs that are only attribution with a clausal complement (too vague otherwise).
_WEAK_VERBS = frozenset(
    "show suggest believe think fear describe call question mention ask demand urge vow promise plan want criticize "
    "criticise accuse respond point threaten boast lament complain hint signal propose recommend".split()
)
_PRONOUNS_PERSON = frozenset("he she him her".split())
#: Cues that continue the previous speaker's statement: a pronoun subject is that speaker.
_CONTINUING_VERBS = frozenset("add continue".split())
_PRONOUNS_OTHER = frozenset("they it we i".split())
_RELATIVE = frozenset("which who that".split())
#: The title-case tail of an organisation's name after its head ("... for the Support of Islam and Muslims (JNIM)").
_NAME_TAIL = re.compile(r"\s+(?:for|of|to)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:(?:of|for|and|the|on|in|to)\s+)*[A-Z][\w'’-]*)*"
                        r"(?:\s+\([A-Z][A-Za-z]{1,9}\))?")
_DATELINE_SOURCE = re.compile(r"[A-Z]{2,}(?:[ .'-]+[A-Z]{2,})*,\s[^,]*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\([^)]*\))")
_ANON_ADVERBS = frozenset("reportedly allegedly purportedly supposedly".split())


class _Sources:
    """Recency memory for pronoun resolution."""

    def __init__(self) -> None:
        self.last_person: tuple[str, str, SourceType | None] | None = None
        self.last_person_at = -1
        self.last_any: tuple[str, str, SourceType | None] | None = None
        self.last_plural: tuple[str, str, SourceType | None] | None = None
        self.last_anonymous: str | None = None
        #: the source of the claim found last and where its sentence starts ("..., he added" continues it)
        self.last_claim: tuple[str | None, SourceType | None, int] | None = None

    def remember(
        self, source: str, text: str, stype: SourceType | None, singular: bool = False, at: int = -1, plural: bool = False
    ) -> None:
        if stype == "person" or (stype == "anonymous" and singular):
            self.last_person = (source, text, stype)
            self.last_person_at = max(at, self.last_person_at)
        if stype != "anonymous":
            self.last_any = (source, text, stype)
        if plural:
            self.last_plural = (source, text, stype)
        if stype == "anonymous" and source:
            self.last_anonymous = source


def find_claims(doc: Doc, entities: list[Entity], article: Article) -> list[Claim]:
    """Attributed claims in ``doc`` (evidence = the sentence), ids "c1", "c2", ... in text order."""
    if not doc.has_annotation("DEP"):
        return []  # the relevance gate skipped the parser: no conflict vocabulary, no claims
    sents = list(doc.sents)
    found: list[tuple[int, Claim]] = []  # (sentence index, claim)
    memory = _Sources()
    continued: list[Claim] = []  # quotation sentences given to the previous speaker
    for si, sent in enumerate(sents):
        if sent.start_char < 400 and not sent.text.rstrip().endswith((".", "!", "?", "\"", "”", ":", "'", "’")):
            # a headline or label line at the top; the body states the same claims in full, except a headline
            # that is itself a labelled statement ("Sanders: Clinton needs to ...")
            labelled = _speaker_label_claim(sent, entities, memory, headline=True)
            if labelled is not None:
                found.append((si, labelled))
            continue
        in_sentence = _claims_in_sentence(sent, entities, memory)
        if not in_sentence and found and found[-1][0] == si - 1:
            cont = _continued_quote(sent, found[-1][1])
            in_sentence = [cont] if cont is not None else []
            continued.extend(in_sentence)
        for claim in in_sentence:
            found.append((si, claim))
    body = doc_text(doc)
    # a quotation the next sentence attributes itself ("“...?” Clinton said.") is not the previous speaker's
    found = [(si, c) for si, c in found
             if not any(c is k for k in continued) or not any(o.text == c.text and o is not c for _, o in found)]
    found.extend(transcript_claims(body, sents))
    found.extend(dash_signed_quotes(body, sents, entities, found))
    found.sort(key=lambda x: (x[1].evidence.start, x[0]))
    for _, c in found:
        person = person_behind_title(c.source, c.evidence.start, entities, body)
        if person is not None:
            c.source, c.source_type = person, "person"
    expand_short_sources(found, entities)
    apply_neighbour_verification(found, sents)
    seen: set[tuple[str | None, str | None, str]] = set()
    unique = []
    for si, c in found:  # duplicated headlines/paragraphs (aggregator noise) give one claim
        key = (c.source, c.cue, c.text)
        if key not in seen:
            seen.add(key)
            unique.append((si, c))
    found = unique
    claims = []
    for n, (_, c) in enumerate(found, start=1):
        c.id = f"c{n}"
        claims.append(c)
    return claims


_WHOLE_QUOTE = re.compile(r"^[\"“](?P<q>[^\"“”]{20,})[\"”]\.?$")


def _continued_quote(sent: SpacySpan, previous: Claim) -> Claim | None:
    """A sentence that is one quotation, right after an attributed claim, with no cue of its own: the same
    speaker goes on ("..., the ISPR said in a statement." → "“In ensuing fire exchange, ...”")."""
    if previous.source is None:
        return None
    m = _WHOLE_QUOTE.match(sent.text.strip())
    if m is None:
        return None
    span = sentence_span(sent)
    start = span.start + m.start("q")
    claim = _make_claim(sent, (start, start + len(m.group("q"))), previous.source, None, previous.source_type,
                        previous.cue or "said")
    return claim


def _content_tokens(verb: Token) -> list[Token] | None:
    comps = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp")]
    if len(comps) > 1 and comps[0].i < verb.i < comps[-1].i and not any(QUOTE_MARK.match(t.text) for t in comps[0].subtree) \
            and any(t.lower_ in ("who", "whose", "which") for t in comps[0].subtree):
        comps = comps[1:]  # "X, whose firm uses data, said the Y ...": the aside before the verb is no statement
    for child in comps[:1]:
        return _without_citing(child, subtree_without(child, frozenset()))
    for child in verb.children:  # "wrote on X, citing Y, that ...": a that-clause the parser made adverbial
        mark = next((m for m in child.children if m.dep_ == "mark" and m.lower_ == "that"), None)
        if child.dep_ == "advcl" and mark is not None and mark.i > verb.i:
            return [t for t in _without_citing(child, subtree_without(child, frozenset())) if t.i > mark.i]
    for child in verb.children:  # "said in a statement that ...": the parser hangs the clause on the noun
        if child.dep_ == "prep" and child.i == verb.i + 1:
            for pobj in (c for c in child.children if c.dep_ == "pobj" and c.lemma_.lower() in MEDIUM_NOUNS):
                clause = next((c for c in pobj.children if c.dep_ in ("acl", "relcl", "ccomp")
                               and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
                if clause is not None:
                    return subtree_without(clause, frozenset())
    return _that_as_determiner(verb)


def _that_as_determiner(verb: Token) -> list[Token] | None:
    """"wrote that debris from a drone sparked a fire": the small parser reads "that" as a determiner of the
    object ("that debris") and hangs the real verb on the cue; the statement is everything after "that"."""
    doc = verb.doc
    that = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    if that is None or that.lower_ != "that" or that.dep_ != "det" or that.head.head.i != verb.i:
        return None
    toks = [t for t in verb.subtree if t.i > that.i and not (t.is_punct and t.i == verb.right_edge.i)]
    return toks if any(t.pos_ in ("VERB", "AUX") and t.head.i in (verb.i, that.head.i) for t in toks) else None


def _citing(tok: Token) -> bool:
    return tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.lemma_.lower() in ("cite", "quote")


def _without_citing(clause: Token, toks: list[Token]) -> list[Token]:
    """A content clause without the speaker's "citing Y" ("said, citing an official, that ...", "said ..., citing
    a report"): that names the speaker's source, not what is claimed."""
    drop = {t.i for c in clause.children if _citing(c) or _other_statement(c) for t in c.subtree}
    kept = [t for t in toks if t.i not in drop]
    while kept and (kept[0].is_punct or kept[0].is_space):
        kept.pop(0)
    while kept and (kept[-1].is_punct and kept[-1].text in ",;" or kept[-1].is_space):
        kept.pop()
    return kept or toks


def _other_statement(clause: Token) -> bool:
    """"..., while the Kremlin declined to comment": a contrasting clause that is someone else's statement."""
    return clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("while", "whereas") for c in clause.children) \
        and (clause.lemma_.lower() in ATTRIBUTION_VERBS or no_comment_token(clause) is not None)


def _cited_source(verb: Token, content_toks: list[Token] | None) -> Token | None:
    """The source a speaker cites ("X, citing two security sources, reported ...", "X wrote, citing the channel Y,
    that ...", "X said ..., citing a report"): the object of "citing"/"quoting" on the cue or on the root of its
    content clause."""
    holders = [verb]
    if content_toks:
        idx = {t.i for t in content_toks}
        roots = [t for t in content_toks if t.head.i not in idx]
        holders += [r.head if r.head.dep_ in ("ccomp", "advcl") and r.head.i != verb.i else r for r in roots[:1]]
    for holder in holders:
        for c in holder.children:
            obj = next((o for o in c.children if o.dep_ == "dobj"), None) if _citing(c) else None
            if obj is not None and (speaker_like(obj) or obj.lemma_.lower() in ROLE_HEADS):
                # a speaker or a role ("citing a lieutenant colonel"), never "citing her work", "citing the release"
                return obj
    return None


def _make_claim(
    sent: SpacySpan,
    content: tuple[int, int],
    source: str | None,
    source_text: str | None,
    stype: SourceType | None,
    cue: str,
    cut: tuple[int, int] | None = None,
) -> Claim:
    doc = sent.doc
    a, b = content
    text = doc_text(doc)[a:b].strip(" ,.;:\"“”")
    if cut is not None and a <= cut[0] < cut[1] <= b:  # "The strike, said X, was ...": the statement without the cue
        text = (doc_text(doc)[a : cut[0]].rstrip() + " " + doc_text(doc)[cut[1] : b].lstrip()).strip(" ,.;:\"“”")
    text = re.sub(r"^that\s+", "", text)  # the statement itself, not the complementizer ("said that X" → X)
    hedged = is_hedged(text, cue)
    verification = verification_of(text, cue, sent.text, doc_text(doc)[sent.start_char : a])
    return Claim(
        id="",
        text=text,
        source=source,
        source_text=source_text,
        source_type=stype,
        cue=cue,
        hedged=hedged,
        verification=verification,
        evidence=sentence_span(sent),
    )


def _resolve_source(
    subj: Token,
    entities: list[Entity],
    memory: _Sources,
    verb: Token | None = None,
    content: tuple[int, int] | None = None,
) -> tuple[str | None, str | None, SourceType | None]:
    low = subj.text.lower()
    if low in _PRONOUNS_PERSON:
        prev_claim = memory.last_claim
        if verb is not None and verb.lemma_.lower() in _CONTINUING_VERBS and prev_claim is not None \
                and prev_claim[0] and 0 <= subj.idx - prev_claim[2] < 600:
            return prev_claim[0], subj.text, prev_claim[1]  # "..., he added": the speaker of the claim just before
        # the nearest person named before the pronoun (within ~600 characters), else the last person speaker;
        # never a person named inside the statement itself ("Among the dead was commander X, ..., he added")
        people = [e for e in entities if e.label == "PERSON" and e.end <= subj.idx and subj.idx - e.end < 600
                  and not (content is not None and content[0] <= e.start < content[1])
                  and not (content is not None and content[1] <= subj.idx and e.start >= subj.sent.start_char)]
        recent_speaker = memory.last_person is not None and subj.idx - memory.last_person_at < 400
        if people and not recent_speaker and (
            memory.last_person is None or memory.last_person[0] != (people[-1].canonical or people[-1].text)
        ):
            last = people[-1]
            if memory.last_person is None or memory.last_person_at < last.start:
                name = last.canonical or last.text
                memory.remember(name, subj.text, "person", singular=True, at=last.start)
                return name, subj.text, "person"
        if memory.last_person:
            return memory.last_person[0], subj.text, memory.last_person[2]
        return None, subj.text, "person"
    if low in _PRONOUNS_OTHER:
        if low == "it" and subj.dep_ == "nsubjpass":
            return None, None, "anonymous"  # "it is reported that ..."
        if verb is not None:
            # "The army “repelled the attack”, it said": the pronoun names the content's own subject
            comp = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i), None)
            if comp is None and verb.dep_ in ("conj", "advcl", "parataxis") and verb.head.i < verb.i:
                comp = verb.head  # "The army repelled the attack ..., it said": the parser hung the cue on the clause
            csubj = next((c for c in comp.children if c.dep_ == "nsubj"), None) if comp is not None else None
            armed = any(e.start <= csubj.idx < e.end and e.label in ("ARMED_ACTOR", "MILITARY_UNIT", "ORG")
                        for e in entities) if csubj is not None else False
            if comp is not None and csubj is not None and csubj.ent_type_ != "PERSON" and (
                armed or csubj.ent_type_ in ("ORG", "NORP", "GPE") or csubj.lemma_.lower() in MIL_WORDS | GOV_WORDS
            ):
                toks = [t for t in csubj.subtree if t.i < comp.i]
                if toks:
                    a, b = span_of(toks)
                    text = doc_text(subj.doc)[a:b]
                    return canonical_source(toks, entities), text, classify_phrase(text, a, entities)
        if low == "they" and memory.last_plural:
            return memory.last_plural[0], subj.text, memory.last_plural[2]
        if memory.last_any:
            return memory.last_any[0], subj.text, memory.last_any[2]
        return None, subj.text, "anonymous"
    if low in ("another", "one", "other") and not list(subj.children) and memory.last_anonymous:
        # "Another said": another of the sources just cited ("security sources" → "another security source")
        base = re.sub(r"s$", "", memory.last_anonymous.split(" of ")[-1])
        base = re.sub(r"^(?:one|another|other)\s+", "", base, flags=re.I)
        source = f"{low} {clean_source(base)}"
        memory.remember(source, subj.text, "anonymous", singular=True, at=subj.idx)
        return source, subj.text, "anonymous"
    partitive = _partitive_of_last_anonymous(subj, memory)
    if partitive is not None:
        # "one of the sources told AFP" right after "security sources said": one security source
        toks = subtree_without(subj, frozenset({"relcl"}))
        a, b = span_of(toks)
        memory.remember(partitive, doc_text(subj.doc)[a:b], "anonymous", singular=True, at=subj.idx)
        memory.last_anonymous = partitive
        return partitive, doc_text(subj.doc)[a:b], "anonymous"
    head = subj
    if low in _RELATIVE:
        # "..., which claims ...": the relative clause's verb hangs off the noun it modifies;
        # climb "the channel of X" to "channel".
        verb = subj.head
        head = verb.head if verb.dep_ == "relcl" else verb
        while head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.pos_ in ("NOUN", "PROPN"):
            head = head.head.head
    toks = subtree_without(head, frozenset({"relcl", "acl"} if low in _RELATIVE else {"relcl"}))
    toks = without_circumstance(head, without_dateline(toks))
    if verb is not None and head.i < verb.i:
        toks = [t for t in toks if t.i < verb.i]
        while toks and toks[-1].is_punct and not closes_bracket(toks):
            toks.pop()
    if not toks:
        return None, None, None
    a, b = span_of(toks)
    text = doc_text(subj.doc)[a:b]
    stype = classify_phrase(text, a, entities)
    written = subj.text if low in _RELATIVE else written_source(head, toks, verb)
    ents = entities_in(entities, a, b)
    source = canonical_source(toks, entities)
    tail = _NAME_TAIL.match(doc_text(subj.doc), b) if head.text[:1].isupper() and written.endswith(text) else None
    if tail is not None and not any(e.label in ("PERSON", "ORG") for e in ents):
        # "the Group for the Support of Islam and Muslims (JNIM)": the parser hung the name's tail on the verb
        written, source = written + tail.group(0), clean_source(text + tail.group(0))
    if stype == "anonymous" and not ents:
        source = clean_source(text)
    if re.match(r"(its|their)\s", text, re.I):
        # "..., its military announced": the owner is the sentence's first country or organisation
        sent_start = subj.sent.start_char
        owner = next((e for e in entities if sent_start <= e.start < a and e.label in ("GPE", "ORG", "NORP", "ARMED_ACTOR")),
                     None)
        if owner is not None:
            rest = re.sub(r"^(its|their)\s+", "", text, flags=re.I)
            source = f"{owner.canonical or owner.text} {rest}"
    singular = head.tag_ in ("NN", "NNP") or head.lower_ in ("another", "one", "someone", "other")
    memory.remember(source, text, stype, singular=singular, at=subj.idx, plural=head.tag_ in ("NNS", "NNPS"))
    return source, written, stype


def _partitive_of_last_anonymous(subj: Token, memory: _Sources) -> str | None:
    """"one/another of the sources" when anonymous sources were cited just before: "one security source"."""
    if subj.lower_ not in ("one", "another") or memory.last_anonymous is None:
        return None
    of = next((c for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if pobj is None or pobj.lemma_.lower() not in ANONYMOUS_HEADS:
        return None
    base = clean_source(memory.last_anonymous.split(" of ")[-1])
    base = re.sub(r"^(?:one|another)\s+", "", base, flags=re.I)
    if not re.search(rf"\b{re.escape(pobj.lemma_.lower())}s?$", base, re.I):
        return None
    return f"{subj.lower_} {re.sub(r's$', '', base)}"


#: Statement nouns that are the cue when an owner and a that-clause go with them ("Trump's claim that ...").
_STATEMENT_CUE_NOUNS = frozenset("claim allegation assertion warning accusation insistence admission denial "
                                 "argument contention statement announcement suggestion".split())


def _claims_in_sentence(sent: SpacySpan, entities: list[Entity], memory: _Sources) -> list[Claim]:
    out: list[Claim] = []
    used_content: list[tuple[int, int]] = []
    quote, quote_regions = quote_content(sent)
    for tok in sent:
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        lemma = tok.lemma_.lower()
        witness = lemma in PERCEPTION_VERBS and witness_subject(tok)
        finding = lemma == "find" and document_subject(tok)
        no_comment = no_comment_token(tok)
        # "“...,” she continued." / "Caddell continued:": a speaker going on (a person, never "fighting continued")
        # (a clause before the cue is the quotation going on: "“...,” he continued"; never "continued to fight")
        continuing = lemma == "continue" and not any(
            c.dep_ in ("dobj", "prep") or c.dep_ == "xcomp" and (c.i > tok.i or not quote_regions)
            or c.dep_ == "ccomp" and not quote_regions for c in tok.children) \
            and any(c.dep_ == "nsubj" and (c.lower_ in ("he", "she") or c.ent_type_ == "PERSON") for c in tok.children)
        stance = lemma in CLAUSE_STANCE_VERBS and stance_clause(tok)
        stance_adj = stance_adjective(tok) if lemma == "be" else None
        statement_obj = statement_object(tok, lemma)
        as_put = as_put_it(tok, lemma)
        phrase = phrase_content(tok, lemma) if statement_obj is None else None  # "pointed to X", "a poll shows X"
        if lemma not in ATTRIBUTION_VERBS and not (witness or no_comment or finding or continuing or stance
                                                   or stance_adj is not None or statement_obj is not None or as_put
                                                   or phrase is not None):
            continue
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if len(subjects) > 1:  # "CAIRO, June 2 (Wire) - Israel's military denied": the dateline is no speaker
            subjects = [c for c in subjects if not (c.text.isupper() and len(c.text) > 2)] or subjects
        subjects = speaking_subjects(subjects, tok)
        subj = subjects[0] if subjects else None
        split_subject = len(subjects) > 1 and any(c.dep_ == "cc" for c in subjects[0].children)
        if split_subject:
            subj = subjects[-1]  # "..., the agency and the army said": coordinated subjects the parser split
        if subj is None and tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN") \
                and any(c.dep_ == "ccomp" for c in tok.children) and not any(c.dep_ == "agent" for c in tok.children):
            subj = tok.head  # "Ukrainian media outlets reported ... that" parsed as a reduced relative
        if subj is None and tok.dep_ in ("conj", "xcomp", "advcl") and (
            first_conjunct(tok.head).dep_ == "ROOT" or tok.head.lemma_.lower() in ATTRIBUTION_VERBS
            or tok.tag_ == "VBG" and first_conjunct(tok.head).dep_ == "ccomp"  # "X said, “...”, adding that"
            and first_conjunct(tok.head).head.lemma_.lower() in ATTRIBUTION_VERBS
        ) and (lemma in ("add", "say", "claim", "tell") or tok.tag_ == "VBG" or statement_obj is not None
               or phrase is not None
               or tok.dep_ == "conj" and tok.head.lemma_.lower() in ATTRIBUTION_VERBS
               or tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ASPECT_VERBS):
            # "X said ..., adding that ...", "The gangs have long opposed Henry, noting that ...": X speaks
            holder = first_conjunct(tok.head)  # "they reversed ..., rushed ... and said ...": the first verb's subject
            if tok.tag_ == "VBG" and holder.dep_ == "ccomp" and holder.head.lemma_.lower() in ATTRIBUTION_VERBS \
                    and tok.i > 0 and sent.doc[tok.left_edge.i - 1].text == ",":
                holder = holder.head  # "X said he did not believe ..., arguing that ...": X argues, not "he"
            subj = next((c for c in holder.children if c.dep_ == "nsubj"), None)
        subj = implicit_subject(tok) if subj is None and lemma in ATTRIBUTION_VERBS else subj  # "by saying", "4 in 10 say"
        agent = passive_agent(tok, subj)  # "The meeting was first reported by X": X is the source
        subj = agent[0] if agent is not None else subj
        inverted = speaker_after_cue(sent, tok)  # "The strike, said a spokesman, was ...": the parse mislaid X
        if inverted is not None and not inverted.inserted and subj is not None and not (
                subj.i > tok.i or any(qa <= subj.idx < qb for qa, qb in quote_regions)):
            inverted = None  # "“...,” X, R-Ky., said Tuesday.": the parse found the speaker before the cue
        subj = inverted.speaker if inverted is not None else subj if subj is not None else (
            reported_by(tok) or fronted_subject(sent, tok))  # "as reported by X", "X, whose ..., said"
        if (subj is None or any(qa <= subj.idx < qb for qa, qb in quote_regions)) and lemma in ATTRIBUTION_VERBS:
            subj = subject_after_quote(sent, tok, quote_regions) or subj
        if subj is None or subj.lower_ in ("what", "which") and tok.dep_ != "relcl":
            continue
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        if infinitive and (subj.head.i == tok.i or tok.dep_ in ("acl", "relcl") and subj.i == tok.head.i
                           or tok.dep_ == "xcomp" and any(c.tag_ == "MD" for c in tok.head.children)):
            # "for people to see ...", "a duty to remind ...", "people will begin to think ...": a purpose, a duty
            # or a future, no one's statement
            continue
        if not_a_new_attribution(sent, tok, lemma, subj, bool(quote_regions)):
            continue
        subj = issuer_of_document(speaker_of_recording(subj, tok))  # "issued a statement saying"
        content_toks = after_relative_cue(tok, _content_tokens(tok)) if stance_adj is None else (
            _content_tokens(stance_adj) or _content_tokens(tok))
        content: tuple[int, int] | None = None
        if stance_adj is not None and not content_toks:
            continue
        in_quote = any(qa <= tok.idx < qb for qa, qb in quote_regions)
        if phrase is not None and lemma not in ATTRIBUTION_VERBS and not stance:
            if in_quote:  # "pointed to X", "made clear that ...": the phrase's own content, outside quotations
                continue
            content, content_toks = phrase[0], [tok]
        elif content_toks:
            content = span_of(content_toks)
            content = with_trailing_conjunct(sent, content)
            if in_quote:
                continue  # an attribution verb inside a quotation is part of the content
        elif phrase is not None and not in_quote:
            content, content_toks = phrase[0], [tok]  # "referred to X as Y", "is calling for X to ..."
        elif quote and not any(qa <= tok.idx < qb for qa, qb in quote_regions):
            content = quote
        elif lemma in _OBJECT_CONTENT_VERBS or witness or statement_obj is not None:
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            if obj is not None and not (lemma == "claim" and obj.lemma_.lower() in ("life", "live", "victim", "toll")):
                content = span_of(subtree_without(obj, frozenset()))
                content_toks = list(obj.subtree) if witness else content_toks
        if content is None:
            content = object_phrase_content(tok, lemma, no_comment)
            if content is not None:
                content_toks = [tok]
        if content is None and as_put:  # "..., as a Homeland Security memo put it, ...": the rest of the sentence
            content = outside_clause(sent, tok)
        content = agent[1] if content is None and agent is not None else content
        if inverted is not None:
            content, content_toks = inverted.content, [tok]
        inserted = inverted.inserted if inverted is not None else content is None and inserted_cue(sent, tok, subj)
        if inserted:  # "The museum, Mr. Bush said, celebrated ...": the statement is the whole sentence
            span = sentence_span(sent)
            content = (span.start, span.end)
        if content is None and (tok.dep_ == "parataxis" or (tok.dep_ == "ROOT" and subj.i > tok.i)) \
                and subj.idx - sent.start_char > 20:
            # "..., Graham said, since ..." / "“...,” said Mulgrew.": the statement is the clause before
            first = min(subj.left_edge.i, tok.i)
            content = (sent.start_char, sent.doc[first - 1].idx if first > sent.start else sent.start_char)
            if content[1] - content[0] < 15:
                content = None
        postposed = False
        evidence: Span | None = None
        content = content or as_clause_content(sent, tok, subj)  # "As X said, <statement>."
        if content is None and not in_quote:  # (“If they attack, we will answer.”: the quoted words, no new cue)
            content = postposed_content(sent, tok, subj)
            postposed = content is not None
        if content is None and tok.dep_ == "ROOT":
            prev_quote = quote_before(sent, tok, subj)
            if prev_quote is not None:  # "“How many times ...?” Clinton said." split after the question mark
                content, evidence = prev_quote
        if content is None and sent.text.rstrip().endswith(":") and sent.end < len(sent.doc):
            nxt = sent.doc[sent.end].sent  # "X said:" followed by the statement
            content = (nxt.start_char, nxt.end_char)
            content_toks = list(nxt)
        if content is None or (lemma in _WEAK_VERBS and not content_toks and content != quote and statement_obj is None
                               and not inserted
                               and not (lemma == "ask" and "?" in doc_text(sent.doc)[content[0] : content[1] + 2])):
            continue
        if content == quote:
            if any(qa <= subj.idx < qb for qa, qb in quote_regions):
                continue  # the subject is quoted: not the speaker
        elif subj.idx >= content[0] and subj.idx < content[1] and not inserted:
            continue
        source, source_text, stype = _resolve_source(subj, entities, memory, tok, content)
        second = subjects[1] if len(subjects) == 2 and not split_subject and subj.i == subjects[0].i else None
        if second is not None and source_text and second.left_edge.i > subj.i \
                and sent.doc[second.left_edge.i - 1].text == "," and second.i < tok.i:
            # "Ban Ki-moon, the secretary general of the UN, vowed": an apposition the parser made a second subject
            last = max(t.i for t in second.subtree if t.i < tok.i)
            while last > second.i and (sent.doc[last].is_punct or sent.doc[last].is_space):
                last -= 1
            a = sent.doc[subj.left_edge.i].idx
            source_text = doc_text(sent.doc)[a : sent.doc[last].idx + len(sent.doc[last].text)]
        if (postposed or split_subject) and subj.lower_ not in _PRONOUNS_PERSON | _PRONOUNS_OTHER:
            source, source_text, stype = coordinated_source(sent, subj, entities, (source, source_text, stype))
        if source_text is None and stype is None or source_text and _DATELINE_SOURCE.match(source_text):
            continue  # (a dateline is no speaker: "LOS ANGELES, Sept. 28 (UPI) — In a clip for the show ...")
        # The cue: the verb with its auxiliaries/adverbs/particles ("officially confirmed", "took to X to say").
        cue_toks = sorted(
            [tok] + [c for c in tok.children if c.dep_ in ("advmod", "prt", "neg", "aux", "auxpass")
                     and c.i < tok.i + 2 and abs(c.i - tok.i) <= 2 and c.lower_ not in ("where", "when", "how", "why")],
            key=lambda t: t.i,
        )
        cue = " ".join(t.text for t in cue_toks)
        if as_put:
            cue = f"{cue} it"  # PolNeAR marks "put it"
        if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ("seem", "appear") and tok.head.i < tok.i:
            cue = doc_text(sent.doc)[tok.head.idx : tok.idx + len(tok.text)]  # "appears to show": a hedged cue
        if stance_adj is not None:  # "was sure", "are afraid", "were willing"
            cue_end = stance_adj.idx + len(stance_adj.text)
            cue = doc_text(sent.doc)[cue_toks[0].idx : cue_end]
        if no_comment is not None and no_comment.i != tok.i:
            cue = doc_text(sent.doc)[tok.idx : no_comment.idx + len(no_comment.text)]
        elif phrase is not None and phrase[1].i > tok.i and cue.endswith(tok.text):
            cue = cue + doc_text(sent.doc)[tok.idx + len(tok.text) : phrase[1].idx + len(phrase[1].text)]
        elif lemma == "call" and content[0] > tok.idx and sent.doc[tok.i + 1].lower_ == "for":
            cue = f"{cue} for"  # PolNeAR marks the particle: "called for"
        else:
            medium = medium_after(tok, content)
            if medium is not None and cue.endswith(tok.text):
                cue = cue + doc_text(sent.doc)[tok.idx + len(tok.text) : medium]  # "said in a statement"
        claim = _make_claim(sent, content, source, source_text, stype, cue,
                            cut=inserted_piece(sent, tok, subj, inverted.end if inverted else None) if inserted else None)
        if evidence is not None:
            claim.evidence = evidence
        out.append(claim)
        cited = _cited_source(tok, content_toks)
        if cited is not None:  # "Reuters, citing two security sources, reported ...": the sources cited claim it too
            c_source, c_text, c_type = _resolve_source(cited, entities, memory, cited.head, content)
            if c_text:
                out.append(_make_claim(sent, content, c_source, c_text, c_type, cited.head.text))
        if statement_obj is None:  # "questioned the governor's claim that ...": the owner's claim stands too
            used_content.append(content)
        memory.last_claim = (source, stype, sent.start_char)

    denial = denied_apposition(sent) if out else None
    if denial is not None:  # "X says Y, an accusation Z denies": Y without the apposition, disputed by Z
        cut_at, deny_verb, denier = denial
        tail = doc_text(sent.doc)[cut_at + 1 : sent.end_char].strip(" .")
        for c in out:
            c.text = c.text[: c.text.index(tail)].rstrip(" ,") if tail and tail in c.text else c.text
            c.verification = "disputed"
        source, source_text, stype = _resolve_source(denier, entities, memory, deny_verb, None)
        named = [e for e in entities if sent.start_char <= e.start < cut_at and e.label in ("ORG", "ARMED_ACTOR")]
        if source_text and DESCRIBED_BODY.fullmatch(source_text) and named:
            source, stype = named[0].canonical or named[0].text, "organization"  # "the group": the one accused
        if source_text:
            claim = _make_claim(sent, used_content[0] if used_content else (sent.start_char, cut_at), source,
                                source_text, stype, deny_verb.text)
            claim.text, claim.verification = out[0].text, "disputed"
            out.append(claim)

    # "X's claim that ...": a statement noun with its owner and a that-clause
    for tok in sent:
        if tok.lemma_.lower() not in _STATEMENT_CUE_NOUNS or tok.pos_ != "NOUN":
            continue
        owner = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN", "PRON")), None)
        clause = next((c for c in tok.children if c.dep_ in ("acl", "ccomp", "relcl")
                       and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
        if owner is None or clause is None or any(ua <= tok.idx < ub for ua, ub in used_content):
            continue
        content = span_of(subtree_without(clause, frozenset()))
        source, source_text, stype = _resolve_source(owner, entities, memory, None, content)
        if source_text is None:
            continue
        out.append(_make_claim(sent, content, source, source_text, stype, tok.text))
        used_content.append(content)

    # "according to X"
    for tok in sent:
        if tok.lower_ != "according":
            continue
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        pobj = next((c for c in to.children if c.dep_ in ("pobj", "pcomp")), None) if to is not None else None
        if to is None or pobj is None:
            continue
        src_toks = list(pobj.subtree)
        a, b = span_of(src_toks)
        pp_start, pp_end = tok.idx, b
        if any(ua <= pp_start < ub for ua, ub in used_content):
            # "according to" inside another claim's content: a cited source; keep the outer claim only
            continue
        sent_a, sent_b = sentence_span(sent).start, sentence_span(sent).end
        before = doc_text(sent.doc)[sent_a:pp_start].strip(" ,")
        after = doc_text(sent.doc)[pp_end:sent_b].strip(" ,.")
        if len(after) > len(before):
            c_start = doc_text(sent.doc).index(after, pp_end) if after else pp_end
            content = (c_start, c_start + len(after))
        else:
            content = (sent_a, sent_a + len(before))
        if content[1] - content[0] < 8:
            continue
        text = doc_text(sent.doc)[a:b]
        stype = classify_phrase(text, a, entities)
        source = canonical_source(src_toks, entities)
        memory.remember(source, text, stype)
        out.append(_make_claim(sent, content, source, text, stype, "according to"))
        used_content.append(content)
        memory.last_claim = (source, stype, sent.start_char)

    if not out:
        labelled = _speaker_label_claim(sent, entities, memory, headline=sent.start_char < 400)
        if labelled is not None:
            out.append(labelled)
    colon = colon_quote(sent, speaker_like) if not out else None  # "Trump went even further: “...”"
    if colon is not None:
        source, source_text, stype = _resolve_source(colon[0], entities, memory, None, colon[2])
        if source_text:
            out.append(_make_claim(sent, colon[2], source, source_text, stype, colon[1]))
    # Adverbial hedges with no other cue: an unattributed claim.
    if not out:
        for tok in sent:
            if tok.lower_ in _ANON_ADVERBS and tok.dep_ == "advmod":
                span = sentence_span(sent)
                out.append(_make_claim(sent, (span.start, span.end), None, None, "anonymous", tok.text))
                break
    return out


_SPEAKER_LABEL = re.compile(r"^(?P<who>[A-Z][\w.'’ -]{1,40}?):\s+[\"“‘']?(?P<what>\S.{15,})$", re.S)


_DASH_SPEAKER_LABEL = re.compile(
    r"^(?:.*?\s[-–—]\s*(?:More\s+from\s+)?|More\s+from\s+)(?P<who>[A-Z][\w.'’ -]{1,40}?):\s+"
    r"(?=[\"“‘])(?P<what>\S.{15,})$", re.S)


def _speaker_label_claim(sent: SpacySpan, entities: list[Entity], memory: _Sources,
                         headline: bool = False) -> Claim | None:
    """"Pence: We will win Ohio" / "Caddell continued: ...": a named person or organisation, a colon and a
    statement. Only when the label is exactly a PERSON/ORG name (a "KYIV:" dateline is a place and never counts)."""
    span = sentence_span(sent)
    m = _SPEAKER_LABEL.match(span.text)
    if m is None:  # "HEADLINE - Name Surname: “...”", "More from Name: “...”": a label after a dash, then a quotation
        m = _DASH_SPEAKER_LABEL.match(span.text)
        headline = False
    if m is None:
        return None
    who = m.group("who").strip()
    a = span.start + m.start("who")
    b = a + len(who)
    ents = [e for e in entities if a <= e.start and e.end <= b and e.label in ("PERSON", "ORG")]
    if who.isupper():
        return None
    ents = ents or named_elsewhere(who, entities, a, b)  # "Graham: ..." with "Senator Lindsey Graham" in the text
    if not ents or ents[-1].end != b and a <= ents[-1].start < b:
        # a headline's label the model did not tag ("Pence: ...", "Poll: ..."): one to three capitalised words
        # and no place or date entity in them
        if not (headline and re.fullmatch(r"[A-Z][a-z][\w'’-]*(?:\s+[A-Z][\w'’.-]*){0,2}", who)) or any(
                e.start < b and e.end > a for e in entities if e.label not in ("PERSON", "ORG")):
            return None
        if who.lower() in GOV_WORDS | MIL_WORDS | TITLE_SOURCES:
            return None  # a bare role ("Governor: ...") names no one
    start = span.start + m.start("what")
    end = span.end
    name = ents[-1].canonical or ents[-1].text if ents else who
    stype: SourceType = "person"
    if ents and ents[-1].label != "PERSON":
        stype = "organization"
    elif not ents and re.fullmatch(r"(?i)poll|survey|report|study|analysis|review", who):
        stype = "document"
    memory.remember(name, who, stype, singular=True, at=a)
    claim = _make_claim(sent, (start, end), name, who, stype, ":")
    memory.last_claim = (name, stype, sent.start_char)
    return claim
