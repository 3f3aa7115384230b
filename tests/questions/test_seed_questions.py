"""Questions from the seed articles: one extraction and one generation for the whole module."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from studyaid.bank import Bank, write_bank
from studyaid.extract.numbers import parse_number
from studyaid.facts import FACT_TYPES
from studyaid.questions import generate
from studyaid.questions.distractors import is_alias, norm

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ROOT.parent / "shared" / "tools"
PEOPLE = {"Vladimir Putin", "Volodymyr Zelenskyy", "Mark Rutte", "Emmanuel Macron", "Keir Starmer", "Donald Trump",
          "Antonio Costa", "Michael Carpenter", "Oleh Synyehubov", "Peskov"}
# why a quote may have no question at all: each is a documented drop (see questions/mcq.py, cloze.py, ranking.py)
QUOTE_DROP_REASONS = {"quote too short to tell who said it", "answer not written in the sentence", "sentence too long",
                      "repeated prompt", "near-duplicate of a better question",
                      # an organisation credited with a figure: no "who said", and the source alone is trivia
                      "answer is not a person's name", "only the source a figure is credited to",
                      "a head of state or government named by title: general knowledge"}


def shared_cache(tmp_path_factory) -> Path:
    """A parse cache in this session's temp folder: the seeds are parsed once per session (also used by
    tests/test_generate_cli.py), never read from or written to the user's cache."""
    folder = tmp_path_factory.getbasetemp() / "studyaid-parse-cache"
    folder.mkdir(exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    from studyaid.gazetteer import same_kind_places
    from studyaid.nlp import DocCache, load_pipeline
    from studyaid.pipeline import extract_corpus

    here = os.getcwd()
    os.chdir(ROOT)  # documents are named as given: "seeds/000_....txt"
    try:
        facts = extract_corpus(["seeds"], cache=DocCache(load_pipeline(), folder=shared_cache(tmp_path_factory)))
    finally:
        os.chdir(here)
    return facts, generate(facts, gazetteer=same_kind_places)


@pytest.fixture(scope="module")
def questions(seeds):
    return seeds[1].questions


def find(questions, kind: str, prompt_part: str):
    found = [q for q in questions if q.kind == kind and prompt_part.casefold() in q.prompt.casefold()]
    assert found, f"no {kind} with {prompt_part!r} in {[q.prompt for q in questions if q.kind == kind]}"
    return found


def test_rutte_quote(questions):
    q, = find(questions, "mcq", "Who said: \u201cWhy are we interested in what Russia thinks about troops in Ukraine?")
    assert q.answer == "Mark Rutte"
    assert set(q.options) <= PEOPLE and len(q.options) == 4
    assert "Rutte" in q.accepted


def test_26_allies(questions):
    q = find(questions, "mcq", "of Ukraine\u2019s allies")[0]
    assert q.answer == "26" and q.fact_type == "quantity"
    wrong = [parse_number(o) for o in q.options if o != "26"]
    assert len(wrong) == 3 and all(abs(v - 26) >= 0.2 * 26 for v in wrong), q.options
    assert all(o.isdigit() for o in q.options)


def test_84_of_112_drones(questions):
    q, = find(questions, "mcq", "112 drones")
    assert q.answer == "84"
    assert all(parse_number(o) < 112 for o in q.options), q.options
    assert q.prompt == "How many of the 112 drones did Ukraine\u2019s air force report intercepting?"
    c, = [c for c in questions if c.kind == "cloze" and c.fact_id == q.fact_id]
    assert "{{c1::84::number}} out of 112 drones" in c.cloze


def test_nato_secretary_general(questions):
    q, = find(questions, "mcq", "Who is the NATO Secretary-General?")
    assert q.answer == "Mark Rutte" and set(q.options) <= PEOPLE


def test_vladivostok(questions):
    q, = [q for q in questions if q.kind == "mcq" and q.answer == "Vladivostok"]
    assert "Eastern Economic Forum" in q.prompt and q.prompt.startswith("In which city")
    assert len(q.options) == 4 and "Vladivostok" not in q.prompt
    from studyaid.gazetteer import lookup
    for option in q.options:
        entry = lookup(option)
        assert entry is not None and entry.kind == "city", option


def test_at_least_three_people_killed(questions):
    q, = find(questions, "mcq", "At least how many people")
    assert q.answer == "three"
    assert all(parse_number(o) > 3 for o in q.options if o != "three"), q.options


def test_every_fact_type_has_an_mcq_and_a_cloze(questions):
    for fact_type in FACT_TYPES:
        assert {q.kind for q in questions if q.fact_type == fact_type} == {"mcq", "cloze"}, fact_type


def test_every_quote_with_a_speaker_gets_a_question_or_a_documented_reason(seeds):
    facts, gen = seeds
    asked = {q.fact_id for q in gen.questions}
    prompts = {norm(q.prompt) for q in gen.questions}
    for fact in facts.of_type("quote"):
        assert fact.speaker.kind in ("person", "org") and fact.speaker.name  # an organisation the article credits
        if fact.id in asked:
            continue
        drops = [d for d in gen.dropped if d.fact_id == fact.id]
        assert drops, f"quote {fact.text!r} by {fact.speaker.name} vanished"
        for drop in drops:
            assert drop.reason in QUOTE_DROP_REASONS, (fact.text, drop)
            if drop.reason == "repeated prompt":  # the same question exists, about a co-speaker
                assert norm(drop.detail) in {p[:len(norm(drop.detail))] for p in prompts}


def test_quotes_are_mostly_asked(seeds):
    facts, gen = seeds
    asked = {q.fact_id for q in gen.questions}
    quotes = facts.of_type("quote")
    assert sum(f.id in asked for f in quotes) >= 0.9 * len(quotes)


def test_options_are_sound(questions):
    mcqs = [q for q in questions if q.kind == "mcq"]
    assert len(mcqs) >= 30
    for q in mcqs:
        assert 3 <= len(q.options) <= 6 and q.options.count(q.answer) == 1
        for i, a in enumerate(q.options):
            for b in q.options[i + 1:]:
                assert not is_alias(a, b), (q.prompt, a, b)
        if q.hint == "person":  # every option names a person of the corpus; a one-word answer, surnames only
            surnames = {name.split()[-1] for name in PEOPLE}
            assert set(q.options) <= PEOPLE | surnames, q.options
            if len(q.answer.split()) == 1:
                assert all(len(o.split()) == 1 for o in q.options), q.options


def test_cloze_never_shows_its_answer(questions):
    import re
    for q in questions:
        if q.kind != "cloze":
            continue
        rest = re.sub(r"\{\{c1::.*?\}\}", " ", q.cloze)
        names = [q.answer, *q.accepted] + ([q.answer.split()[-1]] if q.hint == "person" else [])
        for name in names:
            assert not re.search(rf"(?<!\w){re.escape(name)}(?!\w)", rest), (name, q.cloze)


def test_bank_passes_the_audit(seeds, tmp_path):
    if not (TOOLS / "audit_bank.py").is_file():
        pytest.skip(f"the shared audit tool is not here: {TOOLS / 'audit_bank.py'}")
    facts, gen = seeds
    bank = write_bank(Bank(documents=facts.documents, questions=gen.questions), tmp_path / "bank.json")
    run = subprocess.run([sys.executable, str(TOOLS / "audit_bank.py"), str(bank), "--root", str(ROOT)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    assert ", 0 defects" in run.stdout


def test_sources_are_relative_paths_that_hold_the_sentence(questions):
    for q in questions:
        for s in q.sources:
            assert s.document.startswith("seeds/") and not Path(s.document).is_absolute()
            text = (ROOT / s.document).read_text(encoding="utf-8")
            assert text[s.start:s.end] == s.sentence
