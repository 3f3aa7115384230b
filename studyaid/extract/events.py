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
"""
from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, Iterable, Iterator, NamedTuple

from ..document import Document
from ..facts import Clause, Event
from ..gazetteer import lookup
from ..lexicon import NAME_PARTICLES, ORGANISATION_WORDS, PLACE_HEADS, SPEECH_VERBS
from .clauses import SIDE_DEPS, clause_around
from .common import QUOTE_CHARS, in_junk, sentence_source, tokens_text
from .doc_index import entity_at, positions_of
from .dates import to_iso

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

MAX_PER_ANSWER = 3
MIN_PERSON_MENTIONS = 1  # by the surname alone, besides the full name
PLACE_PREPS = frozenset({"in", "into", "at", "from", "to", "near", "through", "across", "along", "over", "towards",
                         "toward", "on", "onto", "past", "beyond", "throughout", "within", "outside", "under"})
CITY_PREPS = frozenset({"in", "into", "near", "through", "across", "along", "towards", "toward", "throughout",
                        "within", "outside"})  # "at Chelsea", "to Liverpool", "from Arsenal": too often a club
DATE_PREPS = frozenset({"in", "on", "during"})
# what is done to a territory, never by a team to a team: a place as these verbs' object is a place
TERRITORY_VERBS = frozenset("""invade conquer occupy annex colonise colonize settle govern rule explore cross enter
leave visit reach raid besiege capture evacuate inhabit unite partition""".split())
MODALS = frozenset({"may", "might", "could", "would", "should", "must", "can", "will", "shall"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether", "although", "though"})
ANSWER_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "DATE"})
ALLOWED_EXTRA = frozenset({"appos", "relcl", "acl", "punct", "det", "prep"})  # beside a name: skipped by the clause
UNIQUE_WORDS = frozenset({"only", "first", "last", "largest", "longest", "biggest", "highest", "oldest", "capital"})
YEAR = re.compile(r"^(1\d{3}|20\d\d)$")
DATE_SHAPES = re.compile(r"^(?:(?:[0-3]?\d(?:st|nd|rd|th)? )?[A-Z][a-z]+ (?:[0-3]?\d(?:st|nd|rd|th)?, )?)?(1\d{3}|20\d\d)$")


# nouns naming a geographic feature, the last word of its name or the first ("the North Sea", "Lake Orvana")
FEATURES = frozenset("""sea ocean lake river mountains mountain alps island islands valley bay gulf strait canal desert
forest peninsula plain plains glacier falls delta basin coast channel lagoon highlands hills range""".split())
FEATURE_FIRST = frozenset({"lake", "mount", "river", "cape", "isle", "gulf", "bay"})
# words that make a name an organisation a question may call one (never a club, a band or a broadcaster)
INSTITUTIONS = frozenset("""league union company corporation society university college council party church army
navy parliament commission committee association institute foundation bank ministry government agency academy
order empire kingdom republic dynasty confederation alliance federation assembly court""".split())


def feature_of(name: str) -> str | None:
    """The geographic feature a name is of: "North Sea" -> "sea", "Lake Orvana" -> "lake", "Mount Kea" -> "mountain"."""
    words = name.split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words if w.casefold() not in ("of", "the", "de")):
        return None
    last, first = words[-1].casefold(), words[0].casefold()
    if last in FEATURES:
        return {"alps": "mountains", "islands": "islands", "hills": "hills"}.get(last, last)
    if first in FEATURE_FIRST:
        return "mountain" if first == "mount" else "island" if first == "isle" else first
    return None


def is_organisation_name(name: str) -> bool:
    """An institution named as one: "the Hanseatic League", "Royal Society" (at least two words)."""
    words = [w.casefold().strip(".,") for w in name.split()]
    return len(words) >= 2 and bool(set(words) & INSTITUTIONS) and all(w[:1].isupper() or w in ("of", "the", "and", "for")
                                                                       for w in name.split())


def is_person_name(name: str) -> bool:
    """Written like a person's full name: two to five capitalised words, no digit, no word of a place,
    a venue or an organisation (the question side holds options to the same kind of test)."""
    words = name.split()
    return 2 <= len(words) <= 5 and not re.search(r"\d", name) and words[0][:1].isupper() and words[-1][:1].isupper() \
        and not any(w.casefold().strip(".,'") in ORGANISATION_WORDS | PLACE_HEADS | INSTITUTIONS for w in words)


def _strip_the(text: str) -> str:
    return re.sub(r"^(?:the|The)\s+", "", " ".join(text.split()))


def _full_names(doc: "Doc") -> dict[str, str]:
    """Surname -> the full name a document gives a person (only when one person has that surname)."""
    seen: dict[str, set[str]] = {}
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) >= 2 and is_person_name(ent.text):
            seen.setdefault(ent[-1].text, set()).add(ent.text)
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}


# features a document names by their noun once ("the river Seine", "the Aare River") and by the bare name elsewhere
NAMING_FEATURES = frozenset({"river"})


class _Known(NamedTuple):
    full_names: dict[str, str]  # surname -> full name
    features: dict[str, str]  # bare name -> the feature it is ("Seine" -> "river")


def _features_named(doc: "Doc") -> dict[str, str]:
    """One-word names the document shows to be a feature: "the river Seine", "River Aare", "the Aare river".
    Never a name the gazetteer knows as a city or a country ("Geneva" in "Lake Geneva")."""
    out: dict[str, str] = {}
    for tok in doc:
        if tok.lower_ not in NAMING_FEATURES:
            continue
        for name in (doc[tok.i + 1] if tok.i + 1 < len(doc) else None, doc[tok.i - 1] if tok.i > 0 else None):
            if name is None or name.pos_ != "PROPN" or not name.text[:1].isupper() or not name.is_alpha:
                continue
            if name.i > tok.i and tok.i + 2 < len(doc) and doc[tok.i + 2].pos_ == "PROPN":
                continue  # "River Plate Stadium"
            if name.i < tok.i and name.i > 0 and doc[name.i - 1].pos_ == "PROPN":
                continue  # "East Anglia river"
            if lookup(name.text) is None:
                out[name.text] = tok.lower_
    return out


def _named_feature(tok: "Token", features: dict[str, str]) -> "tuple[Span, str] | None":
    """(the name, its feature) where ``tok`` is a one-word name the document showed to be a feature, standing
    alone (not part of a longer name, not the name beside its own feature noun)."""
    if tok.text not in features or tok.pos_ != "PROPN":
        return None
    if any(c.dep_ == "compound" for c in tok.children) or tok.dep_ == "compound":
        return None
    neighbours = [tok.doc[i] for i in (tok.i - 1, tok.i + 1) if 0 <= i < len(tok.doc)]
    if any(n.lower_ in NAMING_FEATURES or n.pos_ == "PROPN" for n in neighbours):
        return None
    return tok.doc[tok.i: tok.i + 1], features[tok.text]


def _entity(tok: "Token") -> "Span | None":
    ent = entity_at(tok.doc, tok.i)  # an index, not a scan of every entity per token (issue 13)
    return ent if ent is not None and ent.label_ in ANSWER_LABELS and tok == ent.root else None


def _whole(tok: "Token", ent: "Span") -> bool:
    """The phrase headed by ``tok`` is the name itself: nothing but a determiner, skipped side phrases
    (appositions, relative clauses) or a place phrase around it; never one of a list."""
    if tok.dep_ == "conj" or any(c.dep_ in ("conj", "cc") for c in tok.children):
        return False
    for child in tok.children:
        if ent.start <= child.i < ent.end:
            continue
        if child.dep_ not in ALLOWED_EXTRA or child.dep_ == "det" and child.lower_ != "the":
            return False
    return True


class _Answer:
    __slots__ = ("text", "name", "kind", "place_kind", "country", "iso")

    def __init__(self, text, name, kind, place_kind=None, country=None, iso=None):
        self.text, self.name, self.kind, self.place_kind, self.country, self.iso = (
            text, name, kind, place_kind, country, iso)


def _answer(tok: "Token", slot: str, prep: str, known: "_Known") -> _Answer | None:
    """What the slot headed by ``tok`` names, if it is a name a question may ask for in that slot."""
    full_names = known.full_names
    feature = _named_feature(tok, known.features)
    if feature is not None:
        if slot == "prep" and prep not in PLACE_PREPS or not _whole(tok, feature[0]):
            return None
        return _Answer(feature[0].text, feature[0].text, "place", place_kind=feature[1])
    ent = _entity(tok)
    if ent is None and not tok.ent_type_ and tok.pos_ == "PROPN" and tok.text in full_names:
        ent = tok.doc[tok.i: tok.i + 1]  # a surname NER missed once the document gave it in full
        if any(c.dep_ == "compound" for c in tok.children):
            return None
        label = "PERSON"
    else:
        label = ent.label_ if ent is not None else ""
    if ent is None or not _whole(tok, ent):
        return None
    text = _strip_the(ent.text)
    if label == "DATE":
        if slot != "prep" or prep not in DATE_PREPS or not DATE_SHAPES.match(text):
            return None
        iso = to_iso(text) if not YEAR.match(text) else text
        return _Answer(text, text, "date", iso=iso) if iso else None
    feature = feature_of(text)
    if feature is not None and label in ("LOC", "GPE", "FAC"):
        return _Answer(text, text, "place", place_kind=feature)
    if label == "PERSON":
        name = text if len(text.split()) >= 2 else full_names.get(text)
        if name and lookup(name.split()[-1]):
            return None  # "Lycos Europe", "Paris Hilton"-like names ending in a place: a firm's branch, a show
        if name and _mentions(tok.doc, name.split()[-1]) < MIN_PERSON_MENTIONS and not _acts_as_person(tok, slot, name):
            return None  # a name given once is too often a show, a product or a band NER took for a person
        if name and is_person_name(name) and lookup(text) is None and slot in ("agent", "object", "patient") \
                or name and is_person_name(name) and slot == "prep" and prep == "by":
            return _Answer(text, name, "person")
        return None
    entry = lookup(text)
    if entry is not None and label in ("GPE", "LOC", "FAC", "ORG"):
        preps = CITY_PREPS if entry.kind in ("city", "village") else PLACE_PREPS
        if slot == "prep" and prep in preps or slot in ("patient", "definition") \
                or slot == "object" and tok.head.lemma_.lower() in TERRITORY_VERBS:
            return _Answer(text, entry.name, "place", place_kind=entry.kind, country=entry.country)
        return None
    if label == "ORG" and slot == "agent" and is_organisation_name(text):
        return _Answer(text, text, "org")
    return None


# what people do and shows, products and bands do not: a full name given once, as the doer of one of these,
# is a person ("John Myhill defined ...", "founded by Anna Lind")
PERSON_VERBS = frozenset("""found invent discover define prove demonstrate publish propose formulate coin devise
paint compose sculpt translate introduce marry divorce rule reign govern command assassinate murder crown conquer
succeed inherit
appoint explore patronise patronize excommunicate baptise baptize abdicate""".split())


def _acts_as_person(tok: "Token", slot: str, name: str) -> bool:
    """A full name doing what people do (:data:`PERSON_VERBS`), or written with a name particle ("Roger de
    Tosny", "Ludwig van Beethoven")."""
    if any(w in NAME_PARTICLES for w in name.split()[1:-1]):
        return True
    verb = tok.head.head if slot == "prep" else tok.head
    return slot in ("agent", "prep") and (slot == "agent" or tok.head.dep_ == "agent") \
        and verb.lemma_.lower() in PERSON_VERBS


def _mentions(doc: "Doc", surname: str) -> int:
    """How often a person is named by the surname alone (people are, shows and products are not): the full
    name's own mentions do not count."""
    tokens = (doc[i] for i in positions_of(doc, surname))  # an index, not a scan of the document (issue 13)
    return sum(1 for t in tokens if t.pos_ == "PROPN"
               and (t.i == 0 or not (doc[t.i - 1].pos_ == "PROPN" and doc[t.i - 1].text[:1].isupper())))


# talking is what quotes ask about; being seen or regarded as something is an opinion, not an event
TALK_VERBS = frozenset({"speak", "talk", "chat"})
OPINION_AS_VERBS = frozenset({"see", "regard", "view", "consider", "rate", "hail", "tip"})


def _hedged(verb: "Token") -> bool:
    """Negated, modal, conditional, reported, talk or opinion: not a plain statement of what happened."""
    if verb.lemma_.lower() in TALK_VERBS or verb.lemma_.lower() in OPINION_AS_VERBS \
            and any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    for tok in (verb, *verb.ancestors):
        if tok.lemma_.lower() in SPEECH_VERBS and tok != verb:
            return True
        for c in tok.children:
            if c.dep_ == "neg" or c.dep_ == "aux" and c.lower_ in MODALS or c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS:
                return True
    return False


def _slots(verb: "Token") -> Iterator[tuple[str, str, "Token", "Token"]]:
    """(slot, preposition, name token, anchor) for each argument of ``verb``; a place phrase hung on the
    verb's object ("a trading post in Bergen") counts as the verb's."""
    for c in verb.children:
        if c.dep_ == "nsubj":
            yield "agent", "", c, c
        elif c.dep_ == "nsubjpass":
            yield "patient", "", c, c
        elif c.dep_ == "dobj":
            yield "object", "", c, c
            for p in c.children:
                if p.dep_ == "prep" and p.lower_ in ("in", "at", "near") and p.i > c.i:
                    yield from ((("prep", p.lower_, o, c) for o in p.children if o.dep_ == "pobj"))
        elif c.dep_ == "agent":
            yield from (("prep", "by", o, c) for o in c.children if o.dep_ == "pobj")
        elif c.dep_ == "prep":
            yield from (("prep", c.lower_, o, c) for o in c.children if o.dep_ == "pobj")


def _span(slot: str, name: "Token") -> "Span":
    """The words the question replaces: the name (with its "the"), and its preposition in a "prep" slot."""
    ent = _entity(name)
    start = ent.start if ent is not None else name.i
    end = ent.end if ent is not None else name.i + 1
    if start > 0 and name.doc[start - 1].lower_ == "the" and name.doc[start - 1].head == name:
        start -= 1
    if slot == "prep":
        start = name.head.i
    return name.doc[start:end]


def _event_text(verb: "Token") -> str:
    """The clause as a phrase in its own word order, without side clauses: "The Hanseatic League founded
    a trading post in Bergen in 1360"."""
    side: set[int] = set()
    for tok in verb.subtree:
        if tok != verb and tok.head == verb and tok.dep_ in SIDE_DEPS | {"punct"}:
            side.update(t.i for t in tok.subtree)
        elif tok.dep_ in ("relcl", "appos"):
            side.update(t.i for t in tok.subtree)
    return tokens_text([t for t in verb.subtree if t.i not in side and not t.is_space])


def _quoted(sent: "Span") -> bool:
    return any(ch in sent.text for ch in QUOTE_CHARS)


def extract_events(doc: "Doc", document: Document, taken: Iterable[tuple[int, str]] = ()) -> Iterator[Event]:
    """Yield an :class:`Event` per named slot of each plain statement in ``doc`` outside junk.

    ``taken`` holds ``(sentence start, answer)`` pairs other extractors already made facts of (a place
    in "event in city", a date tied to its event): those slots are theirs."""
    taken = {(start, _strip_the(answer).casefold()) for start, answer in taken}
    known = _Known(_full_names(doc), _features_named(doc))
    per_answer: Counter = Counter()
    for sent in doc.sents:
        if _quoted(sent) or in_junk(document, sent):
            continue
        source = sentence_source(document, sent)
        for verb in sent:
            if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in SPEECH_VERBS or _hedged(verb):
                continue
            if verb.lemma_ == "be":
                found = _definition(verb, known)
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
                            prep=prep, lemma=clause.lemma.lower(), event=_event_text(verb),
                            clause=clause, sources=[source], confidence=0.75)
        yield from _appositions(sent, source, taken, per_answer)
        yield from _located(sent, source, taken, per_answer)
        yield from _dated_nouns(sent, source, taken, per_answer)


