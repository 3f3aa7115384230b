"""Files that are not UTF-8 are decoded with the detected charset and a note; never mojibake."""
from __future__ import annotations

from pathlib import Path

import pytest

from studyaid.errors import InputError
from studyaid.ingest import read_document
from studyaid.ingest.encoding import decode_bytes, oddities

# (text as the author wrote it, the code page the file was saved in, the encoding the note names)
SAVED = [
    ("The club paid a \u00a346m fee for the striker, the manager said.", "cp1252", "cp1252"),
    ("\u201cIt\u2019s a lot of money \u2013 but he is worth it,\u201d the chairman said of the \u20ac3.5bn deal.",
     "cp1252", "cp1252"),
    ("Caf\u00e9 owner Jos\u00e9 M\u00fcller said the cr\u00e8me br\u00fbl\u00e9e cost \u00a35 a portion.",
     "cp1252", "cp1252"),
    ("Ten people were hurt.\nIt cost \u00a35 to get in.\nThe band played until late.", "latin-1", "cp1252"),
    ("Le pr\u00e9sident a d\u00e9clar\u00e9 apr\u00e8s la r\u00e9union que l'\u00e9conomie \u00e9tait forte.",
     "cp1252", "cp1252"),
    ("Prezydent \u0141odzi powiedzia\u0142, \u017ce \u017c\u00f3\u0142\u0107 i \u017ad\u017ab\u0142o to trudne "
     "s\u0142owa dla ka\u017cdego ucznia.", "cp1250", "cp1250"),
    ("\u041f\u0440\u0435\u0437\u0438\u0434\u0435\u043d\u0442 \u0437\u0430\u044f\u0432\u0438\u043b, \u0447\u0442\u043e "
     "\u044d\u043a\u043e\u043d\u043e\u043c\u0438\u043a\u0430 \u0441\u0442\u0440\u0430\u043d\u044b \u0432\u044b\u0440\u043e"
     "\u0441\u043b\u0430 \u0432 \u043f\u0440\u043e\u0448\u043b\u043e\u043c \u0433\u043e\u0434\u0443.", "cp1251", "cp1251"),
    ("The minister said \u00a312m would be spent.", "utf-16", "utf_16"),
]


@pytest.mark.parametrize("text, saved_as, named", SAVED)
def test_decoded_as_written(text: str, saved_as: str, named: str) -> None:
    decoded, encoding = decode_bytes("a.txt", text.encode(saved_as))
    assert decoded == text
    assert encoding == named


@pytest.mark.parametrize("text", [
    "The club paid a \u00a346m fee, \u201cwe had to\u201d, he said.",
    "Plain ASCII stays as it is.",
    "\ufeffA byte-order mark is kept, as read_text keeps it.",
])
def test_utf8_stays_utf8_without_a_note(text: str) -> None:
    assert decode_bytes("a.txt", text.encode("utf-8")) == (text, None)


@pytest.mark.parametrize("text, expected", [
    ("The fee was \u00a346m.", 0),  # a currency sign before digits
    ("Z\u00fcrich and K\u00f6ln", 0),  # an accent inside a word
    ("The fee was \u014146m.", 1),  # a letter glued to digits
    ("Caf\u0137 owner M\u00b3ller", 1),  # a symbol between letters
    ("the cr\u0136me", 1),  # a capital inside a lower-case word
    ("\u00cf\u00f0\u00e5\u00e7\u00e8\u00e4\u00e5\u00ed\u00f2", 1),  # a Latin word made of accented letters
    ("\u0141odzi \u00a3odzi", 1),  # a currency sign with no amount
])
def test_oddities(text: str, expected: int) -> None:
    assert oddities(text) == expected


def test_cp1252_file_is_read_with_a_note_and_exact_offsets(tmp_path: Path) -> None:
    text = ("Club pays record fee\r\n\r\nThe club paid a \u00a346m fee for the striker on Tuesday, "
            "the manager said.\r\n\r\n\u201cHe is worth every penny,\u201d the chairman said.\r\n")
    path = tmp_path / "archive.txt"
    path.write_bytes(text.encode("cp1252"))
    document = read_document(path)
    assert document.text == path.read_text(encoding="cp1252")
    assert document.notes == ("decoded as cp1252",)
    start = document.text.index("\u00a346m")
    assert document.text[start : start + 4] == "\u00a346m"
    assert "\u00c2" not in document.text and "\ufffd" not in document.text


def test_utf8_file_has_no_note(tmp_path: Path) -> None:
    path = tmp_path / "new.txt"
    path.write_text("The club paid a \u00a346m fee for the striker, the manager said.", encoding="utf-8")
    assert read_document(path).notes == ()


def test_html_declared_charset_note(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    body = "".join(f"<p>Paragraph {n}: the caf\u00e9 owner said the fee was \u00a3{n}m this year.</p>" for n in range(4))
    path.write_bytes(f'<html><head><meta charset="windows-1252"></head><body><article>{body}</article></body></html>'
                     .encode("cp1252"))
    document = read_document(path)
    assert "the caf\u00e9 owner said the fee was \u00a32m" in document.text
    assert document.notes == ("decoded as cp1252",)


@pytest.mark.parametrize("content, problem", [
    (b"The club\x00\x00\x00 paid", "binary file, not text (NUL byte"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG image"),
    (bytes(range(1, 32)) * 4 + b"\xa3", "control bytes"),
])
def test_binary_is_still_refused(tmp_path: Path, content: bytes, problem: str) -> None:
    path = tmp_path / "data.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        read_document(path)
    assert info.value.path == str(path) and problem in info.value.problem


def test_note_reaches_the_fact_set_and_the_report(tmp_path: Path, nlp) -> None:
    from rich.console import Console

    from studyaid.nlp import DocCache
    from studyaid.pipeline import extract_corpus
    from studyaid.report import print_facts

    (tmp_path / "old.txt").write_bytes("The club paid a \u00a346m fee for the striker, the manager said.".encode("cp1252"))
    (tmp_path / "new.txt").write_text("The club sold two players on Tuesday, the manager said.", encoding="utf-8")
    facts = extract_corpus([str(tmp_path)], nlp=nlp, cache=DocCache(nlp, tmp_path / "cache", enabled=False))
    assert facts.notes == [f"{tmp_path / 'old.txt'}: decoded as cp1252"]
    console = Console(record=True, width=200)
    print_facts(facts, console)
    assert f"note: {tmp_path / 'old.txt'}: decoded as cp1252" in console.export_text()
