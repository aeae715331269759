"""People's roles and titles: "Defence Minister Rustem Umerov", "Col. Andriy Kovalov, the army's spokesman".

A role is recorded as its own entity, label ``ROLE``, whose ``canonical`` is the person who holds it (as
unit nicknames point at their unit), so the record keeps its shape: "Governor" → "Yurii Malashko".

Three places a news text puts a role (hand-written: spaCy's small model has no title label, and its NER
often cuts a title's person short, "Defence Minister Rustem Umerov" → ORG "Defence" + PERSON "Umerov"):

- a title in front of the name: "Zaporizhzhia Oblast Governor Yurii Malashko", "Col. Andriy Kovalov",
  "Secretary of State Jane Doe"; a capitalised word between the title and the NER's name is the first
  name the NER left out, and an ORG that is only a department word inside the title ("Defence") is no
  organisation;
- an apposition after the name: "Andriy Kovalov, the army's spokesman, said";
- an apposition before it: "The army's spokesman, Col. Andriy Kovalov, said".

Places, nationalities and organisations in front of a title stay their own entities: the role starts after
them ("Ukrainian Foreign Minister" → ROLE "Foreign Minister").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sitrep.extract.lexicon import PERSON_TITLES
from sitrep.extract.nlp import doc_text
from sitrep.models import Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: Words that head a role or title (lower case). General English: offices, ranks, functions.
ROLE_HEADS = frozenset(
    "president vice-president premier chancellor minister secretary secretary-general governor mayor "
    "spokesman spokeswoman spokesperson commander commander-in-chief chief head director general colonel "
    "lieutenant major captain sergeant admiral brigadier marshal ambassador envoy senator congressman "
    "congresswoman lawmaker deputy adviser advisor aide chairman chairwoman chair leader official officer "
    "analyst correspondent reporter editor founder ceo king queen prince princess emir sheikh ayatollah pope "
    "bishop imam cleric judge prosecutor attorney lawyer mp councillor councilor speaker commissioner "
    "coordinator representative negotiator inspector investigator researcher professor expert governor-general "
    "prime-minister ombudsman mufti patriarch archbishop cardinal rabbi sheriff superintendent "
    "administrator head-of-state".split()) | {t.lower() for t in PERSON_TITLES if " " not in t}
#: Abbreviated ranks and titles (with their dot).
ROLE_ABBREVIATIONS = frozenset(
    "gen. lt. col. maj. capt. sgt. adm. sen. rep. gov. dr. prof. brig. cmdr. pres. gen lt col maj capt sgt adm".split())
#: Words that qualify a title without being a name ("Deputy Prime Minister", "Defence Minister").
ROLE_MODIFIERS = frozenset(
    "deputy vice acting former interim senior chief top first foreign defence defense interior home finance "
    "health justice economy economic trade education energy culture agriculture transport emergency "
    "emergencies environment information security intelligence national regional district military army "
    "navy naval air force forces police border general lieutenant major brigadier rear staff supreme "
    "joint press prime state federal local provincial municipal city county oblast".split())

_ROLE_WORD = r"(?:[A-Za-z][\w-]*\.?)"
#: An apposition holding a role: ", the army's spokesman," / ", a senior commander of the brigade,".
_APPOS_AFTER = re.compile(r",\s+(?P<role>(?:(?:the|a|an|[A-Z][\w.-]*['’]s)\s+)?[^,;.()\"“”]{2,70}?)(?=\s*(?:,|;|\.|$))")
_APPOS_BEFORE = re.compile(
    r"(?P<role>(?:[Tt]he|[Aa]n?|[A-Z][\w.-]*['’]s)\s+(?:(?!\b[Tt]he\b)[^,;.()\"“”]){1,60}?)\s*,\s*$")


def attach_roles(doc: Doc, entities: list[Entity]) -> list[tuple[Entity, Entity]]:
    """Add ROLE entities to ``entities`` (in place), widen PERSON spans the NER cut short, drop department
    words the NER called ORG. Returns (role, person) pairs; the caller sets each role's ``canonical`` from its
    person once person names are linked."""
    body = doc_text(doc)
    pairs: list[tuple[Entity, Entity]] = []
    for person in [e for e in entities if e.label == "PERSON"]:
        sent_start = _sentence_start(doc, person.start)
        role = _title_before(body, person, entities, sent_start)
        if role is not None:
            pairs.append((role, person))
            entities.append(role)
            before_title = role.start
        else:
            before_title = person.start
        for appos in (_apposition_after(body, person, entities), _apposition_before(body, before_title, entities,
                                                                                    sent_start)):
            if appos is not None:
                pairs.append((appos, person))
                entities.append(appos)
    return pairs


def _sentence_start(doc: Doc, char: int) -> int:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.sent.start_char if span is not None else max(0, char - 200)


def _covered(entities: list[Entity], a: int, b: int, labels: tuple[str, ...] | None = None) -> Entity | None:
    return next((e for e in entities if e.start < b and a < e.end and (labels is None or e.label in labels)), None)


def _is_role_word(word: str) -> bool:
    low = word.lower()
    return low in ROLE_HEADS or low in ROLE_ABBREVIATIONS or low.rstrip("s") in ROLE_HEADS and len(low) > 4


def _title_before(body: str, person: Entity, entities: list[Entity], sent_start: int) -> Entity | None:
    """"Defence Minister Rustem Umerov": the title right in front of the name (and the name's missing part)."""
    words = [(m.start() + sent_start, m.end() + sent_start, m.group(0))
             for m in re.finditer(r"\S+", body[sent_start : person.start])]
    # a capitalised word or two right before the NER's name is its first name, if a title precedes them
    ext = 0
    while ext < 2 and len(words) > ext and re.fullmatch(r"[A-Z][a-z'’-]+", words[-1 - ext][2]) \
            and not _is_role_word(words[-1 - ext][2]) and words[-1 - ext][2].lower() not in ROLE_MODIFIERS \
            and _covered(entities, words[-1 - ext][0], words[-1 - ext][1]) is None:
        ext += 1
    rest = words[: len(words) - ext]
    i = len(rest)  # scan leftwards: rest[i:] is the title so far
    heads = free = 0
    while i > 0:
        a, b, w = rest[i - 1]
        low = w.lower()
        other = _covered(entities, a, b)
        if w.endswith(",") or other is not None and not (other.label == "ORG" and _department_word(other.text)):
            break  # a place, nationality or organisation in front of the title stays its own entity
        if _is_role_word(w):
            heads += 1
        elif low == "of":
            if not (i > 1 and _is_role_word(rest[i - 2][2]) and i < len(rest)):
                break  # "Secretary of State", never a title starting or ending with "of"
        elif low not in ROLE_MODIFIERS:
            if not (free == 0 and re.fullmatch(r"[A-Z][a-z]+", w) and i < len(rest)):
                break
            free += 1  # one capitalised qualifier: "Homeland Security Secretary"
        i -= 1
    span = rest[i:]
    while span and not _is_role_word(span[0][2]) and span[0][2].lower() not in ROLE_MODIFIERS:
        span = span[1:]  # a title starts with a qualifier or a role word
    if not heads or not any(_is_role_word(w) for _, _, w in span):
        return None
    a, b = span[0][0], span[-1][1]
    for junk in [e for e in entities if e.label == "ORG" and a <= e.start and e.end <= b]:
        entities.remove(junk)  # "Defence" of "Defence Minister" is no organisation
    if ext:
        first = words[len(words) - ext][0]
        person.start, person.text = first, body[first : person.end]
        from sitrep.extract.entities import person_name

        person.canonical = person_name(person.text)
    return Entity(text=body[a:b], label="ROLE", start=a, end=b)


def _department_word(text: str) -> bool:
    return all(w.lower() in ROLE_MODIFIERS for w in text.split())


def _apposition_after(body: str, person: Entity, entities: list[Entity]) -> Entity | None:
    """"Andriy Kovalov, the army's spokesman, said": the role in the apposition after the name."""
    m = _APPOS_AFTER.match(body, person.end, min(len(body), person.end + 90))
    if m is None or not any(_is_role_word(w.strip(".,")) for w in m.group("role").split()[:4]):
        return None  # the role word comes first: ", the mayor of the town", ", head of military intelligence"
    a, b = m.start("role"), m.end("role")
    if _covered(entities, a, b, ("PERSON",)) is not None:
        return None  # ", the wife of Jane Doe,": another person's
    return Entity(text=body[a:b], label="ROLE", start=a, end=b)


def _apposition_before(body: str, before: int, entities: list[Entity], sent_start: int) -> Entity | None:
    """"The army's spokesman, Col. Andriy Kovalov, said": the role in the apposition before the name."""
    m = _APPOS_BEFORE.search(body, sent_start, before)
    if m is None:
        return None
    words = m.group("role").split()
    if not _is_role_word(words[-1].strip(".,")):
        return None  # the apposition must end with its role word ("The army's spokesman")
    a, b = m.start("role"), m.end("role")
    if _covered(entities, a, b, ("PERSON",)) is not None:
        return None
    return Entity(text=body[a:b], label="ROLE", start=a, end=b)
