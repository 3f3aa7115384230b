"""What every exporter shares: which questions go out, option order (as stored), cloze gaps, tags, sources.

Pure functions over :class:`Question`; no file is written here. Sources are named by their articles'
titles, the app's rule (:func:`article_title`); the command line reads them from the documents a bank
names (:func:`titles_from_files`).
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping

from ..document import Document
from ..errors import InputError
from ..questions.model import Question

MAX_SOURCES_SHOWN = 3  # a fact stated in seven sentences shows three of them, then "and 4 more"

_CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.DOTALL)
_TAG_UNSAFE = re.compile(r"[^\w.-]+")
_NOT_WORD = re.compile(r"[\W_]+")

Titles = Mapping[str, str]  # document name -> its article's title, to name sources by
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Gap:
    """One cloze deletion: ``{{c<number>::<answer>::<hint>}}``."""

    number: int
    answer: str
    hint: str | None = None


ClozePart = str | Gap


def problem(question: Question) -> str | None:
    """Why ``question`` cannot be exported (``None`` when it can)."""
    if question.status == "rejected":
        return "rejected"
    if question.needs_review is not None:
        return "flagged for review (its source changed)"
    if not question.prompt.strip():
        return "empty question"
    if question.kind == "mcq":
        if len(question.options) < 2:
            return "fewer than two options"
        if question.answer not in question.options:
            return "answer is not among the options"
        if question.options.count(question.answer) > 1:
            return "answer listed twice among the options"
    elif not any(isinstance(part, Gap) for part in cloze_parts(question)):
        return "no {{c1::...}} gap in the cloze text"
    return None


def exportable(questions: Iterable[Question]) -> tuple[list[Question], list[tuple[Question, str]]]:
    """The questions to write, and the ones left out with the reason."""
    kept: list[Question] = []
    skipped: list[tuple[Question, str]] = []
    ids: set[str] = set()
    for question in questions:
        reason = problem(question)
        if reason is None and question.id in ids:
            reason = "same id as an earlier question"  # one id, one Anki note: the second would overwrite it
        if reason is None:
            kept.append(question)
            ids.add(question.id)
        else:
            skipped.append((question, reason))
    return kept, skipped


def display_options(question: Question) -> list[str]:
    """The options exactly as stored in ``question.options``: every export and the app show this order.

    Generation already placed the right answer at a position hashed from the question id
    (:mod:`studyaid.questions.order`), uniform over a bank; a teacher's edited order is kept as it is.
    Shuffling again here would undo that uniformity, so no format reorders the options.
    """
    return list(question.options)


def correct_index(question: Question, options: list[str]) -> int:
    """0-based position of the answer in ``options``."""
    return options.index(question.answer)


def cloze_parts(question: Question) -> list[ClozePart]:
    """``question.cloze`` split into plain text and gaps.

    A gap whose text is the question's answer is matched literally first, so an answer holding
    ``}}`` or ``::`` is still one gap; other gaps are read with the usual ``{{cN::text::hint}}``.
    Cloze syntax that the source sentence itself contains (an article quoting ``{{c1::...}}``) is
    text, never a gap: each exporter escapes it, so it can make no extra card or gap.
    """
    text = question.cloze
    if not text:
        return []
    patterns = []
    if question.answer:
        patterns.append(re.compile(r"\{\{c(\d+)::(" + re.escape(question.answer) + r")(?:::(.*?))?\}\}", re.DOTALL))
    patterns.append(_CLOZE)
    article = [s.sentence for s in question.sources]
    parts: list[ClozePart] = []
    pos = plain = 0  # text[plain:pos] is plain text not yet added
    while pos < len(text):
        matches = [m for m in (p.search(text, pos) for p in patterns) if m]
        if not matches:
            break
        match = min(matches, key=lambda m: m.start())  # earliest; the answer pattern wins a tie
        if any(match.group(0) in sentence for sentence in article):
            pos = match.start() + 2  # cloze syntax written in the article itself: text, never a gap
            continue
        if match.start() > plain:
            parts.append(text[plain:match.start()])
        parts.append(Gap(int(match.group(1)), match.group(2), match.group(3) or None))
        pos = plain = match.end()
    if plain < len(text):
        parts.append(text[plain:])
    return parts


def accepted_answers(question: Question, answer: str | None = None) -> list[str]:
    """The answer first, then the other accepted spellings, each once."""
    answer = question.answer if answer is None else answer
    seen: list[str] = []
    extra = question.accepted if answer == question.answer else []
    for value in [answer, *extra]:
        value = value.strip()
        if value and value not in seen:
            seen.append(value)
    return seen


def document_name(document: str, titles: Titles | None = None) -> str:
    """How a source is named to a reader: its article's title when known, else its file name."""
    title = one_line((titles or {}).get(document) or "")
    return title or Path(document).name or document


