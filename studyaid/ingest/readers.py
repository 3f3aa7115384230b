"""Reading documents (plain text, Markdown, HTML, PDF) into :class:`~studyaid.document.Document`.

Plain text and Markdown keep the file's text exactly as ``Path.read_text(encoding=...)`` gives it
(newlines translated, BOM kept), so offsets index the decoded text: UTF-8, or the charset detected
by :mod:`.encoding` ("decoded as cp1252" is then one of the document's ``notes``). HTML is reduced
to its article text by trafilatura and PDF to its text by pypdf. Junk is marked, never removed (:mod:`.boilerplate`);
so is Markdown syntax (:mod:`.markdown`).
"""
from __future__ import annotations

import io
import os
import re
from pathlib import Path
from typing import Callable, Iterable, Iterator

import trafilatura
from lxml.etree import LxmlError
from pypdf import PdfReader
from pypdf.errors import PyPdfError

from ..document import Document, DocumentFormat
from ..errors import InputError
from .boilerplate import guess_title, mark_junk, merge_exclusions
from .dates import find_date, parse_date
from .encoding import decode_bytes
from .markdown import blanked, mark_markdown

SUPPORTED_SUFFIXES: dict[str, DocumentFormat] = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
}
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
MAX_BYTES_ENV = "STUDYAID_MAX_BYTES"
PDF_FILE_FACTOR = 10  # a PDF file may be this many times the text limit (fonts, images)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def supported_list() -> str:
    return ", ".join(sorted(SUPPORTED_SUFFIXES))


