"""The document contract: a text as read, and the spans of it that are page junk.

The text is never rewritten. Junk (navigation, captions, player widgets, bios, publisher notices,
repeated transcripts) is *marked* as excluded spans; ``masked_text`` blanks those spans with spaces
of the same length, so every character offset into the parsed text is an offset into ``text``.
"""
from __future__ import annotations

import hashlib
from functools import cached_property
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

DocumentFormat = Literal["text", "markdown", "html", "pdf"]

ExclusionReason = Literal[
    "navigation",  # menus, "Accessibility links", "Breaking News", size pickers
    "heading",  # a title or section heading: not a sentence to ask about
    "media-player",  # "please wait", "0:00 0:01:18 0:00", "No media source currently available"
    "caption",  # image captions (usually repeated)
    "author-bio",  # "X is a Brussels-based journalist ..."
    "publisher-notice",  # partnership notes, "click here", legal notices, credits
    "teaser-list",  # "More Military" and the headlines after it
    "repeated",  # a paragraph already given earlier in the document (a transcript in full)
    "dateline",  # "date 2025-09-05 VLADIVOSTOK —" and "— Agencies"
    "markup",  # Markdown syntax, list bullets
]


class Exclusion(BaseModel):
    """A span of a document's text that must not become a fact."""

    model_config = ConfigDict(frozen=True)

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    reason: ExclusionReason


class Document(BaseModel):
    """One input document: its path as given, its text and the junk marked in it."""

    model_config = ConfigDict(frozen=True)

    path: str
    format: DocumentFormat
    text: str
    excluded: tuple[Exclusion, ...] = ()
    title: str | None = None
    date: str | None = None  # ISO date when the document states one
    notes: tuple[str, ...] = ()  # how it was read, for the summary: "decoded as cp1252"

    @cached_property
    def masked_text(self) -> str:
        """``text`` with every excluded span blanked (newlines kept): same length, same offsets."""
        chars = list(self.text)
        for ex in self.excluded:
            for i in range(ex.start, min(ex.end, len(chars))):
                if chars[i] != "\n":
                    chars[i] = " "
        return "".join(chars)

    @cached_property
    def content_hash(self) -> str:
        return hashlib.sha1(self.masked_text.encode("utf-8")).hexdigest()

    def exclusion_at(self, start: int, end: int) -> Exclusion | None:
        """The exclusion overlapping ``start:end``, if any."""
        for ex in self.excluded:
            if ex.start < end and start < ex.end:
                return ex
        return None


class Source(BaseModel):
    """Where a fact was read: ``text[start:end] == sentence`` in ``document``'s text."""

    model_config = ConfigDict(frozen=True)

    document: str
    sentence: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
