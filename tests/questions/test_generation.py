"""generate() on hand-built corpora: every fact type, stable ids, determinism, and the properties a bank
must keep whatever the facts (no alias options, no second right answer, ids independent of order)."""
from __future__ import annotations

import random

import pytest
from factory import (allies, cast, clause, corpus, date, drones, factset, meeting_date, paris_meeting, person,
                     phase_out, place, putin_warning, quantity, quote, role, rutte_quote, rutte_role, starmer_role, macron_role,
                     vladivostok_forum)

from studyaid.corroborate import quote_similarity
from studyaid.extract.numbers import parse_number
from studyaid.facts import FACT_TYPES, DateFact, FactSet, Place, Quantity, Quote, Role
from studyaid.questions import generate
from studyaid.questions.distractors import is_alias, norm


def by_fact(generation, fact_id: str, kind: str):
    return [q for q in generation.questions if q.fact_id == fact_id and q.kind == kind]


def test_every_fact_type_gives_an_mcq_and_a_cloze():
    gen = generate(corpus())
    for fact_type in FACT_TYPES:
        kinds = {q.kind for q in gen.questions if q.fact_type == fact_type}
        assert kinds == {"mcq", "cloze"} or fact_type == "quote" and kinds == {"mcq"}, fact_type
    # a quote's cloze blanks its speaker: where its "Who said" multiple choice is kept it would ask it again
    assert any(d.fact_type == "quote" and d.kind == "cloze" and d.reason == "who said asked once per quote"
               for d in gen.dropped)
    assert generate(corpus(), kinds=("cloze",)).questions  # asked for alone, quote clozes stay
    assert {q.fact_type for q in generate(corpus(), kinds=("cloze",)).questions} >= {"quote"}


def test_scores_and_difficulty_are_set():
    gen = generate(corpus())
    assert all(0 < q.score <= 1 and 0 < q.difficulty < 1 for q in gen.questions)
    assert len({q.difficulty for q in gen.questions}) > 1


@pytest.mark.parametrize("kinds", [("mcq",), ("cloze",), ("mcq", "cloze")])
def test_kinds(kinds):
    gen = generate(corpus(), kinds=kinds)
    assert gen.questions and {q.kind for q in gen.questions} == set(kinds)
    assert {d.kind for d in gen.dropped} <= set(kinds)


def test_nothing_vanishes_silently():
    facts = corpus()
    facts.facts.append(quantity(2000, "thousands", "troops", "troop", "Thousands of troops will go.", vague=True))
    gen = generate(facts)
    for fact in facts.facts:
        for kind in ("mcq", "cloze"):
            made = by_fact(gen, fact.id, kind)
            gone = [d for d in gen.dropped if d.fact_id == fact.id and d.kind == kind]
            assert len(made) + len(gone) == 1, (fact.type, kind, made, gone)


def test_cloze_accepts_the_other_spellings_of_a_name():
    gen = generate(corpus())
    rutte_cloze = by_fact(gen, rutte_role().id, "cloze")[0]
    assert rutte_cloze.answer == "Mark Rutte" and "Rutte" in rutte_cloze.accepted


# stable ids and determinism -----------------------------------------------------------------------------
def test_generating_twice_gives_identical_questions():
    assert generate(corpus()) == generate(corpus())


def test_ids_and_options_do_not_depend_on_fact_or_entity_order():
    facts = corpus()
    reference = generate(facts)
    for seed in range(5):
        shuffled = list(facts.facts)
        entities = list(facts.entities)
        random.Random(seed).shuffle(shuffled)
        random.Random(seed + 100).shuffle(entities)
        other = generate(FactSet(documents=facts.documents, entities=entities, facts=shuffled))
        assert other.questions == reference.questions
        assert sorted(d.model_dump_json() for d in other.dropped) == sorted(d.model_dump_json() for d in reference.dropped)


def test_ids_are_unique_and_do_not_depend_on_the_seed():
    a, b = generate(corpus(), seed=0), generate(corpus(), seed=1)
    ids = [q.id for q in a.questions]
    assert len(ids) == len(set(ids))
    assert ids == [q.id for q in b.questions]


def test_a_seed_changes_option_choice_or_order_somewhere():
    a, b = generate(corpus(), seed=0), generate(corpus(), seed=1)
    assert any(x.options != y.options for x, y in zip(a.questions, b.questions))


def test_another_fact_does_not_change_a_question():
    """Each fact has its own random stream: adding an unrelated fact leaves the others' questions alone."""
    base = generate(factset(rutte_quote(), drones(), rutte_role()))
    more = generate(factset(rutte_quote(), drones(), rutte_role(), phase_out()))
    for q in base.questions:
        assert q in more.questions


# properties over tricky corpora ----------------------------------------------------------------------
def co_speakers() -> FactSet:
    words = "US backing is essential to make the initiative credible"
    sentence = f"Macron and UK Prime Minister Keir Starmer stressed that {words}."
    return factset(
        quote("Emmanuel Macron", words, sentence, mode="reported", cue="stress", cue_text="stressed"),
        quote("Keir Starmer", words, sentence, mode="reported", cue="stress", cue_text="stressed",
              mention="Keir Starmer"),
        quote("Donald Trump", "We will be very much involved in the security of Ukraine after the war"),
        rutte_quote(), putin_warning())


def two_holders() -> FactSet:
    return factset(
        rutte_role(),
        role("Jens Stoltenberg", "Secretary-General", "NATO", "Former NATO Secretary-General Jens Stoltenberg spoke."),
        role("Emmanuel Macron", "President", "French", "French President Emmanuel Macron spoke."),
        role("Keir Starmer", "chief whip", "Labour", "Labour chief whip Keir Starmer spoke."),
        entities=[*cast(), person("Jens Stoltenberg")])


