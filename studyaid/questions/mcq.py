"""Multiple-choice questions, one builder per fact type, phrased from the fact's parse."""
from __future__ import annotations

import random
import re
from weakref import WeakKeyDictionary

from ..extract.gender import description_gender, gender_in_prompt, title_gender
from ..extract.numbers import format_number
from ..facts import DateFact, Place, Quantity, Quote, Role
from . import distractors as d
from .worth import GENERAL_KNOWLEDGE, HEAD_TITLE, MIN_QUOTE_WORDS, not_worth_asking
from .context import CorpusContext
from .events import event_mcq
from .kinds import one_holder, role_names_its_body
from .model import Dropped, Question, question_id
from .explain import (date_explanation, place_explanation, quantity_explanation, quote_explanation,
                      role_explanation, said)
from .order import arrange
from ..lexicon import DIRECTIVE_VERBS, SPEECH_VERBS
from .phrasing import ask, names_its_subject, past_tense, quoted, sentence_case, trim_quote

PLACE_WORDS = {"city": "city", "country": "country", "region": "region", "continent": "continent",
               "village": "village", "place": "place"}
MIN_OPTIONS = 3  # the answer and two wrong options at least: fewer good ones, fewer options
WRONG_OPTIONS = 3
DIRECTIVE = re.compile(r"^(?:[\w'\u2019.-]+ ){1,5}to [a-z]+\b")  # "England to stop", "PC users to check"
FIRST_PERSON = re.compile(r"\b(I|me|my|mine|we|us|our|ours|you|your|yours)\b")
QUALIFIER_DIRECTION = {"at least": 1, "more than": 1, "over": 1, "as many as": -1, "up to": -1, "at most": -1,
                       "fewer than": -1, "less than": -1, "under": -1}
FUNCTION_WORDS = {"the", "a", "an", "at", "in", "on", "what", "this", "that", "these", "those", "it", "there",
                  "while", "if", "when", "for", "as", "some", "many", "any", "no", "all", "his", "her", "its", "their"}


def _lower_function_word(text: str) -> str:
    """"At the same time, the Kremlin ..." -> "at the same time, the Kremlin ..." inside a question."""
    first, _, rest = text.partition(" ")
    return f"{first.lower()} {rest}" if first.lower() in FUNCTION_WORDS else text


def _question(fact, prompt: str, answer: str, wrong: list[str], explanation: str, hint: str,
              accepted: list[str] | None = None, sources: list | None = None) -> Question | Dropped:
    if fact.type != "quote" and FIRST_PERSON.search(prompt):
        return Dropped(fact_id=fact.id, fact_type=fact.type, kind="mcq", reason="first or second person outside a quote",
                       detail=prompt)
    if len(wrong) + 1 < MIN_OPTIONS:
        return Dropped(fact_id=fact.id, fact_type=fact.type, kind="mcq", reason="too few wrong options",
                       detail=f"{len(wrong)} found for {answer!r}")
    qid = question_id(fact.canonical_key(), "mcq")
    options = arrange(qid, answer, wrong)
    return Question(id=qid, kind="mcq", fact_type=fact.type, fact_id=fact.id, prompt=prompt, answer=answer,
                    accepted=accepted or [], explanation=explanation, options=options, hint=hint,
                    sources=sources or fact.sources, corroboration=fact.corroboration)


def _names_like(answer: str, names: list[str]) -> list[str]:
    """Wrong names written like the answer: a surname-only answer ("Peskov") gets surnames, so that
    the one short option does not give itself away."""
    if len(answer.split()) != 1:
        return names
    short = [n.split()[-1] for n in names]
    return short if len({d.norm(n) for n in short + [answer]}) == len(short) + 1 else names


_GENDERS: "WeakKeyDictionary[CorpusContext, dict[str, str | None]]" = WeakKeyDictionary()


def _gender_of(ctx: CorpusContext) -> dict[str, str | None]:
    """Canonical name -> gender of the corpus's people (a name two people share: unknown), built once per
    context."""
    found = _GENDERS.get(ctx)
    if found is None:
        found = {}
        for e in ctx.entities.values():
            if e.kind == "person":
                found[e.name] = e.gender if found.get(e.name, e.gender) == e.gender else None
        _GENDERS[ctx] = found
    return found


def _shown_gender(fact, prompt: str) -> str | None:
    """The gender the question itself shows of its answer: its stem's pronouns, a role's title ("chairwoman"),
    the pronoun or description its sentence gives the speaker ("she said", "the actress said")."""
    evidence = {gender_in_prompt(prompt),
                title_gender(fact.title) if isinstance(fact, Role) else None,
                description_gender(fact.resolved_from) if isinstance(fact, Quote) else None} - {None}
    return evidence.pop() if len(evidence) == 1 else None


