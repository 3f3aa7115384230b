"""Per-document indexes answer as the scans they replace (issue 13: per-token scans were quadratic)."""
from __future__ import annotations

import pytest

from studyaid.extract.doc_index import SpanSet, entity_at, entity_ending_at, inside

SPANS = [(10, 20), (15, 30), (40, 41), (50, 50), (60, 70)]


@pytest.mark.parametrize("pos", [0, 9, 10, 14, 15, 19, 20, 29, 30, 39, 40, 41, 50, 59, 60, 69, 70, 99])
def test_span_set_covers_as_the_scan(pos):
    expected = any(s <= pos < e for s, e in SPANS)
    assert SpanSet(SPANS).covers(pos) is expected
    assert inside(pos, SpanSet(SPANS)) is expected
    assert inside(pos, SPANS) is expected


def test_span_set_keeps_the_spans_as_given():
    assert list(SpanSet(SPANS)) == SPANS and len(SpanSet(SPANS)) == 5 and SpanSet(SPANS)[1] == (15, 30)


@pytest.mark.parametrize(
    "text",
    [
        "Ruth Calloway of the Corran Harbour Trust met officials from Brindle Bay Council in Glasgow on Monday.",
        "The minister said nothing.",
    ],
)
def test_entity_lookups_match_a_scan_of_doc_ents(nlp, text):
    doc = nlp(text)
    for tok in doc:
        held = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
        ending = next((e for e in doc.ents if e.end - 1 == tok.i), None)
        assert entity_at(doc, tok.i) == held
        assert entity_ending_at(doc, tok.i) == ending


@pytest.mark.parametrize(("text", "word"), [
    ("The Corran Harbour Trust (CHT) said the CHT would meet the CHT board.", "CHT"),
    ("The Corran Harbour Trust said nothing.", "CHT"),
])
def test_positions_of_match_a_scan(nlp, text, word):
    from studyaid.extract.doc_index import positions_of

    doc = nlp(text)
    assert positions_of(doc, word) == [t.i for t in doc if t.text == word]


def _random_quotations(rng, ordered: bool):
    from studyaid.extract.quote_marks import Quotation

    found, at = [], rng.randrange(0, 5)
    for _ in range(rng.randrange(0, 12)):
        if ordered:
            start = at + rng.randrange(0, 4)
            end = start + rng.randrange(0, 9)
            at = end + rng.randrange(0, 3)
        else:
            start = rng.randrange(0, 60)
            end = start + rng.randrange(-2, 15)
        found.append(Quotation(start, end, "x" * max(0, end - start), unclosed=rng.random() < 0.2))
    return found


@pytest.mark.parametrize("seed", range(40))
def test_ranges_answer_as_the_scans(seed):
    import random

    from studyaid.extract.doc_index import Ranges

    rng = random.Random(seed)
    quotations = _random_quotations(rng, ordered=seed % 4 != 0)
    ranges = Ranges(quotations)
    assert list(ranges) == quotations and len(ranges) == len(quotations)
    if seed % 4:
        assert ranges.ordered
    for lo in range(-2, 75):
        assert ranges.near(lo) is any(q.start - 1 <= lo <= q.end for q in quotations)
        for hi in range(lo - 1, lo + 20):
            assert ranges.within(lo, hi) == [q for q in quotations if lo <= q.start and q.end <= hi]
            assert ranges.overlapping(lo, hi) == [q for q in quotations if q.start < hi and lo < q.end]
        skipped = quotations[:len(quotations) - len(list(ranges.ending_from(lo)))]
        assert list(ranges.ending_from(lo)) == quotations[len(skipped):]
        assert all(q.end < lo for q in skipped)


@pytest.mark.parametrize(
    "text",
    [
        'He said the plan was "a mess." Then "we will see," she said, and "Nothing" changed.',
        '"Open all day" and "closed at night" were both "true" in "the end"',
        'A \u201ccurly quote\u201d, a "straight one", and an \u201cunclosed one\nthat goes on',
        "No quotation at all here, only words.",
    ],
)
def test_quotations_indexed_widen_a_clause_as_the_scan(text):
    from studyaid.extract.doc_index import Ranges
    from studyaid.extract.quote_marks import find_quotations
    from studyaid.extract.quotes import _balance, _outside

    quotations = list(find_quotations(text))
    ranges = Ranges(quotations)
    assert ranges.ordered
    for start in range(len(text)):
        assert _outside(start, ranges) is _outside(start, quotations)
        for end in range(start + 1, len(text) + 1):
            assert _balance(text, start, end, ranges) == _balance(text, start, end, quotations)
