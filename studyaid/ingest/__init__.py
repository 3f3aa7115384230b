"""Ingestion: read text, Markdown, HTML and PDF files into documents with their page junk marked."""
from __future__ import annotations

from .boilerplate import mark_junk
from .readers import SUPPORTED_SUFFIXES, document_from_bytes, iter_documents, read_document

__all__ = ["SUPPORTED_SUFFIXES", "document_from_bytes", "iter_documents", "mark_junk", "read_document"]
