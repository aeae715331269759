"""Conflict events (ACLED taxonomy) from sentences: triggers, actors, place, time, casualties.

Per sentence that passed the relevance gate:

1. Trigger: the first rule of :data:`RULES` (ordered most specific first) whose pattern matches
   gives the sub-event type; its event type comes from ``ACLED_TAXONOMY``.
2. Salience: the trigger must describe an event that happened: not negated, not future or
   hypothetical ("will", "could commence", "plans to", "if"), not a question, not a photo caption
   ("... (AFP)"), not background ("was already the scene of", "comes a week after", "since a
   January 5 report", a month before the article's: "in November 2023", "in April").
3. Actors from the parse around the trigger: subject / passive agent / nationality modifier
   ("Israeli strike") → actor1, object or "on/against X" → actor2, "alongside X" → assoc_actor1,
   "blaming X" → actor1; weapons ("Iskander-M missiles") are never actors. Names are kept as
   written here; :mod:`sitrep.resolve.actors` canonicalises them.
4. Place: the most specific GPE/LOC/FAC of the sentence (a town before a region before a
   country; not a reference point "west of X", not "Moscow denies"), else the last place of the
   previous two sentences. Never the dateline or an outlet's name; the dateline place only as a
   last resort when the article names it again in its body (:func:`excluded_place_spans`).
5. Time: the temporal expression as written ("on Sunday"), not the dateline's date, not the day
   a statement was made ("said on Wednesday"), not a toll update's.
6. Casualties: :mod:`sitrep.extract.casualties` (updates replace, superseded figures do not).
7. A sentence with casualties but no trigger of its own continues the previous event (within two
   sentences); drafts merge per :mod:`sitrep.extract.merge`.
8. Status from the supporting claims (claims whose evidence overlaps): disputed >
   unconfirmed > confirmed > reported; a denial that supports no event disputes the event it
   talks about (:func:`_link_denials`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sitrep.extract.casualties import casualties as casualties  # re-exported: public since round 1
from sitrep.extract.casualties import casualty_figures
from sitrep.extract.context import figurative_fight, has_conflict_context
from sitrep.extract.datelines import _dateline_place
from sitrep.extract.datelines import excluded_place_spans as excluded_place_spans  # re-exported: public
from sitrep.extract.event_actors import _actors
from sitrep.extract.event_kinds import (
    _ARRESTING_FORCE,
    _CROWD_NOUNS,
    _LOOTING_CROWD,
    _ORDINARY_CRIME,
    _PLAIN_DESTRUCTION,
    _POLITICAL_ARREST,
    _crowd_protesting,
    _handed_people,
    _means_used,
    _verbal_protest,
    agreement_parties,
    disrupted_sides,
    named_group,
    protest_held,
    reported_without_doer,
    state_doer,
    targeted_group,
)
from sitrep.extract.event_places import OF_THE_CITY, actor_names_of, event_place, followed_by
from sitrep.extract.lexicon import (
    country_of,
    demonym_table,
    find_country_mention,
)
from sitrep.extract.merge import _TERRITORY, _Draft, _merge
from sitrep.extract.nlp import doc_text, span_text
from sitrep.extract.regex_gate import folded, may_match, required_words
from sitrep.extract.territory import territory_kind as territory_kind  # re-exported: public since round 1
from sitrep.models import SUB_EVENT_TO_TYPE, Article, Claim, Entity, Event, EventStatus, Location, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan


def _r(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


#: (sub-event type, trigger pattern) in priority order: the first match wins.
RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("Chemical weapon", _r(r"\b(chemical (weapon|attack|munition)s?|chlorine|sarin|nerve agent|mustard gas|toxic gas|poison(ous)? gas|asphyxia\w*)\b")),
    ("Disrupted weapons use", _r(r"\b(intercept(ed|s|ing)?|shot down|defus(ed|ing)|dismantl(ed|ing)|(seiz|confiscat|recover|discover|found|unearth|destroy)\w*\b.{0,80}\b(weapons|arms|ammunition|explosives|firearms|rifles|guns|pistols|caches?|stash|stockpiles?|ieds|improvised explosive|landmines|rockets|missiles|grenades|mortars|mortar (rounds|shells)|detonators|bullets|cartridges|munitions|drones|uavs)|(arms|weapons|ammunition|explosives?) (cache|stash|depot)s?\b.{0,40}\b(found|seized|discovered|destroyed)|(cache|stash|haul|consignment) of ([\w-]+ ){0,2}(arms|weapons|firearms|rifles|guns|pistols|ammunition|explosives|grenades|bullets|rockets|mortars)|(weapons|explosive devices|ieds|bombs|mines|pistols|guns|rifles|firearms|arms|ammunition|explosives|grenades|detonators|bullets|cartridges)\b.{0,40}\b(were |was |have been )?(found|discovered|seized|recovered|defused|cleared|confiscated|unearthed)|(weapons|pistols|guns|firearms|rifles|ammunition|explosives) ([\w,]+ ){0,4}(were|was|have been|had been) captured)\b")),
    ("Excessive force against protesters", _r(r"\b(protesters?|demonstrators?|protestors?)\b.{0,60}\b(shot dead|killed|opened fire|live ammunition|live fire|live (bullets|rounds)|violently (suppressed|dispersed))\b|\b(used|using|with) excessive force\b.{0,60}\b(protest|demonstrat|rall(y|ies)|crowds?)\w*|\b(killed|shot dead|died)\b.{0,80}\b(protest|demonstration|rally)\w*\b.{0,80}\b(security forces|police|troops|soldiers)\b|\bviolently (suppressed|dispersed|crushed)\b.{0,40}\bprotest|\b(shot|killed|opened fire on)\b.{0,40}\b(protesters|demonstrators|protestors)\b")),
    ("Mob violence", _r(r"\b(lynch\w*|vigilantes?|mob (justice|attack\w*|beat\w*|killed|chased|set|burn\w*|lynched)|(a|an angry) mob)\b")),
    ("Violent demonstration", _r(r"\b(riot(?!\s+(?:police|gear|squads?|control|officers?|units?|shields?|act)\b)\w*|(?<!non-)(?<!non )violent (protest|demonstration)\w*|(protesters?|demonstrators?|protestors?|protests?|demonstrations?|marchers|crowds?|students|youths?|thousands|hundreds)\b.{0,100}\b(torched|burn(ed|t|ing)|stoned|threw|throwing|hurled|hurling|pelted|petrol bombs?|molotov|vandali[sz]\w*|set fire|smashed|ablaze|blaze|firecrackers|pelting|pelted|blocked roads with burning|clash(ed|es)?|attacked)|clash(ed|es)? (with|between) (the )?(protesters|demonstrators|protestors)|(protests?|demonstrations?|rall(y|ies)|unrest)\b.{0,80}\b(marred by violence|turned violent|violence (erupted|broke out|boil\w*)|scuffles?)|scuffles? (broke out|with|between)|aggressive (protests?|demonstrations?)|clash(ed|ing|es)?\b.{0,25}\bwith\b.{0,30}\b(protesters|demonstrators|protestors))\b")),
    ("Protest with intervention", _r(r"\b(protest|demonstrat|rally|rallies|march|sit-in|crowd)\w*\b.{0,100}\b(tear ?gas|pepper[- ]spray\w*|dispers\w+|water cannons?|rubber bullets|baton\w*|arrested|detained|police (\w+ ){0,2}(fired|used|detained|arrested|dispersed|intervened|moved in|charged|clashed|blocked|cleared|removed|dragged|beat)|suppress\w*|broke up|break up|crack(ed)? down)\b|\b(police|security forces|officers|troops)\b.{0,40}\b(detain\w*|arrest\w*)\b.{0,60}\b(protest\w*|demonstrat\w*|rall(y|ies)|march\w*)|\b(police|security forces|officers)\b.{0,60}\b(dispers\w+|tear-?gass\w*|pepper[- ]spray\w*|baton[- ]charg\w*|suppress\w*|broke up|break up|crack(ed)? down on)\b|\b(police|security forces|forces|troops|soldiers|officers|authorities)\b.{0,60}\b(fired|used|sprayed|lobbed|threw)\b.{0,40}\b(tear ?gas|water cannons?|rubber bullets|pepper[- ]spray|stun grenades|smoke grenades)\b|\b(forces|troops|soldiers|authorities)\b.{0,20}\b(suppressed|dispersed|broke up)\b.{0,40}\b(protest|demonstrat|rall(y|ies)|march|sit-in|crowd)\w*|\b(arrested|detained|dispersed)\b.{0,60}\b(during|while|at)\b.{0,30}\b(protest|demonstrat|rall(y|ies)|march|sit-in)\w*")),
    ("Suicide bomb", _r(r"\bsuicide (bomb\w*|attack\w*|car bomb|vest|blast|attacker|truck)\b|\bblew (himself|herself|themselves) up\b|\bsvbied\b|\bexplosives?[- ]laden (vehicle|car|truck)\b")),
    ("Air/drone strike", _r(r"\b(air ?strikes?|air raids?|airstrikes?|(aerial|glide|guided|gliding) (aerial )?bombs?|dropped\b.{0,40}\bbombs|drones?\b.{0,25}\b(struck|hit|attacked|targeted)|drone (strikes?|attacks?|hits?|footage shows)|suicide drones?|kamikaze drones?|(fpv|attack|armed) drones?|uavs?\b.{0,30}\b(struck|hit|attacked)|warplanes?|fighter jets?|helicopter gunships?|bombed from the air|aerial (bombardment|attack|strike)s?|struck by (a |an )?(drone|aircraft|warplane)|(aircraft|jets|warplanes|planes|helicopters?|choppers)\b.{0,20}\b(struck|hit|bombed|targeted|attacked|pounded|fired|destroyed)|raids? by\b.{0,30}\b(choppers|helicopters|jets|warplanes|aircraft)|strikes? (by|from) (cluster munitions|aircraft|drones?))\b")),
    ("Grenade", _r(r"\bgrenades?\b")),
    ("Remote explosive/landmine/IED", _r(r"\b(ieds?|improvised explosive|roadside bombs?|landmines?|land mines?|car bomb\w*|bomb (exploded|went off|blast)|explosive devices?|mine explosion|stepped on a mine|booby[- ]trap\w*|(vehicle|car|bus|truck) hit a mine)\b")),
    ("Shelling/artillery/missile attack", _r(r"\b(shell(ing|ed|s)|artillery|missiles?|rockets?|mortars?|projectiles?|mlrs|grad|ballistic|cruise missile|howitzers?|multiple rocket|barrage|bombard(ed|ment))\b")),
    ("Remote explosive/landmine/IED", _r(r"\b(blasts?|explosions?|exploded|explosives?|detonat\w+|bomb(s|ing|ings|ed)?)\b")),
    ("Sexual violence", _r(r"\b(rap(e|ed|es|ing)|rapists?|sexual(ly)? (violence|assault\w*|abuse\w*|exploit\w*)|abused (women|girls))\b")),
    ("Abduction/forced disappearance", _r(r"\b(abduct\w*|kidnap\w*|taken hostage|took\b.{0,20}\bhostage|forcibly disappeared|seized\b.{0,30}\bhostages?)\b")),
    ("Government regains territory", _r(r"\b((recover(ed|s|ing)?|restor(ed|es|ing)|re-?establish(ed|es|ing)|establish(ed|es|ing)) (full )?control|freed\b.{0,40}\bfrom|drove (back|out)|cleared\b.{0,40}\bof|expelled\b.{0,40}\bfrom|recaptur\w*|retak(e|en|es|ing)|retook|regain\w*( control)?|liberat(ed|es|ing|e)|won back|pushed (back )?out|pushed\b.{0,40}\bback from)\b")),
    ("Non-state actor overtakes territory", _r(r"\b(captur(ed|es|ing|e)|seiz(ed|es|ing|e)( control)?|overr(an|un|unning)|took (control|over)|tak(en|ing|e)( full)? control|(stormed|storm|storming) and (took|taken|captured|seized)|(now |were |was |are |is |in |under |gained |full )+control (of|over)|took\s+(the\s+)?(village|town|city|settlement|area)?\s*(?-i:[A-Z])\w+|tak(en|ing)\s+(the\s+)?(village|town|city|settlement)|tak(en|ing) over|gain(ed|ing) ground|fell to|fallen to)\b")),
    ("Peaceful protest", _r(r"\b(protest(ed|ers|ors|s|ing)?|demonstrations?(?! of)|demonstrators|rall(y|ied|ies)|marched|sit-in|strike action|took to the streets)\b")),
    ("Shelling/artillery/missile attack", _r(r"\b(?<!hunger )(?<!general )(?<!labor )(?<!labour )(strikes?|struck)\b(?! action)")),
    ("Agreement", _r(r"\b(ceasefire|cease-fire|truce|peace (deal|agreement|accord|talks)|signed an? (agreement|deal|accord|memorandum)|prisoner (swap|exchange)s?|exchanged (prisoners|detainees|bodies)|reached an? (agreement|deal)|agreed to|agreement (with|between|to)|surrender(ed|s)?( to)?|laid down (their )?arms)\b")),
    ("Attack", _r(r"\b(gunmen|gunman|attackers|assailants|militants|bandits|gangs?|armed men)\b.{0,60}\b(killed|shot|attacked|opened fire|massacred|executed|stormed|raided)\b|\b(massacr\w*|execut(ed|ion)s?|shot dead|gunned down|opened fire on (civilians|residents|worshippers|villagers|people)|stabbed|hacked to death|burned alive)\b")),
    ("Armed clash", _r(r"\b(clash(ed|es)?|fight(ing|s)?|fought|battl(e|es|ed|ing)|gun ?battles?|firefights?|exchange(d)? (of )?fire|fire ?exchange|exchanged (gun)?fire|engaged (in )?(a )?(gun|fire|battle)\w*|gunfight\w*|shoot-?outs?|set upon|(cross-border|heavy|small[- ]arms|intense) firing|skirmish\w*|ambush\w*|combat operations|repelled|repulsed|offensive|assaults?|attacked\b.{0,40}\b(post|base|checkpoint|positions?|convoy|patrol|camp|soldiers|troops)|storm(ed|ing)|counter-?attack\w*)\b")),
    ("Armed clash", _r(r"\b(army|troops|soldiers|forces|military|police)\b.{0,40}\b(killed|wounded|opened fire|engaged|fired on|neutrali[sz]ed|eliminated)\b.{0,60}\b(terrorists|militants|rebels|insurgents|fighters|jihadists|gunmen|bandits|attackers)\b")),
    ("Armed clash", _r(r"\b(attack(ed|s)?|targeted|raid(ed|s)?|stormed)\b.{0,60}\b(soldiers|troops|army|military|post|base|checkpoint|check post|detachment|convoy|patrol|positions?|police station|barracks)\b|\b(soldiers|troops|servicemen|security personnel|security forces|policemen|police officers)\b.{0,40}\b(killed|martyred|died|wounded)\b.{0,40}\battack")),
    ("Attack", _r(r"\b(attack(ed|s)?|raid(ed|s)?|targeted)\b.{0,60}\b(civilians|villagers|residents|worshippers|people|village|market|church|mosque|school|neighbou?rhoods?)\b|\b(civilians|villagers|residents|people)\b.{0,40}\b(killed|massacred|shot)\b")),
    ("Arrests", _r(r"\b(arrest(ed|s)?|detain(ed|s)?|apprehended|taken into custody|rounded up)\b")),
    ("Looting/property destruction", _r(r"\b((shops|homes|houses|vehicles|cars|property|properties|buildings|stores)\b.{0,30}\b(burned|burnt|torched|looted|set on fire|set ablaze|vandali[sz]ed)|loot(ed|ing)|ransack\w*|torch(ed|ing)|set (on )?fire to|burn(ed|t) down|vandali[sz]\w*|destroyed (homes|houses|property|shops))\b")),
    ("Disrupted weapons use", _r(r"\b(intercept(ed|s)?|shot down|defus(ed|ing)|dismantled (an? )?(bomb|ied|explosive)|seized (weapons|arms|ammunition|explosives))\b")),
    ("Headquarters or base established", _r(r"\b(establish\w*|set up|opened|built|set-up|created)\b.{0,60}\b(base|bases|headquarters|outposts?|observation points?|military posts?|camps?|checkpoints?|positions|barracks|garrisons?)\b|\b(base|bases|headquarters|outposts?|observation (point|post)s?|points?)\b (was|were|has been|have been) (established|set up|built|opened|created)\b")),
    ("Non-violent transfer of territory", _r(r"\b(evacuation (deal|agreement)|(withdr(ew|awn|awal|aw|awing)|pulled out|retreated|handed|hand over|handover|evacuated)\b.{0,50}\b(from|control|authority|over)|handed over|took over (control )?(without|peacefully)|(forces|troops|fighters|militants|army|soldiers) (had |have )?(withdrew|withdrawn|pulled out|retreated)|entered (\w+ ){0,3}without (a |any )?(fight|fighting|resistance|clashes))\b")),
    ("Change to group/activity", _r(r"\b(defect(ed|ion|ions|s)?|mutin(y|ied|ous)|merg(ed|er) with|pledged allegiance|disband\w*|new (leader|commander)|appointed\b.{0,30}\b(leader|commander)|split from|formed a new|recruit(ed|ing|ment)|(burned|destroyed|torched) (drugs|narcotics|crops)|relocat\w+|reinforcements|reinforc(ed|ing) (their |its |the )?(troops|forces|positions|units|presence|defen[cs]es)|dispatch(ed|es)|pull(ed|s|ing)? back|redeploy\w*|mobili[sz]\w*)\b")),
    ("Looting/property destruction", _r(r"\b(destruction of|destroyed|demolish\w*|damag(ed|ing) (property|homes|houses|shops|vehicles|buildings))\b")),
    ("Other", _r(r"\b(arrived in|deployed (to|in)|deployment|training exercises|begun training|begun coordination|stationed in|troop build-?up)\b")),
)

_CASUALTY_ONLY = _r(r"\b(kill(ed|ing|s)?|dead|died|deaths?|death toll|wound(ed|ing|s)?|injur(ed|ing|ies|y)|casualties|lost their lives)\b")
_NON_EVENT = _r(
    r"\b(will|would|could|might|may|shall|plans? to|planning to|intends? to|threaten\w*|warn(ed|s)? (of|that)|"
    r"vow\w*|expected to|likely to|ready to|prepar\w+ to|if|unless|whether|fear(s|ed)? (of|that)|called for|calls for)\s*$"
)
_HYPOTHETICAL = _r(r"\b(if|unless|whether|in case|fears? of|aims? to|in order to)\b")
#: Photo captions and general statements restate or generalise; they are not event reports on their own.
_CAPTION = _r(r"\b(picture|photo|image|screenshot|file photo)\b.{0,40}\b(taken|shows?|showing)\b|^(a|an) (man|woman|boy|girl|child|"
              r"resident|soldier|relative)s? (looks?|walks?|stands?|inspects?|mourns?|sits?|carries|holds?)\b|"
              r"\b(looks (at|through)|walks (past|through)|mourn(s|ing)? (at|over|near))\b|"
              r"[(\[]\s*(afp|ap|reuters|getty|epa|anadolu|xinhua|file|photo|ap photo|afp photo)\b[^)\]]{0,40}[)\]]\s*$")
_CAPTION_CREDIT = _r(r"\s*[(\[]\s*(afp|ap|reuters|getty|epa|anadolu|xinhua|file|photo|ap photo|afp photo|source:)[^)\]\n]{0,60}[)\]]\s*($|\n)")
_GENERIC = _r(r"\b(regularly|constantly|frequently|routinely|repeatedly|every day|on a daily basis|are subject to|is subject to|"
              r"(come|came) under (near-daily|daily|regular|frequent|constant|repeated|nightly|almost daily)|"
              r"(almost|nearly|near-) ?daily|(are|is|were|was) (often |regularly )?subjected to|"
              r"so far (this|in) (year|month)|since the (start|beginning) of the (year|war|conflict)|this year alone|"
              r"since the (start|beginning|launch|outbreak)( in \w+)? of (the )?(operation|offensive|campaign|war)|"
              r"since the (launch|start) in \w+ of operation)\b")
_MODALS = frozenset("will would could might may shall should can must".split())
_BACKGROUND = _r(
    r"\b(first reported|since (the start|the beginning)|in recent (years|months)|have been (fighting|waging)|"
    r"(have|has) (launched|carried out|conducted|staged) [\w ]{0,30}since|campaign (in|since)|"
    r"since (january|february|march|april|may|june|july|august|september|october|november|december|\d{4}|last year)|"
    r"(was|were|has been|had been|have been) (already |also |previously |once )?(the )?(scene|site|target) of|"
    r"(have|has|had) since\b|had previously|(that|which) (began|started|erupted|broke out) (on|in|last)|"
    r"in the (past|last) (few )?(years|decades|months)|(has|have|had) been the (focus|centre|center) of)\b"
)
#: The trigger sits in a clause about an earlier event: "comes a week after X announced a truce",
#: "since a January 5 report of six deaths", "the deadliest since ...".
_EARLIER_CLAUSE = _r(r"(\b(comes?|came|coming)\b[^.;]{0,40}\bafter\b|\b(years?|months?|decades?|weeks?) (after|since)\b|\bsince\s+(a|an|the|its|their|\w+ \d{1,2})\b)[^;]{0,80}$")
#: Unorganised civilians fighting each other ("villagers clashed", "rival groups of youths clashed").
_CIVILIAN_CLASH = _r(r"\b(villagers|residents|youths|locals|supporters|students|traders|farmers|herders|neighbours|"
                     r"neighbors|groups? of (people|youths|residents|men))\b[^.;]{0,40}\bclash(ed|es)?\b")
#: An organised or armed party in the sentence: then a clash is an armed clash.
_ARMED_CLASH_PARTY = _r(r"\b(soldiers|troops|army|military|police|forces|militants?|militia\w*|rebels?|insurgents?|"
                        r"gunmen|fighters|jihadists?|terrorists?|bandits|gangs?|guns?|gunfire|rifles?|firearms?|"
                        r"shot|shooting|opened fire)\b")


def _context_kind(sub: str) -> str:
    """The kind :func:`has_conflict_context` weighs evidence for: looting and arson count a riot's setting."""
    if sub == "Arrests":
        return sub
    return "Riots" if sub == "Looting/property destruction" else SUB_EVENT_TO_TYPE[sub]


