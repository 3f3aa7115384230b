"""Wrong options by relatedness: own document first, then same-topic ones, never unrelated ones (class 1),
and options that do not change when unrelated articles join the bank (class 9)."""
from __future__ import annotations

import random

from factory import person, quote, src

from studyaid.facts import FactSet
from studyaid.questions import generate
from studyaid.questions.context import CorpusContext
from studyaid.questions.mcq import BUILDERS
from studyaid.questions.model import Dropped
from studyaid.questions.relatedness import Relatedness, content_words

FOOTBALL_A, FOOTBALL_B, BAKING, GARDEN = "a/derby.txt", "a/transfer.txt", "b/bakery.txt", "b/garden.txt"


def said(speaker: str, text: str, document: str):
    return quote(speaker, text, sources=[src(f"\u201c{text},\u201d {speaker.split()[-1]} said.", document)])


def football_and_baking() -> FactSet:
    facts = [
        said("Arlen Pike", "We defended well for ninety minutes and the derby win was deserved", FOOTBALL_A),
        said("Tomas Reyne", "The referee made the right call on the penalty in the second half", FOOTBALL_A),
        said("Arlen Pike", "The striker will sign before the transfer window closes in January", FOOTBALL_B),
        said("Carla Voss", "The club has agreed a fee for the striker with the other club", FOOTBALL_B),
        said("Mina Okafor", "Our sourdough bread needs forty hours of slow fermentation to rise", BAKING),
        said("Henrik Dahl", "Butter prices have doubled since the bakery opened its second shop", BAKING),
    ]
    people = [person("Arlen Pike", aliases=["Pike", "Arlen Pike"], documents=[FOOTBALL_A, FOOTBALL_B]),
              person("Tomas Reyne", aliases=["Reyne", "Tomas Reyne"], documents=[FOOTBALL_A]),
              person("Carla Voss", aliases=["Voss", "Carla Voss"], documents=[FOOTBALL_B]),
              person("Mina Okafor", aliases=["Okafor", "Mina Okafor"], documents=[BAKING]),
              person("Henrik Dahl", aliases=["Dahl", "Henrik Dahl"], documents=[BAKING])]
    return FactSet(documents=[FOOTBALL_A, FOOTBALL_B, BAKING], entities=people, facts=facts)


def with_garden(facts: FactSet) -> FactSet:
    extra = said("Olga Brandt", "Tomatoes need six hours of sun and a deep weekly watering", GARDEN)
    return FactSet(documents=[*facts.documents, GARDEN],
                   entities=[*facts.entities, person("Olga Brandt", aliases=["Brandt", "Olga Brandt"],
                                                     documents=[GARDEN])],
                   facts=[*facts.facts, extra])


def test_documents_sharing_a_person_are_related_and_others_are_not():
    r = Relatedness(football_and_baking())
    assert r.related_to([FOOTBALL_A]) == [FOOTBALL_B]
    assert r.related_to([BAKING]) == []


def test_relatedness_of_a_pair_ignores_the_rest_of_the_corpus():
    facts = football_and_baking()
    assert Relatedness(facts).score(FOOTBALL_A, FOOTBALL_B) == Relatedness(with_garden(facts)).score(FOOTBALL_A, FOOTBALL_B)


def test_content_words_drop_function_words_and_plural_s():
    assert content_words("The strikers said they would sign") == {"striker", "sign"}


def test_wrong_speakers_come_from_the_same_story_never_from_an_unrelated_one():
    facts = football_and_baking()
    ctx = CorpusContext(facts)
    for fact in facts.facts:
        q = BUILDERS["quote"](fact, ctx, random.Random(0))
        doc = fact.sources[0].document
        if doc == BAKING:  # one other person in the story, no related story: too few options
            assert isinstance(q, Dropped) and q.reason == "too few wrong options"
            continue
        assert not isinstance(q, Dropped), q
        assert not {"Mina Okafor", "Henrik Dahl"} & set(q.options), (q.prompt, q.options)


def test_an_unrelated_article_changes_no_existing_question():
    before = {q.id: (q.prompt, q.options) for q in generate(football_and_baking()).questions}
    after = {q.id: (q.prompt, q.options) for q in generate(with_garden(football_and_baking())).questions}
    assert before and all(after[i] == before[i] for i in before)


VOCABULARY = ("harbour ferry tide crane cargo dock storm pilot anchor lighthouse fishing trawler quota market "
              "auction harvest orchard cider barrel cellar vintage tasting label export tariff border customs "
              "ledger audit pension bonus salary strike union picket ballot").split()
COUNTRIES = [f"country:c{i}" for i in range(7)]


def random_corpus(rng: random.Random, size: int) -> FactSet:
    """Articles of random words from one small vocabulary (so some pairs share much and most little),
    some sharing a speaker, some naming many of the same countries and no word at all."""
    from studyaid.facts import Entity

    documents = [f"r/{i:02d}.txt" for i in range(size)]
    facts, entities = [], []
    speakers = [f"{first} {last}" for first, last in zip("Ines Olek Tarja Bruno Maren Costa Elif Jonas Katja Lior "
                                                       "Nadia Pavel Rosa".split(),
                                                       "Varga Brandt Lund Okoro Silva Havel Dumas Ferro Ilves "
                                                       "Kaur Mertz Novak Quist".split())][:max(2, size // 3)]
    holders: dict[str, list[str]] = {}
    countries: dict[str, list[str]] = {}
    for d in documents:
        speaker = rng.choice(speakers)
        holders.setdefault(speaker, []).append(d)
        words = rng.sample(VOCABULARY, rng.randint(0, 12))
        facts.append(said(speaker, " ".join(words) or "Yes", d))
        for c in rng.sample(COUNTRIES, rng.choice([0, 1, 2, 6, 7])):
            countries.setdefault(c, []).append(d)
    for name, docs in holders.items():
        entities.append(person(name, aliases=[name], documents=docs))
    for c, docs in countries.items():
        entities.append(Entity(id=c, name=c, kind="place", place_kind="country", aliases=[c], documents=docs))
    return FactSet(documents=documents, entities=entities, facts=facts)


def test_related_documents_through_the_candidate_index_equal_a_full_scan_on_random_corpora():
    """The index skips the postings of everyday words and of countries (prefix filtering): it must
    still find exactly the documents a full scan of every pair finds, in the same order."""
    from studyaid.questions.relatedness import THRESHOLD

    rng = random.Random(7)
    found = 0
    for size in (6, 12, 25, 40):
        r = Relatedness(random_corpus(rng, size))
        for d in r.documents:
            full = sorted((o for o in r.documents if o != d and r.score(d, o) >= THRESHOLD),
                          key=lambda o: (-r.score(d, o), o))
            assert r.related_to([d]) == full, d
            found += len(full)
    assert found > 20  # the corpora do hold related pairs
