"""The corpus context's per-question lookups answer as the scans they replaced (issue 13: one long document
has thousands of facts, and each question used to scan all of them)."""
from __future__ import annotations

import random

import pytest

from studyaid.questions.context import CorpusContext

from factory import DOC, PLACES, factset, person, place, place_entity, quote, role

FIRST = ["Anna", "Tomas", "Ruth", "Daniel", "Maria", "Owen"]
LAST = ["Calloway", "Brindle", "Marsh", "Okafor", "Lindqvist", "Harrow"]
TITLES = ["Minister", "minister", "Coach", "chief executive", "Spokesman"]
ORGS = [None, "Corran Harbour Trust", "corran harbour trust", "Brindle Bay Council"]
HEADS = ["meeting", "summit", "match", ""]


def _corpus(rng: random.Random):
    names = sorted({f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(rng.randrange(3, 25))})
    entities = [person(n, mentions=rng.randrange(1, 4), aliases=[n, n.split()[-1]]) for n in names] \
        + [place_entity(p) for p in PLACES]
    facts = []
    for n in names:
        if rng.random() < 0.6:
            facts.append(quote(n, "We will open the harbour again in spring"))
        for _ in range(rng.randrange(0, 3)):
            facts.append(role(n, rng.choice(TITLES), rng.choice(ORGS), f"{n} is the {rng.choice(TITLES)}."))
    for p in rng.sample(sorted(PLACES), 5):
        facts.append(place(p, "a meeting", rng.choice(HEADS), f"They met in {p}."))
    return factset(*facts, entities=entities), names


@pytest.mark.parametrize("seed", range(40))
def test_people_roles_and_places_as_the_scans(seed):
    rng = random.Random(seed)
    facts, names = _corpus(rng)
    context = CorpusContext(facts)
    for answer in names:
        answer_id = next(e.id for e in facts.entities if e.name == answer)
        fact = next((f for f in context.quotes if f.speaker.name == answer), None) or context.roles[0]
        titles = {r.title.casefold() for r in context.roles_by_person.get(answer_id, [])}
        scanned = []
        for documents in context.tiers(fact):
            people = list({e.id: e for d in documents for e in context._voiced_by_document.get(d, [])
                           if e.id != answer_id}.values())
            people.sort(key=lambda e: (-int(bool(titles & {r.title.casefold()
                                                          for r in context.roles_by_person.get(e.id, [])})),
                                       -e.mentions, e.name))
            scanned.append([e.name for e in people])
        assert context.person_tiers(fact, answer_id) == scanned
    for r in context.roles:
        assert context.role_holders(r) == {
            x.person.name for x in context.roles if x.title.casefold() == r.title.casefold()
            and (x.organization or "").casefold() == (r.organization or "").casefold()}
    for p in context.places:
        assert context.places_for_event(p) == {x.place.name for x in context.places if x.event_head == p.event_head}
    assert DOC in facts.documents


def test_people_sharing_the_answers_title_come_first():
    facts = factset(role("Anna Marsh", "minister", None, "Anna Marsh is the minister."),
                    role("Owen Harrow", "Minister", None, "Owen Harrow is the Minister."),
                    role("Ruth Okafor", "coach", None, "Ruth Okafor is the coach."),
                    entities=[person("Anna Marsh", 1, ["Anna Marsh"]), person("Owen Harrow", 1, ["Owen Harrow"]),
                              person("Ruth Okafor", 5, ["Ruth Okafor"])])
    context = CorpusContext(facts)
    assert context.person_tiers(facts.facts[0], "person:anna-marsh")[0] == ["Owen Harrow", "Ruth Okafor"]
    assert context.person_tiers(facts.facts[2], "person:ruth-okafor")[0] == ["Anna Marsh", "Owen Harrow"]
