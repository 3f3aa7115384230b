"""The whole fact layer on the five seed articles: what a reader must get, and nothing from page junk.

The corpus is extracted once for the module (and once more from the parse cache)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from studyaid.fact_cache import FactCache
from studyaid.facts import FactSet
from studyaid.nlp import DocCache
from studyaid.pipeline import extract_corpus

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# Page junk in the seeds: text that must never be the source of a fact. Each marker stands for its whole
# line; "More Military" for the teaser list to the end of the file.
JUNK_LINES = [
    "Evi Kiorri is a Brussels-based journalist",
    "Long Story Short",
    "Jack Buckby is a British author",
    "RFE/RL journalists report the news in 27",  # then a no-break space: "27\u00a0languages"
    "16x9 Image",
    "Mike Eckel",
    "Production: By Europod",
    "No media source currently available",
    "0:00 0:01:18 0:00",
]
JUNK_TO_END = ["More Military"]


@pytest.fixture(scope="module")
def corpus(nlp, tmp_path_factory):
    """Two runs over the seeds with one cache folder: the first parses, the second reads the cache."""
    folder = tmp_path_factory.mktemp("parse-cache")
    first_cache = DocCache(nlp, folder=folder)
    first = extract_corpus([str(SEEDS)], nlp=nlp, cache=first_cache)
    second_cache = DocCache(nlp, folder=folder)
    second = extract_corpus([str(SEEDS)], nlp=nlp, cache=second_cache)
    return first, first_cache, second, second_cache


@pytest.fixture(scope="module")
def facts(corpus) -> FactSet:
    return corpus[0]


def quotes_of(facts: FactSet, name: str) -> list:
    return [f for f in facts.of_type("quote") if f.speaker.name == name]


def test_every_seed_is_read(facts):
    assert sorted(Path(d).name for d in facts.documents) == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert facts.problems == []


def test_rutte_question(facts):
    found = [q for q in quotes_of(facts, "Mark Rutte")
             if q.text == "Why are we interested in what Russia thinks about troops in Ukraine?"]
    assert len(found) == 1
    q = found[0]
    assert (q.mode, q.cue) == ("direct", "say")
    assert Path(q.sources[0].document).name.startswith("001_")


def test_carpenter_quote_given_only_as_he(facts):
    found = [q for q in facts.of_type("quote") if "Potemkin security guarantee" in q.text]
    assert len(found) == 1
    q = found[0]
    assert (q.speaker.name, q.speaker.id, q.resolved_from, q.mode) == (
        "Michael Carpenter", "person:michael-carpenter", "he", "direct")
    assert q.text.startswith("The risk is therefore very real")
    assert any("Michael Carpenter" in s.sentence for s in q.sources)  # the name is in a source


def test_putin_threat_corroborated(facts):
    found = [q for q in quotes_of(facts, "Vladimir Putin") if q.mode == "direct"
             and re.match(r"If (any|some) troops appear there", q.text)]
    assert len(found) == 1, [q.text for q in found]
    q = found[0]
    assert q.corroboration >= 3
    assert q.variants  # the sites word the translation differently


def test_putin_continued_quote(facts):
    found = [q for q in quotes_of(facts, "Vladimir Putin") if q.text.startswith("And if decisions are reached")]
    assert len(found) == 1 and found[0].corroboration == 2


def test_reported_speech_with_partial_quote(facts):
    found = [q for q in quotes_of(facts, "Vladimir Putin") if q.mode == "reported" and q.cue == "warn"
             and "legitimate targets" in q.partial_quotes]
    assert found
    assert any(q.corroboration >= 2 for q in found)


def test_drones(facts):
    found = [f for f in facts.of_type("quantity") if f.value == 84]
    assert [(f.total, f.counted_head, f.phrase) for f in found] == [(112, "drone", "84 out of 112 drones")]


def test_allies(facts):
    found = [f for f in facts.of_type("quantity") if f.value == 26 and f.counted_head == "ally"]
    assert len(found) == 1 and found[0].corroboration >= 3


def test_no_ages_as_quantities(facts):
    assert not [f for f in facts.of_type("quantity") if f.value in (40, 24) and f.counted_head in ("man", "woman")]
    assert [f.value for f in facts.of_type("quantity") if f.counted_head == "man"] == [2]


def test_vladivostok(facts):
    found = [f for f in facts.of_type("place") if f.place.name == "Vladivostok"]
    assert found
    assert all(f.place_kind == "city" and f.country == "RU" for f in found)
    assert any("Eastern Economic Forum" in f.event for f in found)


def test_rutte_role(facts):
    found = [f for f in facts.of_type("role") if f.person.name == "Mark Rutte"]
    assert [(f.title, f.organization) for f in found] == [("Secretary-General", "NATO")]
    assert found[0].corroboration == 2


def test_zelenskyy_has_one_name(facts):
    zelenskyy = [e for e in facts.entities if e.kind == "person" and "zelensk" in e.name.casefold()]
    assert [e.name for e in zelenskyy] == ["Volodymyr Zelenskyy"]
    assert {"Zelenskyy", "Volodymyr Zelensky"} <= set(zelenskyy[0].aliases)
    refs = [f.speaker for f in facts.of_type("quote")] + [f.person for f in facts.of_type("role")]
    assert {r.name for r in refs if "zelensk" in r.mention.casefold()} == {"Volodymyr Zelenskyy"}


def test_every_source_is_exact(facts):
    for fact in facts.facts:
        assert fact.sources
        for s in fact.sources:
            assert Path(s.document).read_text(encoding="utf-8")[s.start:s.end] == s.sentence, (fact.type, s)


def _junk_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for marker in JUNK_LINES:
        for m in re.finditer(re.escape(marker), text):
            start = text.rfind("\n", 0, m.start()) + 1
            end = text.find("\n", m.end())
            spans.append((start, len(text) if end == -1 else end))
    for marker in JUNK_TO_END:
        at = text.find(marker)
        if at != -1:
            spans.append((at, len(text)))
    return spans


def test_junk_markers_are_in_the_seeds():
    text = "\n".join(p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt"))
    for marker in JUNK_LINES + JUNK_TO_END:
        assert marker in text, marker


def test_nothing_from_junk(facts):
    spans = {d: _junk_spans(Path(d).read_text(encoding="utf-8")) for d in facts.documents}
    for fact in facts.facts:
        for s in fact.sources:
            for start, end in spans[s.document]:
                assert not (s.start < end and start < s.end), (fact.type, s.sentence)
    names = {e.name for e in facts.entities}
    assert not names & {"Evi Kiorri", "Jack Buckby", "Mike Eckel", "Europod"}
    assert not [f for f in facts.of_type("quantity") if f.value in (27, 23)]  # "27 languages in 23 countries"


def test_no_false_people(facts):
    people = {e.name for e in facts.entities if e.kind == "person"}
    assert not people & {"Putin Threatens", "Vladivostok Putin", "Kyiv", "Putin Warns", "Reuters", "Trump's"}
    assert {"Vladimir Putin", "Emmanuel Macron", "Donald Trump", "Mark Rutte", "Keir Starmer",
            "Michael Carpenter", "Antonio Costa"} <= people


def test_speakers_and_role_holders_are_people(facts):
    people = {e.id for e in facts.entities if e.kind == "person"}
    names = {a.casefold() for e in facts.entities if e.kind == "person" for a in e.aliases}
    for f in facts.of_type("quote"):
        if f.speaker.kind in ("org", "group"):  # an organisation credited by name or an unnamed group
            assert f.speaker.mention.casefold() not in names and f.speaker.id.startswith(f"{f.speaker.kind}:"), f.speaker
        else:
            assert f.speaker.kind == "person" and f.speaker.id in people, f.speaker
    for f in facts.of_type("role"):
        assert f.person.kind == "person" and f.person.id in people, f.person


def _quote(speaker: str, kind: str, document: str = "a.txt"):
    from studyaid.document import Source
    from studyaid.extract.common import provisional_ref
    from studyaid.facts import Quote

    return Quote(speaker=provisional_ref(speaker, kind), text="the plan will cost more than expected",
                 mode="reported", cue="say",
                 sources=[Source(document=document, sentence="x", start=0, end=1)])


# (speaker as extracted, its kind, people the article names) -> the speaker kept, or None
ORG_SPEAKERS = [
    (("Microsoft", "org"), ["Bill Gates"], ("Microsoft", "org")),
    # an "organisation" the article names as a person is neither: dropped, never made a person
    (("Trump", "org"), ["Donald Trump"], None),
    (("Lloyd Webber", "org"), ["Andrew Lloyd Webber"], None),
    # the quote's own evidence decides: a name NER tags a person somewhere but never gives a first name
    # stays the organisation the extractor credited ("security firm Harlow Data Systems", "Kelvo said")
    (("Kelvo", "org"), ["Kelvo", "Anna Lind"], ("Kelvo", "org")),
    (("Harlow Data Systems", "org"), ["Harlow Data Systems"], ("Harlow Data Systems", "org")),
    # a person speaker the article never names as a person is dropped as before
    (("Reuters", "person"), ["Bill Gates"], None),
    (("Gates", "person"), ["Bill Gates"], ("Bill Gates", "person")),
    # an unnamed group stays a group as written, even when a person of that name is named ("Critics" the band)
    (("analysts", "group"), ["Bill Gates"], ("analysts", "group")),
    (("critics", "group"), ["Tom Critics"], ("critics", "group")),
    (("lawyers for the two men", "group"), [], ("lawyers for the two men", "group")),
]


@pytest.mark.parametrize("speaker, people, expected", ORG_SPEAKERS)
def test_resolve_keeps_organisations_credited_and_people_named(speaker, people, expected):
    from studyaid.facts import Mention
    from studyaid.resolve import resolve_facts

    facts = resolve_facts([_quote(*speaker)], [Mention(p, "person", "a.txt") for p in people], ["a.txt"], [])
    got = [(f.speaker.name, f.speaker.kind) for f in facts.of_type("quote")]
    assert got == ([expected] if expected else [])


def test_resolve_reads_an_organisations_name_within_its_own_article():
    from studyaid.facts import Mention
    from studyaid.resolve import resolve_facts

    # "Donald Trump" is named in another article only: this one's evidence stands
    facts = resolve_facts([_quote("Trump", "org", "a.txt")], [Mention("Donald Trump", "person", "b.txt")],
                          ["a.txt", "b.txt"], [])
    assert [(f.speaker.name, f.speaker.kind) for f in facts.of_type("quote")] == [("Trump", "org")]


def test_fact_ids_are_unique(facts):
    ids = [f.id for f in facts.facts]
    assert len(ids) == len(set(ids))


def test_second_run_neither_parses_nor_extracts(corpus):
    first, first_cache, second, second_cache = corpus
    assert (first_cache.hits, first_cache.misses) == (0, 5)
    assert (second_cache.hits, second_cache.misses) == (0, 0)  # the facts were cached: no parse at all
    assert len(list(FactCache(second_cache).folder.glob("*.json"))) == 5
    assert second.model_dump() == first.model_dump()


def test_changed_extraction_code_reuses_the_parses(corpus, nlp, monkeypatch):
    """An extractor change invalidates cached facts by itself, but the parses are still good."""
    first, first_cache, _, _ = corpus
    monkeypatch.setattr("studyaid.fact_cache.code_version", lambda: "changed-code")
    third_cache = DocCache(nlp, folder=first_cache.folder.parent)
    third = extract_corpus([str(SEEDS)], nlp=nlp, cache=third_cache)
    assert (third_cache.hits, third_cache.misses) == (5, 0)
    assert third.model_dump() == first.model_dump()


# --- documents already read go in as they are -----------------------------------------------------
MAYOR = ("The mayor of Tampere, Anna Virtanen, opened a new bridge on Monday.\n\n"
         "\u201cThis bridge joins two halves of the city,\u201d Virtanen said.\n")
COUNCIL = "The council spent 40 million euros on the bridge, Anna Virtanen said.\n"


@pytest.mark.parametrize("sources, documents, problems", [
    # a Document keeps its own name: the name a bank gave it, never a file path
    (lambda tmp: [_doc("uploads/mayor.txt", MAYOR)], ["uploads/mayor.txt"], []),
    # documents and paths mixed, in the order given
    (lambda tmp: [_doc("pasted/council.txt", COUNCIL), _file(tmp, "mayor.txt", MAYOR)],
     ["pasted/council.txt", "mayor.txt"], []),
    # a path that cannot be read is a problem; the documents are still read
    (lambda tmp: [str(tmp / "missing.txt"), _doc("uploads/mayor.txt", MAYOR)], ["uploads/mayor.txt"],
     ["missing.txt: file not found"]),
    # one Document alone, not in a list
    (lambda tmp: _doc("uploads/mayor.txt", MAYOR), ["uploads/mayor.txt"], []),
])
def test_extract_corpus_takes_documents_and_paths(nlp, tmp_path, sources, documents, problems):
    facts = extract_corpus(sources(tmp_path), nlp=nlp, cache=DocCache(nlp, folder=tmp_path / "cache"))
    assert [d.rsplit("/", 1)[-1] if d.startswith(str(tmp_path)) else d for d in facts.documents] == documents
    assert [p.replace(f"{tmp_path}/", "") for p in facts.problems] == [f"[E100] {p}" for p in problems]
    named = {s.document for f in facts.facts for s in f.sources}
    assert named and named <= set(facts.documents)


def test_a_document_read_from_memory_gives_the_facts_of_the_same_file(nlp, tmp_path):
    from_file = extract_corpus([_file(tmp_path, "mayor.txt", MAYOR)], nlp=nlp,
                               cache=DocCache(nlp, folder=tmp_path / "cache"))
    from_memory = extract_corpus([_doc("uploads/mayor.txt", MAYOR)], nlp=nlp,
                                 cache=DocCache(nlp, folder=tmp_path / "cache"))

    def key(facts):
        return sorted((f.id, f.type, [(s.sentence, s.start, s.end) for s in f.sources]) for f in facts.facts)

    assert key(from_file) == key(from_memory) and from_file.facts


def _doc(name: str, text: str):
    from studyaid.ingest import document_from_bytes

    return document_from_bytes(name, text.encode("utf-8"))


def _file(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


# --- junk is blanked before parsing: no extractor needs to look for it ------------------------------
def _with_junk(text: str, junk: str, reason: str = "caption"):
    from studyaid.document import Document, Exclusion

    start = text.index(junk)
    return Document(path="junk.txt", format="text", text=text,
                    excluded=(Exclusion(start=start, end=start + len(junk), reason=reason),))


@pytest.mark.parametrize("text, junk", [
    ("Prime Minister Petteri Orpo opened the bridge on Monday.\n"
     "Image caption: Mayor Anna Virtanen paid 25 million euros for 300 lamps in Helsinki on 3 May 2024.\n"
     "The bridge cost 40 million euros, Orpo said.\n",
     "Image caption: Mayor Anna Virtanen paid 25 million euros for 300 lamps in Helsinki on 3 May 2024."),
    ("The council met in Tampere on Tuesday. Read more: Anna Virtanen said 300 people came to Helsinki. "
     "The bridge cost 40 million euros, the council said.\n",
     "Read more: Anna Virtanen said 300 people came to Helsinki."),
])
def test_nothing_is_read_from_junk(nlp, tmp_path, text, junk):
    facts = extract_corpus([_with_junk(text, junk)], nlp=nlp, cache=DocCache(nlp, folder=tmp_path / "cache"))
    start, end = text.index(junk), text.index(junk) + len(junk)
    assert facts.facts  # the article around the junk still gives facts
    for fact in facts.facts:
        for s in fact.sources:
            assert not (start <= s.start < end or start < s.end <= end), (fact.type, s.sentence)
    names = {e.name for e in facts.entities}
    assert not names & {"Anna Virtanen", "Virtanen", "Helsinki"}

