"""Writing files atomically: a temporary file next to the target, renamed onto it when complete.

A crash, a full disk or an error while writing never leaves half a file under the final name; two
processes writing the same target each use their own temporary file, and the last rename wins with a
whole file. The file's data is flushed to disk (``fsync``) before the rename and the folder's entry
after it, so a power cut leaves the old file or the new one, never an empty one. The result has
ordinary permissions (``0o666`` less the process umask, as any file the user writes), not the
``0o600`` of :func:`tempfile.mkstemp`.

A temporary file is named ``.<target>.<pid>.<random>.tmp``: a process killed mid-write (``kill -9``)
cannot remove its own, so the next write to the same target removes those whose process is gone.
"""
from __future__ import annotations

import os
import re
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

LEGACY_STALE_SECONDS = 3600  # temporary files of older studyaid versions (no pid in the name)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_MODE = 0o666 & ~_umask()  # read once at import, before any thread could be writing files


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: alive
        return True
    return True


def remove_stale_temporaries(path: str | Path) -> list[Path]:
    """Remove the temporary files that writers of ``path`` killed mid-write left; return them.

    A file of a live process (a write under way) is left alone; one from an older studyaid (named
    without a pid) only when it is over an hour old.
    """
    path = Path(path)
    ours = re.compile(rf"\.{re.escape(path.name)}\.(\d+)\.[A-Za-z0-9_]+\.tmp")
    legacy = re.compile(rf"\.{re.escape(path.name)}\.[A-Za-z0-9_]{{8}}")
    removed = []
    try:
        candidates = list(path.parent.glob(f".{glob_escape(path.name)}.*"))
    except OSError:  # the folder cannot be listed: the write itself will say why
        return removed
    for candidate in candidates:
        match = ours.fullmatch(candidate.name)
        if match:
            stale = not _alive(int(match.group(1)))
        elif legacy.fullmatch(candidate.name):
            try:
                stale = time.time() - candidate.stat().st_mtime > LEGACY_STALE_SECONDS
            except FileNotFoundError:
                continue
        else:
            continue
        if stale:
            candidate.unlink(missing_ok=True)
            removed.append(candidate)
    return removed


def glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


def _fsync(path: Path, directory: bool = False) -> None:
    flags = os.O_RDONLY | (getattr(os, "O_DIRECTORY", 0) if directory else 0)
    fd = os.open(path, flags)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def atomic_target(path: str | Path) -> Iterator[Path]:
    """A temporary path next to ``path`` to write to; flushed to disk and renamed onto ``path`` when
    the block succeeds.

    The folder is made when missing. On any error the temporary file is removed and the error raised.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, _MODE)
        _fsync(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    try:
        _fsync(path.parent, directory=True)
    except OSError:  # a file system that cannot sync a folder (some network mounts): the file is written
        pass


def write_text(path: str | Path, text: str, encoding: str = "utf-8", newline: str | None = None) -> Path:
    """Write ``text`` to ``path`` atomically."""
    with atomic_target(path) as tmp:
        with open(tmp, "w", encoding=encoding, newline=newline) as handle:
            handle.write(text)
    return Path(path)


def write_bytes(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically."""
    with atomic_target(path) as tmp:
        tmp.write_bytes(data)
    return Path(path)
