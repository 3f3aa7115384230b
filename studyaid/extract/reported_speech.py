"""Reported speech: "X said (that) ...", "..., X said", "according to X", "X advised Y to ...", "as far as X
knows, ..." and findings ("the survey found that ..."), each clause credited to the speaker of its verb (see
:mod:`.speech_subjects`) with the partial quotations inside it. Direct quotations are :mod:`.quotes`.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from ..facts import Quote
from ..lexicon import DIRECTIVE_VERBS, FINDING_VERBS, OPINION_VERBS, PRESENT_TAGS, QUOTE_VERBS, REPORT_VERBS
from .common import QUOTE_CHARS, clean_text, doc_text, provisional_ref, span_source, subject_of
from .doc_index import Ranges
from .quote_marks import Quotation
from .speakers import named_organisation, resolve_speaker
from .speech_subjects import (_after_its_prep, _antecedent_source, _names_its_speaker, _outside, _relative_speaker,
                              _subject)

if TYPE_CHECKING:
    from spacy.tokens import Token

MIN_REPORTED_WORDS = 4
FINITE_TAGS = {"VBD", "VBP", "VBZ", "MD"}
# "As far as X knows, ...", "as far as the club is aware, ...": the rest of the sentence is X's account.
AS_FAR_AS_VERBS = frozenset({"know", "understand", "remember", "recall"})
AS_FAR_AS_ADJECTIVES = frozenset({"aware", "concerned"})
# Words that open a reported question rather than a claim: "explained why ...", "told them how ...".
INDIRECT_QUESTION_WORDS = frozenset({"why", "how", "when", "where"})


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
