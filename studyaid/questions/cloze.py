"""Cloze questions: the key span (name, number, place, date) deleted from the source sentence.

Anki syntax ``{{c1::answer::hint}}``; every occurrence of the hidden words is deleted, so the
sentence never shows its own answer elsewhere.

A gap must pin one answer a student can learn from the article, so a source sentence is passed over
(and the question dropped when no sentence is left) when:

- the gap is trivial: only a scale word ("million"), an everyday number word ("one", "two"), an
  everyday lowercase word ("today"), or a number that is part of a name ("the Six Nations");
- the gap is a phrase inside quotation marks: many wordings would fit, so it is never asked;
- the answer is written twice, so the sentence would show two gaps for one hint;
- the sentence gives the answer away elsewhere: a country's adjective or short name ("Cuban" beside
  a gap for Cuba);
- the gap would split a name: a person's gap covers the whole name as written ("Bill de Blasio",
  not "Bill de _____"), a place or number next to other capitalised words of a name is not asked.
"""
from __future__ import annotations

import re
from typing import Iterable

from ..facts import DateFact, Event, Place, Quantity, Quote, Role, entity_of
from ..gazetteer import continent_of, is_place_name, lookup
from ..lexicon import country_of, demonyms
from .explain import date_explanation, event_explanation, place_explanation, quantity_explanation, quote_explanation, role_explanation
from .counting import counted_in_sentence
from .spans import (CONVERSION, EVERYDAY_NUMBER, NUMBER_IN_NAME, SCALE_ONLY,  # noqa: F401  (drop reasons, read here)
                    place_in_longer_name, span_of, trivial_number, whole_name)
from .worth import (AGE, COMPOUND, MATCH_MINUTE, MIN_QUOTE_WORDS, NO_EVENT, SHORT_QUOTE,  # noqa: F401  (as above)
                    SOURCE_ONLY, UNPINNED_GROUP, GENERAL_KNOWLEDGE, HEAD_TITLE, not_worth_asking)
from .kinds import acronym_of
from .model import Dropped, Question, question_id
from .events import OFF as EVENTS_OFF
from .events import enabled as event_questions_on

MAX_CLOZE_WORDS = 70
HINTS = {"quote": "person", "role": "person", "quantity": "number", "date": "date"}

# Why a source sentence makes no cloze (the summary counts the dropped questions by these).
TOO_LONG = "sentence too long"
HOLDS_MARKUP = "sentence holds cloze markup of its own"
CLOZE_MARKUP = re.compile(r"\{\{c\d+::")  # Anki's gap syntax, as an article might quote it
NUMBER_HINTS = ("number", "amount", "percentage", "fraction")


def number_hint(hidden: str) -> str:
    """The hint for a number gap says what kind of number: an amount of money, a percentage, a count."""
    if re.match(r"[$\u00a3\u20ac]|\d[\d.,]*\s*(?:p|pence|euros?|dollars?|pounds?)\b", hidden.strip(), re.IGNORECASE):
        return "amount"
    if re.search(r"%|\bper ?cent\b", hidden, re.IGNORECASE):
        return "percentage"
    if re.search(r"\b(?:half|halves|thirds?|quarters?|fifths?|tenths?)\b", hidden, re.IGNORECASE):
        return "fraction"  # "a quarter", "two-thirds": a student asked for a number would write 25 or 0.25
    return "number"
_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "you", "him", "her", "them", "it"})
NOT_WRITTEN = "answer not written in the sentence"
EVERYDAY_WORD = "gap is an everyday lowercase word"
QUOTED_PHRASE = "gap is a quoted phrase: many wordings fit"
WRITTEN_TWICE = "answer written twice in the sentence"
ONE_OF_A_LIST = "gap is one item of a list: any item fits"
# "defeats by _____ (country), France and Ireland", "Smith and _____ (person) said": the other items
# are of the same kind, so the sentence alone does not pin which one is missing
IN_A_LIST = re.compile(r"[A-Z][\w'\u2019.-]*,\s+_____|_____ \([^)]*\)(?:\s*\([^)]*\))?,\s+[A-Z]|_____ \([^)]*\)\s+(?:and|or|&)\s+[A-Z]"
                       r"|[A-Z][\w'\u2019.-]*\s+(?:and|or|&)\s+_____")
