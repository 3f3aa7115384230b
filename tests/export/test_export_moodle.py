"""Moodle XML: parsed with xml.etree; cloze gaps read back with Moodle's embedded-answer regex."""
from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET

from studyaid.export import export
from studyaid.export.common import Gap, cloze_parts, one_line
from studyaid.export.moodle import to_moodle_xml

# qtype_multianswer's regexes (question/type/multianswer/questiontype.php), shortanswer types only.
_ALT = r"(=|%(-?[0-9]+(?:[.,][0-9]*)?)%)?(.+?(?<!\\)(?=[~#}]|$))(#(.*?(?<!\\)(?=[~}]|$)))?"
_GAP = re.compile(r"\{([0-9]*):(SHORTANSWER|SA|MW):(" + _ALT + r"(~" + _ALT + r")*)\}", re.DOTALL)
_ONE_ALT = re.compile(r"~?" + _ALT, re.DOTALL)


def moodle_gaps(text: str) -> tuple[str, list[list[str]]]:
    """The question text with gaps as ``{#n}``, and each gap's answers, as Moodle stores them."""
    gaps = []
    while match := _GAP.search(text):
        answers, rest = [], match.group(3)
        while rest and (alt := _ONE_ALT.match(rest)):
            answer = html.unescape(alt.group(3)).replace("\\}", "}").replace("\\#", "#")
            answers.append(answer)
            rest = rest[alt.end():]
        gaps.append(answers)
        text = text[:match.start()] + "{#%d}" % len(gaps) + text[match.end():]
    return text, gaps


def shortanswer_matches(response: str, answer: str) -> bool:
    """qtype_shortanswer::compare_string_with_wildcard, case-insensitive."""
    bits = re.split(r"(?<!\\)\*+", answer)
    pattern = ".*".join(re.escape(bit.replace("\\*", "*")) for bit in bits)
    return re.fullmatch(pattern, response, re.IGNORECASE | re.DOTALL) is not None


def questions_of(xml_text: str) -> list[ET.Element]:
    root = ET.fromstring(xml_text.encode("utf-8"))
    assert root.tag == "quiz"
    return root.findall("question")


def test_seeds_bank_parses(seeds_questions, tmp_path):
    export(seeds_questions, tmp_path / "news.xml", deck_name="News / week 1")
    elements = questions_of((tmp_path / "news.xml").read_text(encoding="utf-8"))
    assert elements[0].get("type") == "category"
    assert elements[0].findtext("category/text") == "$course$/top/News // week 1"
    by_id = {q.id: q for q in seeds_questions}
    assert [e.findtext("idnumber") for e in elements[1:]] == [q.id for q in seeds_questions]
    for element in elements[1:]:
        question = by_id[element.findtext("idnumber")]
        text = element.findtext("questiontext/text")
        assert element.find("questiontext").get("format") == "html"
        assert html.unescape(element.findtext("generalfeedback/text")).startswith(f"<p>{one_line(question.explanation)}")
        assert {t.findtext("text") for t in element.findall("tags/tag")} >= {"studyaid", question.fact_type}
        if question.kind == "mcq":
            assert element.get("type") == "multichoice"
            assert html.unescape(text) == one_line(question.prompt)
            answers = [(a.get("fraction"), html.unescape(a.findtext("text"))) for a in element.findall("answer")]
            assert [a for _, a in answers] == question.options
            assert [a for f, a in answers if f == "100"] == [question.answer]
            assert {f for f, _ in answers} == {"100", "0"}
        else:
            assert element.get("type") == "cloze"
            rest, gaps = moodle_gaps(text)
            assert gaps and all(gap for gap in gaps)
            assert all(shortanswer_matches(question.answer, gap[0]) for gap in gaps if gap[0] == question.answer)
            assert "{" not in rest.replace("{#", "")  # nothing else Moodle would read as a gap


def test_special_characters_round_trip(nasty_questions):
    mcq, cloze, two_gaps = nasty_questions
    elements = questions_of(to_moodle_xml(nasty_questions, category="Quiz <1> & 'two'"))
    # names are shown as HTML by Moodle: escaped, so "<1>" shows as text (issue 13 item 8)
    assert elements[0].findtext("category/text") == "$course$/top/Quiz &lt;1&gt; &amp; 'two'"
    _, e_mcq, e_cloze, e_two = elements

    assert html.unescape(e_mcq.findtext("name/text")).startswith(
        'quote nasty-mcq: Who wrote He said: "a {b} ~c =d #e & <f>"')
    assert "<f>" not in e_mcq.findtext("name/text")
    assert html.unescape(e_mcq.findtext("questiontext/text")) == mcq.prompt
    assert "<f>" not in e_mcq.findtext("questiontext/text")  # HTML-escaped, so Moodle shows it as text
    answers = [(a.get("fraction"), html.unescape(a.findtext("text"))) for a in e_mcq.findall("answer")]
    assert [a for _, a in answers] == mcq.options
    assert [a for f, a in answers if f == "100"] == [mcq.answer]
    feedback = e_mcq.findtext("generalfeedback/text")
    assert "<p>Source: <i>a: b &amp; c.txt</i>: " in feedback and one_line(mcq.explanation) in html.unescape(feedback)

    rest, gaps = moodle_gaps(e_cloze.findtext("questiontext/text"))
    expected = "".join("{#1} (number)" if isinstance(p, Gap) else p for p in cloze_parts(cloze))
    assert html.unescape(rest) == one_line(expected)
    [answers] = gaps
    assert len(answers) == 4
    assert shortanswer_matches(cloze.answer, answers[0])
    assert shortanswer_matches("YES", answers[1])  # case-insensitive, as SHORTANSWER is
    assert shortanswer_matches("{other}", answers[2])
    assert answers[3] == "%50% off"  # not read as a 50% grade
    assert not any(shortanswer_matches("Yes: {1=2}", a) for a in answers)
    assert not shortanswer_matches(cloze.answer.replace("*", "x"), answers[0])  # a literal '*' stays literal

    rest, gaps = moodle_gaps(e_two.findtext("questiontext/text"))
    assert gaps == [["three"], ["three"]]
    assert html.unescape(rest) == "Drones killed {#1} (number) people and injured {#2} (number) others: {odd} ~ = #."


def test_xml_escaping_survives_control_characters(nasty_questions):
    broken = nasty_questions[0].model_copy(update={"prompt": "Bell\x07 and form feed\x0c here?"})
    [element] = questions_of(to_moodle_xml([broken]))
    assert html.unescape(element.findtext("questiontext/text")) == "Bell and form feed here?"
