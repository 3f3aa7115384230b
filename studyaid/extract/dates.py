"""When: absolute dates a sentence ties to something that happened.

"The leaders ... met with Volodymyr Zelenskyy in Paris on September 4" -> September 4 (``--09-04``),
event "The leaders of the so-called Coalition of the Willing met with ... in Paris";
"legislation to phase out all EU imports of Russian oil and gas by January 1, 2028" -> 2028-01-01;
"Russia's invasion in February 2022" -> 2022-02. Relative dates ("Thursday", "this week", "last
month") are not facts: a student cannot check them without the publication date.

A date is tied to the verb or noun its phrase hangs off, through conjoined prepositions ("in 1987 ...
and in 1994"), adverbs ("back to 1997", "later in 2005"), adjectives ("was worth $20m in 2004") and
period nouns ("over the course of 2004"); the second date of a range ("between March 1990 and June
1995") like the first. A date that is only a comparison's baseline ("up 5% compared with 2003",
"more than in 2003", "an increase of 64% on 2003"), a year that is a verb's object ("will dominate
2006"), a day and month the parser took as an object ("Released 25 February on PC") or that names a thing
("the September 11 attacks") and the year of a named event or law ("the 2004 Brit Awards") are facts too, but carry no
clause to ask "When ...?" with: the clause would date the wrong thing. Years that date a thing (a work's year in
brackets, a named event's year, "her 2003 world titles", "the 1962 film ...") are read in :mod:`.thing_years`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator

from ..document import Document
from ..facts import DateFact
from .clauses import clause_around
from .date_text import date_words, range_tail, to_iso
from .thing_years import thing_dates
from ..lexicon import MONTHS
from .common import in_junk, sentence_source, subject_of, tokens_text


if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

DROP_DEPS = {"ccomp", "advcl", "relcl", "punct", "cc", "conj", "parataxis", "mark", "dep", "appos", "npadvmod"}
MAX_EVENT_TOKENS = 22
RELATIVE = re.compile(r"\b(today|yesterday|tomorrow|tonight|this|last|next|ago|recent)\b", re.I)
YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
YEAR_IN = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# Nouns naming a stretch of the date after them: "over the course of 2004", "in the last portion of 2004".
PERIOD_NOUNS = frozenset({"course", "portion", "part", "end", "start", "beginning", "half", "middle", "rest",
                          "remainder", "close", "spring", "summer", "autumn", "winter"})
# Words that make a date a comparison's baseline: "compared with 2003", "more than in 2003", "in comparison with".
COMPARISON_WORDS = frozenset({"than", "compared", "comparing", "compare", "comparison", "against", "versus", "vs"})
# Nouns of change whose "on <date>" is a baseline: "an increase of 64% on 2003", "up 5% on 2001".
CHANGE_WORDS = frozenset({"increase", "rise", "fall", "drop", "decrease", "decline", "growth", "jump", "up",
                          "down", "gain", "cut"})
# Prepositions of a range's ends: "from 1971 to 1987".
RANGE_WORDS = frozenset({"from", "to", "until", "till", "through"})
# The second day of a range of days: "16-28 November", "3 to 5 December", "June 24 and 25", "May 1-3, 2005".
_MONTH = r"(?P<month>[A-Za-z]+)"
_YEAR_TAIL = r"(?P<year>,?\s+(?:1[89]\d\d|20\d\d))?"
_JOIN = r"\s*(?:-|\u2013|\s(?:and|to|until|till)\s)\s*"
_DAY = r"(?:st|nd|rd|th)?"
DAY_RANGES = (
    re.compile(rf"^(?P<first>[0-3]?\d){_DAY}{_JOIN}(?P<second>[0-3]?\d){_DAY}\s+{_MONTH}{_YEAR_TAIL}$"),
    re.compile(rf"^{_MONTH}\s+(?P<first>[0-3]?\d){_DAY}{_JOIN}(?P<second>[0-3]?\d){_DAY}{_YEAR_TAIL}$"),
)
@dataclass(frozen=True)
class _Tie:
    """What a date is tied to: the anchor word, and whether a "When ...?" clause may be asked about it."""
    anchor: "Token"
    root: "Token"  # the date's word the tie starts from
    askable: bool = True
    with_date: bool = False  # the event is told with its date (a comparison reads wrongly without it)


def extract_dates(doc: "Doc", document: Document) -> Iterator[DateFact]:
    """Yield a :class:`DateFact` for each absolute date tied to an event in ``doc`` outside junk."""
    default_year = int(document.date[:4]) if document.date else None
    for ent in doc.ents:
        if not (ent.label_ == "DATE" or ent.label_ == "EVENT" and _day_and_month(ent)) or in_junk(document, ent):
            continue  # (an event named by its date: "the September 11 attacks")
        if RELATIVE.search(_before_comparison(ent)):
            continue  # "today, Friday 5 September": only the publication date could tell which year
        for part in _parts(ent):
            words = date_words(part)
            if words is None:
                continue
            words = range_tail(words)
            iso = to_iso(words.text, default_year)
            tie = _tie(part) if iso is not None else None
            fact = _fact(part, words, iso, tie, document) if tie is not None else None
            if fact is not None:
                yield fact
                second = _second_day(words.text, default_year)
                if second is not None:  # "16-28 November": the last day too, never asked "When ...?"
                    yield fact.model_copy(update={"date": second[0], "iso": second[1], "clause": None,
                                                  "confidence": 0.7})
    yield from thing_dates(doc, document)


def _fact(ent: "Span", words: "Span", iso: str, tie: _Tie, document: Document) -> DateFact | None:
    """The fact of the date ``words`` (the date only) inside the parser's span ``ent``, tied by ``tie``."""
    anchor = tie.anchor
    told = range(words.start, words.end) if tie.with_date else range(ent.start, ent.end)  # "the [September 11] attacks"
    event_tokens = _told_event(anchor, ent, words, tie, told)
    if event_tokens is None and anchor.pos_ == "NOUN":
        anchor = _noun_above(anchor)  # "the film, due for release in 2005": the film's release, not a bare "release"
        event_tokens = _told_event(anchor, ent, words, tie, told) if anchor is not None else None
    if event_tokens is None:
        return None
    askable = tie.askable and anchor.pos_ in ("VERB", "AUX") and anchor == tie.anchor
    return DateFact(
        date=words.text,
        iso=iso,
        event=tokens_text(event_tokens),
        event_head=anchor.lemma_.lower(),
        clause=clause_around(_date_phrase(ent)) if askable else None,
        sources=[sentence_source(document, ent.sent)],
        confidence=(0.8 if iso[:2] != "--" else 0.7) if tie.askable else 0.7,
    )