_DOWNED = _r(r"\b(helicopters?|aircraft|jets?|planes?|warplanes?|drones?|uavs?|missiles?|rockets?|shells?|projectiles?)$")
_INTERCEPTION = _r(r"intercept|shot down")
_SALVO_KINDS = ("Shelling/artillery/missile attack", "Air/drone strike", "Remote explosive/landmine/IED")
_VIOLENT_KINDS = (*_SALVO_KINDS, "Armed clash", "Attack", "Suicide bomb", "Grenade")
#: The trigger word followed by "N years ago" / "decades ago" (within three words).
_YEARS_AGO = _r(r"[\w-]+(?:\s+[\w,-]+){0,3}?\s+(?:years|decades)\s+ago\b")
_MONTHS = ("january february march april may june july august september october november december").split()
#: A month of an explicit year ("in November 2023"), to compare with the publication date.
_MONTH_YEAR = _r(r"\b(?:in|since|during|of)\s+(?:early |late |mid-)?(january|february|march|april|may|june|july|august|september|"
                 r"october|november|december),?\s+(\d{4})\b|\bin\s+(\d{4})\b|"
                 r"\bin\s+(?:early |late |mid-)?(january|february|march|april|may|june|july|august|september|october|"
                 r"november|december)\b(?!\s+\d)")
