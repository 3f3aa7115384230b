"""Fact extraction: one module per kind of fact, each a pure generator over a parsed ``Doc``.

``extract_facts(doc, document)`` runs them all; ``name_mentions`` lists the people and places named
(outside junk) so that :mod:`studyaid.canonical` can give each one name across documents.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterator

from ..document import Document
from ..facts import Mention
from .dates import extract_dates
from .events import extract_events
from .gender import span_gender
from .places import extract_places
from .quantities import extract_quantities
from .quotes import extract_quotes
from .roles import extract_roles
from ..lexicon import HONORIFICS
from .speakers import looks_like_person, name_span

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["extract_facts", "name_mentions", "extract_quotes", "extract_quantities", "extract_roles",
           "extract_dates", "extract_places", "extract_events"]


def extract_facts(doc: "Doc", document: Document, is_place: Callable[[str], bool]) -> Iterator:
    """Every fact in one document, before canonical names and corroboration. Events come last: a slot
    another extractor asks about (its answer in the same sentence) is left to it."""
    taken: list[tuple[int, str, str]] = []  # (sentence start, answer, fact type)
    for extractor in (lambda: extract_quotes(doc, document, is_place), lambda: extract_quantities(doc, document),
                      lambda: extract_places(doc, document), lambda: extract_roles(doc, document, is_place),
                      lambda: extract_dates(doc, document)):
        for fact in extractor():
            if getattr(fact, "relation", "") != "mention":  # a bare place mention asks nothing: events may
                taken.extend((s.start, answer, fact.type) for s in fact.sources[:1] for answer in _answers(fact))
            yield fact
    yield from extract_events(doc, document, taken)


def _answers(fact) -> list[str]:
    """What a fact's questions may ask for, as written: the speaker, the person, the number, the place, the date."""
    ref = getattr(fact, "speaker", None) or getattr(fact, "person", None) or getattr(fact, "place", None)
    if ref is not None:
        return [ref.mention, ref.name]
    return [text for text in (getattr(fact, "text", None), getattr(fact, "date", None)) if text]


def name_mentions(doc: "Doc", document: Document, is_place: Callable[[str], bool]) -> Iterator[Mention]:
    """People and places named in a document outside junk, as written (junk is blanked before parsing:
    no entity or token is ever read from it)."""
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            span = name_span(ent[-1], is_place)
            if span is not None and looks_like_person(span):
                yield Mention(span.text, "person", document.path, span_gender(span))
            elif len(ent) == 1 and is_place(ent.text):
                yield Mention(ent.text, "place", document.path)
        elif ent.label_ in ("GPE", "LOC") and is_place(ent.text.removeprefix("the ").removeprefix("The ")):
            yield Mention(ent.text.removeprefix("the ").removeprefix("The "), "place", document.path)
    for tok in doc:  # a name after an honorific that NER missed: "Mr Grant"
        if tok.i > 0 and doc[tok.i - 1].lower_ in HONORIFICS and tok.ent_type_ != "PERSON" and tok.dep_ != "compound":
            span = name_span(tok)
            if span is not None and looks_like_person(span):
                yield Mention(span.text, "person", document.path, span_gender(span))
