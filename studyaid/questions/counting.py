"""A number gap the sentence answers itself: "competed _____ times, with films A, B, C and D" — the
student counts the list instead of recalling the article. Pure text rules over the visible cloze."""
from __future__ import annotations

import re

GAP = "_____"
MAX_ITEM_WORDS = 8  # a list item is a name or a short phrase, not a clause
_PARENTHESES = re.compile(r"\s*\([^()]*\)")
_LAST = re.compile(r"\s+(?:and|or)\s+")


def _named(item: str) -> bool:
    """A list item that is a name or a title ("The Crucible", "Leeds"): things one counts; a list of
    lower-case words ("sing, dance and act") is what something involves, not a tally."""
    return item[:1].isupper()


def listed_items(text: str) -> list[int]:
    """The sizes of the "A, B, C and D" lists of names in ``text`` with no gap inside them (three items
    or more: "X and Y" alone is too often one thing). A list is read back from its "and": the segments
    before it short enough to be items and capitalised, the first of them perhaps opened by the words
    that introduce the list ("with films In The Name Of The Father")."""
    segments = [s.strip() for s in _PARENTHESES.sub("", text).split(",")]
    sizes = []
    for k, segment in enumerate(segments):
        if not _LAST.search(segment) or GAP in _LAST.split(segment, maxsplit=1)[0] or k == 0:
            continue
        before, last = _LAST.split(segment, maxsplit=1)
        if len(before.split()) > MAX_ITEM_WORDS or not (_named(before) and _named(last)):
            continue
        run = 1
        for previous in reversed(segments[:k]):
            if GAP in previous or not previous or not re.search(r"\b[A-Z]", previous):
                break
            run += 1
            if len(previous.split()) > MAX_ITEM_WORDS or not _named(previous):
                break  # the list's first item, after the words that introduce it
        if run >= 2:
            sizes.append(run + 1)
    return sizes


def counted_in_sentence(visible: str, value: float) -> bool:
    """The gap's number is the size of a list the sentence writes out beside it."""
    return value == int(value) and int(value) in listed_items(visible)
