"""Questions to Moodle XML (``.xml``): ``multichoice``, and cloze as ``cloze`` (embedded answers).

Two layers of escaping: texts are HTML (``format="html"``, text HTML-escaped), and ElementTree
escapes that HTML for XML. A gap becomes ``{1:SHORTANSWER:=answer~=other spelling}``; Moodle reads
it before anything else, so outside the gaps ``{`` and ``}`` are written ``&#123;`` / ``&#125;``, and
inside an answer ``}`` and ``#`` get a backslash and a literal ``*`` is ``\\*``. Moodle has no escape
for ``~`` or ``\\`` in an embedded answer: they become the ``*`` wildcard, which matches them.
"""
from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Sequence

from ..questions.model import Question
from .common import (Gap, accepted_answers, cloze_parts, correct_index, display_options, feedback_html,
                     Titles, one_line, question_name, squash, tags_for)
from .files import write_text

PENALTY = "0.3333333"
_TEXT_SAFE = {ord("{"): "&#123;", ord("}"): "&#125;"}
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # not allowed in XML 1.0
_ANSWER_SAFE = {ord("*"): "\\*", ord("\\"): "*", ord("~"): "*", ord("}"): "\\}", ord("#"): "\\#"}


def html_text(text: str) -> str:
    return html.escape(one_line(text), quote=False)


def embedded_answer(answer: str) -> str:
    """One alternative of a SHORTANSWER gap, as Moodle's parser reads it back to ``answer``."""
    return html_text(answer).translate(_ANSWER_SAFE)


def shortanswer_gap(question: Question, gap: Gap) -> str:
    alternatives = "~".join("=" + embedded_answer(a) for a in accepted_answers(question, gap.answer))
    return "{1:SHORTANSWER:" + alternatives + "}"


def cloze_text(question: Question) -> str:
    out = []
    for part in cloze_parts(question):
        if isinstance(part, Gap):
            out.append(shortanswer_gap(question, part))
            if part.hint:
                out.append(" " + html_text(f"({part.hint})").translate(_TEXT_SAFE))
        else:
            out.append(html.escape(squash(part), quote=False).translate(_TEXT_SAFE))
    return "".join(out).strip()


def _text(parent: ET.Element, tag: str, text: str, fmt: str | None = "html", **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {**({"format": fmt} if fmt else {}), **attrs})
    ET.SubElement(element, "text").text = _XML_INVALID.sub("", text)
    return element


def _value(parent: ET.Element, tag: str, value: str) -> None:
    ET.SubElement(parent, tag).text = _XML_INVALID.sub("", value)


def _common(question: Question, kind: str, questiontext: str, titles: Titles | None = None) -> ET.Element:
    element = ET.Element("question", {"type": kind})
    _text(element, "name", question_name(question), fmt=None)
    _text(element, "questiontext", questiontext)
    _text(element, "generalfeedback", feedback_html(question, titles))
    _value(element, "defaultgrade", "1")
    _value(element, "penalty", PENALTY)
    _value(element, "hidden", "0")
    _value(element, "idnumber", question.id)
    return element


def _tags(element: ET.Element, question: Question, titles: Titles | None = None) -> None:
    tags = ET.SubElement(element, "tags")
    for value in tags_for(question, titles):
        _text(tags, "tag", value, fmt=None)


def mcq_element(question: Question, titles: Titles | None = None) -> ET.Element:
    element = _common(question, "multichoice", html_text(question.prompt), titles)
    _value(element, "single", "true")
    _value(element, "shuffleanswers", "false")  # the stored order, as in every other format
    _value(element, "answernumbering", "ABCD")
    options = display_options(question)
    right = correct_index(question, options)
    for i, option in enumerate(options):
        answer = _text(element, "answer", html_text(option), fraction="100" if i == right else "0")
        _text(answer, "feedback", "")
    _tags(element, question, titles)
    return element


def cloze_element(question: Question, titles: Titles | None = None) -> ET.Element:
    element = _common(question, "cloze", cloze_text(question), titles)
    _tags(element, question, titles)
    return element


def to_moodle_xml(questions: Sequence[Question], category: str | None = None, titles: Titles | None = None) -> str:
    """The Moodle XML of already-filtered questions, in the category ``$course$/top/<category>``."""
    quiz = ET.Element("quiz")
    if category:
        element = ET.SubElement(quiz, "question", {"type": "category"})
        name = html.escape(one_line(category), quote=False).replace("/", "//")  # shown as HTML, like names
        _text(element, "category", "$course$/top/" + name, fmt=None)
    for question in questions:
        quiz.append(mcq_element(question, titles) if question.kind == "mcq" else cloze_element(question, titles))
    ET.indent(quiz)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(quiz, encoding="unicode") + "\n"


def write_moodle_xml(questions: Sequence[Question], path: str | Path, category: str | None = None,
                     titles: Titles | None = None) -> Path:
    return write_text(path, to_moodle_xml(questions, category, titles))
