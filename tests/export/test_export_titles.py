"""Sources named by their articles' titles in every format, and tags made the way the README says:
the title (else the file name without extension) with spaces and punctuation as ``_``."""
from __future__ import annotations

import csv
import io
import json
import sqlite3
import zipfile

import pytest

from studyaid.document import Source
from studyaid.export import export
from studyaid.export.common import document_tag, tags_for

STORED = "uploads/001_19d649231e99c853.txt"
TITLE = "Harbour towns vote on ferry fares"


@pytest.mark.parametrize("document, titles, expected", [
    ("uploads/My-article-1.txt", None, "My_article_1"),  # hyphens are punctuation too
    ("seeds/ferry news.v2.md", None, "ferry_news_v2"),
    (STORED, {STORED: TITLE}, "Harbour_towns_vote_on_ferry_fares"),
    (STORED, {STORED: "U.S. fares: up 0.5% — again?"}, "U_S_fares_up_0_5_again"),
    (STORED, {STORED: "Zürich’s ferries"}, "Zürich_s_ferries"),  # letters of any script stay
    (STORED, {STORED: "   "}, "001_19d649231e99c853"),  # a blank title: the file name
    (STORED, {"other.txt": TITLE}, "001_19d649231e99c853"),  # no title for this document
    ("uploads/---.txt", None, "_"),  # nothing left: a tag all the same
])
def test_document_tags_use_underscores(document, titles, expected):
    assert document_tag(document, titles) == expected


def test_a_question_is_tagged_once_per_title(make_question):
    sentence = "Ferry fares rose by 5% in March."
    q = make_question(sources=[Source(document=d, sentence=sentence, start=0, end=len(sentence))
                               for d in (STORED, "uploads/002_aa.txt", "uploads/003_bb.txt")])
    titles = {STORED: TITLE, "uploads/002_aa.txt": TITLE}
    assert tags_for(q, titles) == ["studyaid", "quote", "Harbour_towns_vote_on_ferry_fares", "003_bb"]


def _read(path) -> str:
    if path.suffix == ".apkg":
        with zipfile.ZipFile(path) as archive:
            (path.parent / "collection.anki2").write_bytes(archive.read("collection.anki2"))
        with sqlite3.connect(path.parent / "collection.anki2") as conn:
            rows = conn.execute("SELECT flds, tags FROM notes").fetchall()
        return "\n".join(f"{flds}\n{tags}" for flds, tags in rows)
    return path.read_text(encoding="utf-8-sig")


@pytest.mark.parametrize("extension", ["apkg", "gift", "xml", "csv"])
@pytest.mark.parametrize("kind", ["mcq", "cloze"])
def test_every_format_names_sources_by_title(make_question, tmp_path, extension, kind):
    sentence = "Ferry fares rose by 5% in March, the harbour board said."
    source = Source(document=STORED, sentence=sentence, start=0, end=len(sentence))
    changes = {"sources": [source]}
    if kind == "cloze":
        changes.update(kind="cloze", options=[], answer="5%", prompt="Ferry fares rose by _____ in March.",
                       cloze="Ferry fares rose by {{c1::5%}} in March, the harbour board said.")
    q = make_question(**changes)
    titled = _read(export([q], tmp_path / f"t.{extension}", titles={STORED: TITLE}, timestamp=1).path)
    assert TITLE in titled and "19d649231e99c853" not in titled
    plain = _read(export([q], tmp_path / f"p.{extension}", timestamp=1).path)  # no titles: the file name
    assert "001_19d649231e99c853" in plain and TITLE not in plain


def test_the_json_bank_keeps_stored_names(make_question, tmp_path):
    q = make_question()
    out = export([q], tmp_path / "bank.json", titles={"articles/my story.txt": "A title"})
    data = json.loads(out.path.read_text(encoding="utf-8"))
    assert data["questions"][0]["sources"][0]["document"] == "articles/my story.txt"
