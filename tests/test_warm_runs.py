"""A whole archive, cold and warm (issue 11): the bank is the same with and without the faster paths.

Three short articles written for these tests, extracted and turned into questions with the real model:
- the new path (clozes judged on the article's own parse, every cache on) against the old one (no cache,
  every cloze sentence parsed again) gives the same bank;
- a warm re-run reads the resolved facts and the questions it saved, and gives the same bank again;
- a setting or the code changing computes them again; a broken cache entry is computed again;
- no parsed ``Doc`` outlives its extraction; junk marks survive a new process through the disk cache.
"""
from __future__ import annotations

import gc
import weakref

import pytest

from studyaid.gazetteer import same_kind_places
from studyaid.nlp import DocCache, sentence_parses
from studyaid.pipeline import extract_corpus
from studyaid.questions import generate
from studyaid.questions.stem_check import StemVerdicts

ARTICLES = {
    "ferry.txt": (
        "Harwick ferry fares to rise by a third\n\n"
        "The Harwick Ferry Company will raise its fares by 30% from 1 March 2026, its chief executive, "
        "Maria Olsen, said on Tuesday.\n\n"
        "\u201cWe have not raised fares for six years and fuel now costs twice as much,\u201d Ms Olsen told "
        "the Harwick Gazette.\n\n"
        "The company carried 410,000 passengers between Harwick and Lund last year, up from 350,000 in 2023.\n\n"
        "Peter Dale, who leads the Harwick Passengers Group, said the rise would hurt islanders who work in "
        "Lund.\n"),
    "club.txt": (
        "Kelvale Rovers appoint new manager\n\n"
        "Kelvale Rovers have appointed Tomas Berg as their manager on a three-year contract.\n\n"
        "Berg, 44, led Lund Athletic to two league titles before he left the club in May 2025.\n\n"
        "\u201cKelvale is a club with a great history and I want to bring the crowds back,\u201d Berg said.\n\n"
        "The Rovers finished 14th of 20 clubs last season and sold an average of 6,200 tickets a game.\n"),
    "bakery.txt": (
        "Lund bread festival draws record crowd\n\n"
        "More than 25,000 people visited the Lund Bread Festival in the town square on Saturday, the "
        "organisers said.\n\n"
        "The festival's director, Anna Holm, said 120 bakers from nine countries had sold bread at the "
        "stalls.\n\n"
        "\u201cWe had to close the gates at noon because the square was full,\u201d Ms Holm said.\n\n"
        "Maria Olsen of the Harwick Ferry Company said the ferries to Lund were full all weekend.\n"),
}


@pytest.fixture()
def corpus(tmp_path, monkeypatch):
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    monkeypatch.setenv("STUDYAID_CACHE_DIR", str(tmp_path / "cache"))  # junk marks: this test's own
    return [str(folder / name) for name in ARTICLES]


def _cached_bank(nlp, paths, folder):
    """The new path, as the CLI runs it: every cache on, clozes judged on the kept article parses."""
    cache = DocCache(nlp, folder=folder)
    facts = extract_corpus(paths, nlp=nlp, cache=cache)
    verdicts = StemVerdicts(cache.folder / "stems.json", nlp)
    result = generate(facts, gazetteer=same_kind_places, parser=nlp, stem_verdicts=verdicts)
    verdicts.save()
    return facts, result, cache


def _uncached_bank(nlp, paths):
    """The old path: no cache, and every cloze sentence parsed again alone."""
    facts = extract_corpus(paths, nlp=nlp, cache=DocCache(nlp, enabled=False))
    sentence_parses(nlp).clear()
    return facts, generate(facts, gazetteer=same_kind_places, parser=nlp)


def _dump(result):
    return [q.model_dump() for q in result.questions], [d.model_dump() for d in result.dropped]


def test_the_bank_is_the_same_with_and_without_the_new_path(nlp, corpus, tmp_path):
    facts, new, _ = _cached_bank(nlp, corpus, tmp_path / "cache")
    old_facts, old = _uncached_bank(nlp, corpus)
    assert facts.model_dump() == old_facts.model_dump()
    kinds = {q.kind for q in new.questions}
    assert kinds == {"mcq", "cloze"}  # clozes were judged: the comparison can fail
    assert _dump(new) == _dump(old)


def test_a_warm_run_reads_what_it_saved_and_gives_the_same_bank(nlp, corpus, tmp_path, monkeypatch):
    facts, cold, cache = _cached_bank(nlp, corpus, tmp_path / "cache")
    assert cache.misses == 3
    assert len(list(cache.folder.glob("facts-*/*.sentences.spacy"))) == 3
    assert len(list(cache.folder.glob("resolved-*.json"))) == 1
    assert len(list(cache.folder.glob("questions-*.json"))) == 1

    def computed(*args, **kwargs):
        raise AssertionError("computed again")

    with monkeypatch.context() as m:  # a warm run resolves nothing and generates nothing
        m.setattr("studyaid.pipeline.resolve_facts", computed)
        m.setattr("studyaid.questions._generate", computed)
        warm_facts, warm, warm_cache = _cached_bank(nlp, corpus, tmp_path / "cache")
    assert (warm_cache.hits, warm_cache.misses) == (0, 0)
    assert warm_facts.model_dump() == facts.model_dump()
    assert _dump(warm) == _dump(cold)


