"""The people a document names, in text order, for resolving pronouns and descriptions to a person.

A pronoun is resolved among the people named earlier outside quotations and junk, whose gender does not
disagree with it (Mr/Mrs, "the actress X"): first the subject of the same or the previous narrative sentence,
then the subject of the previous speech act, then the nearest person named. A title ("the Russian president")
re-names the person last written with it, an age ("the 28-year-old") the one person it fits, a description
("said the Kelvale player") the one person the headline names. The organisations the document credits are
kept by the :class:`.speaker_org_memory.OrgMemory` half of the tracker.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from ..lexicon import (DESCRIPTION_NOUNS, FEMALE_NOUNS, HONORIFICS, MALE_NOUNS, OFFICES, PERSON_PRONOUNS, SPEECH_VERBS,
                       TITLE_WORDS, country_of)
from .common import doc_text
from .doc_index import SpanSet, inside
from .speaker_names import (OTHER_LABELS, Gender, _age_at, _name_like, _stated_age, gender_near, is_modifier_or_thing,
                            name_span, pronoun_gender)
from .speaker_org_memory import OrgMemory
from .speaker_orgs import ORG_KINDS, ORG_LABELS, named_after_kind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# How many narrative sentences back a pronoun looks for a subject before it falls back on the last speaker.
SUBJECT_WINDOW = 2
# How many narrative sentences before an age description ("the 28-year-old") it looks back for the person.
AGE_WINDOW = 2
# narrative sentences "he"/"she" may reach back further, through sentences whose subject is that pronoun
PRONOUN_CHAIN = 2
# Prepositions before a place's name: "in Staunton" is the town, whoever else the article calls Staunton.
PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "from", "to", "into", "outside", "around"})


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
    """Places, and one-word nationalities or countries ("the Welsh had the upper hand": never a person), unless
    the article gives the word as a person's surname with a first name."""
    def test(name: str) -> bool:
        return name not in given and (is_place(name) or " " not in name and country_of(name) is not None)

    return test


