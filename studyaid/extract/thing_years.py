"""Years that date a thing rather than an event told in a clause: a work's year in brackets after its title
("the film Gangs of New York (2003)"), the year heading a named event or law ("the 2004 Brit Awards"), a year
between a possessive and the thing it dates ("her 2003 world titles") or between a determiner and a work or a
report ("the 1962 film Flight of the Condor", "a 2001 report"). Each is a date fact with no "When ...?" clause:
the sentence tells no event the year is the time of. A year in a work's description with a person's name ("the
1994 Frank Darabont tale") is not a fact.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from ..document import Document
from ..facts import DateFact
from .common import in_junk, sentence_source, tokens_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
# Nouns of a work whose title may be followed by its year in brackets: "the film Gangs of New York (2003)".
WORK_NOUNS = frozenset({"film", "movie", "novel", "book", "album", "single", "song", "play", "musical", "series",
                        "sitcom", "show", "opera", "documentary", "game", "record", "comedy", "drama", "thriller"})
# Nouns of a report a year can date: "a 2002 report", "the 2001 census".
REPORT_NOUNS = frozenset({"report", "study", "survey", "review", "census", "inquiry", "investigation"})
# Lower-case words allowed inside a name between its capitalised words: "the Assault of Pornography and Marketing Act".
NAME_JOINERS = frozenset({"of", "the", "and", "for", "on", "in", "&", "-"})


def thing_dates(doc: "Doc", document: Document) -> Iterator[DateFact]:
    """A :class:`DateFact` with no clause for each year dating a work, a name or a thing in ``doc`` outside junk."""
    for year, work in _years_of_works(doc):
        if not in_junk(document, year):
            yield DateFact(date=year.text, iso=year.text, event=tokens_text(work), event_head=work[0].lemma_.lower()
                           if work[0].lower_ in WORK_NOUNS else work[-1].lemma_.lower(), clause=None,
                           sources=[sentence_source(document, year.sent)], confidence=0.7)
    for year, name in [*_years_of_names(doc), *_years_of_owned(doc), *_years_of_described(doc)]:
        if not in_junk(document, year):
            yield DateFact(date=year.text, iso=year.text, event=tokens_text(name), event_head=name[-1].lemma_.lower(),
                           clause=None, sources=[sentence_source(document, year.sent)], confidence=0.7)


def _years_of_works(doc: "Doc") -> Iterator[tuple["Token", list["Token"]]]:
    """A year in brackets right after a work's title: "the film Gangs of New York (2003)" -> (the year,
    "the film Gangs of New York"). The title is a WORK_OF_ART or capitalised words after a work noun
    ("film", "novel"), or the next title of a list of them ("films A (1994), B (1997) and C (1998)"); a year in
    brackets after anything else ("the 2003 study (2004)", "Ann Roe (1950)") is not."""
    listed = -1  # the closing bracket of the last work's year: a list's next title is a work too
    for tok in doc:
        if not YEAR.match(tok.text) or tok.i < 2 or tok.i + 1 >= len(doc):
            continue
        if doc[tok.i - 1].text != "(" or doc[tok.i + 1].text != ")":
            continue
        last = tok.i - 2
        if not doc[last].text[:1].isupper() and not doc[last].text[:1].isdigit():
            continue
        start = last
        work = next((e for e in doc.ents if e.end - 1 == last and e.label_ == "WORK_OF_ART"), None)
        if work is not None:
            start = work.start
        while start - 1 >= tok.sent.start and (doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha
                                               or doc[start - 1].lower_ in NAME_JOINERS - {"the"}):
            start -= 1
        while start < last and doc[start].is_lower:
            start += 1  # "of" before the title is no part of it
        noun = doc[start - 1] if start - 1 >= tok.sent.start else None
        if noun is not None and noun.text in ("'s", "\u2019s") and listed >= 0:
            owner = noun.i - 1  # "..., and Ann Roe's Kelvin Nights (2003)": a listed work with its maker
            while owner > tok.sent.start and doc[owner].ent_type_ == "PERSON" and doc[owner - 1].ent_type_ == "PERSON":
                owner -= 1
            if doc[owner].ent_type_ == "PERSON" and owner - 2 == listed and doc[owner - 1].lower_ in (",", "and"):
                start, noun = owner, doc[owner - 1]
        in_list = noun is not None and noun.lower_ in (",", "and") and start - 2 == listed
        if in_list:
            pass
        elif noun is not None and noun.lemma_.lower() in WORK_NOUNS:
            start -= 1
            if start - 1 >= tok.sent.start and doc[start - 1].lower_ in ("the", "a", "his", "her", "their", "its"):
                start -= 1
        elif work is None or any(t.ent_type_ == "PERSON" for t in doc[start: last + 1]):
            continue
        listed = tok.i + 1
        yield tok, list(doc[start: last + 1])


def _years_of_names(doc: "Doc") -> Iterator[tuple["Token", list["Token"]]]:
    """A year heading a proper name: "the 2004 Brit Awards", "the 2012 Winter Olympics", "its 2003 ... Act"
    -> (the year, the name). A name a person's name starts ("the 1994 Frank Darabont tale") or that
    modifies a common noun after it is a work's description, not an event."""
    for tok in doc:
        if not YEAR.match(tok.text) or tok.i == 0 or tok.ent_type_ not in ("DATE", "EVENT", "LAW", ""):
            continue
        before = doc[tok.i - 1]
        if before.lower_ not in ("the", "its", "their", "his", "her") and before.tag_ != "POS":
            continue
        end = tok.i + 1
        last = None
        while end < len(doc) and end < tok.sent.end:
            word = doc[end]
            if word.text[:1].isupper() and word.is_alpha or word.text[:1].isdigit() and last is not None:
                last = end
            elif not (word.lower_ in NAME_JOINERS or word.text == "-") or last is None:
                break
            end += 1
        if last is None:
            continue
        name = doc[tok.i + 1: last + 1]
        after = doc[last + 1] if last + 1 < len(doc) else None
        if after is not None and after.pos_ in ("NOUN", "PROPN") and after.text.islower():
            continue  # "the 1994 Frank Darabont tale"
        if any(t.ent_type_ in ("PERSON", "WORK_OF_ART", "PRODUCT") for t in name):
            continue  # a person's work, a model year
        yield tok, [before, *name] if before.lower_ == "the" else list(name)


