#!/usr/bin/env bash
# Set up studyaid in ./.venv: the pinned requirements (spaCy, its English pipeline from PyPI, pydantic,
# genanki, streamlit, test tools) and the package itself in editable mode. Safe to run again.
# With --browser (the test command passes it) it also installs Debian's Chromium for the browser test
# when /usr/bin/chromium is missing: Playwright's own browser download cannot work on these machines.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -r requirements.txt
.venv/bin/python -m pip install --quiet --no-deps -e .
if [ "${1:-}" = "--browser" ] && [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "studyaid: installing Debian chromium for the browser test"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
      || echo "studyaid: could not install chromium; the browser test will say why it is skipped"
  else
    echo "studyaid: /usr/bin/chromium is missing and this is not root; run: sudo apt-get install -y chromium"
  fi
fi
.venv/bin/python -c "import studyaid.nlp as n; print('studyaid: spaCy pipeline', n.model_name())"
