"""Moodle GIFT: escaping checked by parsing the file back the way Moodle's importer does."""
from __future__ import annotations

import html
import re

import pytest

from studyaid.export import export
from studyaid.export.common import Gap, cloze_parts, one_line
from studyaid.export.gift import gift_escape, to_gift

_ESCAPES = {"\\:": "\x01058", "\\#": "\x01035", "\\=": "\x01061", "\\{": "\x01123", "\\}": "\x01125",
            "\\~": "\x01126", "\\n": "\x01010"}
_CHARS = {"\x01058": ":", "\x01035": "#", "\x01061": "=", "\x01123": "{", "\x01125": "}", "\x01126": "~",
          "\x01010": "\n"}
_WEIGHT = re.compile(r"^%-*([0-9]{1,2})\.?([0-9]*)%")


def _pre(text: str) -> str:
    """Moodle's escapedchar_pre: escaped control characters to placeholders."""
    text = text.replace("\\\\", "\x01092")
    for escaped, placeholder in _ESCAPES.items():
        text = text.replace(escaped, placeholder)
    return text.replace("\x01092", "\\")


def _post(text: str) -> str:
    for placeholder, char in _CHARS.items():
        text = text.replace(placeholder, char)
    return text


def _with_format(text: str, default: str = "moodle") -> tuple[str, str]:
    fmt = default
    if text.startswith("[") and "]" in text:
        name = text[1:text.index("]")]
        if name in ("html", "moodle", "plain", "markdown"):
            fmt, text = name, text[text.index("]") + 1:]
    return _post(text).strip(), fmt


def parse_gift(source: str) -> list[dict]:
    """The questions of a GIFT file, as Moodle's qformat_gift::readquestion reads them."""
    questions = []
    for block in re.split(r"\n\s*\n", source):
        lines = block.strip().split("\n")
        comments = [line for line in lines if line.strip().startswith("//")]
        text = "\n".join(line for line in lines if not line.strip().startswith("//")).strip()
        if not text:
            continue
        text = _pre(text)
        if text.startswith("$CATEGORY:"):
            questions.append({"type": "category", "category": text[10:].strip()})
            continue
        name = None
        if text.startswith("::"):
            end = text.index("::", 2)
            name, text = _post(text[2:end]), text[end + 2:].strip()
        start, finish = text.index("{"), text.index("}")
        answertext = text[start + 1:finish].strip()
        if text.endswith("}"):
            questiontext = text[:start] + text[finish + 1:]
        else:
            questiontext = text[:start] + "_____" + text[finish + 1:]
        feedback = ""
        if "####" in answertext:
            answertext, feedback = answertext[:answertext.rindex("####")].strip(), answertext[answertext.rindex("####") + 4:]
        qtext, fmt = _with_format(questiontext.strip())
        comment = "\n".join(comments)
        question = {"name": name, "text": qtext, "format": fmt, "feedback": _with_format(feedback, fmt)[0],
                    "idnumber": (re.findall(r"\[id:([^\]]+)\]", comment) or [""])[0],
                    "tags": re.findall(r"\[tag:([^\]]+)\]", comment), "answers": []}
        if "~" in answertext:
            question["type"] = "multichoice"
            for answer in answertext.replace("=", "~=").split("~"):
                answer = answer.strip()
                if not answer:
                    continue
                fraction = 1.0 if answer[0] == "=" else 0.0
                if answer[0] == "=":
                    answer = answer[1:]
                assert not _WEIGHT.match(answer), answer  # would be read as a grade
                question["answers"].append((fraction, _with_format(answer.split("#", 1)[0].strip(), fmt)[0]))
        else:
            question["type"] = "shortanswer"
            for answer in answertext.split("="):
                answer = answer.strip()
                if not answer:
                    continue
                fraction = 1.0
                if _WEIGHT.match(answer):  # Moodle's answerweightparser
                    answer = answer[1:]
                    fraction, answer = float(answer[:answer.index("%")]) / 100, answer[answer.index("%") + 1:]
                question["answers"].append((fraction, _post(answer.split("#", 1)[0].strip())))
        questions.append(question)
    return questions


def shortanswer_value(answer: str) -> str:
    """What Moodle's short-answer matcher compares: ``\\*`` is a literal asterisk."""
    assert not re.search(r"(?<!\\)\*", answer), f"unescaped wildcard in {answer!r}"
    return answer.replace("\\*", "*")


def test_escape_matches_moodles_exporter():
    assert gift_escape('a\\b ~c =d #e {f} g:h\nnext') == 'a\\\\b \\~c \\=d \\#e \\{f\\} g\\:h\\nnext'


