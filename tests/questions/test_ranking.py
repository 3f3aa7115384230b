"""Ranking and filtering: what a teacher would reject is dropped, with the reason; order is deterministic."""
from __future__ import annotations

import random

import pytest
from factory import src

from studyaid.questions.model import Question, question_id
from studyaid.questions.ranking import MIN_SCORE, difficulty, filter_questions, gives_away, grounded, score

SENTENCE = "Meanwhile, NATO Secretary-General Mark Rutte warned that Russia could threaten other European countries."


def mcq(prompt: str, answer: str = "Mark Rutte", *, sentence: str = SENTENCE, key: str | None = None,
        fact_type: str = "quote", score: float = 0.8, options: list[str] | None = None) -> Question:
    key = key or prompt
    return Question(id=question_id(key, "mcq"), kind="mcq", fact_type=fact_type, fact_id=key[:12], prompt=prompt,
                    answer=answer, explanation="x", options=options or [answer, "Vladimir Putin", "Keir Starmer"],
                    hint="person", sources=[src(sentence)], score=score)


def cloze(text: str, answer: str, *, sentence: str = SENTENCE, fact_type: str = "role", score: float = 0.8) -> Question:
    return Question(id=question_id(text, "cloze"), kind="cloze", fact_type=fact_type, fact_id=text[:12], prompt=text,
                    answer=answer, explanation="x", cloze=text, hint="person", sources=[src(sentence)], score=score)


GOOD = mcq("Who warned that Russia could threaten other European countries?")


def reasons(dropped) -> list[str]:
    return [d.reason for d in dropped]


def test_a_good_question_is_kept():
    kept, dropped = filter_questions([GOOD])
    assert kept == [GOOD] and dropped == []


@pytest.mark.parametrize("question, reason", [
    (mcq("Who is Mark Rutte, the NATO Secretary-General?"), "prompt gives the answer away"),
    (mcq("Who is the NATO Secretary-General mark rutte?"), "prompt gives the answer away"),
    (cloze("NATO Secretary-General {{c1::Mark Rutte::person}} warned, Mark Rutte said.", "Mark Rutte"),
     "prompt gives the answer away"),
    (mcq("Who warned that Russia could threaten Europe?", "Jens Stoltenberg"), "answer not in any source sentence"),
    (mcq("Who warned that Russia could threaten Europe?", "he"), "vague answer"),
    (mcq("How many troops will be sent?", "thousands", fact_type="quantity"), "vague answer"),
    (mcq("Who warned that Russia could threaten Europe?", score=MIN_SCORE - 0.01), "low score"),
])
def test_bad_questions_are_dropped_with_the_reason(question, reason):
    kept, dropped = filter_questions([question])
    assert kept == [] and reasons(dropped) == [reason]
    assert dropped[0].fact_id == question.fact_id and dropped[0].kind == question.kind and dropped[0].detail


def test_the_answer_as_part_of_a_longer_word_is_not_a_giveaway():
    q = mcq("Who warned about Ruttenberg's plan?", "Rutte")
    assert not gives_away(q)


def test_grounded_needs_the_answer_in_a_source():
    assert grounded(GOOD)
    assert not grounded(mcq("Who warned?", "Jens Stoltenberg"))
    two = GOOD.model_copy(update={"answer": "Jens Stoltenberg",
                                  "sources": [src(SENTENCE), src("Jens Stoltenberg agreed.", "b.txt")]})
    assert grounded(two)


def test_a_repeated_prompt_keeps_only_the_better_question():
    better = mcq("Who stressed that US backing is essential?", "Emmanuel Macron", key="macron", score=0.9,
                 sentence="Macron and UK Prime Minister Keir Starmer stressed that US backing is essential.")
    worse = mcq("Who stressed that US backing is essential?", "Keir Starmer", key="starmer", score=0.7,
                sentence="Macron and UK Prime Minister Keir Starmer stressed that US backing is essential.")
    for order in ([better, worse], [worse, better]):
        kept, dropped = filter_questions(order)
        assert kept == [better] and reasons(dropped) == ["repeated prompt"]
        assert dropped[0].fact_id == worse.fact_id


def test_a_repeated_prompt_differing_only_in_case_and_punctuation_is_repeated():
    a = mcq("Who warned that Russia could threaten other European countries?", key="a")
    b = mcq("who warned that russia could threaten other European  countries?", key="b", score=0.7)
    kept, dropped = filter_questions([a, b])
    assert kept == [a] and reasons(dropped) == ["repeated prompt"]