GIVEN_AWAY = "answer given away elsewhere in the sentence"
COUNTED = "answer counted from a list in the sentence"
NAME_SPLIT = "gap splits a name"

def _find(sentence: str, candidates: list[str]) -> str | None:
    """The first candidate written in the sentence (as a whole word), longest first."""
    for c in sorted({c for c in candidates if c}, key=len, reverse=True):
        if re.search(rf"(?<!\w){re.escape(c)}(?!\w)", sentence):
            return c
    return None


def make_cloze(sentence: str, hidden: str, hint: str, also: Iterable[str] = ()) -> str:
    """Delete ``hidden`` (any case) and every other spelling in ``also`` ("Putin" beside "Vladimir Putin",
    as written) wherever they occur as whole words."""
    forms = sorted({hidden, *(a for a in also if a and a.strip())}, key=len, reverse=True)
    alternatives = "|".join(f"(?i:{re.escape(f)})" if f == hidden else re.escape(f) for f in forms)
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
    return pattern.sub(lambda m: f"{{{{c1::{m.group(0)}::{hint}}}}}", sentence)


def gap_text(cloze: str) -> str:
    """The cloze as a student sees it before answering: "… ____ (person) said."."""
    return re.sub(r"\{\{c\d+::(.*?)(?:::(.*?))?\}\}", lambda m: f"_____ ({m.group(2) or '?'})", cloze)


def _states_quote(fact: Quote, sentence: str) -> bool:
    """The sentence carries the quoted words themselves (not only the one naming the speaker)."""
    words = re.findall(r"\w+", sentence.casefold())
    for text in (fact.text, *fact.variants):
        head = re.findall(r"\w+", text.casefold())[:6]
        if head and any(words[i:i + len(head)] == head for i in range(len(words))):
            return True
    return False


def _candidates(fact) -> list:
    """Source sentences a cloze may be made from, best first."""
    if isinstance(fact, Quote):
        return [s for s in fact.sources if _states_quote(fact, s.sentence)] or fact.sources[:1]
    return list(fact.sources)


def _outside_quote(fact: Quote, sentence: str) -> str:
    """The sentence with the quoted words blanked (same length): the speaker is named outside them."""
    outside = sentence
    for text in (fact.text, *fact.variants):
        outside = outside.replace(text, " " * len(text))
    return outside


def _names(person) -> list[str]:
    """How a sentence may name a person: the name, the mention (unless a pronoun: "She" is no answer),
    the surname."""
    mention = "" if person.mention.casefold() in _PRONOUNS else person.mention
    extra = [w for w in mention.split() if w not in person.name.split()]
    if mention and person.name.split()[-1] in mention.split() and any(is_place_name(w) for w in extra):
        mention = ""  # "Vladivostok Putin": an NER slip glued a place onto the name; hide the name only
    return [person.name, mention, person.name.split()[-1]]


def _hidden(fact, sentence: str) -> tuple[str | None, str, str]:
    """What to hide in a source sentence, its hint, and the text to look for it in (the sentence, or for a
    quote the sentence with the quoted words blanked)."""
    if isinstance(fact, Quote):
        outside = _outside_quote(fact, sentence)
        hint = {"person": "person", "group": "group"}.get(fact.speaker.kind, "organisation")
        return _find(outside, _names(fact.speaker)), hint, outside
    if isinstance(fact, Role):
        return _find(sentence, _names(fact.person)), "person", sentence
    if isinstance(fact, Quantity):
        return (_find(sentence, [fact.text]) if not fact.vague else None), "number", sentence
    if isinstance(fact, Place):
        return _find(sentence, [fact.place.name, fact.place.mention]), fact.place_kind, sentence
    if isinstance(fact, DateFact):
        return _find(sentence, [fact.date]), "date", sentence
    if isinstance(fact, Event):
        return _find(sentence, [fact.answer, fact.name]), event_hint(fact), sentence
    return None, "", sentence


