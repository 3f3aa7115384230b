"""Cloze questions: the answer deleted from its source sentence as {{c1::answer::hint}}."""
from __future__ import annotations

import re

import pytest
from factory import (allies, drones, meeting_date, paris_meeting, phase_out, place, quantity, quote,
                     rutte_quote, rutte_role, src, vladivostok_forum)

from studyaid.questions.cloze import MAX_CLOZE_WORDS, cloze_question, gap_text, make_cloze
from studyaid.questions.distractors import norm
from studyaid.questions.model import Dropped, Question

DELETION = re.compile(r"\{\{c1::(.*?)::(.*?)\}\}")


def visible(cloze: str) -> str:
    return DELETION.sub(" ", cloze)


@pytest.mark.parametrize("fact, hidden, hint", [
    (rutte_quote(), "Rutte", "person"),
    (rutte_role(), "Mark Rutte", "person"),
    (drones(), "84", "number"),
    (allies(), "26", "number"),
    (paris_meeting(), "Paris", "city"),
    (vladivostok_forum(), "Vladivostok", "city"),
    (place("Kharkiv region", "drones struck", "strike", "Drones struck the Kharkiv region overnight."),
     "Kharkiv region", "region"),
    (place("Khotimlya", "the men were killed", "kill", "The men were killed in the village of Khotimlya."),
     "Khotimlya", "village"),
    (phase_out(), "January 1, 2028", "date"),
    (meeting_date(), "September 4", "date"),
])
def test_cloze_hides_the_answer_with_its_hint(fact, hidden, hint):
    q = cloze_question(fact)
    assert isinstance(q, Question), q
    assert q.kind == "cloze" and q.answer == hidden and q.hint == hint
    assert f"{{{{c1::{hidden}::{hint}}}}}" in q.cloze
    assert DELETION.sub(lambda m: m.group(1), q.cloze) == fact.sources[0].sentence  # nothing else changed
    assert f"_____ ({hint})" in q.prompt and hidden not in q.prompt
    assert q.fact_id == fact.id and q.sources == fact.sources


def test_every_occurrence_is_hidden_by_make_cloze():
    cloze = make_cloze("Russian drones killed at least three people and injured three others.", "three", "number")
    assert cloze.count("{{c1::three::number}}") == 2
    assert "three" not in visible(cloze)


def test_every_form_of_a_name_is_hidden_by_make_cloze():
    sentence = ("Russian President Vladimir Putin warned that foreign troops would be targets, and Putin said "
                "Russia would respond.")
    cloze = make_cloze(sentence, "Vladimir Putin", "person", ["Putin", "Vladimir Putin"])
    assert "Putin" not in visible(cloze), cloze


def test_an_answer_written_twice_takes_a_sentence_that_writes_it_once_or_is_dropped():
    twice = "Russian drones killed at least three people and injured three others."
    fact = quantity(3, "three", "people", "person", twice, qualifier="at least")
    assert cloze_question(fact).reason == "answer written twice in the sentence"
    once = "The strike killed three people in the village."
    q = cloze_question(fact.model_copy(update={"sources": [src(twice), src(once, "b.txt")]}))
    assert isinstance(q, Question) and q.sources[0].sentence == once
    assert q.cloze == "The strike killed {{c1::three::number}} people in the village."


def test_a_name_inside_a_longer_word_is_not_touched():
    q = make_cloze("Paris and the Parisian suburbs; paris again.", "Paris", "city")
    assert q == "{{c1::Paris::city}} and the Parisian suburbs; {{c1::paris::city}} again."


def test_cloze_is_dropped_when_the_answer_is_not_written_in_the_sentence():
    fact = quote("Mark Rutte", "Russia has nothing to do with this decision",
                 "\u201cRussia has nothing to do with this decision,\u201d he said.", resolved_from="he")
    result = cloze_question(fact)
    assert isinstance(result, Dropped)
    assert (result.reason, result.kind, result.fact_id) == ("answer not written in the sentence", "cloze", fact.id)
    number = quantity(26, "twenty-six", "allies", "ally", "Ukraine's allies pledged troops.")
    assert cloze_question(number).reason == "answer not written in the sentence"
    vague = quantity(2000, "thousands", "troops", "troop", "Thousands of troops will go.", vague=True)
    assert cloze_question(vague).reason == "answer not written in the sentence"


