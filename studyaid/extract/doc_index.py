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


def forget(doc: "Doc") -> None:
    """Drop ``doc``'s indexes once its facts are taken: the entity index holds the Doc's own spans, so
    its weak key alone would never let the Doc go (every parsed Doc of a corpus stayed in memory)."""
    _ENTITIES.pop(doc, None)
    _POSITIONS.pop(doc, None)


def entity_at(doc: "Doc", i: int) -> "Span | None":
    """The first of ``doc.ents`` (in order) that holds token ``i``, as a scan of ``doc.ents`` would find it."""
    return _entities(doc).by_token.get(i)


def entity_ending_at(doc: "Doc", i: int) -> "Span | None":
    """The first of ``doc.ents`` (in order) whose last token is ``i``."""
    return _entities(doc).by_end.get(i)


class Ranges(Sequence):
    """Items with ``start`` and ``end`` offsets (quotations), in their given order, whose window questions
    are answered by bisection when the items come in text order without overlapping (as
    :func:`~studyaid.extract.quote_marks.find_quotations` gives them) and by a scan otherwise: the same
    items, in the same order, either way. Iterating gives the items as given."""

    def __init__(self, items: Iterable) -> None:
        self._items = list(items)
        self._starts = [q.start for q in self._items]
        self._ends = [q.end for q in self._items]
        self._ordered = all(s <= e for s, e in zip(self._starts, self._ends)) and \
            all(e <= s for e, s in zip(self._ends, self._starts[1:]))
        self._near = SpanSet((q.start - 1, q.end + 1) for q in self._items)

    def near(self, pos: int) -> bool:
        """``any(q.start - 1 <= pos <= q.end ...)``: ``pos`` is inside an item or on a mark around it."""
        return self._near.covers(pos)

    def within(self, lo: int, hi: int) -> list:
        """``[q for q in items if lo <= q.start and q.end <= hi]``."""
        if not self._ordered:
            return [q for q in self._items if lo <= q.start and q.end <= hi]
        found = []
        for i in range(bisect.bisect_left(self._starts, lo), len(self._items)):
            if self._starts[i] > hi:
                break
            if self._ends[i] <= hi:
                found.append(self._items[i])
        return found

    def overlapping(self, lo: int, hi: int) -> list:
        """``[q for q in items if q.start < hi and lo < q.end]``."""
        if not self._ordered:
            return [q for q in self._items if q.start < hi and lo < q.end]
        found = []
        for i in range(bisect.bisect_right(self._ends, lo), len(self._items)):
            if self._starts[i] >= hi:
                break
            found.append(self._items[i])
        return found

    def ending_from(self, pos: int) -> Iterator:
        """The items in order, less a first run that ends before ``pos`` (all of them when the items are
        not in text order): a loop that ignores items ending before ``pos`` starts where it matters."""
        first = bisect.bisect_left(self._ends, pos) if self._ordered else 0
        return iter(self._items[first:])

    @property
    def ordered(self) -> bool:
        """The items come in text order without overlapping, so window questions are bisections."""
        return self._ordered

    def __getitem__(self, i):
        return self._items[i]

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator:
        return iter(self._items)