def _wrong_people(fact, person, ctx: CorpusContext, prompt: str, right: set[str], rng: random.Random) -> list[str]:
    """Other people of the question's document, then of related documents; none of them also right,
    none named by the prompt, each passing the same person test as the answer, written like it; none of
    the other gender where the articles make it plain (:func:`~studyaid.questions.distractors.gender_rule`)."""
    tiers = ctx.person_tiers(fact, person.id)
    entity = ctx.entities.get(person.id)
    gender, strict = d.gender_rule(entity.gender if entity is not None else None, _shown_gender(fact, prompt))
    exclude = [*right, *ctx.aliases(person.id)]
    before = rng.getstate()
    wrong = d.pick_tiered(person.name, tiers, WRONG_OPTIONS, prompt=prompt, exclude=exclude, rng=rng)
    names = _gender_of(ctx)
    if gender is None or all(names.get(name) in (None, gender) for name in wrong):
        return _names_like(person.name, wrong)  # nothing of the other gender was chosen: as it was
    trial = random.Random()
    trial.setstate(before)
    same = d.pick_tiered(person.name, d.of_gender(tiers, gender, names.get), WRONG_OPTIONS, prompt=prompt,
                         exclude=exclude, rng=trial)
    if strict or same:
        wrong = same  # fewer options, or none, rather than one of the other gender; none of the answer's: as it was
    return _names_like(person.name, wrong)


def _unnamed(fact) -> Dropped:
    return Dropped(fact_id=fact.id, fact_type=fact.type, kind="mcq", reason="does not name what it asks about",
                   detail=fact.clause.subject if fact.clause else "")


def _not_a_person(fact, name: str) -> Dropped:
    return Dropped(fact_id=fact.id, fact_type=fact.type, kind="mcq", reason="answer is not a person's name",
                   detail=name)


def quote_mcq(fact: Quote, ctx: CorpusContext, rng: random.Random) -> Question | Dropped:
    if len(fact.text.split()) < MIN_QUOTE_WORDS:
        return Dropped(fact_id=fact.id, fact_type=fact.type, kind="mcq", reason="quote too short to tell who said it",
                       detail=fact.text)
    if not ctx.is_person(fact.speaker.id):
        return _not_a_person(fact, fact.speaker.name)
    sources = sources_quoting(trim_quote(fact.text), fact.sources)
    if not sources:
        return Dropped(fact_id=fact.id, fact_type=fact.type, kind="mcq", reason="quote worded otherwise in its sources",
                       detail=fact.text[:80])
    if fact.mode == "direct":
        prompt = f"Who said: {quoted(trim_quote(fact.text))}"
    elif fact.cue in DIRECTIVE_VERBS and DIRECTIVE.match(fact.text):
        # "told England to stop ...": the addressee and the infinitive follow the verb, with no "that"
        prompt = f"Who {past_tense(fact.cue)} {trim_quote(fact.text).rstrip('.')}?"
    else:
        verb = said(fact)
        prompt = f"Who {verb} that {_lower_function_word(trim_quote(fact.text)).rstrip('.')}?"
    answer = fact.speaker.name
    others = ctx.co_speakers(fact)
    wrong = _wrong_people(fact, fact.speaker, ctx, prompt, others, rng)
    roles = ctx.roles_by_person.get(fact.speaker.id, [])
    explanation = quote_explanation(fact, roles[0].role if roles else None, others)
    return _question(fact, prompt, answer, wrong, explanation, "person", ctx.aliases(fact.speaker.id), sources)


QUOTED = re.compile(r"[\u201c\"]([^\u201c\u201d\"]*)(?:[\u201d\"]|$)")  # what a sentence quotes, its cue left out


def _words(text: str) -> str:
    return " ".join(re.findall(r"[\w]+", text.casefold().replace("\u2019", "'")))


def sources_quoting(text: str, sources: list) -> list:
    """The sources whose sentence has the quoted words exactly as the question gives them, first (the
    question's article is its first source), then the others; none when no source words it so: a claim
    corroborated by two articles may be worded otherwise in each, and a quotation must quote its article."""
    words = _words(text.removesuffix("\u2026"))
    exact = [s for s in sources if words in _words(s.sentence) or words in _words(" ".join(QUOTED.findall(s.sentence)))]
    return exact + [s for s in sources if s not in exact] if exact else []


