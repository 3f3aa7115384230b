"""Who is speaking: names grown from a subject token, pronouns and titles resolved by agreement and salience.

A speaker is given as a name ("Rutte", "NATO Secretary-General Mark Rutte"), a pronoun ("he") or a
title ("the Russian president"). Names are grown along ``compound``/``flat`` links, across hyphens
("Kilroy-Silk") and lower-case particles ("Bill de Blasio"); titles and honorifics in front of a name
are never part of it (see :mod:`studyaid.lexicon`). A name that only modifies a common noun ("the
Oscar night", "the Premiership table"), that is conjoined with an organisation or a place, or that
ends in a place word ("Trafalgar Square") is not a person.

A pronoun is resolved among the people named earlier outside quotations and junk, whose gender does
not disagree with it (Mr/Mrs, "the actress X"): first the subject of the same or the previous
narrative sentence, then the subject of the previous speech act, then the nearest person named.

Organisations speak where the article credits them (:mod:`.speaker_orgs`: "Microsoft said", "a Uefa
spokesman", "the paper says" after "the Leeds daily X"), unnamed groups as written (:mod:`.speaker_groups`:
"lawyers for the two men", "analysts").
"""
from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Sequence

from ..lexicon import (FEMALE_HONORIFICS, FEMALE_NOUNS, FEMALE_PRONOUNS, HONORIFICS, MALE_HONORIFICS,
                       MALE_NOUNS,
                       MALE_PRONOUNS, NAME_PARTICLES, OFFICES, ORG_NOUNS, ORG_VOICES, PERSON_PRONOUNS, SPEECH_VERBS,
                       FINDING_VERBS, DESCRIPTION_NOUNS,
                       TITLE_WORDS)
from ..lexicon import NUMBER_WORDS, PLACE_HEADS
from .common import doc_text, subject_of
from .doc_index import SpanSet, inside
from .speaker_groups import after_person_noun, collective_named, group_named, title_after
from .speaker_orgs import (ORG_KINDS, ORG_LABELS, SOURCE_NOUNS, branch_of, compiled_by, definite_noun, is_kind_word,
                           kind_then_name, kinds_of, main_clause, named_after_kind, noun_word, org_entity,
                           plural_agreement, same_kind, spelled_out)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

Gender = Literal["m", "f"] | None

