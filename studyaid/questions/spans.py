"""Where a cloze gap sits in its sentence: the whole of a person's name ("Bill de _____" becomes a gap
for "Bill de Blasio"), a place that is not part of a longer name ("Real Madrid"), a number that asks
for a real figure (not "one", "a million" or the "Six" of "the Six Nations"). Pure text rules."""
from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from ..gazetteer import is_place_name
from ..lexicon import MONTHS, NAME_PARTICLES, NUMBER_WORDS, SCALE_WORDS, TITLE_WORDS, country_of

SCALE_ONLY = "gap is only a scale word"
EVERYDAY_NUMBER = "gap is an everyday number word"
NUMBER_IN_NAME = "number is part of a name"
CONVERSION = "gap beside the same amount in another currency"

# Counts a student guesses without reading: "one such example", "a single vote", "both sides"; "two" too
# when it only points back at things already named ("the two clubs", "these two features", "England's two").
_EVERYDAY_NUMBERS = frozenset({"a", "an", "one", "single", "both", "once"})
_SMALL_NUMBERS = frozenset({"two", "pair", "couple", "twice"})
_POINTING = frozenset({"the", "these", "those", "this", "that", "its", "their", "his", "her", "our", "my", "your",
                       "other", "all", "first", "last", "next", "previous"})
_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
_WORD = re.compile(r"[^\W\d_][\w'’]*(?:-[\w'’]+)*")
_POSSESSIVE = re.compile(r"['’]s?$")
# "5.45m euros (" before a gap, or "euros (£611,000)" after it: the amount converted into another currency.
_AMOUNT = r"[£$€¥]?\s?\d[\d.,]*\s?(?:m|bn|k|million|billion|thousand)?\b"
_CONVERTED_BEFORE = re.compile(_AMOUNT + r"\s*(?:[^\W\d_]+\s*)?\(\s*$")
_CONVERTED_AFTER = re.compile(r"^\s*(?:[^\W\d_]+\s*)?\(\s*[£$€¥]\s?\d")


def span_of(text: str, hidden: str) -> tuple[int, int] | None:
    match = re.search(rf"(?<!\w){re.escape(hidden)}(?!\w)", text)
    return match.span() if match else None


def _clause_start(text: str, start: int) -> bool:
    """Nothing but an opening quote, bracket or a sentence break before ``start``: a capital there is grammar."""
    before = text[:start].rstrip()
    return not before or before[-1] in ".:;!?\"\u201c\u2018'("


def _word_before(text: str, start: int) -> re.Match | None:
    """The word right before ``start``, separated from it by exactly one space."""
    if not text[:start].endswith(" ") or text[:start].endswith("  "):
        return None
    match = None
    for match in _WORD.finditer(text, 0, start - 1):
        pass
    return match if match is not None and match.end() == start - 1 else None


def _word_after(text: str, end: int) -> re.Match | None:
    """The word right after ``end``, separated from it by exactly one space."""
    if text[end:end + 1] != " ":
        return None
    match = _WORD.match(text, end + 1)
    return match


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _not_a_name(word: str) -> bool:
    """A capitalised word that is never part of a name next to it: a title, a month, a weekday."""
    low = _POSSESSIVE.sub("", word).lower()
    return low in TITLE_WORDS or low in MONTHS or low in _WEEKDAYS


def _person_word(word: str) -> bool:
    """A word that can be one of a person's names: capitalised, not all capitals (an acronym), not a
    title, month, weekday, number, nationality or country."""
    bare = _POSSESSIVE.sub("", word)
    low = bare.lower()
    return (_capitalised(bare) and not (len(bare) > 1 and bare.isupper()) and not _not_a_name(bare)
            and low not in NUMBER_WORDS and low not in SCALE_WORDS and country_of(bare) is None)


def _hyphen_joined(text: str, start: int, end: int) -> bool:
    """A hyphen joins the span to a capitalised word: "Ferguson-_____", "_____-Claude"."""
    left = re.search(r"([^\W\d_]+)-$", text[:start])
    right = re.match(r"-([^\W\d_]+)", text[end:])
    return bool(left and _capitalised(left.group(1))) or bool(right and _capitalised(right.group(1)))