_DATE_RE = _r(
    r"\b(overnight|last night|this morning|this weekend|over the weekend|last weekend|early (on )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"(on |last |this |late |early )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)( morning| night| evening| afternoon)?|"
    r"(on )?(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.? ?\d{1,2}(st|nd|rd|th)?(,? \d{4})?|"
    r"(on )?(january|february|march|april|may|june|july|august|september|october|november|december) \d{1,2}(st|nd|rd|th)?(,? \d{4})?|"
    r"(on )?\d{1,2} (january|february|march|april|may|june|july|august|september|october|november|december)( \d{4})?|"
    r"today|yesterday|last week|earlier this week|this week|last month|earlier this month|"
    r"in (january|february|march|april|may|june|july|august|september|october|november|december)(,? \d{4})?)\b"
)


_AGREEMENT_BROKEN = _r(r"\b(despite|violat\w*|broke|breach\w*|collapse\w*|end(ed)? (of )?)\s+(a |the |an )?(\w+ )?(ceasefire|truce|agreement)")


_MILITARY_TARGET = _r(r"\b(soldiers|troops|army|military|security forces|servicemen|checkpoints?|base|barracks|"
                      r"police (station|post)s?|outposts?|convoy|patrol)\b")


_TERRITORY_WORDS = _r(r"\b(territor\w*|control|authority|town|city|village|area|region|province|district|base|"
                      r"positions?|posts?|checkpoints?|airport|port|border|crossing|zone|enclave|strip|sector)\b")
