"""Indexes over one parsed document, so that a question asked once per token costs no scan of the
whole document: which character ranges are blocked (quotations, page junk), which entity holds a token.

A long article (hundreds of kilobytes) has thousands of quotations and entities; asking "is this
offset inside a quotation?" or "which entity ends at this token?" by scanning them all, once per
token, made extraction grow with the square of the length (issue 13).
"""
from __future__ import annotations

import bisect
import weakref
from typing import TYPE_CHECKING, Iterable, Iterator, Sequence

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


class SpanSet(Sequence):
    """Half-open character ranges ``(start, end)``; :meth:`covers` is ``any(s <= pos < e ...)`` by a
    binary search over the ranges merged. Iterating gives the ranges as given."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self._given = list(spans)
        merged: list[list[int]] = []
        for start, end in sorted((s, e) for s, e in self._given if s < e):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [s for s, _ in merged]
        self._ends = [e for _, e in merged]

    def covers(self, pos: int) -> bool:
        i = bisect.bisect_right(self._starts, pos) - 1
        return i >= 0 and pos < self._ends[i]

    def __getitem__(self, i):
        return self._given[i]

    def __len__(self) -> int:
        return len(self._given)

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return iter(self._given)


def inside(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether ``pos`` falls in one of ``spans``: a binary search for a :class:`SpanSet`, a scan otherwise."""
    if isinstance(spans, SpanSet):
        return spans.covers(pos)
    return any(s <= pos < e for s, e in spans)


class _Entities:
    def __init__(self, doc: "Doc") -> None:
        self.by_token: dict[int, "Span"] = {}
        self.by_end: dict[int, "Span"] = {}
        for ent in doc.ents:
            self.by_end.setdefault(ent.end - 1, ent)
            for i in range(ent.start, ent.end):
                self.by_token.setdefault(i, ent)


_ENTITIES: "weakref.WeakKeyDictionary[Doc, _Entities]" = weakref.WeakKeyDictionary()


def _entities(doc: "Doc") -> _Entities:
    found = _ENTITIES.get(doc)  # built once per Doc: the extractors never set entities (``doc.ents`` itself
    if found is None:           # builds every entity's Span on each access, so it is read once here)
        found = _ENTITIES[doc] = _Entities(doc)
    return found


_POSITIONS: "weakref.WeakKeyDictionary[Doc, dict[str, list[int]]]" = weakref.WeakKeyDictionary()


def positions_of(doc: "Doc", text: str) -> list[int]:
    """The indexes, in order, of the tokens whose text is ``text``: ``[t.i for t in doc if t.text == text]``
    from an index built once per Doc."""
    found = _POSITIONS.get(doc)
    if found is None:
        found = _POSITIONS[doc] = {}
        for tok in doc:
            found.setdefault(tok.text, []).append(tok.i)
    return found.get(text, [])


def entity_at(doc: "Doc", i: int) -> "Span | None":
    """The first of ``doc.ents`` (in order) that holds token ``i``, as a scan of ``doc.ents`` would find it."""
    return _entities(doc).by_token.get(i)


def entity_ending_at(doc: "Doc", i: int) -> "Span | None":
    """The first of ``doc.ents`` (in order) whose last token is ``i``."""
    return _entities(doc).by_end.get(i)