def _events_of(verb: "Token", known: "_Known") -> Iterator[tuple]:
    if verb.pos_ != "VERB":
        return
    for slot, prep, name, anchor in _slots(verb):
        answer = _answer(name, slot, prep, known)
        if answer is None:
            continue
        span = _span(slot, name)
        clause = clause_around(span, anchor=anchor if slot == "prep" else name)
        if clause is None or clause.lemma.lower() != verb.lemma_.lower():
            continue
        yield answer, slot, prep, span, clause


def _unique(attr: "Token") -> bool:
    """A description that fits one thing: "the largest lake in Finland", "the capital of Estonia"."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in attr.children):
        return False
    words = {t.lower_ for t in attr.subtree}
    return bool(words & UNIQUE_WORDS) or any(c.tag_ == "JJS" for c in attr.children) \
        or any(c.dep_ == "prep" and c.lower_ == "of" for c in attr.children)


def _definition(verb: "Token", known: "_Known") -> Iterator[tuple]:
    """"X is the largest lake in Finland": the answer is X."""
    attr = next((c for c in verb.children if c.dep_ == "attr" and c.pos_ == "NOUN"), None)
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if attr is None or subject is None or not _unique(attr):
        return
    answer = _answer(subject, "definition", "", known)
    if answer is None and subject.ent_type_ == "PERSON":
        answer = _answer(subject, "agent", "", known)
    if answer is None or answer.kind == "date":
        return
    span = _span("definition", subject)
    clause = clause_around(span, anchor=subject)
    if clause is None:
        return
    yield answer, "definition", "", span, clause


def _appositions(sent: "Span", source, taken: set, per_answer: Counter) -> Iterator[Event]:
    """"Tallinn, the capital of Estonia, ...": a place defined by a unique description beside it."""
    for appos in sent:
        if appos.dep_ != "appos" or appos.pos_ != "NOUN" or not _unique(appos) or appos.i < appos.head.i:
            continue
        name = appos.head
        ent = _entity(name)
        if ent is None or ent.label_ == "DATE" or ent.label_ == "PERSON":
            continue  # a person's apposition is a role (roles.py)
        text = _strip_the(ent.text)
        entry, feature = lookup(text), feature_of(text)
        if entry is None and feature is None:
            continue
        if (source.start, text.casefold()) in taken or per_answer[text.casefold()] >= MAX_PER_ANSWER:
            continue
        description = tokens_text([t for t in appos.subtree if t.dep_ not in ("relcl", "appos") or t == appos])
        past = sent.root.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in sent.root.children)
        clause = Clause(subject=text, verb="was" if past else "is", lemma="be", tag="VBD" if past else "VBZ",
                        after=description, answer_role="subject")
        per_answer[text.casefold()] += 1
        yield Event(answer=text, name=entry.name if entry else text, answer_kind="place",
                    place_kind=entry.kind if entry else feature, country=entry.country if entry else None,
                    slot="definition", lemma="be", event=f"{text} {clause.verb} {description}", clause=clause,
                    sources=[source], confidence=0.7)


LOCATING_KINDS = frozenset({"country", "region", "continent", "city"})


def _proper_name(tok: "Token") -> "Span | None":
    """A proper name NER did not tag ("Kelmore"): the proper noun with the proper nouns compounded on it."""
    if tok.pos_ != "PROPN" or tok.ent_type_:
        return None
    parts = [c for c in tok.children if c.dep_ == "compound"]
    if not all(c.pos_ == "PROPN" and not c.ent_type_ for c in parts):
        return None
    start = min([tok.i, *(c.i for c in parts)])
    return tok.doc[start: tok.i + 1]


def _located(sent: "Span", source, taken: set, per_answer: Counter) -> Iterator[Event]:
    """"Normandy, a region in France, ...", "Bergen is a city in Norway": the place a named thing lies in,
    asked as "In which country is Normandy?". The description is a common noun with "a"/"an"/"the" and a
    phrase "in" + a gazetteer country, region, continent or city; the thing described is a name (never a
    person: a person "in France" is where they were, not what they are)."""
    for noun in sent:
        if noun.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in ("a", "an", "the") for c in noun.children):
            continue
        if noun.dep_ == "appos" and noun.i > noun.head.i:
            name, verb = noun.head, None
        elif noun.dep_ == "attr" and noun.head.lemma_ == "be":
            verb = noun.head
            name = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if name is None or _hedged(verb):
                continue
        else:
            continue
        ent = _entity(name) or _proper_name(name)
        if ent is None or ent.label_ in ("PERSON", "DATE") or not _whole(name, ent):
            continue
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "in"):
            obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
            place = _entity(obj) if obj is not None else None
            if place is None or place.label_ not in ("GPE", "LOC") or not _whole(obj, place):
                continue
            text, subject = _strip_the(place.text), " ".join(ent.text.split())
            entry = lookup(text)
            if entry is None or entry.kind not in LOCATING_KINDS or text.casefold() == _strip_the(subject).casefold():
                continue
            if (source.start, text.casefold()) in taken or per_answer[entry.name.casefold()] >= MAX_PER_ANSWER:
                continue
            # where a place lies holds today: an apposition says "is" unless it says "former"
            past = verb.tag_ == "VBD" if verb is not None else any(t.lower_ == "former" for t in noun.subtree)
            copula = verb.text if verb is not None else "was" if past else "is"
            clause = Clause(subject=subject, verb=copula.lower(), lemma="be", tag="VBD" if past else "VBZ",
                            answer_role="object")
            per_answer[entry.name.casefold()] += 1
            description = tokens_text([t for t in noun.subtree if t.dep_ not in ("relcl", "appos") or t == noun])
            yield Event(answer=text, name=entry.name, answer_kind="place", place_kind=entry.kind,
                        country=entry.country, slot="prep", prep="in", lemma="be",
                        event=f"{subject} {clause.verb} {description}", clause=clause, sources=[source],
                        confidence=0.7)


def _dated_nouns(sent: "Span", source, taken: set, per_answer: Counter) -> Iterator[Event]:
    """"After the Siege of Antioch in 1097, ...", "the disbandment of Destiny's Child in June 2005": a named
    event, or an action noun with what it acted on named ("of" + a name), dated by "in"/"on" + a date, asked
    as "When was the Siege of Antioch?". The noun phrase must carry a name (the question checks it too)."""
    for date in sent:
        if date.dep_ != "pobj" or date.head.dep_ != "prep" or date.head.lower_ not in DATE_PREPS:
            continue
        noun = date.head.head
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ in ("NOUN", "PROPN"):
            noun = noun.head.head  # "the Battle of Varna in 1444": the date hung on the name after "of"
        if noun.pos_ not in ("NOUN", "PROPN"):
            continue
        before = date.head.i - 1
        if before < 0 or sent.doc[before].is_punct or before not in {t.i for t in noun.subtree}:
            continue  # "after the First Crusade, in 1107, ...": the date dates the clause, not the noun
        ent = _entity(date)
        if ent is None or ent.label_ != "DATE" or not _whole(date, ent):
            continue
        text = _strip_the(ent.text)
        if not DATE_SHAPES.match(text) or (source.start, text.casefold()) in taken or per_answer[text.casefold()] >= MAX_PER_ANSWER:
            continue
        of_name = any(c.dep_ == "prep" and c.lower_ == "of" and any(o.dep_ == "pobj" and o.pos_ == "PROPN" for o in c.children)
                      for c in noun.children)
        named_event = noun.pos_ == "PROPN" and noun.ent_type_ not in ("PERSON", "GPE", "LOC", "DATE") \
            and (of_name or noun.ent_type_ in ("EVENT", "FAC", "ORG", "WORK_OF_ART"))
        if not (named_event or noun.pos_ == "NOUN" and of_name):
            continue
        skip = {t.i for t in date.head.subtree} | {t.i for c in noun.children if c.dep_ in ("relcl", "appos", "punct", "acl")
                                                    for t in c.subtree}
        words = [t for t in noun.subtree if t.i not in skip]
        if not words or any(t.dep_ == "poss" and t.pos_ == "PRON" for t in words):
            continue  # "his arrival in 1066": whose?
        phrase = tokens_text(words)
        phrase = phrase[0].lower() + phrase[1:] if words[0].lower_ in ("the", "a", "an") else phrase
        iso = to_iso(text) if not YEAR.match(text) else text
        if not iso:
            continue
        clause = Clause(subject=phrase, verb="was", lemma="be", tag="VBD", answer_role="object")
        per_answer[text.casefold()] += 1
        yield Event(answer=text, name=text, answer_kind="date", iso=iso, slot="prep", prep=date.head.lower_,
                    lemma="be", event=f"{phrase} {date.head.lower_} {text}", clause=clause, sources=[source],
                    confidence=0.7)
