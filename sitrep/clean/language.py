"""A cheap language guess: script first, then stop-word counts.

py3langid is not installed and trafilatura only detects languages through it, so this is
hand-written: on a news body of a few hundred words, the share of each language's 20 most
frequent function words separates the major Latin-script languages reliably, and the script
(Cyrillic, Arabic, Hebrew, CJK, ...) settles the others. Returns an ISO 639-1 code or None
when the text is too short or no language stands out.
"""

from __future__ import annotations

import re
from collections import Counter

_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the of and to in a is that for on was with said as by at from it his were have has are be an".split()),
    "fr": frozenset("le la les de des et en un une du est que pour dans qui au sur par pas a ont été avec".split()),
    "de": frozenset("der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch".split()),
    "es": frozenset("el la de que y en los se del las un por con no una su para es al lo como".split()),
    "it": frozenset("il di che e la in un per è non una del sono le della con si al da dei gli".split()),
    "pt": frozenset("de que e o a do da em um para é com não uma os no se na por mais as dos".split()),
    "nl": frozenset("de het een van en in is dat op te zijn met voor niet die aan er ook als".split()),
    "tr": frozenset("ve bir bu da de için ile olarak olan gibi daha çok en ancak kadar sonra ise ama".split()),
    "pl": frozenset("i w na z się że nie do to jest o jak po od za co przez ale są".split()),
    "sv": frozenset("och i att det som en på är av för med till den har de inte om ett".split()),
    "id": frozenset("yang dan di dari ini itu dengan untuk dalam tidak akan pada juga ke ada oleh".split()),
}
_SCRIPTS: tuple[tuple[str, str], ...] = (
    ("ar", r"[\u0600-\u06FF]"),
    ("he", r"[\u0590-\u05FF]"),
    ("ru", r"[\u0400-\u04FF]"),
    ("el", r"[\u0370-\u03FF]"),
    ("ko", r"[\uAC00-\uD7AF]"),
    ("ja", r"[\u3040-\u30FF]"),
    ("zh", r"[\u4E00-\u9FFF]"),
    ("hi", r"[\u0900-\u097F]"),
    ("th", r"[\u0E00-\u0E7F]"),
)
#: Every script above in one class: when all of them together stay under the 30% share, no single
#: one can pass it, and the nine per-script scans are skipped (most pages are Latin script).
_ANY_SCRIPT = re.compile("|".join(pattern for _, pattern in _SCRIPTS))
_TOKEN = re.compile(r"[^\W\d_]+", re.UNICODE)
_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when unsure."""
    sample = text[:2500]
    letters = len(_LETTERS.findall(sample))
    if letters < 40:
        return None
    scripted = len(_ANY_SCRIPT.findall(sample)) > 0.3 * letters
    for code, pattern in _SCRIPTS if scripted else ():
        n = len(re.findall(pattern, sample))
        if n > 0.3 * letters:
            if code == "ru" and re.search(r"[іїєґ]", sample):
                return "uk"
            if code == "ar" and re.search(r"[پچژگ]", sample):
                return "fa"
            if code == "zh" and re.search(r"[\u3040-\u30FF]", sample):
                return "ja"
            return code
    tokens = [t.lower() for t in _TOKEN.findall(sample)]
    if len(tokens) < 8:
        return None
    counts = Counter(tokens)
    scores = {lang: sum(counts[w] for w in sw) / len(tokens) for lang, sw in _STOPWORDS.items()}
    best = max(scores, key=lambda k: scores[k])
    ranked = sorted(scores.values(), reverse=True)
    if scores[best] < 0.08 or ranked[0] < 1.3 * ranked[1]:
        return None
    return best
