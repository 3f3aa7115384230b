"""Who said what: direct quotations and reported speech, with speakers resolved.

Handled: ``"...," Rutte said`` (cue after, possibly parsed as its own sentence), ``Trump told
reporters: "..."`` (cue before), ``"...," stressed Putin`` (inverted), a quote split around its cue
(``"A," he said, "B."``), quotes spanning sentences, continuing quotes with no new cue (next sentence or
next paragraph), reported speech (``Macron said the plan is not about ...``) with its partial quotes
(``would be treated as "legitimate targets"``), ``according to X``, and pronoun or title speakers
(``he told RFE/RL``, ``the Russian president``) resolved by agreement and salience (see :mod:`.speakers`).

Not statements: scare quotes and titles (``"reassurance force"``, ``"Long Story Short"``) and
quoted fragments inside a sentence; they only ever appear as partial quotes of reported speech.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterator, Sequence

from ..document import Document, Source
from ..facts import Quote
from ..lexicon import (CHARACTERISING_VERBS, DIRECTIVE_VERBS, FINDING_VERBS, OPINION_VERBS, PERSON_PRONOUNS,
                       PRESENT_TAGS, QUOTE_VERBS,
                       REPORT_VERBS)
from .common import QUOTE_CHARS, doc_text, clean_text, provisional_ref, span_source, subject_of
from .doc_index import Ranges
from .quote_marks import Quotation, find_quotations, find_single_quotations
from .speakers import PersonTracker, Speaker, named_organisation, pronoun_gender, resolve_speaker

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

MIN_REPORTED_WORDS = 4
FINITE_TAGS = {"VBD", "VBP", "VBZ", "MD"}
# Characterising verbs whose verdict follows "as": 'described the bid as "a joke"', 'praised him as "a natural"'.
AS_VERBS = frozenset({"describe", "praise", "hail", "brand", "label", "dub"})
# ... and those whose verdict may follow "for": 'praised her for her "fearless attacking"'.
FOR_VERBS = frozenset({"praise", "hail"})
# "As far as X knows, ...", "as far as the club is aware, ...": the rest of the sentence is X's account.
AS_FAR_AS_VERBS = frozenset({"know", "understand", "remember", "recall"})
AS_FAR_AS_ADJECTIVES = frozenset({"aware", "concerned"})
# Prepositions before a speech verb's gerund whose speaker is the subject of the verb they hang on: "X stepped up
# the row by claiming ...", "after saying ...", "in admitting ..."; never "without saying".
GERUND_PREPS = frozenset({"by", "after", "before", "while", "in", "when"})
# Words that open a reported question rather than a claim: "explained why ...", "told them how ...".
INDIRECT_QUESTION_WORDS = frozenset({"why", "how", "when", "where"})


@dataclass
class _Attributed:
    quotation: Quotation
    span: "Span"
    speaker: Speaker
    cue: "Token | None"
    source_start: int
    source_end: int
    paragraph: int


def extract_quotes(doc: "Doc", document: Document, is_place: Callable[[str], bool] = lambda name: False) -> Iterator[Quote]:
    """Yield direct quotations first, then reported speech, from one parsed document."""
    text = doc_text(doc)
    # indexed, so that "is this offset quoted?" and "which quotations lie in this clause?" are bisections (issue 13)
    quotations = Ranges(q for q in find_quotations(text) if document.exclusion_at(q.start, q.end) is None)
    blocked = [(q.start, q.end) for q in quotations] + [(e.start, e.end) for e in document.excluded]
    heading = next((e for e in document.excluded if e.reason == "heading" and not text[:e.start].strip()), None)
    headline = (heading.end, document.text[heading.start: heading.end].strip()) if heading is not None else None
    tracker = PersonTracker(doc, blocked, is_place, headline)
    direct = list(_direct(doc, document, quotations, tracker, is_place))
    for item in direct:
        yield _quote_from(item, document, doc)
    direct_ranges = Ranges(a.quotation for a in direct)
    yield from _reported(doc, document, quotations, direct_ranges, tracker, is_place)
    yield from _as_far_as(doc, document, quotations, direct_ranges, tracker, is_place)
    verdicts = list(quotations) + [q for q in find_single_quotations(text) if document.exclusion_at(q.start, q.end) is None
                             and _outside(q.start, quotations)]
    yield from _characterised(doc, document, verdicts, direct_ranges, tracker, is_place)


def _paragraph_of(text: str, pos: int) -> int:
    return text.count("\n", 0, pos)


def _paragraph_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end == -1 else end


def _is_statement(q: Quotation, span: "Span", text: str) -> bool:
    """A quotation that says something on its own, not a scare quote, title or fragment."""
    if q.words < 3 or not any(t.pos_ in ("VERB", "AUX") for t in span):
        return False
    first = q.text.lstrip(" .\u2026(")
    if not first[:1].isupper():
        return False
    before = text[: q.start - 1].rstrip()
    return not before or before[-1] in ":,.?!\n\u2014\u2013" or before[-1] in "\"\u201d"


def _outside(pos: int, quotations: "Sequence[Quotation]") -> bool:
    """``pos`` is neither inside a quotation nor on its marks."""
    if isinstance(quotations, Ranges):
        return not quotations.near(pos)
    return not any(q.start - 1 <= pos <= q.end for q in quotations)


def _cue_for(q: Quotation, span: "Span", quotations: list[Quotation]) -> "tuple[Token, int, int] | None":
    """The speech verb attributing ``q``, and the extent of text it attributes (sentence bounds)."""
    doc = span.doc
    first, last = span[0].sent, span[-1].sent
    windows: list["Span"] = [last] if first == last else [first, last]
    if last.end < len(doc):  # '"Why ...?" Rutte said.' parses as two sentences
        nxt = doc[last.end].sent
        if nxt.start_char - q.end <= 3 and len(nxt) <= 12:
            windows.append(nxt)
    if first.start > 0:  # 'Trump told reporters: "Yeah, I will."'
        prev = doc[first.start - 1].sent
        if prev.text.rstrip().endswith(":"):
            windows.append(prev)
    best: "tuple[int, Token, Span] | None" = None
    for window in windows:
        for tok in window:
            if tok.lemma_.lower() in QUOTE_VERBS and tok.pos_ == "VERB" and _outside(tok.idx, quotations):
                dist = min(abs(tok.idx - q.start), abs(tok.idx - q.end))
                if best is None or dist < best[0]:
                    best = (dist, tok, window)
    if best is None:
        return None
    _, tok, window = best
    return tok, min(first.start_char, window.start_char), max(last.end_char, window.end_char)


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


def _direct(doc, document, quotations, tracker, is_place) -> Iterator[_Attributed]:
    text = doc_text(doc)
    previous: _Attributed | None = None
    for q in quotations:
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        if previous is not None and _split_around_cue(previous, q, text):
            # '"A," he said, "and b."': the second part continues the first, whatever its case or length
            previous.quotation = Quotation(previous.quotation.start, q.end,
                                           f"{previous.quotation.text.rstrip(' ,')} {q.text}")
            previous.source_end = max(previous.source_end, span[-1].sent.end_char)
            continue
        if not _is_statement(q, span, text):
            continue
        paragraph = _paragraph_of(text, q.start)
        found = _cue_for(q, span, quotations)
        speaker: Speaker | None = None
        cue = None
        if found is not None:
            cue, start, end = found
            subject = _subject(cue, quotations)
            speaker = resolve_speaker(subject, tracker, is_place) if subject is not None else None
            if speaker is None:
                continue  # a cue with an unknown or non-person speaker: not attributable
            if _names_its_speaker(q.text, speaker):
                if previous is not None:  # '"I said to Harry ...," he said': "he" is not Harry, and who is unsure
                    yield previous
                previous = None
                continue
        elif previous is not None and _continues(previous, q, text, paragraph):
            speaker = Speaker(previous.speaker.name, q.start, resolved_from=previous.speaker.resolved_from,
                              named_at=previous.speaker.named_at, kind=previous.speaker.kind)
            start, end = span[0].sent.start_char, span[-1].sent.end_char
        else:
            speaker = _speaker_of_sentence_before(span, q, text, tracker, is_place) \
                or _speaker_of_paragraph_before(span, q, text, tracker, is_place)
            if speaker is None:
                continue
            start, end = span[0].sent.start_char, span[-1].sent.end_char
        item = _Attributed(q, span, speaker, cue, start, end, paragraph)
        # a quote split around its cue: '"A," he said, "B."' shares one sentence and one cue
        if previous is not None and cue is not None and previous.cue is not None and previous.cue.i == cue.i:
            previous.quotation = Quotation(previous.quotation.start, q.end,
                                           f"{previous.quotation.text.rstrip(' ,')} {q.text}")
            previous.source_end = max(previous.source_end, end)
            continue
        if previous is not None:
            yield previous
        if speaker.kind == "person":  # "he" is never an organisation
            tracker.add(speaker.name, q.start, speaker.named_at,
                        pronoun_gender(speaker.resolved_from) if speaker.resolved_from else None)
        previous = item
    if previous is not None:
        yield previous


def _names_its_speaker(quoted: str, speaker: Speaker) -> bool:
    """A quotation that names, by first name or surname, the person a pronoun resolved its speaker to: '"I said
    to Harry I hoped he would stay," he said' speaks to or of Harry, so Harry is not the one speaking."""
    if speaker.kind != "person" or not speaker.resolved_from or speaker.resolved_from.lower() not in PERSON_PRONOUNS:
        return False
    words = set(re.findall(r"[A-Z][\w'-]+", quoted))
    return any(len(part) > 2 and part in words for part in speaker.name.split())


