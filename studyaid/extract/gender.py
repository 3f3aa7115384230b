"""A person's gender, only where the text makes it plain: never guessed from a first name.

Evidence, per mention of a name: an honorific right before it ("Mrs Okafor", "Sir Alan Hale"), a gendered
noun right before it or in apposition with it ("actress Jane Doe", "the sportswoman, Jane Doe", "Jane Doe,
the actress,", "his wife Mary"). Per quote: the pronoun or description the speaker tracker resolved to the
speaker ("she said" credited to X, "the actress said"). A mention with evidence both ways says nothing; the
resolve stage gives a person a gender only when all of their evidence agrees (:mod:`studyaid.resolve.names`).

The same words read a question's prompt (:func:`gender_in_prompt`, :func:`title_gender`): "Who said that she ...", "Who won the
women's 100m?", "who is the chairwoman of ...".
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable

from ..facts import Gender, Mention, Quote, Role

if TYPE_CHECKING:
    from spacy.tokens import Span

HONORIFIC_GENDER: dict[str, Gender] = {
    "mrs": "female", "mrs.": "female", "ms": "female", "ms.": "female", "miss": "female", "dame": "female",
    "lady": "female", "mr": "male", "mr.": "male", "sir": "male", "lord": "male",
}
# nouns that name a woman or a man and nobody else ("actor", "chairman", "host" are said of women too)
FEMALE_NOUNS = frozenset({
    "actress", "sportswoman", "businesswoman", "spokeswoman", "chairwoman", "congresswoman", "policewoman",
    "horsewoman", "countrywoman", "frontwoman", "headmistress", "waitress", "hostess", "heroine", "songstress",
    "woman", "girl", "lady", "wife", "widow", "mother", "mum", "daughter", "sister", "aunt", "niece",
    "grandmother", "granddaughter", "girlfriend", "fiancee", "bride", "queen", "princess", "duchess",
    "countess", "empress", "baroness", "nun", "stepmother", "stepdaughter", "matriarch",
})
MALE_NOUNS = frozenset({
    "sportsman", "businessman", "spokesman", "congressman", "policeman", "horseman", "frontman", "headmaster",
    "man", "boy", "husband", "widower", "father", "dad", "son", "brother", "uncle", "nephew", "grandfather",
    "grandson", "boyfriend", "fiance", "bridegroom", "king", "prince", "duke", "earl", "emperor", "baron",
    "monk", "stepfather", "stepson", "patriarch",
})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_EVENTS = re.compile(r"\b(?:women|woman|girls|ladies)['\u2019]s?\b", re.IGNORECASE)  # "women's 100m"
MALE_EVENTS = re.compile(r"\b(?:men|man|boys)['\u2019]s\b", re.IGNORECASE)  # "the men's singles"
WORD = re.compile(r"[A-Za-z]+\.?")


def word_gender(word: str) -> Gender | None:
    """The gender one word states of a person: an honorific, a gendered noun or pronoun; None for any other
    word, and for a plural ("sisters", "spokesmen": several people, of whom the name is one or none)."""
    low = word.lower()
    if low in HONORIFIC_GENDER:
        return HONORIFIC_GENDER[low]
    low = low.rstrip(".")
    if low in FEMALE_NOUNS or low in FEMALE_PRONOUNS:
        return "female"
    if low in MALE_NOUNS or low in MALE_PRONOUNS:
        return "male"
    return None


def agreed(evidence: Iterable[Gender | None]) -> Gender | None:
    """The one gender all evidence states; None when there is none, or when it conflicts."""
    found = {g for g in evidence if g is not None}
    return found.pop() if len(found) == 1 else None


def description_gender(description: str | None) -> Gender | None:
    """The gender of a speaker as the tracker resolved them: "she" -> female, "the actress" -> female,
    "the Russian president" -> None. Only the head (last word) of a description counts ("the man's wife":
    the wife)."""
    if not description:
        return None
    words = WORD.findall(description)
    return word_gender(words[-1]) if words else None


def span_gender(span: "Span") -> Gender | None:
    """What the text right around a person's name says of their gender: an honorific or a singular gendered
    noun just before it ("Mrs Okafor", "actress Jane Doe", "his wife, Mary", "the sportswoman, Jane Doe"),
    or a gendered noun phrase set off by a comma right after it ("Jane Doe, the actress,"). Never a word
    further away, which a list or a table may pair with someone else ("actor - X; actress - Y"). None when
    it says nothing or says both."""
    doc = span.doc
    evidence: list[Gender | None] = []
    before = span.start - 1
    if before >= 1 and doc[before].text == ",":
        before -= 1
    if before >= 0:
        tok = doc[before]
        if tok.lower_ in HONORIFIC_GENDER or tok.tag_ in ("NN", "NNP"):
            evidence.append(word_gender(tok.text))
    if span.end + 1 < len(doc) and doc[span.end].text == ",":  # "Jane Doe, the actress, said": set off by a comma
        evidence += [word_gender(t.text) for t in span.root.children
                     if t.dep_ == "appos" and t.tag_ == "NN" and t.left_edge.i == span.end + 1]
    return agreed(evidence)


def gender_in_prompt(text: str) -> Gender | None:
    """The gender a question's prompt states of the person it asks about: its pronouns outside any
    quotation ("Who said that she would stand down?") and a one-sex event ("Who won the women's 100m?");
    None when it states none or both. Nouns and honorifics in a prompt name other people ("Who said that Mr
    Hale lied?"), and a direct quotation's pronouns are the speaker's words about others: neither counts."""
    outside = re.sub(r"[\u201c\"][^\u201c\u201d\"]*(?:[\u201d\"]|$)", " ", text)
    evidence: list[Gender | None] = [w in FEMALE_PRONOUNS and "female" or w in MALE_PRONOUNS and "male" or None
                                     for w in (w.lower() for w in WORD.findall(outside))]
    if FEMALE_EVENTS.search(outside):
        evidence.append("female")
    if MALE_EVENTS.search(outside):
        evidence.append("male")
    return agreed(evidence)


def title_gender(title: str) -> Gender | None:
    """The gender a job title states of its holder: "chairwoman", "Queen" -> female; "spokesman" -> male;
    "Prime Minister" -> None."""
    return agreed(word_gender(w) for w in WORD.findall(title) if w.lower() not in HONORIFIC_GENDER)


def fact_genders(facts: Iterable) -> list[Mention]:
    """Gender evidence the facts of a document carry about their people, as mentions that count no
    mention: a quote's speaker the tracker found through "she" or "the actress", a role's holder whose title
    is a gendered noun ("chairwoman"). For :class:`~studyaid.resolve.names.EntityResolver`'s ``gendered``."""
    out = []
    for fact in facts:
        if not fact.sources:
            continue
        if isinstance(fact, Quote) and fact.speaker.kind == "person":
            gender, name = description_gender(fact.resolved_from), fact.speaker.mention
        elif isinstance(fact, Role):
            gender, name = title_gender(fact.title), fact.person.mention
        else:
            continue
        if gender is not None:
            out.append(Mention(name, "person", fact.sources[0].document, gender))
    return out
