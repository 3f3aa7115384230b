"""The one atomic-write helper: whole files or none, no temporary file left, ordinary permissions."""
from __future__ import annotations

import os
import stat

import pytest

from studyaid.atomic import atomic_target, write_bytes, write_text


@pytest.mark.parametrize("write, content, read", [
    (lambda p: write_text(p, "Caf\u00e9 prices rose by 5%.\n"), "Caf\u00e9 prices rose by 5%.\n",
     lambda p: p.read_text(encoding="utf-8")),
    (lambda p: write_text(p, "a,b\r\n", encoding="utf-8-sig", newline=""), "\ufeffa,b\r\n",
     lambda p: p.read_bytes().decode("utf-8")),
    (lambda p: write_bytes(p, b"\x00\x01binary"), b"\x00\x01binary", lambda p: p.read_bytes()),
])
def test_writes_replace_the_old_file_and_leave_nothing_else(tmp_path, write, content, read):
    path = tmp_path / "deep" / "folder" / "out.dat"
    path.parent.mkdir(parents=True)
    path.write_text("the old content", encoding="utf-8")
    assert write(path) == path
    assert read(path) == content
    assert [p.name for p in path.parent.iterdir()] == ["out.dat"]


def test_the_folder_is_made_when_missing(tmp_path):
    path = write_text(tmp_path / "new" / "bank.json", "{}")
    assert path.read_text(encoding="utf-8") == "{}"


def test_an_error_while_writing_keeps_the_old_file_and_removes_the_temporary_one(tmp_path):
    path = tmp_path / "deck.apkg"
    path.write_bytes(b"old deck")
    with pytest.raises(RuntimeError, match="disk full"):
        with atomic_target(path) as tmp:
            tmp.write_bytes(b"half a deck")
            raise RuntimeError("disk full")
    assert path.read_bytes() == b"old deck"
    assert [p.name for p in tmp_path.iterdir()] == ["deck.apkg"]


def test_a_file_where_the_folder_should_be_raises_and_writes_nothing(tmp_path):
    (tmp_path / "blocker").write_text("a file, not a folder", encoding="utf-8")
    with pytest.raises(OSError):
        write_text(tmp_path / "blocker" / "out.txt", "text")
    assert [p.name for p in tmp_path.iterdir()] == ["blocker"]


def test_the_file_gets_ordinary_permissions_not_the_private_ones_of_a_temporary_file(tmp_path):
    mask = os.umask(0)
    os.umask(mask)
    path = write_text(tmp_path / "shared.gift", "::q1:: text {}")
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~mask
    assert stat.S_IMODE(path.stat().st_mode) != 0o600 or mask == 0o066