def _human(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{size / 1024:.1f} KB" if size >= 1024 else f"{size} bytes"


def _parse_size(value: str) -> int | None:
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(?:([kmg])i?b?|b)?\s*", value, re.I)
    if not match:
        return None
    power = {"k": 1, "m": 2, "g": 3}.get((match.group(2) or "").lower(), 0)
    size = int(float(match.group(1)) * 1024**power)
    return size if size > 0 else None


def text_limit(path: str, max_bytes: int | None = None) -> int:
    """The size limit: ``max_bytes``, else ``$STUDYAID_MAX_BYTES`` ("5000000", "10MB"), else 5 MB."""
    if max_bytes is not None:
        if max_bytes <= 0:
            raise ValueError(f"max_bytes must be positive, not {max_bytes}")
        return max_bytes
    configured = os.environ.get(MAX_BYTES_ENV, "").strip()
    if not configured:
        return DEFAULT_MAX_BYTES
    size = _parse_size(configured)
    if size is None:
        raise InputError(path, f"{MAX_BYTES_ENV}={configured!r} is not a size; use e.g. 5000000 or 5MB")
    return size


def _format_of(path: str, p: Path) -> DocumentFormat:
    fmt = SUPPORTED_SUFFIXES.get(p.suffix.lower())
    if fmt is None:
        kind = f"'{p.suffix}' files are" if p.suffix else "a file without an extension is"
        raise InputError(path, f"unsupported format: {kind} not supported; supported: {supported_list()}")
    return fmt


def _check_size(path: str, size: int, limit: int) -> None:
    if size > limit:
        raise InputError(
            path,
            f"too large: {_human(size)} is over the {_human(limit)} limit; split the document or "
            f"raise the limit (max_bytes, or {MAX_BYTES_ENV})",
        )
    if not size:
        raise InputError(path, "the file is empty (0 bytes)")


def _read_bytes(path: str, p: Path, limit: int) -> bytes:
    try:
        if p.is_dir():
            raise InputError(path, "is a folder, not a file; use iter_documents to read every file in it")
        _check_size(path, p.stat().st_size, limit)
        raw = p.read_bytes()
    except FileNotFoundError:
        raise InputError(path, "file not found") from None
    except PermissionError:
        raise InputError(path, "cannot be read: permission denied") from None
    except OSError as exc:
        raise InputError(path, f"cannot be read: {exc.strerror or exc}") from None
    _check_size(path, len(raw), limit)  # a file that changed since its size was taken
    return raw


def decode_text(path: str, raw: bytes, fallback: str | None = None) -> tuple[str, str | None]:
    """``raw`` as text with newlines translated like ``read_text``, and the encoding when not UTF-8.

    UTF-8 is tried first; otherwise the charset is detected (:mod:`.encoding`), ``fallback`` (an HTML
    page's declared charset) first among equals. Binary data is refused.
    """
    text, encoding = decode_bytes(path, raw, fallback)
    return _newlines(text), encoding


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _require_text(path: str, text: str) -> None:
    if not text.replace("\ufeff", "").strip():
        raise InputError(path, "contains only whitespace: there is no text to read")


# --- HTML and PDF -----------------------------------------------------------------------------
def _read_html(path: str, raw: bytes) -> tuple[str, str | None, str | None, str | None]:
    declared = _CHARSET.search(raw[:4096])
    html, encoding = decode_text(path, raw, declared.group(1).decode("ascii") if declared else None)
    _require_text(path, html)
    try:
        result = trafilatura.bare_extraction(
            html.lstrip("\ufeff"),
            include_comments=False,
            include_tables=False,
            favor_precision=True,
            with_metadata=True,
        )
    except (LxmlError, ValueError, TypeError) as exc:
        raise InputError(path, f"the HTML could not be parsed: {exc}") from None
    text = (getattr(result, "text", None) or "").strip()
    if not text:
        raise InputError(path, "no article text found in the HTML (navigation only, or a page built by scripts?)")
    title = getattr(result, "title", None) or None
    date = getattr(result, "date", None)
    return text, title, parse_date(date[:10]) if date else None, encoding


def _read_pdf(path: str, raw: bytes, limit: int) -> tuple[str, str | None]:
    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(path, "the PDF is encrypted with a password; save an unencrypted copy")
        pages = [(page.extract_text() or "").strip("\n") for page in reader.pages]
        title = reader.metadata.title if reader.metadata else None
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise InputError(path, f"is not a readable PDF: {exc}") from None
    text = "\n\n".join(page for page in pages if page.strip())
    if not text.strip():
        raise InputError(
            path, f"the PDF ({len(pages)} page(s)) has no extractable text (scanned images?); run OCR on it first"
        )
    if len(text.encode("utf-8")) > limit:
        raise InputError(path, f"too large: the PDF's text is over the {_human(limit)} limit")
    return text, (str(title).strip() or None) if title else None


# --- public API -------------------------------------------------------------------------------
def read_document(path: str | Path, *, max_bytes: int | None = None) -> Document:
    """Read one file; raise :class:`InputError` naming the file when it cannot be used."""
    given = str(path)
    p = Path(path)
    if not p.exists():
        raise InputError(given, "file not found" if not p.is_symlink() else "broken symbolic link")
    fmt = _format_of(given, p) if not p.is_dir() else "text"
    limit = text_limit(given, max_bytes)
    return _document(given, fmt, _read_bytes(given, p, limit * PDF_FILE_FACTOR if fmt == "pdf" else limit), limit)


def document_from_bytes(name: str, data: bytes, *, max_bytes: int | None = None) -> Document:
    """The document a file called ``name`` holding ``data`` would be, read from memory (an upload, a
    document kept in the app's bank): ``name`` is its path in every fact's source and every message.

    Raises :class:`InputError` naming ``name`` exactly as :func:`read_document` would for such a file.
    """
    fmt = _format_of(name, Path(name))
    limit = text_limit(name, max_bytes)
    _check_size(name, len(data), limit * PDF_FILE_FACTOR if fmt == "pdf" else limit)
    return _document(name, fmt, data, limit)


def _document(given: str, fmt: DocumentFormat, raw: bytes, limit: int) -> Document:
    """``raw`` read as a document of format ``fmt``, junk marked."""
    title = date = encoding = None
    if fmt == "pdf":
        if not raw.startswith(b"%PDF-"):
            raise InputError(given, "is not a PDF (no %PDF- header); check the file's extension")
        text, title = _read_pdf(given, raw, limit)
        excluded = mark_junk(text)
    elif fmt == "html":
        text, title, date, encoding = _read_html(given, raw)
        excluded = mark_junk(text)
        if not Document(path=given, format=fmt, text=text, excluded=excluded).masked_text.strip():
            raise InputError(given, "no article text found in the HTML: everything extracted is page junk")
    else:
        text, encoding = decode_text(given, raw)
        _require_text(given, text)
        if fmt == "markdown":
            markup, headings = mark_markdown(text)
            excluded = merge_exclusions(text, markup, headings, mark_junk(blanked(text, markup)))
        else:
            excluded = mark_junk(text)
    return Document(
        path=given,
        format=fmt,
        text=text,
        excluded=excluded,
        title=title or guess_title(text, excluded),
        date=date or find_date(text),
        notes=(f"decoded as {encoding}",) if encoding else (),
    )


def folder_files(folder: Path) -> list[Path]:
    """Every supported, non-hidden file under ``folder``, recursively, sorted by relative path."""
    found: list[tuple[tuple[str, ...], Path]] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if name.startswith(".") or Path(name).suffix.lower() not in SUPPORTED_SUFFIXES:
                continue
            full = Path(root) / name
            found.append((full.relative_to(folder).parts, full))
    return [full for _, full in sorted(found)]


def iter_documents(
    paths: Iterable[str | Path] | str | Path,
    on_error: Callable[[InputError], None] | None = None,
    *,
    max_bytes: int | None = None,
) -> Iterator[Document]:
    """Documents of ``paths``: a file is itself, a folder every supported file under it.

    A file that cannot be read is passed to ``on_error`` (default: raised) and the rest are read.
    The same file given twice is read once.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    seen: set[str] = set()

    def report(error: InputError) -> None:
        if on_error is None:
            raise error
        on_error(error)

    for given in paths:
        p = Path(given)
        if not str(given).strip():
            report(InputError(str(given), "an empty path was given"))
            continue
        if p.is_dir():
            candidates: list[str | Path] = [str(f) for f in folder_files(p)]
            if not candidates:
                report(InputError(str(given), f"the folder has no supported files ({supported_list()})"))
                continue
        else:
            candidates = [given]
        for candidate in candidates:
            key = os.path.realpath(candidate)
            if key in seen:
                continue
            seen.add(key)
            try:
                document = read_document(candidate, max_bytes=max_bytes)
            except InputError as error:
                report(error)
                continue
            yield document


__all__ = ["SUPPORTED_SUFFIXES", "read_document", "document_from_bytes", "iter_documents", "folder_files", "decode_text", "mark_markdown"]
