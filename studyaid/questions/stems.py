"""The stem checker's rules: every generated question, re-parsed, must read as a well-formed question.

A multiple-choice stem opens with a wh-word, has a finite verb, names what it asks about, and has no
pronoun or demonstrative whose referent is not in the question ("When did they hit the charts?",
"How many of its viewers ..."), no heading text fused into it ("... the sky The camera ...") and no
broken "How many" phrase ("How many of critics", "How many % ..."). A quotation asked about must
make sense out of its article. A cloze sentence must not carry fused heading text. What fails is
dropped with the reason, never shown. Pure over a parsed ``Doc`` of the question text.
"""
from __future__ import annotations

import re
from typing import Iterable

from ..lexicon import country_of

WH_START = re.compile(r"^(?:According to the article, (?=who\b))?(?:(?i:who)|What|When|Where|Since when|Until when|Which|Why|How many|How much|"
                      r"(?:In|At|On|From|To|Into|Through|Across|Along|Near|Towards|Over|Past|Beyond|Within|Outside|Under)"
                      r"(?: the [a-z]+ of)? which|(?:By|To) whom|(?:At least|More than|Up to|At most|Fewer than|Less than) how many)\b")
FINITE = {"VBD", "VBZ", "VBP", "MD"}
# "Who said that he ...", "Who said his side ...": these point at the "who"; "her" and "him" are as often
# someone else ("Who believed that her win ..."), so they need a name in the question
BOUND_BY_WHO = {"he", "his", "she", "himself", "herself"}
GENDERED = {"him", "her", "hers"}
NEEDS_REFERENT = {"it", "its", "they", "them", "their", "theirs", "themselves", "itself", *BOUND_BY_WHO, *GENDERED}
DEMONSTRATIVES = {"this", "these", "those", "that"}
FUSED_STARTERS = {"the", "a", "an", "but", "and", "it", "he", "she", "they", "this", "these", "those", "we", "i",
                  "there", "in", "on", "at", "however", "meanwhile"}
DANGLING = "pronoun or demonstrative without its referent"
# "University ofTexas", "the Great EdinburghInternational": words run together by a typo in the source
# (short brand halves such as "PlayStation" or "EastEnders" are left alone)
RUN_TOGETHER = re.compile(r"\b(?:[a-z]{2,}|[A-Z][a-z]{5,})[A-Z][a-z]{3,}")
ORPHAN_POSSESSIVE = re.compile(r"[\w](?:'s|\u2019s)\s*[,.;:?!]")  # "in northeastern Ukraine's, ..."
DOUBLED = re.compile(r"\b(?!(?:that|had|is)\b)(\w+) \1\b", re.IGNORECASE)  # "worse than than it is": a typo
QUOTE_MARKS = {"\u201c", "\u201d", '"', "\u2018", "\u2019"}


def _outside_quotes(doc) -> list:
    """Tokens of the question that are not inside quotation marks."""
    out, inside = [], False
    for t in doc:
        if t.text in ('"', "\u201c", "\u201d"):
            inside = not inside if t.text == '"' else t.text == "\u201c"
            continue
        if not inside:
            out.append(t)
    return out


def _quoted(doc) -> list:
    outside = {t.i for t in _outside_quotes(doc)}
    return [t for t in doc if t.i not in outside and t.text not in QUOTE_MARKS]


def _wh_end(tokens: list) -> int:
    """Index (in ``tokens``) of the first token after the wh-phrase: the first verb or auxiliary."""
    for k, t in enumerate(tokens):
        if t.tag_ in FINITE or t.pos_ in ("AUX", "VERB"):
            return k
    return len(tokens)


def _fused_heading(tokens: Iterable) -> bool:
    """A capitalised function word mid-sentence after a lower-case word with no punctuation between:
    a heading or a caption run into the sentence ("... in the sky The camera ...")."""
    tokens = list(tokens)
    for prev, t, nxt in zip(tokens, tokens[1:], [*tokens[2:], None]):
        if (t.text[:1].isupper() and t.lower_ in FUSED_STARTERS and t.text != "I"
                and prev.text[:1].islower() and prev.is_alpha and t.i == prev.i + 1
                and (nxt is None or not nxt.text[:1].isupper())):  # "The Aviator" is a title, not a heading
            return True
    return False


