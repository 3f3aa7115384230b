"""Hand-built facts for question tests: every fact type, a small cast of people and places."""
from __future__ import annotations

import re
from typing import Iterable

from studyaid.document import Source
from studyaid.facts import Clause, DateFact, Entity, EntityRef, FactSet, Place, Quantity, Quote, Role

DOC = "seeds/news.txt"

# name -> aliases (every spelling an article may use)
PEOPLE = {
    "Vladimir Putin": ["Putin", "Vladimir Putin"],
    "Volodymyr Zelenskyy": ["Zelensky", "Zelenskyy", "Volodymyr Zelenskyy"],
    "Mark Rutte": ["Rutte", "Mark Rutte"],
    "Emmanuel Macron": ["Macron", "Emmanuel Macron"],
    "Keir Starmer": ["Starmer", "Keir Starmer"],
    "Donald Trump": ["Trump", "Donald Trump"],
    "Antonio Costa": ["Costa", "Antonio Costa"],
    "Ursula von der Leyen": ["von der Leyen", "Ursula von der Leyen"],
}
# name -> (kind, country)
PLACES = {
    "Paris": ("city", "FR"), "Vladivostok": ("city", "RU"), "Moscow": ("city", "RU"), "Prague": ("city", "CZ"),
    "Kyiv": ("city", "UA"), "Helsinki": ("city", "FI"), "Washington": ("city", "US"), "Brussels": ("city", "BE"),
    "France": ("country", "FR"), "Ukraine": ("country", "UA"), "Russia": ("country", "RU"),
    "Kharkiv region": ("region", "UA"), "Khotimlya": ("village", "UA"),
}


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def src(sentence: str, document: str = DOC, start: int = 0) -> Source:
    return Source(document=document, sentence=sentence, start=start, end=start + len(sentence))


def ref(name: str, mention: str | None = None, kind: str = "person") -> EntityRef:
    return EntityRef(mention=mention or name, name=name, id=f"{kind}:{slug(name)}", kind=kind)


def person(name: str, mentions: int = 3, aliases: Iterable[str] | None = None, documents: Iterable[str] = (DOC,)) -> Entity:
    return Entity(id=f"person:{slug(name)}", name=name, kind="person",
                  aliases=list(aliases if aliases is not None else PEOPLE.get(name, [name])), mentions=mentions,
                  documents=list(documents))


def place_entity(name: str, mentions: int = 2, documents: Iterable[str] = (DOC,)) -> Entity:
    kind, country = PLACES[name]
    return Entity(id=f"place:{slug(name)}", name=name, kind="place", aliases=[name], place_kind=kind,
                  country=country, mentions=mentions, documents=list(documents))


def cast() -> list[Entity]:
    """Every person and place above, as canonical entities (the corpus a question chooses options from)."""
    return [person(n) for n in PEOPLE] + [place_entity(n) for n in PLACES]


def quote(speaker: str, text: str, sentence: str | None = None, *, mode: str = "direct", cue: str = "say",
          cue_text: str = "said", mention: str | None = None, resolved_from: str | None = None,
          partial_quotes: Iterable[str] = (), sources: list[Source] | None = None, confidence: float = 0.8) -> Quote:
    mention = mention or speaker.split()[-1]
    if sentence is None:
        sentence = (f"\u201c{text},\u201d {resolved_from or mention} {cue_text}." if mode == "direct"
                    else f"{resolved_from or mention} {cue_text} that {text}.")
    return Quote(speaker=ref(speaker, mention), text=text, mode=mode, cue=cue, cue_text=cue_text,
                 resolved_from=resolved_from, partial_quotes=list(partial_quotes),
                 sources=sources or [src(sentence)], confidence=confidence)


def clause(subject: str, verb: str, lemma: str, tag: str = "VBD", *, aux: str = "", between: str = "",
           after: str = "", answer_role: str = "object") -> Clause:
    return Clause(subject=subject, aux=aux, verb=verb, lemma=lemma, tag=tag, between=between, after=after,
                  answer_role=answer_role)


def quantity(value: float, text: str, counted: str, counted_head: str, sentence: str, *, phrase: str | None = None,
             clause: Clause | None = None, qualifier: str | None = None, unit: str | None = None,
             total: float | None = None, vague: bool = False, predicate: str = "") -> Quantity:
    return Quantity(value=value, text=text, counted=counted, counted_head=counted_head,
                    phrase=phrase or f"{text} {counted}", clause=clause, qualifier=qualifier, unit=unit, total=total,
                    vague=vague, predicate=predicate, sources=[src(sentence)])