NOT_PEOPLE = {"kremlin", "nato", "moscow", "washington", "europe", "eu", "us", "uk"}
NON_NAME_LABELS = {"GPE", "ORG", "NORP", "LOC", "FAC", "DATE", "CARDINAL"}
OTHER_LABELS = {"GPE", "ORG", "NORP", "LOC", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW"}
# How many narrative sentences back a pronoun looks for a subject before it falls back on the last speaker.
SUBJECT_WINDOW = 2
# How many narrative sentences before an age description ("the 28-year-old") it looks back for the person.
AGE_WINDOW = 2
# How many sentences back "the paper" looks for the one paper it re-names when the article names several.
KIND_WINDOW = 1
# Nouns of the people who speak for an organisation, and the gender they give ("she" may go on for a spokeswoman).
VOICE_GENDERS = {"spokesman": "m", "spokeswoman": "f", "spokesperson": None, "representative": None}
# How many sentences back "it says" looks for the organisation last credited; "they said", only one.
ORG_PRONOUN_WINDOW = 3
PLURAL_PRONOUN_WINDOW = 1
# narrative sentences "he"/"she" may reach back further, through sentences whose subject is that pronoun
PRONOUN_CHAIN = 2


@dataclass(frozen=True)
class Speaker:
    name: str  # the name as written, titles split off
    start: int  # char offset of the mention
    resolved_from: str | None = None  # "he", "the Russian president"
    named_at: int | None = None  # char offset where the person is named (the antecedent of "he")
    kind: Literal["person", "org", "group"] = "person"  # an organisation the article credits ("Microsoft said"),
    # or an unnamed group ("lawyers for the two men", "analysts"): never "it" or "the company", never a person


def _hyphen_glued(doc: "Doc", i: int) -> bool:
    """``doc[i]`` is a hyphen written without spaces between two name words: "Kilroy-Silk"."""
    return doc[i].text == "-" and 0 < i < len(doc) - 1 and not doc[i - 1].whitespace_ and not doc[i].whitespace_ \
        and _name_like(doc[i - 1]) and _name_like(doc[i + 1])


def name_span(token: "Token", is_place=lambda name: False) -> "Span | None":
    """The person's name a token belongs to, titles and places split off: ``Rutte`` -> ``Mark Rutte``."""
    if not _name_like(token):
        return None
    doc, sent = token.doc, token.sent
    lo = hi = token.i
    while lo - 1 >= sent.start:
        prev = doc[lo - 1]
        if lo - 2 >= sent.start and _hyphen_glued(doc, lo - 1):
            lo -= 2  # "Kilroy-Silk"
        elif _name_like(prev) and prev.dep_ in ("compound", "flat") and prev.lower_ not in TITLE_WORDS \
                and prev.ent_type_ not in NON_NAME_LABELS:
            lo -= 1
        elif prev.lower_ in NAME_PARTICLES and prev.text.islower() and lo - 2 >= sent.start \
                and _name_like(doc[lo - 2]) and doc[lo - 2].lower_ not in TITLE_WORDS:
            lo -= 2  # "Bill de Blasio", "Osama bin Laden"
        else:
            break
    while hi + 1 < sent.end:
        if doc[hi + 1].pos_ == "PROPN" and doc[hi + 1].dep_ == "flat" and _name_like(doc[hi + 1]):
            hi += 1
        elif hi + 2 < sent.end and _hyphen_glued(doc, hi + 1):
            hi += 2
        else:
            break
    while lo < hi and (doc[lo].lower_ in TITLE_WORDS
                       or lo > 0 and doc[lo - 1].pos_ == "ADP" and is_place(doc[lo].text)):
        lo += 1  # "in Vladivostok Putin" (an NER slip) -> "Putin"; but "Vladimir Putin" stays whole
    span = doc[lo: hi + 1]
    low = span.text.lower()
    honoured = lo > 0 and doc[lo - 1].lower_ in HONORIFICS  # "Mr King": a surname that is also a title word
    if low in NOT_PEOPLE or (low in TITLE_WORDS or is_place(span.text)) and not honoured:
        return None  # but "Mr Holloway" is a person, whatever towns the gazetteer knows
    if span[-1].lower_ in PLACE_HEADS and not honoured:
        return None  # "Trafalgar Square", "Aston Villa"
    if any(t.ent_type_ in ("GPE", "LOC", "FAC", "NORP") and t.ent_type_ != "PERSON" for t in span) \
            and is_place(" ".join(t.text for t in span if t.ent_type_ in ("GPE", "LOC", "FAC"))):
        return None
    return span


def _name_like(token: "Token") -> bool:
    """A proper noun, or a capitalised noun the tagger missed ("Zelenskyy" tagged NOUN mid-sentence)."""
    if not token.text[:1].isupper() or not token.is_alpha and "-" not in token.text:
        return False
    return token.pos_ == "PROPN" or token.pos_ == "NOUN" and not token.is_sent_start


def looks_like_person(span: "Span") -> bool:
    """A name NER may have mislabelled (Zelenskyy as GPE, Trump as ORG) but that is not a place."""
    if span.text.lower() in NOT_PEOPLE:
        return False
    labels = {t.ent_type_ for t in span}
    if "PERSON" in labels:
        return True
    if labels & {"NORP", "DATE", "CARDINAL", "MONEY"}:
        return False
    return all(_name_like(t) or t.i == span.start and t.pos_ == "PROPN" for t in span)


def is_modifier_or_thing(span: "Span") -> bool:
    """A name used as something other than a person: "the Oscar night", "Chelsea and Aston Villa"."""
    root = span.root
    if root.dep_ == "compound" and root.head.pos_ == "NOUN" and root.head.i > span.end - 1:
        return True  # "the league table", "the Kelvale club"
    for other in list(root.conjuncts):
        if other.ent_type_ in OTHER_LABELS:
            return True
    return False


def gender_near(span: "Span") -> Gender:
    """The gender the words around a name give it: "Mr Dams", "Mrs Smith", "the actress Jane Roe"."""
    doc = span.doc
    before = doc[max(span.sent.start, span.start - 3): span.start]
    for tok in reversed(before):
        if tok.lower_ in MALE_HONORIFICS or tok.lower_ in MALE_NOUNS:
            return "m"
        if tok.lower_ in FEMALE_HONORIFICS or tok.lower_ in FEMALE_NOUNS:
            return "f"
    for child in span.root.children:
        if child.dep_ == "appos":
            if child.lower_ in MALE_NOUNS:
                return "m"
            if child.lower_ in FEMALE_NOUNS:
                return "f"
    return None


def pronoun_gender(word: str) -> Gender:
    low = word.lower()
    return "m" if low in MALE_PRONOUNS else "f" if low in FEMALE_PRONOUNS else None


@dataclass
class _Named:
    name: str
    start: int  # where the mention is (for ordering)
    named_at: int  # where the name is written (for the antecedent's sentence)
    sent: int  # index of its sentence
    subject: bool  # the subject of its clause
    speech: bool  # the subject of a speech act
    rank: int = 2  # 2 the subject of a speech act, 1 of the main clause, 0 of another clause or none
    full: bool = True  # written with a first name, here or elsewhere in the article


def _unless_given(is_place, given: frozenset):
    def test(name: str) -> bool:
        return name not in given and is_place(name)

    return test


class PersonTracker:
    """People named in a document outside quotations and junk, in text order, for resolving pronouns."""

    def __init__(self, doc: "Doc", blocked: Sequence[tuple[int, int]], is_place,
                 headline: tuple[int, str] | None = None) -> None:
        # the article's headline (where it ends, its words), read from the raw text when it is masked as junk
        self._headline = headline
        # a surname the article gives with a first name is a person's, whatever the gazetteer says ("Alex Ferguson")
        given = {e[-1].text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 and _name_like(e[0])}
        self._given = frozenset(given)
        self.is_place = is_place = _unless_given(is_place, self._given)
        self._blocked = blocked = SpanSet(blocked)  # a binary search per offset, not a scan (issue 13)
        self._sents = list(doc.sents)
        self._sent_starts = [s.start_char for s in self._sents]
        self._narrative = [self._is_narrative(s) for s in doc.sents]
        self._narrative_at = [s for s, narrative in enumerate(self._narrative) if narrative]  # their indexes
        self._starts: list[int] = []
        self._named: list[_Named] = []
        self._named_last: set[str] = set()  # the last word of every name in _named, for knows()
        self._gender: dict[str, str] = {}  # surname -> "m"/"f", from Mr/Mrs and gendered nouns
        self._roles: dict[str, tuple[str, int]] = {}  # title phrase -> last name that carried it
        self._surnames: set[str] = set()
        self._other_labelled: dict[str, int] = {}  # a one-word name -> times NER labelled it ORG, GPE, ...
        self._modifier: set[str] = set()  # words used to modify a noun ("Uefa officials")
        self._full: set[str] = set()  # surnames written with a first name or an honorific
        self._titled: set[str] = set()  # words of a name written after a title ("coach Henk Ten Cate")
        self._ages: dict[str, int] = {}  # surname -> age the article gives ("Tom Baxter, 28,", "28-year-old Baxter")
        self._doc = doc
        self._orgs: list[tuple[int, str, frozenset, bool]] | None = None  # see _org_mentions
        self._named_with: dict[str, list[tuple[int, str]]] | None = None  # see _orgs_named_with
        self._sent_texts: list[str] | None = None  # see mentions_together
        self._voices: list[tuple[int, str, int, Gender]] = []  # spokespeople credited: (offset, org, named at, gender)
        self._org_named: dict[str, int] = {}  # times NER names an organisation so ("Microsoft")
        for ent in doc.ents:
            if ent.label_ in ORG_LABELS:
                name = ent.text.removeprefix("the ").removeprefix("The ")
                self._org_named[name] = self._org_named.get(name, 0) + 1
        for tok in doc:
            if tok.lower_ in OFFICES or tok.lower_ in HONORIFICS:
                i = tok.i + 1
                while i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper():
                    self._titled.add(doc[i].text)
                    i += 1
        for ent in doc.ents:
            if len(ent) == 1 and ent.label_ in OTHER_LABELS:
                self._other_labelled[ent.text] = self._other_labelled.get(ent.text, 0) + 1
        for tok in doc:  # "Uefa officials", "Lycos Europe": a word naming the kind of a thing, not a person
            if tok.dep_ == "compound" and tok.head.i > tok.i and tok.ent_type_ != "PERSON" or \
                    tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and tok.ent_iob_ == "B" and tok.head.ent_type_ != "PERSON":
                self._modifier.add(tok.text)
        for ent in doc.ents:
            if ent.label_ != "PERSON" or _inside(ent.start_char, blocked):
                continue
            span = name_span(ent[-1], is_place)
            if span is None or is_modifier_or_thing(span):
                continue
            if len(span) > 1 or span.start > 0 and doc[span.start - 1].lower_ in HONORIFICS:
                self._full.add(span[-1].text)
            if self.is_organisation(span.text):
                continue
            self._insert(self._named_from(span, ent.start_char))
            self._surnames.add(span.text.split()[-1])
            gender = gender_near(span)
            if gender:
                self._gender.setdefault(span.text.split()[-1], gender)
            before = doc[max(ent.sent.start, span.start - 4): span.start]
            titles = [t for t in before if t.lower_ in TITLE_WORDS and t.lower_ not in HONORIFICS]
            if titles and not all(t.is_punct for t in doc[titles[-1].i + 1: span.start]):
                titles = []  # "police offer X's parents ...": a title names only the name right after it
            if titles:
                first = next(t for t in before if t.lower_ in TITLE_WORDS or t.ent_type_ in ("NORP", "GPE", "ORG"))
                phrase = doc[first.i: titles[-1].i + 1].text.lower()
                self._roles[phrase] = (span.text, span.start_char)  # "russian president" -> "Vladimir Putin"
            for appos in (c for c in span.root.children if c.dep_ == "appos" and c.i > span.end - 1):
                if appos.pos_ == "NOUN" and appos.lower_ in OFFICES:  # "Greg Abbott, Texas attorney general"
                    words = [t for t in doc[appos.left_edge.i: appos.i + 1] if t.dep_ not in ("det", "punct")]
                    if words and all(t.lower_ in TITLE_WORDS or t.ent_type_ in ("NORP", "GPE", "ORG") for t in words):
                        self._roles.setdefault(" ".join(t.text for t in words).lower(), (span.text, span.start_char))

        for ent in doc.ents:
            if ent.label_ == "PERSON" and not _inside(ent.start_char, blocked):
                age = _stated_age(ent)
                if age is not None:
                    self._ages.setdefault(ent[-1].text, age)
        named = {n.start for n in self._named}
        for tok in doc:  # names NER missed: a known surname as a subject ("Ferguson admitted ..." with "Sir Alex
            # Ferguson" elsewhere), or any name after an honorific ("Mr Grant")
            if tok.ent_type_ == "PERSON" or tok.idx in named or _inside(tok.idx, blocked) or tok.dep_ == "compound":
                continue
            known = tok.dep_ in ("nsubj", "nsubjpass") and tok.text in self._surnames
            span = name_span(tok, is_place) if known or _name_like(tok) else None
            honoured = span is not None and span.start > 0 and doc[span.start - 1].lower_ in HONORIFICS
            if span is not None and (known or honoured) and not self.is_organisation(span.text):
                self._insert(self._named_from(span, span.start_char))
                self._surnames.add(span[-1].text)
                gender = gender_near(span)
                if gender:
                    self._gender.setdefault(span[-1].text, gender)

    def _org_mentions(self) -> list[tuple[int, str, frozenset, bool]]:
        """Organisations the document credits with words or names with a kind noun, in text order:
        (offset, name, kind nouns, credited). "Microsoft says ..." is credited; "security firm Netcraft"
        is of kind "firm"."""
        if self._orgs is None:
            self._orgs = []
            doc = self._doc
            for tok in doc:
                credited = None
                if tok.pos_ == "VERB" and tok.lemma_.lower() in SPEECH_VERBS | FINDING_VERBS \
                        and not _inside(tok.idx, self._blocked):
                    credited = subject_of(tok)  # "Microsoft says", "Radio 1 said"
                elif tok.lower_ == "according" and not _inside(tok.idx, self._blocked):
                    to = next((c for c in tok.children if c.lower_ == "to"), None)  # "according to eBay UK"
                    credited = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
                if credited is not None and credited.lower_ not in ("it", "they") and credited.lower_ not in ORG_KINDS \
                        and not definite_noun(credited):
                    found = resolve_speaker(credited, self)  # as a quote would credit it: never a person's name
                    if found is not None and found.kind == "org":
                        span = org_entity(credited) or doc[credited.i: credited.i + 1]
                        kinds = kinds_of(span)  # "research carried out by X": X's research, as "the research"
                        if noun_word(credited) in SOURCE_NOUNS:
                            kinds |= {noun_word(credited)}
                        self._orgs.append((found.start, found.name, kinds, True))
                        if credited.lower_ in VOICE_GENDERS:  # "A Harbour Air spokeswoman said ...": "she" goes on
                            self._voices.append((credited.idx, found.name, found.start, VOICE_GENDERS[credited.lower_]))
                elif tok.pos_ == "VERB" and not _inside(tok.idx, self._blocked) and compiled_by(tok) is not None:
                    org, noun = compiled_by(tok)  # "The figures were prepared by X": X's figures, credited
                    self._orgs.append((org.start_char, org.text, kinds_of(org) | {noun}, True))
                elif tok.pos_ == "PROPN" and tok.ent_type_ not in ORG_LABELS and named_after_kind(tok) is not None:
                    named = named_after_kind(tok)  # "the Leeds daily Morning Herald", whatever NER calls it
                    self._orgs.append((named.start_char, named.text, kinds_of(named), False))
                elif tok.ent_type_ in ORG_LABELS and tok.ent_iob_ == "B":
                    found = org_entity(tok)
                    kinds = kinds_of(found) if found is not None else frozenset()
                    if kinds:
                        self._orgs.append((found.start_char, found.text, kinds, False))
            self._orgs.sort(key=lambda o: o[0])
        return self._orgs

    def org_by_kind(self, noun: str, pos: int) -> tuple[str, int] | None:
        """The one organisation named before ``pos`` that "the company" (``noun``) can be: credited with
        words before (unless named with a kind noun of another kind: "record label X" is no "company") or named
        with that noun ("record company Universal"); failing that, one named in this or the sentence before
        with a synonym of the noun ("the Leeds daily Y" for "the paper") or with the noun as a word of its name ("the agency" for "the Food Standards Agency"). When there are several, the one
        named in this or the sentence before, if only one is; else None. A source noun ("the research", "the survey") is only the organisation credited through that
        noun ("research carried out by X")."""
        source = noun in SOURCE_NOUNS
        here = self._sent_of(pos)
        found = {name: at for at, name, kinds, credited in self._org_mentions()
                 if at < pos and (noun in kinds if source else noun in kinds
                                  or credited and not name.islower()  # "unions said": no name "the airline" re-names
                                  and (not kinds & ORG_KINDS or kinds & same_kind(noun)))}
        if not found and not source:  # else a synonym or a word of the name, of an organisation just named
            near = [(at, name) for at, name, kinds, _ in self._org_mentions() if kinds & same_kind(noun)]
            found = {name: at for at, name in near + self._orgs_named_with(noun)
                     if at < pos and here - self._sent_of(at) <= KIND_WINDOW}
        if len(found) > 1:
            found = {name: at for name, at in found.items() if here - self._sent_of(at) <= KIND_WINDOW}
        return found.popitem() if len(found) == 1 else None

    def _orgs_named_with(self, noun: str) -> list[tuple[int, str]]:
        """Organisations NER names with ``noun`` as a capitalised word of the name, outside quotations:
        "the US Anti-Doping Agency" for "the agency" (offset, name)."""
        if self._named_with is None:  # the entities read once per document, not once per noun (issue 13)
            self._named_with = defaultdict(list)
            for ent in self._doc.ents:
                if ent.label_ == "ORG" and len(ent) > 1 and not _inside(ent.start_char, self._blocked):
                    words = dict.fromkeys(t.lower_ for t in ent if t.text[:1].isupper() and t.i > ent.start)
                    org = org_entity(ent[-1]) if words else None
                    if org is not None and len(org) > 1:
                        for word in words:
                            self._named_with[word].append((org.start_char, org.text))
        return list(self._named_with.get(noun, ()))

    def names_org_with(self, noun: str, pos: int) -> bool:
        """Some organisation named before ``pos`` has ``noun`` as a word of its name ("the Court of ...")."""
        return any(at < pos for at, _ in self._orgs_named_with(noun))

    def org_by_pronoun(self, pos: int, plural: bool = False) -> tuple[str, int] | None:
        """The organisation "it says" is: the one credited with words in the last few sentences, if only one;
        else the one the sentence before is about ("The company is trying ... . ..., it says"). "They said"
        is only the organisation credited in the same or the sentence before, where no two people are named."""
        here = self._sent_of(pos)
        window = PLURAL_PRONOUN_WINDOW if plural else ORG_PRONOUN_WINDOW
        found = {name: at for at, name, _, credited in self._org_mentions()
                 if credited and at < pos and here - self._sent_of(at) <= window}
        if plural:
            people = {n.name.split()[-1] for n in self._named
                      if n.start < pos and here - n.sent <= window and n.name not in found}
            return found.popitem() if len(found) == 1 and len(people) < 2 else None
        if not found and here > 0:
            for tok in self._sents[here - 1]:
                if tok.dep_ == "nsubj" and tok.pos_ == "NOUN" and definite_noun(tok) and tok.lower_ in ORG_KINDS:
                    by_kind = self.org_by_kind(tok.lower_, tok.idx)
                    if by_kind is not None:
                        found[by_kind[0]] = by_kind[1]
                elif tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ == "PROPN" and tok.head.dep_ == "ROOT" \
                        and org_entity(tok) is not None and not _inside(tok.idx, self._blocked):
                    named = resolve_speaker(tok, self)  # "Delta has been hit by rising costs. It has said ..."
                    if named is not None and named.kind == "org":
                        found[named.name] = named.named_at
        return found.popitem() if len(found) == 1 else None

    def org_by_short_name(self, name: str, pos: int) -> tuple[str, int] | None:
        """The organisation credited before ``pos`` whose name ``name`` begins ("Stuff" for "Stuff Magazine"),
        if only one, and never a name the article gives a person in full or with Mr/Ms."""
        if name in self._given or name in self._full or name in self._titled:
            return None
        found = {n: at for at, n, _, credited in self._org_mentions()
                 if credited and at < pos and n.startswith(name + " ")}
        return found.popitem() if len(found) == 1 else None

    def mentions_together(self, name: str, words: list[str]) -> bool:
        """Some sentence names the person ``name`` (by surname) with all of ``words``: "Kelvale" with "Pike"."""
        surname = name.split()[-1]
        if self._sent_texts is None:  # each sentence's text built once, not once per question
            self._sent_texts = [sent.text for sent in self._doc.sents]
        return any(surname in text and all(w in text for w in words) for text in self._sent_texts)

    def _named_from(self, span: "Span", start: int) -> _Named:
        """A person named by ``span``, with how salient the mention is (subject of a speech act, of the sentence)."""
        root = span.root
        subject = root.dep_ in ("nsubj", "nsubjpass") or root.dep_ == "conj" and root.head.dep_ == "nsubj"
        named_noun = root.dep_ == "appos" and root.head.dep_ in ("nsubj", "nsubjpass") and root.head.pos_ == "NOUN"
        subject = subject or named_noun  # "X's sister Ann makes an appeal": Ann is the subject
        verb = (root.head if root.dep_ not in ("conj", "appos") else root.head.head) if subject else None
        if not subject:  # "the withdrawal of Steve Morgan, who got frustrated ...": the subject of its relative clause
            subject = any(c.dep_ == "relcl" and any(w.dep_ in ("nsubj", "nsubjpass") and w.lower_ in ("who", "that")
                                                    for w in c.children)
                          for c in root.children)
        speech = verb is not None and verb.lemma_.lower() in SPEECH_VERBS
        main = verb is not None and verb.dep_ == "ROOT"
        full = len(span) > 1 or span.text in self._given
        return _Named(span.text, start, span.start_char, self._sent_of(start), subject, speech,
                      2 if speech else 1 if main else 0, full)

    def is_organisation(self, name: str) -> bool:
        """A one-word name this document also labels an organisation or a place and uses to modify a
        noun ("Uefa officials", "Lycos Europe"), and never writes as a person's full name or with Mr/Ms
        ("Lycos", "Uefa", tagged PERSON in some sentences, ORG in others)."""
        if " " in name or name in self._full:
            return False
        return self._other_labelled.get(name, 0) >= 1 and name in self._modifier

    def org_like(self, name: str) -> bool:
        """A name written like a person's that is an organisation's all the same: NER names it one more than
        once ("Microsoft", "Symbian"), or it is not written like a person's name ("Radio 1", "BBC", "the
        Kremlin"). A name NER calls an organisation once ("Trump told reporters") may be a person's."""
        if self._org_named.get(name, 0) >= 2 or any(c.isdigit() for c in name):
            return True
        return any(w.isupper() and len(w) > 1 for w in name.split())

    def _is_narrative(self, sent: "Span") -> bool:
        """A sentence with words of its own outside quotations and junk (not only a quotation)."""
        return sum(1 for t in sent if t.is_alpha and not _inside(t.idx, self._blocked)) >= 3

    def _sent_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self._sent_starts, pos) - 1)

    def _insert(self, named: _Named) -> None:
        i = bisect.bisect_right(self._starts, named.start)
        self._starts.insert(i, named.start)
        self._named.insert(i, named)
        self._named_last.update(named.name.split()[-1:])

    def add(self, name: str, start: int, named_at: int | None = None, gender: Gender = None) -> None:
        """Record a speech act: ``name`` spoke at ``start`` (a quotation attributed to them)."""
        self._insert(_Named(name, start, start if named_at is None else named_at, self._sent_of(start), True, True))
        if gender:
            self._gender.setdefault(name.split()[-1], gender)

    def gender(self, name: str) -> Gender:
        return self._gender.get(name.split()[-1])

    def voice_before(self, pos: int, gender: Gender) -> tuple[str, int] | None:
        """The organisation whose spokesperson is the last to speak before a pronoun at ``pos``: "A spokeswoman for
        Harbour Air said ... . She added ..." is the airline speaking. Only from the sentence before (narrative
        sentences counted), with no person named as a subject since, and a gender that does not disagree."""
        self._org_mentions()
        here = self._sent_of(pos)
        previous = next(iter(self._narrative_before(here, 1)), None)
        voices = [v for v in self._voices if v[0] < pos and self._sent_of(v[0]) == previous
                  and (gender is None or v[3] in (None, gender))]
        if not voices:
            return None
        at, name, named_at, _ = voices[-1]
        if any(at < n.start < pos and n.subject for n in self._named):
            return None
        return name, named_at

    def headline_person(self, pos: int, gender: Gender) -> tuple[str, int] | None:
        """The one person the article is about, for a description ("said the Liverpool player") at ``pos``:
        the headline (a first line with no full stop, followed by the body) names exactly one person the body
        names before ``pos``, by surname, of a gender that does not disagree. Several or none: None."""
        text = doc_text(self._doc)  # built once per Doc: doc.text joins every token on each access
        end = text.find("\n")
        end, headline = self._headline or (end, text[:end].strip() if end > 0 else "")
        if not headline or headline[-1] in ".?!\"\u201d" or len(headline.split()) > 15:
            return None
        words = set(headline.replace("'s", " ").replace("\u2019s", " ").split())
        found = {n.name.split()[-1]: n for n in self._named if end < n.start < pos and n.name.split()[-1] in words}
        if len(found) != 1:
            return None
        surname, person = found.popitem()
        if gender is not None and self.gender(person.name) not in (None, gender):
            return None
        here = self._sent_of(pos)
        near = [here] + self._narrative_before(here, 1)
        others = [e for s in near for e in self._sents[s].ents if e.label_ == "PERSON" and e.start_char < pos
                  and not _inside(e.start_char, self._blocked) and e[-1].text.removesuffix("'s") != surname]
        if others or any(n.sent in near and n.start < pos and n.name.split()[-1] != surname for n in self._named):
            return None  # "Matchwinner Keane praised Duff. '...,' said the Tottenham striker": someone else nearer
        return person.name, person.named_at

    def voiced_org(self, pos: int) -> tuple[str, int] | None:
        """The organisation a bare "the spokesperson" at ``pos`` speaks for: the one whose spokesperson spoke in
        the last few sentences ("A Delta spokesperson confirmed ... . The spokesperson also said ..."), if
        only one did."""
        self._org_mentions()
        here = self._sent_of(pos)
        found = {name: named_at for at, name, named_at, _ in self._voices
                 if at < pos and here - self._sent_of(at) <= ORG_PRONOUN_WINDOW}
        return found.popitem() if len(found) == 1 else None

    def resolve_pronoun(self, pos: int, gender: Gender, pronoun: bool = False) -> tuple[str, int] | None:
        """The person a pronoun at ``pos`` most likely refers to, and where that name is written: the subject of
        this or the narrative sentence before, else, for a ``pronoun`` (not a description such as "the star") with
        no subject earlier in the paragraph, the one person the nearest of those sentences names, else the last
        speaker."""
        i = bisect.bisect_left(self._starts, pos)

        def fits(n: _Named) -> bool:  # the people named before ``pos`` of a gender that does not disagree
            return gender is None or self.gender(n.name) in (None, gender)

        # one long document names thousands of people: only the sentences and the paragraph asked about are
        # read (a bisection of the names in text order), and the last speaker found from the end (issue 13)
        if self._last_named(i, fits) is None:
            return None
        here = self._sent_of(pos)
        earlier = self._narrative_before(here, SUBJECT_WINDOW + PRONOUN_CHAIN)
        window = [here] + earlier[:SUBJECT_WINDOW - 1]
        while len(window) < SUBJECT_WINDOW + PRONOUN_CHAIN and len(window) <= len(earlier) \
                and self._pronoun_subject(window[-1], gender) \
                and not any(n.subject for n in self._named_in(window[-1], i, fits)):
            window.append(earlier[len(window) - 1])  # "X found her sister. She had not seen her for years.": X
        for s in window:
            subjects = [n for n in self._named_in(s, i, fits) if n.subject]
            if subjects:  # "Corbett claims he and Barker differ ...": the one who speaks, then the main subject,
                # then a name the article gives in full ("Only Fools and Horses star David Jason")
                found = max(subjects, key=lambda n: (n.rank, n.full, n.start))
                return found.name, found.named_at
        text = doc_text(self._doc)  # built once per Doc: doc.text joins every token on each access
        paragraph = text.rfind("\n", 0, pos) + 1
        while paragraph > 0:  # a line opening in lower case, or blank, goes on with the paragraph before
            end = text.find("\n", paragraph)
            if not (text[paragraph:paragraph + 1].islower() or not text[paragraph: end if end != -1 else pos].strip()):
                break
            paragraph = text.rfind("\n", 0, paragraph - 1) + 1  # a sentence broken over lines: "the club\n\nhad"
        opening = pronoun and not any(n.subject and fits(n)
                                      for n in self._named[bisect.bisect_left(self._starts, paragraph):i])
        for s in window if opening else []:
            # no subject in the paragraph so far: the one person the nearest of these sentences names ("The
            # question was put to X on Monday. He said: ...")
            named = {n.name.split()[-1]: n for n in self._named_in(s, i, fits)}
            if named:
                if len(named) > 1:
                    break
                found = named.popitem()[1]
                return found.name, found.named_at
        # then the last speaker, else the last subject ("X has joined Y and Z in ..." -> X), else the last name
        found = self._last_named(i, lambda n: n.speech and fits(n)) or self._last_named(i, lambda n: n.subject and fits(n)) \
            or self._last_named(i, fits)
        return found.name, found.named_at

    def _last_named(self, i: int, test) -> _Named | None:
        """The last of ``self._named[:i]`` that passes ``test``, looked for from the end."""
        return next((self._named[j] for j in range(i - 1, -1, -1) if test(self._named[j])), None)

    def _named_in(self, sent: int, i: int, fits) -> list[_Named]:
        """``[n for n in self._named[:i] if n.sent == sent and fits(n)]``, read from the names of that sentence
        only: names are kept in text order, so one sentence's are a run found by bisection."""
        lo = bisect.bisect_left(self._starts, self._sent_starts[sent]) if sent > 0 else 0
        hi = bisect.bisect_left(self._starts, self._sent_starts[sent + 1]) if sent + 1 < len(self._sent_starts) \
            else len(self._starts)
        return [n for n in self._named[lo:min(hi, i)] if fits(n)]

    def _narrative_before(self, here: int, most: int) -> list[int]:
        """The first ``most`` of ``[s for s in range(here - 1, -1, -1) if self._narrative[s]]``, by bisection."""
        end = bisect.bisect_left(self._narrative_at, here)
        return self._narrative_at[max(0, end - most):end][::-1]

    def _pronoun_subject(self, sent: int, gender: Gender) -> bool:
        """The sentence's main subject is "he"/"she" (of a gender that does not disagree), outside quotations."""
        return any(t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT" and t.lower_ in PERSON_PRONOUNS
                   and gender in (None, pronoun_gender(t.text)) and not _inside(t.idx, self._blocked)
                   for t in self._sents[sent])

    def by_age(self, pos: int, age: int, gender: Gender = None) -> tuple[str, int] | None:
        """The person an age description at ``pos`` ("the 28-year-old") re-names, only when exactly one fits:
        the one person named before with that age stated ("Tom Baxter, 28,"), else the one person (by surname)
        named in the nearest sentence, of this one and the few narrative sentences before, that names anyone
        whose stated age and gender do not disagree. "X beat Y. ..., said the 28-year-old": nobody."""
        i = bisect.bisect_left(self._starts, pos)
        before = [n for n in self._named[:i] if gender is None or self.gender(n.name) in (None, gender)]
        aged = {n.name.split()[-1]: n for n in before if self._ages.get(n.name.split()[-1]) == age}
        if aged:
            if len(aged) > 1:
                return None
            person = aged.popitem()[1]  # its last mention before
            return person.name, person.named_at
        before = [n for n in before if self._ages.get(n.name.split()[-1]) in (None, age)]
        here = self._sent_of(pos)
        window = [here] + self._narrative_before(here, AGE_WINDOW)
        for s in window:
            found = {n.name.split()[-1]: n for n in before if n.sent == s}
            if found:
                if len(found) > 1:
                    return None
                person = found.popitem()[1]
                return person.name, person.named_at
        return None

    def last_before(self, pos: int) -> tuple[str, int] | None:
        """The last person named before ``pos``, and where that name is written."""
        i = bisect.bisect_left(self._starts, pos)
        return (self._named[i - 1].name, self._named[i - 1].named_at) if i > 0 else None

    def knows(self, word: str) -> bool:
        """True when ``word`` is the surname of a person NER named in the document (outside quotes and junk)."""
        return word in self._surnames or word in self._named_last

    def by_title(self, phrase: str) -> tuple[str, int] | None:
        """The person last named with this title phrase ("Russian president"); None when ambiguous."""
        phrase = phrase.lower()
        if phrase in self._roles:
            return self._roles[phrase]
        # a bare "the president", "the attorney general": only if one person carries the title
        found = {self._roles[p][0]: self._roles[p] for p in self._roles if p == phrase or p.endswith(" " + phrase)}
        return found.popitem()[1] if len(found) == 1 else None


