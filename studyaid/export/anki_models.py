"""The two Anki note types studyaid writes: multiple choice and cloze.

The ids are fixed forever: Anki recognises a note type by its id, so a re-imported deck updates the
notes it made before. Changing the *fields* of a note type needs a new id (Anki would otherwise
see a conflicting note type); changing templates or CSS does not.

The multiple-choice cards work in every client without add-ons and without JavaScript: the front
lists the options (A, B, C ...), the back lists them again with the right one marked by a check mark,
bold text and "right answer". A small optional script lets a learner tap an option on the front;
the back then also marks the option picked. Clients that run no script show the same card minus
the tapping.
"""
from __future__ import annotations

import genanki

MCQ_MODEL_ID = 1764205301
CLOZE_MODEL_ID = 1764205302

MCQ_MODEL_NAME = "studyaid multiple choice"
CLOZE_MODEL_NAME = "studyaid cloze"

MCQ_FIELDS = ["Question", "Choices", "Answer", "Explanation", "Source", "StudyaidId"]
CLOZE_FIELDS = ["Text", "Explanation", "Source", "StudyaidId"]

CSS = """\
.card { font-family: -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 20px;
        line-height: 1.45; text-align: left; color: #1d1d1f; background: #fff; max-width: 42em;
        margin: 0 auto; padding: 0 0.6em; }
.nightMode.card, .night_mode .card { color: #e8e8e8; background: #1e1e1e; }
.sa-question { font-weight: 600; margin-bottom: 0.6em; }
.sa-choices { padding-left: 2em; }
.sa-choices li { margin: 0.35em 0; padding: 0.2em 0.4em; border-radius: 6px; }
.sa-pickable li { cursor: pointer; }
.sa-choices li.sa-picked { outline: 2px solid #888; }
.sa-choices li.sa-correct { background: rgba(52, 168, 83, 0.18); }
.sa-choices li.sa-picked:not(.sa-correct) { background: rgba(234, 67, 53, 0.18); }
.sa-mark { color: #188038; }
.sa-label { font-size: 0.8em; color: #188038; }
.sa-explanation { margin-top: 0.8em; }
.sa-source { margin-top: 0.8em; font-size: 0.8em; color: #555; }
.nightMode .sa-source, .night_mode .sa-source { color: #aaa; }
.sa-sentence { border-left: 3px solid #ccc; padding-left: 0.6em; margin: 0.3em 0; }
.sa-doc { font-style: italic; }
.cloze { font-weight: 600; color: #1a73e8; }
"""

# Remembers the tapped option (front) and marks it on the back. Everything is optional: without
# sessionStorage or scripts the card is unchanged.
_PICK_FRONT = """\
<script>
(function () {
  try {
    var key = "studyaid-pick-{{StudyaidId}}";
    sessionStorage.removeItem(key);
    var list = document.querySelector(".sa-choices");
    if (!list) { return; }
    list.className += " sa-pickable";
    var items = list.querySelectorAll("li");
    for (var i = 0; i < items.length; i++) {
      items[i].onclick = (function (index) {
        return function () {
          for (var j = 0; j < items.length; j++) { items[j].className = items[j].className.replace(" sa-picked", ""); }
          items[index].className += " sa-picked";
          sessionStorage.setItem(key, String(index));
        };
      })(i);
    }
  } catch (e) {}
})();
</script>"""

_PICK_BACK = """\
<script>
(function () {
  try {
    var key = "studyaid-pick-{{StudyaidId}}";
    var picked = sessionStorage.getItem(key);
    sessionStorage.removeItem(key);
    if (picked === null) { return; }
    var items = document.querySelectorAll(".sa-marked li");
    var item = items[parseInt(picked, 10)];
    if (item) { item.className += " sa-picked"; }
  } catch (e) {}
})();
</script>"""

_EXTRA = """\
{{#Explanation}}<div class="sa-explanation">{{Explanation}}</div>{{/Explanation}}
{{#Source}}<div class="sa-source">{{Source}}</div>{{/Source}}"""

MCQ_FRONT = '<div class="sa-question">{{Question}}</div>\n{{Choices}}\n' + _PICK_FRONT
MCQ_BACK = '<div class="sa-question">{{Question}}</div>\n<hr id="answer">\n{{Answer}}\n' + _EXTRA + "\n" + _PICK_BACK
CLOZE_FRONT = "{{cloze:Text}}"
CLOZE_BACK = '{{cloze:Text}}\n<hr id="answer">\n' + _EXTRA


def mcq_model() -> genanki.Model:
    return genanki.Model(
        MCQ_MODEL_ID,
        MCQ_MODEL_NAME,
        fields=[{"name": name} for name in MCQ_FIELDS],
        templates=[{"name": "Multiple choice", "qfmt": MCQ_FRONT, "afmt": MCQ_BACK}],
        css=CSS,
    )


def cloze_model() -> genanki.Model:
    return genanki.Model(
        CLOZE_MODEL_ID,
        CLOZE_MODEL_NAME,
        fields=[{"name": name} for name in CLOZE_FIELDS],
        templates=[{"name": "Cloze", "qfmt": CLOZE_FRONT, "afmt": CLOZE_BACK}],
        css=CSS,
        model_type=genanki.Model.CLOZE,
    )
