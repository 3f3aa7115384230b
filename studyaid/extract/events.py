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
from .event_referents import Referents
from .event_names import feature_of, features_named, full_names, is_organisation_name, is_person_name, sole_names
from .event_slots import event_text, hedged, participle_clause, slots, span_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["extract_events", "feature_of", "is_organisation_name", "is_person_name", "MAX_PER_ANSWER"]


def _quoted(sent: "Span") -> bool:
    return any(ch in sent.text for ch in QUOTE_CHARS)


def extract_events(doc: "Doc", document: Document, taken: Iterable[tuple] = ()) -> Iterator[Event]:
    """Yield an :class:`Event` per named slot of each plain statement in ``doc`` outside junk.

    ``taken`` holds ``(sentence start, answer[, fact type])`` that other extractors already made facts of (a
    place in "event in city", a date tied to its event): those slots are theirs. A person a role fact took
    ("Johann Tulla, a German engineer, ...") is still the doer of the sentence's event: a role asks what
    the person is, the event what they did."""
    taken = list(taken)
    by_role = {(t[0], strip_the(t[1]).casefold()) for t in taken if len(t) > 2 and t[2] == "role"}
    taken = {(t[0], strip_the(t[1]).casefold()) for t in taken}
    surnames = full_names(doc)
    known = Known(surnames, features_named(doc), sole_names(doc, surnames))
    per_answer: Counter = Counter()
    referents = Referents(known)
    previous_end = 0
    for sent in doc.sents:
        if "\n" in doc.text[previous_end: sent.start_char]:
            referents.new_paragraph()
        previous_end = sent.end_char
        if _quoted(sent) or in_junk(document, sent):
            referents.new_paragraph()
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
                mark = (source.start, answer.text.casefold())
                if mark in taken and not (answer.kind == "person" and slot in ("agent", "prep") and mark in by_role) \
                        or per_answer[key] >= MAX_PER_ANSWER:
                    continue
                clause = referents.resolve(clause, verb, answer.name)
                per_answer[key] += 1
                yield Event(answer=answer.text, name=answer.name, answer_kind=answer.kind,
                            place_kind=answer.place_kind, country=answer.country, iso=answer.iso, slot=slot,
                            prep=prep, lemma=clause.lemma.lower(), event=event_text(verb),
                            clause=clause, sources=[source], confidence=0.75)
        yield from appositions(sent, source, taken, per_answer)
        yield from located(sent, source, taken, per_answer)
        yield from dated_nouns(sent, source, taken, per_answer)
        referents.see(sent)


def _garbled(verb: "Token") -> bool:
    """A name joined to a common noun in a list ("rises in the Tatra Mountains and empties into ...", the second
    verb parsed as a noun): the parse of the verb's phrases cannot be trusted."""
    return any(o.dep_ == "pobj" and o.pos_ == "PROPN" and any(c.dep_ == "conj" and c.pos_ == "NOUN" for c in o.children)
               for p in verb.children if p.dep_ == "prep" for o in p.children)


def _events_of(verb: "Token", known: "Known") -> Iterator[tuple]:
    """A fact per named slot; a list of places ("flows through Austria, Germany and France") gives a fact per
    item, all with one clause without the list (each item a right answer of the same question), and only
    when every item is a place of one kind."""
    if verb.pos_ != "VERB" or _garbled(verb):
        return
    listed: dict[int, list] = {}
    for slot, prep, name, anchor, items in slots(verb):
        answer = slot_answer(name, slot, prep, known, listed=bool(items))
        if items:
            listed.setdefault(items[0].i, []).append((answer, slot, prep, name, anchor, items))
            continue
        if answer is None:
            continue
        span = span_of(slot, name)
        clause = clause_around(span, anchor=anchor)  # the noun a name in apposition belongs to, or the name
        if clause is None and slot == "prep":
            clause = participle_clause(verb, span)
        if clause is None or clause.lemma.lower() != verb.lemma_.lower():
            continue
        yield answer, slot, prep, span, clause
    for group in listed.values():
        answers = [g[0] for g in group]
        if any(a is None or a.kind != "place" or a.place_kind != answers[0].place_kind for a in answers):
            continue
        _, slot, prep, name, anchor, items = group[0]
        span = span_of(slot, name, items)
        clause = clause_around(span, anchor=anchor)
        if clause is None or clause.lemma.lower() != verb.lemma_.lower():
            continue
        yield from ((answer, slot, prep, span, clause) for answer in answers)