def _age_number(tok: "Token") -> int | None:
    if tok.text.isdigit():
        return int(tok.text)
    return NUMBER_WORDS.get(tok.lower_)


def _age_at(doc: "Doc", old: int) -> int | None:
    """The age written as "28-year-old" ending at token ``old`` ("old"), as the tokenizer splits it."""
    if old < 4 or doc[old].lower_ != "old" or doc[old - 1].text != "-" or doc[old - 2].lower_ not in ("year", "years") \
            or doc[old - 3].text != "-":
        return None
    return _age_number(doc[old - 4])


def _stated_age(ent: "Span") -> int | None:
    """The age the article gives a person where it names them: "Tom Baxter, 28," or "28-year-old Tom Baxter"."""
    doc = ent.doc
    if ent.end + 2 < len(doc) and doc[ent.end].text == "," and doc[ent.end + 2].text in (",", ".", ";") \
            and doc[ent.end + 1].like_num:
        age = _age_number(doc[ent.end + 1])
        if age is not None and age < 120:
            return age
    i = ent.start - 1
    while i >= 0 and doc[i].dep_ in ("amod", "compound") and doc[i].lower_ != "old" and doc[i].pos_ in ("ADJ", "NOUN"):
        i -= 1  # "the 28-year-old Welsh striker Tom Baxter"
    return _age_at(doc, i) if i >= 0 else None