def _told_event(anchor: "Token", ent: "Span", words: "Span", tie: _Tie, told: range) -> list["Token"] | None:
    """The event's words from ``anchor``, or None when fewer than two words besides the date tell it."""
    event_tokens = [t for t in _event_tokens(anchor, ent, tie.root, keep_date=tie.with_date)
                    if not ent.end <= t.i < words.end]  # a range's second day the parser left out
    return event_tokens if len([t for t in event_tokens if t.is_alpha and t.i not in told]) >= 2 else None


def _noun_above(noun: "Token") -> "Token | None":
    """The noun a bare noun's phrase describes: "release" in "the film, due for release in ..." -> "film" (through
    the preposition and an adjective hanging on the noun); None past anything else."""
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
        return None
    head = noun.head.head
    if head.pos_ == "ADJ" and head.dep_ in ("amod", "acomp") and head.head != head:
        head = head.head
    return head if head.pos_ == "NOUN" and head != noun else None


def _parts(ent: "Span") -> list["Span"]:
    """The dates of one NER span, without its prepositions: "between January 1985" -> "January 1985";
    "1971 to 1987" -> "1971", "1987" (a range NER took as one date; "five years from 1996 to 2001" too:
    a part with no month or year is no date)."""
    doc, parts, start = ent.doc, [], ent.start
    for i in range(ent.start, ent.end + 1):
        if i == ent.end or doc[i].pos_ in ("ADP", "CCONJ") or doc[i].text in ("-", "\u2013"):
            if start < i:
                parts.append(doc[start: i])
            start = i + 1
    dated = [p for p in parts if YEAR_IN.search(p.text) or any(t.lower_ in MONTHS for t in p)]
    return dated if len(dated) > 1 else [doc[s: ent.end] for s in [next((t.i for t in ent if t.pos_ != "ADP"), ent.end)] if s < ent.end]


def _second_day(text: str, default_year: int | None) -> tuple[str, str] | None:
    """The last day of a range of days as written and in ISO: "16-28 November" -> ("28 November", "--11-28");
    "June 24 and 25, 2005" -> ("June 25, 2005", "2005-06-25"). None for one day or a range of months or years."""
    for pattern in DAY_RANGES:
        m = pattern.match(text.strip())
        if m is None or m.group("month").lower() not in MONTHS:
            continue
        first, second = int(m.group("first")), int(m.group("second"))
        if not 1 <= first < second <= 31:
            return None
        year = m.group("year") or ""
        written = f"{second} {m.group('month')}{year}" if m.start("first") == 0 else f"{m.group('month')} {second}{year}"
        iso = to_iso(written, default_year)
        return (written, iso) if iso is not None else None
    return None


