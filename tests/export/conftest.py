"""Export fixtures: the seeds' question bank (generated once per session) and hand-built nasty questions."""
from __future__ import annotations

from pathlib import Path

import pytest

from studyaid.document import Source
from studyaid.questions.model import Question

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"

# Every character some format treats specially, in every field a format writes.
NASTY = 'He said: "a {b} ~c =d #e & <f>" \\ 5 * 2 = 10% {{c1::x}} ’curly’ it\'s'


@pytest.fixture(scope="session")
def seeds_bank(nlp, tmp_path_factory):
    """The real questions the pipeline makes from ``seeds/``, parsed with a private cache."""
    from studyaid.bank import Bank
    from studyaid.gazetteer import same_kind_places
    from studyaid.nlp import DocCache
    from studyaid.pipeline import extract_corpus
    from studyaid.questions import generate

    cache = DocCache(nlp, folder=tmp_path_factory.mktemp("parse-cache"))
    facts = extract_corpus([str(SEEDS)], nlp=nlp, cache=cache)
    result = generate(facts, seed=0, gazetteer=same_kind_places)
    assert {q.kind for q in result.questions} == {"mcq", "cloze"}
    return Bank(documents=facts.documents, questions=result.questions)


@pytest.fixture(scope="session")
def seeds_questions(seeds_bank) -> list[Question]:
    return list(seeds_bank.questions)


def _question(**changes) -> Question:
    base = dict(
        id="q0", kind="mcq", fact_type="quote", fact_id="f0", prompt="Who said it?", answer="Alice",
        explanation="Alice said it.", options=["Alice", "Bob", "Carol", "Dave"],
        sources=[Source(document="articles/my story.txt", sentence="Alice said it.", start=0, end=14)],
    )
    base.update(changes)
    return Question(**base)


@pytest.fixture(name="make_question")
def make_question_fixture():
    """Build a small valid question, overriding any field: ``make_question(id="x", status="rejected")``."""
    return _question


@pytest.fixture
def nasty_questions() -> list[Question]:
    """Questions full of quotes, colons, braces, tildes, equals signs, hashes, ampersands and <tags>."""
    answer = 'Yes: {1=2} ~ #3 & <b>bold</b> "q" a*b \\ %50%'
    sentence = f"Officials wrote {NASTY}\nand then: {answer}."
    source = Source(document="news/a: b & c.txt", sentence=sentence, start=0, end=len(sentence))
    return [
        _question(
            id="nasty-mcq", fact_type="quote", prompt=f"Who wrote {NASTY}?", answer=answer,
            options=["%50% <i>not</i>", answer, "B = ~C #D", "{{c1::E}} :: F"],
            explanation=f"Because {NASTY}", sources=[source],
        ),
        _question(
            id="nasty-cloze", kind="cloze", fact_type="quantity", options=[],
            prompt=f"Officials wrote {NASTY} and then: _____ (number).", answer=answer,
            accepted=["yes", answer, "{other}", "%50% off"],
            cloze=f"Officials wrote {NASTY.replace('{{c1::x}}', '{{x}}')} and then: {{{{c1::{answer}::number}}}}.",
            hint="number", explanation=f"It says {NASTY}", sources=[source],
        ),
        _question(
            id="two-gaps", kind="cloze", fact_type="quantity", options=[],
            prompt="Drones killed _____ (number) people and injured _____ (number) others: {odd} ~ = #.",
            answer="three", cloze="Drones killed {{c1::three::number}} people and injured {{c1::three::number}} "
                                  "others: {odd} ~ = #.",
            explanation="Three & three.",
        ),
    ]