def split_names() -> FactSet:
    """Resolution failed: "Putin" and "Vladimir Putin" are two entities. Options must not offer both."""
    split = [quote(name, f"{name} has said this about the talks many times before", mention=name)
             for name in ("Putin", "Trump", "Zelensky")]  # the split halves speak, so they are candidates
    return factset(
        rutte_quote(), putin_warning(), role("Mark Rutte", "Secretary-General", "NATO", "NATO Secretary-General Mark Rutte."),
        starmer_role(), macron_role(), *split, entities=[*cast(), person("Putin", aliases=["Putin"]), person("Trump", aliases=["Trump"]),
                          person("Zelensky", aliases=["Zelensky"])])


def same_event() -> FactSet:
    brussels = place("Brussels", "European leaders met", "meet", "European leaders met in Brussels in June.",
                     event_kind="clause", clause=clause("European leaders", "met", "meet", after="in June"))
    again = date("September 11", "--09-11", "European leaders met in Paris", "meet",
                 "European leaders met in Paris again on September 11.",
                 clause=clause("European leaders", "met", "meet", between="in Paris again"))
    return factset(paris_meeting(), brussels, vladivostok_forum(), meeting_date(), again, phase_out())


def close_numbers() -> FactSet:
    dozen = quantity(24, "two dozen", "allies", "ally", "Two dozen allies pledged to send troops.",
                     clause=clause("Two dozen allies", "pledged", "pledge", after="to send troops",
                                   answer_role="subject"))
    thirty = quantity(30, "30", "countries", "country", "Around 30 countries took part in the talks.",
                      qualifier="around", clause=clause("Around 30 countries", "took", "take", after="part in the talks",
                                                        answer_role="subject"))
    killed = quantity(3, "three", "people", "person", "Russian drones killed at least three people overnight.",
                      qualifier="at least", clause=clause("Russian drones", "killed", "kill", after="overnight"))
    money = quantity(21.9e9, "21.9 billion", "euros", "euro", "EU imports totaled 21.9 billion euros this year.",
                     unit="euros", phrase="21.9 billion euros",
                     clause=clause("EU imports", "totaled", "total", after="this year"))
    return factset(allies(), dozen, thirty, drones(), killed, money)


CORPORA = {"seeds-like": corpus, "co-speakers": co_speakers, "two holders": two_holders, "split names": split_names,
           "same event": same_event, "close numbers": close_numbers}


def right_answers(q, facts: FactSet) -> list[str]:
    """Every answer that is true for the question, found from the facts independently of the generator."""
    fact = next(f for f in facts.facts if f.id == q.fact_id)
    if isinstance(fact, Quote):
        return [f.speaker.name for f in facts.of_type("quote") if quote_similarity(f.text, fact.text) >= 0.5]
    if isinstance(fact, Role):
        return [f.person.name for f in facts.of_type("role")
                if (f.title.casefold(), (f.organization or "").casefold())
                == (fact.title.casefold(), (fact.organization or "").casefold())]
    if isinstance(fact, Place):
        return [f.place.name for f in facts.of_type("place") if f.event_head == fact.event_head]
    if isinstance(fact, DateFact):
        return [f.date for f in facts.of_type("date") if f.event_head == fact.event_head]
    return [q.answer]


@pytest.mark.parametrize("name", CORPORA)
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_no_alias_options_and_no_second_right_answer(name, seed):
    facts = CORPORA[name]()
    gen = generate(facts, seed=seed)
    mcqs = [q for q in gen.questions if q.kind == "mcq"]
    assert mcqs
    for q in mcqs:
        assert 3 <= len(q.options) <= 6
        assert [norm(o) for o in q.options].count(norm(q.answer)) == 1
        for i, a in enumerate(q.options):
            for b in q.options[i + 1:]:
                assert not is_alias(a, b), (q.prompt, a, b)
        wrong = [o for o in q.options if o != q.answer]
        for right in right_answers(q, facts):
            assert not any(is_alias(w, right) for w in wrong), (q.prompt, right, q.options)
        fact = next(f for f in facts.facts if f.id == q.fact_id)
        if isinstance(fact, Quantity):
            rights = [f.value for f in facts.of_type("quantity") if f.counted_head == fact.counted_head
                      and abs(f.value - fact.value) <= 0.3 * fact.value]
            for w in wrong:
                value = parse_number(w.replace(fact.unit or "\0", ""))
                assert all(abs(value - r) >= 0.2 * r for r in rights), (q.prompt, w, rights)
                if fact.total:
                    assert value < fact.total
                if fact.qualifier == "at least":
                    assert value > fact.value


@pytest.mark.parametrize("name", CORPORA)
def test_ids_are_stable_and_independent_of_order(name):
    facts = CORPORA[name]()
    reference = [(q.id, q.options) for q in generate(facts).questions]
    reversed_facts = FactSet(documents=facts.documents, entities=facts.entities[::-1], facts=facts.facts[::-1])
    assert [(q.id, q.options) for q in generate(reversed_facts).questions] == reference
    assert [(q.id, q.options) for q in generate(CORPORA[name]()).questions] == reference


def test_co_speakers_both_kept_out_and_one_prompt_only():
    gen = generate(co_speakers())
    stressed = [q for q in gen.questions if q.kind == "mcq" and q.prompt.startswith("Who stressed")]
    assert len(stressed) == 1
    assert not {"Emmanuel Macron", "Keir Starmer"} - {stressed[0].answer} & set(stressed[0].options)
    assert "repeated prompt" in {d.reason for d in gen.dropped}
