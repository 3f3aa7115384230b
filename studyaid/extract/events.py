"""Events and descriptions from the dependency parse: who did what to whom, where and when; what a thing is.

"The Hanseatic League founded a trading post in Bergen in 1360" gives three facts, one per named slot:
the agent (Hanseatic League), the place (Bergen, in a phrase hung on the object: "In which city did the
Hanseatic League found a trading post?") and the date (1360); "The Rhine flows into the North Sea" gives
"into" + North Sea. A copula with a unique description ("Lake Orvana is the largest lake in Finland") and
an apposition ("Tallinn, the capital of Estonia,") give a definition whose answer is the name.

A slot is a fact only when its answer is a name a student can learn (never a common noun) and of a kind a
question can ask about without misleading:

- a person: a multi-word PERSON name, or a surname the document gives in full, as agent, object or
  passive agent ("by Marie Curie");
- an organisation with an organisation word in its name ("the Hanseatic League"), as agent only;
- a place: a geographic feature named with its noun ("the North Sea", "Lake Orvana") in any slot; a
  gazetteer place only after a preposition of place, as the subject of a passive, or defined (a city or
  country as agent or object is too often a team: "Chelsea beat Liverpool");
- a date that is a year, a month and year or a full date, after "in"/"on"/"during" or alone.

Never: speech and its reports (quotes ask "who said"), negated or hypothetical clauses, sentences with
quotation marks, a slot shared with another name ("X and Y founded"), a slot another extractor already
asks about (``taken``). At most ``MAX_PER_ANSWER`` facts per answer and document, so that no one name
fills a quiz.

The parts: event_names.py (what a name is), event_answers.py (the answer a slot gives), event_slots.py (the
slots of a plain statement), event_descriptions.py (definitions, "X, a town in Y"), event_dates.py (dated
named events).
"""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Iterable, Iterator

from ..document import Document
from ..facts import Event
from ..lexicon import SPEECH_VERBS
from .clauses import clause_around
from .common import QUOTE_CHARS, in_junk, sentence_source
from .event_answers import MAX_PER_ANSWER, Known, slot_answer, strip_the
from .event_dates import dated_nouns
from .event_descriptions import appositions, definition, located
from .event_names import feature_of, features_named, full_names, is_organisation_name, is_person_name
from .event_slots import event_text, hedged, slots, span_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["extract_events", "feature_of", "is_organisation_name", "is_person_name", "MAX_PER_ANSWER"]


def _quoted(sent: "Span") -> bool:
    return any(ch in sent.text for ch in QUOTE_CHARS)


def extract_events(doc: "Doc", document: Document, taken: Iterable[tuple[int, str]] = ()) -> Iterator[Event]:
    """Yield an :class:`Event` per named slot of each plain statement in ``doc`` outside junk.

    ``taken`` holds ``(sentence start, answer)`` pairs other extractors already made facts of (a place
    in "event in city", a date tied to its event): those slots are theirs."""
    taken = {(start, strip_the(answer).casefold()) for start, answer in taken}
    known = Known(full_names(doc), features_named(doc))
    per_answer: Counter = Counter()
    for sent in doc.sents:
        if _quoted(sent) or in_junk(document, sent):
            continue
        source = sentence_source(document, sent)
        for verb in sent:
            if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in SPEECH_VERBS or hedged(verb):
                continue
            if verb.lemma_ == "be":
                found = definition(verb, known)
            else:
                found = _events_of(verb, known)
            for fact_parts in found:
                answer, slot, prep, span, clause = fact_parts
                key = answer.name.casefold()
                if (source.start, answer.text.casefold()) in taken or per_answer[key] >= MAX_PER_ANSWER:
                    continue
                per_answer[key] += 1
                yield Event(answer=answer.text, name=answer.name, answer_kind=answer.kind,
                            place_kind=answer.place_kind, country=answer.country, iso=answer.iso, slot=slot,
                            prep=prep, lemma=clause.lemma.lower(), event=event_text(verb),
                            clause=clause, sources=[source], confidence=0.75)
        yield from appositions(sent, source, taken, per_answer)
        yield from located(sent, source, taken, per_answer)
        yield from dated_nouns(sent, source, taken, per_answer)


def _events_of(verb: "Token", known: "Known") -> Iterator[tuple]:
    if verb.pos_ != "VERB":
        return
    for slot, prep, name, anchor in slots(verb):
        answer = slot_answer(name, slot, prep, known)
        if answer is None:
            continue
        span = span_of(slot, name)
        clause = clause_around(span, anchor=anchor if slot == "prep" else name)
        if clause is None or clause.lemma.lower() != verb.lemma_.lower():
            continue
        yield answer, slot, prep, span, clause
