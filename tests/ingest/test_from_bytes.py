"""A document read from memory (an upload, a document kept in the app's bank) is the document a file
of that name and those bytes would be, named by the name it was given."""
from __future__ import annotations

import pytest

from studyaid.errors import InputError
from studyaid.ingest import document_from_bytes, read_document

ARTICLE = "The harbour authority said 12 ferries would run on Sunday.\n"


@pytest.mark.parametrize("name, data", [
    ("uploads/harbour.txt", ARTICLE.encode("utf-8")),
    ("pasted/Harbour news.TXT", ARTICLE.encode("utf-8")),
    ("seeds/harbour.md", b"# Ferries\n\n" + ARTICLE.encode("utf-8")),
    ("uploads/old.txt", "The caf\u00e9 owner said prices rose by \u00a32.\n".encode("cp1252")),
    ("uploads/page.html", b"<html><body><article><p>" + ARTICLE.encode("utf-8") + b"</p></article></body></html>"),
])
def test_the_same_document_as_the_file(tmp_path, name, data):
    path = tmp_path / name.rsplit("/", 1)[-1]
    path.write_bytes(data)
    from_file = read_document(path)
    from_memory = document_from_bytes(name, data)
    assert from_memory.path == name
    assert from_memory.model_dump(exclude={"path"}) == from_file.model_dump(exclude={"path"})


@pytest.mark.parametrize("name, data, max_bytes, problem", [
    ("uploads/empty.txt", b"", None, "uploads/empty.txt: the file is empty"),
    ("uploads/slides.pptx", b"PK\x03\x04", None, "uploads/slides.pptx: unsupported format"),
    ("uploads/long.txt", b"word " * 100, 100, "uploads/long.txt: too large: 500 bytes is over the 100 bytes limit"),
    ("uploads/scan.pdf", b"not a pdf at all", None, "uploads/scan.pdf: is not a PDF"),
    ("uploads/blank.txt", b" \n\t\n", None, "uploads/blank.txt: contains only whitespace"),
    ("uploads/image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), None, "uploads/image.txt: "),
])
def test_problems_name_the_given_name(name, data, max_bytes, problem):
    with pytest.raises(InputError) as raised:
        document_from_bytes(name, data, max_bytes=max_bytes)
    assert str(raised.value).startswith(f"[E100] {problem}")


def test_a_document_that_fits_is_read():
    assert document_from_bytes("a.txt", ARTICLE.encode("utf-8"), max_bytes=len(ARTICLE)).text == ARTICLE
