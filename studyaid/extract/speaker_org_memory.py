"""What a document's organisations have said, for the speakers that re-name them: "the company said", "it
says", "the spokesperson added", "she added" after "a Harbour Air spokeswoman said". Kept by
:class:`.speaker_tracker.PersonTracker`, of which :class:`OrgMemory` is the organisation half (it reads the
tracker's sentences, blocked spans and people); the rules for one organisation's name are :mod:`.speaker_orgs`.
"""
from __future__ import annotations

from collections import defaultdict

from ..lexicon import FINDING_VERBS, SPEECH_VERBS
from .common import subject_of
from .doc_index import inside as _inside
from .speaker_names import Gender
from .speaker_orgs import (ORG_KINDS, ORG_LABELS, SOURCE_NOUNS, compiled_by, definite_noun, kinds_of, named_after_kind,
                           noun_word, org_entity, same_kind)

# How many sentences back "the paper" looks for the one paper it re-names when the article names several.
KIND_WINDOW = 1
# Nouns of the people who speak for an organisation, and the gender they give ("she" may go on for a spokeswoman).
VOICE_GENDERS = {"spokesman": "m", "spokeswoman": "f", "spokesperson": None, "representative": None}
# How many sentences back "it says" looks for the organisation last credited; "they said", only one.
ORG_PRONOUN_WINDOW = 3
PLURAL_PRONOUN_WINDOW = 1


def _resolve(subject, tracker):
    """:func:`.speakers.resolve_speaker`, imported when called: it reads this memory, so this module is
    imported by it first."""
    from .speakers import resolve_speaker
    return resolve_speaker(subject, tracker)


class OrgMemory:
    """The organisations a document credits with words or names with a kind noun, and the spokespeople who spoke
    for them; the half of :class:`.speaker_tracker.PersonTracker` that answers for organisations."""

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
                    found = _resolve(credited, self)  # as a quote would credit it: never a person's name
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
                    named = _resolve(tok, self)  # "Delta has been hit by rising costs. It has said ..."
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

    def voiced_org(self, pos: int) -> tuple[str, int] | None:
        """The organisation a bare "the spokesperson" at ``pos`` speaks for: the one whose spokesperson spoke in
        the last few sentences ("A Delta spokesperson confirmed ... . The spokesperson also said ..."), if
        only one did."""
        self._org_mentions()
        here = self._sent_of(pos)
        found = {name: named_at for at, name, named_at, _ in self._voices
                 if at < pos and here - self._sent_of(at) <= ORG_PRONOUN_WINDOW}
        return found.popitem() if len(found) == 1 else None
