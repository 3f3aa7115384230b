"""Issue 13 item 5: cloze, Anki, Moodle and GIFT syntax written in an article is text in every export,
never a real gap (an extra Anki card, an extra Moodle gap)."""
from __future__ import annotations

import html
import re

import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

from studyaid.document import Source
from studyaid.export import export
from studyaid.export.common import Gap, cloze_parts
from studyaid.questions.cloze import gap_text, make_cloze
from studyaid.questions.model import Question

# (article sentence with control syntax in it, the answer generation hides)
INJECTED = [
    ("Mayor Ruth Okafor wrote {{c2::nothing to see}} on the council's notice board.", "Ruth Okafor"),
    ("The notice by Ruth Okafor read {{c1::harbour}} in large letters.", "Ruth Okafor"),
    ("Ruth Okafor typed {{c3::a::b}} and {{c1::c}} into the form.", "Ruth Okafor"),
    ("The quiz Ruth Okafor set asked {1:SHORTANSWER:=Paris~=paris} of every pupil.", "Ruth Okafor"),
    ("Ruth Okafor's banner said {=yes ~no} and #42 :: done.", "Ruth Okafor"),
]
CLEAN = [  # negative: no syntax in the article, one ordinary gap
    ("Mayor Ruth Okafor opened the harbour wall on Monday.", "Ruth Okafor"),
]


def cloze_question(sentence: str, answer: str, qid: str = "inj-1") -> Question:
    cloze = make_cloze(sentence, answer, "person")  # generation's own cloze builder
    return Question(id=qid, kind="cloze", fact_type="quote", fact_id=f"f-{qid}", prompt=gap_text(cloze),
                    answer=answer, explanation="The article says so.", cloze=cloze, hint="person",
                    sources=[Source(document="news/notice.txt", sentence=sentence, start=0, end=len(sentence))])


@pytest.mark.parametrize("sentence, answer", INJECTED + CLEAN)
def test_only_the_generated_gap_is_a_gap(sentence, answer):
    parts = cloze_parts(cloze_question(sentence, answer))
    assert [p for p in parts if isinstance(p, Gap)] == [Gap(1, answer, "person")]
    text = "".join(p for p in parts if isinstance(p, str))
    assert text == sentence.replace(answer, "")


@pytest.mark.parametrize("sentence, answer", INJECTED + CLEAN)
def test_anki_import_makes_one_card_showing_the_article_text(sentence, answer, tmp_path):
    question = cloze_question(sentence, answer)
    export([question], tmp_path / "deck.apkg", timestamp=1_700_000_000)
    col = Collection(str(tmp_path / "collection.anki2"))
    try:
        col.import_anki_package(ImportAnkiPackageRequest(package_path=str(tmp_path / "deck.apkg"),
                                                         options=ImportAnkiPackageOptions()))
        cards = [col.get_card(cid) for cid in col.find_cards("")]
        assert len(cards) == 1  # one card, not one per injected {{cN::...}}
        front = re.sub(r"<[^>]+>", "", cards[0].render_output().question_text)
    finally:
        col.close()
    shown = " ".join(html.unescape(front).split())
    assert sentence.replace(answer, "[person]") in shown


@pytest.mark.parametrize("sentence, answer", INJECTED + CLEAN)
def test_moodle_xml_has_one_embedded_answer(sentence, answer, tmp_path):
    import xml.etree.ElementTree as ET

    export([cloze_question(sentence, answer)], tmp_path / "quiz.xml")
    root = ET.parse(tmp_path / "quiz.xml").getroot()
    text = root.find("question[@type='cloze']/questiontext/text").text
    # Moodle's multianswer parser reads "{N:TYPE:...}" gaps: exactly the one generation made
    assert re.findall(r"\{\d*:\w+:", text) == ["{1:SHORTANSWER:"]
    assert text.count("{") == 1 and text.count("}") == 1


@pytest.mark.parametrize("sentence, answer", INJECTED + CLEAN)
def test_gift_has_one_answer_block(sentence, answer, tmp_path):
    export([cloze_question(sentence, answer)], tmp_path / "quiz.gift")
    body = (tmp_path / "quiz.gift").read_text(encoding="utf-8").split("\n", 2)[2]  # after category and header
    unescaped_braces = re.findall(r"(?<!\\)[{}]", body)
    assert unescaped_braces == ["{", "}"]  # one missing-word answer block, the article's braces escaped
    assert "{=%100%Ruth Okafor" in body