def _years_of_owned(doc: "Doc") -> Iterator[tuple["Token", list["Token"]]]:
    """A year between a possessive and the common noun it dates: "her 2003 world titles", "its 2002 series"
    -> (the year, "her 2003 world titles"). Whose thing it is names the event; "the 2003 study" (whose?), a
    year of a name ("London's 2012 Olympic bid") and a number of things ("its 2000 staff") are not."""
    for tok in doc:
        if not YEAR.match(tok.text) or tok.i == 0 or tok.ent_type_ != "DATE":
            continue
        k = tok.i - 1
        while k > 0 and doc[k].pos_ == "ADJ" and doc[k].dep_ == "amod" and doc[k].head.i >= tok.i:
            k -= 1  # "the director's famous 1968 film": adjectives of the thing between owner and year
        before = doc[k]
        if before.dep_ != "poss" and before.tag_ != "POS":
            continue
        if tok.dep_ not in ("nummod", "compound", "amod", "nmod") or tok.head.i <= tok.i:
            continue
        if tok.i + 1 < len(doc) and doc[tok.i + 1].text[:1].isupper():
            continue  # "London's 2012 Olympic bid": the year of a named thing, not of the bid
        noun = tok.head
        if noun.pos_ == "PROPN":  # "his 1979 masterpiece Stalker": the thing dated is the noun before its title
            noun = next((t for t in reversed(doc[tok.i + 1: noun.i]) if t.pos_ == "NOUN"), noun)
        while noun.dep_ in ("compound", "nmod", "amod") and noun.head.i > noun.i and noun.head.pos_ == "NOUN":
            noun = noun.head
        if noun.pos_ != "NOUN" or not noun.text.islower() or noun.i >= tok.sent.end:
            continue
        owner = before if before.dep_ == "poss" else before.head
        yield tok, list(doc[min(owner.left_edge.i, before.i): noun.i + 1])


def _years_of_described(doc: "Doc") -> Iterator[tuple["Token", list["Token"]]]:
    """A year between a determiner and a work or a report it dates: "the 1965 film Flight of the Phoenix", "this
    famous 1979 series", "a 2002 report" -> (the year, the noun phrase with the work's title after it). Not a year
    before a name ("the 1994 Frank Darabont tale"), a noun of anything else ("the 2004 talks"), nor a number of
    things ("the 2000 staff": no work)."""
    for tok in doc:
        if not YEAR.match(tok.text) or tok.i == 0 or tok.ent_type_ != "DATE" or tok.i + 1 >= len(doc):
            continue
        noun = tok.head
        if tok.dep_ not in ("nummod", "compound", "amod", "nmod") or noun.i != tok.i + 1 or noun.pos_ != "NOUN" \
                or not noun.text.islower() or noun.lemma_.lower() not in WORK_NOUNS | REPORT_NOUNS:
            continue
        k = tok.i - 1
        while k > tok.sent.start and doc[k].pos_ == "ADJ" and doc[k].dep_ == "amod" and doc[k].head == noun:
            k -= 1  # "this famous 1979 series"
        det = doc[k]
        title = next((c for c in noun.children if c.dep_ == "appos" and c.i == noun.i + 1 and c.text[:1].isupper()), None)
        if title is None and noun.dep_ == "compound" and noun.head.i == noun.i + 1 and noun.head.pos_ == "PROPN":
            title = noun.head  # "the 1962 film Flight of the Condor" parsed as the title's compound
        if det.dep_ != "det" or det.head not in (noun, title) or det.lower_ not in ("the", "a", "an", "this", "that"):
            continue
        end = noun.i + 1
        if title is not None:  # "the 1965 film Flight of the Phoenix"
            end = max(t.i for t in title.subtree if t.dep_ != "punct") + 1
        yield tok, list(doc[det.i: end])
