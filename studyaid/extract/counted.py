"""What a number counts: "26 of Ukraine's allies", "84 out of 112 drones", "three people"; the noun phrase
without its clauses, and what the counted things did (the predicate) around the number."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .clauses import clause_around
from .common import subject_of, tokens_text
from ..lexicon import SIZE_NOUNS
from .numbers import glued_unit, is_unit_word, parse_number
from .number_groups import CURRENCIES, numeric, qualifier_start

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


# words that open a time phrase after a number: "an audience of 20,000 last month"
TIME_DETERMINERS = {"last", "next", "this", "that", "every", "each", "per"}
# what opens a noun phrase before its number: "Ukraine's 26 allies", "the last two men", "all three acts"
NP_OPENERS = {"poss", "case", "det", "predet", "amod", "compound", "nmod", "advmod"}
PRONOUN_HEADS = {"others", "other", "ones", "one", "those", "these", "them", "it"}


RELATIVE_PRONOUNS = {"which", "that", "who", "whom"}


VALUE_VERBS = {"total", "cost", "reach", "amount", "be", "exceed", "stand", "top", "hit", "equal", "value"}


VALUE_WORDS = {"value", "cost", "total", "price", "amount", "sum"}


def np_text(head: "Token", exclude: set[int], keep_preps: bool = False) -> str:
    """A noun phrase without clauses hanging off it: "Ukraine's allies", "European countries"."""
    skip = set(exclude)
    for i in exclude:  # the number's own qualifiers ("at least"), not what it governs ("of Ukraine's allies")
        for child in head.doc[i].children:
            if child.dep_ in ("advmod", "quantmod", "compound", "nummod"):
                skip.update(t.i for t in child.subtree)
    for child in head.children:
        if child.dep_ in ("relcl", "acl", "appos", "punct", "cc", "conj", "advmod", "nummod", "quantmod", "advcl", "xcomp") \
                or child.dep_ == "prep" and child.i > head.i and not keep_preps \
                or child.dep_ == "amod" and child.i > head.i:  # "units [ready for its launch]"
            skip.update(t.i for t in child.subtree)
    if exclude and head.i > max(exclude):  # before the number only its own determiners: "his 147 matches"
        k = min(exclude) - 1
        while k >= 0 and head.doc[k].dep_ in NP_OPENERS and head.doc[k].head.i >= k:
            k -= 1
        skip.update(range(head.left_edge.i, k + 1))  # not "[video, voice and data down] one single line"
    toks = [t for t in head.subtree if (t.i not in skip and t.dep_ != "det") or t.i == head.i]
    return tokens_text(toks)


def find_counted(group: "Span") -> "tuple[Token | None, float | None, set[int]]":
    """The counted noun, a total ("out of 112"), and token ids used by the total."""
    last, doc = group[-1], group.doc
    used: set[int] = set()
    if group.end < len(doc) and doc[group.end].lower_ in CURRENCIES:
        return doc[group.end], None, used  # "3.55m Euros", "between 30 and 45 euros": money, whatever the parse
    nxt = doc[group.end] if group.end < len(doc) else None
    if nxt is not None and not last.whitespace_ and is_unit_word(nxt.text):
        return nxt, None, used  # "Apple's 60GB iPod": the unit written onto the number, whatever the parse
    if nxt is not None and nxt.text == "-" and not last.whitespace_ and not nxt.whitespace_ \
            and group.end + 1 < len(doc) and doc[group.end + 1].pos_ == "NOUN" and doc[group.end + 1].head.i > group.end + 1:
        return doc[group.end + 1], None, used  # "a dramatic five-set battle": five sets, what the battle was
    # the group's own head: "two dozen countries" may hang "dozen" on "two" and "two" on "countries"
    root = next((t for t in group if not group.start <= t.head.i < group.end), last)
    if root.dep_ in ("nummod", "quantmod", "compound") and root.head.i > last.i \
            and (root.head.pos_ in ("NOUN", "PROPN") or is_unit_word(root.head.text) or _plural_as_verb(root.head)) \
            and not any(t.lower_ in TIME_DETERMINERS or t.like_num and t.text[:1].isupper() for t in doc[group.end: root.head.i]):
        head = root.head  # (not "20,000 last month": a time after it; nor "two Six Nations [wins]": a name;
        # a unit tagged as an adjective counts too: "three megapixel camera phones")
        while head.dep_ == "compound" and head.head.i > head.i and head.head.pos_ == "NOUN":
            head = head.head  # "two Six Nations wins": the number hung on a name that only modifies the noun
        return head, None, used
    for prep in [c for t in dict.fromkeys((last, root)) for c in t.children]:  # "26 of Ukraine's allies", "84 out of 112 drones"
        if prep.dep_ == "prep" and prep.lower_ in ("of", "out"):
            if any(c.dep_ == "pobj" and c.lower_ in PRONOUN_HEADS for c in prep.children):
                return None, None, used  # "a quarter of those with broadband": who they are is not named
            if any(c.dep_ == "pobj" and c.tag_ == "NNP" and any(g.dep_ == "conj" for g in c.children)
                   and not any(g.dep_ in ("case", "poss", "det") for g in c.children) for c in prep.children):
                return None, None, used  # "the top three of Chelsea, Arsenal and Everton": no count of one name
            objs = [c for c in prep.subtree if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")
                    and not any(g.dep_ == "case" for g in c.children)]  # "Ukraine's" owns, "allies" are counted
            if objs:
                noun = objs[0]
                total = next((c for c in noun.children if c.dep_ == "nummod"), None)
                if total is not None and prep.lower_ == "out":
                    used.add(total.i)
                    return noun, parse_number(total.text), used
                if total is not None:  # "121 of his 147 matches": a part of a stated whole (147 stays a fact)
                    return noun, parse_number(total.text), used
                return noun, None, used
    doc = group.doc
    k = group.end  # the surface form when the parser attached "out of" elsewhere: "84 out of 112 drones"
    if k + 1 < len(doc) and doc[k].lower_ == "out" and doc[k + 1].lower_ == "of":
        j = k + 2
        nums = []
        while j < len(doc) and numeric(doc[j]):
            nums.append(doc[j])
            j += 1
        while j < len(doc) and doc[j].pos_ in ("ADJ", "NOUN", "PROPN") and doc[j].dep_ in ("amod", "compound"):
            j += 1
        if nums and j < len(doc) and doc[j].pos_ in ("NOUN", "PROPN"):
            used.update(t.i for t in nums)
            return doc[j], parse_number(" ".join(t.text for t in nums)), used
    counter = _counted_by_subject(root)
    if counter is not None:
        return counter, None, used  # "the number sold will reach 159 million", "attendance stood at 40,000"
    start = qualifier_start(group)  # "a crowd of 40,000", "box ownership of five million": what the number sizes
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].pos_ == "NOUN" and glued_unit(last.text) is None \
            and doc[start - 2].lemma_.lower() in SIZE_NOUNS:
        return doc[start - 2], None, used  # (not "a remake of 10", "odds of 6-4", "a factor of 10": no size)
    return None, None, used


# where a noun stands in its clause: a word there tagged as a verb is a plural noun the tagger misread
NOMINAL_DEPS = {"dobj", "nsubj", "nsubjpass", "pobj", "attr", "appos"}


def _plural_as_verb(tok: "Token") -> bool:
    """A plural noun the tagger read as a verb ("no less than 34 John Wayne films": "films" VBZ), known by the
    number it carries and the noun's place it stands in."""
    return tok.tag_ == "VBZ" and tok.dep_ in NOMINAL_DEPS and tok.text.islower()


