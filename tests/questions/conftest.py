"""Question-generation tests: facts are built by hand (see ``factory.py``); no spaCy model needed,
except in ``test_seed_questions.py``, which generates once from the seed articles."""
from __future__ import annotations

import sys
from pathlib import Path

HERE = str(Path(__file__).resolve().parent)
if HERE not in sys.path:  # ``from factory import ...`` under any pytest import mode
    sys.path.insert(0, HERE)
