"""Writing export files atomically: the helpers of :mod:`studyaid.atomic`, used by every format."""
from __future__ import annotations

from ..atomic import atomic_target, write_text

__all__ = ["atomic_target", "write_text"]