def _how_many_problem(tokens: list) -> str | None:
    words = [t.lower_ for t in tokens]
    if "how" not in words or "many" not in words[words.index("how"):][:2]:
        return None
    k = words.index("many") + 1
    rest = tokens[k:]
    if not rest:
        return "broken 'How many' phrase"
    if rest[0].lower_ == "of":  # "How many of the 112 drones", "How many of Ukraine's allies"
        if len(rest) < 2 or not (rest[1].pos_ in ("DET", "PRON") or rest[1].tag_ == "PRP$"
                                 or rest[1].pos_ == "PROPN" and len(rest) > 2 and rest[2].tag_ == "POS"):
            return "broken 'How many of' phrase"
        return None
    for k, t in enumerate(rest):
        if t.tag_ in ("NNS", "NNPS"):
            after = rest[k + 1:k + 3]
            if after and after[0].pos_ == "NOUN" and after[0].tag_ == "NN":
                return "broken 'How many' phrase"  # "How many ships frigate ..."
            if len(after) == 2 and after[0].pos_ == "VERB" and after[1].pos_ == "AUX":
                return "broken 'How many' phrase"  # the same, the stray noun tagged as a verb
            return None
        if t.pos_ in ("ADJ", "NUM") or t.tag_ in ("NN", "NNP") and t.dep_ in ("compound", "amod", "nmod"):
            continue
        break
    return "'How many' without a plural noun"


def _dangling(tokens: list, starts_with_who: bool) -> str | None:
    """A pronoun or demonstrative outside quotes whose referent the question does not give."""
    body = tokens[_wh_end(tokens):]
    for k, t in enumerate(body):
        low = t.lower_
        before = body[:k]
        if low in DEMONSTRATIVES and (t.dep_ == "det" or t.pos_ == "PRON" and low != "that"):
            return DANGLING
        if _such_noun(body, k):
            return DANGLING  # "thousands of such troops": such as what the question does not say
        if low == "then" and k and before[-1].lower_ in ("since", "until", "till", "by"):
            return DANGLING  # "since then": a time the question does not give
        if low not in NEEDS_REFERENT or t.pos_ not in ("PRON", "DET"):
            continue
        if low in BOUND_BY_WHO and starts_with_who:
            continue
        if low in BOUND_BY_WHO | GENDERED and any(b.ent_type_ == "PERSON" or b.pos_ == "PROPN" for b in before):
            continue
        if low == "it" and t.head.lemma_ == "be" and any(c.dep_ in ("acomp", "ccomp", "xcomp") for c in t.head.children):
            continue  # "it was important to ...": an expletive, not a reference
        if low not in BOUND_BY_WHO | GENDERED and any(b.pos_ in ("NOUN", "PROPN") for b in before):
            continue
        return DANGLING
    return None


def _such_noun(tokens: list, k: int) -> bool:
    """"such troops", "such a plan": pointing back at something the text before named; "such as" lists it."""
    t = tokens[k]
    return (t.lower_ == "such" and t.dep_ in ("det", "amod", "predet") and t.head.pos_ == "NOUN"
            and not (k + 1 < len(tokens) and tokens[k + 1].lower_ == "as"))


# nouns that name one thing the world over: "the world", "the public" need no article to say which
ONE_OF_A_KIND = frozenset({"world", "public", "internet", "web", "economy", "weather", "future", "past", "sun",
                           "moon", "environment", "media", "press"})


def _bare_definite(tokens: list) -> str | None:
    """In a "Who said that ..." stem, a subject in the reported clause is "the" + a bare common
    noun ("the men were killed", "make the initiative credible"): which men, which initiative, the
    question does not say."""
    seen_that = False
    for t in tokens:
        if t.lower_ == "that" and t.dep_ == "mark":
            seen_that = True
        if not seen_that or t.pos_ != "NOUN" or t.dep_ not in ("nsubj", "nsubjpass"):
            continue
        children = list(t.children)
        if (len(children) == 1 and children[0].dep_ == "det" and children[0].lower_ == "the"
                and t.lower_ not in ONE_OF_A_KIND and not t.ent_type_):
            return "refers to something the question does not name"
    return None


def _disagreement(tokens: list) -> str | None:
    """Do-support that does not agree with its subject ("When do Kelvale's captain Mara Lind win ...": the
    verb was a bare infinitive after "saw"), or a finite verb coordinated with a participle ("added that
    he has ... and expressing hope"): the clause was cut out of a longer one."""
    for t in tokens:
        if t.dep_ == "aux" and t.lower_ in ("do", "does"):
            subjects = [c for c in t.head.children if c.dep_ == "nsubj"]
            # a person is one ("When do Mara Lind win"), a team or a band may be many ("When do England play")
            if subjects and (subjects[0].pos_ == "NOUN" or subjects[0].ent_type_ == "PERSON"):
                plural = subjects[0].tag_ in ("NNS", "NNPS")
                if plural != (t.lower_ == "do"):
                    return "subject and verb disagree"
        if (t.dep_ == "conj" and t.tag_ == "VBG" and t.head.tag_ in ("VBZ", "VBD", "VBP")
                and any(c.dep_ == "cc" for c in t.head.children)):
            return "broken clause"
    return None


