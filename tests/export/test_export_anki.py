"""Anki packages checked with the real Anki client: import, render, re-import, review history."""
from __future__ import annotations

import re
import warnings
from collections import Counter
from html.parser import HTMLParser

import genanki
import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from anki.scheduler.v3 import CardAnswer

from studyaid.export import export
from studyaid.export.anki import deck_id, note_guid
from studyaid.export.anki_models import CLOZE_MODEL_ID, MCQ_MODEL_ID
from studyaid.export.common import cloze_parts

T0 = 1_700_000_000  # hermetic timestamps: each export in a test is later than the one before


class _Page(HTMLParser):
    """Visible text of rendered card HTML, and the list items of each ``<ol>`` with their classes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.lists: list[tuple[str, list[tuple[str, str]]]] = []  # (ol class, [(li class, li text)])
        self.tags: list[str] = []
        self._skip = 0
        self._li: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        if tag in ("script", "style"):
            self._skip += 1
        elif tag == "ol":
            self.lists.append((attrs.get("class") or "", []))
        elif tag == "li":
            self._li = []
            self.lists[-1][1].append((attrs.get("class") or "", ""))

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1
        elif tag == "li" and self._li is not None:
            cls, _ = self.lists[-1][1][-1]
            self.lists[-1][1][-1] = (cls, "".join(self._li).strip())
            self._li = None

    def handle_data(self, data):
        if self._skip:
            return
        self.text.append(data)
        if self._li is not None:
            self._li.append(data)


def page(html_text: str) -> _Page:
    parsed = _Page()
    parsed.feed(html_text)
    parsed.close()
    return parsed


def visible(html_text: str) -> str:
    return " ".join("".join(page(html_text).text).split())


def flat(text: str) -> str:
    return " ".join(text.split())


def import_apkg(col: Collection, path):
    request = ImportAnkiPackageRequest(package_path=str(path), options=ImportAnkiPackageOptions())
    return col.import_anki_package(request)


@pytest.fixture
def col(tmp_path):
    collection = Collection(str(tmp_path / "collection.anki2"))
    yield collection
    collection.close()


def expected_cards(questions) -> int:
    return sum(1 if q.kind == "mcq" else len({p.number for p in cloze_parts(q) if not isinstance(p, str)})
               for q in questions)


def test_deck_holds_every_question_but_the_rejected(seeds_questions, col, tmp_path):
    questions = list(seeds_questions)
    rejected = {questions[0].id, questions[-1].id}
    questions = [q.model_copy(update={"status": "rejected"}) if q.id in rejected else q for q in questions]
    kept = [q for q in questions if q.id not in rejected]

    result = export(questions, tmp_path / "news.apkg", timestamp=T0)
    assert result.total == len(kept)
    assert sorted(i for i, _ in result.skipped) == sorted(rejected)

    response = import_apkg(col, tmp_path / "news.apkg")
    assert len(response.log.new) == len(kept)
    assert not response.log.updated and not response.log.duplicate and not response.log.conflicting
    assert col.note_count() == len(kept)
    assert col.card_count() == expected_cards(kept)
    by_kind = Counter(q.kind for q in kept)
    assert len(col.find_notes(f"mid:{MCQ_MODEL_ID}")) == by_kind["mcq"]
    assert len(col.find_notes(f"mid:{CLOZE_MODEL_ID}")) == by_kind["cloze"]
    assert col.decks.id_for_name("news") is not None  # deck named after the file
    assert len(col.find_cards('deck:news')) == col.card_count()
    assert {col.get_note(n)["StudyaidId"] for n in col.find_notes("")} == {q.id for q in kept}


def test_every_card_renders_and_the_right_option_is_marked(seeds_questions, col, tmp_path):
    export(seeds_questions, tmp_path / "news.apkg", timestamp=T0)
    import_apkg(col, tmp_path / "news.apkg")
    by_id = {q.id: q for q in seeds_questions}
    seen = Counter()
    for card_id in col.find_cards(""):
        card = col.get_card(card_id)
        question = by_id[card.note()["StudyaidId"]]
        out = card.render_output()
        front, back = visible(out.question_text), visible(out.answer_text)
        assert front and back, question.id
        assert question.sources[0].sentence.split()[0] in back  # the source sentence is on the back
        assert "Source:" in back and question.explanation.split()[0] in back
        if question.kind == "mcq":
            options = question.options
            [(_, front_items)] = page(out.question_text).lists
            assert [text for _, text in front_items] == options  # front: question and the options, in order
            assert flat(question.prompt) in front
            marked = [items for cls, items in page(out.answer_text).lists if "sa-marked" in cls]
            assert len(marked) == 1
            right = [i for i, (cls, _) in enumerate(marked[0]) if "sa-correct" in cls]
            assert right == [options.index(question.answer)]
            assert marked[0][right[0]][1].startswith("\u2714 " + question.answer)
            assert "right answer" in marked[0][right[0]][1]
        else:
            hint = question.hint or "..."
            assert f"[{hint}]" in front  # the gap shows its hint
            assert question.answer in back
        seen[question.kind] += 1
    assert seen["mcq"] and seen["cloze"]


def test_option_order_is_fixed_per_question(seeds_questions, tmp_path):
    from studyaid.export.anki import mcq_fields

    mcq = next(q for q in seeds_questions if q.kind == "mcq")
    assert mcq_fields(mcq) == mcq_fields(mcq.model_copy())
    for q in (q for q in seeds_questions if q.kind == "mcq"):  # the order generation stored, never reshuffled
        [(_, items)] = page(mcq_fields(q)[1]).lists
        assert [text for _, text in items] == q.options


def test_reimport_of_an_edited_deck_updates_in_place_and_keeps_history(seeds_questions, col, tmp_path):
    export(seeds_questions, tmp_path / "v1.apkg", deck_name="News", timestamp=T0)
    import_apkg(col, tmp_path / "v1.apkg")
    col.decks.select(col.decks.id_for_name("News"))

    reviewed = {}
    for _ in range(3):  # study three cards
        queued = col.sched.get_queued_cards().cards[0]
        card = col.get_card(queued.card.id)
        card.start_timer()
        col.sched.answer_card(col.sched.build_answer(card=card, states=queued.states, rating=CardAnswer.GOOD))
        card.load()
        reviewed[card.id] = (card.reps, card.type, card.queue, card.due, card.ivl)
    revlog = col.db.scalar("select count() from revlog")
    assert revlog == 3

    target = next(q for q in seeds_questions if q.kind == "mcq")
    edited = [q.model_copy(update={"prompt": q.prompt + " (edited)", "edited": True}) if q.id == target.id else
              q.model_copy(update={"explanation": q.explanation + " Checked."}) for q in seeds_questions]
    export(edited, tmp_path / "v2.apkg", deck_name="News", timestamp=T0 + 10)
    response = import_apkg(col, tmp_path / "v2.apkg")

    assert len(response.log.updated) == len(seeds_questions)
    assert not response.log.new and not response.log.duplicate and not response.log.conflicting
    assert col.note_count() == len(seeds_questions)
    assert col.card_count() == expected_cards(seeds_questions)
    [nid] = col.find_notes(f"StudyaidId:{target.id}")
    assert col.get_note(nid)["Question"].endswith("(edited)")
    assert col.db.scalar("select count() from revlog") == revlog
    for card_id, state in reviewed.items():
        card = col.get_card(card_id)
        assert (card.reps, card.type, card.queue, card.due, card.ivl) == state


def test_an_edit_exported_in_the_same_second_is_skipped_by_anki(seeds_questions, col, tmp_path):
    """Why ``timestamp=`` exists: Anki updates a note only from a newer package."""
    export(seeds_questions, tmp_path / "v1.apkg", timestamp=T0)
    import_apkg(col, tmp_path / "v1.apkg")
    edited = [q.model_copy(update={"explanation": "changed"}) for q in seeds_questions]
    export(edited, tmp_path / "v2.apkg", deck_name="v1", timestamp=T0)
    response = import_apkg(col, tmp_path / "v2.apkg")
    assert not response.log.updated and len(response.log.duplicate) == len(seeds_questions)


def test_identities_are_stable(seeds_questions, col, tmp_path):
    question = seeds_questions[0]
    assert note_guid(question) == genanki.guid_for("studyaid", question.id)
    assert note_guid(question) != genanki.guid_for(question.id)  # namespaced
    assert deck_id("News") == deck_id("News") != deck_id("news")
    assert 1 << 30 <= deck_id("News") < 1 << 31

    export(seeds_questions, tmp_path / "news.apkg", timestamp=T0)
    import_apkg(col, tmp_path / "news.apkg")
    assert col.models.get(MCQ_MODEL_ID)["name"] == "studyaid multiple choice"
    assert col.models.get(CLOZE_MODEL_ID)["type"] == 1  # cloze
    guids = {col.get_note(n).guid for n in col.find_notes("")}
    assert guids == {note_guid(q) for q in seeds_questions}


def test_tags_have_no_spaces(seeds_questions, nasty_questions, col, tmp_path):
    export(seeds_questions + nasty_questions, tmp_path / "news.apkg", timestamp=T0)
    import_apkg(col, tmp_path / "news.apkg")
    for nid in col.find_notes(""):
        note = col.get_note(nid)
        assert "studyaid" in note.tags
        assert all(tag and " " not in tag for tag in note.tags)
    first = seeds_questions[0]
    [nid] = col.find_notes(f"StudyaidId:{first.id}")
    stems = {s.document.rsplit("/", 1)[-1].rsplit(".", 1)[0] for s in first.sources}
    assert set(col.get_note(nid).tags) == {"studyaid", first.fact_type, *stems}
    [nid] = col.find_notes("StudyaidId:nasty-mcq")
    assert set(col.get_note(nid).tags) == {"studyaid", "quote", "a_b_c"}


def test_special_characters_show_as_text(nasty_questions, col, tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # genanki warns about fields that look like broken HTML
        export(nasty_questions, tmp_path / "nasty.apkg", timestamp=T0)
    response = import_apkg(col, tmp_path / "nasty.apkg")
    assert len(response.log.new) == len(nasty_questions)
    mcq, cloze, two_gaps = nasty_questions

    [card] = col.get_note(col.find_notes("StudyaidId:nasty-mcq")[0]).cards()
    out = card.render_output()
    assert flat(mcq.prompt) in visible(out.question_text)
    assert "b" not in page(out.question_text).tags  # "<b>bold</b>" in an option is text, not bold
    [(_, items)] = page(out.question_text).lists
    assert [text for _, text in items] == mcq.options
    [marked] = [items for cls, items in page(out.answer_text).lists if "sa-marked" in cls]
    [right] = [text for cls, text in marked if "sa-correct" in cls]
    assert right == f"\u2714 {mcq.answer} (right answer)"
    assert flat(mcq.explanation) in visible(out.answer_text)
    assert "Source: a: b & c.txt" in visible(out.answer_text)

    [card] = col.get_note(col.find_notes("StudyaidId:nasty-cloze")[0]).cards()  # one gap, one card
    out = card.render_output()
    front, back = visible(out.question_text), visible(out.answer_text)
    assert front.endswith("and then: [number].")
    assert back.startswith("Officials wrote He said: \"a {b} ~c =d #e & <f>\" \\ 5 * 2 = 10% {{x}}")
    assert f"and then: {mcq.answer}." in back

    cards = col.get_note(col.find_notes("StudyaidId:two-gaps")[0]).cards()
    assert len(cards) == 1  # both gaps are c1: one card, two blanks
    front = visible(cards[0].render_output().question_text)
    assert front == "Drones killed [number] people and injured [number] others: {odd} ~ = #."


def test_cloze_field_keeps_anki_syntax_out_of_text(nasty_questions):
    from studyaid.export.anki import cloze_html

    field = cloze_html(nasty_questions[1])
    assert re.findall(r"\{\{c\d+::", field) == ["{{c1::"]  # the literal {{x}} in the text is not a gap
    assert field.count("}}") == 1
    assert "::number}}" in field


def test_export_leaves_no_temporary_files(seeds_questions, tmp_path, monkeypatch):
    import tempfile

    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    export(seeds_questions, tmp_path / "out" / "news.apkg", timestamp=T0)
    assert list(scratch.iterdir()) == []
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["news.apkg"]


def test_unwritable_place_is_a_clear_error(seeds_questions, tmp_path):
    from studyaid.export import ExportError

    (tmp_path / "file").write_text("not a folder")
    with pytest.raises(ExportError, match="cannot write"):
        export(seeds_questions, tmp_path / "file" / "news.apkg")