def event_hint(fact: Event) -> str:
    """An event's gap says what kind of name fills it: "person", "organisation", "city", "sea", "date"."""
    return {"person": "person", "org": "organisation", "date": "date"}.get(fact.answer_kind) or fact.place_kind or "place"


def _spellings(fact, accepted: list[str]) -> list[str]:
    """Every way the sentence may write the hidden name: all of them are deleted."""
    entity = entity_of(fact)
    if entity is None:
        return []
    forms = [entity.name, entity.mention, *accepted]
    if entity.kind == "person":
        forms.append(entity.name.split()[-1])
    return forms


def _giveaways(fact, hidden: str) -> list[str]:
    """Words that name a place's answer in another form: its adjective or short name ("Cuban" for Cuba,
    "British" and "UK" for Britain), as they are written in a sentence."""
    if not isinstance(fact, Place):
        return []
    names = {hidden, fact.place.name}
    targets = {n.casefold() for n in names} | {c.casefold() for n in names if (c := country_of(n))}
    forms = []
    for key, country in demonyms().items():
        if country.casefold() in targets or key in targets:
            forms.append(key.upper() if len(key.replace(".", "")) <= 3 else key.title())
    return forms


def _acronym_beside(cloze: str, hidden: str) -> bool:
    """The answer's initials in brackets right after the gap ("the Australian Rugby Union (ARU)")."""
    after = re.search(r"\}\}\s*\(([A-Z][A-Za-z.&]{1,7})\)", cloze)
    return after is not None and acronym_of(after.group(1), hidden)


def _visible(cloze: str) -> str:
    return re.sub(r"\{\{c\d+::.*?\}\}", " ", cloze)


def _gap(fact, sentence: str, accepted: list[str]) -> tuple[str, str, str, list[str]] | str:
    """``(answer, hint, cloze, accepted)`` for a cloze made from ``sentence``, or why it makes none."""
    if len(sentence.split()) > MAX_CLOZE_WORDS:
        return TOO_LONG
    if CLOZE_MARKUP.search(sentence):
        return HOLDS_MARKUP  # its gaps and the article's own would be one syntax: never made a cloze
    hidden, hint, text = _hidden(fact, sentence)
    if not hidden:
        if isinstance(fact, Quote) and _find(sentence, fact.partial_quotes):
            return QUOTED_PHRASE  # "a _____ (phrase)": many wordings fit, never asked
        return NOT_WRITTEN
    start, end = span_of(text, hidden)
    if hint == "number":
        if (problem := trivial_number(text, hidden, start)) is not None:
            return problem
    elif not any(c.isupper() or c.isdigit() for c in hidden):
        return EVERYDAY_WORD  # "today", "the president"
    if hint == "person":
        span = whole_name(text, start, end)
        if span is None:
            return NAME_SPLIT
        whole = sentence[span[0]:span[1]]
        if whole != hidden:  # "Bill de _____" becomes a gap for "Bill de Blasio"; "Blasio" is still right
            accepted = [*accepted, hidden]
            hidden = whole
    elif isinstance(fact, Place) and place_in_longer_name(text, start, end):
        return NAME_SPLIT
    if hint == "person" and HEAD_TITLE.search(sentence[:sentence.find(hidden)] if hidden in sentence else ""):
        return GENERAL_KNOWLEDGE
    if hint == "number":
        hint = number_hint(hidden)
    cloze = make_cloze(sentence, hidden, hint, _spellings(fact, accepted) + [hidden])
    if len(re.findall(r"\{\{c\d+::", cloze)) > 1:
        return WRITTEN_TWICE  # two gaps for one hint: which is which?
    visible = _visible(cloze)
    if any(re.search(rf"(?<!\w){re.escape(form)}(?!\w)", visible) for form in _giveaways(fact, hidden)):
        return GIVEN_AWAY
    if isinstance(fact, Quantity) and hint in NUMBER_HINTS and counted_in_sentence(gap_text(cloze), fact.value):
        return COUNTED  # "competed _____ times, with films A, B, C and D": counted, not recalled
    if hint not in NUMBER_HINTS and IN_A_LIST.search(gap_text(cloze)):
        return ONE_OF_A_LIST
    if _acronym_beside(cloze, hidden):
        return GIVEN_AWAY  # "the _____ (organisation) (ARU)": the initials spell the answer
    if isinstance(fact, Place) and _names_a_part_of(fact, visible):
        return GIVEN_AWAY  # "_____ (continent), in countries such as Ethiopia and Sudan"
    return hidden, hint, cloze, accepted


