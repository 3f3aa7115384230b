"""Reading documents (plain text, Markdown, HTML, PDF) into :class:`~studyaid.document.Document`.

Plain text and Markdown keep the file's text exactly as ``Path.read_text(encoding=...)`` gives it
(newlines translated, BOM kept), so offsets index the decoded text: UTF-8, or the charset detected
by :mod:`.encoding` ("decoded as cp1252" is then one of the document's ``notes``). HTML is reduced
to its article text by trafilatura and PDF to its text by pypdf. Junk is marked, never removed (:mod:`.boilerplate`);
so is Markdown syntax (:mod:`.markdown`). Every limit (:mod:`.limits`: bytes, characters, PDF pages) is
checked before the work it guards: a file's size before it is read, a PDF's pages before any is extracted,
the text's length while pages are extracted.
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
from .docx import docx_text
from .encoding import decode_bytes
from .language import check_english
from .limits import DEFAULT_MAX_BYTES, MAX_BYTES_ENV, Limits, over_limit  # noqa: F401 (DEFAULT_MAX_BYTES: re-exported)
from .markdown import blanked, mark_markdown

SUPPORTED_SUFFIXES: dict[str, DocumentFormat] = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".docx": "text",  # its text, read with python-docx (:mod:`.docx`)
}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def supported_list() -> str:
    return ", ".join(sorted(SUPPORTED_SUFFIXES))


def resolve_limits(path: str, max_bytes: int | None = None, limits: Limits | None = None) -> Limits:
    """``limits``, else the defaults and the environment (:meth:`Limits.from_env`); ``max_bytes`` wins."""
    if max_bytes is not None and max_bytes <= 0:
        raise ValueError(f"max_bytes must be positive, not {max_bytes}")
    if limits is None:
        return Limits.from_env(path, max_bytes=max_bytes)
    return limits if max_bytes is None else limits.model_copy(update={"max_bytes": max_bytes})


def text_limit(path: str, max_bytes: int | None = None) -> int:
    """The size limit: ``max_bytes``, else ``$STUDYAID_MAX_BYTES`` ("5000000", "10MB"), else 5 MB."""
    return resolve_limits(path, max_bytes).max_bytes


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
            f"too large: {over_limit(size, limit)}; split the document or "
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


def _check_chars(path: str, text: str, limits: Limits, what: str = "the text") -> None:
    if len(text) > limits.max_chars:
        raise InputError(
            path,
            f"too long: {what} has {len(text):,} characters, over the {limits.max_chars:,}-character limit; "
            f"split the document or raise the limit (STUDYAID_MAX_CHARS)",
        )


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


def count_pdf_pages(root, cap: int) -> int:
    """The pages under a PDF page-tree node, counted up to ``cap + 1`` at most.

    Walks ``/Kids`` itself, visiting at most a few nodes per page, so a tree whose nodes repeat one
    another (a few bytes that stand for millions of pages) is refused before pypdf lists its pages."""
    count = visits = 0
    stack = [root]
    while stack:
        visits += 1
        if visits > 4 * cap + 16:
            return cap + 1
        node = stack.pop().get_object()
        kids = node.get("/Kids") if hasattr(node, "get") else None
        if kids is None:
            count += 1
            if count > cap:
                return count
        else:
            stack.extend(kids.get_object())
    return count


def _read_pdf(path: str, raw: bytes, limits: Limits) -> tuple[str, str | None]:
    budget = limits.max_chars
    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(path, "the PDF is encrypted with a password; save an unencrypted copy")
        pages_count = count_pdf_pages(reader.trailer["/Root"]["/Pages"], limits.max_pdf_pages)
        if pages_count > limits.max_pdf_pages:
            raise InputError(
                path,
                f"too many pages: over the {limits.max_pdf_pages:,}-page limit for a PDF; split the document "
                f"or raise the limit (STUDYAID_MAX_PDF_PAGES)",
            )
        pages: list[str] = []
        size = 0
        for number, page in enumerate(reader.pages, start=1):
            pages.append((page.extract_text() or "").strip("\n"))
            size += len(pages[-1]) + 2
            if size > budget:  # stop at the page that passes the limit, not after reading them all
                raise InputError(
                    path,
                    f"too long: the PDF's text passes the {budget:,}-character limit at page {number} of "
                    f"{pages_count}; split the document or raise the limit (STUDYAID_MAX_CHARS)",
                )
        title = reader.metadata.title if reader.metadata else None
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError, RecursionError) as exc:
        raise InputError(path, f"is not a readable PDF: {exc}") from None
    text = "\n\n".join(page for page in pages if page.strip())
    if not text.strip():
        raise InputError(
            path, f"the PDF ({len(pages)} page(s)) has no extractable text (scanned images?); run OCR on it first"
        )
    return text, (str(title).strip() or None) if title else None


# --- public API -------------------------------------------------------------------------------
def read_document(path: str | Path, *, max_bytes: int | None = None, limits: Limits | None = None) -> Document:
    """Read one file; raise :class:`InputError` naming the file when it cannot be used.

    ``limits`` default to :meth:`Limits.from_env`; ``max_bytes`` overrides their ``max_bytes``."""
    given = str(path)
    p = Path(path)
    if not p.exists():
        raise InputError(given, "file not found" if not p.is_symlink() else "broken symbolic link")
    fmt = _format_of(given, p) if not p.is_dir() else "text"
    limits = resolve_limits(given, max_bytes, limits)
    return _document(given, fmt, _read_bytes(given, p, limits.file_limit(fmt == "pdf")), limits)


def document_from_bytes(
    name: str, data: bytes, *, max_bytes: int | None = None, limits: Limits | None = None
) -> Document:
    """The document a file called ``name`` holding ``data`` would be, read from memory (an upload, a
    document kept in the app's bank): ``name`` is its path in every fact's source and every message.

    Raises :class:`InputError` naming ``name`` exactly as :func:`read_document` would for such a file.
    """
    fmt = _format_of(name, Path(name))
    limits = resolve_limits(name, max_bytes, limits)
    _check_size(name, len(data), limits.file_limit(fmt == "pdf"))
    return _document(name, fmt, data, limits)


def _document(given: str, fmt: DocumentFormat, raw: bytes, limits: Limits) -> Document:
    """``raw`` read as a document of format ``fmt``, junk marked."""
    title = date = encoding = None
    if fmt == "pdf":
        if not raw.startswith(b"%PDF-"):
            raise InputError(given, "is not a PDF (no %PDF- header); check the file's extension")
        text, title = _read_pdf(given, raw, limits)
        excluded = mark_junk(text)
    elif fmt == "html":
        text, title, date, encoding = _read_html(given, raw)
        _check_chars(given, text, limits, "the page's article text")
        excluded = mark_junk(text)
        if not Document(path=given, format=fmt, text=text, excluded=excluded).masked_text.strip():
            raise InputError(given, "no article text found in the HTML: everything extracted is page junk")
    elif Path(given).suffix.lower() == ".docx":
        text = docx_text(given, raw, limits.max_bytes)
        _check_chars(given, text, limits, "the Word document's text")
        excluded = mark_junk(text)
    else:
        text, encoding = decode_text(given, raw)
        _require_text(given, text)
        _check_chars(given, text, limits)
        if fmt == "markdown":
            markup, headings = mark_markdown(text)
            excluded = merge_exclusions(text, markup, headings, mark_junk(blanked(text, markup)))
        else:
            excluded = mark_junk(text)
    document = Document(
        path=given,
        format=fmt,
        text=text,
        excluded=excluded,
        title=title or guess_title(text, excluded),
        date=date or find_date(text),
        notes=(f"decoded as {encoding}",) if encoding else (),
    )
    check_english(given, document.masked_text)  # a German or Spanish page: named, not English nonsense
    return document


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
    limits: Limits | None = None,
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
                document = read_document(candidate, max_bytes=max_bytes, limits=limits)
            except InputError as error:
                report(error)
                continue
            yield document


__all__ = ["SUPPORTED_SUFFIXES", "read_document", "document_from_bytes", "iter_documents", "folder_files", "decode_text", "mark_markdown"]
