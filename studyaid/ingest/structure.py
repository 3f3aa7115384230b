"""Text structure: paragraphs ("units"), sentences and headings, found by layout and punctuation.

A unit is a line, or a hard-wrapped block of lines; :func:`split_units` finds them with their offsets
into the text, :func:`sentences` splits a span into sentences and :func:`is_heading` tells a title
from a statement.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..document import ExclusionReason

Span = tuple[int, int, ExclusionReason]

DOUBLE_QUOTES = "\"\u201c\u201d\u201e\u00ab\u00bb"
CLOSERS = "\"'\u201d\u2019\u00bb)]"
TERMINAL = ".!?\u2026"
TITLE_CASE = 0.85  # share of capitalised content words in a title-case line ("Putin Makes a Big Threat")
SMALL_WORDS = frozenset(
    "a an the of in on at to for from by with and or but nor as is are was be vs via into onto over "
    "per than that this its it de la le".split()
)
ABBREVIATIONS = frozenset(
    "mr mrs ms dr jr sr st gen col lt sgt gov sen rep prof no vs etc inc ltd co corp mt ft "
    "jan feb mar apr aug sep sept oct nov dec".split()
)

# a list item's bullet ("• ", "- "), not a minus sign ("-5") or a double dash
BULLET = re.compile(r"[\u2022\u00b7\u25aa\u25cf\u25e6\u2023\u2219\u25b8\u25ba*]\s*|[-\u2013](?![\d\s-]*\d)(?!-)\s*")
_SENT_END = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9])")


@dataclass
class Unit:
    """A paragraph: a line, or a hard-wrapped block of lines."""

    start: int
    end: int
    text: str
    single_line: bool
    reason: ExclusionReason | None = None
    marker: bool = False  # an end-of-article marker (credit, bio, teaser heading)
    parts: list[Span] = field(default_factory=list)

    def cut(self, full: str, start: int, end: int) -> None:
        while start < end and blank(full[start]):
            start += 1
        while end > start and blank(full[end - 1]):
            end -= 1
        self.start, self.end, self.text = start, end, full[start:end]


def blank(char: str) -> bool:
    return char.isspace() or char == "\ufeff"


def ends_terminal(line: str, extra: str = "") -> bool:
    line = line.rstrip().rstrip(CLOSERS)
    return bool(line) and line[-1] in TERMINAL + extra


def split_units(text: str) -> list[Unit]:
    """The paragraphs of ``text`` in order, trimmed of surrounding whitespace."""
    lines: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    blocks: list[list[tuple[int, int]]] = [[]]
    for start, end in lines:
        if text[start:end].strip().strip("\ufeff"):
            blocks[-1].append((start, end))
        elif blocks[-1]:
            blocks.append([])
    units: list[Unit] = []
    for block in filter(None, blocks):
        body = [text[s:e].strip() for s, e in block[:-1]]
        loose = sum(1 for t in body if len(t) >= 40 and not ends_terminal(t, ":;"))
        wrapped = len(block) >= 3 and loose >= 2 and loose * 2 >= len(body)
        if len(block) == 2 and loose and text[block[1][0] : block[1][1]].strip()[:1].islower():
            wrapped = True  # a sentence running on to a second line
        for group in _paragraphs(text, block) if wrapped else [[line] for line in block]:
            unit = Unit(group[0][0], group[-1][1], "", single_line=len(group) == 1)
            unit.cut(text, unit.start, unit.end)
            units.append(unit)
    return units


def _paragraphs(text: str, block: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Paragraphs of a hard-wrapped block: a heading, a bullet or a short last line ends one."""
    width = max(len(text[s:e].strip()) for s, e in block)
    groups: list[list[tuple[int, int]]] = []
    ended = True
    for start, end in block:
        line = text[start:end].strip()
        if ended and is_heading(line):
            groups.append([(start, end)])
            continue
        if ended or not groups or (BULLET.match(line) and not line.startswith("-")):
            groups.append([])
        groups[-1].append((start, end))
        ended = ends_terminal(line, ":") and len(line) < 0.8 * width
    return groups


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]`` by punctuation, skipping abbreviations ("U.S.", "Jr.")."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    begin = start
    for match in _SENT_END.finditer(text, start, end):
        if match.group().startswith("."):
            word = re.search(r"([\w.]+)$", text[max(begin, match.start() - 15) : match.start()])
            if word:
                w = word.group(1).casefold()
                if w in ABBREVIATIONS or len(w) == 1 or re.fullmatch(r"(?:\w\.)+\w", w):
                    continue
        spans.append((begin, match.end()))
        begin = match.end()
        while begin < end and text[begin].isspace():
            begin += 1
    if text[begin:end].strip():
        spans.append((begin, end))
    return spans


def title_ratio(line: str) -> float:
    words = [w.strip(DOUBLE_QUOTES + CLOSERS + "\u2018(:,;") for w in line.split()]
    content = [w for w in words if w and w[0].isalpha() and w.casefold() not in SMALL_WORDS]
    if not content:
        return 0.0
    return sum(1 for w in content if w[0].isupper()) / len(content)


def is_heading(line: str, first: bool = False) -> bool:
    """A short standalone line that titles what follows rather than stating something."""
    line = line.strip()
    words = line.split()
    if not words or "\n" in line or len(line) > 160 or line[0] in DOUBLE_QUOTES + "\u2018":
        return False
    stripped = line.rstrip(CLOSERS)
    last = stripped[-1] if stripped else ""
    ratio = title_ratio(line)
    if last in ".!\u2026;,":
        return False
    if last == "?":
        return len(words) <= 4 or (len(words) <= 10 and ratio >= TITLE_CASE)
    if last == ":":
        return len(words) <= 6 and ratio >= TITLE_CASE
    if first and len(words) <= 30:
        return True
    return len(words) <= 20 and (ratio >= TITLE_CASE or (len(words) <= 3 and ratio >= 0.5))


__all__ = [
    "BULLET", "CLOSERS", "DOUBLE_QUOTES", "Span", "Unit", "blank", "ends_terminal", "is_heading", "sentences",
    "split_units", "title_ratio",
]
