"""Conflict-context gate: a trigger word codes an event only in a conflict setting (QA-13).

Trigger verbs and nouns are ambiguous outside conflict news: "seized on an idea", "a battle of wits",
"Harry fought the troll", "the essay's protest against style". Before an event is coded, the sentence
(or its paragraph; a one-sentence wire paragraph also looks at the paragraph before it) must carry
independent evidence of a conflict setting, from general lexicons:

* an armed, violent or political actor: force nouns (troops, police, militants, gunmen, rebels ...),
  a protest crowd (protesters, demonstrators, strikers) or a state authority acting (government,
  ministry, regime, security forces), or a recognised armed actor / unit span;
* a weapon (missile, drone strike, rifle, explosives, tear gas ...);
* a casualty (killed, wounded, dead, casualties, hostages ...);
* a conflict-typed setting (war, frontline, ceasefire, occupied territory, checkpoint, siege ...).

The trigger's own words do not count unless they are themselves a weapon or casualty word, or an armed
actor leading a two-part trigger ("gunmen ... opened fire"), so an ambiguous trigger ("seized", "battle",
"clash", "attack") needs something else around it. A protest or riot trigger also counts the words of a
street demonstration, an arrest its political detainee (``kind``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sitrep.extract.lexicon import ARMED_GROUP_NOUNS, FORCE_NOUNS, POLICE_NOUNS, PROTESTER_NOUNS, RIOTER_NOUNS
from sitrep.models import Entity

if TYPE_CHECKING:
    from spacy.tokens import Token

_ACTOR_WORDS = sorted(
    (FORCE_NOUNS | POLICE_NOUNS | PROTESTER_NOUNS | RIOTER_NOUNS | ARMED_GROUP_NOUNS)
    - {"group", "force", "forces", "units", "personnel", "aircraft", "jets", "drones", "artillery", "fighters",
       "fighter", "defenders", "defender", "navy", "activists", "attackers", "attacker"},
    key=len, reverse=True)
#: Armed, violent or political actors (lexicon nouns; ambiguous ones only with a qualifier).
_ACTOR_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(w) for w in _ACTOR_WORDS) + r")\b"
    r"|\b(?:armed|security|government|military|rebel|state|opposition|allied|enemy|federal|special|paramilitary|"
    r"pro-\w+|\w+-backed|(?-i:[A-Z]\w+(?:n|i|ish|ese)))\s+(?:forces|fighters|groups?|units)\b"
    r"|\b(?:armed|militant|terrorist|jihadist|insurgent|rebel|separatist|criminal|extremist)\s+groups?\b"
    r"|\b(?:militias?|militiamen|paramilitar\w+|guerrillas?|jihad\w*|terroris\w+|insurgen\w+|separatists?|warlords?|"
    r"regime|junta|ministry of (?:defen[cs]e|interior)|defen[cs]e ministry|interior ministry|general staff|"
    r"riot police|law enforcement)\b"
    # an acronym's forces ("US forces", "SDF troops"; not "RAF fighters", which are jets); unnamed armed men
    r"|\b(?-i:[A-Z]{2,6})\s+(?:forces|troops|soldiers)\b|\barmed\s+(?:men|assailants|individuals)\b",
    re.I,
)
#: Weapons and means of violence.
_WEAPON_RE = re.compile(
    r"\b(?:missiles?|rockets?|drones?|uavs?|bombs?|bombing|bombed|bombardment|explosives?|ieds?|landmines?|"
    r"grenades?|mortars?|artillery|shell(?:s|ing|ed)|howitzers?|guns?|gunfire|gunshots?|rifles?|firearms?|"
    r"machetes?|airstrikes?|air ?strikes?|air raids?|warplanes?|fighter jets?|helicopter gunships?|tear ?gas|"
    r"rubber bullets|live ammunition|ammunition|bullets?|munitions|warheads?|weapons?|arms cache|car bomb|"
    r"suicide bomb\w*|molotov\w*|petrol bombs?|blew (?:himself|herself|themselves) up)\b",
    re.I,
)
#: Casualties and victims.
_CASUALTY_RE = re.compile(
    r"\b(?:kill(?:ed|ing|s)?|dead|died|deaths?|death toll|wounded|injur(?:ed|ies|y)|casualt(?:y|ies)|fatalit(?:y|ies)|"
    r"bodies|corpses|massacr\w+|hostages?|abduct\w+|kidnap\w+|victims|displaced|refugees|martyr\w*|"
    # violence done to people or property with bare hands or fire ("set ablaze by a mob", "gunned down")
    r"gunned down|shot dead|lynch\w*|(?:beaten|stoned|hacked|burned|burnt) (?:to death|alive)|set ablaze|set alight|"
    r"set on fire)\b",
    re.I,
)
#: Conflict-typed settings.
_SETTING_RE = re.compile(
    r"\b(?:war|wars|wartime|civil war|frontlines?|front lines?|front-line|battlefields?|ceasefire|cease-fire|truce|"
    r"occupied|occupation|occupying|invasion|invaded|offensive|counteroffensive|siege|besieged|checkpoints?|"
    r"military (?:bases?|operations?|posts?)|outposts?|barracks|trenches|conflict|hostilities|insurgency|"
    r"uprising|coup|crackdown|martial law|curfew|state of emergency|protests?|demonstrations?|riots?|unrest|"
    r"annex\w+|sanctions|war crimes?)\b",
    re.I,
)
_EVIDENCE = (_ACTOR_RE, _WEAPON_RE, _CASUALTY_RE, _SETTING_RE)
#: Protest settings, for a protest or riot trigger only (ACLED's Protests and Riots need no armed actor): the
#: other words of a street demonstration ("rallies and sit-ins", "marched ... chanting", "took to the streets",
#: "held up placards"), the crowd's violence and the authorities' intervention ("detained", "dispersed").
_PROTEST_SETTING_RE = re.compile(
    r"\b(?:marche[ds]|marchers|marching|rall(?:y|ies|ied)|sit-ins?|vigils?|die-ins?|placards|banners|slogans|"
    r"chant(?:s|ed|ing)?|took to the streets|take to the streets|taking to the streets|picket\w*|strikers|"
    r"activists|opposition supporters|human chains?|walkouts?|boycott\w*|"
    r"violen(?:ce|t)|vandal\w*|smashed|stones|arrest\w*|detain\w*|dispers\w+|crackdown)\b",
    re.I,
)
_POLICE_RE = re.compile(r"\b(?:" + "|".join(sorted(POLICE_NOUNS, key=len, reverse=True)) +
                        r"|police officers?|officers|law enforcement|detectives|sheriff\w*|deputies)\b", re.I)
_WAR_EXCHANGE = re.compile(r"\b(?:prisoners? (?:swap|exchange)s?|exchanged (?:prisoners|detainees|bodies|captives)|"
                           r"prisoners of war)\b", re.I)
_RIOT_TRIGGER = re.compile(r"\b(?:violent (?:protests?|demonstrations?|clashes)|rioted|rioting)\b", re.I)
#: Who an arrest codable by ACLED is of: political, protest and armed-group figures ("an opposition activist has
#: been detained"); an arrest of anyone else needs another conflict setting.
_POLITICAL_DETAINEE_RE = re.compile(
    r"\b(?:activists?|opposition|dissidents?|journalists?|bloggers?|politicians?|lawmakers?|(?:party|union|"
    r"student|opposition|rebel|separatist) leaders?|protesters?|demonstrators?|protest\w*|espionage|spies|spy|"
    r"treason|sedition|militants?|insurgents?|rebels?|jihadists?|terror\w*|extremists?)\b"
    # mass arrests ("about 4,000 people", "hundreds of youths"): a crackdown, whoever the detainees are
    r"|\b(?:hundreds|thousands|\d{1,3}(?:,\d{3})+|\d{3,})\s+(?:of\s+)?(?:people|individuals|persons|residents|youths|"
    r"supporters|men)\b",
    re.I,
)


def political_detainee(text: str) -> bool:
    """The text names a detainee ACLED codes arrests of: a political, protest or armed-group figure."""
    return _POLITICAL_DETAINEE_RE.search(text) is not None


def paragraph_bounds(body: str, start: int, end: int) -> tuple[int, int]:
    """The line (paragraph) of ``body`` holding ``[start, end)``, and the previous non-blank one when
    the paragraph is a single short sentence (wire copy splits one story into one-sentence paragraphs)."""
    a = body.rfind("\n", 0, start) + 1
    b = body.find("\n", end)
    b = len(body) if b < 0 else b
    if b - a < 300:
        prev = body[:a].rstrip()
        p0 = prev.rfind("\n") + 1
        if prev and len(prev) - p0 < 1500:
            a = p0
    return a, b


def has_conflict_context(body: str, sent_start: int, sent_end: int, trigger: tuple[int, int],
                         entities: list[Entity] | None = None, kind: str | None = None) -> bool:
    """True when the sentence ``body[sent_start:sent_end]`` or its paragraph holds evidence of a conflict
    setting besides the trigger ``body[trigger[0]:trigger[1]]`` (see the module docstring).

    ``kind``: the ACLED event type (or "Arrests") the trigger codes; a protest or riot trigger also counts
    the words of a street demonstration (:data:`_PROTEST_SETTING_RE`), an arrest its political detainee."""
    a, b = paragraph_bounds(body, sent_start, sent_end)
    t0, t1 = trigger
    trig = body[t0:t1]
    if _WEAPON_RE.search(trig) or _CASUALTY_RE.search(trig):
        return True
    if _RIOT_TRIGGER.search(trig) or _WAR_EXCHANGE.search(trig):
        # "violent protests erupted", "students rioted": a riot is its own setting; "exchanged prisoners",
        # "a prisoner swap": an exchange between warring sides is one too
        return True
    doer = _ACTOR_RE.search(trig) or _SETTING_RE.search(trig)
    if doer and trig[doer.end():].strip():
        return True  # a two-part trigger led by its doer or setting ("gunmen ... opened fire", "protests ... torched")
    # blank the trigger (same length: offsets of the rest stay put)
    text = body[a:t0] + " " * (t1 - t0) + body[t1:b] if a <= t0 and t1 <= b else body[a:b]
    if kind == "Arrests":
        # the police making an arrest is no conflict setting of its own (every police blotter has one)
        text = _POLICE_RE.sub(lambda m: " " * len(m.group(0)), text)
    if any(rx.search(text) for rx in _EVIDENCE):
        return True
    if kind in ("Protests", "Riots") and _PROTEST_SETTING_RE.search(text):
        return True
    if kind == "Arrests" and _POLITICAL_DETAINEE_RE.search(body[sent_start:sent_end]):
        return True  # the detainee of this sentence (a party member in the paragraph is not the one arrested)
    return any(e.label in ("ARMED_ACTOR", "MILITARY_UNIT") and a <= e.start and e.end <= b
               and not (t0 <= e.start < t1) for e in entities or [])


_OPPONENT_NOUNS = FORCE_NOUNS | ARMED_GROUP_NOUNS | POLICE_NOUNS | frozenset(
    "enemy enemies invaders occupiers raiders intruders regime government guards attackers side".split())


def figurative_fight(trigger: Token) -> bool:
    """ "fought redlining", "battled cancer", "fights poverty": a fight verb whose direct object is neither a named
    group/person/place nor a force or armed-group noun."""
    if trigger.lemma_.lower() not in ("fight", "battle", "combat", "clash"):
        return False
    obj = next((c for c in trigger.children if c.dep_ == "dobj"), None)
    if obj is None:
        return False
    return obj.ent_type_ not in ("PERSON", "ORG", "NORP", "GPE", "LOC") and obj.lower_ not in _OPPONENT_NOUNS \
        and obj.lemma_.lower() not in _OPPONENT_NOUNS