def _split_around_cue(previous: _Attributed, q: Quotation, text: str) -> bool:
    """``q`` is the second half of a quotation split by its cue within one sentence: '"A," he said, "b."'."""
    if previous.cue is None or previous.quotation.unclosed:
        return False
    if not previous.quotation.end < previous.cue.idx < q.start:
        return False
    between = text[previous.quotation.end + 1: q.start - 1]
    return "\n" not in between and not re.search(r"[.!?;]", between) and between.rstrip().endswith(",")


def _speaker_of_sentence_before(span, q: Quotation, text: str, tracker, is_place) -> Speaker | None:
    """A quotation opening a sentence, with no cue, right after a sentence of the same paragraph that ends in a
    person's reported speech ("..., but Ms Lee said the plan was late. "We knew that in May, ...") goes on
    with that person's words: the last speech act of that sentence, if it reports a clause."""
    doc = span.doc
    sent = span[0].sent
    if re.sub(r"[\s\"\u201c\u201d\u2018']", "", text[sent.start_char:q.start]) or sent.start == 0:
        return None
    before = doc[sent.start - 1].sent
    if "\n" in text[before.end_char:sent.start_char]:
        return None
    acts = [t for t in before if t.pos_ == "VERB" and t.lemma_.lower() in REPORT_VERBS - OPINION_VERBS
            and _subject(t, None) is not None]
    if not acts or not any(c.dep_ == "ccomp" and c.i > acts[-1].i for c in acts[-1].children) \
            or any(ch in QUOTE_CHARS for ch in text[acts[-1].idx:before.end_char]):
        return None  # the last speech act reports no clause after it, or a quotation follows: its own speaker's
    subject = _subject(acts[-1], None)
    if subject.dep_ == "nsubjpass":
        return None
    found = resolve_speaker(subject, tracker, is_place)
    if found is None or found.kind != "person":
        return None
    return Speaker(found.name, q.start, resolved_from=found.resolved_from, named_at=found.named_at)


