"""One fact per claim, with every source, whatever order the facts come in."""
from __future__ import annotations

import itertools
import random

from studyaid.resolve.corroborate import corroborate, quote_similarity
from studyaid.document import Source
from studyaid.facts import DateFact, EntityRef, Quantity, Quote, Role


def person(name: str) -> EntityRef:
    return EntityRef(mention=name, name=name, id="person:" + name.lower().replace(" ", "-"), kind="person")


def src(document: str, start: int, sentence: str = "a sentence") -> Source:
    return Source(document=document, sentence=sentence, start=start, end=start + len(sentence))


def quote(speaker: str, text: str, document: str, start: int = 0, mode: str = "direct", **kw) -> Quote:
    return Quote(speaker=person(speaker), text=text, mode=mode, cue="say", sources=[src(document, start)], **kw)


def role(name: str, title: str, organization: str | None, document: str, start: int = 0) -> Role:
    text = f"{organization or ''} {title}".strip()
    return Role(person=person(name), title=title, organization=organization, role=text,
                sources=[src(document, start)], confidence=0.9 if organization else 0.75)


# seed 001 and seed 002 render Putin's words differently
PUTIN_001 = ("If any troops appear there, especially now while fighting is ongoing, we assume that they will be "
             "legitimate targets")
PUTIN_002 = ("If any troops appear there, especially now, during the fighting, we assume that they will be "
             "legitimate targets for destruction")


def test_reworded_quote_across_documents_is_one_fact():
    facts = corroborate([quote("Vladimir Putin", PUTIN_001, "001.txt", 100),
                         quote("Vladimir Putin", PUTIN_002, "002.txt", 50)])
    assert len(facts) == 1
    fact = facts[0]
    assert fact.corroboration == 2
    assert [s.document for s in fact.sources] == ["001.txt", "002.txt"]
    assert fact.text in (PUTIN_001, PUTIN_002)
    assert fact.variants == [t for t in (PUTIN_001, PUTIN_002) if t != fact.text]
    assert fact.confidence > quote("x", "y", "z").confidence  # two documents are more than one


def test_different_speakers_never_merge():
    text = "US backing is essential to make the initiative credible"
    facts = corroborate([quote("Emmanuel Macron", text, "000.txt", mode="reported"),
                         quote("Keir Starmer", text, "000.txt", mode="reported")])
    assert sorted(f.speaker.name for f in facts) == ["Emmanuel Macron", "Keir Starmer"]


def test_different_words_of_one_speaker_stay_apart():
    facts = corroborate([quote("Mark Rutte", "Why are we interested in what Russia thinks about troops in Ukraine?",
                               "001.txt", 10),
                         quote("Mark Rutte", "It's a sovereign country.", "001.txt", 90)])
    assert len(facts) == 2


def test_direct_quote_is_primary_over_reported_speech():
    facts = corroborate([
        quote("Vladimir Putin", "Peace guarantees must be for both countries", "002.txt", mode="reported"),
        quote("Vladimir Putin", "Peace guarantees must be for both, Russia and Ukraine", "003.txt"),
    ])
    assert len(facts) == 1
    assert facts[0].mode == "direct" and facts[0].text == "Peace guarantees must be for both, Russia and Ukraine"
    assert facts[0].variants == ["Peace guarantees must be for both countries"]


def test_role_without_organization_merges_into_the_one_with_it():
    facts = corroborate([role("Donald Trump", "President", None, "003.txt"),
                         role("Donald Trump", "President", "United States", "001.txt")])
    assert len(facts) == 1
    assert facts[0].organization == "United States"
    assert facts[0].corroboration == 2


def test_roles_with_different_organizations_stay_apart():
    facts = corroborate([role("Antonio Costa", "President", "European Council", "004.txt"),
                         role("Antonio Costa", "President", "Portugal", "005.txt")])
    assert len(facts) == 2


def test_same_number_of_different_things_stay_apart():
    def qty(value, head, document):
        return Quantity(value=value, text=str(value), counted=head + "s", counted_head=head, phrase=f"{value} {head}s",
                        sources=[src(document, 0)])

    facts = corroborate([qty(26, "ally", "000.txt"), qty(26, "ally", "002.txt"), qty(26, "state", "003.txt")])
    assert sorted((f.counted_head, f.corroboration) for f in facts) == [("ally", 2), ("state", 1)]


