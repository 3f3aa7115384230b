"""Writing files atomically: a temporary file next to the target, renamed onto it when complete.

A crash, a full disk or an error while writing never leaves half a file under the final name, nor a
temporary file beside it; two processes writing the same target each use their own temporary file,
and the last rename wins with a whole file. The result has ordinary permissions (``0o666`` less the
process umask, as any file the user writes), not the ``0o600`` of :func:`tempfile.mkstemp`.
"""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_MODE = 0o666 & ~_umask()  # read once at import, before any thread could be writing files


@contextmanager
def atomic_target(path: str | Path) -> Iterator[Path]:
    """A temporary path next to ``path`` to write to; renamed onto ``path`` when the block succeeds.

    The folder is made when missing. On any error the temporary file is removed and the error raised.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, _MODE)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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