NAMED = ("PERSON", "ORG", "GPE", "NORP", "WORK_OF_ART", "EVENT", "FAC", "PRODUCT", "LOC")
MAX_STEM_WORDS = 20


def _unnamed_subject(tokens: list, text: str) -> bool:
    """The clause asked about has no named subject: a common noun or a pronoun with no name on it
    ("the band", "the tour", "each shopper", "the two sides"), so which one a student cannot tell
    without the article. A named event taking place ("the Harbour Lights festival") is named by its name words;
    when the wh-phrase is the subject ("How many fans were hurt?"), the rest must name something."""
    first_verb = tokens[_wh_end(tokens)].i if _wh_end(tokens) < len(tokens) else len(tokens)
    event = text.endswith("take place?")
    subjects = [t for t in tokens if t.dep_ in ("nsubj", "nsubjpass") and t.i >= first_verb and t.head.dep_ == "ROOT"]
    if not subjects:  # the wh-phrase is the subject
        return not any(t.pos_ == "PROPN" or t.ent_type_ in NAMED for t in tokens)
    for t in subjects:
        if t.pos_ == "PROPN" or t.ent_type_ in NAMED:
            continue
        if any(c.dep_ in ("compound", "poss", "amod", "nmod") and (c.pos_ == "PROPN" or c.ent_type_ in NAMED)
               for c in t.children):
            continue  # "the Kelvale tour", "Arlen Pike's band": named by what modifies it
        if any(c.dep_ == "prep" and c.lower_ == "of" and any(g.pos_ == "PROPN" or g.ent_type_ in NAMED
                                                             for g in c.subtree) for c in t.children):
            continue  # "the portable version of the PlayStation", "the new version of the Kelvale phone"
        if any(c.tag_ == "JJS" and c.lower_ not in ("best", "worst") for c in t.children) and any(
                c.dep_ == "prep" and any(g.pos_ == "PROPN" or g.ent_type_ in NAMED for g in c.subtree) for c in t.children):
            continue  # one thing: "the largest city on the Velda", "the longest river in Austria"
        if event and any(w.pos_ == "PROPN" for w in t.subtree):
            continue
        return True
    return False


def _anchor(tokens: list) -> bool:
    """The question names what it asks about: a name or a figure somewhere in it."""
    return any(t.pos_ == "PROPN" or t.ent_type_ and t.ent_type_ != "CARDINAL" or re.search(r"\d", t.text)
               for t in tokens)


def _only_a_nationality(tokens: list) -> bool:
    """The question's one name is a nationality ("How many people did Russian drones kill?"): no place,
    no time, no one named — which attack of a long war, a student cannot tell."""
    names = [t for t in tokens if t.pos_ == "PROPN" or t.ent_type_ in NAMED or re.search(r"\d", t.text)]
    # a singular proper noun the model calls NORP is a name ("the Velda"), not a nationality ("Russian", "Russians")
    return bool(names) and all(t.ent_type_ == "NORP" and (t.tag_ != "NNP" or country_of(t.text)) for t in names)


STRANDED = re.compile(r"\b(?:from|by|at|in|on|with|of|for|to|between)\s+(?:to|from|by|at|in|on|with|of|for|and|or|"
                      r"compared|than)\b", re.IGNORECASE)
AMOUNT = re.compile(r"[$\u00a3\u20ac]\s?\d|\d\s?%|\d+(?:\.\d+)?\s?(?:m|bn|million|billion)\b")


def _written_wrong(text: str) -> str | None:
    """Slips in the source that a question must not repeat: a word twice, words run together, a
    possessive with nothing after it."""
    if DOUBLED.search(text):
        return "a word written twice"
    if RUN_TOGETHER.search(text):
        return "words run together"
    if ORPHAN_POSSESSIVE.search(text):
        return "a possessive with nothing after it"
    return None


