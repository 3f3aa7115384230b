"""Clozes judged on their sentence as the article's own parse read it (issue 11), not parsed again.

The sentences here are written for these tests. Each is set in a small article, parsed as extraction
parses it, kept with :func:`studyaid.nlp.sentence_blob` and judged by the stem checker's cloze rules;
the verdict must be the one a parse of the sentence alone gives."""
from __future__ import annotations

import pytest

from studyaid.document import Document, Exclusion
from studyaid.ingest import document_from_bytes
from studyaid.nlp import SentenceParses, index_sentences, sentence_blob
from studyaid.questions.stems import cloze_problem

OPENING = "The Harwick ferry service has run since the old bridge closed."
CLOSING = "Tickets go on sale at the harbour office next week."


def _verdict(doc, answer: str):
    at = doc.text.find(answer)
    return cloze_problem(doc, (at, at + len(answer)) if at >= 0 else None)


def _kept(nlp, text: str, sentence: str, path: str = "harwick.txt"):
    """``sentence`` (in ``text``) as kept from the article's parse, and the document."""
    document = document_from_bytes(path, text.encode("utf-8"))
    start = document.text.index(sentence)
    doc = index_sentences(nlp(document.masked_text))
    parses = SentenceParses(nlp.vocab)
    parses.add(path, sentence_blob(doc, document, [(start, start + len(sentence))]))
    return parses.get(path, start, start + len(sentence), sentence), document


@pytest.mark.parametrize("sentence, answer, expected", [
    ("Maria Olsen, the mayor of Harwick, said the new ferry would carry 240 passengers.", "240", None),
    ("The Harwick council voted on Tuesday to spend 3 million pounds on the pier.", "Tuesday", None),
    ("He said the new ferry would carry 240 passengers.", "240",
     "sentence opens on a pronoun without its referent"),
    ("In comparison, the old ferry carried only 90 passengers a day.", "90",
     "sentence opens on a link to the sentence before"),
    ("The company said the ferry would carry 240 passengers.", "240", "does not name what it is about"),
    ("Such boats need a crew of 12 sailors, Maria Olsen said.", "12",
     "pronoun or demonstrative without its referent"),
])
def test_a_cloze_sentence_is_judged_from_its_article_as_alone(nlp, sentence, answer, expected):
    text = f"{OPENING}\n\n{sentence}\n\n{CLOSING}\n"
    kept, _ = _kept(nlp, text, sentence)
    assert kept is not None and kept.text.rstrip() == sentence
    assert _verdict(kept, answer) == expected
    assert _verdict(nlp(sentence), answer) == expected  # what parsing it again would have said


def test_a_sentence_is_kept_only_as_it_is_written(nlp):
    sentence = "Maria Olsen said the ferry would carry 240 passengers."
    text = f"{OPENING}\n\n{sentence}\n\n{CLOSING}\n"
    kept, document = _kept(nlp, text, sentence)
    start = document.text.index(sentence)
    parses = SentenceParses(nlp.vocab)
    parses.add("harwick.txt", sentence_blob(index_sentences(nlp(document.masked_text)), document,
                                            [(start, start + len(sentence)), (start + 3, start + 20)]))
    assert parses.get("harwick.txt", start, start + len(sentence), sentence) is not None
    # a span cut inside a word is not kept: its text is parsed alone when judged
    assert parses.get("harwick.txt", start + 3, start + 20, document.text[start + 3:start + 20]) is None
    # another text at those offsets (the document changed), another document, another span: none
    assert parses.get("harwick.txt", start, start + len(sentence), sentence.upper()) is None
    assert parses.get("other.txt", start, start + len(sentence), sentence) is None
    assert parses.get("harwick.txt", start, start + 10, sentence[:10]) is None


def test_a_sentence_with_junk_blanked_inside_is_not_kept(nlp):
    """The parse saw the junk blanked: it is not the sentence as written, so it is parsed alone."""
    sentence = "Maria Olsen said the ferry [Image: the pier] would carry 240 passengers."
    text = f"{OPENING}\n\n{sentence}\n\n{CLOSING}\n"
    start = text.index(sentence)
    junk = text.index("[Image")
    document = Document(path="harwick.txt", format="text", text=text,
                        excluded=(Exclusion(start=junk, end=text.index("]") + 1, reason="caption"),))
    assert document.masked_text != document.text
    parses = SentenceParses(nlp.vocab)
    parses.add("harwick.txt", sentence_blob(index_sentences(nlp(document.masked_text)), document,
                                            [(start, start + len(sentence))]))
    assert parses.get("harwick.txt", start, start + len(sentence), sentence) is None


def test_an_unreadable_blob_keeps_nothing(nlp, tmp_path):
    broken = tmp_path / "x.sentences.spacy"
    broken.write_bytes(b"[[0, 5]]\nnot a DocBin")
    parses = SentenceParses(nlp.vocab)
    parses.add("a.txt", broken)
    assert parses.get("a.txt", 0, 5, "Hello") is None