def article_title(document: Document) -> str:
    """The title the app gives a document it keeps (:func:`studyaid.app.builder.add_file`): its own (a
    heading, an HTML ``<title>``), else its first line when that reads as a heading, else its first
    sentence shortened at a clause or word boundary (:func:`studyaid.app.builder.fallback_title`)."""
    from ..app.builder import fallback_title

    return document.title or fallback_title(document.masked_text, document.path)


def titles_from_files(documents: Iterable[str], folders: Iterable[Path] = ()) -> tuple[dict[str, str], list[str]]:
    """``({document: title}, [problems])`` for the documents a bank names, read from disk where they are
    (as named, relative to the current folder, then in each of ``folders``), titled by
    :func:`article_title`. A document that cannot be found or read gets no title (it is named by its
    file name) and one line in the problems, naming it and why."""
    from ..ingest import read_document

    titles: dict[str, str] = {}
    problems = []
    folders = list(folders)
    for name in dict.fromkeys(documents):
        candidates = [Path(name)] + ([] if Path(name).is_absolute() else [folder / name for folder in folders])
        found = next((c for c in candidates if c.is_file()), None)
        if found is None:
            problems.append(f"{name}: not found")
            continue
        try:
            titles[name] = article_title(read_document(found))
        except InputError as exc:
            problems.append(f"{name}: {exc.problem}")
    return titles, problems


def documents_of(questions: Iterable[Question]) -> list[str]:
    """Every source document, in first-seen order."""
    seen: dict[str, None] = {}
    for question in questions:
        for source in question.sources:
            seen.setdefault(source.document, None)
    return list(seen)


def tag(value: str) -> str:
    """A tag Anki and Moodle accept: no spaces, nothing but letters, digits, ``_``, ``.``, ``-``."""
    return _TAG_UNSAFE.sub("_", value.strip()).strip("_") or "_"


def document_tag(document: str, titles: Titles | None = None) -> str:
    """A source's tag: its title (else its file name without extension), spaces and punctuation as ``_``."""
    name = one_line((titles or {}).get(document) or "") or Path(document).stem
    return _NOT_WORD.sub("_", name).strip("_") or "_"


def tags_for(question: Question, titles: Titles | None = None) -> list[str]:
    """``studyaid``, the fact type and the tag of every source document (:func:`document_tag`), each once."""
    tags = ["studyaid", tag(question.fact_type)]
    for source in question.sources:
        name = document_tag(source.document, titles)
        if name not in tags:
            tags.append(name)
    return tags


def one_line(text: str) -> str:
    """Runs of whitespace (newlines included) as one space, none at either end."""
    return " ".join(text.split())


def squash(text: str) -> str:
    """Runs of whitespace as one space, an edge space kept (for text around a cloze gap)."""
    return _SPACES.sub(" ", text)


def short(text: str, limit: int = 60) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` characters (with "...")."""
    text = one_line(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 3].rsplit(" ", 1)[0] or text[: limit - 3]
    return cut.rstrip(" ,;:") + "..."


def question_name(question: Question) -> str:
    """A name for question banks (Moodle): fact type, id and the start of the question, as escaped
    HTML (Moodle shows names as HTML: ``<b>`` or an ``<img>`` in an article must show as text)."""
    return html.escape(f"{one_line(question.fact_type)} {one_line(question.id)}: {short(question.prompt)}",
                       quote=False)


def safe_id(qid: str) -> str:
    """An id as one token for a comment or attribute (GIFT ``// [id:...]``): letters, digits, ``_.-``; a
    newline or ``]`` in a hand-made id can then not end the comment and start a question of its own."""
    return _TAG_UNSAFE.sub("_", qid.strip()).strip("_") or "_"


def feedback_html(question: Question, titles: Titles | None = None) -> str:
    """The explanation, then each source sentence with its document, as HTML paragraphs."""
    parts = []
    if question.explanation.strip():
        parts.append(f"<p>{html.escape(one_line(question.explanation), quote=False)}</p>")
    for source in question.sources[:MAX_SOURCES_SHOWN]:
        parts.append(f"<p>Source: <i>{html.escape(document_name(source.document, titles), quote=False)}</i>: "
                     f"{html.escape(one_line(source.sentence), quote=False)}</p>")
    more = len(question.sources) - MAX_SOURCES_SHOWN
    if more > 0:
        parts.append(f"<p>and {more} more source{'s' if more > 1 else ''}</p>")
    return "".join(parts)
