"""Wrong options that make you think and are surely wrong.

Of the answer's kind (a person for a person — people with an office first —, a city for a city, a
number of the same magnitude written the same way, a role for a role, a date for a date), from the
corpus first, then the gazetteer or numeric neighbours. Never an alias of the answer or of another
option (token containment, as "Putin" / "Vladimir Putin"), never something the prompt names, never
another true answer (``exclude``: e.g. both speakers of one claim). Never a person of the other gender
than the answer, where the articles make both plain (:func:`gender_rule`, :func:`of_gender`): a female
runner among male rugby coaches is ruled out at sight. Deterministic for a seed.
"""
from __future__ import annotations

import math
import random
import re
import unicodedata
from functools import lru_cache
from datetime import date, timedelta
from typing import Callable, Iterable, Sequence

from ..extract.numbers import parse_number
from .alias_index import AliasIndex
from .kinds import acronym_of, is_option_place


MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December"]
SMALL_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
               "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
               "nineteen", "twenty"]
TENS_WORDS = {20: "twenty", 30: "thirty", 40: "forty", 50: "fifty", 60: "sixty", 70: "seventy", 80: "eighty",
              90: "ninety"}
MIN_RELATIVE_GAP = 0.2  # a wrong number differs from every right one by at least 20%


@lru_cache(maxsize=16384)
def norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    text = re.sub(r"^(the|a|an)\s+", "", text.strip())
    return re.sub(r"[\s.,\"']+", " ", text).strip()