_ARMED_NOT_CROWD = _r(r"\b(fighters|militants|jihadists|gunmen|troops|soldiers|rebels|insurgents|attackers|assailants)\b")
#: Protest kinds where a state force intervenes: ACLED codes the protesters as actor1, the force as actor2.
_INTERVENED = frozenset({"Protest with intervention", "Excessive force against protesters"})
_INTERVENING_FORCE = _r(r"\b(police|security forces|troops|soldiers|army|officers|gendarm\w*|forces|military|guards?)\b")
_CROWD = _r(r"\b(protest\w*|demonstrat\w*|riot\w*|rall(y|ies)|crowds?|mobs?|students|youths?|marchers)\b")


def _rule_applies(name: str, text: str, m: re.Match[str] | None = None) -> bool:
    if name == "Agreement" and _AGREEMENT_BROKEN.search(text):
        return False
    if name == "Armed clash" and m is not None and re.search(r"\bwithout (a |any )?$", text[max(0, m.start() - 12) : m.start()], re.I):
        return False  # "entered without a fight"
    if name == "Disrupted weapons use" and re.search(r"\b(warplanes?|jets|air ?strikes?|airstrikes?|aircraft|choppers|"
                                                     r"helicopters?)\b", text, re.I) \
            and not re.search(r"\b(intercept\w*|shot down|defus\w*)\b", text, re.I):
        return False  # "warplanes destroyed an arms depot": an air strike
    if name == "Non-violent transfer of territory" and m is not None and m.group(0).lower().startswith("hand") \
            and not _TERRITORY_WORDS.search(text):
        return False  # "were handed over to US forces": hostages or detainees, not territory
    if name == "Violent demonstration" and _ARMED_NOT_CROWD.search(text) and not _CROWD.search(text):
        return False  # "hundreds of fighters attacked ...": an armed assault, not a riot
    if name == "Attack" and m is not None and m.group(0).lower().startswith(("gunm", "attacker", "assailant",
                                                                             "militant", "bandit", "gang", "armed men")):
        return not _MILITARY_TARGET.search(text)  # gunmen attacking soldiers is a clash, not violence against civilians
    return True


#: Per rule, the words its pattern cannot match without (:mod:`sitrep.extract.regex_gate`): a sentence is
#: searched only with the rules whose words it holds, which gives the same first match, faster.
_RULE_WORDS = tuple(required_words(rx) for _, rx in RULES)