# nouns whose level a bare number after a verb of value gives: "the number sold will reach 159 million"
COUNT_WORDS = SIZE_NOUNS | {"number", "figure", "total", "tally", "count"}


def _counted_by_subject(root: "Token") -> "Token | None":
    """The subject a bare number is the level of, after a verb of value: "the number sold will reach 159
    million", "the crowd was 40,000", "attendance stood at 12,000"; only a subject that is a count or a size
    ("the firm will reach 500" counts nothing named)."""
    if root.dep_ in ("dobj", "attr"):
        verb = root.head
    elif root.dep_ == "pobj" and root.head.lower_ in ("at", "to") and root.head.dep_ == "prep":
        verb = root.head.head
    else:
        return None
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in VALUE_VERBS:
        return None
    subject = subject_noun(verb)
    return subject if subject is not None and subject.lemma_.lower() in COUNT_WORDS else None


def predicate(head: "Token", np_tokens: set[int]) -> str:
    """What the counted things did or had done to them, as written around the number."""
    verb = head
    while verb.dep_ not in ("ROOT",) and verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return ""
    toks = [t for t in verb.subtree if t.i not in np_tokens and not t.is_space]
    if min(np_tokens) < verb.i:  # the number is the subject: what follows the verb
        toks = [t for t in toks if t.i >= verb.i]
    else:  # the number is an object: who did what to it
        toks = [t for t in toks if t.i <= verb.i or t.i < min(np_tokens)]
    return tokens_text(toks[:18])


def clause_subject(noun: "Token") -> "Token | None":
    head = noun.head
    while head.pos_ not in ("VERB", "AUX") and head.head != head:
        head = head.head
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or not (head.lemma_.lower() in VALUE_VERBS or subject.lemma_.lower() in VALUE_WORDS):
        return None  # "Germany pledged 9 billion euros": Germany is not what the euros measure
    return subject


def count_clause(group: "Span", noun: "Token", np_ids: set[int], unit: str | None):
    doc = group.doc
    if unit:  # "21.9 billion euros": the answer is the amount with its currency
        end = group.end + (1 if group.end < len(doc) and doc[group.end].lower_ in CURRENCIES else 0)
        span = doc[qualifier_start(group): end]
        return clause_around(span, anchor=span.root)
    anchor = noun if group[-1].head == noun else group[-1]  # "three people" vs "26 [of Ukraine's allies]"
    return clause_around(doc[min(np_ids): max(np_ids) + 1], anchor=anchor)


def subject_noun(verb: "Token") -> "Token | None":
    """The noun subject of a verb; through a relative pronoun to the noun it stands for ("the epic, which cost")."""
    subject = subject_of(verb, shared=True)
    if subject is not None and subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        subject = verb.head
    return subject if subject is not None and subject.pos_ in ("NOUN", "PROPN") else None
