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
