"""The people resolver's indexes answer as the scans they replaced (issue 13: one long document names
hundreds of people, and each name used to be compared with every person met before it)."""
from __future__ import annotations

import random
from collections import Counter

import pytest

from studyaid.resolve import names as names_module
from studyaid.resolve.names import EntityResolver, Mention, _find_person, _fold, _Person

FIRST = ["Volodymyr", "Donald", "Melania", "Anna", "Charles", "Ana", "Mr", "Charles Saumarez"]
SURNAMES = ["Zelensky", "Zelenskyy", "Zelenskiy", "Smith", "Smyth", "Smithers", "Li", "Lee", "Liu", "Trump",
            "Trumper", "Saumarez Smith", "Kyiv", "Bono", "Ek", "Okonjo-Iweala", "O'Brien", "OBrien"]
PLACES = {"kyiv"}


def lookup(name: str):
    return "place" if name.casefold() in PLACES else None


def _scanned_local_people(resolver: EntityResolver, names: list[str], document: str = ""):
    """The scan the index replaced: every name compared with every person met before it."""
    counts = Counter(names)
    ordered = sorted(counts, key=lambda n: (-len(n.split()), -counts[n], n))
    people: list[_Person] = []
    for name in ordered:
        words = name.split()
        if len(words) == 1 and resolver._is_place(name) and (document, _fold(name)) not in resolver._titled:
            continue
        surname, first = words[-1], (" ".join(words[:-1]) or None)
        person = next((p for p in people if len(words) > 1 and any(
            len(full.split()) > len(words) and full.split()[-len(words):] == words for full in p.full_names)), None)
        if person is not None:
            person.aliases.add(name)
            person.mentions += counts[name]
            continue
        person = _find_person(people, surname, first)
        if person is None:
            person = _Person(first_name=first)
            people.append(person)
        if first and not person.first_name:
            person.first_name = first
        person.surnames[surname] += counts[name]
        if len(words) > 1:
            person.full_names[name] += counts[name]
        person.aliases.add(name)
        person.mentions += counts[name]
    return [(p, set(p.aliases)) for p in people]


def _random_names(rng: random.Random) -> list[str]:
    out = []
    for _ in range(rng.randrange(1, 40)):
        surname = rng.choice(SURNAMES)
        out.append(surname if rng.random() < 0.4 else f"{rng.choice(FIRST)} {surname}")
    return out


@pytest.mark.parametrize("seed", range(60))
def test_one_documents_people_as_the_scan(seed):
    rng = random.Random(seed)
    names = _random_names(rng)
    resolver = EntityResolver([], lookup)
    assert resolver._local_people(names, "a.txt") == _scanned_local_people(resolver, names, "a.txt")


@pytest.mark.parametrize("seed", range(30))
def test_a_name_in_its_document_as_the_scan(seed, monkeypatch):
    rng = random.Random(seed)
    mentions = [Mention(name, "person", f"doc{rng.randrange(3)}.txt") for name in _random_names(rng) * 2]
    asked = _random_names(rng) + [rng.choice(mentions).text.split()[-1] for _ in range(20)] \
        + [rng.choice(mentions).text for _ in range(20)]
    queries = [(name, f"doc{rng.randrange(3)}.txt") for name in asked]
    indexed = EntityResolver(mentions, lookup)
    found = [indexed.person(name, doc) for name, doc in queries]
    scanned = EntityResolver(mentions, lookup)  # every person of the document tried, as before the index
    monkeypatch.setattr(scanned, "_doc_people_near", lambda document, surname: scanned._doc_entities.get(document, []))
    assert found == [scanned.person(name, doc) for name, doc in queries]
    assert any(f is not None for f in found)


def test_the_scan_and_the_index_join_spellings_and_keep_first_names_apart():
    names = ["Volodymyr Zelenskyy", "Zelensky", "Donald Trump", "Melania Trump", "Trump", "Saumarez Smith",
             "Charles Saumarez Smith", "Li", "Liu"]
    resolver = EntityResolver([], lookup)
    people = resolver._local_people(names, "a.txt")
    assert people == _scanned_local_people(resolver, names, "a.txt")
    assert sorted(sorted(aliases) for _, aliases in people) == [
        ["Charles Saumarez Smith", "Saumarez Smith"], ["Donald Trump", "Trump"], ["Li"], ["Liu"], ["Melania Trump"],
        ["Volodymyr Zelenskyy", "Zelensky"]]
    assert names_module._same_surname("Zelensky", "Zelenskyy") and not names_module._same_surname("Li", "Liu")
