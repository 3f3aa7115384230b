"""Who a speech verb credits: its subject, shared along conjoined verbs, a gerund's ("by claiming ..."), a name
the parser hung on the noun before "and", the antecedent of "who"/"which"; whether the words quoted name the one a
pronoun resolved to; the sentence naming a speaker given as "he". Used by :mod:`.quotes`, :mod:`.reported_speech`
and :mod:`.quote_verdicts`; who a subject names is :mod:`.speakers`.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Sequence

from ..document import Document, Source
from ..lexicon import PERSON_PRONOUNS
from .common import span_source, subject_of
from .doc_index import Ranges
from .quote_marks import Quotation
from .speakers import Speaker

if TYPE_CHECKING:
    from spacy.tokens import Token

# Prepositions before a speech verb's gerund whose speaker is the subject of the verb they hang on: "X stepped up
# the row by claiming ...", "after saying ...", "in admitting ..."; never "without saying".
GERUND_PREPS = frozenset({"by", "after", "before", "while", "in", "when"})


def _outside(pos: int, quotations: "Sequence[Quotation]") -> bool:
    """``pos`` is neither inside a quotation nor on its marks."""
    if isinstance(quotations, Ranges):
        return not quotations.near(pos)
    return not any(q.start - 1 <= pos <= q.end for q in quotations)


def _subject(verb: "Token", quotations: "list[Quotation] | None" = None) -> "Token | None":
    """The subject of a speech verb, shared along conjoined verbs; never a word inside a quotation."""
    subject = subject_of(verb) or _stranded_subject(verb) or subject_of(verb, shared=True)
    if subject is None and verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.lower_ in GERUND_PREPS \
            and verb.head.head.pos_ in ("VERB", "AUX"):
        subject = subject_of(verb.head.head, shared=True)  # "X stepped up the row by claiming ...": X claims
    if subject is None and verb.dep_ == "pcomp" and verb.head.lower_ == "as" and verb.head.head.pos_ == "VERB" \
            and verb.head.head.lemma_.lower() in ("quote", "report"):
        subject = subject_of(verb.head.head)  # "the Arsenal boss is quoted as saying": the one quoted speaks
    if subject is not None and quotations and not _outside(subject.idx, quotations):
        return None  # '"Xavi did things ...," the paper beams, adding': Xavi is quoted, not speaking
    return subject


def _stranded_subject(verb: "Token") -> "Token | None":
    """The name right before a conjoined verb that the parser hung on the noun before the "and" instead: "He was
    linked with the job at Kelvale and Boyd has stated he would ..." parses Boyd as a second "Kelvale" and gives
    "stated" no subject (so the first verb's would be taken). Only a name or "he/she", written right before the
    verb (its auxiliaries and adverbs between), after "and"/"but", and no part of the first verb's subject."""
    if verb.dep_ != "conj" or verb.head.pos_ not in ("VERB", "AUX"):
        return None
    doc = verb.doc
    i = verb.i - 1
    while i > verb.head.i and doc[i].head == verb and doc[i].dep_ in ("aux", "neg", "advmod"):
        i -= 1
    name = doc[i]
    if i <= verb.head.i or name.dep_ != "conj" or name.head.pos_ not in ("PROPN", "NOUN") \
            or not (name.pos_ == "PROPN" or name.lower_ in ("he", "she")):
        return None
    first = name.left_edge.i
    if first == 0 or doc[first - 1].lower_ not in ("and", "but") or doc[first - 1].head != name.head:
        return None
    head_subject = subject_of(verb.head, shared=True)
    if head_subject is not None and name.i in {t.i for t in head_subject.subtree}:
        return None  # "Reid and Boyd arrived and have stated ...": both are the first verb's subject
    return name


def _names_its_speaker(quoted: str, speaker: Speaker) -> bool:
    """A quotation that names, by first name or surname, the person a pronoun resolved its speaker to: '"I said
    to Harry I hoped he would stay," he said' speaks to or of Harry, so Harry is not the one speaking."""
    if speaker.kind != "person" or not speaker.resolved_from or speaker.resolved_from.lower() not in PERSON_PRONOUNS:
        return False
    words = set(re.findall(r"[A-Z][\w'-]+", quoted))
    return any(len(part) > 2 and part in words for part in speaker.name.split())


def _antecedent_source(doc, document: Document, speaker: Speaker, own: "Source"):
    """The sentence naming a speaker given as "he", so the answer can be checked in the sources."""
    if speaker.named_at is None or own.start <= speaker.named_at < own.end:
        return []
    span = doc.char_span(speaker.named_at, speaker.named_at + 1, alignment_mode="expand")
    if span is None:
        return []
    sent = span[0].sent
    return [span_source(document, sent.start_char, sent.end_char)]


def _after_its_prep(subject: "Token", conjunct: "Token") -> bool:
    """A conjunct after the subject's own "for/of/from" phrase is more of that phrase's name, whatever the parser
    says: "A spokesman for the Department for Culture, Media and Sport said" has one speaker, not "Media"."""
    return any(c.dep_ == "prep" and c.lower_ in ("for", "of", "from", "at") and subject.i < c.i < conjunct.i
               for c in subject.children)


def _relative_antecedent(subject: "Token | None") -> "Token | None":
    """The noun a relative pronoun stands for: 'Tom Reid, who described the defeat as ...' speaks as Tom Reid."""
    if subject is None or subject.tag_ not in ("WP", "WDT") or subject.head.dep_ != "relcl":
        return subject
    return subject.head.head if subject.head.head.pos_ in ("NOUN", "PROPN") else None


def _relative_speaker(subject: "Token | None") -> "Token | None":
    """The speaker of a speech verb in a relative clause: "Kelvale boss X, who believes that ..." is X; "the Office
    of Fair Trading, which concluded that ..." is the named body; never a thing ("the list which predicts what
    ..."): "which" only after a name."""
    if subject is None or subject.lower_ not in ("who", "which"):
        return subject
    doc = subject.doc
    before = subject.i - 1 - (subject.i > 1 and doc[subject.i - 1].text == ",")
    if subject.lower_ == "who" and before >= 0 and doc[before].pos_ == "PROPN" and doc[before].ent_type_ == "PERSON":
        return doc[before]  # "refused awards, including actor X who said ...": X, whatever the parser hangs it on
    found = _relative_antecedent(subject)
    if found is None or not all(t.is_punct for t in doc[found.right_edge.i + 1: subject.i]):
        return None
    return found if subject.lower_ == "who" or found.pos_ == "PROPN" else None