def test_a_near_duplicate_keeps_only_the_better_question():
    a = mcq("Who warned that Russia could threaten other European countries?", key="a", score=0.9)
    b = mcq("Who warned that Russia could threaten the other European countries soon?", key="b", score=0.8)
    kept, dropped = filter_questions([b, a])
    assert kept == [a] and reasons(dropped) == ["near-duplicate of a better question"]


@pytest.mark.parametrize("other", [
    mcq("Who warned that Russia could threaten the other European countries soon?", "Keir Starmer", key="c",
        sentence="Keir Starmer warned that Russia could threaten other European countries soon."),  # another answer
    cloze("Meanwhile, NATO Secretary-General {{c1::Mark Rutte::person}} warned that Russia could threaten other "
          "European countries.", "Mark Rutte", fact_type="quote"),  # another kind
    mcq("Who is the NATO Secretary-General?", key="d", fact_type="role"),  # another question altogether
])
def test_similar_questions_that_are_not_duplicates_are_kept(other):
    kept, dropped = filter_questions([GOOD, other])
    assert len(kept) == 2 and dropped == []


def test_output_order_is_deterministic_whatever_the_input_order():
    questions = [
        GOOD,
        mcq("Who is the NATO Secretary-General?", key="role", fact_type="role", score=0.9),
        cloze("NATO Secretary-General {{c1::Mark Rutte::person}} warned that Russia could threaten.", "Mark Rutte"),
        mcq("How many drones did the air force report intercepting?", "84", fact_type="quantity", key="q",
            sentence="The air force reported intercepting 84 drones."),
        mcq("In which city did European leaders meet?", "Paris", fact_type="place", key="p",
            sentence="European leaders met in Paris."),
        mcq("Who warned about threats to Europe?", key="dup", score=0.7),
    ]
    expected = filter_questions(questions)
    for seed in range(10):
        shuffled = list(questions)
        random.Random(seed).shuffle(shuffled)
        assert filter_questions(shuffled) == expected
    kept = expected[0]
    assert [q.fact_type for q in kept] == sorted(q.fact_type for q in kept)


def test_score_and_difficulty_stay_in_range():
    for confidence in (0.0, 0.3, 0.8, 1.0):
        assert 0.0 <= score(GOOD, confidence) <= 1.0
    assert score(GOOD, 0.9) > score(GOOD, 0.5)
    many = GOOD.model_copy(update={"corroboration": 3})
    assert score(many, 0.8) >= score(GOOD, 0.8)
    assert difficulty(GOOD, resolved=True) > difficulty(GOOD, resolved=False)
    assert difficulty(many, False) < difficulty(GOOD, False)
    assert all(0.05 <= difficulty(GOOD.model_copy(update={"corroboration": n}), r) <= 0.95
               for n in (1, 5, 50) for r in (True, False))


@pytest.mark.parametrize("question, reason", [
    (mcq("Who warned that Russia could threaten other European countries?", score=MIN_SCORE - 0.1), "low score"),
    (mcq("Who said Mark Rutte warned that Russia could threaten Europe?"), "prompt gives the answer away"),
    (mcq("Who warned that Russia could threaten other European countries?", answer="Jens Stoltenberg"),
     "answer not in any source sentence"),
    (GOOD, None),
])
def test_split_unfit_judges_each_question_alone(question, reason):
    from studyaid.questions.ranking import split_unfit

    fit, dropped = split_unfit([question])
    assert reasons(dropped) == ([reason] if reason else [])
    assert fit == ([] if reason else [question])


def test_the_stem_parser_never_sees_a_question_already_lost(nlp):
    """generate() drops what is unfit on its own before the stem parse, the costly step: a fact too
    doubtful to ask about (every question's score under MIN_SCORE) is never parsed."""
    from factory import factset, paris_meeting

    from studyaid.questions import generate

    class Recording:  # the real pipeline, recording what it is asked to parse
        def __init__(self, nlp):
            self.nlp, self.meta, self.seen = nlp, nlp.meta, []

        def pipe(self, texts, **kwargs):
            texts = list(texts)
            self.seen.extend(texts)
            return self.nlp.pipe(texts, **kwargs)

    sure, doubtful = paris_meeting(), paris_meeting().model_copy(update={"confidence": 0.1})
    parsed_sure, parsed_doubtful = Recording(nlp), Recording(nlp)
    assert generate(factset(sure), parser=parsed_sure).questions
    generation = generate(factset(doubtful), parser=parsed_doubtful)
    assert parsed_sure.seen and not parsed_doubtful.seen
    assert not generation.questions and {d.reason for d in generation.dropped} == {"low score"}
