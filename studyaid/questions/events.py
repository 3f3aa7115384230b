"""Multiple-choice questions about events and definitions (see extract/events.py): who, which place, when.

"Who founded a trading post in Bergen?", "In which city did the Hanseatic League found a trading post?",
"Into which sea does the Rhine flow?", "What is the largest lake in Finland?". The answer is a name (a
person, an organisation, a place, a date), never a common noun, and its wrong options are of the same kind
from the question's own document first, then from related ones (:class:`~.context.CorpusContext`): people
the corpus names in full, organisations named as such, places of the same kind (cities with cities, seas
with seas), dates written like the answer. Other true answers of the same question (another place the
same subject did the same thing in) are never wrong options. Fewer than two good ones: no multiple choice.
"""
from __future__ import annotations

import os
import random
import re

from ..extract.common import slug
from ..extract.events import feature_of, is_organisation_name
from ..facts import Event
from . import distractors as d
from ..lexicon import NAME_PARTICLES
from .context import CorpusContext
from .explain import event_explanation
from .kinds import is_person_name
from .model import Dropped, Question, question_id
from .order import arrange
from .phrasing import UNNAMING, ask, names_its_subject, sentence_case

SETTING = "STUDYAID_EVENTS"  # "1" turns event questions on; off by default until they pass the blind rating
OFF = f"event questions are off (set {SETTING}=1 to ask them)"
MIN_OPTIONS = 3
WRONG_OPTIONS = 3
GAZETTEER_KINDS = ("city", "country", "region", "continent", "village")


def _drop(fact: Event, reason: str, detail: str = "") -> Dropped:
    return Dropped(fact_id=fact.id, fact_type=fact.type, kind="mcq", reason=reason, detail=detail or fact.event[:80])



def _acts_as_person(fact: Event, ctx: CorpusContext) -> bool:
    """The person test of every answer without asking for a quote or a title: the fact shows the name acting
    as a person (the extractor wants a full name the document also gives by the surname alone) and the corpus
    names it in full. In reference text people found, rule and invent far more often than they speak; their
    wrong options are other people named in full (:meth:`CorpusContext.named_person_tiers`). One known by one
    name only ("Rollo", "Tancred") passed the extractor's own test (extract/event_names.sole_names)."""
    return _sole(fact) or ctx.is_person(f"person:{slug(fact.name)}")


def _sole(fact: Event) -> bool:
    """A person the document knows by one name only: the extractor gives every other person answer in full."""
    return fact.answer_kind == "person" and len(fact.name.split()) == 1


def _kind_word(fact: Event) -> str | None:
    if fact.answer_kind == "place":
        return fact.place_kind if fact.place_kind and fact.place_kind != "place" else None
    return None


def wh_phrase(fact: Event) -> str | None:
    """The question phrase that stands for the answer: "Who", "By whom", "In which city", "When", "What"."""
    if fact.slot == "definition":
        return "Who" if fact.answer_kind == "person" else "What"
    if fact.answer_kind == "date":
        if fact.slot != "prep":
            return None
        return {"since": "Since when", "until": "Until when", "till": "Until when"}.get(fact.prep, "When")
    if fact.answer_kind in ("person", "org"):
        if fact.slot in ("agent", "patient", "object"):
            return "Who"
        return {"by": "By whom", "to": "To whom"}.get(fact.prep)
    if fact.answer_kind == "place" and fact.place_kind == "place":
        return "Where" if fact.slot == "prep" and fact.prep == "in" else None  # a place of no known kind
    kind = _kind_word(fact)
    if kind is None:
        return None
    which = f"which {kind}"
    return sentence_case(f"{fact.prep} {which}") if fact.slot == "prep" else sentence_case(which)


def _others(ctx: CorpusContext, documents: list[str]) -> list[Event]:
    """Event facts of some documents, in corpus order."""
    by_document = ctx._by_document  # the context's own index of facts by document
    return [f for doc in documents for f in by_document.get(doc, []) if isinstance(f, Event)]


def _same_kind(fact: Event, other: Event) -> bool:
    if other.answer_kind != fact.answer_kind:
        return False
    if fact.answer_kind == "place":
        return other.place_kind == fact.place_kind
    return True


def _question_key(fact: Event) -> tuple:
    """What a question about the fact asks, without its answer: the verb, the slot and the rest of the clause."""
    clause = fact.clause
    rest = (clause.after if clause.answer_role == "subject" else f"{clause.subject} {clause.between} {clause.after}") \
        if clause else fact.event
    return fact.lemma, fact.slot, fact.prep, " ".join(rest.casefold().split())


def right_answers(fact: Event, ctx: CorpusContext) -> set[str]:
    """Every answer the corpus gives to the same question (same verb, slot and rest of the clause)."""
    key = _question_key(fact)
    return {fact.name, fact.answer} | {a for o in _others(ctx, ctx.documents_of(fact)) if _question_key(o) == key
                                       for a in (o.name, o.answer)}