def _broken_syntax(tokens: list, text: str) -> str | None:
    """Parts the answer's removal or a clause cut left behind: a conjunction with nothing to join
    ("... at Twickenham and Kirwan?", "... part and?"), a preposition without its object ("fall from to
    9.6%"), an article and adjective with no noun ("at a slender?")."""
    words = [t for t in tokens if not t.is_punct]
    if words and (words[-1].pos_ in ("CCONJ", "DET") or words[-1].tag_ in ("DT", "CC", "PRP$")):
        return "broken clause"
    if len(words) >= 2 and words[-1].pos_ == "ADJ" and words[-2].pos_ == "DET":
        return "broken clause"
    for t in tokens:
        if t.dep_ == "cc" and not any(c.dep_ == "conj" for c in t.head.children):
            return "broken clause"
    if re.search(r"\b(?:a|an|the)\s+(?:of|to|in|on|at|for|with|by|and|or)\b", text, re.IGNORECASE):
        return "broken clause"  # "equalled an of four defeats": the answer was cut out of its phrase
    if STRANDED.search(re.sub(r"\b(?:up to|out of|according to|compared to|compared with|due to|close to|next to)\b",
                              "", text, flags=re.IGNORECASE)):
        return "broken clause"
    return None


QUOTE_LINKS = frozenset({"but", "and", "so", "yet", "also"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})


def quote_problem(doc) -> str | None:
    """A quotation that says nothing out of its article: it opens on a pronoun or demonstrative
    subject ("They are adding to their armoury") and names nothing."""
    words = [t for t in _quoted(doc) if not t.is_punct]
    if not words:
        return None
    first = words[0]
    names = any(t.pos_ == "PROPN" or t.ent_type_ for t in words)
    if first.lower_ in (NEEDS_REFERENT - BOUND_BY_WHO) | {"this", "these", "those", "that", "he", "she"} and not names:
        return "quotation without its context"
    if first.lower_ in QUOTE_LINKS and first.text[:1].isupper():
        return "quotation without its context"  # "But everyone is beatable ...": the answer to something not shown
    for k, t in enumerate(words):
        if t.lower_ in PERSON_PRONOUNS and t.pos_ == "PRON" and not any(
                w.ent_type_ == "PERSON" or w.pos_ == "PROPN" and not w.ent_type_ for w in words[:k]):
            return "quotation without its context"  # "I rushed a few and he took advantage": who is he?
    return None


def stem_problem(doc) -> str | None:
    """Why a parsed multiple-choice stem is not a well-formed question, or None."""
    text = doc.text.strip()
    if not WH_START.match(text):
        return "does not open with a question word"
    if not (text.endswith("?") or text.endswith("\u201d") or text.endswith('"')):
        return "does not end as a question"
    tokens = _outside_quotes(doc)
    if not any(t.tag_ in FINITE for t in tokens):
        return "no finite verb"
    if _fused_heading(tokens) or _fused_heading(_quoted(doc)):
        return "heading text fused into the stem"
    problem = _how_many_problem(tokens)
    if problem:
        return problem
    starts_with_who = text.split(" ", 1)[0] == "Who" or text.startswith("According to the article, who")
    if starts_with_who:
        after_that = [t for t in tokens if t.i > 0]
        for prev, t in zip(after_that, after_that[1:]):
            if prev.lower_ == "that" and prev.i <= 3 and t.pos_ == "CCONJ":
                return "reported clause opens with a conjunction"
    problem = _dangling(tokens, starts_with_who)
    if problem:
        return problem
    problem = _broken_syntax(tokens, text) or _disagreement(tokens)
    if problem:
        return problem
    if starts_with_who and (problem := _bare_definite(tokens)) is not None:
        return problem
    if re.match(r"(?:\w+ \w+ )?How (?:many|much)", text) and AMOUNT.search(text):
        return "another amount in an amount question"  # "How much is it: £40m or £50m?"
    if text.startswith("When") and any(t.ent_type_ == "DATE" and t.like_num for t in tokens):
        return "another date in a date question"  # "When did the show run to 1987?"
    if re.search(r"[,;:.]\s*[,;:.?]|\?\s*\S", text.rstrip("\u201d\"")) or text.count("(") != text.count(")"):
        return "broken punctuation"
    if (problem := _written_wrong(text)) is not None:
        return problem
    if not starts_with_who and (not _anchor(tokens) or _unnamed_subject(tokens, text) or _only_a_nationality(tokens)):
        return "does not name what it asks about"
    if not starts_with_who and (len([t for t in tokens if not t.is_punct]) > MAX_STEM_WORDS or text.count(",") > 1):
        return "too long to read as one question"
    return quote_problem(doc)


FIRST_SECOND = frozenset({"i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your", "yours"})
OPENING_PRONOUNS = {"he", "she", "it", "they", "this", "these", "those", "his", "her", "its", "their", "there", "that"}
CONNECTIVES = re.compile(r"^(?:in comparison|by contrast|in contrast|instead|also|but|and|however|similarly|likewise|"
                         r"still|yet|so|meanwhile|nevertheless|as a result|in addition|again)\b", re.IGNORECASE)


