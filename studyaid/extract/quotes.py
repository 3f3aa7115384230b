"""Who said what: direct quotations and reported speech, with speakers resolved.

Handled: ``"...," Rutte said`` (cue after, possibly parsed as its own sentence), ``Trump told
reporters: "..."`` (cue before), ``"...," stressed Putin`` (inverted), a quote split around its cue
(``"A," he said, "B."``), quotes spanning sentences, continuing quotes with no new cue (next sentence or
next paragraph), reported speech (``Macron said the plan is not about ...``) with its partial quotes
(``would be treated as "legitimate targets"``), ``according to X``, and pronoun or title speakers
(``he told RFE/RL``, ``the Russian president``) resolved by agreement and salience (see :mod:`.speakers`).

Reported speech is :mod:`.reported_speech`, words quoted as a verdict :mod:`.quote_verdicts`, who a speech verb
credits :mod:`.speech_subjects`; this module finds the direct quotations and their cues, and runs them all.

Not statements: scare quotes and titles (``"reassurance force"``, ``"Long Story Short"``) and
quoted fragments inside a sentence; they only ever appear as partial quotes of reported speech.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterator

from ..document import Document
from ..facts import Quote
from ..lexicon import OPINION_VERBS, QUOTE_VERBS, REPORT_VERBS
from .common import QUOTE_CHARS, doc_text, clean_text, provisional_ref, span_source
from .doc_index import Ranges
from .quote_marks import Quotation, find_quotations, find_single_quotations
from .quote_verdicts import _characterised
from .reported_speech import _as_far_as, _balance, _reported
from .speakers import PersonTracker, Speaker, pronoun_gender, resolve_speaker
from .speech_subjects import _antecedent_source, _names_its_speaker, _outside, _subject

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["extract_quotes", "_balance", "_outside"]  # the last two for the index tests


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