def _first_rule(text: str) -> tuple[str, re.Match[str]] | None:
    """The first rule of :data:`RULES` (name, match) that matches ``text`` and applies."""
    low = folded(text)
    for (name, rx), words in zip(RULES, _RULE_WORDS, strict=True):
        if not may_match(words, low):
            continue
        m = rx.search(text)
        if m and _rule_applies(name, text, m):
            return name, m
    return None


def classify_sub_event(text: str) -> str | None:
    """The ACLED sub-event type whose trigger rule matches ``text`` first (no parse, no salience check)."""
    found = _first_rule(text)
    if found is None:
        return None
    return _refined(*found, text=text)


def _refined(name: str, m: re.Match[str], text: str) -> str:
    """The rule's sub-type, refined by the sentence: which side changed territory; civilians clashing is a riot."""
    if name in _TERRITORY:
        return territory_kind(text, m.start())
    if name == "Armed clash" and _CIVILIAN_CLASH.search(text) and not _ARMED_CLASH_PARTY.search(text):
        return "Mob violence"  # "villagers clashed using sticks": no organised armed party, a riot (ACLED)
    return name


def _sent_span(sent: SpacySpan) -> Span:
    text = span_text(sent)
    lead = len(text) - len(text.lstrip())
    text = text.strip()
    return Span(text=text, start=sent.start_char + lead, end=sent.start_char + lead + len(text))


def _token_at(sent: SpacySpan, char: int) -> Token | None:
    for tok in sent:
        if tok.idx <= char < tok.idx + len(tok.text) + 1:
            return tok
    return None


#: Triggers that name violence unambiguously (a grenade, an IED, a suicide bomber, an air strike, a kidnapping,
#: rape; never "bomb" or "exploded", which tests and accidents share): a report of one with its place and day is
#: an event even when the doer is unnamed.
_UNAMBIGUOUS = _r(r"\b(ieds?|improvised|landmines?|roadside|car bomb|booby|explosive devices?|grenades?|suicide|"
                  r"air ?strikes?|airstrikes?|drone strikes?|kidnap\w*|abduct\w*|rap(e|ed)|sexual\w*|chemical|chlorine|"
                  r"sarin)\b")
#: A year in a date expression ("April 12, 1986", "in 1014"); never a clock time ("at 1800 GMT", "0800 hours").
_YEAR_IN_DATE = re.compile(r"(?<!at )\b(1\d{3}|20\d\d)\b(?!\s*(?:gmt|utc|hrs?\b|hours|local|h\b|am\b|pm\b))", re.I)
_PROTECTION_WORDS = frozenset("protection protect shield insurance immunity shelter safeguard guarantee".split())


def _is_salient(sent: SpacySpan, trigger: Token | None, match_start: int) -> bool:
    """False for negated, future, hypothetical or question sentences."""
    text = span_text(sent).strip()
    if text.endswith("?"):
        return False
    prefix = doc_text(sent.doc)[sent.start_char : match_start]
    if _NON_EVENT.search(prefix[-40:]) or _HYPOTHETICAL.search(prefix[-30:]):
        return False
    if _YEARS_AGO.match(doc_text(sent.doc), match_start):
        return False  # "led demonstrations five years ago": history, not a report
    after = doc_text(sent.doc)[sent.end_char : sent.end_char + 60]
    if _CAPTION_CREDIT.match(after) or _CAPTION_CREDIT.search(text):
        return False  # a photo caption: "... on Jan. 22, 2024. (AFP)"
    if _CAPTION.search(text) or _GENERIC.search(text) or is_headline(text) or _EARLIER_CLAUSE.search(prefix[-160:]):
        return False
    if trigger is None:
        return True
    if trigger.dep_ in ("compound", "amod") and trigger.pos_ == "NOUN":
        return False  # "battle cohesion", "missile production"
    if trigger.dep_ == "nsubj" and trigger.head.lemma_ == "be" and trigger.head.tag_ in ("VBZ", "VBP") \
            and any(c.dep_ in ("attr", "acomp") for c in trigger.head.children):
        return False  # "the street battles are an existential threat": a judgement in the present, not a report
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "against" and any(
            t.lemma_.lower() in _PROTECTION_WORDS for t in sent.doc[max(sent.start, trigger.head.i - 5) : trigger.head.i]):
        return False  # "a modicum of protection against Russian airstrikes": what is feared, not what happened
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "by" and trigger.head.head.lemma_.lower() in (
            "support", "back", "aid", "assist", "cover", "accompany"):
        return False  # "ground troops supported by air strikes": a modifier of the main action
    if figurative_fight(trigger):
        return False  # "fought redlining", "battled cancer": the object is not an opponent
    if trigger.lower_ in ("battle", "combat", "fight", "fighting") and trigger.i > 0 and trigger.nbor(-1).lower_ == "in":
        return False  # "killed in battle", "identified in combat": generic
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    if trigger.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children) \
            and not any(c.lower_ == "have" for c in trigger.children) and not _means_used(trigger):
        return False  # "joined the army to fight X": a purpose, not an event
    for tok in (trigger, verb):
        for c in tok.children:
            if c.dep_ == "neg" or c.lower_ in ("no", "never"):
                return False
            if c.dep_ in ("aux", "auxpass") and c.lower_ in _MODALS:
                # "may have killed" is a hedged past event; "will strike" is not an event yet
                if not any(x.lower_ == "have" for x in tok.children if x.dep_ == "aux"):
                    return False
    head = verb
    while head.dep_ in ("xcomp", "ccomp", "conj") and head.head.i != head.i:
        head = head.head
        if head.dep_ != "ROOT" or verb.dep_ == "xcomp":
            if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in head.children) and verb.dep_ == "xcomp":
                return False  # "will continue to fight"
        if head.lemma_.lower() in ("deny", "plan", "threaten", "vow", "want", "intend", "warn", "prepare", "aim"):
            return False
    back = _BACKGROUND.search(text)
    if back and trigger.idx - sent.start_char < back.start() and re.search(
            r",\s+(the|which|where|a|an|once|long)\b[^,]*$", text[trigger.idx - sent.start_char : back.start()]):
        back = None  # "exchanged prisoners near X, the scene of fighting in recent months": about the place, not the event
    return not (back and not re.search(r"\b\d+\b.*\b(killed|dead|wounded)\b", text))


#: Reactions to an event already reported: "the office condemned the strike" names no new event.
_REACTION_VERBS = frozenset("condemn denounce deplore decry criticize criticise welcome mourn investigate "
                            "protest regret lament".split())


_COMMENT_VERBS = frozenset("comment remark".split())  # ("responded to the firing" is a new clash)


def _reacts_to_reported(trigger: Token | None) -> bool:
    """ "The office condemned the strike", "the ministry did not comment on the strike": a reaction to an event
    the article already reported ("the army responded to the firing" is a new clash, not a reaction)."""
    if trigger is None or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")
                                  for c in trigger.children):
        return False
    if trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in _REACTION_VERBS:
        return True
    prep = trigger.head if trigger.dep_ == "pobj" else None
    return prep is not None and prep.lower_ in ("on", "about") and prep.head.lemma_.lower() in _COMMENT_VERBS


