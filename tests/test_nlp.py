"""The spaCy pipeline: which model, headings as sentences, and the parse cache."""
from __future__ import annotations

import importlib.util

import pytest

from studyaid.document import Document, Exclusion
from studyaid.errors import ModelError
from studyaid.nlp import PREFERRED_MODELS, DocCache, load_pipeline, model_name, parse_documents

# seed 004: a heading line, then a paragraph
HEADED = ("Putin Makes a Big Threat\n"
          "His comments could be interpreted as a warning against sending troops before the end of the war, though in "
          "recent weeks he has repeatedly insisted that European troops being sent to Ukraine after the war would also "
          "be an unacceptable condition of a negotiated peace deal.\n"
          "Why Now?\n"
          "Putin\u2019s threat came in response to a Thursday pledge by two dozen countries, led by the United Kingdom "
          "and France, to contribute to a new \u201creassurance\u201d force in Ukraine.\n")


def test_model_name_honours_the_environment(monkeypatch):
    monkeypatch.setenv("STUDYAID_MODEL", "  en_core_web_md  ")
    assert model_name() == "en_core_web_md"


def test_model_name_defaults_to_the_best_installed(monkeypatch):
    monkeypatch.delenv("STUDYAID_MODEL", raising=False)
    installed = [m for m in PREFERRED_MODELS if importlib.util.find_spec(m) is not None]
    assert model_name() == installed[0]
    monkeypatch.setenv("STUDYAID_MODEL", "   ")  # blank is unset
    assert model_name() == installed[0]


def test_unknown_model_is_a_clear_error():
    with pytest.raises(ModelError, match="no_such_pipeline"):
        load_pipeline("no_such_pipeline")


def test_pipeline_has_only_what_the_extractors_need(nlp):
    assert "studyaid_line_breaks" in nlp.pipe_names
    assert nlp.pipe_names.index("studyaid_line_breaks") < nlp.pipe_names.index("parser")
    assert {"tagger", "parser", "ner", "lemmatizer"} <= set(nlp.pipe_names)
    assert load_pipeline() is nlp  # loaded once per process


def test_heading_line_is_its_own_sentence(nlp):
    doc = nlp(HEADED)
    sentences = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert sentences[0] == "Putin Makes a Big Threat"
    assert "Why Now?" in sentences
    for s in sentences:  # no sentence runs across a line break
        assert "\n" not in s


def _doc_data(doc) -> dict:
    return {
        "ents": [(e.start, e.end, e.label_) for e in doc.ents],
        "deps": [(t.dep_, t.head.i) for t in doc],
        "tags": [(t.tag_, t.pos_, t.lemma_) for t in doc],
        "sent_starts": [t.i for t in doc if t.is_sent_start],
        "text": doc.text,
    }


def test_cache_round_trip_keeps_the_parse(nlp, tmp_path):
    document = Document(path="004.txt", format="text", text=HEADED)
    doc = nlp(document.masked_text)
    cache = DocCache(nlp, folder=tmp_path)
    assert cache.get(document) is None
    cache.put(document, doc)
    again = cache.get(document)
    assert again is not None
    assert _doc_data(again) == _doc_data(doc)
    assert any(e.label_ == "PERSON" for e in again.ents) and any(e.label_ == "GPE" for e in again.ents)


def test_cache_is_keyed_by_the_masked_text(nlp, tmp_path):
    plain = Document(path="a.txt", format="text", text=HEADED)
    cache = DocCache(nlp, folder=tmp_path)
    cache.put(plain, nlp(plain.masked_text))
    # the same text with its heading marked as junk is another parse
    masked = Document(path="a.txt", format="text", text=HEADED,
                      excluded=(Exclusion(start=0, end=len("Putin Makes a Big Threat"), reason="heading"),))
    assert cache.get(masked) is None
    # the same text under another name is the same parse
    assert cache.get(Document(path="b.txt", format="text", text=HEADED)) is not None


def test_broken_or_disabled_cache_parses_again(nlp, tmp_path):
    document = Document(path="a.txt", format="text", text=HEADED)
    cache = DocCache(nlp, folder=tmp_path)
    cache.put(document, nlp(document.masked_text))
    cache._path(document).write_bytes(b"not a DocBin")
    assert cache.get(document) is None
    assert DocCache(nlp, folder=tmp_path, enabled=False).get(document) is None


def test_parse_documents_keeps_the_order_across_hits_and_misses(nlp, tmp_path):
    texts = ["Putin Makes a Big Threat\n", "Why Now?\n", "Russian President Vladimir Putin spoke in Vladivostok.\n"]
    documents = [Document(path=f"{i}.txt", format="text", text=t) for i, t in enumerate(texts)]
    cache = DocCache(nlp, folder=tmp_path)
    for d in (documents[0], documents[2]):
        cache.put(d, nlp(d.masked_text))
    out = list(parse_documents(documents, nlp, cache))
    assert [d.path for d, _ in out] == ["0.txt", "1.txt", "2.txt"]
    assert all(doc.text == d.masked_text for d, doc in out)
    assert (cache.hits, cache.misses) == (2, 1)


@pytest.mark.parametrize("text", [HEADED, "One sentence only.", "First line\nSecond line. Third sentence here."])
def test_indexed_sentences_are_the_parsers(nlp, text):
    from studyaid.nlp import index_sentences

    plain = [(s.start, s.end) for s in nlp(text).sents]
    doc = index_sentences(nlp(text))
    assert [(s.start, s.end) for s in doc.sents] == plain
    assert [(t.sent.start, t.sent.end) for t in doc] == [next((a, b) for a, b in plain if a <= t.i < b) for t in doc]