def quantity_mcq(fact: Quantity, ctx: CorpusContext, rng: random.Random) -> Question | Dropped:
    if fact.vague:
        return Dropped(fact_id=fact.id, fact_type=fact.type, kind="mcq", reason="vague answer", detail=fact.phrase)
    if fact.clause is None:
        return Dropped(fact_id=fact.id, fact_type=fact.type, kind="mcq", reason="no clause to ask about",
                       detail=fact.phrase)
    if (reason := not_worth_asking(fact)) is not None:
        return Dropped(fact_id=fact.id, fact_type=fact.type, kind="mcq", reason=reason, detail=fact.phrase)
    if fact.unit:
        wh = "How much"
    elif fact.total and (owner := DETERMINED.match(fact.counted)):  # "121 of his 147 matches"
        wh = f"How many of {owner.group(0)} {format_number(fact.total)} {fact.counted[owner.end():].strip()}"
    elif fact.total:
        wh = f"How many of the {format_number(fact.total)} {fact.counted}"
    elif fact.phrase.lower().startswith(f"{fact.text.lower()} of ") and DETERMINED.match(fact.counted):
        wh = f"How many of {fact.counted}"
    else:
        wh = f"How many {fact.counted}"
    if fact.qualifier in ("at least", "more than", "up to", "at most", "fewer than", "less than"):
        wh = f"{sentence_case(fact.qualifier)} {wh[0].lower()}{wh[1:]}"
    if not names_its_subject(fact.clause):
        return _unnamed(fact)
    prompt = ask(wh, fact.clause)
    if prompt is None:
        return Dropped(fact_id=fact.id, fact_type=fact.type, kind="mcq", reason="cannot phrase the question",
                       detail=fact.phrase)
    answer = fact.text + (f" {fact.unit}" if fact.unit and fact.unit not in fact.text else "")
    answer = _as_written(answer, fact)
    if answer.isalpha() and answer[:1].isupper():
        answer = answer.lower()  # "Five" opened its sentence; among "three" and "four" it would stand out
    right = ctx.numbers_counting(fact.counted_head)
    same_size = [v for v in ctx.numbers_near(fact) if v != fact.value and fact.value / 3 <= v <= fact.value * 3]
    wrong = d.number_options(fact.value, answer, same_size,
                             [v for v in right if v != fact.value and _similar_claim(v, fact.value)], rng=rng,
                             direction=QUALIFIER_DIRECTION.get(fact.qualifier or "", 0), upper=fact.total)
    explanation = quantity_explanation(fact)
    accepted = [format_number(fact.value)] if format_number(fact.value) != answer else []
    return _question(fact, prompt, answer, wrong, explanation, "number", accepted)


DETERMINED = re.compile(r"^(the|his|her|its|their|our|these|those|[A-Z][\w.-]*(?:'s|\u2019s))\b", re.IGNORECASE)
def _as_written(answer: str, fact: Quantity) -> str:
    """The answer as the sentence writes it ("21.9 billion euros"), so it can be checked there."""
    sentence = fact.sources[0].sentence
    return answer if answer in sentence else fact.text


def _similar_claim(other: float, value: float) -> bool:
    return abs(other - value) <= 0.3 * max(value, 1)


def place_mcq(fact: Place, ctx: CorpusContext, rng: random.Random) -> Question | Dropped:
    kind = PLACE_WORDS.get(fact.place_kind, "place")
    if fact.place.name.casefold() in ctx.surnames:
        return Dropped(fact_id=fact.id, fact_type=fact.type, kind="mcq", reason="place name is also a person's name",
                       detail=fact.place.name)
    if fact.clause is not None:
        if not names_its_subject(fact.clause):
            return _unnamed(fact)
        prompt = ask(f"In which {kind}", fact.clause)
    elif fact.relation in ("in", "at", "compound") and _noun_event(fact):
        event = re.sub(r"^(his|her|its|their) ", "the ", fact.event)
        for article in ("a ", "an ", "A ", "An "):
            if event.startswith(article):
                event = "the " + event[len(article):]
        prompt = f"In which {kind} did {event[:1].lower() + event[1:] if event.startswith('The ') else event} take place?"
    else:
        prompt = None
    if prompt is None:
        return Dropped(fact_id=fact.id, fact_type=fact.type, kind="mcq", reason="cannot phrase the question",
                       detail=fact.event)
    answer = fact.place.name
    right = ctx.places_for_event(fact)
    tiers = d.place_candidates(fact.place_kind, fact.country, ctx.place_tiers(fact), ctx.gazetteer, exclude=right)
    tiers = [[n for n in tier if n.casefold() not in ctx.surnames] for tier in tiers]
    wrong = d.pick_tiered(answer, tiers, WRONG_OPTIONS, prompt=prompt, exclude=[*right, *ctx.aliases(fact.place.id)],
                          rng=rng)
    explanation = place_explanation(fact)
    return _question(fact, prompt, answer, wrong, explanation, kind, ctx.aliases(fact.place.id))


