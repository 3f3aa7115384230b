"""One model of every per-document limit, checked before the expensive work it guards.

- ``max_bytes``: the largest file (text, Markdown, HTML) read at all; a PDF file may be
  ``pdf_file_factor`` times that (fonts and images weigh more than text). Checked on the file's size
  before a byte is read.
- ``max_chars``: the longest text a document may give; checked while a PDF or an HTML page is
  extracted (a small PDF can hold a lot of text), and on every document's text.
- ``max_pdf_pages``: a PDF's pages, counted from its page tree before any page is extracted.
- ``document_seconds``: the time one document may take to be parsed and its facts extracted; past
  it the document is reported by name and skipped, and the others are processed.
- ``section_chars``: a text longer than this is parsed in sections cut at paragraph breaks (no spaCy
  length limit is ever reached, and memory stays that of one section).

Each limit is read from its environment variable when set (``Limits.from_env``): sizes as ``5000000``,
``5MB`` or ``512k``, counts as integers, seconds as a number.
"""
from __future__ import annotations

import os
import re
import time

from pydantic import BaseModel, ConfigDict, Field

from ..errors import DocumentTimeout, InputError

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
MAX_BYTES_ENV = "STUDYAID_MAX_BYTES"
MAX_CHARS_ENV = "STUDYAID_MAX_CHARS"
MAX_PDF_PAGES_ENV = "STUDYAID_MAX_PDF_PAGES"
DOCUMENT_SECONDS_ENV = "STUDYAID_DOCUMENT_SECONDS"


class Limits(BaseModel):
    """The limits one document must respect (see the module's docstring)."""

    model_config = ConfigDict(frozen=True)

    max_bytes: int = Field(DEFAULT_MAX_BYTES, gt=0)
    max_chars: int = Field(DEFAULT_MAX_BYTES, gt=0)
    max_pdf_pages: int = Field(1000, gt=0)
    pdf_file_factor: int = Field(10, gt=0)
    document_seconds: float = Field(600.0, gt=0)
    section_chars: int = Field(100_000, ge=1000)

    @classmethod
    def from_env(cls, path: str = "<settings>", **given) -> "Limits":
        """The defaults, overridden by the environment, overridden by ``given`` (None values ignored).

        A malformed variable raises :class:`InputError` naming ``path`` (the document it stops) and the
        variable."""
        values: dict = {}
        for field, variable, parse in (
            ("max_bytes", MAX_BYTES_ENV, parse_size),
            ("max_chars", MAX_CHARS_ENV, parse_size),
            ("max_pdf_pages", MAX_PDF_PAGES_ENV, _parse_count),
            ("document_seconds", DOCUMENT_SECONDS_ENV, _parse_seconds),
        ):
            configured = os.environ.get(variable, "").strip()
            if not configured:
                continue
            value = parse(configured)
            if value is None:
                raise InputError(path, f"{variable}={configured!r} is not {_EXAMPLES[field]}")
            values[field] = value
        values.update({k: v for k, v in given.items() if v is not None})
        return cls(**values)

    def file_limit(self, is_pdf: bool) -> int:
        """The largest file of this kind read at all."""
        return self.max_bytes * self.pdf_file_factor if is_pdf else self.max_bytes


_EXAMPLES = {
    "max_bytes": "a size; use e.g. 5000000 or 5MB",
    "max_chars": "a number of characters; use e.g. 5000000 or 5M",
    "max_pdf_pages": "a page count; use e.g. 1000",
    "document_seconds": "a number of seconds; use e.g. 600",
}


def parse_size(value: str) -> int | None:
    """``"5000000"``, ``"5MB"``, ``"512k"``, ``"1.5 GiB"`` as a positive integer, or None."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(?:([kmg])i?b?|b)?\s*", value, re.I)
    if not match:
        return None
    power = {"k": 1, "m": 2, "g": 3}.get((match.group(2) or "").lower(), 0)
    size = int(float(match.group(1)) * 1024**power)
    return size if size > 0 else None


def _parse_count(value: str) -> int | None:
    return int(value) if value.isdigit() and int(value) > 0 else None


def _parse_seconds(value: str) -> float | None:
    try:
        seconds = float(value)
    except ValueError:
        return None
    return seconds if seconds > 0 else None


def human_size(size: int) -> str:
    """``5.0 MB``, ``12.3 KB``, ``300 bytes``."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{size / 1024:.1f} KB" if size >= 1024 else f"{size} bytes"


def over_limit(size: int, limit: int) -> str:
    """"6.2 MB is over the 5.0 MB limit", in exact bytes when the rounded sizes would read the same."""
    if human_size(size) == human_size(limit):
        return f"{size:,} bytes is over the {limit:,}-byte limit"
    return f"{human_size(size)} is over the {human_size(limit)} limit"


class Budget:
    """The time one document may still take: :meth:`check` raises :class:`DocumentTimeout` once spent.

    Started when created; checked between parse sections and between the facts of the extractors, so a
    document is stopped at the first check past its budget."""

    def __init__(self, path: str, seconds: float, clock=time.monotonic) -> None:
        self.path = path
        self.seconds = seconds
        self._clock = clock
        self._start = clock()

    def elapsed(self) -> float:
        return self._clock() - self._start

    def check(self, stage: str) -> None:
        elapsed = self.elapsed()
        if elapsed > self.seconds:
            raise DocumentTimeout(
                self.path,
                f"skipped: {stage} took {elapsed:.0f} s, over the {self.seconds:g} s limit per document; "
                f"split the document or raise the limit ({DOCUMENT_SECONDS_ENV})",
            )


__all__ = ["Budget", "DEFAULT_MAX_BYTES", "Limits", "MAX_BYTES_ENV", "human_size", "over_limit", "parse_size"]