def _speaker_of_paragraph_before(span, q: Quotation, text: str, tracker, is_place) -> Speaker | None:
    """A quote-only paragraph right after a paragraph of reported speech continues that speaker."""
    p_start, p_end = _paragraph_bounds(text, q.start)
    if re.sub(r"[\s\"\u201c\u201d.,]", "", text[p_start:q.start - 1] + text[q.end + 1:p_end]):
        return None
    doc = span.doc
    i = span[0].sent.start - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    if i < 0:
        return None
    for tok in doc[i].sent:
        if tok.lemma_.lower() in REPORT_VERBS and tok.pos_ == "VERB":
            subject = _subject(tok, None)
            found = resolve_speaker(subject, tracker, is_place) if subject is not None else None
            if found is not None:
                return Speaker(found.name, q.start, resolved_from=found.resolved_from, named_at=found.named_at,
                               kind=found.kind)
    return None


def _continues(previous: _Attributed, q: Quotation, text: str, paragraph: int) -> bool:
    """A cue-less quotation continuing the previous speaker's quote (same or next paragraph)."""
    between = text[previous.quotation.end: q.start]
    outside = re.sub(r"[\s\"\u201c\u201d.,]", "", between)
    if paragraph == previous.paragraph:
        return len(outside) < 40 or previous.cue is not None and previous.cue.idx < q.start
    p_start, p_end = _paragraph_bounds(text, q.start)
    rest = text[p_start:q.start - 1] + text[q.end + 1:p_end]
    quote_only = not re.sub(r"[\s\"\u201c\u201d.,]", "", rest)
    _, prev_end = _paragraph_bounds(text, previous.quotation.start)
    nearby = not text[prev_end:p_start].strip()  # only blank lines between the two paragraphs
    # or the paragraph opens with the quotation and the one before ended with the previous quotation and its cue
    opens = not re.sub(r"[\s\"\u201c\u201d]", "", text[p_start:q.start - 1])
    tail = text[previous.quotation.end + 1:prev_end]
    ended = len(re.sub(r"[\s\"\u201c\u201d.,]", "", tail)) < 40 and not re.search(r"[.!?]\s+\S", tail)
    return nearby and (quote_only or opens and ended and previous.cue is not None and previous.speaker.kind == "person")


