"""Word documents (``.docx``) read with python-docx: the body's paragraphs and table cells as plain
text, one paragraph per line with a blank line between (as a ``.txt`` article is written), so the
junk marking and the parser see the same shapes as in a text file.

A file that is not a Word document (a renamed file, a ``.doc`` from an old Word, a broken zip) or
whose text is over the size limit raises :class:`InputError` naming it.
"""
from __future__ import annotations

import io
import zipfile

from ..errors import InputError

# a .docx is a zip: its XML may be many times the file's size; the text is capped like a PDF's
XML_PARTS_FACTOR = 20


def _check_unpacked_size(path: str, raw: bytes, limit: int) -> None:
    """Refuse a zip whose parts unpack to far more than the limit (a zip bomb) before parsing it."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InputError(path, f"is not a Word .docx file (not a zip package: {exc}); save it again as .docx "
                               "or as plain text") from None
    if unpacked > limit * XML_PARTS_FACTOR:
        raise InputError(path, f"too large: the Word file unpacks to {unpacked:,} bytes, over "
                               f"{limit * XML_PARTS_FACTOR:,} bytes ({XML_PARTS_FACTOR} times the text limit)")


def _paragraphs(document) -> list[str]:
    """Body paragraphs, then each table's cells row by row (a cell spanning columns once)."""
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            seen: list[str] = []
            for cell in row.cells:
                if cell.text not in seen:
                    seen.append(cell.text)
            texts.extend(seen)
    return [" ".join(t.split()) for t in texts if t and t.strip()]


def docx_text(path: str, raw: bytes, limit: int) -> str:
    """The text of the Word document ``raw`` (named ``path`` in errors), at most ``limit`` bytes of UTF-8."""
    import docx  # python-docx
    from docx.opc.exceptions import PackageNotFoundError

    _check_unpacked_size(path, raw, limit)
    try:
        document = docx.Document(io.BytesIO(raw))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise InputError(path, f"is not a readable Word .docx file ({exc or type(exc).__name__}); save it again "
                               "as .docx or as plain text") from None
    text = "\n\n".join(_paragraphs(document))
    if not text.strip():
        raise InputError(path, "the Word document has no text (only images or empty pages?)")
    size = len(text.encode("utf-8"))
    if size > limit:
        raise InputError(path, f"too large: the Word document's text is {size:,} bytes, over the {limit:,}-byte limit")
    return text + "\n"
