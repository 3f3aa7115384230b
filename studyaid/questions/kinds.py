"""Is this option the same kind of thing as the answer? One test, applied to answers and wrong options.

A name offered as a person must look like a person's name, not a club, a venue, a company or a
place; a place offered as a city must be a city that is not also the surname of someone in the
story. The answer is held to the same test as its wrong options: a question whose answer fails it is
dropped rather than asked with options of another kind.
"""
from __future__ import annotations

import re

from ..lexicon import ORGANISATION_WORDS, PLACE_HEADS, SURNAME_LIKE_PLACE_HEADS

# words that make a capitalised name an organisation, a team, a venue or a place rather than a person; a
# venue word that is also a common surname ("Bridge", "Hall") does not rule a name out
NOT_A_PERSON_WORDS = (PLACE_HEADS - SURNAME_LIKE_PLACE_HEADS) | ORGANISATION_WORDS
ACRONYM = re.compile(r"^[A-Z]{2,}s?$")


def is_person_name(name: str) -> bool:
    """A person's name as an option: one to five words, capitalised, no digits, no acronym, no word
    that names a club, venue, company, party or event ("Aston Villa", "Trafalgar Square", "BBC")."""
    words = name.split()
    if not 1 <= len(words) <= 5 or re.search(r"\d", name):
        return False
    if any(ACRONYM.match(w) for w in words):
        return False
    if any(w.casefold().strip(".,'") in NOT_A_PERSON_WORDS for w in words):
        return False
    if len(words) > 1 and _country_or_continent(words[-1]):
        return False  # "Lycos Europe", "Nokia Japan": a company's branch, not a surname
    return words[0][:1].isupper() and words[-1][:1].isupper()


def is_option_place(name: str, kind: str) -> bool:
    """A corpus place that may be offered as a wrong option of its kind: never a city's district or a
    name kept for an industry or a government ("Hollywood", "Westminster", "Chelsea" as a city); a place
    the gazetteer does not know is judged by the article that named it."""
    from ..gazetteer import lookup

    entry = lookup(name)
    return not (kind in ("city", "village") and entry is not None and entry.kind == "city" and entry.within is not None)


def plain_full_name(name: str) -> bool:
    """A person's name written as first and last name, not opened by an honorific ("Mrs Wilkinson", "Dr
    Hale") or a demonym the NER took into it ("Kenyan Alice Timbilil"): an option like the others."""
    from ..lexicon import HONORIFICS, demonyms

    words = name.split()
    return len(words) >= 2 and words[0].casefold() not in HONORIFICS and words[0].casefold() not in demonyms()


def _country_or_continent(word: str) -> bool:
    from ..gazetteer import lookup

    entry = lookup(word)
    return entry is not None and entry.kind in ("country", "continent")


def acronym_of(short: str, long: str) -> bool:
    """"BBC" / "British Broadcasting Corporation", "EU" / "the European Union": one thing, two names."""
    letters = short.replace(".", "")
    if not (2 <= len(letters) <= 6 and letters.isupper() and letters.isalpha()):
        return False
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w'-]*", long)
                       if w[0].isupper() or w.casefold() not in {"of", "the", "and", "for", "de", "du"})
    return initials.upper() == letters.upper() or initials.upper().startswith(letters.upper()) and len(letters) >= 3


# jobs held in a company or a body, not in a country: "the UK managing director" leaves out of what
COMPANY_TITLE_WORDS = frozenset("""director executive officer spokesman spokeswoman spokesperson analyst consultant
editor head chairman chairwoman founder partner vice-president vice researcher professor lecturer
""".split())


def role_names_its_body(title: str, organization: str | None) -> bool:
    """A role a question can ask about: it says where the job is held. A company job placed only in a
    country ("UK managing director") does not; a national office ("UK Prime Minister", "Italy coach") does."""
    if not organization:
        return False
    words = {w.casefold() for w in re.findall(r"[\w-]+", title)}
    if words & COMPANY_TITLE_WORDS and _country_or_continent(organization):
        return False
    return True


# titles several people hold at once in one body: "the England winger" is not one person
SHARED_TITLE_WORDS = frozenset("""striker winger midfielder defender forward goalkeeper keeper player star member
actor actress singer guitarist drummer bassist musician writer author novelist poet composer analyst consultant
pundit shareholder student designer engineer fan dj host comedian athlete sprinter runner fly-half prop lock
centre full-back scrum-half flanker hooker winner nominee finalist veteran international team-mate colleague
""".split())


def one_holder(title: str) -> bool:
    """A title one person holds at a time in its body (manager, chief executive, coach), so "who is
    the ..." has one answer."""
    words = [w.casefold() for w in re.findall(r"[\w-]+", title)]
    return bool(words) and words[-1] not in SHARED_TITLE_WORDS