def _antecedent_source(doc, document: Document, speaker: Speaker, own: "Source"):
    """The sentence naming a speaker given as "he", so the answer can be checked in the sources."""
    if speaker.named_at is None or own.start <= speaker.named_at < own.end:
        return []
    span = doc.char_span(speaker.named_at, speaker.named_at + 1, alignment_mode="expand")
    if span is None:
        return []
    sent = span[0].sent
    return [span_source(document, sent.start_char, sent.end_char)]


def _quote_from(item: _Attributed, document: Document, doc) -> Quote:
    speaker = item.speaker
    resolved = speaker.resolved_from
    confidence = 0.9 if item.cue is not None and not resolved else 0.8 if item.cue is not None else 0.75
    warnings = [] if item.cue is not None else ["continuing quote: speaker taken from the previous quote"]
    return Quote(
        speaker=provisional_ref(speaker.name, speaker.kind),
        text=clean_text(item.quotation.text).rstrip(","),
        mode="direct",
        cue=item.cue.lemma_.lower() if item.cue is not None else "say",
        cue_text=item.cue.text if item.cue is not None else "said",
        resolved_from=resolved,
        sources=[own := span_source(document, item.source_start, item.source_end)]
        + _antecedent_source(doc, document, speaker, own),
        confidence=confidence,
        warnings=warnings,
    )


