"""The question bank file: written atomically, read back identical, broken files named in a BankError."""
from __future__ import annotations

import json

import pytest

from studyaid.bank import BANK_VERSION, Bank, read_bank, write_bank
from studyaid.document import Source
from studyaid.errors import BankError, StudyaidError
from studyaid.questions.model import Question

SENTENCE = "Meanwhile, NATO Secretary-General Mark Rutte warned that Russia could threaten other European countries."


def sample_bank() -> Bank:
    source = Source(document="seeds/000_news.txt", sentence=SENTENCE, start=10, end=10 + len(SENTENCE))
    mcq = Question(id="a1b2c3d4e5f6", kind="mcq", fact_type="role", fact_id="f00000000001",
                   prompt="Who is the NATO Secretary-General?", answer="Mark Rutte", accepted=["Rutte"],
                   explanation="The source calls Mark Rutte the NATO Secretary-General.",
                   options=["Keir Starmer", "Mark Rutte", "Vladimir Putin", "Emmanuel Macron"], hint="person",
                   sources=[source], difficulty=0.3, score=0.77, corroboration=2)
    cloze = Question(id="0123456789ab", kind="cloze", fact_type="role", fact_id="f00000000001",
                     prompt="Meanwhile, NATO Secretary-General _____ (person) warned \u2026", answer="Mark Rutte",
                     explanation="Mark Rutte is the NATO Secretary-General.",
                     cloze=SENTENCE.replace("Mark Rutte", "{{c1::Mark Rutte::person}}"), hint="person",
                     sources=[source], status="approved", edited=True)
    return Bank(documents=["seeds/000_news.txt"], questions=[mcq, cloze])


def test_round_trip(tmp_path):
    bank = sample_bank()
    path = write_bank(bank, tmp_path / "sub" / "bank.json")
    assert path == tmp_path / "sub" / "bank.json"
    assert read_bank(path) == bank
    assert read_bank(str(path)) == bank
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == BANK_VERSION and len(data["questions"]) == 2
    assert "\u2026" in path.read_text(encoding="utf-8") or "\\u2026" in path.read_text(encoding="utf-8")


def test_write_replaces_an_old_bank_and_leaves_no_temp_file(tmp_path):
    path = tmp_path / "bank.json"
    path.write_text("old", encoding="utf-8")
    write_bank(sample_bank(), path)
    write_bank(Bank(), path)
    assert read_bank(path) == Bank()
    assert [p.name for p in tmp_path.iterdir()] == ["bank.json"]


def test_an_empty_bank_round_trips(tmp_path):
    assert read_bank(write_bank(Bank(), tmp_path / "empty.json")) == Bank()


@pytest.mark.parametrize("name, content, problem", [
    ("not-json.json", b"{questions: oops", "not valid JSON"),
    ("truncated.json", b'{"questions": [{"id": "x"', "not valid JSON"),
    ("empty.json", b"", "not valid JSON"),
    ("list.json", b"[1, 2, 3]", "not a studyaid bank"),
    ("no-questions.json", b'{"facts": []}', "not a studyaid bank"),
    ("questions-not-list.json", b'{"questions": {"a": 1}}', "not a studyaid bank"),
    ("string.json", b'"questions"', "not a studyaid bank"),
    ("bad-question.json", b'{"questions": [{"id": "x", "kind": "essay"}]}', "question data is broken at questions.0"),
    ("bad-item.json", b'{"questions": [42]}', "question data is broken at questions.0"),
    ("binary.json", bytes(range(256)) * 4, "not a text file"),
    ("latin1.json", '{"questions": [], "note": "caf\u00e9"}'.encode("latin-1"), "not a text file"),
])
def test_a_broken_file_raises_bank_error_naming_the_file(tmp_path, name, content, problem):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(BankError) as info:
        read_bank(path)
    message = str(info.value)
    assert str(path) in message and problem in message
    assert isinstance(info.value, StudyaidError) and info.value.code == "E300"


def test_a_missing_file_raises_bank_error_naming_it(tmp_path):
    path = tmp_path / "nowhere" / "bank.json"
    with pytest.raises(BankError, match="no such bank file") as info:
        read_bank(path)
    assert str(path) in str(info.value)


def test_a_folder_is_not_a_bank(tmp_path):
    with pytest.raises(BankError) as info:
        read_bank(tmp_path)
    assert str(tmp_path) in str(info.value)


def test_extra_keys_are_ignored_and_defaults_filled(tmp_path):
    data = json.loads(sample_bank().model_dump_json())
    data["generator"] = "another tool"
    del data["questions"][0]["status"]
    path = tmp_path / "bank.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    bank = read_bank(path)
    assert bank.questions[0].status == "new" and bank.questions[1].status == "approved"


def test_an_unreadable_file_raises_bank_error(tmp_path, monkeypatch):
    path = write_bank(sample_bank(), tmp_path / "bank.json")

    def denied(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(type(path), "read_text", denied)
    with pytest.raises(BankError, match="Permission denied") as info:
        read_bank(path)
    assert str(path) in str(info.value)


def test_an_unwritable_place_raises_bank_error_and_leaves_nothing_behind(tmp_path):
    blocker = tmp_path / "file.txt"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    with pytest.raises(BankError) as info:
        write_bank(sample_bank(), blocker / "bank.json")
    assert str(blocker / "bank.json") in str(info.value)


def test_a_failed_rename_removes_the_temp_file(tmp_path, monkeypatch):
    import os

    def fail(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(BankError, match="No space left"):
        write_bank(sample_bank(), tmp_path / "bank.json")
    assert list(tmp_path.iterdir()) == []