def cloze_question(fact, accepted: list[str] | None = None) -> Question | Dropped:
    accepted = list(accepted or [])
    if isinstance(fact, Event) and not event_questions_on():
        return Dropped(fact_id=fact.id, fact_type=fact.type, kind="cloze", reason=EVENTS_OFF)
    if (reason := not_worth_asking(fact)) is not None:
        return Dropped(fact_id=fact.id, fact_type=fact.type, kind="cloze", reason=reason,
                       detail=fact.sources[0].sentence[:80])
    reasons: list[str] = []
    for candidate in _candidates(fact):
        made = _gap(fact, candidate.sentence, accepted)
        if isinstance(made, str):
            reasons.append(made)
            continue
        hidden, hint, cloze, accepted = made
        qid = question_id(fact.canonical_key(), "cloze")
        sources = [candidate, *(s for s in fact.sources if s != candidate)]  # the sentence shown first
        return Question(id=qid, kind="cloze", fact_type=fact.type, fact_id=fact.id, prompt=gap_text(cloze),
                        answer=hidden, accepted=list(dict.fromkeys(a for a in accepted if a != hidden)),
                        explanation=_explain(fact), cloze=cloze, hint=hint, sources=sources,
                        corroboration=fact.corroboration)
    specific = [r for r in reasons if r not in (TOO_LONG, NOT_WRITTEN)]
    reason = specific[0] if specific else TOO_LONG if reasons and set(reasons) == {TOO_LONG} else NOT_WRITTEN
    return Dropped(fact_id=fact.id, fact_type=fact.type, kind="cloze", reason=reason,
                   detail=fact.sources[0].sentence[:80])


CONTINENT_CODES = {"Africa": "AF", "Asia": "AS", "Europe": "EU", "North America": "NA", "South America": "SA",
                   "Oceania": "OC", "Antarctica": "AN"}


def _names_a_part_of(fact: Place, visible: str) -> bool:
    """The sentence names a place inside the hidden one: a country of the hidden continent, a city of
    the hidden country. Then the gap answers itself."""
    continent = CONTINENT_CODES.get(fact.place.name) if fact.place_kind == "continent" else None
    country = fact.country if fact.place_kind == "country" else None
    if continent is None and country is None:
        return False
    words = re.findall(r"[A-Z][\w'-]*", visible)
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            entry = lookup(" ".join(words[i:i + n]))
            if entry is None or entry.name == fact.place.name:
                continue
            if continent and entry.kind == "country" and continent_of(entry.country) == continent:
                return True
            if country and entry.kind == "city" and entry.country == country:
                return True
    return False


def _explain(fact) -> str:
    if isinstance(fact, Quote):
        return quote_explanation(fact)
    if isinstance(fact, Role):
        return role_explanation(fact)
    if isinstance(fact, Quantity):
        return quantity_explanation(fact)
    if isinstance(fact, Place):
        return place_explanation(fact)
    if isinstance(fact, DateFact):
        return date_explanation(fact)
    if isinstance(fact, Event):
        return event_explanation(fact)
    return ""
