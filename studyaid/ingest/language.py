"""Is a document English? A stop-word ratio, with the stop-word lists spaCy ships (no model, no
download): the share of a text's words that are common English function words ("the", "of", "said").

English news runs at 20-60% (median 47% on the 1,298 development articles, lowest 20%: a sport results
list); German, Spanish, French, Italian, Portuguese or Dutch text at 0-10%. A text under
:data:`THRESHOLD` with at least :data:`MIN_WORDS` words is not English: its facts and questions would be
English templates over foreign sentences, so the document is refused with a message naming the file
and the language it reads as. Short texts are not judged.
"""
from __future__ import annotations

import importlib
import re
from functools import lru_cache

from ..errors import InputError

THRESHOLD = 0.12  # English share of stop words below this: not English
MIN_WORDS = 20  # fewer words say too little to judge
SAMPLE_WORDS = 5000  # the first words are enough; a long document is not scanned to its end
OTHER_LANGUAGES = {"de": "German", "es": "Spanish", "fr": "French", "it": "Italian", "pt": "Portuguese",
                   "nl": "Dutch"}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@lru_cache(maxsize=None)
def stop_words(language: str) -> frozenset[str]:
    """spaCy's stop words of ``language`` (``en``, ``de`` ...), lower case."""
    module = importlib.import_module(f"spacy.lang.{language}.stop_words")
    return frozenset(w.lower() for w in module.STOP_WORDS)


def words(text: str, limit: int = SAMPLE_WORDS) -> list[str]:
    found = []
    for match in _WORD.finditer(text):
        found.append(match.group(0).lower().replace("’", "'"))
        if len(found) >= limit:
            break
    return found


def share(tokens: list[str], language: str) -> float:
    vocabulary = stop_words(language)
    return sum(t in vocabulary for t in tokens) / len(tokens) if tokens else 0.0


def likely_language(tokens: list[str]) -> tuple[str, float]:
    """The other language whose stop words cover most of ``tokens``: (its name, the share)."""
    code = max(OTHER_LANGUAGES, key=lambda c: share(tokens, c))
    return OTHER_LANGUAGES[code], share(tokens, code)


def check_english(path: str, text: str) -> None:
    """Raise :class:`InputError` naming ``path`` when ``text`` is clearly not English."""
    tokens = words(text)
    if len(tokens) < MIN_WORDS:
        return
    english = share(tokens, "en")
    if english >= THRESHOLD:
        return
    name, other = likely_language(tokens)
    guess = f"it reads as {name}" if other > english * 2 and other >= THRESHOLD else "its language is not English"
    raise InputError(path, f"not in English ({guess}: {english:.0%} of its words are common English words, "
                           f"{other:.0%} common {name} ones); studyaid's facts and questions are English only, "
                           "so it is skipped")
