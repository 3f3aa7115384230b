"""English for questions: past tenses, do-support, wh-questions from a clause, trimmed quotations."""
from __future__ import annotations

import re

from ..facts import Clause
from ..lexicon import NUMBER_WORDS, OFFICES

IRREGULAR_PAST = {
    "say": "said", "tell": "told", "write": "wrote", "speak": "spoke", "meet": "met", "come": "came",
    "go": "went", "take": "took", "give": "gave", "hold": "held", "make": "made", "send": "sent",
    "lead": "led", "find": "found", "bring": "brought", "think": "thought", "leave": "left", "put": "put",
    "be": "was", "have": "had", "do": "did", "begin": "began", "see": "saw", "get": "got", "know": "knew",
    "keep": "kept", "set": "set", "show": "showed", "become": "became", "fall": "fell", "rise": "rose",
    "hear": "heard", "swear": "swore", "seek": "sought", "pay": "paid", "lay": "laid", "win": "won",
    "lose": "lost", "quit": "quit", "build": "built", "buy": "bought", "sell": "sold", "fight": "fought",
    "teach": "taught", "feel": "felt", "stand": "stood", "understand": "understood", "spend": "spent",
    "forecast": "forecast", "foresee": "foresaw", "withdraw": "withdrew", "draw": "drew", "run": "ran",
    "strike": "struck", "shoot": "shot", "cut": "cut", "let": "let", "read": "read", "mean": "meant",
    "choose": "chose", "forget": "forgot", "break": "broke", "drive": "drove", "lend": "lent",
}
# two-syllable verbs stressed on the last syllable double their final consonant: admitted, preferred
STRESSED_LAST = {"admit", "commit", "submit", "omit", "permit", "emit", "transmit", "regret", "refer", "prefer",
                 "confer", "defer", "deter", "occur", "incur", "recur", "control", "patrol", "compel", "propel",
                 "expel", "rebut", "abet", "equip", "acquit", "allot", "embed"}
# titles written capitalised before a name in running text ("President Putin", "Professor Lind"); other
# jobs are written in lower case there ("conductor Marcello Viotti", "striker Arlen Pike")
FORMAL_TITLES = frozenset({
    "president", "vice-president", "minister", "secretary", "secretary-general", "governor", "chancellor",
    "senator", "mayor", "ambassador", "king", "queen", "pope", "premier", "commissioner", "general", "judge",
    "professor", "inspector", "superintendent", "constable", "detective", "sergeant", "colonel", "lieutenant",
    "commander", "admiral", "marshal", "chief", "prosecutor", "speaker", "mp", "mep", "ceo",
})
DO_FORMS = {"VBD": "did", "VBZ": "does", "VBP": "do"}
MAX_QUOTE_WORDS = 28


def past_tense(lemma: str) -> str:
    lemma = lemma.lower()
    if lemma in IRREGULAR_PAST:
        return IRREGULAR_PAST[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if re.search(r"[^aeiou]y$", lemma):
        return lemma[:-1] + "ied"
    if lemma in STRESSED_LAST or re.fullmatch(r"(?:qu|[^aeiou])*[aeiou][bdgmnprt]", lemma):
        return lemma + lemma[-1] + "ed"  # one syllable ending consonant-vowel-consonant: stopped, planned
    return lemma + "ed"


def _join(*parts: str) -> str:
    """Clause parts as one question body: no space before punctuation, no doubled or trailing
    punctuation where a part was cut ("the Wales star,, with" -> "the Wales star, with")."""
    text = " ".join(p.strip() for p in parts if p and p.strip())
    text = re.sub(r"\s+([,.?;:])", r"\1", text)
    text = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", text)
    return text.rstrip(" ,;:.")


def ask(wh: str, clause: Clause) -> str | None:
    """A wh-question about the answer slot of ``clause``: "How many drones did X report intercepting?"

    ``wh`` is the question phrase that replaces the answer ("How many drones", "When", "In which city").
    Subject answers keep the verb as written; other answers take do-support or invert the auxiliary.
    """
    if clause.answer_role == "subject":
        return _join(wh, clause.aux, clause.verb, clause.after) + "?"
    subject = _lower_first(clause.subject, clause.subject_common)
    if (wh == "When" or wh.startswith(("In which", "At which"))) and clause.aux.lower() in ("has", "have") \
            and clause.tag == "VBN":
        # "When has X won ...?", "In which country has X died?" are not idiomatic: a date or a place asks
        # for the simple past
        return _join(wh, "did", subject, clause.lemma, clause.between, clause.after) + "?"
    if clause.aux:
        aux, *rest = clause.aux.split()
        return _join(wh, aux, subject, " ".join(rest), clause.verb, clause.between, clause.after) + "?"
    if clause.lemma.lower() == "be":
        return _join(wh, clause.verb, subject, clause.between, clause.after) + "?"
    do = DO_FORMS.get(clause.tag)
    if do is None:
        return None
    return _join(wh, do, subject, clause.lemma, clause.between, clause.after) + "?"


def _lower_first(text: str, common: bool = False) -> str:
    """Lower-case a leading article or pronoun ("The leaders" -> "the leaders"), or a common noun the
    parse marked as such ("Leaders" -> "leaders"), never a name."""
    first, _, rest = text.partition(" ")
    if first.casefold() in OFFICES and first.casefold() not in FORMAL_TITLES and rest[:1].isupper():
        return f"{first.lower()} {rest}"  # "Conductor Marcello Viotti" opened its sentence; "President Putin" stays
    if common or first in ("The", "A", "An", "This", "These", "Those", "Some", "Many", "He", "She", "It", "They"):
        return f"{first.lower()} {rest}".strip()
    if first.lower() in NUMBER_WORDS and rest[:1].islower():  # "One of the claimants", "Two men"
        return f"{first.lower()} {rest}"
    return text


def trim_quote(text: str, max_words: int = MAX_QUOTE_WORDS) -> str:
    """A long quotation cut at a clause boundary, with an ellipsis: never mid-phrase."""
    text = " ".join(text.split())
    words = text.split(" ")
    if len(words) <= max_words:
        return text
    head = " ".join(words[:max_words])
    cut = max(head.rfind(". "), head.rfind("? "), head.rfind("; "), head.rfind(", "), head.rfind(" -- "))
    if cut < len(head) // 3:
        cut = len(head)
    return head[:cut].rstrip(" ,;:-") + " \u2026"


def quoted(text: str) -> str:
    inner = text.strip().strip('"\u201c\u201d')
    return "\u201c" + inner + "\u201d"


def sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


UNNAMING = {"The", "A", "An", "This", "That", "These", "Those", "Some", "Many", "Each", "Every", "Only", "One",
            "He", "She", "It", "They", "His", "Her", "Its", "Their", "Both", "All", "Most", "Other", "Such",
            # a day or a month names when, not what: "Sunday's meeting" is still "the meeting"
            "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
            "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}


def names_its_subject(clause: Clause) -> bool:
    """The clause says who or what it is about with a name ("Ms Simonetti", "the Kelvale tour"), not
    only a common noun ("the tour", "only one", "the two sides"): otherwise a question built on it
    cannot be answered without the article. For a clause whose subject is the answer, the rest of the
    clause must carry a name."""
    text = f"{clause.subject} {clause.after}" if clause.answer_role == "subject" else clause.subject
    words = re.findall(r"[\w-]+", text)
    return any(w[:1].isupper() and w not in UNNAMING for w in words)