def _noun_event(fact: Place) -> bool:
    """An event named by a noun phrase specific enough to ask about ("the Eastern Economic Forum")."""
    if fact.event_kind != "noun" or fact.relation == "based":
        return False
    content = [w for w in fact.event.split() if w.lower() not in ("the", "a", "an", "of")]
    return any(w[:1].isupper() for w in content) or len(content) >= 3


MIN_ROLE_MENTIONS = 2  # a person named once, in passing, is not worth a question about their job


def role_mcq(fact: Role, ctx: CorpusContext, rng: random.Random) -> Question | Dropped:
    """Asked in the article's frame ("According to the article, who is ..."), not as general knowledge
    that goes out of date; only about people the article is about, not those mentioned in passing."""
    if not role_names_its_body(fact.title, fact.organization):
        return Dropped(fact_id=fact.id, fact_type=fact.type, kind="mcq", reason="role too vague to ask",
                       detail=fact.role)
    if HEAD_TITLE.search(fact.title):
        return Dropped(fact_id=fact.id, fact_type=fact.type, kind="mcq", reason=GENERAL_KNOWLEDGE, detail=fact.role)
    if not one_holder(fact.title):
        return Dropped(fact_id=fact.id, fact_type=fact.type, kind="mcq", reason="a role many people hold",
                       detail=fact.role)  # "who is the England winger?": England has several
    if not ctx.is_person(fact.person.id):
        return _not_a_person(fact, fact.person.name)
    document = fact.sources[0].document
    if (fact.person.id not in ctx.speakers
            and ctx.mentions_in_document(fact.person.id, document) < MIN_ROLE_MENTIONS):
        return Dropped(fact_id=fact.id, fact_type=fact.type, kind="mcq", reason="person mentioned only in passing",
                       detail=fact.person.name)
    article = "a" if fact.role.lower().startswith("former") else "the"
    prompt = f"According to the article, who is {article} {fact.role}?"
    answer = fact.person.name
    holders = ctx.role_holders(fact)
    wrong = _wrong_people(fact, fact.person, ctx, prompt, holders, rng)
    explanation = role_explanation(fact, fact.person.id in ctx.speakers)
    return _question(fact, prompt, answer, wrong, explanation, "person", ctx.aliases(fact.person.id))


def date_mcq(fact: DateFact, ctx: CorpusContext, rng: random.Random) -> Question | Dropped:
    if fact.clause is None or not fact.iso:
        return Dropped(fact_id=fact.id, fact_type=fact.type, kind="mcq", reason="no clause to ask about",
                       detail=fact.event)
    if not names_its_subject(fact.clause):
        return _unnamed(fact)
    if fact.clause.lemma.lower() in SPEECH_VERBS:
        return Dropped(fact_id=fact.id, fact_type=fact.type, kind="mcq", reason="the date of a statement: trivia",
                       detail=fact.event)  # "When did Peskov tell Interfax?": tell what?
    if re.search(rf"\bsince\s+(?:early\s+|late\s+|mid-?)?{re.escape(fact.date)}", fact.sources[0].sentence):
        # "their first Grand Slam since 1948": the year is what the event is measured from, not when it happened
        return Dropped(fact_id=fact.id, fact_type=fact.type, kind="mcq", reason="a date things are counted since",
                       detail=fact.event)
    if fact.clause.tag in ("VBZ", "VBP") and not fact.clause.aux and re.fullmatch(r"\d{4}s?", fact.date.strip()):
        # "Jugnot plays a teacher at a school in 1949": the year the story is set in, not when he plays
        return Dropped(fact_id=fact.id, fact_type=fact.type, kind="mcq", reason="a year with a present tense: a setting",
                       detail=fact.event)
    prompt = ask("When", fact.clause)
    if prompt is None:
        return Dropped(fact_id=fact.id, fact_type=fact.type, kind="mcq", reason="cannot phrase the question",
                       detail=fact.event)
    wrong = d.date_options(fact.iso, fact.date, ctx.date_isos_near(fact), ctx.dates_for_event(fact), rng=rng)
    explanation = date_explanation(fact)
    return _question(fact, prompt, fact.date, wrong, explanation, "date")


BUILDERS = {"quote": quote_mcq, "quantity": quantity_mcq, "place": place_mcq, "role": role_mcq, "date": date_mcq,
            "event": event_mcq}