def _described_age(subject: "Token") -> int | None:
    """The age a definite description gives its person: "the 28-year-old" (parsed with "old" as the subject), "the
    35-year-old striker"; None for anything else ("a 28-year-old man" is someone new)."""
    doc = subject.doc
    if subject.lower_ == "old":
        old = subject.i
    else:
        old = next((c.i for c in subject.children if c.dep_ == "amod" and c.lower_ == "old" and c.i < subject.i), None)
        if old is None or subject.pos_ != "NOUN":
            return None
    age = _age_at(doc, old)
    first = doc[subject.left_edge.i]
    return age if age is not None and first.lower_ == "the" and first.i == old - 5 else None


def _inside(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    return inside(pos, spans)


def _named_in_apposition(title: "Token", is_place) -> "Span | None":
    """The person a title noun names right after it: "the magazine's music editor Mark Robertson"."""
    for child in title.children:
        if child.dep_ in ("appos", "flat") and child.i > title.i and child.ent_type_ == "PERSON":
            span = name_span(child, is_place)
            if span is not None and span.start == title.i + 1 and looks_like_person(span):
                return span
    return None


def _credited_org(subject: "Token", tracker: "PersonTracker") -> "Span | None":
    """The organisation a subject credits, by name ("Microsoft says", "Radio 1 said") or through a noun
    that speaks for it ("a Microsoft spokesman", "a statement from the band's record company Universal",
    "Finnish anti-virus lab F-Secure"); never a name the article gives a person."""
    doc = subject.doc
    if subject.lower_ in ORG_NOUNS and not any(c.dep_ in ("compound", "poss") for c in subject.children):
        return doc[subject.i: subject.i + 1]  # "police said"
    found = org_entity(subject) or branch_of(subject) or named_after_kind(subject) or kind_then_name(subject)
    if found is None and plural_agreement(subject):  # "Birmingham have confirmed", whatever NER calls it
        lo = subject.i
        while lo > 0 and doc[lo - 1].dep_ == "compound" and doc[lo - 1].pos_ == "PROPN":
            lo -= 1
        found = doc[lo: subject.i + 1]
    voice = next((c for c in subject.children if c.dep_ == "compound" and c.lower_ in ORG_VOICES and c.i < subject.i), None)
    if found is None and voice is not None and subject.pos_ == "PROPN" and subject.ent_type_ != "PERSON":
        # "Finnish anti-virus lab F-Secure", "record label Universal": the name after the noun
        found = doc[voice.i + 1: subject.i + 1]
        if not all(t.pos_ == "PROPN" or t.text == "-" for t in found):
            found = None
    if found is None and subject.pos_ == "NOUN" and noun_word(subject) in ORG_VOICES | SOURCE_NOUNS:
        near = [c for c in subject.children if c.dep_ in ("compound", "appos", "poss", "nmod")]
        described = [subject]  # "a round-up of gizmos compiled by X": the agent of the "of" phrase's participle too
        for prep in (c for c in subject.children if c.dep_ == "prep" and c.lower_ in ("for", "from", "of", "at", "by")):
            near += [p for p in prep.children if p.dep_ == "pobj"]
            described += [p for p in prep.children if p.dep_ == "pobj" and prep.lower_ == "of"]
        for acl in (c for n in described for c in n.children if c.dep_ == "acl"):  # "research carried out by X"
            for agent in (c for c in acl.children if c.dep_ == "agent"):
                near += [p for p in agent.children if p.dep_ == "pobj"]
        near += [c for n in list(near) if n.pos_ == "NOUN" for c in n.children if c.dep_ in ("appos", "compound")]
        # "A statement from the label Universal said": the name parsed as a second subject of the verb
        near += [c for c in subject.head.children if c.dep_ == "nsubj" and c.left_edge.i == subject.right_edge.i + 1]
        orgs = {o.text: o for o in (org_entity(t) or branch_of(t) or named_after_kind(t) for t in near) if o is not None}
        found = next(iter(orgs.values())) if len(orgs) == 1 else _voice_of_name(subject)
    if found is None:
        return None
    kind_named = found.start > 0 and is_kind_word(doc[found.start - 1])  # "security firm Saint Bernard Software"
    if not kind_named and any(t.ent_type_ == "PERSON" and not tracker.is_organisation(t.text) for t in found):
        return None
    if not kind_named and (tracker.knows(found[-1].text) or found[-1].text in tracker._given
                           or found[-1].text in tracker._titled):
        return None  # "Trump" tagged ORG once, "coach Henk Ten Cate": the person the article names
    after = doc[found.end] if found.end < len(doc) else None
    if after is not None and after.lower_ in ("from", "of", "at"):
        # "Marc Dupont from telecoms firm Orbitel": a person and the organisation they work for (read in the
        # words up to the next comma, as the parser may hang the organisation elsewhere)
        stop = next((t.i for t in doc[after.i + 1: after.sent.end] if t.is_punct and t.text != "-"), after.sent.end)
        if any(org_entity(t) is not None or t.lower_ in ORG_VOICES for t in doc[after.i + 1: stop]):
            return None
    return found


def _voice_of_name(subject: "Token") -> "Span | None":
    """The name written right before a spokesperson noun, whatever NER calls it: "a Delta spokesperson" (Delta
    tagged a place), never a person's or a nationality's ("a Smith spokesman", "a French spokesman")."""
    doc = subject.doc
    if subject.lower_ not in VOICE_GENDERS:
        return None
    lo = subject.i
    while lo > 0 and doc[lo - 1].dep_ == "compound" and doc[lo - 1].pos_ == "PROPN" and doc[lo - 1].head.i == subject.i:
        lo -= 1
    name = doc[lo: subject.i]
    if not len(name) or any(t.ent_type_ in ("PERSON", "NORP") or not t.text[:1].isupper() for t in name):
        return None
    return name


def _organisation(subject: "Token", tracker: "PersonTracker") -> Speaker | None:
    found = _credited_org(subject, tracker)
    if found is None:
        return None
    found = spelled_out(found)
    name = found.text.lower() if found.text.lower() in ORG_NOUNS else found.text
    return Speaker(name, found.start_char, named_at=found.start_char, kind="org")


def _described(subject: "Token", tracker: PersonTracker) -> tuple[str, int] | None:
    """The person a definite description re-names: "the 70-year-old comedian", "the Kelvale Show star" -> the
    person the sentences before are about (as for "he"). Only a description with a word beyond its noun (an
    age, a name, an adjective): a bare "the judge" or "the spokesman" is as likely someone new. A name in
    it must be written with that person somewhere ("the Arsenal boss" -> a person the article places at
    Arsenal)."""
    doc = subject.doc
    words = [t for t in doc[subject.left_edge.i: subject.i] if t.dep_ not in ("punct",)]
    if not words or words[0].lower_ != "the" or len(words) < 2 or subject.lower_ in ORG_VOICES:
        return None
    if any(c.dep_ in ("prep", "relcl", "acl", "appos") for c in subject.children):
        return None  # "the manager of the club", "the judge who ...": a description of someone new
    gender = "m" if subject.lower_ in MALE_NOUNS else "f" if subject.lower_ in FEMALE_NOUNS else None
    found = tracker.resolve_pronoun(subject.idx, gender)
    if found is None:
        return None
    names = [t.text for t in words if t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "GPE", "NORP")]
    if names and not tracker.mentions_together(found[0], names):
        return None
    return found


