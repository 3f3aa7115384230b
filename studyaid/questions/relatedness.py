"""Which documents are on the same topic, so wrong options may come from them.

Two documents are related when they share people or places, or enough topical vocabulary (the
content words of the sentences facts were read from). The score of a pair depends on those two
documents alone, never on the rest of the corpus (no corpus-wide weights), so adding an article
never changes which of the others are related.
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from functools import cached_property, lru_cache

from ..facts import FactSet

# a person shared is strong evidence of one story; a country is weak (many stories mention the UK)
ENTITY_WEIGHT = {"person": 1.0, "org": 0.75, "group": 0.5, "city": 0.5, "region": 0.5, "village": 0.75,
                 "place": 0.5, "country": 0.2, "continent": 0.1}
WORD_WEIGHT = 4.0  # cosine of the two vocabularies, scaled to the entity scale
THRESHOLD = 1.0  # e.g. one shared person, or a quarter of the vocabulary in common
MIN_WORD_LENGTH = 4


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS  # a word list only: no pipeline is loaded

    return frozenset(STOP_WORDS) | {"said", "says", "told", "added", "year", "years", "time", "week", "people",
                                    "would", "could", "also", "just", "like", "think", "going", "really"}


def content_words(text: str) -> set[str]:
    """Lower-case content words of a text, crudely singular ("drones" -> "drone")."""
    stop = _stop_words()
    out = set()
    for w in re.findall(r"[A-Za-z][A-Za-z'-]+", text):
        w = w.casefold().strip("'-")
        if len(w) < MIN_WORD_LENGTH or w in stop:
            continue
        if w.endswith("s") and not w.endswith("ss") and len(w) > MIN_WORD_LENGTH:
            w = w[:-1]
        out.add(w)
    return out


class Relatedness:
    """Pairwise topic relatedness of a fact set's documents."""

    def __init__(self, facts: FactSet) -> None:
        self.facts = facts

    @cached_property
    def _entities(self) -> dict[str, dict[str, float]]:
        """document -> {entity id: weight}."""
        out: dict[str, dict[str, float]] = defaultdict(dict)
        for e in self.facts.entities:
            weight = ENTITY_WEIGHT.get(e.place_kind or e.kind, 0.5) if e.kind == "place" else ENTITY_WEIGHT[e.kind]
            for d in e.documents:
                out[d][e.id] = weight
        return out

    @cached_property
    def _words(self) -> dict[str, set[str]]:
        out: dict[str, set[str]] = defaultdict(set)
        for fact in self.facts.facts:
            for s in fact.sources:
                out[s.document] |= content_words(s.sentence)
        return out

    @cached_property
    def documents(self) -> list[str]:
        return sorted(set(self._entities) | set(self._words) | set(self.facts.documents))

    def score(self, a: str, b: str) -> float:
        if a == b:
            return math.inf
        ea, eb = self._entities.get(a, {}), self._entities.get(b, {})
        shared = sum(min(ea[i], eb[i]) for i in ea.keys() & eb.keys())
        wa, wb = self._words.get(a, set()), self._words.get(b, set())
        cosine = len(wa & wb) / math.sqrt(len(wa) * len(wb)) if wa and wb else 0.0
        return _exact(shared + WORD_WEIGHT * cosine)

    @cached_property
    def _postings(self) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
        """Word -> documents and entity id -> documents: the only documents a score can be above zero for."""
        words: dict[str, set[str]] = defaultdict(set)
        entities: dict[str, set[str]] = defaultdict(set)
        for d, ws in self._words.items():
            for w in ws:
                words[w].add(d)
        for d, es in self._entities.items():
            for e in es:
                entities[e].add(d)
        return words, entities

    @lru_cache(maxsize=None)  # noqa: B019 - one Relatedness per generation run, dropped with it
    def _scores(self, document: str) -> dict[str, float]:
        """Every other document's :meth:`score` against ``document`` that reaches ``THRESHOLD``, counted
        through the postings (shared words and entities) instead of intersecting every pair's sets.

        Only related documents are kept: nearly every pair of news articles shares some word, so the
        scores above zero of every document held at once grow with the square of the corpus."""
        words, entities = self._postings
        mine_w = self._words.get(document, set())
        mine_e = self._entities.get(document, {})
        shared_words: dict[str, int] = defaultdict(int)
        for w in mine_w:
            for d in words[w]:
                shared_words[d] += 1
        shared_entities: dict[str, float] = defaultdict(float)
        for e, weight in mine_e.items():
            for d in entities[e]:
                shared_entities[d] += min(weight, self._entities[d][e])
        out: dict[str, float] = {}
        for d in set(shared_words) | set(shared_entities):
            if d == document:
                continue
            other = self._words.get(d, set())
            cosine = shared_words.get(d, 0) / math.sqrt(len(mine_w) * len(other)) if mine_w and other else 0.0
            score = _exact(shared_entities.get(d, 0.0) + WORD_WEIGHT * cosine)
            if score >= THRESHOLD:
                out[d] = score
        return out

    def related_to(self, documents: list[str]) -> list[str]:
        """Documents related to any of ``documents``, most related first (ties by name)."""
        return list(self._related(tuple(documents)))

    @lru_cache(maxsize=None)  # noqa: B019 - one Relatedness per generation run, dropped with it
    def _related(self, documents: tuple[str, ...]) -> tuple[str, ...]:
        best: dict[str, float] = {}
        for own in documents:
            for d, s in self._scores(own).items():
                if d not in documents and s > best.get(d, 0.0):
                    best[d] = s
        return tuple(sorted(best, key=lambda d: (-best[d], d)))


def _exact(score: float) -> float:
    """A score rounded to 9 places: the entity weights are summed in set order, which changes from one
    process to the next (string hashing), and two sums of the same weights in another order can differ
    in the last bit; rounded, equal scores tie and are ordered by name, so the bank is the same in every run."""
    return round(score, 9)