@pytest.mark.parametrize("change", [
    lambda m, paths: m.setenv("STUDYAID_EVENTS", "1"),  # a setting of the questions
    lambda m, paths: m.setattr("studyaid.fact_cache.package_version", lambda: "other-code"),  # the code
])
def test_a_changed_setting_or_code_generates_again(nlp, corpus, tmp_path, monkeypatch, change):
    _, cold, _ = _cached_bank(nlp, corpus, tmp_path / "cache")
    calls = []
    import studyaid.questions as questions

    real = questions._generate

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr("studyaid.questions._generate", counted)
    change(monkeypatch, corpus)
    _, again, _ = _cached_bank(nlp, corpus, tmp_path / "cache")
    assert calls == [1]
    assert len(again.questions) >= len(cold.questions)


def test_a_broken_saved_result_is_computed_again(nlp, corpus, tmp_path):
    _, cold, cache = _cached_bank(nlp, corpus, tmp_path / "cache")
    for saved in [*cache.folder.glob("resolved-*.json"), *cache.folder.glob("questions-*.json")]:
        saved.write_text('{"questions": [', encoding="utf-8")
    _, again, _ = _cached_bank(nlp, corpus, tmp_path / "cache")
    assert _dump(again) == _dump(cold)


def test_no_parsed_document_outlives_its_extraction(nlp, corpus, tmp_path, monkeypatch):
    """Memory must not grow with the corpus: every parsed Doc is freed once its facts are taken."""
    import studyaid.pipeline as pipeline

    alive = []
    real = pipeline._facts_and_names

    def watched(doc, document, budget):
        alive.append(weakref.ref(doc))
        return real(doc, document, budget)

    monkeypatch.setattr(pipeline, "_facts_and_names", watched)
    extract_corpus(corpus, nlp=nlp, cache=DocCache(nlp, folder=tmp_path / "cache"))
    gc.collect()
    assert len(alive) == 3
    assert [ref() for ref in alive] == [None, None, None]


def test_related_documents_only_are_kept(nlp, corpus, tmp_path):
    from studyaid.questions.relatedness import THRESHOLD, Relatedness

    facts, _, _ = _cached_bank(nlp, corpus, tmp_path / "cache")
    r = Relatedness(facts)
    for d in r.documents:
        full = {o: r.score(d, o) for o in r.documents if o != d and r.score(d, o) > 0}
        assert r._scores(d) == pytest.approx({o: s for o, s in full.items() if s >= THRESHOLD})
    assert any(0 < s < THRESHOLD for d in r.documents for o in r.documents if o != d
               for s in [r.score(d, o)])  # some pair shares a word without being related: it is left out


def test_junk_marks_are_read_back_by_a_new_process(tmp_path, monkeypatch):
    from studyaid.ingest import boilerplate

    text = ARTICLES["ferry.txt"] + "\nShare this story\nMore Travel\nFerry fares rise\nBridge closes\n"
    monkeypatch.setenv("STUDYAID_CACHE_DIR", str(tmp_path / "cache"))
    boilerplate.mark_junk.cache_clear()
    first = boilerplate.mark_junk(text)
    assert first  # there is junk to mark
    assert len(list((tmp_path / "cache").glob("junk-*/*.json"))) == 1
    boilerplate.mark_junk.cache_clear()  # a new process: nothing in memory
    monkeypatch.setattr(boilerplate, "_mark_junk", lambda text: pytest.fail("marked again"))
    assert boilerplate.mark_junk(text) == first
    boilerplate.mark_junk.cache_clear()


def test_a_broken_junk_entry_is_marked_again_and_no_cache_writes_nothing(tmp_path, monkeypatch):
    from studyaid.ingest import boilerplate

    text = ARTICLES["club.txt"] + "\nShare this story\n"
    monkeypatch.setenv("STUDYAID_CACHE_DIR", str(tmp_path / "cache"))
    boilerplate.mark_junk.cache_clear()
    first = boilerplate.mark_junk(text)
    (entry,) = (tmp_path / "cache").glob("junk-*/*.json")
    entry.write_text("[[0, 5, ", encoding="utf-8")
    boilerplate.mark_junk.cache_clear()
    assert boilerplate.mark_junk(text) == first
    monkeypatch.setenv("STUDYAID_CACHE_DIR", "")  # no cache: nothing written, not even in the working folder
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    boilerplate.mark_junk.cache_clear()
    assert boilerplate.mark_junk(text + "\n") is not None
    assert not list((tmp_path / "work").rglob("*"))
    boilerplate.mark_junk.cache_clear()