def _headline_described(subject: "Token", tracker: PersonTracker) -> tuple[str, int] | None:
    """The person a definite description of what someone is ("said the Liverpool player", "the double Olympic
    champion said") re-names when the sentences before do not settle it: the one person the headline names.
    Never a post ("the manager"), an indefinite or a described someone new ("the player who ...")."""
    doc = subject.doc
    first = doc[subject.left_edge.i]
    if subject.lower_ not in DESCRIPTION_NOUNS or first.lower_ != "the" or subject.tag_ != "NN":
        return None
    if any(c.dep_ in ("prep", "relcl", "acl", "appos") for c in subject.children):
        return None
    gender = "m" if subject.lower_ in MALE_NOUNS else "f" if subject.lower_ in FEMALE_NOUNS else None
    return tracker.headline_person(subject.idx, gender)


def _title_named(subject: "Token", first: "Token") -> Speaker | None:
    """A name written after a capital "The" inside a sentence ("according to The Independent"): the name of a
    paper, a band or a firm, never of a person."""
    doc = subject.doc
    name = doc[first.i + 1: subject.i + 1]
    if first.text != "The" or first.is_sent_start or first.i == first.sent.start or not len(name) \
            or any(t.ent_type_ in ("PERSON", "GPE", "LOC", "NORP", "DATE") for t in name):
        return None
    return Speaker(name.text, name.start_char, named_at=name.start_char, kind="org")


