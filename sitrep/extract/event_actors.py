"""Who did it, to whom, alongside whom: the actor phrases of one event sentence, as written.

Split from :mod:`sitrep.extract.events`, which finds the sentences and triggers; this module reads
the parse around a trigger (subject, agent, object, "against"/"on" targets, possessives, relative
clauses, units named with their owner) and the sentence's armed-actor entities. Canonical ACLED
names come later (:mod:`sitrep.resolve.actors`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sitrep.extract.lexicon import ATTRIBUTION_VERBS, country_of, find_country_mention
from sitrep.extract.nlp import doc_text, span_text
from sitrep.models import Entity

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

_FORCE_WORDS = re.compile(
    r"\b(troops|forces|soldiers|army|military|militants|fighters|rebels|gunmen|police|insurgents|jihadists|"
    r"carrier|warships?|destroyer|frigate|base|outpost|checkpoint|positions)\b", re.I)


def _phrase(tok: Token, limit: Token | None = None) -> str:
    toks = [t for t in tok.subtree if limit is None or t.i < limit.i or t.i > limit.i]
    toks = [t for t in toks if t.dep_ not in ("relcl", "acl", "appos") or t.i == tok.i]
    # keep only the contiguous run around tok
    idx = sorted(t.i for t in toks)
    run = [tok.i]
    for i in range(tok.i - 1, -1, -1):
        if i in idx:
            run.insert(0, i)
        else:
            break
    for i in range(tok.i + 1, tok.i + 12):
        if i in idx and tok.doc[i].dep_ not in ("punct", "cc", "relcl", "acl", "prep"):
            run.append(i)
        else:
            break
    doc = tok.doc
    text = doc[run[0] : run[-1] + 1].text
    return re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I).strip(" ,")


def _entity_text(entities: list[Entity], start: int, end: int, labels: tuple[str, ...]) -> str | None:
    for e in entities:
        if e.start >= start and e.end <= end and e.label in labels:
            return e.text
    return None


def _actors(sent: SpacySpan, trigger: Token | None, entities: list[Entity]) -> tuple[str | None, str | None, str | None]:
    """(actor1, assoc_actor1, actor2) as written, from the parse around the trigger."""
    actor1 = actor2 = assoc = None
    actorish = ("ARMED_ACTOR", "MILITARY_UNIT", "ORG", "NORP", "GPE")
    if trigger is not None:
        verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head if trigger.dep_ in ("prt", "advmod") \
            and trigger.head.pos_ == "VERB" else None  # "pull back", "pulled out": the particle's verb
        noun = trigger if trigger.pos_ in ("NOUN", "PROPN") else None
        # climb conj chains ("stormed and took") to find the shared subject
        v = verb
        while v is not None and v.dep_ == "conj" and not any(c.dep_.startswith("nsubj") for c in v.children):
            v = v.head
        if v is not None:
            for c in v.children:
                if c.dep_ == "nsubj":
                    actor1 = _phrase(c)
                elif c.dep_ == "agent":
                    pobj = next((x for x in c.children if x.dep_ == "pobj"), None)
                    if pobj is not None:
                        actor1 = _phrase(pobj)
                elif c.dep_ == "nsubjpass":
                    actor2 = _phrase(c)
                elif c.dep_ == "dobj" and actor2 is None and c.pos_ in ("NOUN", "PROPN", "PRON"):
                    actor2 = _phrase(c)
            if actor1 is None and v.dep_ == "conj" and any(c.dep_ == "nsubjpass" for c in v.children) \
                    and not any(c.dep_ == "agent" for c in v.children):
                # "the army staged a counterattack and ground was regained": the first clause's doer
                subj = next((c for c in v.head.children if c.dep_ == "nsubj"), None)
                if subj is not None and subj.pos_ != "PRON":
                    actor1 = _phrase(subj)
            # "X tried to storm ...", "a unit, which claims to have killed ...": the subject of the
            # governing verb does it; a relative pronoun stands for the noun its clause modifies.
            if actor1 is None and v.dep_ == "xcomp":
                subj = next((c for c in v.head.children if c.dep_ == "nsubj"), None)
                if subj is not None and subj.lower_ in ("which", "who", "that") and v.head.dep_ == "relcl":
                    actor1 = _phrase(v.head.head)
                elif subj is not None and subj.pos_ != "PRON":
                    actor1 = _phrase(subj)
        if noun is not None:
            for c in noun.children:
                if c.dep_ in ("amod", "compound", "poss", "nmod") and (c.ent_type_ in ("NORP", "GPE", "ORG") or country_of(c.text)):
                    actor1 = actor1 or _phrase(c)
            if actor1 is None and noun.dep_ in ("nsubj", "dobj", "pobj"):
                h = noun.head.head if noun.dep_ == "pobj" else noun.head
                subj = next((c for c in h.children if c.dep_ == "nsubj" and c.i != noun.i), None)
                while subj is None and h.dep_ in ("xcomp", "conj") and h.head.i != h.i:
                    h = h.head  # "a spokesman claimed to have launched attacks": the claimant's side
                    subj = next((c for c in h.children if c.dep_ == "nsubj"), None)
                if subj is not None and noun.dep_ != "nsubj":
                    actor1 = _phrase(subj)
            # "the missile fired by the army", "shells launched by X": the agent of the participle modifying the noun
            for acl in (c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"):
                agent = next((x for x in acl.children if x.dep_ == "agent"), None)
                pobj = next((x for x in agent.children if x.dep_ == "pobj"), None) if agent is not None else None
                if pobj is not None and actor1 is None:
                    actor1 = _phrase(pobj)
        for tok in sent:
            if tok.lower_ in ("alongside", "with") and tok.dep_ == "prep" and tok.lower_ == "alongside":
                pobj = next((x for x in tok.children if x.dep_ == "pobj"), None)
                if pobj is not None:
                    assoc = _phrase(pobj)
            if tok.lower_ in ("against", "on", "targeting", "at") and tok.head in (trigger, trigger.head):
                pobj = next((x for x in tok.children if x.dep_ == "pobj"), None)
                if pobj is not None and actor2 is None and (_FORCE_WORDS.search(pobj.text) or pobj.ent_type_ in ("NORP", "ORG", "PERSON")):
                    actor2 = _phrase(pobj)
            if tok.lower_ == "by" and tok.dep_ == "agent" and actor1 is None and tok.head in (trigger, trigger.head):
                pobj = next((x for x in tok.children if x.dep_ == "pobj"), None)
                if pobj is not None and (_FORCE_WORDS.search(pobj.text) or pobj.ent_type_ in actorish):
                    actor1 = _phrase(pobj)
    # "Hezbollah said it fired ...": a pronoun doer is the speaker.
    if actor1 and actor1.lower() in ("it", "they", "we", "he", "she") and trigger is not None:
        head = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
        while head.dep_ in ("ccomp", "conj", "xcomp") and head.head.i != head.i:
            head = head.head
            spk = next((c for c in head.children if c.dep_ == "nsubj"), None)
            if spk is not None and spk.lower_ not in ("it", "they", "we"):
                actor1 = _phrase(spk)
                break
    # "territory held by X", "from X" for territorial events
    m = re.search(r"\b(?:held|controlled|occupied) by ((?:the )?[\w’' -]{3,40}?(?:forces|troops|army|fighters|militants|rebels))\b", span_text(sent))
    if m and actor2 is None:
        actor2 = m.group(1)
    # Fallback: armed actors named in the sentence, in order.
    named = [e for e in entities if e.start >= sent.start_char and e.end <= sent.end_char and e.label in ("ARMED_ACTOR", "MILITARY_UNIT")]
    body = doc_text(sent.doc)
    targets = [e for e in named if re.search(r"\b(on|against|at|targeting|target|killed|killing|kill|wounded|wounding|"
                                              r"injured|hit|struck|be|as)\s+(\w+\s+){0,3}$",
                                              body[max(sent.start_char, e.start - 40) : e.start], re.I)]
    victims = [e for e in named if re.match(r"\s+(?:were|was|have been|had been|are|is)?\s*(?:killed|wounded|injured|martyred|dead|died)",
                                            body[e.end : e.end + 30], re.I)]
    targets += [e for e in victims if e not in targets]
    speaker_chars: set[int] = set()  # characters of speaker phrases ("a spokeswoman for the Southern Command")
    for t in sent:
        if t.dep_ == "nsubj" and t.head.lemma_.lower() in ATTRIBUTION_VERBS and t.head.i > t.i:
            for x in t.subtree:
                speaker_chars.update(range(x.idx, x.idx + len(x.text)))
    speakers = [e for e in named if e.start in speaker_chars]
    named = [e for e in named if e not in speakers]
    if actor2 and re.fullmatch(r"(the\s+)?(troops|forces|soldiers|positions|fighters|servicemen)", actor2, re.I):
        norp = [e.text for e in entities if sent.start_char <= e.start and e.end <= sent.end_char and e.label == "NORP"]
        if norp:
            actor2 = f"{norp[0]} {actor2}"  # "troops – identified as North Koreans"
    if actor1 is None:
        named = [e for e in named if e not in targets] + targets[:0]
    sent_ents = [e for e in entities if e.start >= sent.start_char and e.end <= sent.end_char]
    # An armed-actor entity inside a longer phrase names the actor ("SEOUL — North Korean troops").
    for name in ("actor1", "actor2"):
        val = actor1 if name == "actor1" else actor2
        if val:
            inner = [e.text for e in named if e.text in val and e.text != val]
            if inner:
                val = inner[0]
            if name == "actor1":
                actor1 = val
            else:
                actor2 = val
    if actor1 is None or not _looks_like_actor(actor1, sent_ents):
        cand = [e.text for e in named if e.text not in (actor2 or "", assoc or "")]
        actor1 = cand[0] if cand else None
    if actor2 is not None and not _looks_like_actor(actor2, sent_ents):
        actor2 = None
    if actor2 is None:
        cand = [e.text for e in named + targets if e.text not in (actor1 or "") and e.text not in (assoc or "")
                and not (actor1 and country_of(e.text.split()[0]) == country_of((actor1 or "").split()[0]))]
        actor2 = cand[0] if cand else None
    # "..., blaming the Rapid Support Forces", "an attack blamed on jihadists": the blamed party is the doer.
    blamed = re.search(r"\b(?:blam(?:ed|ing|es)|attributed)\s+(?:it\s+|the attack\s+)?(?:on\s+|to\s+)?(?:the\s+)?"
                       r"(?:[a-z-]+\s+){0,2}?((?:[A-Z][\w'’-]*\s?){1,5})", span_text(sent)) or re.search(
        r"\b(?:blamed|attributed)\s+(?:on|to)\s+(?:the\s+)?([a-z]+)", span_text(sent))
    if blamed and (actor1 is None or not _looks_like_actor(actor1, [])):
        blamed_name = blamed.group(1).strip()
        if _looks_like_actor(blamed_name, [e for e in entities if e.start >= sent.start_char and e.end <= sent.end_char]):
            actor1 = blamed_name
    # Unnamed actors: armed-group nouns ("jihadists", "gunmen") and force nouns ("soldiers").
    if actor1 is None or actor2 is None:
        from sitrep.extract.lexicon import ARMED_GROUP_NOUNS, CIVILIAN_NOUNS, FORCE_NOUNS

        groups = [t for t in sent if t.lower_ in ARMED_GROUP_NOUNS and t.pos_ in ("NOUN", "PROPN")
                  and t.idx not in speaker_chars  # "a doctors' group said": a speaker, not a doer
                  and not (t.dep_ in ("compound", "nmod", "amod") and t.head.pos_ == "NOUN"
                           and t.head.lower_ not in ARMED_GROUP_NOUNS
                           and trigger is not None and t.i > trigger.i)]  # "struck a militia weapons depot"
        forces = [t for t in sent if t.lower_ in FORCE_NOUNS | {"personnel"} and t.pos_ == "NOUN"
                  and t.lower_ not in ("drones", "artillery", "aircraft", "jets", "warplanes", "units")]
        speaker_forces = [t for t in sent if t.lower_ in FORCE_NOUNS and t.idx in speaker_chars]
        forces = [t for t in forces if t.idx not in speaker_chars]  # "An Israeli military statement said ..."
        civilians = [t for t in sent if t.lower_ in CIVILIAN_NOUNS and t.pos_ == "NOUN"]
        if actor1 is None and groups:
            actor1 = _phrase(groups[0])
        if actor2 is None:
            pool = [f for f in forces if not (actor1 and (actor1 in _phrase(f) or _phrase(f) in actor1))]
            pool = pool or civilians
            pool = [t for t in pool if not (actor1 and _phrase(t) in actor1)]
            if pool:
                actor2 = _phrase(pool[0])
        # a force noun modifying another noun names a thing, not a doer ("a Hezbollah military structure")
        doers = [f for f in forces if not (f.dep_ in ("compound", "amod") and f.head.lower_ not in FORCE_NOUNS)]
        if actor1 is None and doers and actor2 is not None and not any(_phrase(f) in actor2 for f in forces):
            actor1 = _phrase(doers[0])
        if actor1 is None and speaker_forces and _weapon_subject(trigger):
            # "An Israeli military statement said (its) aircraft struck ...": a force reports its own strike
            actor1 = _force_with_owner(speaker_forces[0])
    # A unit named with its owner in front ("the North Korean 92nd ... Brigades", "Ukraine's 8th
    # Special Operations Forces") belongs to that country's forces, whatever the unit's own name says.
    units = [e for e in entities if sent.start_char <= e.start and e.end <= sent.end_char and e.label == "MILITARY_UNIT"]
    actor1 = _unit_owner(actor1, units, body, sent.start_char)
    actor2 = _unit_owner(actor2, units, body, sent.start_char)
    # "its troops" / "their forces": the country of whoever the sentence says owns them.
    for name in ("actor1", "actor2"):
        val = actor1 if name == "actor1" else actor2
        if val and re.match(r"(its|their|our)\b", val, re.I):
            pos = body.find(val, sent.start_char)
            owner = _owner_country(body[sent.start_char : pos if pos >= 0 else sent.end_char])
            val = f"Military Forces of {owner}" if owner else None
            if name == "actor1":
                actor1 = val
            else:
                actor2 = val
    from sitrep.extract.lexicon import CIVILIAN_NOUNS as _CIV

    if actor1 and set(actor1.lower().split()) & _CIV and not _FORCE_WORDS.search(actor1):
        actor1 = None  # civilians, journalists, residents are witnesses or victims, never the doer here
    if assoc and actor1 and assoc in actor1:
        assoc = None
    return actor1, assoc, actor2


#: Means a force strikes with and reports as its own ("aircraft struck ..."); a missile or rocket is not: a
#: force often reports the enemy's ("a missile launched from a Houthi-controlled area struck the ship").
_OWN_MEANS = frozenset("aircraft jet jets warplane warplanes plane planes helicopter helicopters".split())


def _weapon_subject(trigger: Token | None) -> bool:
    """The trigger's subject is the speaker's own means: "aircraft struck ...", "its drones hit ..."."""
    if trigger is None:
        return False
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    for c in verb.children:
        if c.dep_ != "nsubj" or any(t.ent_type_ in ("NORP", "GPE", "ORG") for t in c.subtree):
            continue  # "Houthi drones struck ...": someone else's
        if c.lower_ in _OWN_MEANS or any(p.dep_ == "poss" and p.lower_ in ("its", "their", "our") for p in c.children):
            return True
    return False


def _force_with_owner(force: Token) -> str:
    """A force noun with the nationality that modifies it or the phrase it modifies: "Israeli military"."""
    holder = force.head if force.dep_ in ("amod", "compound") else force
    owners = [c for c in holder.children if c.dep_ in ("amod", "compound", "poss") and c.i != force.i and c.i < force.i
              and (c.ent_type_ in ("NORP", "GPE") or country_of(c.text))]  # "Israeli military", "Ukraine's military"
    return " ".join([*(c.text for c in owners[:1]), force.text])


_OWNER_BEFORE = re.compile(r"([A-Z][\w-]+(?:\s[A-Z][\w-]+)?)(?:['’]s)?\s+$")


def _unit_owner(actor: str | None, units: list[Entity], body: str, sent_start: int) -> str | None:
    """A unit actor prefixed by the country written just before it, so that it canonicalises to that
    country's forces; any other actor unchanged."""
    if not actor:
        return actor
    for unit in units:
        if unit.text != actor or find_country_mention(actor):
            continue
        m = _OWNER_BEFORE.search(body[max(sent_start, unit.start - 30) : unit.start])
        if m and country_of(m.group(1)):
            return f"{m.group(1)} {actor}"
    return actor