def _reported(doc, document, quotations, direct_ranges, tracker, is_place) -> Iterator[Quote]:
    for tok in doc:
        if tok.pos_ != "VERB" or not _outside(tok.idx, quotations) or document.exclusion_at(tok.idx, tok.idx + 1):
            continue
        lemma = tok.lemma_.lower()
        if lemma in OPINION_VERBS and tok.tag_ not in PRESENT_TAGS:
            continue  # "she thought the door was locked" narrates; "he believes ..." reports
        if lemma in DIRECTIVE_VERBS and not any(c.dep_ == "ccomp" for c in tok.children):
            words = _directive(tok)
            subject = _subject(tok, quotations) if words else None
            if subject is not None and subject.dep_ != "nsubjpass":  # "He advised consumers to wait"
                yield from _reported_quotes(doc, document, tok, lemma, words, [subject], quotations,
                                            direct_ranges, tracker, is_place, finite=False)
                continue
            adviser, words = _passive_directive(tok)
            if adviser is not None:  # "She was advised by her coach X not to rush back"
                yield from _reported_quotes(doc, document, tok, lemma, words, [adviser], quotations,
                                            direct_ranges, tracker, is_place, finite=False)
                continue
        finding = lemma in FINDING_VERBS
        if any(c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ not in ("will", "'ll") for c in tok.children):
            continue  # "readers should know that ...", "he would say that ...", "the council must prove that ...": no act
        if lemma in REPORT_VERBS or finding:
            comps = [c for c in tok.children if c.dep_ == "ccomp" and (c.i > tok.i or _fronted(c, tok))]
            if finding:  # "X found that ...", "the poll found most voters were ...": a finding, a whole clause
                comps = [c for c in comps if c.i > tok.i and (any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                                                            or _finite_clause(c))]
            written = _subject(tok, quotations)
            subject = _relative_speaker(written)
            if subject is None or subject.dep_ == "nsubjpass":
                continue  # "Ms Reid was told her post had been cut": the one told is not the speaker
            if not comps:
                words = _parenthetical_clause(tok)
                if words:  # "Higher prices meant that ..., he said, which ...": the clause before the cue
                    yield from _reported_quotes(doc, document, tok, lemma, words, [subject], quotations,
                                                direct_ranges, tracker, is_place)
                continue
            comp = comps[0]
            if _indirect_question(comp):
                continue  # "explained why the match was stopped", "told them how it worked": no claim is made
            lead = {t.i for c in comp.children if c.dep_ == "advcl" and c.i < comp.i and c.left_edge.i == comp.left_edge.i
                    for t in c.subtree}  # "As the politicians spoke, drones killed ..., the governor said"
            lead |= _speakers_own_acts(comp)
            words = sorted((t for t in comp.subtree if t.i not in lead), key=lambda t: t.i)  # non-projective trees
            for other in comps[1:]:  # "that any troops deployed ... would be treated as ...": one clause parsed as two
                if other.left_edge.i != words[-1].i + 1:
                    break
                words += sorted(other.subtree, key=lambda t: t.i)
            words = _whole_last_word(words, tok)
            # the clause's own "that", never the "if"/"because" of a clause inside it ("said that if prices rose ...")
            while words and (words[0].dep_ == "mark" and (words[0].head == comp or words[0].lower_ == "that")
                             or words[0].is_punct and words[0].text not in QUOTE_CHARS):
                words = words[1:]
            if words and words[0].tag_ in ("WDT", "WP", "WP$") and words[0].lower_ != "what":
                continue  # "coach X, who he believes was the only choice": a relative clause, not a claim
            speakers = [subject] + [c for c in subject.conjuncts if c.i > subject.i and not _after_its_prep(subject, c)]
            yield from _reported_quotes(doc, document, tok, lemma, words, speakers, quotations,
                                        direct_ranges, tracker, is_place, only_org=finding,
                                        named_org=written is not None and written.lower_ == "which")
        elif tok.lower_ == "according":
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            person = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            if person is None or tok.head.i == tok.i:
                continue
            clause = tok.head
            while clause.dep_ == "conj" and clause.head.pos_ in ("VERB", "AUX") and subject_of(clause) is None:
                clause = clause.head  # "X was worth $20m, but is set to be worth $1.8bn, according to Y": all of it
            skip = set(t.i for t in tok.subtree)
            words = sorted((t for t in clause.subtree if t.i not in skip), key=lambda t: t.i)
            if words and words[0].tag_ in ("WDT", "WP", "WRB") and words[0].lower_ != "what":
                continue  # "Which according to Macron would ...": the clause has no subject of its own
            before = [t for t in words if t.i < tok.i]  # "..., according to him." / "According to X, ..."
            after = [t for t in words if t.i > max(skip)]
            words = before if len([t for t in before if t.is_alpha]) >= len([t for t in after if t.is_alpha]) else after
            claim = next((c for c in [*tok.children, *tok.head.children] if c.dep_ in ("pcomp", "ccomp") and c.i > tok.i
                          and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                          and all(t.is_punct for t in doc[tok.right_edge.i + 1: c.left_edge.i])), None)
            if claim is not None:  # "there were signs, according to X, that ...": the "that" clause is the claim
                words = sorted((t for t in claim.subtree if not (t.dep_ == "mark" and t.head == claim)), key=lambda t: t.i)
            while words and words[-1].is_punct and words[-1].text not in QUOTE_CHARS:
                words = words[:-1]
            while words and words[0].is_punct and words[0].text not in QUOTE_CHARS:
                words = words[1:]
            first = next((t for t in words if not t.is_punct), None)
            if first is None or first.pos_ in ("VERB", "AUX") or first.tag_ == "TO":
                continue  # a clause cut by the attribution ("It is set, according to X, to do ...") or parsed with
                # its subject inside it ("According to figures from X many visitors suffered delays"): a fragment
            yield from _reported_quotes(doc, document, tok, "according to", words, [person], quotations,
                                        direct_ranges, tracker, is_place)


def _finite_clause(verb: "Token") -> bool:
    """A clause that opens with its own subject and has a finite verb: "most voters were undecided", not "it
    useful" nor "how it offers value"."""
    finite = verb.tag_ in FINITE_TAGS or any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS for c in verb.children)
    return finite and any(c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i and c.left_edge.i == verb.left_edge.i
                          and c.tag_ not in ("WP", "WDT") for c in verb.children)


def _indirect_question(comp: "Token") -> bool:
    """A reported clause that is a question, not a claim: opened by its own "why/how/when/where/whether/if"
    ("explained why the match was stopped", "said whether the bid would go ahead"). A condition inside a
    claim ("said that if prices rose the firm would leave") is the claim's, not its opening word."""
    first = comp.doc[comp.left_edge.i]
    return first.head == comp and (first.dep_ == "advmod" and first.lower_ in INDIRECT_QUESTION_WORDS
                                   or first.dep_ == "mark" and first.lower_ in ("whether", "if"))