def _group(subject: "Token") -> Speaker | None:
    """An unnamed group the subject credits ("lawyers for the two men", "analysts"; see :mod:`.speaker_groups`)."""
    found = group_named(subject) or collective_named(subject)
    return Speaker(found[0], found[1], named_at=found[1], kind="group") if found else None


def resolve_speaker(subject: "Token", tracker: PersonTracker, is_place=lambda name: False) -> Speaker | None:
    """The person a subject token names, resolving pronouns and titles ("the French president"), or the
    organisation it credits ("Microsoft said", "a Microsoft spokesman said"; kind "org").

    A one-word name the document also labels an organisation or a place, and never writes as a full
    name, is an organisation (see :meth:`PersonTracker.is_organisation`); a lone slip ("Trump" tagged
    ORG once) is still a person. A pronoun is only ever a person; an organisation must be named.
    """
    is_place = tracker.is_place
    if subject.lower_ in PERSON_PRONOUNS:
        voice = tracker.voice_before(subject.idx, pronoun_gender(subject.text))
        if voice is not None:  # "A Harbour Air spokeswoman said ... . She added ...": the airline speaks on
            return Speaker(voice[0], subject.idx, resolved_from=subject.text, named_at=voice[1], kind="org")
        found = tracker.resolve_pronoun(subject.idx, pronoun_gender(subject.text), pronoun=True)
        return Speaker(found[0], subject.idx, resolved_from=subject.text, named_at=found[1]) if found else None
    if subject.lower_ in ("it", "they"):  # "..., it says": the organisation credited just before, never a person
        if subject.lower_ == "they" and not main_clause(subject.head):
            return None  # "The letters show that they ... and tell ...": "they" of a clause inside is anything
        found = tracker.org_by_pronoun(subject.idx, plural=subject.lower_ == "they")
        return Speaker(found[0], subject.idx, resolved_from=subject.text, named_at=found[1], kind="org") if found else None
    if subject.pos_ == "NOUN" and definite_noun(subject) and (noun_word(subject) in ORG_KINDS | SOURCE_NOUNS
                                                         or tracker.names_org_with(noun_word(subject), subject.idx)):
        noun = noun_word(subject)  # "the station said", "the industry group reports", "the research reveals",
        # "the agency said" after "the Food Standards Agency"
        found = tracker.org_by_kind(noun, subject.idx)  # the one organisation of that kind named before
        if found:
            phrase = subject.doc[subject.left_edge.i: subject.i + 1].text
            return Speaker(found[0], subject.idx, resolved_from=phrase, named_at=found[1], kind="org")
        if noun in ORG_KINDS or noun not in SOURCE_NOUNS:
            return None
    if subject.lower_ in VOICE_GENDERS and not any(c.dep_ in ("compound", "poss", "prep", "amod") for c in subject.children):
        found = tracker.voiced_org(subject.idx)  # "The spokesperson also said": the organisation just voiced
        phrase = subject.doc[subject.left_edge.i: subject.i + 1].text
        return Speaker(found[0], subject.idx, resolved_from=phrase, named_at=found[1], kind="org") if found else None
    age = _described_age(subject)
    if age is not None:  # "said the 28-year-old", "the 35-year-old striker said"
        gender = "m" if subject.lower_ in MALE_NOUNS else "f" if subject.lower_ in FEMALE_NOUNS else None
        found = tracker.by_age(subject.idx, age, gender)
        if found:
            phrase = subject.doc[subject.left_edge.i: subject.i + 1].text
            return Speaker(found[0], subject.idx, resolved_from=phrase, named_at=found[1])
        if subject.pos_ != "NOUN" or subject.lower_ not in TITLE_WORDS:
            return None  # an age alone, with no one person it fits: nobody
    if subject.pos_ == "NOUN" and subject.lower_ in TITLE_WORDS | DESCRIPTION_NOUNS:
        named = _named_in_apposition(subject, is_place)
        if named is not None:  # "said race director Matthew Turnbull": the title's own name
            return Speaker(named.text, named.start_char, named_at=named.start_char)
        mods = [t for t in subject.doc[subject.left_edge.i: subject.i + 1] if t.dep_ != "det"]
        phrase = subject.doc[subject.left_edge.i: subject.i + 1].text
        found = tracker.by_title(" ".join(t.text for t in mods)) or _described(subject, tracker) \
            or _headline_described(subject, tracker)
        if found:
            return Speaker(found[0], subject.idx, resolved_from=phrase, named_at=found[1])
        return _organisation(subject, tracker)  # "a Microsoft spokesman said"
    span = name_span(subject, is_place)
    first = subject.doc[subject.left_edge.i]
    named_the = first.lower_ == "the" and all(t.pos_ == "PROPN" and t.lower_ not in TITLE_WORDS
                                              for t in subject.doc[first.i + 1: subject.i + 1])
    if span is not None and title_after(subject):
        return None  # "said the Kelvale full-back" parsed with the club as the subject: a person, unnamed
    if span is not None and (named_the or any(c.dep_ == "nummod" and c.i > subject.i for c in subject.children)):
        # "The Independent", "Radio 1": names no person is called by
        return _organisation(subject, tracker) or _title_named(subject, first)
    if plural_agreement(subject) or span is not None and named_after_kind(subject) is not None:
        # "Birmingham have confirmed": a club or a band, never one person; "monitoring firm Netcraft"
        return _organisation(subject, tracker)
    if span is None or not looks_like_person(span) or is_modifier_or_thing(span):
        # the tagger missed a name it tagged elsewhere ("Zelenskyy has said ..." as a sentence-initial NOUN)
        if subject.text[:1].isupper() and subject.is_alpha and tracker.knows(subject.text) and not is_place(subject.text):
            return Speaker(subject.text, subject.idx, named_at=subject.idx)
        return _organisation(subject, tracker) or _group(subject)
    full = spelled_out(span)
    if full is not span:  # "Crha said" after "the Council for Rural Housing Authorities (Crha)"
        return Speaker(full.text, span.start_char, resolved_from=span.text, named_at=full.start_char, kind="org")
    if tracker.is_organisation(span.text):
        return Speaker(span.text, span.start_char, named_at=span.start_char, kind="org")  # "Lycos said"
    short = tracker.org_by_short_name(span.text, span.start_char)
    if short is not None:  # "Stuff predicts" after "a round-up compiled by Stuff Magazine"
        return Speaker(short[0], span.start_char, resolved_from=span.text, named_at=short[1], kind="org")
    around = org_entity(subject)
    if around is not None and around.start < span.start and around.end == span.end \
            and not any(t.ent_type_ == "PERSON" or t.lower_ in TITLE_WORDS for t in around) \
            and not after_person_noun(around):
        return _organisation(subject, tracker)  # "Scotland Yard": NER's organisation, of which "Yard" is no surname
    if all(t.ent_type_ in ORG_LABELS for t in span) and tracker.org_like(span.text):
        org = _organisation(subject, tracker)  # "Microsoft says": NER's organisation, never named as a person
        if org is not None:
            return org
    return Speaker(span.text, span.start_char, named_at=span.start_char)
