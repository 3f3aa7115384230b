"""Who is speaking: the person, organisation or group a speech verb's subject names.

A speaker is given as a name ("Rutte", "NATO Secretary-General Mark Rutte"), a pronoun ("he") or a title ("the
Russian president"). Names are grown from the subject token (:mod:`.speaker_names`); pronouns, titles, ages and
descriptions are resolved among the people the document names (:mod:`.speaker_tracker`).

Organisations speak where the article credits them (:mod:`.speaker_orgs`: "Microsoft said", "a Uefa
spokesman", "the paper says" after "the Leeds daily X"; re-named as :mod:`.speaker_org_memory` remembers them),
unnamed groups as written (:mod:`.speaker_groups`: "lawyers for the two men", "analysts").
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon import DESCRIPTION_NOUNS, FEMALE_NOUNS, MALE_NOUNS, ORG_NOUNS, ORG_VOICES, PERSON_PRONOUNS, TITLE_WORDS
from .speaker_groups import after_person_noun, collective_named, group_named, title_after
from .speaker_names import (Speaker, _described_age, is_modifier_or_thing, looks_like_person, name_span,
                            pronoun_gender)
from .speaker_org_memory import VOICE_GENDERS
from .speaker_orgs import (ORG_KINDS, ORG_LABELS, SOURCE_NOUNS, branch_of, definite_noun, is_kind_word,
                           kind_then_name, main_clause, named_after_kind, noun_word, org_entity, plural_agreement,
                           spelled_out)
from .speaker_tracker import PersonTracker

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["PersonTracker", "Speaker", "looks_like_person", "name_span", "named_organisation", "pronoun_gender",
           "resolve_speaker"]


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


def named_organisation(subject: "Token", tracker: "PersonTracker") -> Speaker | None:
    """The organisation a name credits, read as one whatever NER says of its words: the antecedent of "which"
    ("the National Council for X, which said ...") is never a person."""
    return _organisation(subject, tracker)


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
