"""The one text normaliser: how two texts are compared word for word, whatever their case or marks.

- :func:`words`: the runs of word characters, case folded ("Mr O’Brien's" → ``("mr", "o", "brien", "s")``);
  two sentences with the same words are the same sentence, whatever their punctuation and spacing.
- :func:`normal_words`: those words joined by single spaces, a key to compare or hash.
- :func:`fold`: the text lower case without accents, every apostrophe written ``'``
  ("Zelenskyy’s Café" → "zelenskyy's cafe"), for matching what a person typed.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_WORD = re.compile(r"\w+")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})


@lru_cache(maxsize=65536)
def words(text: str) -> tuple[str, ...]:
    """The words of ``text``, case folded, punctuation and spacing dropped."""
    return tuple(_WORD.findall(text.casefold()))


def normal_words(text: str) -> str:
    """The words of ``text`` joined by single spaces."""
    return " ".join(words(text))


def fold(text: str) -> str:
    """``text`` case folded, accents dropped, apostrophes unified; spacing and punctuation kept."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()