def _candidates(fact: Event, ctx: CorpusContext) -> list[list[str]]:
    """Same-kind names, by document tier."""
    tiers: list[list[str]] = []
    people = ctx.named_person_tiers(fact, f"person:{slug(fact.name)}") if fact.answer_kind == "person" else []
    for n, documents in enumerate(ctx.tiers(fact)):
        names = [o.name for o in _others(ctx, documents) if _same_kind(fact, o)]
        if fact.answer_kind == "person" and _sole(fact):
            # one-name people with one-name people (a full name beside them would stand out)
            names = [o.name for o in _others(ctx, documents) if _sole(o)]
        elif fact.answer_kind == "person":
            names += people[n] if n < len(people) else []
            names = [x for x in names if is_person_name(x) and len(x.split()) >= 2
                     and x.split()[0].casefold() not in NAME_PARTICLES  # "La Scala" is no one's name
                     and len(x.split()[0].rstrip(".")) > 1]  # "H Southwell" beside full names gives itself away
        elif fact.answer_kind == "org":
            names += [e.name for e in ctx.facts.entities if e.kind == "org" and set(e.documents) & set(documents)]
            names = [x for x in names if is_organisation_name(x)]
        elif fact.answer_kind == "place" and fact.place_kind not in GAZETTEER_KINDS:
            names += [e.name for e in ctx.facts.entities if e.kind == "place" and set(e.documents) & set(documents)
                      and feature_of(e.name) == fact.place_kind]
        tiers.append(list(dict.fromkeys(names)))
    return tiers


CENTURY = re.compile(r"^((?:early |mid-|mid |late )?)(\d{1,2})(?:st|nd|rd|th) century( BC)?$", re.IGNORECASE)
DECADE = re.compile(r"^((?:early |mid-|mid |late )?)(\d{3})0s$")
ERA_YEAR = re.compile(r"^(?:(\d{1,4}) (BC|BCE|AD|CE)|AD (\d{1,4}))$")
DAY_MONTH_YEAR = re.compile(r"^(\d{1,2}) ([A-Z][a-z]+) (\d{4})$")


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def period_options(written: str) -> list[str]:
    """Wrong dates written like a century, a decade or a day-month-year date, nearest first: "19th century" ->
    18th, 20th, 17th, 21st; "1990s" -> 1980s, 2000s, ...; "1 May 1191" -> 8 May 1191, 24 April 1191, ..."""
    if m := CENTURY.match(written):
        part, n, era = m.group(1), int(m.group(2)), m.group(3) or ""
        limit = 30 if era else 21
        return [f"{part}{_ordinal(n + s)} century{era}" for s in (-1, 1, -2, 2, -3, 3) if 1 <= n + s <= limit]
    if m := DECADE.match(written):
        part, start = m.group(1), int(m.group(2)) * 10
        return [f"{part}{start + s}s" for s in (-10, 10, -20, 20, -30, 30) if start + s <= 2020]
    if m := ERA_YEAR.match(written):
        year = int(m.group(1) or m.group(3))
        shown = (lambda y: f"{y} {m.group(2)}") if m.group(1) else (lambda y: f"AD {y}")
        return [shown(year + s) for s in (-3, 4, -7, 9, -12, 15) if year + s > 0]
    if m := DAY_MONTH_YEAR.match(written):
        from datetime import date, timedelta

        months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                  "October", "November", "December"]
        if m.group(2) not in months:
            return []
        try:
            base = date(int(m.group(3)), months.index(m.group(2)) + 1, int(m.group(1)))
        except ValueError:
            return []
        shifted = [base + timedelta(days=s) for s in (7, -7, 14, -30, 30)]
        return [f"{s.day} {months[s.month - 1]} {s.year}" for s in shifted]
    return []


def _wrong(fact: Event, ctx: CorpusContext, prompt: str, rng: random.Random) -> list[str]:
    right = right_answers(fact, ctx)
    if fact.answer_kind == "date" and (options := period_options(fact.answer)):
        return d.pick(fact.answer, [o for o in options if o not in right], WRONG_OPTIONS, prompt=prompt, rng=rng)
    if fact.answer_kind == "date":
        isos = sorted({o.iso for o in _others(ctx, ctx.documents_of(fact)) if o.answer_kind == "date" and o.iso}
                      | set(ctx.date_isos_near(fact)))
        right_isos = [o.iso for o in _others(ctx, ctx.documents_of(fact)) if o.name in right and o.iso]
        return d.date_options(fact.iso or "", fact.answer, isos, right_isos, rng=rng) if fact.iso else []
    tiers = _candidates(fact, ctx)
    if fact.answer_kind == "place" and fact.place_kind in GAZETTEER_KINDS:
        counted = [[(name, None, 1) for name in tier] for tier in tiers]
        own = [list(t) for t in ctx.place_tiers(fact)]  # the corpus's places of the kind, by tier
        merged = [a + b for a, b in zip(own, counted)]
        tiers = d.place_candidates(fact.place_kind, fact.country, merged, ctx.gazetteer, exclude=right)
        tiers = [[n for n in tier if n.casefold() not in ctx.surnames] for tier in tiers]
    if fact.answer_kind in ("person", "org"):
        tiers = [[n for n in tier if not _in_sources(n, fact)] for tier in tiers]
    return d.pick_tiered(fact.name, tiers, WRONG_OPTIONS, prompt=prompt, exclude=sorted(right), rng=rng)