def _owner_country(prefix: str) -> str | None:
    """The country a possessive pronoun most likely refers to: the last country/demonym/metonym before it."""
    from sitrep.extract.lexicon import METONYMS

    best: tuple[int, str] | None = None
    for key, gov in METONYMS.items():
        i = prefix.lower().rfind(key)
        if i >= 0 and (best is None or i > best[0]):
            best = (i, gov.removeprefix("Government of ").removeprefix("the "))
    words = re.findall(r"[A-Z][\w-]*(?:\s[A-Z][\w-]*)?", prefix)
    for w in words:
        c = country_of(w) or country_of(w.split()[0])
        if c:
            i = prefix.rfind(w)
            if best is None or i > best[0]:
                best = (i, c)
    return best[1] if best else None


_ACTOR_HINT = re.compile(
    r"\b(troops|forces|soldiers|army|military|militants?|fighters|rebels|gunm[ae]n|police|insurgents|jihadists|militia\w*|"
    r"civilians?|residents|people|villagers|children|women|gangs?|protesters|demonstrators|hamas|hezbollah|houthis?|"
    r"taliban|al-shabaab|isis|islamic state|rsf|saf|idf|wagner|brigades?|corps|battalion|regiment|division|"
    r"marines|navy|ship|vessel|crew|attackers|assailants|bandits|terrorists|khawarij|group)\b",
    re.I,
)


_NOT_ACTOR = re.compile(r"\b(footage|video|clip|images?|photos?|reports?|sources?|media|outlets?|it|this|that|they)\b", re.I)


def _looks_like_actor(text: str, entities: list[Entity] | None = None) -> bool:
    """Whether a phrase can name an actor: force/victim nouns, a country or demonym, or an organisation."""
    if _NOT_ACTOR.fullmatch(text.strip()) or re.search(r"\b(footage|video|clip)\b", text, re.I):
        return False
    if _ACTOR_HINT.search(text) or country_of(text) is not None or country_of(text.split()[0]) is not None:
        return True
    return bool(entities) and any(e.text in text and e.label in ("ORG", "NORP", "ARMED_ACTOR", "MILITARY_UNIT", "PERSON")
                                  for e in entities or [])
