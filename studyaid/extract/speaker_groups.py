"""Unnamed groups as speakers ("lawyers for the two men", "analysts", "a poll of US pundits") and the people
nouns they are made of; a name after a person's job noun is a person's. Pure functions over tokens.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon import GROUP_NOUNS, OFFICES, ORG_VOICES
from .speaker_orgs import ORG_KINDS, ORG_LABELS, SOURCE_NOUNS, definite_noun, noun_word

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

QUOTE_MARKS = frozenset({'"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "``", "''"})
# Unnamed groups credited with a statement (kind "group"): a plural noun made specific by what follows or
# precedes it ("lawyers for the two men", "Scotland Yard detectives", "the club's doctors"), "the"
# plural re-naming a group of this kind the article introduced ("a panel of judges ... the judges said"),
# or a bare plural of a people noun that speaks as a group ("analysts said", lexicon.GROUP_NOUNS).
# Never vague ("many experts", "some fans") or people in general, and never people the article names
# ("the two men", "the brothers": persons, not an organisation).
RENAMED_GROUP_NOUNS = frozenset({"official", "organiser", "organizer", "doctor", "investigator", "campaigner", "officer",
                         "authority", "academic", "juror", "judge", "lawyer", "researcher", "scientist",
                         "detective", "inspector", "prosecutor", "regulator", "minister", "director", "executive",
                         "steward", "referee", "trustee", "governor", "commissioner", "examiner", "auditor",
                         "analyst", "engineer", "developer", "designer", "programmer", "economist", "curator"})
NOT_GROUPS = frozenset({"people", "person", "other", "source", "user",
                        "rumour", "report", "couple", "pair", "duo", "twin", "parent", "child", "friend", "man",
                        "woman", "boy", "girl", "brother", "sister", "son", "daughter", "husband", "wife", "family",
                        "member", "player", "star", "viewer", "reader", "listener", "consumer", "customer"})
# Job nouns of a person, beyond lexicon.OFFICES, that a name written after them belongs to.
PERSON_JOB_NOUNS = frozenset({"organiser", "organizer", "promoter", "singer", "player"})
# Endings of nouns for people ("supporter", "investor", "activist", "opponent", "detective", "official"), and
# nouns with those endings that are things.
PEOPLE_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "ive", "al", "eer")
NOT_PEOPLE_NOUNS = frozenset({"number", "letter", "paper", "computer", "filter", "chapter", "quarter", "order",
                              "matter", "cover", "poster", "border", "sector", "factor", "error", "motor",
                              "monitor", "total", "proposal", "signal", "component", "event", "percent"})
# Singular nouns for a body of people that speaks as one: "the panel warned" after "an advisory panel".
COLLECTIVE_NOUNS = frozenset({"panel", "jury", "committee", "inquiry", "tribunal", "commission"})
VAGUE_WORDS = frozenset({"many", "some", "several", "most", "few", "other", "others", "all", "both", "numerous",
                         "various", "certain", "such", "these", "those", "their", "its", "our", "my", "your",
                         "his", "her", "any", "more", "no"})


def after_person_noun(name: "Span") -> bool:
    """A name written right after a person's job noun: "fair organiser Karin Vogt" (NER's
    organisation) names a person."""
    doc = name.doc
    if name.start == 0:
        return False
    prev = doc[name.start - 1]
    return prev.pos_ == "NOUN" and prev.text.islower() and prev.lower_ not in ORG_KINDS \
        and (prev.lower_ in OFFICES or prev.lemma_.lower() in RENAMED_GROUP_NOUNS | PERSON_JOB_NOUNS)


def title_after(subject: "Token") -> bool:
    """A name followed by a person's job noun it only modifies: "the Kelvale full-back" (parsed with "Kelvale" as the
    subject), "the Kelvale manager"."""
    doc = subject.doc
    j = subject.i + 1
    if j >= len(doc) or not doc[j].text.islower():
        return False
    word = doc[j].lower_
    if j + 2 < len(doc) and doc[j + 1].text == "-" and not doc[j].whitespace_ and not doc[j + 1].whitespace_:
        word = f"{word}-{doc[j + 2].lower_}"
    return word in OFFICES and word not in ORG_VOICES


def group_named(subject: "Token") -> "tuple[str, int] | None":
    """An unnamed group credited with a statement, as written without its article: "lawyers for the two men",
    "Scotland Yard detectives", "the club's doctors", "the judges" after "a panel of judges" (see
    RENAMED_GROUP_NOUNS), a bare plural of a people noun that speaks as a group ("analysts", "most experts",
    "City analysts"; lexicon.GROUP_NOUNS), or such a group polled or studied ("a poll of US pundits")."""
    doc = subject.doc
    polled = polled_group(subject)
    if polled is not None:
        return group_named(polled)
    if subject.pos_ != "NOUN" or subject.tag_ != "NNS" or subject.lemma_.lower() in NOT_GROUPS \
            or not people_noun(subject):
        return None  # "the engine's figures suggest": no one speaks
    first, hi = subject.left_edge.i, subject.right_edge.i
    lo = subject.i  # the noun and the words in front that modify it: "Last month economists" -> "economists"
    while lo > first and doc[lo - 1].dep_ in ("amod", "compound", "det", "poss", "case", "nmod", "punct") \
            and (doc[lo - 1].head.i > lo - 1 or doc[lo - 1].dep_ in ("case", "punct")) and doc[lo - 1].head.i <= subject.i \
            and doc[lo - 1].ent_type_ not in ("DATE", "TIME"):
        lo -= 1
    phrase = doc[lo: hi + 1]
    bare = bare_group(subject)
    if len(phrase) > 8 or any((t.lower_ in VAGUE_WORDS and not (bare and t.lower_ == "most"))
                              or t.text in QUOTE_MARKS for t in phrase) \
            or any(c.dep_ in ("relcl", "acl", "appos", "nummod") for c in subject.children):
        return None
    specific = False
    for c in subject.children:
        if c.dep_ == "prep" and c.i > subject.i and c.lower_ in ("for", "at", "from", "of", "with"):
            specific |= any(p.dep_ == "pobj" and (p.pos_ == "PROPN" or any(d.dep_ in ("det", "poss") for d in p.children))
                            for p in c.children)  # "lawyers for the alleged spammers"
        elif c.dep_ == "compound" and c.i < subject.i and (c.pos_ == "PROPN" or c.ent_type_ in ORG_LABELS | {"GPE"}):
            specific = True  # "Scotland Yard detectives"
        elif c.dep_ == "poss" and c.i < subject.i and c.pos_ in ("PROPN", "NOUN"):
            specific = True  # "the club's lawyers", "Chelsea's doctors"
    if not specific and not bare:  # "the judges": a group of this kind the article introduced before
        if [c.lower_ for c in subject.children] != ["the"] or subject.lemma_.lower() not in RENAMED_GROUP_NOUNS:
            return None
        if not any(t.lemma_.lower() == subject.lemma_.lower() and t.i < lo for t in doc):
            return None
        phrase = doc[subject.i: subject.i + 1]
    words = [t for t in phrase if not (t.i == phrase.start and t.dep_ == "det")]
    name = doc[words[0].i: phrase.end].text
    opening = all(t.is_punct or t.is_space for t in doc[words[0].sent.start: words[0].i])
    if words[0].pos_ != "PROPN" and opening:  # "Analysts said" -> "analysts"; "City analysts" mid-sentence stays
        name = name[:1].lower() + name[1:]
    return name, words[0].idx


def people_noun(noun: "Token") -> bool:
    """A noun for people, who can speak as a group: "lawyers", "detectives", "officials", "supporters",
    "opponents" (a known people noun or an agent's ending), not "specifications", "documents", "numbers"."""
    lemma = noun.lemma_.lower()
    if lemma in GROUP_NOUNS | RENAMED_GROUP_NOUNS | PERSON_JOB_NOUNS or lemma in OFFICES:
        return True
    return lemma.endswith(PEOPLE_ENDINGS) and not lemma.endswith("ment") and lemma not in NOT_PEOPLE_NOUNS


def bare_group(subject: "Token") -> bool:
    """A people noun of lexicon.GROUP_NOUNS in the plural with no article, possessive or number, and only
    adjectives or nouns in front: "analysts", "City analysts", "most experts", "independent observers"
    (not "the critics", "his fans", "two analysts", "many experts")."""
    if subject.tag_ != "NNS" or subject.lemma_.lower() not in GROUP_NOUNS:
        return False
    return all(c.i > subject.i or c.dep_ in ("amod", "compound") and c.pos_ in ("ADJ", "NOUN", "PROPN")
               and (c.lower_ == "most" or c.lower_ not in VAGUE_WORDS) for c in subject.children)


def polled_group(subject: "Token") -> "Token | None":
    """The group a poll or study speaks for: "a poll of US pundits found ...", "a survey of economists"."""
    if subject.pos_ != "NOUN" or noun_word(subject) not in SOURCE_NOUNS or definite_noun(subject):
        return None
    for prep in (c for c in subject.children if c.dep_ == "prep" and c.lower_ in ("of", "among") and c.i > subject.i):
        for pobj in (p for p in prep.children if p.dep_ == "pobj"):
            if bare_group(pobj):
                return pobj
    return None


def collective_named(subject: "Token") -> "tuple[str, int] | None":
    """A body of people re-named by "the" and its noun alone ("the panel warned"), as the article introduced
    it before: "an advisory panel" -> "advisory panel" (the words in front of the noun there, without the article).
    Never one the article names as an organisation ("the Culture Committee"), nor one introduced with
    different words twice ("a judging panel ... a second panel")."""
    if subject.pos_ != "NOUN" or subject.lower_ not in COLLECTIVE_NOUNS or not definite_noun(subject) \
            or any(c.dep_ != "det" for c in subject.children):
        return None
    doc = subject.doc
    earlier = [t for t in doc[: subject.i] if t.lower_ == subject.lower_ and t.pos_ == "NOUN"]
    if not earlier or any(t.ent_type_ in ORG_LABELS for t in earlier):
        return None
    phrases = set()
    for t in earlier:
        words = [c for c in t.children if c.dep_ in ("amod", "compound") and c.i < t.i and not c.ent_type_] + [t]
        phrases.add(" ".join(w.lower_ for w in sorted(words, key=lambda w: w.i)))
    introduced = [t for t in earlier if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children)]
    if len(phrases - {subject.lower_}) > 1 or len(introduced) != 1 or introduced[0] != earlier[0]:
        return None  # not introduced with "a"/"an" first, or two bodies of that kind
    name = max(phrases, key=len)
    return name, subject.idx