@lru_cache(maxsize=16384)
def tokens(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", norm(text)))


def is_alias(a: str, b: str) -> bool:
    """Two names of one thing: one's words all inside the other's ("Putin" / "Vladimir Putin",
    "Paris" / "Paris, France", "Amazon" / "Amazon.com Inc."), or an acronym and its expansion
    ("BBC" / "British Broadcasting Corporation")."""
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return False
    return ta <= tb or tb <= ta or acronym_of(a.strip(), b) or acronym_of(b.strip(), a)


MALFORMED = re.compile(r"['\u2019]s?$|^['\u2019\"\u201c\u201d(,;:.-]|[\"\u201c\u201d,;:(-]$")


def well_formed(option: str) -> bool:
    """An option written as a name is written in a list: never a possessive ("Clint Eastwood's"), a stray
    quotation mark or bracket at either end ("Eddie O'Sullivan'", "(Fox"), nor one of a pair left open."""
    return not MALFORMED.search(option) and option.count("(") == option.count(")") \
        and option.count("\u201c") == option.count("\u201d") and option.count('"') % 2 == 0


def mentioned_in(name: str, text: str) -> bool:
    """True when a proper word of ``name`` (capitalised, over 3 letters) occurs in ``text``: the prompt
    names it. Common words ("region" of "Kyiv region") do not count."""
    words = tokens(text)
    proper = [w for w in re.findall(r"\w+", name) if w[:1].isupper() and len(w) > 3]
    return any(norm(w) in words for w in proper)


def pick(answer: str, candidates: Iterable[str], k: int, prompt: str = "", exclude: Iterable[str] = (),
         rng: random.Random | None = None, pool_size: int = 6) -> list[str]:
    """Up to ``k`` options from ``candidates`` (best first), skipping aliases, excluded and prompted names.

    The best ``pool_size`` are shuffled with ``rng`` before taking ``k``, so that a corpus with many
    candidates does not always show the same three. At least one chosen option is as long as the
    answer when the pool allows it: the longest option must not give the answer away.
    """
    return pick_tiered(answer, [list(candidates)], k, prompt=prompt, exclude=exclude, rng=rng, pool_size=pool_size)


def pick_tiered(answer: str, tiers: Sequence[Iterable[str]], k: int, prompt: str = "", exclude: Iterable[str] = (),
                rng: random.Random | None = None, pool_size: int = 6) -> list[str]:
    """Like :func:`pick`, over tiers of candidates nearest first (the question's own document, then
    related ones): a later tier is used only when the earlier ones have fewer than ``k`` good options."""
    excluded = [answer, *exclude]
    ordered: list[str] = []
    taken = AliasIndex(norm, tokens)  # the options kept so far, indexed: no scan of them per candidate
    for tier in tiers:
        if len(ordered) >= k + pool_size:
            break  # enough good candidates from nearer tiers: the farther ones would never be chosen
        pool: list[str] = []
        for c in tier:
            c = " ".join(c.split())
            if not c or not well_formed(c) or any(norm(c) == norm(e) or is_alias(c, e) for e in excluded):
                continue
            if prompt and mentioned_in(c, prompt):
                continue
            if taken.clashes(c):
                continue
            pool.append(c)
            taken.add(c)
            if len(pool) > pool_size and len(ordered) + len(pool) > k + pool_size and len(c) >= len(answer):
                break  # the chosen options and the longer one that may replace one of them are all known
        head, tail = pool[:pool_size], pool[pool_size:]
        if rng is not None:
            rng.shuffle(head)
        ordered += head + tail
    chosen = ordered[:k]
    rest = ordered[k:]
    if chosen and len(answer) >= max(len(c) for c in chosen):
        longer = next((c for c in rest if len(c) >= len(answer)), None)
        if longer is not None:
            chosen[min(range(len(chosen)), key=lambda i: len(chosen[i]))] = longer
    return chosen


# people's genders ------------------------------------------------------------------------------------
def gender_rule(known: str | None, shown: str | None) -> tuple[str | None, bool]:
    """The gender wrong options for a person must have, and whether strictly.

    ``known``: the answer's gender as the articles make it plain (the entity's); ``shown``: the gender the
    question itself shows (a "she" in its stem, "chairwoman" in its role, "she said" in its sentence).
    Shown and not contradicted by what is known: strictly that gender (fewer options, or none, rather than
    one the stem rules out). Known only, or contradicted (the stem's "he" is someone else): that gender
    when any candidate may have it (fewer options rather than mixed ones), else as before. Neither: no rule."""
    if shown is not None and known in (None, shown):
        return shown, True
    return known, False


def of_gender(tiers: Sequence[Iterable[str]], gender: str | None,
              gender_of: Callable[[str], str | None]) -> list[list[str]]:
    """The candidates of each tier not known to be of the other gender (an unknown gender constrains
    nothing); every candidate when ``gender`` is None."""
    if gender is None:
        return [list(tier) for tier in tiers]
    return [[c for c in tier if gender_of(c) in (None, gender)] for tier in tiers]


# numbers ---------------------------------------------------------------------------------------------
def number_in_words(n: int) -> str | None:
    if 0 <= n <= 20:
        return SMALL_WORDS[n]
    if n < 100 and n >= 20:
        tens, unit = divmod(n, 10)
        return TENS_WORDS[tens * 10] + (f"-{SMALL_WORDS[unit]}" if unit else "")
    return None


def dozens_in_words(n: int) -> str | None:
    """24 -> "two dozen", 12 -> "one dozen" ("a dozen" would read as an alias of every other dozen);
    None unless a whole number of dozens."""
    if n <= 0 or n % 12:
        return None
    count = number_in_words(n // 12)
    return None if count is None else f"{count} dozen"


def render_number(value: float, like: str) -> str | None:
    """``value`` written the way ``like`` is written: "two dozen" -> "three dozen", "84" -> "42",
    "21.9 billion euros" -> "10.9 billion euros"."""
    low = like.lower().strip()
    if "dozen" in low:
        return dozens_in_words(int(value)) if value == int(value) else None
    if re.fullmatch(r"[a-z\- ]+", low):
        return number_in_words(int(value)) if value == int(value) else None
    span = re.fullmatch(r"(.+?)(\s*(?:-|\u2013|\bto\b|\band\b)\s*)(.+)", like.strip())
    if span and re.search(r"\d", span.group(1)) and re.search(r"\d", span.group(3)):
        low, high = parse_number(span.group(1)), parse_number(span.group(3))  # "30 to 40": both ends move
        if low and high and low < high:
            first, second = render_number(value, span.group(1)), render_number(value * high / low, span.group(3))
            return f"{first}{span.group(2)}{second}" if first and second else None
    m = re.fullmatch(r"([$\u20ac\u00a3]?)(\d{1,3}(?: \d{3})+|[\d.,]+)(\s*(?:thousand|million|billion|trillion)|"
                     r"(?:k|m|bn|tn)\b)?(.*)", like.strip())
    if not m:
        return None
    symbol, digits, scale, unit = m.groups()
    scale_word = (scale or "").strip().lower()
    factor = {"": 1, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
              "k": 1e3, "m": 1e6, "bn": 1e9, "tn": 1e12}[scale_word]
    shown = value / factor
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    text = f"{shown:,.{decimals}f}" if "," in digits else f"{shown:.{decimals}f}"
    if " " in digits:  # "3 000": thousands separated by spaces
        text = f"{shown:,.{decimals}f}".replace(",", " ")
    sep = " " if scale and scale[0].isspace() else ""
    return f"{symbol}{text}{sep + scale_word if scale_word else ''}{unit}"


def _nice(value: float, like: float) -> float:
    """Round a generated neighbour to as many significant digits as the answer has."""
    if value <= 0:
        return value
    digits = max(1, len(re.sub(r"[^\d]", "", f"{like:g}").lstrip("0")))
    scale = 10 ** (math.floor(math.log10(value)) - digits + 1)
    return round(value / scale) * scale


def number_options(value: float, written: str, corpus_values: Sequence[float], right_values: Sequence[float],
                   k: int = 3, rng: random.Random | None = None, direction: int = 0,
                   upper: float | None = None) -> list[str]:
    """Wrong numbers: corpus values first, then neighbours (x0.5, x1.5, x2, ...), written like the answer.

    ``direction`` +1 keeps only larger numbers ("at least three": "at least one" would be true too),
    -1 only smaller ones ("up to"); ``upper`` caps them ("84 out of 112": never more than 112). A share
    ("84%", "60 percent") is never offered above 100%, which would give itself away as wrong.
    """
    right = [value, *right_values]
    share = value <= 100 and re.search(r"%|\bper ?cent\b", written, re.IGNORECASE) is not None

    def far(v: float) -> bool:
        if direction > 0 and v <= value or direction < 0 and v >= value or upper is not None and v >= upper:
            return False
        if share and v > 100:
            return False
        return v > 0 and all(abs(v - r) >= MIN_RELATIVE_GAP * max(r, 1) and abs(v - r) >= 1 for r in right)

    if "dozen" in written.lower():
        generated = [value - 12, value + 12, value + 24, value - 24, value * 2, value + 36]
    elif value <= 12 and value == int(value):
        generated = [value + 2, value + 4, value - 2, value + 7, value * 3, value + 10]
    else:
        generated = [_nice(value * f, value) for f in (0.5, 1.5, 2, 0.75, 3, 1.25, 0.6, 0.4)]
    seen: list[str] = []
    for v in [*corpus_values, *generated]:
        if not far(v):
            continue
        text = render_number(v, written)
        if text and text not in seen and norm(text) != norm(written):
            seen.append(text)
    return pick(written, seen, k, rng=rng)


# dates -----------------------------------------------------------------------------------------------
def date_options(iso: str, written: str, corpus_isos: Sequence[str], right_isos: Sequence[str], k: int = 3,
                 rng: random.Random | None = None) -> list[str]:
    """Wrong dates written like the answer ("September 4", "January 1, 2028", "February 2022")."""
    fmt = _date_format(written)
    if fmt is None:
        return []
    candidates: list[str] = []
    for other in corpus_isos:
        if other not in right_isos and other != iso and _same_shape(other, iso):
            text = _render_date(other, fmt)
            if text:
                candidates.append(text)
    for shift in _date_shifts(iso):
        if shift not in right_isos:
            text = _render_date(shift, fmt)
            if text:
                candidates.append(text)
    return pick(written, candidates, k, rng=rng)


def _same_shape(a: str, b: str) -> bool:
    return len(a) == len(b) and a[:2] == b[:2] == "--" or len(a) == len(b) and a[:2] != "--" and b[:2] != "--"


def _date_format(written: str) -> str | None:
    if re.fullmatch(r"[A-Z][a-z]+ \d{1,2}, \d{4}", written.strip()):
        return "mdy"
    if re.fullmatch(r"[A-Z][a-z]+ \d{1,2}", written.strip()):
        return "md"
    if re.fullmatch(r"\d{1,2} [A-Z][a-z]+", written.strip()):
        return "dm"
    if re.fullmatch(r"[A-Z][a-z]+ \d{4}", written.strip()):
        return "my"
    if re.fullmatch(r"\d{4}", written.strip()):
        return "y"
    return None


def _parse_iso(iso: str) -> tuple[int | None, int | None, int | None]:
    if iso.startswith("--"):
        m, d = iso[2:].split("-")
        return None, int(m), int(d)
    parts = [int(p) for p in iso.split("-")]
    return parts[0], (parts[1] if len(parts) > 1 else None), (parts[2] if len(parts) > 2 else None)


def _render_date(iso: str, fmt: str) -> str | None:
    y, m, d = _parse_iso(iso)
    try:
        if fmt == "mdy" and y and m and d:
            return f"{MONTH_NAMES[m - 1]} {d}, {y}"
        if fmt == "md" and m and d:
            return f"{MONTH_NAMES[m - 1]} {d}"
        if fmt == "dm" and m and d:
            return f"{d} {MONTH_NAMES[m - 1]}"
        if fmt == "my" and y and m:
            return f"{MONTH_NAMES[m - 1]} {y}"
        if fmt == "y" and y:
            return str(y)
    except IndexError:
        return None
    return None


def _date_shifts(iso: str) -> list[str]:
    y, m, d = _parse_iso(iso)
    out: list[str] = []
    if m and d:
        base = date(y or 2001, m, d)
        for days in (7, -7, 14, 30, -30):
            s = base + timedelta(days=days)
            out.append(f"{s.year:04d}-{s.month:02d}-{s.day:02d}" if y else f"--{s.month:02d}-{s.day:02d}")
    elif y and m:
        for dy, dm in ((0, 3), (-1, 0), (1, 0), (0, -3)):
            mm = (m - 1 + dm) % 12 + 1
            yy = y + dy + (m - 1 + dm) // 12
            out.append(f"{yy:04d}-{mm:02d}")
    elif y:
        out += [str(y + d) for d in (-2, -1, 1, 3)]
    return out


def ranked(items: Iterable[tuple[float, str]]) -> list[str]:
    """Names ordered by descending score, then alphabetically (deterministic)."""
    return [name for _, name in sorted(items, key=lambda x: (-x[0], x[1]))]


def place_candidates(kind: str, country: str | None, tiers: Sequence[Sequence[tuple[str, str | None, int]]],
                     gazetteer: Callable[..., list] | None, exclude: Iterable[str] = ()) -> list[list[str]]:
    """Places of a kind, in tiers: each document tier of the corpus (same country first, most
    mentioned), then the gazetteer's places of that kind near the answer's country."""
    exclude = set(exclude)
    out = [ranked(((2 if c == country else 1) + min(n, 10) / 100, name) for name, c, n in tier
                  if name not in exclude and is_option_place(name, kind)) for tier in tiers]
    if gazetteer is not None:
        seen = [n for tier in out for n in tier]
        out.append([e.name for e in gazetteer(kind, country=country, k=10, exclude=[*seen, *exclude])])
    return out
