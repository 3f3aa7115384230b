"""Which questions a class quiz gets: approved ones only (never one flagged for review: the students'
rule of :mod:`studyaid.store.picking`), of the articles and fact types chosen, the best-ranked first and
one question per fact before any second one (:func:`studyaid.store.picking.one_per_fact`)."""
from __future__ import annotations

from typing import Iterable

from ..questions.model import Question
from ..store.picking import Choice

CLASS_STATUSES = ("approved",)


def class_choice(documents: Iterable[str] | None = None, fact_types: Iterable[str] | None = None) -> Choice:
    """The class quiz's pool narrowed to ``documents`` and ``fact_types`` (None or empty: all)."""
    return Choice(statuses=CLASS_STATUSES, documents=tuple(documents or ()), fact_types=tuple(fact_types or ()))


def publishable(question: Question) -> bool:
    """Whether a question read by its id may still be published: the same rule as :func:`class_choice`."""
    return question.status in CLASS_STATUSES and not question.withheld