def _restates_previous(sent: SpacySpan, trigger: Token | None) -> bool:
    """ "It was the first fatal strike ...", "This was the deadliest attack ...": a copula sentence whose
    subject is a pronoun describes the event just reported, not a new one."""
    if trigger is None or trigger.dep_ != "attr" or trigger.head.lemma_ != "be":
        return False
    subj = next((c for c in trigger.head.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.lower_ in ("it", "this", "that")


#: A relative date in the past that makes a report background ("Last year, a strike on the port killed 8").
_RELATIVE_PAST = _r(r"(?<!since )\b(?:last year|a year ago|(?:\d+|two|three|four|five|six|several|many) years ago|"
                    r"last decade)\b")


def _older_than_article(text: str, after: int, published: str | None) -> bool:
    """The trigger is dated to a month before the article's ("a major attack in November 2023"), or a year
    or more before it whatever the article's date ("Last year, a missile strike on the port killed 8")."""
    if _RELATIVE_PAST.search(text):
        return True
    if not published or len(published) < 7:
        return False
    m = _MONTH_YEAR.search(text[after : after + 120])
    if m is None or re.search(r"\bsince\s*$", text[: after + m.start()]):
        return False
    if m.group(4):  # a bare month: this year's if not after the publication month, else last year's
        return _MONTHS.index(m.group(4).lower()) + 1 != int(published[5:7])
    year = int(m.group(2) or m.group(3))
    month = _MONTHS.index(m.group(1).lower()) + 1 if m.group(1) else 12
    return (year, month) < (int(published[:4]), int(published[5:7]))


def _title_line(sent: SpacySpan, body: str) -> bool:
    """A headline or sub-heading: a line of its own without final punctuation."""
    text = span_text(sent).strip()
    if not text or text.endswith((".", "!", "?", "\"", "”", "'", "’", ")")) or len(text) > 200:
        return False
    end = sent.start_char + len(span_text(sent).rstrip())
    return end >= len(body) or body[end] in "\n\r"


def is_headline(text: str) -> bool:
    """Title-case line without final punctuation: a headline that the body repeats in full."""
    words = re.findall(r"[A-Za-z][\w'-]*", text)
    if len(words) < 4 or text.rstrip().endswith((".", "\"", "”")):
        return False
    small = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "by", "with", "after", "from", "as"}
    caps = sum(1 for w in words if w[0].isupper() or w.lower() in small)
    return caps / len(words) >= 0.9 and sum(1 for w in words if w[0].isupper()) >= len(words) * 0.6


#: A weapon, never an actor: "two Iskander-M missiles", "Kh-101", "Shahed drones".
_WEAPON = re.compile(r"\b[A-Z][A-Za-z]*-(?:[A-Z]{1,3}|\d+)\b(?![a-z])|(?i:\b(missiles?|rockets?|drones?|bombs?|shells?|"
                     r"munitions|mortars?|warheads?|projectiles?|artillery)$)")
#: An actor phrase headed by people ("2,000 ABC-IO fighters"): a hyphenated letter code in it names a group.
_PEOPLE_HEAD = _r(r"\b(fighters|troops|forces|soldiers|militants|rebels|members|militias?|militiamen|army|police|"
                  r"gunmen|insurgents|units?|brigades?|battalions?)$")
_GROUP_CODE = re.compile(r"\b[A-Z]{2,}-[A-Z]{1,3}\b")


def _is_weapon(phrase: str) -> bool:
    """ "Iskander-M missiles", "Su-35 fighters" name weapons; "ABC-IO fighters" (letters only) names a group."""
    return bool(_WEAPON.search(phrase)) and not (_PEOPLE_HEAD.search(phrase) and _GROUP_CODE.search(phrase))


def sentence_actors(sent: SpacySpan, trigger: Token | None, entities: list[Entity]) -> tuple[str | None, str | None, str | None]:
    """(actor1, assoc_actor1, actor2) as written for one sentence and trigger token (public for benchmarks)."""
    return _actors(sent, trigger, entities)


def _entities_by_sentence(sents: list[SpacySpan], entities: list[Entity]) -> list[list[Entity]]:
    """Per sentence, the entities inside it (``start_char <= e.start and e.end <= end_char``) in list order."""
    from bisect import bisect_right

    starts = [s.start_char for s in sents]
    ends = [s.end_char for s in sents]
    out: list[list[Entity]] = [[] for _ in sents]
    for e in entities:
        i = bisect_right(starts, e.start) - 1
        for j in (i - 1, i):  # sentences are disjoint: only an empty entity at a shared edge can sit in two
            if j >= 0 and starts[j] <= e.start and e.end <= ends[j]:
                out[j].append(e)
    return out


_SAID_BEFORE = _r(r"\b(said|says|say|told [\w ]{1,20}|announced|reported|stated|added|wrote|confirmed|claimed|denied|"
                  r"statement|posted)\s+$")


def _date_text(sent: SpacySpan, entities: list[Entity], excluded: list[tuple[int, int]] | None = None) -> str | None:
    """The event's time as written; a date inside the dateline ("KYIV, April 14 (Wire) -") is the filing date."""
    found = [m for m in _DATE_RE.finditer(span_text(sent)) if not any(a <= sent.start_char + m.start() < b for a, b in excluded or [])]
    # "X said on Wednesday that ... on Sunday": the statement's day is not the event's
    own = [m for m in found if not _SAID_BEFORE.search(span_text(sent)[max(0, m.start() - 30) : m.start()])]
    if own or found:
        return (own or found)[0].group(0)
    for e in entities:
        if any(a <= e.start < b for a, b in excluded or []):
            continue
        if e.start >= sent.start_char and e.end <= sent.end_char and e.label in ("DATE", "TIME"):
            if re.search(r"\b(day|week|month|year|night|morning|evening|\d)\b", e.text, re.I) and not re.search(
                r"\b(\d+-(second|minute|hour)|years? old|decades?)\b", e.text, re.I
            ):
                return e.text
    return None


def _supporting(claims: list[Claim], span: Span) -> list[Claim]:
    return [c for c in claims if c.evidence.start < span.end and span.start < c.evidence.end]


def status_from_claims(claims: list[Claim]) -> EventStatus:
    """disputed > unconfirmed > confirmed > reported, from the claims' verification."""
    vs = {c.verification for c in claims}
    if "disputed" in vs:
        return "disputed"
    if "unconfirmed" in vs:
        return "unconfirmed"
    if "confirmed" in vs:
        return "confirmed"
    return "reported"


def find_events(doc: Doc, entities: list[Entity], claims: list[Claim], article: Article) -> list[Event]:
    """Events in ``doc``, merged per sub-type and place, ids "e1", "e2", ... in text order.

    A trigger codes an event only in a conflict context (:func:`sitrep.extract.context.has_conflict_context`)."""
    from sitrep.extract.nlp import relevant_sentence_ids

    if not doc.has_annotation("DEP") or doc.has_extension("sitrep_relevant") and not doc._.sitrep_relevant:
        return []
    allowed = relevant_sentence_ids(doc)
    body = doc_text(doc)
    excluded = excluded_place_spans(body, article)
    drafts: list[_Draft] = []
    reported: set[int] = set()  # evidence starts of triggers that report an occurrence without doer or casualties
    last_loc: tuple[int, Location] | None = None
    sents = list(doc.sents)
    in_sent = _entities_by_sentence(sents, entities)
    actor_names = actor_names_of(entities)
    for si, sent in enumerate(sents):
        if allowed is not None and si not in allowed:
            continue
        text = span_text(sent)
        # the sentence's own entities, in list order: every helper below only reads those
        sent_entities = in_sent[si]
        sub = None
        match = None
        found = _first_rule(text)
        if found is not None:
            name, match = found
            sub = _refined(name, match, text)
        span = _sent_span(sent)
        loc_here = event_place(sent, sent_entities, [], excluded, actor_names)
        if sub is None or match is None:
            figs = casualty_figures(text)
            if (figs.killed is not None or figs.injured is not None) and drafts and si - drafts[-1].sent_idx <= 2:
                d = drafts[-1]  # a casualty sentence continuing the previous event
                d.evidence.append(span)
                d.take_figures(figs)
                d.date_text = d.date_text or (None if figs.update else _date_text(sent, sent_entities, excluded))
                d.sent_idx = si
            if loc_here and loc_here.name:
                last_loc = (si, loc_here)
            continue
        if sub == "Agreement" and re.search(r"\b(?:under|according to)\s+(?:the\s+terms\s+of\s+)?(?:the|a|this|that|its)\s+"
                                            r"(?:\w+\s+){0,2}$", text[: match.start()], re.I):
            continue  # "Under the ceasefire, Hezbollah was to withdraw ...": the terms of an agreement, not one made
        if sub in _TERRITORY and re.search(r"\b(seiz\w*|took|taken|grabbed) power\b|\bcoup\b", text, re.I):
            continue  # a coup is not a territorial change
        if sub == "Arrests" and _ORDINARY_CRIME.search(text) and not _POLITICAL_ARREST.search(text):
            continue  # "was arrested for retail theft": police blotter, not political violence (ACLED codes neither)
        trigger = _token_at(sent, sent.start_char + match.end() - 1)
        if sub == "Peaceful protest" and _verbal_protest(trigger):
            continue  # "X protested that the view revived ...": an objection in words, not a demonstration
        while trigger is not None and trigger.dep_ in ("compound", "amod") and trigger.head.i != trigger.i \
                and trigger.head.pos_ in ("NOUN", "PROPN"):
            trigger = trigger.head  # "suicide drone attacks" → "attacks"
        if not _is_salient(sent, trigger, sent.start_char + match.start()):
            if loc_here and loc_here.name:
                last_loc = (si, loc_here)
            continue
        crowd = _crowd_protesting(sub, trigger) or sub == "Peaceful protest" and protest_held(trigger)
        if not crowd and not (sub == "Looting/property destruction" and _PLAIN_DESTRUCTION.search(
                text)) and not has_conflict_context(
                body, sent.start_char, sent.end_char, (sent.start_char + match.start(), sent.start_char + match.end()),
                entities, _context_kind(sub)):
            continue  # "seized on an idea", "a battle of wits": no actor, weapon, casualty or conflict setting
        if drafts and trigger is not None and any(
                a.lemma_.lower() in ("deny", "reject", "dismiss", "refute") for a in trigger.ancestors):
            continue  # "denied claims that the base had been overrun": disputes the event already reported
        attack = next((d for d in reversed(drafts) if d.sub in _VIOLENT_KINDS and si - d.sent_idx <= 6), None) \
            if sub == "Disrupted weapons use" else None
        if attack is not None and casualty_figures(text).killed is not None and not _INTERCEPTION.search(text):
            attack.evidence.append(span)  # "..., saying its fighters had killed 100 soldiers and seized weapons"
            continue  # weapons taken in the attack just reported (a claim about it), not a separate seizure
        if sub == "Looting/property destruction" and drafts and drafts[-1].sub in _VIOLENT_KINDS \
                and si - drafts[-1].sent_idx <= 1 and "\n" not in body[drafts[-1].evidence[-1].end : sent.start_char] \
                and (loc_here is None or loc_here.name == drafts[-1].location.name):
            drafts[-1].evidence.append(span)  # "... ambushed the convoy. ... several vehicles were destroyed."
            continue  # the damage of the attack just reported, not a separate destruction of property
        if sub == "Disrupted weapons use" and _INTERCEPTION.match(match.group(0)) and drafts \
                and drafts[-1].sub in _SALVO_KINDS and si - drafts[-1].sent_idx <= 2:
            drafts[-1].evidence.append(span)  # "... fired rockets at X. The army said it shot down half of them."
            continue  # one event: the salvo just reported, partly intercepted
        if _reacts_to_reported(trigger):
            continue  # which earlier event it reacts to is not said; its evidence is not added anywhere
        if _restates_previous(sent, trigger) or _older_than_article(text, match.end(), article.published):
            if _restates_previous(sent, trigger) and drafts and si - drafts[-1].sent_idx <= 3:
                drafts[-1].evidence.append(span)  # "It was the first fatal strike ...": the event just reported
            continue
        actor1, assoc, actor2 = _actors(sent, trigger, sent_entities)
        if actor1 is None and (crowd or SUB_EVENT_TO_TYPE[sub] in ("Protests", "Riots")
                               and _CROWD_NOUNS.search(text)):
            actor1 = "rioters" if SUB_EVENT_TO_TYPE[sub] == "Riots" else "protesters"  # the crowd is the doer
        elif actor1 is None and sub == "Looting/property destruction" and _LOOTING_CROWD.search(text):
            actor1 = "rioters"  # "locals went on a looting spree": a crowd, as ACLED codes it
        elif sub in _INTERVENED and actor1 and _INTERVENING_FORCE.search(actor1) and _CROWD_NOUNS.search(text):
            # "Police fired tear gas at protesters": ACLED's actor1 is the crowd, the force intervenes (actor2)
            actor1, actor2 = actor2 if actor2 and _CROWD_NOUNS.search(actor2) else "protesters", actor1
        if (sub in _INTERVENED or sub == "Violent demonstration") and actor2 is None and actor1 \
                and _CROWD_NOUNS.search(actor1):
            actor2 = state_doer(sub, sent, None)  # "NAIROBI — Police ... fired tear gas at protesters", "clashed with police"
        actor1 = None if actor1 and _is_weapon(actor1) else actor1
        actor2 = None if actor2 and _is_weapon(actor2) else actor2
        if sub == "Disrupted weapons use" and actor1 and _DOWNED.search(actor1):
            actor1, actor2 = None, actor2 or actor1  # "US helicopter shot down": what was downed, not who downed it
        if sub == "Disrupted weapons use":
            actor1, actor2 = disrupted_sides(text, actor1, actor2)  # "... shot down 40 Russian drones"
        if sub == "Agreement" and trigger is not None:
            actor1, actor2 = agreement_parties(trigger, actor1, actor2)  # "The government and the rebels signed"
        actor1 = named_group(actor1, entities, sent.start_char, text)  # "the militant group fired": Hezbollah
        if SUB_EVENT_TO_TYPE[sub] in ("Explosions/Remote violence", "Battles", "Violence against civilians"):
            actor2 = targeted_group(text, actor1, actor2)  # "killed a senior Hezbollah commander": Hezbollah
        if actor1 is None and (doer := state_doer(sub, sent, actor2)):
            actor1, actor2 = doer, (None if actor2 and (doer in actor2 or actor2 in doer) else actor2)
        if actor1 is None:
            # "Sunday's Russian missile strike": the nationality right before the trigger is the doer
            near = re.search(r"\b([A-Z][a-z]+)\s+(?:[\w-]+\s+){0,2}$", text[max(0, match.start() - 40) : match.start()])
            if near and country_of(near.group(1)) and near.group(1).lower() in demonym_table():
                actor1 = near.group(1)
        if sub == "Non-violent transfer of territory" and _handed_people(trigger, match.group(0)):
            continue  # "were handed over to US forces": hostages or detainees changing hands, not territory
        if sub == "Arrests" and actor1 and any(e.label == "PERSON" and e.text in actor1 for e in sent_entities) \
                and not _ARRESTING_FORCE.search(actor1):
            continue  # "X rounded up the victims": a person, not a state force, makes no arrest ACLED codes
        loc = event_place(sent, sent_entities, [a for a in (actor1, actor2, assoc) if a], excluded, actor_names)
        if loc is None and last_loc is not None and si - last_loc[0] <= 2 and not (
                country_of(last_loc[1].name or "") and "\n" in body[
                    sents[last_loc[0]].start_char + len(sents[last_loc[0]].text.rstrip()) : sent.start_char]):
            # a place named just before; a country only from the same paragraph ("referrals to hospitals in
            # Egypt." is no place of the next paragraph's attack; a town or region named before often is)
            loc = last_loc[1].model_copy()
        if loc is not None and loc.name:
            last_loc = (si, loc)
        figs = casualty_figures(text)
        if reported_without_doer(sub, trigger, text, match.group(0), _token_at(sent, sent.start_char + match.start())):
            reported.add(span.start)
        drafts.append(
            _Draft(
                sub=sub,
                sent_idx=si,
                evidence=[span],
                actor1=actor1,
                assoc_actor1=assoc,
                actor2=actor2,
                location=loc or Location(),
                date_text=None if figs.update else _date_text(sent, sent_entities, excluded),  # the update's day is not the event's
                headline=_title_line(sent, body),
                sub_place=bool(loc and loc.name and followed_by(text, loc.name, OF_THE_CITY)),
                trigger=match.group(0),
            )
        )
        drafts[-1].take_figures(figs)
    merged = _merge(drafts)
    home = _dateline_place(body, article, excluded)
    placed = [d for d in merged if d.location.name]
    for d in merged:
        if d.location.name or not home:
            continue  # without a dateline fallback an unplaced report stays unplaced (the geocoder decides)
        # an unplaced report in a story about placed events happened there (the nearest one before it, else
        # after it); the dateline only as the last resort, when the article is local to it
        prev = [p for p in placed if p.evidence[0].start < d.evidence[0].start]
        story = prev[-1] if prev else (placed[0] if placed else None)
        d.location = story.location.model_copy() if story is not None else Location(name=home)
    events: list[Event] = []
    for d in merged:
        support: list[Claim] = []
        for sp in d.evidence:
            support.extend(c for c in _supporting(claims, sp) if c not in support)
        main = support[0] if support else None
        if d.actor1 is None:
            # A strike claimed by a military source ("the channel of Ukraine's 8th ... Forces, which
            # claims to have killed ...") is that country's forces' action.
            for c in support:
                # only a source claiming its own action ("claims to have killed ..."), not one reporting an attack on it
                own_action = re.match(r"(to have |that (it|they|we) (had |have )?)(killed|destroyed|struck|hit|shot|downed|eliminated)",
                                      c.text, re.I)
                if c.source_type == "military" and c.source and own_action:
                    country = find_country_mention(c.source)
                    if country and (d.actor2 is None or country_of(d.actor2.split()[0]) != country):
                        d.actor1 = f"Military Forces of {country}"
                        break
        year = _YEAR_IN_DATE.search(d.date_text or "")
        if year and article.published and int(year.group(1)) < int(article.published[:4]) - 1:
            continue  # "On April 12, 1986, ..." in a 2006 article: history, not a report
        if d.actor1 is None and d.fatalities is None and d.injured is None and not (
                _UNAMBIGUOUS.search(d.trigger or "") and d.location.name and d.date_text) and not any(
                sp.start in reported for sp in d.evidence):
            # no doer and no casualties: a generic mention, not a codable event; unless the trigger can only mean
            # violence and the text gives its place and day ("grenades were hurled at a patrol in X on Saturday"),
            # or it is of a kind ACLED codes without either and reports an occurrence ("weapons were seized")
            continue
        n = len(events) + 1
        events.append(
            Event(
                id=f"e{n}",
                event_type=SUB_EVENT_TO_TYPE[d.sub],
                sub_event_type=d.sub,
                actor1=d.actor1,
                assoc_actor1=d.assoc_actor1,
                actor2=d.actor2,
                location=d.location,
                date_text=d.date_text,
                fatalities=d.fatalities,
                injured=d.injured,
                source=(main.source if main and main.source else article.outlet),
                status=status_from_claims(support),
                claims=[c.id for c in support],
                evidence=d.evidence,
            )
        )
    _link_denials(events, claims)
    return events


_EVENTISH = _r(r"\b(kill\w*|dead|died|deaths?|wound\w*|injur\w*|casualt\w*|toll|attack\w*|strikes?|struck|shell\w*|"
               r"bomb\w*|fired|shot|fell|fallen|captur\w*|control|seiz\w*|took|taken|overr\w+|target\w*|hit|massacre|"
               r"abduct\w*|losses|destroy\w*|damag\w*)\b")


def _link_denials(events: list[Event], claims: list[Claim]) -> None:
    """A disputing claim that supports no event ("The RSF denied shelling the camp", "Ukrainian officials denied
    that the village had fallen") disputes the event it talks about: the one whose place it names, else the
    nearest event reported before it (else the first), when its content speaks of an event at all."""
    linked = {cid for ev in events for cid in ev.claims}
    for c in claims:
        if c.verification != "disputed" or c.id in linked or not events:
            continue
        sentence = c.evidence.text.lower()
        if not (_EVENTISH.search(c.text) or classify_sub_event(c.text)) or _GENERIC.search(c.evidence.text):
            continue  # a standing denial ("X denies targeting civilians, although ... repeatedly") disputes nothing
        named = [ev for ev in events if ev.location.name and ev.location.name.lower() in sentence]
        before = [ev for ev in events if ev.evidence and ev.evidence[0].start <= c.evidence.start]
        target = (named or before or events)[-1 if not named and before else 0]
        target.claims.append(c.id)
        target.status = "disputed"
        linked.add(c.id)