def place(name: str, event: str, event_head: str, sentence: str, *, clause: Clause | None = None,
          relation: str = "in", event_kind: str = "noun", mention: str | None = None) -> Place:
    kind, country = PLACES[name]
    return Place(place=ref(name, mention, kind="place"), place_kind=kind, country=country, event=event,
                 event_head=event_head, relation=relation, event_kind=event_kind, clause=clause,
                 sources=[src(sentence)])


def role(name: str, title: str, organization: str | None, sentence: str, *, role: str | None = None,
         mention: str | None = None) -> Role:
    return Role(person=ref(name, mention), title=title, organization=organization,
                role=role or " ".join(p for p in (organization, title) if p), sources=[src(sentence)])


def date(written: str, iso: str | None, event: str, event_head: str, sentence: str, *,
         clause: Clause | None = None) -> DateFact:
    return DateFact(date=written, iso=iso, event=event, event_head=event_head, clause=clause, sources=[src(sentence)])


def factset(*facts, entities: list[Entity] | None = None) -> FactSet:
    return FactSet(documents=[DOC], entities=cast() if entities is None else entities, facts=list(facts))


# A small corpus with every fact type, as the seed articles state it ------------------------------------
def rutte_quote() -> Quote:
    return quote("Mark Rutte", "Why are we interested in what Russia thinks about troops in Ukraine?",
                 "\u201cWhy are we interested in what Russia thinks about troops in Ukraine?\u201d Rutte said.")


def putin_warning() -> Quote:
    return quote("Vladimir Putin", "any foreign troops deployed to Ukraine would be legitimate targets",
                 "Russian President Vladimir Putin warned that any foreign troops deployed to Ukraine would be "
                 "legitimate targets.", mode="reported", cue="warn", cue_text="warned", mention="Vladimir Putin")


def drones() -> Quantity:
    return quantity(84, "84", "drones", "drone",
                    "Ukraine\u2019s air force reported intercepting 84 out of 112 drones launched overnight.",
                    phrase="84 out of 112 drones", total=112,
                    clause=clause("Ukraine\u2019s air force", "reported", "report", between="intercepting"))


def allies() -> Quantity:
    return quantity(26, "26", "Ukraine\u2019s allies", "ally",
                    "French President Emmanuel Macron announced that 26 of Ukraine\u2019s allies had pledged to send "
                    "troops.", phrase="26 of Ukraine\u2019s allies",
                    clause=clause("26 of Ukraine\u2019s allies", "pledged", "pledge", "VBN", aux="had",
                                  after="to send troops", answer_role="subject"))


def paris_meeting() -> Place:
    return place("Paris", "European leaders met", "meet", "European leaders met in Paris on Thursday.",
                 event_kind="clause", clause=clause("European leaders", "met", "meet", after="on Thursday"))


def vladivostok_forum() -> Place:
    return place("Vladivostok", "the Eastern Economic Forum", "forum",
                 "Putin spoke at the Eastern Economic Forum in Vladivostok.")


def rutte_role() -> Role:
    return role("Mark Rutte", "Secretary-General", "NATO",
                "Meanwhile, NATO Secretary-General Mark Rutte warned that Russia could threaten Europe.")


def starmer_role() -> Role:
    return role("Keir Starmer", "Prime Minister", "UK",
                "UK Prime Minister Keir Starmer spoke to reporters in London.")


def macron_role() -> Role:
    return role("Emmanuel Macron", "President", "French", "French President Emmanuel Macron hosted the talks.")


def phase_out() -> DateFact:
    return date("January 1, 2028", "2028-01-01", "the EU will stop imports of Russian gas", "stop",
                "The EU will stop imports of Russian gas by January 1, 2028.",
                clause=clause("The EU", "stop", "stop", "VB", aux="will", between="imports of Russian gas"))


def meeting_date() -> DateFact:
    return date("September 4", "--09-04", "European leaders met in Paris", "meet",
                "European leaders met in Paris on September 4.",
                clause=clause("European leaders", "met", "meet", between="in Paris"))


def corpus() -> FactSet:
    return factset(rutte_quote(), putin_warning(), drones(), allies(), paris_meeting(), vladivostok_forum(),
                   rutte_role(), starmer_role(), macron_role(), phase_out(), meeting_date())
