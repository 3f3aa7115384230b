"""Facts no teacher would ask about, whatever the question's form (multiple choice or cloze): a
person's age, the body a statistic is credited to, a figure in several parts, a date tied to no event,
the minute of a moment in a match, a quotation too short to tell who said it."""
from __future__ import annotations

import re

from ..facts import DateFact, Quantity, Quote

AGE = "an age: trivia"
UNPINNED_GROUP = "a group as the gap: 'critics', 'analysts' and many others fit"
COMPOUND = "a figure in several parts: no one hint fits"
NO_EVENT = "a date tied to no event"
SOURCE_ONLY = "only the source a figure is credited to"
SHORT_QUOTE = "quote too short to tell who said it"
MATCH_MINUTE = "the minute of a moment in a match: trivia"
MIN_QUOTE_WORDS = 6
PASSER_BY = "a reader or passer-by known by where they live: trivia"
GENERAL_KNOWLEDGE = "a head of state or government named by title: general knowledge"
# "French President _____", "the US President, _____,": the title alone gives the name away to anyone
HEAD_TITLE = re.compile(r"\b(?:President|Prime Minister|Chancellor|King|Queen|Pope|Premier)\s*,?\s*$")


def _match_minute(fact: Quantity) -> bool:
    """"a penalty on 70 minutes", "a try after 51 minutes": when in a game something happened."""
    if fact.counted_head not in ("minute", "second"):
        return False
    sentence = fact.sources[0].sentence
    return bool(re.search(rf"\b(?:on|after)\s+(?:just\s+)?{re.escape(fact.text)}\s+(?:minutes|seconds)\b", sentence))


def _passer_by(fact: Quote) -> bool:
    """A reader, a fan or a passer-by, known only by where they live: "wrote Tom Rees, from Leeds",
    "said Ann Holt, in Texas" — who said it is no fact to learn."""
    mention = fact.speaker.mention
    return any(re.search(rf"\b{re.escape(mention)},\s+(?:from|in|of)\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?\s*[,.;]", s.sentence)
               for s in fact.sources[:1])


def not_worth_asking(fact) -> str | None:
    """Facts no teacher would ask about, whatever the question's form: a person's age ("the 35-year-old",
    "Lomas, 15,") and the organisation a statistic is sourced to ("according to the Helsinki-based ...")."""
    if isinstance(fact, Quantity) and fact.counted.strip().lower() == "years old":
        return AGE
    if isinstance(fact, Quantity) and _match_minute(fact):
        return MATCH_MINUTE
    if isinstance(fact, Quote) and fact.speaker.kind in ("org", "group") and fact.cue == "according to":
        return SOURCE_ONLY
    if isinstance(fact, Quote) and fact.speaker.kind == "group":
        return UNPINNED_GROUP
    if isinstance(fact, Quote) and _passer_by(fact):
        return PASSER_BY
    if isinstance(fact, Quote) and fact.mode == "direct" and len(fact.text.split()) < MIN_QUOTE_WORDS and len(
            fact.sources[0].sentence.replace(fact.text, " ").split()) <= 4:
        return SHORT_QUOTE  # "'It was frustrating,' _____ said": anyone could have said it
    if isinstance(fact, Quantity) and len(re.findall(r"\d+(?:[.,]\d+)*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\b",
                                                    fact.text, re.IGNORECASE)) > 1:
        return COMPOUND  # "22 minutes 45 seconds", "30 to 40": no one hint fits the gap
    if isinstance(fact, DateFact) and fact.clause is None:
        return NO_EVENT  # a range's second day, a year in a name or a comparison: no event the date is of
    return None
