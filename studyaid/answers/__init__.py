"""Typed answers: one normaliser that reads dates, amounts and names however a student writes them
(:func:`same_answer`), built from :mod:`.dates` and :mod:`.amounts`."""
from .normalise import read, same_answer, words

__all__ = ["read", "same_answer", "words"]