def test_seeds_bank_round_trips(seeds_questions, tmp_path):
    result = export(seeds_questions, tmp_path / "News quiz.gift")
    assert result.total == len(seeds_questions)
    parsed = parse_gift((tmp_path / "News quiz.gift").read_text(encoding="utf-8"))
    assert parsed[0] == {"type": "category", "category": "$course$/top/News quiz"}
    by_id = {q.id: q for q in seeds_questions}
    assert [p["idnumber"] for p in parsed[1:]] == [q.id for q in seeds_questions]
    for item in parsed[1:]:
        question = by_id[item["idnumber"]]
        assert item["format"] == "html"
        assert set(item["tags"]) >= {"studyaid", question.fact_type}
        assert html.unescape(item["feedback"]).startswith(f"<p>{one_line(question.explanation)}</p>")
        if question.kind == "mcq":
            assert item["type"] == "multichoice"
            assert html.unescape(item["text"]) == one_line(question.prompt)
            assert [html.unescape(a) for _, a in item["answers"]] == question.options
            assert [html.unescape(a) for f, a in item["answers"] if f == 1.0] == [question.answer]
        else:
            assert item["type"] == "shortanswer"
            assert shortanswer_value(item["answers"][0][1]) == question.answer
            assert "_____" in item["text"] or item["text"] == one_line(question.prompt)


def test_special_characters_round_trip(nasty_questions):
    mcq, cloze, two_gaps = nasty_questions
    parsed = parse_gift(to_gift(nasty_questions, category="Quiz: {1} #2"))
    category, p_mcq, p_cloze, p_two = parsed
    assert category["category"] == "$course$/top/Quiz 1 2"  # GIFT does not unescape category lines

    assert p_mcq["type"] == "multichoice" and p_mcq["idnumber"] == "nasty-mcq"
    assert html.unescape(p_mcq["name"]).startswith("quote nasty-mcq: Who wrote He said: \"a {b} ~c =d #e & <f>\"")
    assert "<f>" not in p_mcq["name"]  # Moodle shows names as HTML: escaped (issue 13 item 8)
    assert html.unescape(p_mcq["text"]) == mcq.prompt
    assert "<f>" not in p_mcq["text"]  # HTML-escaped: shown as text in Moodle
    assert [html.unescape(a) for _, a in p_mcq["answers"]] == mcq.options
    assert [html.unescape(a) for f, a in p_mcq["answers"] if f] == [mcq.answer]
    assert "&lt;f&gt;" in p_mcq["feedback"] and "<p>Source: <i>a: b &amp; c.txt</i>: " in p_mcq["feedback"]
    assert one_line(mcq.explanation) in html.unescape(p_mcq["feedback"])

    assert p_cloze["type"] == "shortanswer"
    assert [shortanswer_value(a) for _, a in p_cloze["answers"]] == [cloze.answer, "yes", "{other}", "%50% off"]
    assert {f for f, _ in p_cloze["answers"]} == {1.0}
    expected = "".join("_____ (number)" if isinstance(p, Gap) else p for p in cloze_parts(cloze))
    assert html.unescape(p_cloze["text"]) == one_line(expected)

    assert p_two["type"] == "shortanswer"
    assert html.unescape(p_two["text"]) == two_gaps.prompt  # several gaps: the prompt, answers after it
    assert p_two["answers"] == [(1.0, "three")]


def test_no_unescaped_control_characters_in_text(nasty_questions):
    text = to_gift(nasty_questions)
    for block in text.split("\n\n"):
        body = "\n".join(line for line in block.split("\n") if not line.startswith("//"))
        unescaped = re.sub(r"\\.", "", body)
        assert unescaped.count("{") == 1 and unescaped.count("}") == 1, block


@pytest.mark.parametrize("qid, idnumber", [
    # a crafted bank: a newline in the id would end the comment and start a question of its own
    ("x]\n::Injected::Free points {=yes}\n// [id:y", "x_Injected_Free_points_yes_id_y"),
    ("a b\r\nc", "a_b_c"),
    # negative: ordinary ids are written as they are
    ("0123456789ab", "0123456789ab"),
    ("teacher-own-1", "teacher-own-1"),
])
def test_a_crafted_id_cannot_break_out_of_the_comment(make_question, qid, idnumber):
    gift = to_gift([make_question(id=qid)])
    (parsed,) = parse_gift(gift)
    assert parsed["idnumber"] == idnumber and parsed["type"] == "multichoice"
    assert gift.count("::") == 2  # one name, whatever the id holds (in the name it is escaped)
    assert [line for line in gift.splitlines() if line.startswith("//")] == [gift.splitlines()[0]]
