"""The alias index answers exactly as a scan of every kept option would, and pick_tiered's early stop
chooses exactly what a full scan chooses (issue 13: wrong options were pairwise in a long article)."""
from __future__ import annotations

import random

import pytest

from studyaid.questions import distractors as d
from studyaid.questions.alias_index import AliasIndex

NAMES = [
    "Vladimir Putin", "Putin", "Mark Rutte", "the European Union", "EU", "British Broadcasting Corporation",
    "BBC", "B.B.C.", "Paris", "Paris, France", "Amazon", "Amazon.com Inc.", "Ruth Calloway", "Calloway",
    "Daniel Brennan", "World Health Organisation", "WHO", "Who", "National Union of Teachers", "NUT",
    "Brindle Bay", "Bay", "Corran Harbour Trust", "CHT", "CH", "the Corran", "£46m", "46", "2-1", "",
]


def scan(added: list[str], name: str) -> bool:
    return any(d.norm(name) == d.norm(p) or d.is_alias(name, p) for p in added)


@pytest.mark.parametrize(
    ("added", "name", "expected"),
    [
        (["Vladimir Putin"], "Putin", True),  # words inside
        (["Putin"], "Vladimir Putin", True),  # words around
        (["British Broadcasting Corporation"], "BBC", True),  # an acronym of an added name
        (["BBC"], "British Broadcasting Corporation", True),  # an expansion of an added acronym
        (["National Union of Teachers"], "NUT", True),
        (["Corran Harbour Trust"], "CH", False),  # two letters must match all the initials
        (["Corran Harbour Trust"], "CHT", True),
        (["the European Union"], "European Union", True),  # the same name
        (["Mark Rutte"], "Ruth Calloway", False),
        (["Brindle Bay"], "Corran Harbour Trust", False),
        ([], "Paris", False),
    ],
)
def test_clashes(added, name, expected):
    index = AliasIndex(d.norm, d.tokens)
    for other in added:
        index.add(other)
    assert index.clashes(name) is expected
    assert scan(added, name) is expected


def test_the_index_agrees_with_the_scan_on_every_order():
    rng = random.Random(7)
    for _ in range(200):
        names = rng.sample(NAMES, len(NAMES))
        index = AliasIndex(d.norm, d.tokens)
        for i, name in enumerate(names):
            assert index.clashes(name) is scan(names[:i], name), (names[:i], name)
            index.add(name)


def full_scan_pick(answer, tiers, k, prompt="", exclude=(), rng=None, pool_size=6):
    """pick_tiered as it was: every candidate of a tier compared with every kept one."""
    excluded = [answer, *exclude]
    ordered: list[str] = []
    for tier in tiers:
        if len(ordered) >= k + pool_size:
            break
        pool: list[str] = []
        for c in tier:
            c = " ".join(c.split())
            if not c or any(d.norm(c) == d.norm(e) or d.is_alias(c, e) for e in excluded):
                continue
            if prompt and d.mentioned_in(c, prompt):
                continue
            if any(d.norm(c) == d.norm(p) or d.is_alias(c, p) for p in (*ordered, *pool)):
                continue
            pool.append(c)
        head, tail = pool[:pool_size], pool[pool_size:]
        if rng is not None:
            rng.shuffle(head)
        ordered += head + tail
    chosen = ordered[:k]
    rest = ordered[k:]
    if chosen and len(answer) >= max(len(c) for c in chosen):
        longer = next((c for c in rest if len(c) >= len(answer)), None)
        if longer is not None:
            chosen[min(range(len(chosen)), key=lambda i: len(chosen[i]))] = longer
    return chosen


FIRST = ["Ruth", "Daniel", "Maria", "Owen", "Priya", "Tomas", "Grace", "Samuel", "Ines", "Kwame"]
LAST = ["Calloway", "Brennan", "Okafor", "Lindqvist", "Moreau", "Abernathy-Scott", "Li", "Ng"]
PEOPLE = [f"{f} {last}" for f in FIRST for last in LAST] + LAST


@pytest.mark.parametrize("answer", ["Ruth Calloway", "Li", "Maximilian Abernathy-Scott", "Owen Ng"])
@pytest.mark.parametrize("seed", range(6))
def test_pick_tiered_chooses_what_the_full_scan_chooses(answer, seed):
    shuffle = random.Random(seed)
    people = shuffle.sample(PEOPLE, len(PEOPLE))
    tiers = [people[:seed * 3], people[seed * 3:]]
    fast = d.pick_tiered(answer, tiers, 3, exclude=["Grace Li"], rng=random.Random(seed))
    slow = full_scan_pick(answer, tiers, 3, exclude=["Grace Li"], rng=random.Random(seed))
    assert fast == slow
