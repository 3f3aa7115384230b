"""One name per person and place: spellings grouped, surnames joined, NER slips repaired."""
from __future__ import annotations

import random
from types import SimpleNamespace

import pytest

from studyaid.resolve.names import EntityResolver, Mention
from studyaid.extract.common import provisional_ref

PLACES = {
    "kyiv": SimpleNamespace(name="Kyiv", kind="city", country="UA"),
    "kiev": SimpleNamespace(name="Kyiv", kind="city", country="UA"),
    "vladivostok": SimpleNamespace(name="Vladivostok", kind="city", country="RU"),
    "ukraine": SimpleNamespace(name="Ukraine", kind="country", country="UA"),
}


def lookup(name: str):
    return PLACES.get(name.casefold())


def people(resolver: EntityResolver) -> list:
    return [e for e in resolver.entities() if e.kind == "person"]


def mentions(*spec: tuple[str, int], kind: str = "person") -> list[Mention]:
    """``("Zelenskyy", 3)`` -> three mentions, spread over documents."""
    out = []
    for text, count in spec:
        out += [Mention(text, kind, f"doc{i % 3}.txt") for i in range(count)]
    return out


ZELENSKYY = mentions(("Volodymyr Zelenskyy", 3), ("Zelenskyy", 9), ("Volodymyr Zelensky", 2), ("Zelensky", 1))


def test_spellings_of_one_surname_are_one_person():
    resolver = EntityResolver(ZELENSKYY, lookup)
    found = people(resolver)
    assert len(found) == 1
    entity = found[0]
    assert entity.name == "Volodymyr Zelenskyy"  # the most common spelling, with the first name
    assert entity.id == "person:volodymyr-zelenskyy"
    assert set(entity.aliases) >= {"Volodymyr Zelenskyy", "Zelenskyy", "Volodymyr Zelensky", "Zelensky"}
    assert entity.mentions == 15
    for written in ("Zelensky", "Zelenskyy", "Volodymyr Zelensky", "Volodymyr Zelenskyy", "Zelenskiy"):
        assert resolver.person(written).id == entity.id, written


def test_most_common_spelling_wins():
    resolver = EntityResolver(mentions(("Volodymyr Zelensky", 3), ("Zelensky", 5), ("Zelenskyy", 2)), lookup)
    assert [e.name for e in people(resolver)] == ["Volodymyr Zelensky"]


def test_result_does_not_depend_on_mention_order():
    shuffled = list(ZELENSKYY)
    random.Random(7).shuffle(shuffled)
    a, b = EntityResolver(ZELENSKYY, lookup), EntityResolver(shuffled, lookup)
    assert [e.model_dump() for e in a.entities()] == [e.model_dump() for e in b.entities()]


def test_bare_surname_joins_its_full_name():
    resolver = EntityResolver(mentions(("Rutte", 3), ("Mark Rutte", 1)), lookup)
    assert [(e.name, e.mentions) for e in people(resolver)] == [("Mark Rutte", 4)]
    assert resolver.person("Rutte").name == "Mark Rutte"
    ref = resolver.resolve(provisional_ref("Rutte", "person"))
    assert (ref.mention, ref.name, ref.id, ref.kind) == ("Rutte", "Mark Rutte", "person:mark-rutte", "person")


def test_same_surname_different_first_name_are_two_people():
    resolver = EntityResolver(mentions(("Donald Trump", 4), ("Melania Trump", 1)), lookup)
    assert sorted(e.name for e in people(resolver)) == ["Donald Trump", "Melania Trump"]
    assert resolver.person("Melania Trump").id != resolver.person("Donald Trump").id


def test_bare_surname_shared_by_two_people_goes_to_the_one_named_most():
    resolver = EntityResolver(mentions(("Donald Trump", 4), ("Melania Trump", 1), ("Trump", 6)), lookup)
    assert resolver.person("Trump").name == "Donald Trump"


def test_different_surnames_stay_apart():
    resolver = EntityResolver(mentions(("Vladimir Putin", 2), ("Oleh Synyehubov", 1), ("Peskov", 1), ("Li", 1),
                                       ("Lu", 1)), lookup)
    assert sorted(e.name for e in people(resolver)) == ["Li", "Lu", "Oleh Synyehubov", "Peskov", "Vladimir Putin"]


def test_a_place_tagged_as_a_person_is_a_place():
    resolver = EntityResolver(mentions(("Kyiv", 2)) + mentions(("Vladimir Putin", 1)), lookup)
    assert [e.name for e in people(resolver)] == ["Vladimir Putin"]
    ref = resolver.resolve(provisional_ref("Kyiv", "person"))
    assert (ref.kind, ref.name, ref.id) == ("place", "Kyiv", "place:kyiv")


def test_places_take_the_gazetteer_name():
    resolver = EntityResolver(mentions(("Kiev", 1), ("Kyiv", 2), kind="place"), lookup)
    places = [e for e in resolver.entities() if e.kind == "place"]
    assert [(e.name, e.place_kind, e.country, e.mentions) for e in places] == [("Kyiv", "city", "UA", 3)]
    assert places[0].aliases == ["Kiev", "Kyiv"]
    assert resolver.resolve(provisional_ref("Kiev", "place")).id == "place:kyiv"


