"""Extraction: a Turkish news article about a diplomatic meeting, read into typed records.

Plain Python with no Django imports, so it can be tested, benchmarked and reused alone.
"""

from .pipeline import extract
from .records import ExtractedArticle, ExtractionError

__all__ = ["ExtractedArticle", "ExtractionError", "extract"]