class PersonTracker(OrgMemory):
    """People named in a document outside quotations and junk, in text order, for resolving pronouns."""

    def __init__(self, doc: "Doc", blocked: Sequence[tuple[int, int]], is_place,
                 headline: tuple[int, str] | None = None) -> None:
        # the article's headline (where it ends, its words), read from the raw text when it is masked as junk
        self._headline = headline
        # a surname the article gives with a first name is a person's, whatever the gazetteer says ("Alex Ferguson")
        given = {_surname_of(e).text for e in doc.ents if e.label_ == "PERSON" and len(_names_of(e)) > 1
                 and _name_like(e[0])}
        self._given = frozenset(given)
        # ... and a name "who" stands for is a person's, whatever towns share it ("Leigh, who had been nominated")
        people = given | {t.text for t in doc if t.pos_ == "PROPN" and t.ent_type_ == "PERSON" and any(
            c.dep_ == "relcl" and any(w.dep_ == "nsubj" and w.lower_ == "who" for w in c.children) for c in t.children)}
        self.is_place = is_place = _unless_given(is_place, frozenset(people))
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
            span = name_span(_surname_of(ent), is_place)  # "Mike Leigh's" as NER may span it
            if span is None or is_modifier_or_thing(span) or _firm_named(span):
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
            # a surname the article writes with a first name, wherever it stands but after a place's preposition
            # ("a debut nomination for Staunton, 49, who told ..." with "Imelda Staunton" before; not "in Staunton")
            known = tok.text in self._surnames and (tok.dep_ in ("nsubj", "nsubjpass") or tok.text in self._given
                                                    and not (tok.i > 0 and doc[tok.i - 1].lower_ in PLACE_PREPOSITIONS))
            span = name_span(tok, is_place) if known or _name_like(tok) else None
            honoured = span is not None and span.start > 0 and doc[span.start - 1].lower_ in HONORIFICS
            if span is not None and (known or honoured) and not self.is_organisation(span.text):
                self._insert(self._named_from(span, span.start_char))
                self._surnames.add(span[-1].text)
                gender = gender_near(span)
                if gender:
                    self._gender.setdefault(span[-1].text, gender)

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
            earlier_pronoun = next((t for t in self._sents[s] if t.dep_ in ("nsubj", "nsubjpass") and t.idx < pos
                                    and t.lower_ in PERSON_PRONOUNS and gender in (None, pronoun_gender(t.text))
                                    and not _inside(t.idx, self._blocked)), None)
            if named and earlier_pronoun is not None:  # "The problem with X's film, he believed, was ...": "he"
                return self.resolve_pronoun(earlier_pronoun.idx, gender, pronoun=True)  # goes on as that "he"
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
        """The sentence's main subject is "he"/"she" (of a gender that does not disagree), or a description that
        re-names someone as a pronoun does ("The confident 23-year-old is undaunted", "the young striker"), outside
        quotations."""
        span = self._sents[sent]
        if span.start + 5 < span.end and span[0].lower_ == "the" and span[5].lower_ == "old" \
                and _age_at(span.doc, span.start + 5) is not None and not _inside(span[0].idx, self._blocked):
            return True  # "The 28-year-old fractured his arm ...", however the parser reads the verb
        return any(t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT" and not _inside(t.idx, self._blocked)
                   and (t.lower_ in PERSON_PRONOUNS and gender in (None, pronoun_gender(t.text))
                        or _renaming_description(t) and noun_gender(t.lower_) in (None, gender))
                   for t in span)

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
            if found and not any(n.subject for n in found.values()) and self._described_subject(s):
                continue  # "The star of Rain Man and Tootsie said ...": the names of a description, not the person
            if found:
                if len(found) > 1:
                    return None
                person = found.popitem()[1]
                return person.name, person.named_at
        return None

    def _described_subject(self, sent: int) -> bool:
        """The sentence's main subject is a definite common noun ("The star of X and Y said ...")."""
        return any(t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT" and t.pos_ == "NOUN"
                   and t.doc[t.left_edge.i].lower_ == "the" for t in self._sents[sent])

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


def _renaming_description(subject: "Token") -> bool:
    """A definite description of one person, with nothing saying it is someone new: an age ("the 23-year-old",
    "the 35-year-old striker") or "the (adjectives) player/striker/star" without a phrase or clause after it."""
    first = subject.doc[subject.left_edge.i]
    old = subject.i if subject.lower_ == "old" else \
        next((c.i for c in subject.children if c.dep_ == "amod" and c.lower_ == "old" and c.i < subject.i), None)
    if old is not None and first.lower_ == "the" and _age_at(subject.doc, old) is not None:
        return True
    return subject.tag_ == "NN" and subject.lower_ in DESCRIPTION_NOUNS and first.lower_ == "the" \
        and not any(c.dep_ in ("prep", "relcl", "acl", "appos") for c in subject.children)


def _names_of(ent: "Span") -> "Span":
    """A person entity without the possessive or the punctuation NER may take into it ("Mike Leigh's" -> "Mike
    Leigh", "Joshua Rifkin -" -> "Joshua Rifkin")."""
    while len(ent) > 1 and (ent[-1].tag_ == "POS" or ent[-1].is_punct):
        ent = ent[:-1]
    return ent


def _surname_of(ent: "Span") -> "Token":
    return _names_of(ent)[-1]


def _firm_named(span: "Span") -> bool:
    """A name written right after a noun of an organisation's kind ("his company Scott Free", "record label X"),
    whatever NER calls it: a firm's name, never a person's."""
    found = named_after_kind(span.root)
    return found is not None and span.root.doc[found.start - 1].lower_ in ORG_KINDS


def noun_gender(noun: str) -> Gender:
    return "m" if noun in MALE_NOUNS else "f" if noun in FEMALE_NOUNS else None


def _inside(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    return inside(pos, spans)
