"""Wrong options of the answer's gender, where the articles make genders plain: a question about a woman
never offers men when women (or people of unknown gender) can be offered; a question whose stem shows the
gender ("she", "chairwoman", "she said") never offers the other gender at all. Hand-built facts, no model."""
from __future__ import annotations

import random

import pytest
from factory import factset, person, quote, role

from studyaid.questions import distractors as d
from studyaid.questions.context import CorpusContext
from studyaid.questions.mcq import quote_mcq, role_mcq
from studyaid.questions.model import Dropped

F, M = "female", "male"
WORDS = "the new library would open its doors to readers in the spring"  # what the answer said


def _cast(genders: dict[str, str | None]):
    return [person(name, mentions=3, aliases=[name, name.split()[-1]]).model_copy(update={"gender": g})
            for name, g in genders.items()]


def _others(answer: str, genders: dict[str, str | None]) -> list:
    """Each other person speaks once (so that they may be offered), about something else."""
    return [quote(name, f"the council had not been told about the plan for {name.split()[-1]} Street",
                  mode="reported", mention=name) for name in genders if name != answer]


def _options(fact, genders: dict[str, str | None], builder=quote_mcq, extra=(), seeds=range(12)):
    ctx = CorpusContext(factset(fact, *_others(fact.speaker.name if hasattr(fact, "speaker") else fact.person.name,
                                                genders), *extra, entities=_cast(genders)))
    results = [builder(fact, ctx, random.Random(seed)) for seed in seeds]
    return ctx, results


def _wrong_genders(results, genders) -> set:
    return {genders[o] for q in results if not isinstance(q, Dropped) for o in q.options if o != q.answer}


WOMAN = "Jane Morrow"


@pytest.mark.parametrize("genders, allowed", [
    # a woman, women and men and people of unknown gender to choose from: never a man
    ({WOMAN: F, "Priya Narayan": F, "Helen Tasker": F, "Tom Hollis": M, "Alan Hendry": M, "Owen Pike": M,
      "Sam Ridley": None}, {F, None}),
    # a man: never a woman
    ({WOMAN: M, "Priya Narayan": F, "Helen Tasker": F, "Tom Hollis": M, "Alan Hendry": M, "Sam Ridley": None},
     {M, None}),
    # unknown gender constrains nothing: women and men both offered
    ({WOMAN: None, "Priya Narayan": F, "Helen Tasker": F, "Tom Hollis": M, "Alan Hendry": M}, {F, M}),
])
def test_wrong_options_keep_the_answers_known_gender(genders, allowed):
    fact = quote(WOMAN, WORDS, mode="reported", mention=WOMAN)
    _, results = _options(fact, genders)
    assert all(not isinstance(q, Dropped) for q in results)
    if None in allowed:
        assert _wrong_genders(results, genders) <= allowed
    else:
        assert _wrong_genders(results, genders) == allowed


@pytest.mark.parametrize("genders, expected", [
    # one other woman: fewer options (here too few: dropped) rather than men beside her
    ({WOMAN: F, "Priya Narayan": F, "Tom Hollis": M, "Alan Hendry": M, "Owen Pike": M}, "dropped"),
    # one person of unknown gender is no man either
    ({WOMAN: F, "Sam Ridley": None, "Tom Hollis": M, "Alan Hendry": M, "Owen Pike": M}, "dropped"),
    # no candidate but men: the options are as they were without genders
    ({WOMAN: F, "Tom Hollis": M, "Alan Hendry": M, "Owen Pike": M}, "as before"),
    # nothing of the other gender would have been chosen: as before, to the option order
    ({WOMAN: F, "Priya Narayan": F, "Helen Tasker": F, "Sam Ridley": None, "Robin Vale": None}, "as before"),
])
def test_few_of_the_answers_gender(genders, expected):
    fact = quote(WOMAN, WORDS, mode="reported", mention=WOMAN)
    _, known = _options(fact, genders)
    _, plain = _options(fact, {name: None for name in genders})
    if expected == "dropped":
        assert all(isinstance(q, Dropped) and q.reason == "too few wrong options" for q in known)
        assert all(not isinstance(q, Dropped) for q in plain)
    else:
        assert [q.options for q in known] == [q.options for q in plain]


@pytest.mark.parametrize("speaker_genders, text, resolved_from, expected", [
    # the stem's "she": only women (or unknown), fewer options when there are few
    ({WOMAN: None, "Priya Narayan": F, "Helen Tasker": F, "Tom Hollis": M, "Alan Hendry": M},
     "she would open the new library in the spring", None, 3),
    ({WOMAN: None, "Priya Narayan": F, "Helen Tasker": F, "Sam Ridley": None, "Tom Hollis": M},
     "she would open the new library in the spring", None, 4),
    # one woman besides the answer: too few options, dropped rather than offering a man
    ({WOMAN: None, "Priya Narayan": F, "Tom Hollis": M, "Alan Hendry": M},
     "she would open the new library in the spring", None, 0),
    # the sentence's "she said", resolved by the tracker
    ({WOMAN: F, "Priya Narayan": F, "Tom Hollis": M, "Alan Hendry": M}, WORDS, "she", 0),
    # the stem's "he" is someone else than the woman who said it: her known gender rules
    ({WOMAN: F, "Priya Narayan": F, "Helen Tasker": F, "Tom Hollis": M, "Alan Hendry": M},
     "he would open the new library in the spring", None, 3),
])
def test_a_gender_the_question_shows_rules_out_the_other(speaker_genders, text, resolved_from, expected):
    fact = quote(WOMAN, text, mode="reported", mention=WOMAN, resolved_from=resolved_from)
    _, results = _options(fact, speaker_genders)
    for q in results:
        if expected == 0:
            assert isinstance(q, Dropped) and q.reason == "too few wrong options"
            continue
        assert len(q.options) == expected
        assert M not in {speaker_genders[o] for o in q.options}


def test_a_gendered_title_in_the_stem_rules_out_the_other_gender():
    genders = {WOMAN: None, "Priya Narayan": F, "Helen Tasker": F, "Tom Hollis": M, "Alan Hendry": M}
    fact = role(WOMAN, "chairwoman", "Harbour Trust", "Harbour Trust chairwoman Jane Morrow opened the quay.",
                role="Harbour Trust chairwoman", mention=WOMAN)
    speech = quote(WOMAN, WORDS, mode="reported", mention=WOMAN)
    _, results = _options(fact, genders, builder=role_mcq, extra=[speech])
    assert all(not isinstance(q, Dropped) and len(q.options) == 3 for q in results)
    assert _wrong_genders(results, genders) == {F}


@pytest.mark.parametrize("known, shown, expected", [
    (None, None, (None, False)), (F, None, (F, False)), (None, F, (F, True)), (F, F, (F, True)),
    (F, M, (F, False)),  # the stem's pronoun is someone else's
])
def test_gender_rule(known, shown, expected):
    assert d.gender_rule(known, shown) == expected


@pytest.mark.parametrize("gender, expected", [
    (F, [["Priya Narayan", "Sam Ridley"], ["Helen Tasker"]]),
    (M, [["Tom Hollis", "Sam Ridley"], []]),
    (None, [["Priya Narayan", "Tom Hollis", "Sam Ridley"], ["Helen Tasker"]]),
])
def test_of_gender(gender, expected):
    genders = {"Priya Narayan": F, "Helen Tasker": F, "Tom Hollis": M, "Sam Ridley": None}
    tiers = [["Priya Narayan", "Tom Hollis", "Sam Ridley"], ["Helen Tasker"]]
    assert d.of_gender(tiers, gender, genders.get) == expected
