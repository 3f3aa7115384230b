"""Moved to :mod:`studyaid.resolve.names` (the resolve stage); this name is kept for older imports."""
from __future__ import annotations

from .resolve.names import EntityResolver, Mention

__all__ = ["EntityResolver", "Mention"]
