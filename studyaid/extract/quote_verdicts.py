"""Words quoted as a speaker's verdict on something: 'Brady has called it "derisory"', 'described the bid as "a
joke"', 'accused Smith of "cheating"'. The quoted words are the quote (direct); the speaker is the verb's subject or
the agent of a passive (:mod:`.speech_subjects`).
"""
from __future__ import annotations

import re
from typing import Iterator

from ..facts import Quote
from ..lexicon import CHARACTERISING_VERBS
from .common import clean_text, provisional_ref, span_source
from .speakers import resolve_speaker
from .speech_subjects import _antecedent_source, _outside, _relative_antecedent, _subject

# Characterising verbs whose verdict follows "as": 'described the bid as "a joke"', 'praised him as "a natural"'.
AS_VERBS = frozenset({"describe", "praise", "hail", "brand", "label", "dub"})
# ... and those whose verdict may follow "for": 'praised her for her "fearless attacking"'.
FOR_VERBS = frozenset({"praise", "hail"})


def _title(words: str) -> bool:
    """A quoted name ("Long Story Short", "Dear Prudence"), not a verdict: two words or more, each capitalised
    but for short function words."""
    found = re.findall(r"[^\W\d_][\w'\u2019-]*", words)
    return len(found) >= 2 and found[0][:1].isupper() and all(w[:1].isupper() or len(w) <= 3 for w in found)


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
