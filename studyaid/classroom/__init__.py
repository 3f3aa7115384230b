"""Class mode: a teacher publishes a quiz under a short code, students join with it and a name, every
answer is stored, and the teacher reads results per student and per question (item statistics).

- :mod:`.models`: the pydantic contracts (a published quiz, an attempt, an answer, gap by gap for a
  cloze with several gaps) and :class:`ClassError`;
- :mod:`.codes`: quiz codes and student names, made and checked;
- :mod:`.select`: which approved questions a quiz gets;
- :mod:`.stats`: results per student and per question, with Moodle-style flags (pure, no Streamlit);
- :mod:`.report`: the results as spreadsheet-safe CSV.

Storage is :mod:`studyaid.store.classes`; the pages are :mod:`studyaid.app.classroom` (students) and
:mod:`studyaid.app.class_teacher` (the teacher's tab).
"""