def _tie(ent: "Span") -> _Tie | None:
    """The verb or noun a date is attached to: "met ... on September 4", "invasion in February 2022"."""
    root = ent.root
    while root.dep_ == "conj" and root.head.ent_type_ == "DATE" and root.head.i < root.i:
        root = root.head  # "between March 1990 and June 1995": the range's second date hangs off the first
    if root.dep_ == "dobj" and (YEAR.match(ent.text) or _day_and_month(ent)) \
            and not any(c.dep_ == "det" for c in root.children):
        head = root.head  # "the gadgets that will dominate 2006", "Released 25 February on PC" (a time parsed as object)
        return _Tie(head, root, askable=False) if head.pos_ in ("VERB", "AUX") else None
    top = next((t for t in ent if t.dep_ != "det" and not ent.start <= t.head.i < ent.end), root)
    if top.dep_ in ("compound", "nmod", "amod", "nummod") and _day_and_month(ent) and top.head.i == ent.end \
            and top.head.pos_ == "NOUN" and top.head.text.islower():
        return _Tie(top.head, top, askable=False, with_date=True)  # "the September 11 attacks": the date names them
    if root.dep_ not in ("pobj", "npadvmod", "tmod", "obl"):
        return None  # "the 2004 talks": a year inside a name, not an event's time
    head = root.head
    comparison = False
    if root.dep_ == "pobj":
        prep = head
        if prep.dep_ not in ("prep", "conj", "agent"):
            return None  # ("agent": "will be sold by the end of 2004", a deadline the parser took for a passive's agent)
        if prep.dep_ == "conj" and prep.head.pos_ != "ADP":
            head = _verb_above(prep)  # "in 1987 with X and in 1994 with Y": the conjoined "in" the parser misplaced
            if head is None:
                return None
        else:
            while prep.dep_ == "conj" and prep.head.pos_ == "ADP":
                prep = prep.head  # "in 1987 and in 1994"
            comparison = prep.lower_ == "on" and prep.head.lower_ in CHANGE_WORDS
            head = prep.head
    head, comparison = _climb(head, comparison)
    if head is None:
        return None
    if head.pos_ == "PRON" and head.dep_ in ("pobj", "dative", "dobj") and head.head != head:
        head = head.head.head if head.head.pos_ == "ADP" and head.head.head != head.head else head.head
        # "give it to someone on 24 December": the date is the giving's, not the pronoun's
    while head.pos_ == "VERB" and head.dep_ in ("xcomp",) and head.head.pos_ == "VERB" and head.head.lemma_ in ("try", "plan"):
        head = head.head
    if head.pos_ in ("VERB", "NOUN", "PROPN", "AUX"):
        return _Tie(head, root, askable=not comparison and not _in_range(root, head), with_date=comparison)
    return None


def _before_comparison(ent: "Span") -> str:
    """The date's text up to a comparison's baseline: "the end of 2004 than last year" -> "the end of 2004"
    (the relative baseline says nothing of the date before it)."""
    end = next((t.i for t in ent if t.lower_ in COMPARISON_WORDS), ent.end)
    return ent.doc[ent.start: end].text


def _day_and_month(ent: "Span") -> bool:
    """A day and a month written together ("25 February", "September 11"), with or without a year."""
    return any(t.lower_ in MONTHS for t in ent) and any(t.text.isdigit() and len(t.text) <= 2 for t in ent)


def _in_range(root: "Token", anchor: "Token") -> bool:
    """One end of a range ("ran from 1971 to 1987", "between March 1990 and June 1995"): "When did it run?"
    has no one answer."""
    if any(c.dep_ == "conj" and c.ent_type_ == "DATE" for c in root.children) or root.dep_ == "conj":
        return True
    ends = [c for c in anchor.children if c.dep_ == "prep" and c.lower_ in RANGE_WORDS
            and any(p.ent_type_ == "DATE" for p in c.children)]
    return len(ends) >= 2


