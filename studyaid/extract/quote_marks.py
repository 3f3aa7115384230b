"""Find quotation spans in raw text: curly and straight double quotes, unclosed paragraphs included.

Pure string work, no parse: ``find_quotations(text)`` yields :class:`Quotation` spans with the
character offsets of the quoted words (marks excluded). Newspaper style lets a quote run to the end
of a paragraph without a closing mark when the next paragraph continues it; such a span is closed at
the paragraph end and flagged ``unclosed``. Straight quotes are told open or close by their
neighbours, which is what breaks pairing-by-count on mixed “...\" pages.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

OPEN_ONLY = "\u201c\u201e\u00ab"  # “ „ «
CLOSE_ONLY = "\u201d\u00bb"  # ” »
STRAIGHT = '"'
SINGLE_OPEN = "\u2018"  # ‘
SINGLE_CLOSE = "\u2019"  # ’ (also the apostrophe)


@dataclass(frozen=True)
class Quotation:
    start: int  # first quoted character
    end: int  # one past the last quoted character
    text: str
    unclosed: bool = False
    single: bool = False  # ‘...’ or '...': only ever a partial or scare quote

    @property
    def words(self) -> int:
        return len(re.findall(r"[^\W\d_]+", self.text))


def _is_opening_straight(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace() or before in "([{\u2014\u2013-/:":
        return not after.isspace()
    return False


def _reopens(text: str, open_at: int, i: int) -> bool:
    """A straight mark at ``i``, inside a quotation opened at ``open_at``, that opens a new quoted sentence
    rather than closing this one: the quoted words so far end a sentence and a space comes before the mark
    but none after it. Some newspapers open every quoted sentence of a paragraph and close only the last."""
    before = text[open_at:i].rstrip()
    return (_is_opening_straight(text, i) and text[i - 1:i].isspace() and len(before) > 1
            and before[-1] in ".?!")


def _after_colon(text: str, i: int) -> bool:
    """A straight mark at ``i`` right after a colon and a space, opening words: 'He said: "We ...'."""
    return _is_opening_straight(text, i) and text[max(0, i - 2):i] == ": "


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for m in re.finditer(r"\n", text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


def find_quotations(text: str) -> Iterator[Quotation]:
    """Yield double-quoted spans of ``text`` in order; each is confined to one line/paragraph."""
    for p_start, p_end in _paragraphs(text):
        open_at: int | None = None
        for i in range(p_start, p_end):
            ch = text[i]
            if ch in OPEN_ONLY or (ch == STRAIGHT and open_at is None and _is_opening_straight(text, i)):
                if open_at is None:
                    open_at = i + 1
                continue
            if ch == STRAIGHT and open_at is not None and _after_colon(text, i):
                open_at = i + 1  # 'X said: "...' with a quotation left open before it (a mark missing): the open
                continue  # words are of no known extent and go unquoted; the new quotation starts here
            if ch == STRAIGHT and open_at is not None and _reopens(text, open_at, i):
                end = i  # 'He said: "First sentence. "Second sentence."': each sentence opens a mark of its own
                while end > open_at and text[end - 1].isspace():
                    end -= 1
                yield Quotation(open_at, end, text[open_at:end])
                open_at = i + 1
                continue
            if ch in CLOSE_ONLY or ch == STRAIGHT:
                if open_at is not None:
                    if text[open_at:i].strip():
                        yield Quotation(open_at, i, text[open_at:i])
                    open_at = None
        if open_at is not None:
            end = p_end
            while end > open_at and text[end - 1].isspace():
                end -= 1
            if text[open_at:end].strip():
                yield Quotation(open_at, end, text[open_at:end], unclosed=True)


# a straight ' must open a word ("'90s" is an abbreviation); a curly ‘ may open a number ("‘5-Year Late’")
_SINGLE = re.compile(r"(?:(?<=[\s(])|^)(?:'(?=[A-Za-z])|\u2018(?=[A-Za-z0-9]))([^'\u2018\u2019\n]{2,81}?)['\u2019](?=[\s.,;:!?)]|$)")


def find_single_quotations(text: str) -> Iterator[Quotation]:
    """Yield ‘single-quoted’ spans, told from apostrophes by their neighbours (scare quotes)."""
    for m in _SINGLE.finditer(text):
        yield Quotation(m.start(1), m.end(1), m.group(1), single=True)
