"""Organisations as speakers, token by token: names after a kind noun, abbreviations spelled out, sources
an organisation's findings are credited through (studyaid.extract.speaker_orgs)."""
from __future__ import annotations

import pytest

from studyaid.extract.speaker_orgs import compiled_by, initials_of, kind_then_name, named_after_kind, same_kind


def _token(doc, text: str):
    return next(t for t in doc if t.text == text)


# (sentence, the token the name ends with, the organisation's name, or None)
NAMED_AFTER_KIND = [
    ("Security firm Harlow Data said the worm was spreading.", "Data", "Harlow Data"),
    ("The Leeds daily Morning Herald attacked the referee.", "Herald", "Morning Herald"),
    ("Rents have doubled, said market analysts Datapoint.", "Datapoint", "Datapoint"),
    # a person after a person's noun, or people after a plural
    ("Rents will fall, said market analysts Tom Reed and Ann Lee.", "Reed", None),
    ("The striker Tom Reed scored twice.", "Reed", None),
]


@pytest.mark.parametrize("text, last, expected", NAMED_AFTER_KIND)
def test_name_after_a_kind_noun(nlp, text, last, expected):
    doc = nlp(text)
    tok = _token(doc, last)
    found = named_after_kind(tok) or kind_then_name(tok.head if tok.dep_ == "appos" else tok)
    assert (found.text if found is not None else None) == expected


# (abbreviation, name, whether its letters are initials of the name in order)
INITIALS = [
    ("CRH", "Northern Council for Rural Housing", True),
    ("Crha", "Council for Rural Housing Authorities", True),
    ("USRSB", "United States Rail Safety Board", True),
    ("Labour", "Council for Rural Housing", False),
    ("FSA", "Food Standards", False),
]


@pytest.mark.parametrize("abbr, name, expected", INITIALS)
def test_abbreviation_initials(nlp, abbr, name, expected):
    assert initials_of(abbr, nlp(name)[:]) is expected


# (sentence, the verb, (organisation, source noun) or None)
COMPILED_BY = [
    ("The figures were compiled by the Rural Transport Association.", "compiled", ("Rural Transport Association", "figures")),
    ("The survey was carried out by the Harbour Research Group.", "carried", ("Harbour Research Group", "survey")),
    # not a source, or a person
    ("The bridge was built by the Harbour Research Group.", "built", None),
    ("The figures were compiled by Tom Reed.", "compiled", None),
]


@pytest.mark.parametrize("text, verb, expected", COMPILED_BY)
def test_source_compiled_by_an_organisation(nlp, text, verb, expected):
    found = compiled_by(_token(nlp(text), verb))
    assert ((found[0].text, found[1]) if found is not None else None) == expected


@pytest.mark.parametrize("noun, synonym, expected", [
    ("paper", "daily", True), ("newspaper", "tabloid", True), ("firm", "company", True),
    ("paper", "company", False), ("agency", "daily", False),
])
def test_kind_synonyms(noun, synonym, expected):
    assert (synonym in same_kind(noun)) is expected
