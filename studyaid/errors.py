"""Project errors: one base class, coded subclasses, messages that name the file and the problem."""
from __future__ import annotations


class StudyaidError(Exception):
    """Base class of every error studyaid raises on purpose."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")
        self.message = message


class InputError(StudyaidError):
    """A document cannot be read: missing, empty, binary, wrong encoding, too large, unsupported."""

    code = "E100"

    def __init__(self, path: str, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class ModelError(StudyaidError):
    """No usable spaCy pipeline is installed."""

    code = "E200"


class BankError(StudyaidError):
    """A question bank file is broken or foreign."""

    code = "E300"


class DocumentError(StudyaidError):
    """A document was read but could not be turned into facts (its parse or an extractor failed);
    the other documents of the run are processed."""

    code = "E400"

    def __init__(self, path: str, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class DocumentTimeout(DocumentError):
    """A document took longer than its time budget (``STUDYAID_DOCUMENT_SECONDS``) and was skipped."""

    code = "E410"
