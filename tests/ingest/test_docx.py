"""Word ``.docx`` documents (issue 13 item 8: they were skipped without a word): read with python-docx,
in a folder as well as by name; a file that is no Word document is named with its problem."""
from __future__ import annotations

import io

import docx
import pytest

from studyaid.errors import InputError
from studyaid.ingest import document_from_bytes, iter_documents, read_document

PARAGRAPHS = [
    "Harbour wall approved in Kelvale",
    "The Kelvale council approved a new harbour wall on Monday after a long debate.",
    "Mayor Ruth Okafor said the work would cost 4 million pounds and take two years.",
]


def word_file(paragraphs=PARAGRAPHS, table=None) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_docx_file_is_read_paragraph_by_paragraph(tmp_path):
    path = tmp_path / "harbour.docx"
    path.write_bytes(word_file())
    document = read_document(path)
    assert document.text == "\n\n".join(PARAGRAPHS) + "\n"
    assert document.title == PARAGRAPHS[0]
    start = document.text.index("Mayor")
    assert document.text[start:start + 11] == "Mayor Ruth "  # offsets index the text as read


def test_table_cells_are_read_after_the_paragraphs():
    document = document_from_bytes("uploads/results.docx", word_file(PARAGRAPHS[1:], [["Team", "Points"],
                                                                                     ["Kelvale Rovers", "42"]]))
    assert document.text.endswith("Team\n\nPoints\n\nKelvale Rovers\n\n42\n")


def test_a_folder_includes_its_docx_files(tmp_path):
    (tmp_path / "a.txt").write_text(PARAGRAPHS[1], encoding="utf-8")
    (tmp_path / "b.docx").write_bytes(word_file())
    assert [d.path for d in iter_documents(tmp_path)] == [str(tmp_path / "a.txt"), str(tmp_path / "b.docx")]


@pytest.mark.parametrize("content, problem", [
    (b"The council met on Monday.", "is not a Word .docx file"),  # a text file renamed
    (b"PK\x03\x04broken zip", "is not a Word .docx file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), "is not a Word .docx file"),  # an old Word .doc renamed
    (word_file([]), "has no text"),
], ids=["renamed-text", "broken-zip", "old-word-doc", "empty-document"])
def test_a_file_that_is_no_word_document_is_named(tmp_path, content, problem):
    path = tmp_path / "notes.docx"
    path.write_bytes(content)
    with pytest.raises(InputError, match=problem) as info:
        read_document(path)
    assert str(path) in str(info.value)


def test_a_docx_whose_text_is_over_the_limit_is_refused(tmp_path):
    path = tmp_path / "long.docx"
    path.write_bytes(word_file(PARAGRAPHS * 200))
    with pytest.raises(InputError, match="too large") as info:
        read_document(path, max_bytes=len(path.read_bytes()) + 1)  # the file fits, its text does not
    assert str(path) in str(info.value)
