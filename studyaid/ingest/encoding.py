"""Bytes to text: UTF-8 first, then the charset charset-normalizer detects, never mojibake.

A file that is valid UTF-8 is UTF-8 (a plain ASCII file too). Otherwise the candidates are a declared
charset (an HTML page's ``<meta charset>``), Windows-1252 (what older English-language news archives
use) and every charset charset-normalizer finds plausible; each decoding is scored by
:func:`oddities` (letters glued to digits, a capital inside a lower-case word, symbols inside words,
Latin words made mostly of accented letters, words mixing alphabets), and the decoding with the
fewest wins, ties going to the order above. So "\\xa346m" is "£46m" (Windows-1252), not "Ł46m"
(Windows-1250), while a Polish, Russian or Greek file keeps the code page that reads as words.

Binary data is refused before any guessing, with the reason, by :func:`check_not_binary`.
"""
from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

from ..errors import InputError

SNIFF_BYTES = 8192
WESTERN = "cp1252"
_MAGIC = (
    (b"%PDF-", "a PDF; rename it to .pdf"),
    (b"PK\x03\x04", "a ZIP archive (a .docx, .odt or .epub?); export it as text, HTML or PDF"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file; export it as text or PDF"),
    (b"\x1f\x8b", "a gzip archive"),
)
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_WORD = re.compile(r"\S+")


def check_not_binary(path: str, raw: bytes) -> None:
    """Raise :class:`InputError` when ``raw`` is a known binary format or holds NUL/control bytes."""
    for magic, kind in _MAGIC:
        if raw.startswith(magic):
            raise InputError(path, f"is a binary file, not text: it looks like {kind}")
    head = raw[:SNIFF_BYTES]
    nul = head.find(b"\x00")
    if nul >= 0:
        raise InputError(path, f"is a binary file, not text (NUL byte at byte offset {nul})")
    controls = sum(1 for b in head if b < 32 and b not in b"\t\n\r\f\x0b\x1b")
    if controls * 10 > len(head):
        raise InputError(path, "is a binary file, not text (control bytes in the first KBs)")


def decode_bytes(path: str, raw: bytes, declared: str | None = None) -> tuple[str, str | None]:
    """``raw`` as text, and the encoding used when it was not UTF-8 (``None`` for UTF-8).

    Newlines are left as they are; the caller translates them.
    """
    for bom, name in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(name), name.replace("-", "_")
            except UnicodeDecodeError:
                raise InputError(path, f"starts with a {name.upper()} byte-order mark but is not valid "
                                       f"{name.upper()}; re-save the file as UTF-8") from None
    check_not_binary(path, raw)
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        failure = exc
    best: tuple[int, int, str, str] | None = None
    for rank, name in enumerate(_candidates(raw, declared)):
        try:
            text = raw.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
        if any(unicodedata.category(c) == "Cc" and c not in "\t\n\r\f\x0b\x1b" for c in text):
            continue  # C1 controls: bytes this code page does not define as characters
        score = (oddities(text), rank, name, text)
        if best is None or score[:2] < best[:2]:
            best = score
    if best is None:
        byte = raw[failure.start : failure.start + 1].hex().upper()
        raise InputError(
            path,
            f"is not UTF-8 (byte 0x{byte} at byte offset {failure.start}) and its character encoding "
            "could not be detected; re-save the file as UTF-8",
        )
    return best[3], codecs.lookup(best[2]).name.replace("-", "_")


def _candidates(raw: bytes, declared: str | None) -> list[str]:
    names = [declared] if declared else []
    names.append(WESTERN)
    names.extend(match.encoding for match in from_bytes(raw[: 4 * SNIFF_BYTES]))
    seen: set[str] = set()
    unique = []
    for name in names:
        try:
            key = codecs.lookup(name).name
        except LookupError:
            continue
        if key not in seen and key != "utf-8":
            seen.add(key)
            unique.append(name)
    return unique


def _script(char: str) -> str:
    return unicodedata.name(char, "?").split(" ")[0]


def oddities(text: str) -> int:
    """How many characters of ``text`` a reader would take for a decoding error.

    Counted: a non-ASCII letter touching a digit ("Ł46m"), a capital after a lower-case letter in a
    word ("crĶme"), a non-ASCII symbol or number sign between letters ("M³ller"), a currency sign
    with no digit beside it ("£odzi"), a Latin word mostly made of accented letters ("Ïðåçèäåíò"),
    a word mixing alphabets.
    """
    count = 0
    for match in _WORD.finditer(text):
        word = match.group()
        if word.isascii():
            continue
        letters = [c for c in word if c.isalpha()]
        scripts = {_script(c) for c in letters}
        if len(scripts) > 1:
            count += 1
        foreign = [c for c in letters if not c.isascii()]
        if "LATIN" in scripts and len(letters) >= 3 and len(foreign) * 2 > len(letters):
            count += 1
        for i, char in enumerate(word):
            if char.isascii():
                continue
            before = word[i - 1] if i else " "
            after = word[i + 1] if i + 1 < len(word) else " "
            category = unicodedata.category(char)
            if char.isalpha():
                if before.isdigit() or after.isdigit():
                    count += 1
                elif char.isupper() and before.isalpha() and before.islower():
                    count += 1
            elif category == "Sc":
                if not (before.isdigit() or after.isdigit()):
                    count += 1
            elif category[0] in "NS" and before.isalpha() and after.isalpha():
                count += 1
    return count


__all__ = ["check_not_binary", "decode_bytes", "oddities"]
