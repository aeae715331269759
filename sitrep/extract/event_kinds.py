"""Per-kind rules of event extraction: crowds and protests, arrests, seizures (split from events.py).

:mod:`sitrep.extract.events` finds triggers and decides, per sentence, whether a trigger reports an event;
the rules here answer the per-kind questions it asks:

* is the doer a protest crowd ("thousands of people marched") or a state force that seized or arrested
  ("weapons were seized by police", "Police say ... seized")?
* is an arrest ordinary crime (police blotter, which ACLED does not code)?
* is a trigger without a named doer and without casualties still a codable report? ACLED codes
  demonstrations, riots, looting, arrests and seizures of weapons with no fatalities and often with no named
  actor ("Protesters (Country)", "Unidentified armed group"), so for those kinds a trigger in a clause
  reporting a past occurrence ("shops have been looted", "rallies were held", "weapons were found") is an
  event (:func:`reported_without_doer`);
* which other words ACLED's definitions need: a seizure is of weapons, looting is deliberate, a protest noun
  is held or erupts, a purpose clause after "fired tear gas" reports the firing (:func:`_means_used`), people
  handed over are no territory (:func:`_handed_people`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from sitrep.extract.context import political_detainee
from sitrep.extract.lexicon import KNOWN_GROUPS, POLICE_NOUNS, country_of
from sitrep.models import SUB_EVENT_TO_TYPE, Entity

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token


def _r(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


#: Ordinary crime an arrest is for; ACLED codes arrests of political, armed-group or protest figures only.
_ORDINARY_CRIME = _r(r"\b(theft|thefts|shoplift\w*|burglar\w*|larceny|narcotics?|drugs?|cocaine|heroin|"
                     r"methamphetamine|marijuana|DUI|DWI|drunk driving|driving under the influence|domestic (battery|"
                     r"violence|abuse)|fraud|forgery|trespass\w*|outstanding warrants?|probation|speeding|"
                     r"embezzl\w*|prostitution|retail|(order of|protective|restraining) (protection|order)|bond|bail|parole)\b")
_POLITICAL_ARREST = _r(r"\b(militants?|rebels?|insurgents?|jihadists?|terror\w*|extremists?|protest\w*|"
                       r"demonstrat\w*|opposition|activists?|journalists?|dissidents?|politicians?|lawmakers?|"
                       r"candidates?|party|soldiers?|troops|officers? of the|spy|spies|espionage|treason|sedition|"
                       r"coup|armed|weapons|explosives?|gang leader)\b")
_CROWD_WORDS = frozenset(
    "people thousands hundreds dozens scores crowds crowd residents students workers farmers teachers doctors nurses "
    "women villagers supporters citizens activists protesters demonstrators traders drivers miners employees "
    "pensioners youths mourners".split())


#: A protest or riot crowd named as such ("protesters", "demonstrators", "rioters", "a mob").
_CROWD_NOUNS = _r(r"\b(protesters|protestors|demonstrators|rioters|marchers|strikers|mob|crowds? of (people|protesters))\b")


_PROTEST_VERBS = frozenset("protest rally march gather demonstrate chant stage hold picket strike block occupy "
                           "converge assemble participate join".split())
_PROTESTER_WORDS = frozenset("protesters protestors demonstrators marchers strikers".split())
#: Unmistakable destruction of property ("went on a looting spree", "shops were looted and set alight").
_PLAIN_DESTRUCTION = _r(r"\b(loot(ed|ing|ers)?|ransack(ed|ing)|(shops|stores|homes|houses|cars|vehicles|buildings|offices)\b"
                        r".{0,40}\b(torched|set (ablaze|alight|on fire)|burn(ed|t) down))\b")


_LOOTING_CROWD = _r(r"\b(looters|(?:hundreds|dozens|scores|thousands|crowds?|mobs?|groups?) of (?:[\w-]+ )?"
                    r"(?:locals|residents|youths|people|men|protesters|rioters)|locals|youths|mobs?)\b")


def _crowd_protesting(sub: str, trigger: Token | None) -> bool:
    """"Thousands of protesters rallied", "Thousands of people marched": a crowd doing a protest verb is its own
    conflict context (the crowd or the verb is the trigger, which alone would not count)."""
    if trigger is None or SUB_EVENT_TO_TYPE.get(sub) != "Protests":
        return False
    for tok in trigger.sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in _PROTEST_VERBS:
            continue
        for subj in (c for c in tok.children if c.dep_ == "nsubj"):
            if subj.lower_ in ("they", "we") and tok.dep_ in ("advcl", "conj") and tok.head.i != tok.i:
                # "Dozens of students held up signs as they marched": the pronoun is the main clause's subject
                h = tok.head
                while h.dep_ == "conj" and h.head.i != h.i and not any(c.dep_ == "nsubj" for c in h.children):
                    h = h.head  # "started chants and held up signs": the conjuncts share the first verb's subject
                subj = next((c for c in h.children if c.dep_ == "nsubj"), subj)
            words = {subj.lower_} | {t.lower_ for t in subj.subtree}
            if subj.lower_ in _CROWD_WORDS or words & _PROTESTER_WORDS:
                return True
    return False


#: Unambiguous names of a street protest (not "demonstration" or "rally", which cooking shows and markets share).
_PROTEST_EVENT_NOUNS = frozenset("protest protests sit-in sit-ins march marches vigil vigils".split())
_HOLD_VERBS = frozenset("hold stage organise organize join attend lead".split())


def protest_held(trigger: Token | None) -> bool:
    """ "A peaceful protest ... was held in X", "staged a sit-in", "joined the march": a protest noun that is the
    subject or object of a verb of holding one reports a demonstration (its own conflict context)."""
    if trigger is None or trigger.lower_ not in _PROTEST_EVENT_NOUNS:
        return False
    tok = trigger
    while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in ("nsubjpass", "dobj") and tok.head.lemma_.lower() in _HOLD_VERBS


def _verbal_protest(trigger: Token | None) -> bool:
    """"protested that ...", "a demonstration using their warships": words or a showcase, not a street protest."""
    if trigger is None:
        return False
    if trigger.lemma_.lower() == "protest" and trigger.pos_ == "VERB" and any(c.dep_ == "ccomp" for c in trigger.children):
        return True
    return trigger.lower_.startswith("demonstration") and any(
        c.dep_ in ("acl", "prep") and c.lower_ in ("using", "with", "to") for c in trigger.children)




#: Kinds ACLED codes without casualties and without a named actor (the trigger itself names what happened).
STANDS_ALONE = frozenset((
    "Disrupted weapons use", "Looting/property destruction", "Peaceful protest", "Protest with intervention",
    "Excessive force against protesters", "Violent demonstration", "Mob violence", "Arrests"))


#: Weapons and explosives: a seizure, discovery or interception ACLED codes is of one of these (not of drugs or
#: smugglers).
_SEIZED_WEAPON = _r(r"\b(weapons?|arms|ammunitions?|explosives?|explosive devices?|ieds?|bombs?|landmines?|mines|grenades?|"
                    r"rockets?|missiles?|drones?|mortars?|shells|munitions|firearms?|rifles?|guns?|pistols?|rounds|"
                    r"bullets|cartridges|detonators)\b")


#: Destruction that is someone's deliberate act (looting, arson, vandalism), not damage that any cause leaves.
_DELIBERATE_DESTRUCTION = _r(r"\b(loot\w*|ransack\w*|torch\w*|set (on )?fire|set ablaze|set alight|vandali[sz]\w*|"
                             r"burn(ed|t|ing) down|(burned|burnt|torched|looted|set on fire|set ablaze))\b")


def reported_without_doer(sub: str, trigger: Token | None, text: str, trigger_text: str,
                          first: Token | None = None) -> bool:
    """A trigger of a kind ACLED codes with no casualties and no named actor (:data:`STANDS_ALONE`) that
    reports an occurrence: it sits in a past-tense clause ("were seized", "have been looted", "rioted") or
    is the subject, object or passive agent of one ("protests erupted", "rallies were held", "set ablaze by a
    mob"). A noun in a present or nominal phrase ("a string of protests", "a protester throws") is not a report;
    neither is an interception of anything but weapons, nor a bare mention of vigilantes (a group, not an act)."""
    if sub not in STANDS_ALONE or trigger is None:
        return False
    if sub == "Disrupted weapons use" and not _SEIZED_WEAPON.search(text):
        return False  # "smugglers intercepted with hashish": police work, not disrupted weapons use
    if sub == "Mob violence" and re.fullmatch(r"vigilantes?", trigger_text.strip(), re.I):
        return False
    if sub == "Arrests" and not political_detainee(text):
        return False  # "two men were arrested": police blotter unless the detainee is political (ACLED)
    if sub == "Looting/property destruction" and not _DELIBERATE_DESTRUCTION.search(trigger_text):
        return False  # "destroyed", "the destruction of": a history's or a disaster's as much as a riot's
    if trigger.lemma_.lower() == "protest" and trigger.pos_ == "VERB" and any(c.dep_ == "dobj" for c in trigger.children):
        return False  # "providers have protested longer detention periods": an objection, unless a crowd does it
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("they", "he", "she", "it", "we") for c in trigger.children):
        return False  # "They looted ...": the doer is named elsewhere; a report without it is not self-standing
    # a two-part trigger led by its verb ("seized two landmines, three grenades ..."): the verb's tense decides
    crowd_kind = SUB_EVENT_TO_TYPE.get(sub) in ("Protests", "Riots")
    return any(_in_past_clause(t, crowd_kind) for t in (trigger, first) if t is not None)


#: What protests and riots do or have done to them ("protests erupted", "a sit-in was staged", "rallies were
#: held"): a protest noun reports one only with such a verb ("presented culinary demonstrations" does not).
_OCCURRENCE_VERBS = frozenset(
    "hold stage erupt break take spread continue resume begin start turn rock sweep join organise organize lead "
    "attend mount launch escalate grip paralyse paralyze shake unfold enter intensify disperse end draw "
    "march gather rally converge block occupy".split())


def _in_past_clause(tok: Token, crowd_kind: bool = False) -> bool:
    """The token is a past-tense verb, or the subject/object/agent of one (through "of", conjuncts, "to");
    for a protest or riot noun (``crowd_kind``), of a verb of :data:`_OCCURRENCE_VERBS`."""
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("conj", "appos"):
        while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:
            tok = tok.head  # "rallies and sit-ins were held": the first conjunct carries the role
    while tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ in ("NOUN", "PROPN", "NUM"):
        tok = tok.head.head  # "a stash of firearms was found", "seized a total of forty rifles"
        while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:
            tok = tok.head
    if tok.dep_ == "pobj" and tok.head.dep_ == "agent":
        tok = tok.head  # "set ablaze by an angry mob"
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head if tok.dep_ in (
        "nsubj", "nsubjpass", "dobj", "prt", "agent") else None
    while verb is not None and verb.tag_ in ("VB", "VBG") and verb.dep_ in ("xcomp", "advcl", "conj") \
            and verb.head.i != verb.i:
        verb = verb.head  # "were detained while trying to hold demonstrations": the governing verb's tense
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return False
    if crowd_kind and tok.pos_ in ("NOUN", "PROPN") and verb.lemma_.lower() not in _OCCURRENCE_VERBS:
        return False
    if verb.tag_ == "VBD":
        return True
    # a past participle: passive or perfect ("were found", "have been looted"), or a reduced relative
    # ("weapons seized in the raid")
    return verb.tag_ == "VBN"


#: State forces that seize weapons and make arrests ("Police say ...", "by detachments of the army").
_STATE_DOERS = frozenset(POLICE_NOUNS | {"army", "troops", "soldiers", "military", "rangers", "gendarmes",
                                         "authorities", "forces", "officers", "servicemen", "personnel"})
_ARREST_DOERS = frozenset(POLICE_NOUNS | {"rangers", "gendarmes", "authorities", "officers", "forces"})


_HARMED_BY = frozenset("kill wound injure attack target ambush capture abduct kidnap execute behead".split())


def state_doer(sub: str, sent: SpacySpan, actor2: str | None) -> str | None:
    """The state force a seizure of weapons or an arrest with no named doer is by, or that intervened in a
    protest: the first police or army noun of the sentence (as written, with its modifiers: "Grand Bahama
    police", "the army"), when it is not the event's target. ACLED codes such events to that force."""
    words = _STATE_DOERS if sub in ("Disrupted weapons use", "Protest with intervention", "Excessive force against "
                                    "protesters", "Violent demonstration") else _ARREST_DOERS if sub == "Arrests" else None
    if words is None or sub == "Disrupted weapons use" and not _SEIZED_WEAPON.search(sent.text) \
            or sub == "Arrests" and not political_detainee(sent.text):
        return None
    for tok in sent:
        if tok.lower_ not in words or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if tok.dep_ in ("compound", "amod") and tok.head.pos_ == "NOUN" and tok.head.lower_ not in words:
            continue  # "a police vehicle", "army uniforms": a thing, not a doer
        if tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in _HARMED_BY:
            continue  # "had killed more than 100 soldiers": the victims, not the doer
        if tok.lower_ in ("forces", "officers", "personnel") and not any(
                c.dep_ in ("amod", "compound") and c.lower_ in ("security", "police", "army", "military", "law",
                                                               "government", "state", "federal")
                or c.ent_type_ in ("NORP", "GPE") for c in tok.children):
            continue  # "forces", "officers" alone: anyone's; "security forces", "police officers": the state's
        left = [c for c in tok.lefts if c.dep_ in ("amod", "compound") or c.ent_type_ in ("NORP", "GPE", "ORG")]
        start = left[0].i if left else tok.i
        phrase = tok.doc[start : tok.i + 1].text
        if actor2 and (phrase in actor2 or actor2 in phrase):
            if sub == "Arrests":
                continue  # "two soldiers were arrested": the arrested
        return phrase
    return None


_HANDED_PEOPLE = frozenset(("hostage hostages captive captives prisoner prisoners detainee detainees body bodies "
                            "suspect suspects people men women children").split())


def _handed_people(trigger: Token | None, matched: str) -> bool:
    """The thing handed over is a person ("X and Y ... were handed over"), not a town or an area."""
    if trigger is None or not matched.lower().startswith("hand"):
        return False
    verb = next((t for t in trigger.sent if t.lower_ in ("handed", "hand", "hands", "handing")), None)
    if verb is None:
        return False
    for c in verb.children:
        if c.dep_ in ("nsubjpass", "dobj"):
            if c.ent_type_ in ("PERSON", "NORP") or c.lower_ in _HANDED_PEOPLE or any(
                    t.ent_type_ == "PERSON" for t in c.subtree):
                return True
    return False


#: Who makes arrests ACLED codes: state forces and armed groups (a named private person does not).
_ARRESTING_FORCE = _r(r"\b(police|forces|army|military|troops|soldiers|officers|agents|authorities|guards?|rangers|"
                      r"gendarmes?|militia\w*|rebels|militants|intelligence|security)\b")


#: Crowd-control means: "fired tear gas to disperse them" reports the firing, whatever its purpose.
_CONTROL_MEANS = _r(r"\b(tear ?gas|water cannons?|rubber bullets|pepper[- ]spray|stun grenades|smoke grenades|batons?|"
                    r"live (ammunition|rounds|bullets|fire)|excessive force|force|warning shots)\b")


def _means_used(trigger: Token) -> bool:
    """ "Police fired tear gas to disperse the crowd": a purpose clause under a past verb whose object is a
    crowd-control means; the means were used (what they were for is the event's kind)."""
    head = trigger.head
    if trigger.dep_ not in ("advcl", "xcomp") or head.tag_ not in ("VBD", "VBN"):
        return False
    objs = [c for c in head.children if c.dep_ == "dobj"]
    return any(_CONTROL_MEANS.search(" ".join(t.text for t in o.subtree)) for o in objs)


#: A nationality written before the weapons an air defence stopped ("40 of 48 Russian drones").
_WEAPON_OWNER = re.compile(r"\b([A-Z][a-z]+)\s+(?:[\w-]+\s+)?(?:drones|missiles|rockets|uavs|UAVs)\b")


_LAUNCHER = re.compile(r"\b([A-Z][a-z]+)\s+(?:had\s+|has\s+)?(?:launched|fired)\b[^.;]{0,60}\b(?:drones|missiles|rockets)\b")


def disrupted_sides(text: str, actor1: str | None, actor2: str | None) -> tuple[str | None, str | None]:
    """The two sides of an interception: the defender (actor1) and whose drones or missiles were stopped
    (actor2). "Russia's Defence Ministry said air defences destroyed 52 Ukrainian drones": the nationality of the
    weapons is actor2, and when the parse gave it as the doer, the doer is the country named before the air
    defences that is not the attacker's (the reporting ministry's)."""
    owner = _WEAPON_OWNER.search(text)
    attacker = country_of(owner.group(1)) if owner else None
    if attacker is None:  # "Russia had launched 88 attack drones ...": the launcher
        launcher = _LAUNCHER.search(text)
        owner, attacker = launcher, country_of(launcher.group(1)) if launcher else None
    if owner is None or attacker is None:
        return actor1, actor2
    if actor1 is None or country_of(actor1.split()[0]) == attacker:
        at = re.search(r"\bair[- ]defen[cs]e", text, re.I)
        actor1 = next((c for m in re.finditer(r"\b[A-Z][a-z]+\b", text[: at.start()] if at else "")
                       if (c := country_of(m.group(0))) and c != attacker), actor1)
    return actor1, actor2 or owner.group(1)


#: A group named by description only ("the militant group", "the Iran-backed movement", "the group").
_DESCRIBED_GROUP = re.compile(r"(?:the\s+)?(?:[\w-]+\s+){0,2}(?:group|movement|militia|organi[sz]ation)", re.I)


_MEMBERS_OF = re.compile(r"\s+(?:from|of|belonging to|loyal to|linked to|affiliated with)\s+(?:the\s+)?"
                         r"(?P<group>(?:[\w'’-]+\s+){0,6}[\w'’-]+(?:\s+\([\w-]+\))?)", re.I)


def named_group(actor: str | None, entities: list[Entity], before: int, text: str = "") -> str | None:
    """"Hours later, the militant group fired rockets": the known armed group the text named last before
    ``before`` (its ACLED name), when ``actor`` is such a description; "Rebels from the M23 group seized ...":
    the known group the generic fighters belong to (``text``: the sentence); else ``actor`` unchanged."""
    if actor and text:
        at = text.find(actor)
        m = _MEMBERS_OF.match(text, at + len(actor)) if at >= 0 else None
        words = m.group("group").lower().replace("(", "").replace(")", "").split() if m else []
        for k in range(len(words), 0, -1):  # the longest known name in the phrase ("the M23 group" → "m23")
            for i in range(len(words) - k + 1):
                group = KNOWN_GROUPS.get(" ".join(words[i : i + k]))
                if group is not None:
                    return group[0]
    if not actor or not _DESCRIBED_GROUP.fullmatch(actor.strip()) or any(w[:1].isupper() for w in actor.split()[1:]):
        return actor
    for e in sorted((e for e in entities if e.end <= before and 0 <= before - e.end < 1500), key=lambda e: -e.start):
        group = KNOWN_GROUPS.get(re.sub(r"['’]s$", "", e.text).lower())
        if group is not None:
            return group[0]
    return actor


_MEMBER_NOUNS = r"(?:commanders?|leaders?|fighters?|members?|militants?|operatives?|officials?|chiefs?|gunmen)"


def targeted_group(text: str, actor1: str | None, actor2: str | None) -> str | None:
    """"An Israeli drone strike killed a senior Hezbollah commander": the known group whose member was hit is
    actor2 (ACLED codes the group, not civilians), when the target found is no named side; else ``actor2``."""
    names, members = _group_patterns()
    if actor2 and names.search(actor2):
        return actor2
    for m in members.finditer(text):
        key = m.group("key").lower()
        name = KNOWN_GROUPS[key][0]
        if not (actor1 and (key in actor1.lower() or name.lower() in actor1.lower())):
            return name
    return actor2


@lru_cache(maxsize=1)
def _group_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """One pattern for any known group's name, one for "<group>['s] [word] <member noun>" (compiled once)."""
    keys = "|".join(re.escape(k) for k in sorted(KNOWN_GROUPS, key=len, reverse=True))
    return (re.compile(rf"\b(?:{keys})\b", re.I),
            re.compile(rf"\b(?P<key>{keys})(?:['’]s)?\s+(?:[\w-]+\s+){{0,1}}{_MEMBER_NOUNS}\b", re.I))


def agreement_parties(trigger: Token, actor1: str | None, actor2: str | None) -> tuple[str | None, str | None]:
    """"The government and the rebels signed a peace agreement": the two coordinated subjects of the verb that
    makes the agreement are its two parties (actor1, actor2); else the actors unchanged."""
    verb = trigger.head if trigger.dep_ in ("dobj", "pobj", "nsubjpass") else trigger
    if verb.dep_ == "prep":
        verb = verb.head
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    conj = next((c for c in subj.children if c.dep_ == "conj"), None) if subj is not None else None
    if subj is None or conj is None:
        return actor1, actor2

    def phrase(tok: Token) -> str:
        toks = [t for t in tok.subtree if t.dep_ not in ("cc", "conj", "punct") or t.i == tok.i]
        toks = [t for t in toks if not any(a.i == c.i for a in t.ancestors for c in tok.children if c.dep_ == "conj")]
        return re.sub(r"^(?:the|a|an)\s+", "", " ".join(t.text for t in sorted(toks, key=lambda t: t.i)), flags=re.I)

    return phrase(subj), phrase(conj)

