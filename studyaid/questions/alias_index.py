"""Which of many names is the same thing as a new one, found through indexes instead of a scan.

:class:`AliasIndex` answers ``any(norm(c) == norm(p) or is_alias(c, p) for p in added)`` exactly as
that scan would (:func:`~studyaid.questions.distractors.is_alias`: one name's words all inside the
other's, or an acronym and its expansion), in time that depends on the new name, not on how many names
were added: a long article offers a question thousands of candidate options.
"""
from __future__ import annotations

import re
from itertools import combinations

MAX_SUBSET_WORDS = 10  # a name of more words is checked against every added name (never met in names)
_SMALL = {"of", "the", "and", "for", "de", "du"}


def _acronym_letters(text: str) -> str | None:
    """The letters of ``text`` when it can be an acronym (2 to 6 capitals, dots allowed)."""
    letters = text.strip().replace(".", "")
    if 2 <= len(letters) <= 6 and letters.isupper() and letters.isalpha():
        return letters.upper()
    return None


def _initials(text: str) -> str:
    """The initials :func:`~studyaid.questions.kinds.acronym_of` compares with an acronym."""
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'-]*", text)
                   if w[0].isupper() or w.casefold() not in _SMALL).upper()


class AliasIndex:
    """Names added one by one; :meth:`clashes` tells whether a new one is an alias of any of them."""

    def __init__(self, norm, tokens) -> None:
        self._norm = norm
        self._tokens = tokens
        self._norms: set[str] = set()
        self._by_word: dict[str, list[frozenset[str]]] = {}
        self._token_sets: set[frozenset[str]] = set()
        self._acronyms: list[str] = []  # added names shaped like an acronym
        self._initials: set[str] = set()  # initials of added names, and their prefixes of 3 letters or more
        self._exact_initials: set[str] = set()

    def add(self, name: str) -> None:
        self._norms.add(self._norm(name))
        words = self._tokens(name)
        if words:
            self._token_sets.add(words)
            for word in words:
                self._by_word.setdefault(word, []).append(words)
        if _acronym_letters(name):
            self._acronyms.append(name)
        initials = _initials(name)
        self._exact_initials.add(initials)
        self._initials.update(initials[:n] for n in range(3, len(initials) + 1))

    def clashes(self, name: str) -> bool:
        if self._norm(name) in self._norms:
            return True
        words = self._tokens(name)
        if words and self._words_clash(words):
            return True
        letters = _acronym_letters(name)
        if letters and (letters in self._exact_initials or len(letters) >= 3 and letters in self._initials):
            return True  # the new name is an acronym of an added one
        return any(self._acronym_of(added, name) for added in self._acronyms)

    def _words_clash(self, words: frozenset[str]) -> bool:
        # an added name holding every word of the new one: look through the rarest word's names
        postings = [self._by_word.get(word, []) for word in words]
        if all(postings) and any(words <= other for other in min(postings, key=len)):
            return True
        # an added name whose words are all in the new one: one of the new name's word subsets
        if len(words) <= MAX_SUBSET_WORDS:
            ordered = sorted(words)
            return any(frozenset(subset) in self._token_sets
                       for size in range(1, len(ordered) + 1) for subset in combinations(ordered, size))
        return any(other <= words for other in self._token_sets)

    @staticmethod
    def _acronym_of(short: str, long: str) -> bool:
        letters = _acronym_letters(short)
        if letters is None:
            return False
        initials = _initials(long)
        return initials == letters or initials.startswith(letters) and len(letters) >= 3