def _inside_quote(doc, token) -> bool:
    return token.i not in {t.i for t in _outside_quotes(doc)}


def _unnamed_definite_subject(doc, answer_span: tuple[int, int] | None) -> bool:
    """The sentence's main subject is "the" + a common noun with no name of its own outside the gap
    ("The club said ...", "The original title won ...", "The _____ runner set ..."): it points back at
    something the sentence does not name."""
    lo, hi = answer_span or (-1, -1)
    for t in doc:
        if t.dep_ not in ("nsubj", "nsubjpass") or t.head.dep_ != "ROOT" or t.pos_ != "NOUN" or _inside_quote(doc, t):
            continue
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in t.children):
            continue
        clauses = {w.i for c in t.children if c.dep_ in ("relcl", "acl") for w in c.subtree}
        named = [w for w in t.subtree if (w.pos_ == "PROPN" or w.like_num or w.ent_type_)
                 and not lo <= w.idx < hi and w.i not in clauses]  # "The veteran lock, who is 36 in May, ...": unnamed
        if not named:
            return True
    return False


def _in_title(token) -> bool:
    """A word of a capitalised title ("the single We Are The World"), not a pronoun someone speaks."""
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if token.i > token.sent.start and token.text[:1].isupper() and token.text != "I":
        return True  # "We" mid-sentence
    return after is not None and after.is_alpha and after.text[:1].isupper() and after.text != "I"


def cloze_problem(doc, answer_span: tuple[int, int] | None = None) -> str | None:
    """Why a cloze sentence is not fit to show out of its article, or None: fused heading text, an
    opening pronoun or connective that points at the sentence before ("He is ...", "In comparison,
    ..."), a quotation cut open or with nobody to say it."""
    if _fused_heading(doc):
        return "heading text fused into the sentence"
    text = doc.text.strip()
    words = [t for t in doc if t.is_alpha]
    if (words and words[0].lower_ in OPENING_PRONOUNS and not _inside_quote(doc, words[0])
            and not (words[0].lower_ == "there" and words[0].dep_ == "expl")
            and not (words[0].lower_ == "that" and words[0].dep_ == "det")):
        return "sentence opens on a pronoun without its referent"
    if words and words[0].lower_ == "one" and words[0].dep_ in ("nsubj", "nsubjpass") and not list(words[0].children):
        return "sentence opens on a pronoun without its referent"  # "One is a sprinter ...": one of what?
    root_subjects = [t for t in doc if t.dep_ in ("nsubj", "nsubjpass") and not _inside_quote(doc, t)
                     and (t.head.dep_ == "ROOT" and t.lower_ in OPENING_PRONOUNS - {"there"}
                          or t.lower_ in ("this", "that", "these", "those") and t.pos_ == "PRON")]
    if root_subjects:
        return "sentence opens on a pronoun without its referent"
    if (problem := _written_wrong(text)) is not None:
        return problem
    outside = _outside_quotes(doc)
    for k, t in enumerate(outside):
        if (t.lower_ in ("this", "these", "those", "such") and t.dep_ in ("det", "amod", "predet")
                and t.head.pos_ == "NOUN" and not (t.lower_ == "such" and k + 1 < len(outside)
                                                   and outside[k + 1].lower_ == "as")):
            return DANGLING  # "this group", "such troops": what they point back to is not in the sentence
        referents = ("PROPN",) if t.lower_ in BOUND_BY_WHO | GENDERED else ("PROPN", "NOUN")  # "her" needs a person
        if t.lower_ in NEEDS_REFERENT and t.pos_ in ("PRON", "DET") and not any(
                b.pos_ in referents for b in outside[:k]):
            return DANGLING
    speaking = [t for t in outside if t.lower_ in FIRST_SECOND and t.pos_ == "PRON" and t.text != "US"
                and not _in_title(t)]
    if speaking:
        return "first or second person outside a quote"  # a line of a quote split off its marks: "we" is who?
    if CONNECTIVES.match(text.lstrip("\u201c\"' ")):
        return "sentence opens on a link to the sentence before"
    if _unnamed_definite_subject(doc, answer_span):
        return "does not name what it is about"
    opened, closed, straight = text.count("\u201c"), text.count("\u201d"), text.count('"')
    if opened != closed or straight % 2:
        return "quotation marks left open"
    if text[:1] in ("\u201c", '"') and text[-1:] in ("\u201d", '"') and text.count(text[-1:]) <= 2:
        return "quotation without its speaker"
    return None