def test_unknown_person_is_left_as_written():
    resolver = EntityResolver(mentions(("Vladimir Putin", 1)), lookup)
    ref = provisional_ref("Reuters", "person")
    assert resolver.person("Reuters") is None
    assert resolver.resolve(ref) == ref


@pytest.mark.parametrize("written", ["he", ""])
def test_nothing_to_resolve(written):
    assert EntityResolver(mentions(("Vladimir Putin", 1)), lookup).person(written) is None


def doc_mentions(document: str, *names: str) -> list[Mention]:
    return [Mention(name, "person", document) for name in names]


# (mentions over documents, (document, name as written), expected canonical name)
WITHIN_DOCUMENT = [
    # a bare surname is the person of that surname named in the same article, not a namesake elsewhere
    (doc_mentions("politics.txt", "Gordon Brown", "Brown", "Brown", "Brown")
     + doc_mentions("football.txt", "Wes Brown", "Brown"),
     ("football.txt", "Brown"), "Wes Brown"),
    (doc_mentions("politics.txt", "Gordon Brown", "Brown", "Brown", "Brown")
     + doc_mentions("football.txt", "Wes Brown", "Brown"),
     ("politics.txt", "Brown"), "Gordon Brown"),
    # "Mr King" is written "King": this article's King, however often another article names its own
    (doc_mentions("bank.txt", "Mervyn King", "King") + doc_mentions("tennis.txt", "Billie Jean King", "King", "King"),
     ("bank.txt", "King"), "Mervyn King"),
    # a surname the article never gives in full joins the one person named in full elsewhere
    (doc_mentions("a.txt", "Mark Rutte", "Rutte") + doc_mentions("b.txt", "Rutte"), ("b.txt", "Rutte"), "Mark Rutte"),
    # ... but not when two people named in full elsewhere share it
    (doc_mentions("a.txt", "Gordon Brown") + doc_mentions("b.txt", "Wes Brown") + doc_mentions("c.txt", "Brown"),
     ("c.txt", "Brown"), "Brown"),
    # spellings of one full name across articles are one person
    (doc_mentions("a.txt", "Volodymyr Zelenskyy", "Zelenskyy", "Zelenskyy")
     + doc_mentions("b.txt", "Volodymyr Zelensky", "Zelensky"),
     ("b.txt", "Zelensky"), "Volodymyr Zelenskyy"),
]


@pytest.mark.parametrize("spec, written, expected", WITHIN_DOCUMENT)
def test_names_resolve_within_their_document_first(spec, written, expected):
    resolver = EntityResolver(spec, lookup)
    document, text = written
    assert resolver.person(text, document).name == expected
    assert resolver.resolve(provisional_ref(text, "person"), document).name == expected


def test_namesakes_in_two_articles_stay_two_people():
    resolver = EntityResolver(doc_mentions("politics.txt", "Gordon Brown", "Brown")
                              + doc_mentions("football.txt", "Wes Brown", "Brown"), lookup)
    found = {e.name: e.documents for e in people(resolver)}
    assert found == {"Gordon Brown": ["politics.txt"], "Wes Brown": ["football.txt"]}


def test_the_end_of_a_full_name_is_that_person_in_the_same_article():
    resolver = EntityResolver(doc_mentions("gallery.txt", "Charles Saumarez Smith", "Saumarez Smith", "Saumarez Smith")
                              + doc_mentions("other.txt", "Maggie Smith"), lookup)
    assert resolver.person("Saumarez Smith", "gallery.txt").name == "Charles Saumarez Smith"
    assert sorted(e.name for e in people(resolver)) == ["Charles Saumarez Smith", "Maggie Smith"]


# (mentions per document, names a title introduces, name resolved in doc1, expected kind) with the real
# gazetteer: a one-word "person" it knows as a place (Bono -> Bonn) is a place, unless a title word
# introduces that name in the same article ("U2 frontman Bono", "singer Bono"): then a person (issue 10).
@pytest.mark.parametrize("names, titled, written, kind", [
    ([("Bono", "doc1.txt")], [("Bono", "doc1.txt")], "Bono", "person"),
    ([("Bono", "doc1.txt"), ("Bono", "doc1.txt")], [("Bono", "doc1.txt")], "Bono", "person"),
    ([("Bono", "doc1.txt")], [], "Bono", "place"),
    # a title in another article: the one person of that name named elsewhere
    ([("Bono", "doc1.txt"), ("Bono", "doc2.txt")], [("Bono", "doc2.txt")], "Bono", "person"),
    ([("Kyiv", "doc1.txt")], [], "Kyiv", "place"),
])
def test_a_name_a_title_introduces_is_a_person(names, titled, written, kind):
    from studyaid.gazetteer import lookup as real_lookup

    titled_mentions = [Mention(text, "person", doc) for text, doc in titled]
    resolver = EntityResolver([Mention(text, "person", doc) for text, doc in names] + titled_mentions,
                              real_lookup, titled_mentions)
    assert resolver.resolve(provisional_ref(written, "person"), "doc1.txt").kind == kind
