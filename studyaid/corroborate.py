"""Moved to :mod:`studyaid.resolve.corroborate` (the resolve stage); this name is kept for older imports."""
from __future__ import annotations

from .resolve.corroborate import corroborate, quote_similarity

__all__ = ["corroborate", "quote_similarity"]