def _climb(head: "Token", comparison: bool) -> "tuple[Token | None, bool]":
    """From the word a date's phrase hangs off to the event word: through period nouns ("the course of"),
    adverbs ("back to", "later in"), adjectives ("worth ... in 2004") and comparisons ("than in", "compared with")."""
    for _ in range(6):
        low = head.lower_
        if low in COMPARISON_WORDS:
            comparison = True
        if head.pos_ == "NOUN" and low in PERIOD_NOUNS | COMPARISON_WORDS and head.dep_ == "pobj" \
                and head.head.dep_ == "prep":
            head = head.head.head  # "over the course of 2004", "in comparison with January 2004"
        elif head.pos_ in ("ADV", "ADJ") and head.dep_ in ("advmod", "acomp", "amod", "oprd") and head.head != head:
            head = head.head  # "stretching back to 1997", "was worth $20m in 2004", "genuine from mid-2005"
        elif head.pos_ == "ADP" and head.dep_ == "prep" and head.head != head and (comparison or low in COMPARISON_WORDS):
            head = head.head  # "more than in 2003"
        elif head.pos_ == "VERB" and low in COMPARISON_WORDS and head.dep_ in ("prep", "advcl") and head.head != head:
            head = head.head  # "rose by 12% compared with 2002"
        else:
            return head, comparison
    return None, comparison


def _verb_above(tok: "Token") -> "Token | None":
    while tok.head != tok:
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok
    return None


def _event_tokens(anchor: "Token", ent: "Span", root: "Token", keep_date: bool = False) -> list["Token"]:
    """The clause an event is told in, without the date (unless ``keep_date``), side clauses and relative clauses."""
    date_ids: set[int] = set()
    if not keep_date:  # the date's own phrase: "on September 4", "later in 2005", "over the course of 2004"
        date_ids = {t.i for t in _phrase_of(root, anchor).subtree} | {t.i for t in ent}
    for other in anchor.sent:  # another date's phrase: "in 1987 ... and in 1994", "from 1971 to 1987"
        if other.ent_type_ == "DATE" and other.dep_ == "pobj" and not ent.start <= other.i < ent.end \
                and anchor in other.ancestors:
            top = _phrase_of(other, anchor)
            if top.dep_ in ("prep", "agent", "conj") and top.pos_ in ("ADP", "SCONJ"):
                date_ids.update(t.i for t in top.subtree)
    main = anchor
    while main.dep_ in ("xcomp", "acl") and main.head.pos_ in ("VERB", "NOUN"):
        main = main.head  # "proposed legislation to phase out ..." keeps who proposed it
    skip = set(date_ids)
    for tok in main.subtree:
        if tok.i in skip or tok == main:
            continue
        if tok.dep_ in ("relcl", "appos", "parataxis") or tok.head == main and (
                tok.dep_ in DROP_DEPS and tok.i > main.i or tok.dep_ in ("advcl", "mark", "punct")
                or tok.dep_ == "advmod" and not keep_date):
            if keep_date and any(t.i in range(ent.start, ent.end) for t in tok.subtree):
                continue
            skip.update(t.i for t in tok.subtree)
    toks = [t for t in main.subtree if t.i not in skip and not t.is_space
            and (t.ent_type_ != "DATE" or keep_date and ent.start <= t.i < ent.end)]
    if main.dep_ == "relcl":  # "martial law, which was imposed ..." -> "martial law was imposed ..."
        antecedent = [t for t in main.head.subtree if t.i < main.i and t.i <= main.head.i and t.dep_ != "punct"]
        toks = antecedent + [t for t in toks if t.tag_ not in ("WDT", "WP")]
    elif main.pos_ == "VERB" and subject_of(main) is None:
        if main.dep_ == "conj" and main.head.pos_ == "VERB":  # "drones killed ... and injured three others"
            subj = subject_of(main.head)
            if subj is not None:
                toks = [t for t in subj.subtree if not t.is_space] + toks
    toks = sorted({t.i: t for t in toks}.values(), key=lambda t: t.i)
    return toks[:MAX_EVENT_TOKENS]


def _phrase_of(root: "Token", anchor: "Token") -> "Token":
    """The top of a date's own phrase below its anchor: the preposition, period noun or adverb it hangs from."""
    top = root
    while top.head != top and top.head != anchor and (
            top.head.dep_ in ("prep", "agent") or top.head.pos_ == "ADP"
            or top.head.dep_ == "pobj" and top.head.lower_ in PERIOD_NOUNS
            or top.head.pos_ == "ADV" and top.head.dep_ == "advmod"):
        top = top.head
    return top


def _date_phrase(ent: "Span") -> "Span":
    """The date with its preposition: "on September 4", "by January 1, 2028"."""
    head = ent.root.head
    if ent.root.dep_ == "pobj" and head.dep_ in ("prep", "agent") and head.i == ent.start - 1:
        return ent.doc[head.i: ent.end]
    return ent
