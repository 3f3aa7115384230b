"""Questions from facts: multiple choice and cloze per fact, ranked and filtered.

``generate(facts, seed=...)`` is pure: the same facts and seed give the same questions, ids and
option order. Question generators work on facts alone (no spaCy model needed).
"""
from __future__ import annotations

import random
from typing import Callable

from pydantic import BaseModel, Field

from ..facts import FactSet, entity_of
from .cloze import cloze_question
from .context import CorpusContext
from .mcq import BUILDERS
from .model import Dropped, Question
from .ranking import difficulty, filter_questions, salience, score, split_unfit
from .events import enabled as events_enabled
from .stem_check import check_stems, stem_check_setting

__all__ = ["Question", "Dropped", "Generation", "generate"]


class Generation(BaseModel):
    questions: list[Question] = Field(default_factory=list)
    dropped: list[Dropped] = Field(default_factory=list)


def generate(facts: FactSet, seed: int = 0, gazetteer: Callable[..., list] | None = None,
             kinds: tuple[str, ...] = ("mcq", "cloze"), parser=None, stem_verdicts=None) -> Generation:
    """Questions from ``facts``. With ``parser`` (the spaCy pipeline), every question is checked and
    those that do not read as well-formed questions are dropped (:mod:`.stems`); ``stem_verdicts``
    (a :class:`~.stem_check.StemVerdicts`) remembers the verdicts so unchanged questions are not judged
    again, and when it is kept on disk the whole result is kept beside it, by a hash of the facts, the
    settings and the code (:class:`~studyaid.fact_cache.SavedResults`): a re-run with nothing changed
    reads its questions."""
    from ..fact_cache import SavedResults

    path = getattr(stem_verdicts, "path", None)
    saved = SavedResults(path.parent if path is not None else None, "questions", Generation)
    key = saved.key(facts.model_dump_json(), repr((seed, kinds, events_enabled())),
                    getattr(gazetteer, "__module__", "") + "." + getattr(gazetteer, "__qualname__", repr(gazetteer)),
                    stem_check_setting(parser, stem_verdicts))
    found = saved.get(key)
    if found is None:
        found = _generate(facts, seed, gazetteer, kinds, parser, stem_verdicts)
        saved.put(key, found)
    return found


def _generate(facts: FactSet, seed: int, gazetteer, kinds: tuple[str, ...], parser, stem_verdicts) -> Generation:
    made = questions_for(facts, seed, gazetteer, kinds, parser, stem_verdicts)
    kept, filtered = filter_questions(made.questions)
    return Generation(questions=kept, dropped=made.dropped + filtered)


def questions_for(facts: FactSet, seed: int = 0, gazetteer=None, kinds: tuple[str, ...] = ("mcq", "cloze"),
                  parser=None, stem_verdicts=None, only: Callable[[object], bool] | None = None,
                  context: CorpusContext | None = None) -> Generation:
    """The questions of the facts ``only`` accepts (default every fact), the whole fact set their context
    (wrong options, related documents), before the bank-wide filter (:func:`filter_questions`): an
    incremental run (:mod:`studyaid.incremental`) filters them together with the questions made before.
    ``context``: the fact set's :class:`CorpusContext`, when the caller has built it already."""
    ctx = context if context is not None else CorpusContext(facts, gazetteer)
    extent: dict[str, int] = {}  # how far into each document facts reach: its length, near enough
    for fact in facts.facts:
        for s in fact.sources:
            extent[s.document] = max(extent.get(s.document, 0), s.end)
    made: list[Question] = []
    dropped: list[Dropped] = []
    for fact in facts.facts:
        if only is not None and not only(fact):
            continue
        rng = random.Random(f"{seed}|{fact.canonical_key()}")
        results = []
        if "mcq" in kinds:
            results.append(BUILDERS[fact.type](fact, ctx, rng))
        if "cloze" in kinds:
            entity = entity_of(fact)
            results.append(cloze_question(fact, ctx.aliases(entity.id) if entity is not None else []))
        for result in results:
            if isinstance(result, Dropped):
                dropped.append(result)
                continue
            resolved = bool(getattr(fact, "resolved_from", None))
            first = result.sources[0]
            result = result.model_copy(update={"score": score(result, fact.confidence,
                                                              salience(first.start, extent.get(first.document, 0))),
                                               "difficulty": difficulty(result, resolved)})
            made.append(result)
    made, unfit = split_unfit(made)  # judged alone and cheaply: never parsed when already lost
    dropped += unfit
    if parser is not None:
        made, malformed = check_stems(made, parser, verdicts=stem_verdicts)
        dropped += malformed
    return Generation(questions=made, dropped=dropped)
