"""Quiz codes a class can read off a board and type, and the names students join with.

A code is :data:`CODE_LENGTH` characters from :data:`ALPHABET`: capital letters and digits without
the ones easily confused (0/O/Q/D, 1/I/L, 2/Z, 5/S, 8/B, U/V). What a student types is read kindly:
lower case, spaces and dashes are fine ("k7m-p3r" is ``K7MP3R``).
"""
from __future__ import annotations

import re
import secrets
import unicodedata

from .models import ClassError

ALPHABET = "34679ACEFGHJKMNPRTWXY"
CODE_LENGTH = 6
MAX_NAME = 40
_SEPARATORS = re.compile(r"[\s\-_.]+")


def new_code(rng: secrets.SystemRandom | None = None) -> str:
    """A fresh random code (the store retries while one is taken)."""
    choice = (rng or secrets.SystemRandom()).choice
    return "".join(choice(ALPHABET) for _ in range(CODE_LENGTH))


def read_code(typed: str | None) -> str:
    """The code a student typed, normalised; :class:`ClassError` says what is wrong with it."""
    code = _SEPARATORS.sub("", (typed or "").strip()).upper()
    if not code:
        raise ClassError("type the quiz code your teacher gave you")
    wrong = sorted({c for c in code if c not in ALPHABET})
    if wrong or len(code) != CODE_LENGTH:
        raise ClassError(f"“{typed.strip()}” is not a quiz code: a code is {CODE_LENGTH} letters and digits "
                         f"from {ALPHABET}")
    return code


def is_code(typed: str | None, code: str) -> bool:
    """Whether ``typed`` is ``code`` as a person would type it (a teacher confirming a delete)."""
    try:
        return read_code(typed) == code
    except ClassError:
        return False


def read_name(typed: str | None) -> str:
    """A student's name as it will be shown: spaces tidied, 1 to :data:`MAX_NAME` characters, printable."""
    name = " ".join((typed or "").split())
    if not name:
        raise ClassError("type your name, so that your teacher can see your results")
    if any(unicodedata.category(c).startswith("C") for c in name):
        raise ClassError("a name cannot hold control characters")
    if len(name) > MAX_NAME:
        raise ClassError(f"a name is at most {MAX_NAME} characters (this one has {len(name)})")
    return name


def name_key(name: str) -> str:
    """What makes two names the same student: case, accents' composition and spacing aside."""
    return unicodedata.normalize("NFKC", " ".join(name.split())).casefold()
