"""Explanations that add something to the question: who the speaker is, the unit, the country, the
weekday, how the article words it — never "X said it, as the source sentence shows". One text per fact
type, shared by multiple-choice and cloze questions."""
from __future__ import annotations

import datetime

from ..extract.numbers import format_number
from ..facts import DateFact, Event, Place, Quantity, Quote, Role
from .phrasing import past_tense

UNIT_NAMES = {"$": "US dollars", "\u00a3": "pounds sterling", "\u20ac": "euros", "%": "a percentage",
              "per cent": "a percentage"}
SAID = {"tell": "said", "according to": "said"}


def said(quote: Quote) -> str:
    """The speech verb in the past tense: "warned", "said" (for "told" and "according to")."""
    return SAID.get(quote.cue) or past_tense(quote.cue)


def quote_explanation(fact: Quote, role: str | None = None, co_speakers: set[str] = frozenset()) -> str:
    who = f"{fact.speaker.name} ({role})" if role else fact.speaker.name
    text = f"{who} {fact.cue_text or said(fact)} this"
    if fact.mode == "reported":
        text += " (reported speech, not the exact words)"
    if fact.resolved_from:
        text += (f"; the sentence calls the speaker \u201c{fact.resolved_from}\u201d, and the article names "
                 f"{fact.speaker.name} just before")
    text += "."
    if fact.corroboration > 1:
        text += f" {fact.corroboration} articles report it."
    if co_speakers:
        text += f" {', '.join(sorted(co_speakers))} said the same, so they are not among the wrong options."
    return text


def quantity_explanation(fact: Quantity) -> str:
    text = f"The article gives {(fact.qualifier + ' ') if fact.qualifier else ''}{fact.text}"
    text += f" ({UNIT_NAMES.get(fact.unit, fact.unit)})" if fact.unit else f" as the number of {fact.counted}"
    if fact.total:
        text += f", out of {format_number(fact.total)}"
    return text + f": \u201c{fact.phrase}\u201d."


def place_explanation(fact: Place) -> str:
    country = country_name(fact.country) if fact.place_kind != "country" else None
    where = f"{fact.place.name} is a {fact.place_kind}" + (f" in {country}" if country else "")
    if fact.relation == "mention":  # a place the article names with no event there
        return f"{where}, named in the article."
    return f"{where}; the article places {fact.event} there."


def role_explanation(fact: Role, quoted: bool = False) -> str:
    article = "a" if fact.role.lower().startswith("former") else "the"
    return f"The article introduces {fact.person.name} as {article} {fact.role}" + (" and quotes them" if quoted else "") + "."


def date_explanation(fact: DateFact) -> str:
    return f"The article dates it to {fact.date}{weekday(fact.iso)}: {fact.event}."


def country_name(code: str | None) -> str | None:
    if not code:
        return None
    import pycountry

    found = pycountry.countries.get(alpha_2=code.upper())
    return getattr(found, "common_name", None) or (found.name if found else code)


def weekday(iso: str | None) -> str:
    """" (a Thursday)" for a full date: something the question does not already say."""
    try:
        day = datetime.date.fromisoformat(iso or "")
    except ValueError:
        return ""
    return f" (a {day.strftime('%A')})"


def event_explanation(fact: Event) -> str:
    """The clause the answer comes from, and what the question does not say: the place's country, the
    weekday of a date, the person's full name."""
    text = f"The article: \u201c{fact.event}\u201d"
    if fact.answer_kind == "place" and fact.place_kind:
        country = country_name(fact.country) if fact.place_kind != "country" else None
        text += f"; {fact.name} is a {fact.place_kind}" + (f" in {country}" if country else "")
    elif fact.answer_kind == "date":
        text += weekday(fact.iso)
    elif fact.answer_kind == "person" and fact.name != fact.answer:
        text += f"; the article names {fact.answer} in full as {fact.name}"
    return text + "."
