"""studyaid: quiz and study-aid generator."""

__version__ = "0.1.0"
