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


KILLED_WRITER = """
import os, signal, sys
from studyaid.atomic import atomic_target
with atomic_target(sys.argv[1]) as tmp:
    tmp.write_text("half a bank", encoding="utf-8")
    os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_writer_killed_mid_write_leaves_a_temporary_file_the_next_write_removes(tmp_path):
    import subprocess
    import sys

    target = tmp_path / "bank.json"
    target.write_text("{}", encoding="utf-8")
    killed = subprocess.run([sys.executable, "-c", KILLED_WRITER, str(target)], check=False)
    assert killed.returncode == -9
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "bank.json"]
    assert len(leftovers) == 1 and leftovers[0].startswith(".bank.json.")  # kill -9 cannot clean up
    assert target.read_text(encoding="utf-8") == "{}"  # the old file is whole
    write_text(target, '{"questions": []}')
    assert [p.name for p in tmp_path.iterdir()] == ["bank.json"]


@pytest.mark.parametrize("name, age, removed", [
    (".bank.json.{dead}.abc123.tmp", 0, True),  # its process is gone
    (".bank.json.{alive}.abc123.tmp", 0, False),  # negative: a write under way in a live process
    (".bank.json.k3j4h5g6", 7200, True),  # an older studyaid's temporary file, two hours old
    (".bank.json.k3j4h5g6", 10, False),  # negative: a recent one may be a write under way
    (".other.json.{dead}.abc123.tmp", 0, False),  # negative: another target's
    ("bank.json.bak", 7200, False),  # negative: not a temporary file
])
def test_stale_temporary_files_are_removed_by_rule(tmp_path, name, age, removed):
    import subprocess
    import sys
    import time

    from studyaid.atomic import remove_stale_temporaries

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True).stdout.strip()
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        stray = tmp_path / name.format(dead=dead, alive=sleeper.pid)
        stray.write_text("partial", encoding="utf-8")
        os.utime(stray, (time.time() - age, time.time() - age))
        found = remove_stale_temporaries(tmp_path / "bank.json")
    finally:
        sleeper.kill()
        sleeper.wait()
    assert (found == [stray]) == removed and stray.exists() != removed


def test_the_file_and_its_folder_are_flushed_to_disk(tmp_path, monkeypatch):
    synced = []
    real = os.fsync

    def spy(fd):
        synced.append(os.readlink(f"/proc/self/fd/{fd}"))
        return real(fd)

    monkeypatch.setattr(os, "fsync", spy)
    path = write_text(tmp_path / "bank.json", "{}")
    assert len(synced) == 2
    assert synced[0].startswith(str(tmp_path / ".bank.json.")) and synced[1] == str(tmp_path)
    assert path.read_text(encoding="utf-8") == "{}"
