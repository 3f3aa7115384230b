"""The one answer normaliser: whether a typed answer says what a right answer says, however it is written.

An answer is read as the first of these that fits the right answer:

- a **date** (:mod:`.dates`): "1 January 2028" = "January 1, 2028" = "2028-01-01", "Sept 4" = "4 September";
  every part compared, so "4" for "September 4" or "2022" for "February 2022" is wrong;
- an **amount** (:mod:`.amounts`): "21.9 billion euros" = "€21.9bn" = "21,900,000,000 euros",
  "twenty-six" = "26"; "21.9" for "21.9 billion euros" is wrong, and so is a different unit;
- **words** (names, places, anything else): case, accents, punctuation, possessives and articles do not
  count, and one slip of a letter is forgiven in a long answer without digits.

Pure functions over strings; which spellings of a name are right (aliases, a surname alone) is the
bank's business (``studyaid.app.answers.right_answers``).
"""
from __future__ import annotations

import re

from ..text import fold
from .amounts import Amount, read_amount, same_amount
from .dates import When, month_first, read_date, same_date

ARTICLES = frozenset({"a", "an", "the"})
# Hints that already name what is asked, so an answer may leave its unit out ("10" for "10%" asked as a
# percentage, "20" for "20Mbps" asked as a number); an amount of money ("amount") needs its currency.
UNIT_NAMED_BY_HINT = frozenset({"number", "percentage"})
# Courtesy titles a person's name may be written with or without: "Mr Putin" = "Putin".
COURTESY_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady"})
PERSON_HINTS = frozenset({"person"})
# Hints of a figure: only their answers (or answers with digits, or with no hint) are read as amounts, so a
# name with a number word in it ("Henk ten Cate", "Seven Oaks") stays a name.
FIGURE_HINTS = frozenset({"number", "amount", "percentage", "date"})
# A typed answer this much longer than the right one cannot say the same: it is wrong without being read.
MAX_TYPED_CHARS = 200
SLIP_MIN_LENGTH = 6  # one slip of a letter is forgiven from this many letters


def words(text: str) -> list[str]:
    """Words of ``text`` folded, punctuation and articles dropped; numbers keep their digits together,
    and currency signs and ``%`` are words, so "26%" is not "26"."""
    text = fold(text)
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)  # 1,200 → 1200
    text = re.sub(r"'s\b", "", text)  # possessives
    found = re.findall(r"\d+(?:\.\d+)?|[^\W\d_]+(?:-[^\W\d_]+)*|[\u00a3$\u20ac\u00a5%]", text)
    return [w for w in found if w not in ARTICLES]


def read(text: str, hint: str | None = None, month_first_numeric: bool = False) -> When | Amount | tuple[str, ...]:
    """``text`` as a date, an amount or its words.

    A month or weekday alone is a date only when a date is asked ("May" is also a name); a year alone is
    a date when a date is asked, else a number. Number words make an amount only in the answer to a
    figure (or to a question without a hint): "Henk Ten Cate" asked as a person is a name.
    """
    when = read_date(text, month_first_numeric)
    if when is not None and (hint == "date" or when.day is not None or (when.month is not None and when.year)
                             or (when.part is not None)):
        return when
    if hint is None or hint in FIGURE_HINTS or re.search(r"\d", text):
        amount = read_amount(text)
        if amount is not None:
            return amount
    return tuple(words(text))


def _name_words(text: str, hint: str | None) -> tuple[str, ...]:
    """The words of a name, a hyphen as a space ("Jean-Claude" = "Jean Claude"), a courtesy title dropped."""
    found = [part for word in words(text) for part in word.split("-")]
    if hint in PERSON_HINTS and len(found) > 1 and found[0] in COURTESY_TITLES:
        found = found[1:]
    return tuple(found)


def one_slip(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by at most one inserted, deleted or changed letter."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) <= 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def same_answer(given: str, right: str, hint: str | None = None) -> bool:
    """Whether the typed ``given`` says what ``right`` says, for a question whose hint is ``hint``
    ("date", "number", "percentage", "amount", "person", "city", ...)."""
    if len(given) > max(MAX_TYPED_CHARS, 4 * len(right)) or not words(given) or not words(right):
        return False
    expected = read(right, hint)
    if isinstance(expected, When):
        typed = read(given, "date", month_first(right))
        return isinstance(typed, When) and same_date(typed, expected)
    if isinstance(expected, Amount):
        typed = read(given, hint)
        return isinstance(typed, Amount) and same_amount(typed, expected, hint in UNIT_NAMED_BY_HINT)
    g, r = _name_words(given, hint), _name_words(right, hint)
    if g == r:
        return True
    g_text, r_text = " ".join(g), " ".join(r)
    return len(r_text) >= SLIP_MIN_LENGTH and not re.search(r"\d", r_text + g_text) and one_slip(g_text, r_text)
