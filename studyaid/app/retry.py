"""The option order of a retried question: a new order on each retry, the same one whenever that attempt
is drawn again, so "Retry the missed ones" is not answered by remembering a position.

A first attempt shows the stored order (:func:`studyaid.export.common.display_options`: the order every
download shows). Retry ``n`` shuffles the options with a generator seeded by the question's id and ``n``;
when the right answer would stand where it stood in attempt ``n - 1``, the order is turned by one place,
so it moves on every retry. The options themselves (one right answer among them) never change.
"""
from __future__ import annotations

import random

from ..questions.model import Question

__all__ = ["option_order"]


def option_order(question: Question, retry: int = 0) -> list[str]:
    """The options of ``question`` as shown in its ``retry``-th retry (0: the first attempt)."""
    order = list(question.options)
    for attempt in range(1, max(0, retry) + 1):
        previous = order
        order = list(previous)
        random.Random(f"{question.id}|{attempt}").shuffle(order)
        if len(order) > 1 and question.answer in order and order.index(question.answer) == previous.index(
                question.answer):
            order = order[1:] + order[:1]
    return order