def test_a_pronoun_speaker_is_never_shown_and_a_partial_quote_is_never_the_gap():
    sentence = "He claimed that Kyiv\u2019s EU bid is a \u201clegitimate choice\u201d for Ukraine."
    fact = quote("Vladimir Putin", "Kyiv\u2019s EU bid is a legitimate choice for Ukraine", sentence,
                 mode="reported", cue="claim", cue_text="claimed", resolved_from="He",
                 partial_quotes=["legitimate choice"])
    result = cloze_question(fact, ["Putin", "Vladimir Putin"])
    assert isinstance(result, Dropped) and result.reason == "gap is a quoted phrase: many wordings fit"


def test_a_very_long_sentence_is_dropped():
    sentence = "Putin said " + " ".join(["that"] * MAX_CLOZE_WORDS) + "."
    result = cloze_question(quote("Vladimir Putin", "the war goes on", sentence, mode="reported", mention="Putin"))
    assert isinstance(result, Dropped) and result.reason == "sentence too long"


def test_accepted_answers_are_the_other_spellings():
    q = cloze_question(rutte_quote(), ["Rutte", "Mark Rutte"])
    assert q.accepted == ["Mark Rutte"]


def test_gap_text():
    assert gap_text("{{c1::Paris::city}} hosted {{c1::26::number}} leaders.") == "_____ (city) hosted _____ (number) leaders."
    assert gap_text("{{c1::Paris}} hosted.") == "_____ (?) hosted."


def test_cloze_id_is_stable_and_differs_from_the_mcq_id():
    from studyaid.questions.model import question_id
    fact = drones()
    assert cloze_question(fact).id == cloze_question(drones()).id == question_id(fact.canonical_key(), "cloze")
    assert question_id(fact.canonical_key(), "cloze") != question_id(fact.canonical_key(), "mcq")


def test_cloze_uses_the_first_source_sentence():
    fact = drones().model_copy(update={"sources": [src("Ukraine\u2019s air force reported intercepting 84 drones."),
                                                   src("Another article says 84 drones were downed.", "b.txt")]})
    q = cloze_question(fact)
    assert norm(DELETION.sub(lambda m: m.group(1), q.cloze)) == norm(fact.sources[0].sentence)


def test_quote_cloze_uses_the_source_that_names_the_speaker():
    """The first source says "he said"; a later one carries the same words and names him."""
    text = "If any troops appear there, we assume that they will be legitimate targets"
    first = src(f"\u201c{text},\u201d he said.", document="a.txt")
    named_elsewhere = src("Putin spoke at the forum in Vladivostok.", document="a.txt", start=100)  # not the quote
    second = src(f"\u201c{text},\u201d Putin emphasized.", document="b.txt")
    fact = quote("Vladimir Putin", text, resolved_from="he", sources=[first, named_elsewhere, second])
    q = cloze_question(fact, ["Vladimir Putin", "Putin"])
    assert isinstance(q, Question)
    assert q.sources[0] == second and q.answer == "Putin"
    assert q.cloze.endswith("{{c1::Putin::person}} emphasized.")


def test_quote_cloze_never_hides_a_name_inside_the_quoted_words():
    text = "Zelenskyy will never accept this plan"
    fact = quote("Volodymyr Zelenskyy", text, sentence=f"\u201c{text},\u201d he said.", resolved_from="he")
    assert isinstance(cloze_question(fact, ["Zelenskyy"]), Dropped)


@pytest.mark.parametrize("sentence, made", [
    ("The summit in Paris was the first of its kind.", True),
    ("The summit in Paris, tagged {{c1::secret}} by a prankster, was the first of its kind.", False),
    ("The summit in Paris, tagged {{c2::x::y}} in the notes, was the first of its kind.", False),
    ("The summit in Paris was reported in {braces} and {{double}} braces.", True),
])
def test_a_sentence_holding_cloze_markup_is_never_a_cloze(sentence, made):
    """An article's own "{{c1::...}}" would read as a gap in the prompt and in every export."""
    fact = place("Paris", "the summit", "summit", sentence)
    question = cloze_question(fact)
    assert isinstance(question, Question) is made
    if made:
        assert gap_text(question.cloze).count("_____") == 1
    else:
        assert question.reason == "sentence holds cloze markup of its own"
