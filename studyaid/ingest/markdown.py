"""Markdown syntax marking: syntax (fences, heading and list markers, rules, link targets, emphasis,
inline HTML) is marked ``markup`` and heading text ``heading``; the text itself is never changed.

:func:`blanked` blanks the marked syntax so the prose can be read for page junk at the same offsets.
"""
from __future__ import annotations

import re
from typing import Iterable

from .structure import Span

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^ {0,3}#{1,6}(?=[ \t]|$)[ \t]*")
_ATX_CLOSE = re.compile(r"[ \t]+#+[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_REFDEF = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]+\S")
_PREFIX = re.compile(r"^[ \t]*(?:(?:>[ \t]?)+[ \t]*)?(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?")
_INLINE = re.compile(
    r"!\[[^\]\n]*\]\([^)\n]*\)"  # an image: all of it
    r"|<(?:https?|mailto):[^>\s]+>"  # an autolink
    r"|\]\((?:[^()\n]|\([^()\n]*\))*\)|\]\[[^\]\n]*\]"  # a link's target
    r"|\[(?=[^\]\n]+\]\(|[^\]\n]+\]\[)"  # a link's opening bracket
    r"|\*\*|__|`+"  # strong emphasis and code markers
    r"|</?[A-Za-z][\w-]*(?:\s[^<>\n]*)?/?>"  # inline HTML tags
)


def mark_markdown(text: str) -> tuple[list[Span], list[Span]]:
    """Markdown syntax (``markup``) and heading text (``heading``) spans of ``text``."""
    markup: list[Span] = []
    headings: list[Span] = []
    fence: tuple[int, str] | None = None
    prev_plain: tuple[int, int] | None = None  # the previous line, when a setext heading could use it
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if fence is not None:
            if line.strip().startswith(fence[1]):
                markup.append((fence[0], end, "markup"))
                fence = None
            continue
        plain = None
        if match := _FENCE.match(line):
            fence = (start, match.group(1)[:3])
        elif prev_plain and _SETEXT.match(line):
            headings.append((*prev_plain, "heading"))
            markup.append((start, end, "markup"))
        elif _RULE.match(line) or _REFDEF.match(line):
            markup.append((start, end, "markup"))
        elif match := _ATX.match(line):
            close = _ATX_CLOSE.search(line, match.end())
            content_end = start + (close.start() if close else len(line))
            markup.append((start, start + match.end(), "markup"))
            if close:
                markup.append((content_end, end, "markup"))
            headings.append((start + match.end(), content_end, "heading"))
            markup.extend(_inline(text, start + match.end(), content_end))
        elif line.strip():
            prefix = _PREFIX.match(line)
            if prefix and prefix.end():
                markup.append((start, start + prefix.end(), "markup"))
            else:
                plain = (start, end)
            markup.extend(_inline(text, start + (prefix.end() if prefix else 0), end))
        prev_plain = plain
    if fence is not None:
        markup.append((fence[0], len(text), "markup"))
    return markup, headings


def _inline(text: str, start: int, end: int) -> list[Span]:
    return [(m.start(), m.end(), "markup") for m in _INLINE.finditer(text, start, end)]


def blanked(text: str, spans: Iterable[Span]) -> str:
    """``text`` with ``spans`` blanked by spaces (newlines kept): same length, same offsets."""
    chars = list(text)
    for start, end, _ in spans:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


__all__ = ["blanked", "mark_markdown"]