def test_same_date_of_different_events_stay_apart():
    def date(head, document):
        return DateFact(date="September 4", iso="--09-04", event=head, event_head=head, sources=[src(document, 0)])

    assert len(corroborate([date("meet", "001.txt"), date("kill", "001.txt"), date("meet", "003.txt")])) == 2


def test_quote_similarity_is_symmetric():
    assert quote_similarity(PUTIN_001, PUTIN_002) == quote_similarity(PUTIN_002, PUTIN_001)
    assert quote_similarity(PUTIN_001, PUTIN_002) >= 0.6
    assert quote_similarity(PUTIN_001, "It's a sovereign country.") < 0.3


# A ~ B and B ~ C but not A ~ C: merging one at a time, the result depended on which came first.
CHAIN = [
    "we will finalize American support for these security guarantees",
    "In the coming days, we will finalize American support for these security guarantees and the United States was "
    "involved in all stages",
    "the United States was involved in all stages of the process as I said",
]


def corpus() -> list:
    return [
        quote("Emmanuel Macron", CHAIN[0], "003.txt", 40),
        quote("Emmanuel Macron", CHAIN[1], "001.txt", 900),
        quote("Emmanuel Macron", CHAIN[2], "002.txt", 70),
        quote("Vladimir Putin", PUTIN_001, "001.txt", 100),
        quote("Vladimir Putin", PUTIN_002, "002.txt", 50),
        role("Donald Trump", "President", None, "003.txt", 5),
        role("Donald Trump", "President", "United States", "001.txt", 600),
        role("Mark Rutte", "Secretary-General", "NATO", "000.txt", 800),
        Quantity(value=84, total=112, text="84", counted="drones", counted_head="drone",
                 phrase="84 out of 112 drones", sources=[src("000.txt", 1200)]),
    ]


def test_chained_claims_are_one_fact_in_any_order():
    assert quote_similarity(CHAIN[0], CHAIN[1]) >= 0.6 and quote_similarity(CHAIN[1], CHAIN[2]) >= 0.6
    assert quote_similarity(CHAIN[0], CHAIN[2]) < 0.6
    for order in itertools.permutations(corpus()[:3]):
        facts = corroborate(order)
        assert len(facts) == 1
        assert sorted(s.document for s in facts[0].sources) == ["001.txt", "002.txt", "003.txt"]


def test_output_does_not_depend_on_input_order():
    expected = [f.model_dump() for f in corroborate(corpus())]
    ids = [f.id for f in corroborate(corpus())]
    assert len(set(ids)) == len(ids) == 5
    rng = random.Random(3)
    for _ in range(20):
        facts = corpus()
        rng.shuffle(facts)
        merged = corroborate(facts)
        assert [f.id for f in merged] == ids
        assert [f.model_dump() for f in merged] == expected


def test_sources_of_a_merged_fact_are_in_corpus_order_without_duplicates():
    same = quote("Vladimir Putin", PUTIN_001, "001.txt", 100)
    facts = corroborate([quote("Vladimir Putin", PUTIN_002, "002.txt", 50), same, same])
    assert [(s.document, s.start) for s in facts[0].sources] == [("001.txt", 100), ("002.txt", 50)]


def test_nothing_in_nothing_out():
    assert corroborate([]) == []


def test_bare_place_mentions_in_two_articles_are_two_facts_not_one_corroborated_claim():
    from studyaid.resolve.corroborate import corroborate
    from studyaid.document import Source
    from studyaid.facts import EntityRef, Place

    def mention(document: str) -> Place:
        sentence = "A Norway court heard the case."
        return Place(place=EntityRef(mention="Norway", name="Norway", id="place:norway", kind="place"),
                     place_kind="country", country="NO", event="a Norway court", event_head="court",
                     relation="mention", sources=[Source(document=document, sentence=sentence, start=0,
                                                         end=len(sentence))])

    merged = corroborate([mention("a.txt"), mention("b.txt")])
    assert len(merged) == 2 and all(f.corroboration == 1 for f in merged)
    assert merged[0].id != merged[1].id
