"""Titles given in a description of a person named before: "Kelly Holmes has pulled out ... / The double
Olympic champion said"; "Tom Baxter scored twice ... said the 28-year-old striker".

Read only where one person is meant beyond doubt: the one person a one-sentence lead paragraph is about, or the
one person an age description can re-name (:meth:`PersonTracker.by_age`: the one person named with that age, or
the one person the nearest sentence names). A bare "the striker" may be anyone: no title is read from it.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterator

from ..document import Document
from ..facts import Role
from ..lexicon import FEMALE_NOUNS, MALE_NOUNS, TITLE_MODIFIERS
from .common import clean_text, doc_text, in_junk, provisional_ref, sentence_source
from .quote_marks import find_quotations
from .speaker_names import _described_age
from .speaker_tracker import PersonTracker
from .titles import ORG_LABELS, Found, office_word, organisation, title_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# The title in front of a name and where its whole role begins (roles._title_ending_at).
TitleBefore = Callable[["Span"], "tuple[Found, int] | None"]


def described_after_naming(doc: "Doc", document: Document, is_place: Callable[[str], bool],
                           title_before: TitleBefore) -> Iterator[Role]:
    """"Kelly Holmes has pulled out of the race.\\n\\nThe double Olympic champion said: ..." -- a paragraph
    opening with "The" and a title as its subject, right after a one-sentence paragraph (a news lead) whose
    subject is the only person it names, describes that person. Nothing when the lead names two people, the
    description holds a name, the sentences run on in one paragraph, or the noun named someone before."""
    sents = [sent for sent in doc.sents if sent.text.strip()]
    text = doc.text

    def new_paragraph(a: "Span", b: "Span") -> bool:
        return "\n" in text[a.start_char + len(a.text.rstrip()): b.start_char + 1]

    for k, (before, sent) in enumerate(zip(sents, sents[1:])):
        if not new_paragraph(before, sent) or k > 0 and not new_paragraph(sents[k - 1], before):
            continue  # a paragraph of one sentence about one person, and the next opening with the description
        first = next(t for t in sent if not t.is_space)
        if first.lower_ != "the" or first.dep_ != "det" or in_junk(document, sent):
            continue
        office = first.head
        if office.dep_ not in ("nsubj", "nsubjpass") or office.tag_ != "NN" or not office_word(office) \
                or any(t.ent_type_ == "PERSON" for t in office.subtree) or any(c.dep_ == "prep" for c in office.children):
            continue
        if any(t.pos_ not in ("ADJ", "PROPN", "NOUN") and t.text != "-" for t in doc[first.i + 1: office.i]):
            continue
        if any(t.lemma_.lower() == office.lemma_.lower() for t in doc[: before.start]):
            continue  # "A Delta spokesperson ... The spokesperson": the noun named someone else before
        people = {e.text for e in before.ents if e.label_ == "PERSON"}
        if len(people) != 1:
            continue
        person = next(e for e in before.ents if e.label_ == "PERSON")
        if len(person) < 2 or person.root.dep_ not in ("nsubj", "nsubjpass") or is_place(person.text):
            continue  # a full name, the subject of its sentence
        found = title_before(doc[office.i + 1: office.i + 2])
        if found is None or found[1] != first.i + 1:
            continue  # the whole description must be the title ("The double Olympic champion")
        title, organization, role_text = found[0]
        yield Role(
            person=provisional_ref(person.text, "person"),
            title=title,
            organization=organization,
            role=role_text,
            sources=[sentence_source(document, sent)],
            confidence=0.6,
        )


def described_by_age(doc: "Doc", document: Document, is_place: Callable[[str], bool]) -> Iterator[Role]:
    """"Tom Baxter scored twice. ... said the 28-year-old striker", "The 40-year-old Kelvale skipper has promised
    ...": an office described with an age after "the" names the one person that age can re-name
    (:meth:`PersonTracker.by_age`). Never "a 28-year-old striker" (someone new), a description with a clause or a
    preposition of its own ("the 28-year-old striker who ..."), one that is not its clause's subject ("a bet on the
    39-year-old actor"), one inside a quotation, or two people who fit."""
    offices = [t for t in doc if t.tag_ == "NN" and t.is_lower and office_word(t) and _described_age(t) is not None]
    if not offices:
        return
    quotations = [(q.start, q.end) for q in find_quotations(doc_text(doc))]
    tracker = PersonTracker(doc, quotations + [(e.start, e.end) for e in document.excluded], is_place)
    for office in offices:
        if in_junk(document, office) or any(start <= office.idx < end for start, end in quotations):
            continue
        if office.dep_ not in ("nsubj", "nsubjpass") or any(c.dep_ in ("prep", "relcl", "acl", "appos")
                                                             for c in office.children):
            continue  # "a bet on the 39-year-old actor": an object may be anyone the sentence is about
        gender = "m" if office.lower_ in MALE_NOUNS else "f" if office.lower_ in FEMALE_NOUNS else None
        found = tracker.by_age(office.idx, _described_age(office), gender)
        if found is None or found[1] >= office.sent.start_char:
            continue  # a person the description's own sentence names is someone else ("Ann Roe told the 28-year-old")
        found_title = _title_after_age(office)
        if found_title is None:
            continue
        title, organization, role_text = found_title
        yield Role(
            person=provisional_ref(found[0], "person"),
            title=title,
            organization=organization,
            role=role_text,
            sources=[sentence_source(document, office.sent)],
            confidence=0.6,
        )


def _title_after_age(office: "Token") -> Found | None:
    """The title between the age and the office: "the 28-year-old Welsh striker" -> ("striker", "Wales",
    "Welsh striker"); lower-case words joined to the office stay in the title ("comedy star")."""
    doc = office.doc
    old = next(c.i for c in office.children if c.dep_ == "amod" and c.lower_ == "old")
    words = list(doc[old + 1: office.i + 1])
    if any(t.ent_type_ == "PERSON" or not (t.is_alpha or t.text in ("-", "'s")) for t in words):
        return None
    org_toks = [t for t in words if t.ent_type_ in ORG_LABELS or t.pos_ == "PROPN" and t.text[:1].isupper()]
    title_words = [office]
    for tok in reversed(words[:-1]):
        if tok.i != title_words[0].i - 1 or not tok.is_lower or tok.dep_ not in ("compound", "amod") \
                or tok.pos_ == "ADJ" and tok.lower_ not in TITLE_MODIFIERS:
            break
        title_words.insert(0, tok)
    title = title_text(title_words)
    organization = organisation(" ".join(t.text for t in org_toks)) if org_toks else None
    return (title, organization, clean_text(doc[old + 1: office.i + 1].text)) if title else None