def _whole_last_word(words: "list[Token]", cue: "Token") -> "list[Token]":
    """A reported clause never ends inside a hyphenated word: "the law should be re-drafted after ..." parsed
    as "re", "-" and "drafted" hung off the cue separately takes the rest of the word and what hangs off it."""
    doc = cue.doc
    have = {t.i for t in words}
    while words and words[-1].i + 1 < len(doc) and not words[-1].whitespace_:
        nxt = doc[words[-1].i + 1]
        if nxt.i in have or nxt.i == cue.i or not (nxt.text == "-" or words[-1].text == "-") or nxt.is_space:
            break
        more = [t for t in (nxt.subtree if nxt.head == cue else [nxt]) if t.i not in have and t.i > words[-1].i]
        if not more or more[0].i != nxt.i:
            break
        words = words + sorted(more, key=lambda t: t.i)
        have.update(t.i for t in more)
    return words


def _directive(cue: "Token") -> "list[Token]":
    """What a speaker advised or asked: the addressee and the to-infinitive after it ("consumers to give
    shops more time"); nothing unless the verb has both, in that order."""
    addressee = next((c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i), None)
    if addressee is None:
        return []
    act = next((c for c in cue.children if c.dep_ == "xcomp" and c.i > addressee.i
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
    if act is None:
        return []
    return sorted([*addressee.subtree, *act.subtree], key=lambda t: t.i)


def _after_its_prep(subject: "Token", conjunct: "Token") -> bool:
    """A conjunct after the subject's own "for/of/from" phrase is more of that phrase's name, whatever the parser
    says: "A spokesman for the Department for Culture, Media and Sport said" has one speaker, not "Media"."""
    return any(c.dep_ == "prep" and c.lower_ in ("for", "of", "from", "at") and subject.i < c.i < conjunct.i
               for c in subject.children)


def _passive_directive(cue: "Token") -> "tuple[Token | None, list[Token]]":
    """Advice reported in the passive, with who gave it: "she was advised by her coach X not to rush back" ->
    (the agent, "not to rush back"); (None, []) without a passive subject, an agent and a to-infinitive after it."""
    if not any(c.dep_ == "nsubjpass" for c in cue.children):
        return None, []
    agent = next((c for c in cue.children if c.dep_ == "agent" and c.i > cue.i), None)
    adviser = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    act = next((c for c in cue.children if c.dep_ == "xcomp" and adviser is not None and c.i > adviser.i
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
    if act is None:
        return None, []
    return adviser, sorted(act.subtree, key=lambda t: t.i)


def _fronted(comp: "Token", cue: "Token") -> bool:
    """A clause before its cue is reported only when the cue follows it directly ("X happened, he said"):
    nothing but punctuation, quotation marks and the speaker between them, no "But" starting a new clause
    (two sentences the parser ran together: "... rising to £2.2m. But Brady told The Sun the bid was ...")."""
    subject = {t.i for c in cue.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    between = cue.doc[comp.right_edge.i + 1: cue.i]
    return all(t.is_punct or t.is_space or t.i in subject or t.dep_ in ("aux", "neg", "advmod") and t.head == cue
               for t in between) and not any(t.text.endswith(".") and not t.is_punct for t in [comp.right_edge])


def _parenthetical_clause(cue: "Token") -> "list[Token]":
    """The clause a parenthetical cue reports: "Lower prices meant that more people bought online, she
    said, which let ...". The cue hangs off the clause's verb (``parataxis``), right after a comma, with
    no complement of its own; the words reported are that verb's, up to the cue."""
    if cue.dep_ != "parataxis" or any(c.dep_ in ("dobj", "xcomp", "ccomp") for c in cue.children):
        return []
    doc, sent = cue.doc, cue.sent
    first = cue.left_edge.i
    if first <= sent.start or doc[first - 1].text != "," and doc[first].text != ",":
        return []
    words = [t for t in doc[sent.start: first] if not t.is_space]
    while words and (words[-1].is_punct and words[-1].text not in QUOTE_CHARS):
        words = words[:-1]
    while words and (words[0].dep_ == "mark" or words[0].is_punct and words[0].text not in QUOTE_CHARS):
        words = words[1:]
    return words


def _balance(text: str, start: int, end: int, quotations: list[Quotation]) -> tuple[int, int]:
    """Widen ``start:end`` to the quotation marks of a quote it cuts at either end.

    'would be treated as "legitimate targets."' keeps its closing mark (after the full stop), and a
    clause that is all quotation ('that "Ukraine's decision ... interests"') keeps its opening mark.
    """
    ordered = isinstance(quotations, Ranges) and quotations.ordered
    # in text order, a quotation ending before ``start`` or starting at ``end`` or later can change neither
    for q in quotations.ending_from(start) if ordered else quotations:
        if ordered and q.start >= end:
            break
        if q.unclosed:
            continue
        if start <= q.start < end <= q.end + 1 and len(text[end:q.end]) <= 3 and not text[end:q.end].strip(" .,;:!?"):
            end = q.end + 1
        if q.start - 1 < start <= q.end < end and len(text[q.start:start]) <= 3 and not text[q.start:start].strip():
            start = q.start - 1
    return start, end


def _speakers_own_acts(comp: "Token") -> set[int]:
    """Tokens of "... and stressed the importance of deterrence" parsed into the clause reported.

    "Rutte warned that Russia could threaten ... and stressed ...": a speech verb joined to the
    clause without a subject of its own is the speaker's next act, not part of what was said.
    """
    cut: set[int] = set()
    for conj in comp.children:
        if conj.dep_ == "conj" and conj.i > comp.i and conj.lemma_.lower() in QUOTE_VERBS | REPORT_VERBS \
                and subject_of(conj) is None:
            cut.update(t.i for t in conj.subtree)
            i = conj.i - 1
            while i > comp.i and comp.doc[i].dep_ in ("cc", "punct"):  # the "and" or ", and" before it
                cut.add(i)
                i -= 1
    return cut


def _reported_quotes(doc, document, cue, lemma, words, speakers, quotations, direct_ranges, tracker, is_place,
                     finite=True, only_org=False, named_org=False):
    if not words or finite and not any(t.tag_ in FINITE_TAGS for t in words):
        return
    start, end = _balance(doc_text(doc), words[0].idx, words[-1].idx + len(words[-1]), quotations)
    content = re.sub(r"[.,;:]+(?=[\"\u201d]$)", "", clean_text(doc_text(doc)[start:end]))
    if len(re.findall(r"[^\W\d_]+", content)) < MIN_REPORTED_WORDS:
        return
    overlap = sum(max(0, min(end, q.end) - max(start, q.start)) for q in direct_ranges.overlapping(start, end))
    if overlap > 0.5 * (end - start):
        return  # the clause is a direct quotation already attributed
    partial = [clean_text(q.text).rstrip(",.") for q in quotations.within(start, end)]
    sent = cue.sent
    names = []
    for subject in speakers:
        speaker = named_organisation(subject, tracker) if named_org else resolve_speaker(subject, tracker, is_place)
        if speaker is not None and only_org and speaker.kind == "person":
            continue  # "she found that the door was locked" narrates; an organisation's or a group's finding is reported
        if speaker is not None and any(_names_its_speaker(words, speaker) for words in
                                       [content] + [q.text for q in quotations.overlapping(start, end)]):
            continue  # "he said Harry would stay" with "he" resolved to Harry: someone else speaks
        if speaker is not None and speaker.name not in names:
            names.append(speaker.name)
            yield Quote(
                speaker=provisional_ref(speaker.name, speaker.kind),
                text=content.rstrip(".,"),
                mode="reported",
                cue=lemma,
                cue_text=cue.text if lemma != "according to" else "according to",
                resolved_from=speaker.resolved_from,
                partial_quotes=partial,
                sources=[own := span_source(document, sent.start_char, sent.end_char)]
                + _antecedent_source(doc, document, speaker, own),
                confidence=0.8 if not speaker.resolved_from else 0.7,
            )


def _title(words: str) -> bool:
    """A quoted name ("Long Story Short", "Dear Prudence"), not a verdict: two words or more, each capitalised
    but for short function words."""
    found = re.findall(r"[^\W\d_][\w'\u2019-]*", words)
    return len(found) >= 2 and found[0][:1].isupper() and all(w[:1].isupper() or len(w) <= 3 for w in found)


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


def _as_far_as(doc, document, quotations, direct_ranges, tracker, is_place) -> Iterator[Quote]:
    """"As far as Tom Reid knows, the striker has not asked for a transfer": what X knows (or is aware of, or
    is concerned) is X's account; reported, credited to the subject of the "as far as" clause."""
    for far in doc:
        if far.lower_ != "far" or not _outside(far.idx, quotations) or document.exclusion_at(far.idx, far.idx + 1):
            continue
        if not any(c.lower_ == "as" and c.i < far.i for c in far.children):
            continue
        clause = next((c for c in far.children if c.dep_ == "advcl" and c.i > far.i
                       and any(m.dep_ == "mark" and m.lower_ == "as" for m in c.children)), None)
        if clause is None or not (clause.lemma_.lower() in AS_FAR_AS_VERBS or clause.lower_ in AS_FAR_AS_ADJECTIVES
                                  or clause.lemma_ == "be" and any(c.dep_ == "acomp" and c.lower_ in AS_FAR_AS_ADJECTIVES
                                                                   for c in clause.children)):
            continue
        subject = subject_of(clause)
        main = far.head
        if subject is None or main.i == far.i or main.pos_ not in ("VERB", "AUX"):
            continue
        skip = {t.i for t in far.subtree}
        # "As far as X knows, A" or "A, as far as X is concerned": the clause on the other side of the comma
        words = [t for t in main.subtree if t.i not in skip and (t.i > far.right_edge.i if main.i > far.i
                                                                  else t.i < far.left_edge.i)]
        while words and (words[0].is_punct or words[0].dep_ == "cc"):
            words = words[1:]
        while words and words[-1].is_punct and words[-1].text not in QUOTE_CHARS:
            words = words[:-1]
        yield from _reported_quotes(doc, document, clause, clause.lemma_.lower(), words, [subject], quotations,
                                    direct_ranges, tracker, is_place)


def _characterised(doc, document, quotations, direct_ranges, tracker, is_place) -> Iterator[Quote]:
    """Words quoted as a speaker's verdict on something: 'Brady has called it "derisory"', 'described the bid as
    "a joke"', 'accused Smith of "cheating"', 'was accused by the agency of "lying"'. The quoted words are the
    quote (direct); the speaker is the verb's subject, or the agent of a passive."""
    for tok in doc:
        lemma = tok.lemma_.lower()
        if tok.pos_ != "VERB" or lemma not in CHARACTERISING_VERBS or not _outside(tok.idx, quotations) \
                or document.exclusion_at(tok.idx, tok.idx + 1):
            continue
        slots = []
        if lemma == "accuse" or lemma in AS_VERBS:  # "of"/"as" hung off the verb, its object or its agent's noun
            holders = [tok] + [c for c in tok.children if c.dep_ == "dobj"] \
                + [p for a in tok.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
            preps = ("of",) if lemma == "accuse" else ("as", "for") if lemma in FOR_VERBS else ("as",)
            slots += [c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in preps and c.i > tok.i]
            if lemma in AS_VERBS:  # 'described the final as the "match of his life"' parsed as a clause after "as"
                slots += [c for c in tok.children if c.dep_ == "advcl" and c.i > tok.i
                          and any(m.dep_ == "mark" and m.lower_ == "as" for m in c.children)]
        if lemma != "accuse":  # 'called it "derisory"', 'dubbed them "mere conduits"': the object's predicate
            slots += [c for c in tok.children if c.dep_ in ("oprd", "xcomp", "ccomp") and c.i > tok.i
                      and any(o.dep_ == "dobj" and tok.i < o.i < c.i for o in tok.children)]
        subject = _relative_antecedent(_subject(tok, quotations))
        if subject is not None and subject.dep_ == "nsubjpass":
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            subject = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if subject is None or not slots:
            continue
        slot = slots[0]
        lo, hi = slot.left_edge.idx, slot.right_edge.idx + len(slot.right_edge)
        found = sorted((q for q in quotations if not q.unclosed and lo <= q.start and q.end <= hi + 1
                        and not any(d.start <= q.start < d.end for d in direct_ranges)), key=lambda q: q.start)
        if not found or not re.search(r"[^\W\d_]", found[0].text) or _title(found[0].text):
            continue  # 'described him as "a rare talent" and "the best ..."': the first verdict names the quote
        speaker = resolve_speaker(subject, tracker, is_place)
        if speaker is None:
            continue
        sent = tok.sent
        own = span_source(document, sent.start_char, sent.end_char)
        yield Quote(
            speaker=provisional_ref(speaker.name, speaker.kind),
            text=clean_text(found[0].text).rstrip(".,"),
            mode="direct",
            cue=lemma,
            cue_text=tok.text,
            resolved_from=speaker.resolved_from,
            sources=[own] + _antecedent_source(doc, document, speaker, own),
            confidence=0.8 if not speaker.resolved_from else 0.7,
        )