def _in_sources(name: str, fact: Event) -> bool:
    """The name (or its last word) is written in the fact's own sentence: someone acting beside the answer
    ("joined fellow stars Victoria Wood and David Jason in attacking ..."), so perhaps a right answer too."""
    words = name.split()
    pattern = re.compile(rf"\b(?:{re.escape(name)}|{re.escape(words[-1])})\b" if len(words[-1]) > 2 else rf"\b{re.escape(name)}\b")
    return any(pattern.search(s.sentence) for s in fact.sources)


def enabled() -> bool:
    """Event questions are asked only with the setting on (the facts are extracted either way)."""
    return os.environ.get(SETTING, "") == "1"


# words that say nothing specific about what was done: "the show", "his work", "it"
VAGUE_WORDS = frozenset("""the a an of in on at to for by with and or from as into its his her their it them this that
these those he she they him one some many much more most other such first last new old own same""".split())
SPECIFIC_WORDS = 3


def _names_the_rest(fact: Event) -> bool:
    """The question names what it asks about: for an answer that is the clause's subject, the rest of the
    clause carries a name ("Who founded a trading post in Bergen?") or says precisely what was done, in at
    least three words of its own and no pronoun ("Who defined linear bounded automata?"), never only a
    common phrase ("Who stole the show?", "Who developed his theory further?")."""
    if fact.clause.answer_role != "subject":
        return names_its_subject(fact.clause)
    words = re.findall(r"[\w-]+", fact.clause.after)
    lowered = [w.casefold() for w in words]
    if set(lowered) & {"it", "they", "them", "this", "these", "those"}:
        return False  # "Who lambasted the referee for costing them the game?": who are they?
    if any(w[:1].isupper() and w not in UNNAMING for w in words):
        return True
    if set(lowered) & {"it", "its", "his", "her", "their", "they", "them", "he", "she", "this", "that", "these", "those"}:
        return False
    if "the" in lowered and not re.search(r"\d", fact.clause.after):
        return False  # "Who made the decision to re-schedule the previews?": which previews? the article knows
    return sum(1 for w in lowered if w not in VAGUE_WORDS and len(w) > 2) >= SPECIFIC_WORDS


def unclear(fact: Event) -> str | None:
    """Why the clause makes no clear question, or None: a bare participle ("X, criticised for ...") or a
    clause cut by a dash."""
    clause = fact.clause
    if clause.tag == "VBN" and not clause.aux and clause.lemma != "be":
        return "a participle without its auxiliary"
    if re.search(r"\s[-\u2013\u2014]\s", f"{clause.subject} {clause.between} {clause.after}"):
        return "a clause cut by a dash"
    return None


def _shown(fact: Event) -> str:
    """The answer as the option a student picks: a place as its source writes it when the gazetteer's name for
    it is not there ("Valona" for Vlorë, "Krakow" for Kraków); anything else by its full name."""
    if fact.answer_kind == "place" and not any(fact.name in s.sentence for s in fact.sources):
        return fact.answer
    return fact.name


def event_mcq(fact: Event, ctx: CorpusContext, rng: random.Random) -> Question | Dropped:
    if not enabled():
        return _drop(fact, OFF)
    if fact.clause is None:
        return _drop(fact, "no clause to ask about")
    if not _names_the_rest(fact):
        return _drop(fact, "does not name what it asks about", fact.clause.subject)
    if (reason := unclear(fact)) is not None:
        return _drop(fact, reason)
    if fact.answer_kind == "person" and not _acts_as_person(fact, ctx):
        return _drop(fact, "answer is not a person's name", fact.name)
    if fact.answer_kind == "place" and fact.name.casefold() in ctx.surnames:
        return _drop(fact, "place name is also a person's name", fact.name)
    wh = wh_phrase(fact)
    prompt = ask(wh, fact.clause) if wh else None
    if prompt is None:
        return _drop(fact, "cannot phrase the question")
    wrong = _wrong(fact, ctx, prompt, rng)
    if len(wrong) + 1 < MIN_OPTIONS:
        return _drop(fact, "too few wrong options", f"{len(wrong)} found for {fact.name!r}")
    qid = question_id(fact.canonical_key(), "mcq")
    shown = _shown(fact)
    accepted = [a for a in {fact.answer, fact.name} if a != shown]
    hint = "person" if fact.answer_kind == "person" else "organisation" if fact.answer_kind == "org" \
        else fact.place_kind or "date"
    return Question(id=qid, kind="mcq", fact_type=fact.type, fact_id=fact.id, prompt=prompt, answer=shown,
                    accepted=accepted, explanation=event_explanation(fact), options=arrange(qid, shown, wrong),
                    hint=hint, sources=fact.sources, corroboration=fact.corroboration)