def _located(text: str, word) -> bool:
    """``word`` is a place standing after a locative preposition ("in Vladivostok"), not a first name
    that happens to be a place ("Paris Hilton", "Jordan Pike")."""
    before = _word_before(text, word.start())
    return (before is not None and before.group().lower() in ("in", "at", "from", "to", "near")
            and is_place_name(word.group()))


def whole_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the whole name a person's gap is part of: over adjacent capitalised names and the
    particles between them ("Bill de Blasio", "Ruud van Nistelrooy", "Jean-Claude Juncker"); ``None``
    when a hyphen joins the name to another one ("Ferguson-Wenger"): which part is the answer is unclear."""
    if _hyphen_joined(text, start, end):
        return None
    single = " " not in text[start:end].strip()
    cursor, new_start = start, start
    while (word := _word_before(text, cursor)) is not None:
        value = word.group()
        if value.lower() in NAME_PARTICLES:  # "de", "Ten": part of the name only with a name before it
            cursor = word.start()
            continue
        first = _clause_start(text, word.start())
        if (not _person_word(value) or _POSSESSIVE.search(value) or (first and not single)
                or (first and value.lower() in STOP_WORDS) or _located(text, word)):
            break  # "in Vladivostok Putin": a place after a preposition is not part of the name

        cursor = new_start = word.start()
    cursor, new_end = end, end
    while (word := _word_after(text, cursor)) is not None:
        value = word.group()
        if value.lower() in NAME_PARTICLES:  # "van", "Ten": part of the name only with a name after it
            cursor = word.end()
            continue
        if not _person_word(value):
            break
        bare = _POSSESSIVE.sub("", value)
        new_end, cursor = word.start() + len(bare), word.end()
        if bare != value:  # "Nistelrooy's": the name ends here
            break
    return new_start, new_end


def place_in_longer_name(text: str, start: int, end: int) -> bool:
    """A capitalised word right before or after a place makes a longer name ("Real Madrid", "Paris
    Saint-Germain", "BBC Radio Scotland"); a title after it does not ("UK Prime Minister")."""
    if _hyphen_joined(text, start, end):
        return True
    before, after = _word_before(text, start), _word_after(text, end)
    if (before is not None and _capitalised(before.group()) and before.group().lower() not in STOP_WORDS
            and not _POSSESSIVE.search(before.group()) and not _not_a_name(before.group())):
        return True
    return after is not None and _capitalised(after.group()) and not _not_a_name(after.group())


def trivial_number(text: str, hidden: str, start: int) -> str | None:
    """Why a number gap asks nothing (``None`` when it asks for a real figure)."""
    after = _word_after(text, start + len(hidden))
    if _capitalised(hidden) and (not _clause_start(text, start) or _hyphen_joined(text, start, start + len(hidden))
                                 or (after is not None and _person_word(after.group()))):
        return NUMBER_IN_NAME  # "the Six Nations", "BBC Radio Five Live", "Four-Kings", "Ten Cate said"
    before = _word_before(text, start)
    if (hidden[:1].isdigit() and before is not None and _capitalised(before.group())
            and not _clause_start(text, before.start()) and not _not_a_name(before.group())
            and before.group().lower() not in STOP_WORDS and not _POSSESSIVE.search(before.group())):
        return NUMBER_IN_NAME  # "Super 12", "Windows 95", "Radio 1"
    if _CONVERTED_BEFORE.search(text[:start]) or _CONVERTED_AFTER.match(text[start + len(hidden):]):
        return CONVERSION  # "$17.1m (_____)": a student cannot learn an exchange rate from the article
    words = re.findall(r"[^\s-]+", hidden.casefold())
    counted = [w for w in words if w not in ("a", "an")]
    if counted and all(w in SCALE_WORDS or w.removesuffix("s") in SCALE_WORDS for w in counted):
        return SCALE_ONLY  # "a million tickets", "five _____ (million)"
    if words and all(w in _EVERYDAY_NUMBERS for w in words):
        return EVERYDAY_NUMBER
    before = _word_before(text, start)
    if (words and all(w in _EVERYDAY_NUMBERS | _SMALL_NUMBERS for w in words) and before is not None
            and (before.group().lower() in _POINTING or _POSSESSIVE.search(before.group()))):
        return EVERYDAY_NUMBER
    return None
