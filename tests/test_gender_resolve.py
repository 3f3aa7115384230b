"""A canonical person's gender: every mention and fact of theirs that shows one agrees; else unknown."""
from __future__ import annotations

import pytest

from studyaid.resolve.names import EntityResolver, Mention


def _lookup(name: str):
    return None


def _gender(mentions: list[Mention], gendered: list[Mention] = (), name: str = "Jane Morrow") -> str | None:
    resolver = EntityResolver(mentions, _lookup, gendered=gendered)
    return next(e.gender for e in resolver.entities() if e.name == name)


F, M = "female", "male"


@pytest.mark.parametrize("mentions, gendered, expected", [
    # an honorific on a bare surname joins the full name of the same article
    ([Mention("Jane Morrow", "person", "a.txt"), Mention("Morrow", "person", "a.txt", F)], [], F),
    # across articles, by the full name
    ([Mention("Jane Morrow", "person", "a.txt"), Mention("Jane Morrow", "person", "b.txt", F)], [], F),
    # the tracker's "she said", counted as evidence and not as a mention
    ([Mention("Jane Morrow", "person", "a.txt")], [Mention("Morrow", "person", "a.txt", F)], F),
    # nothing plain
    ([Mention("Jane Morrow", "person", "a.txt"), Mention("Morrow", "person", "a.txt")], [], None),
    # conflicting: unknown
    ([Mention("Jane Morrow", "person", "a.txt", F), Mention("Morrow", "person", "a.txt", M)], [], None),
    ([Mention("Jane Morrow", "person", "a.txt", F)], [Mention("Morrow", "person", "a.txt", M)], None),
    # evidence about another article's Morrow, never merged with this one, says nothing of her
    ([Mention("Jane Morrow", "person", "a.txt"), Mention("Tom Morrow", "person", "b.txt", M)], [], None),
])
def test_gender_of_a_canonical_person(mentions, gendered, expected):
    assert _gender(mentions, gendered) == expected


def test_gender_evidence_counts_no_mention():
    plain = EntityResolver([Mention("Jane Morrow", "person", "a.txt")], _lookup)
    told = EntityResolver([Mention("Jane Morrow", "person", "a.txt")], _lookup,
                          gendered=[Mention("Jane Morrow", "person", "a.txt", F)] * 3)
    assert [e.mentions for e in plain.entities()] == [e.mentions for e in told.entities()] == [1]
