"""Ingest: extracted articles in, rows out. Idempotent, and editors' work is never undone."""

from meetings.ingest.articles import EXTRACTOR_VERSION, Ingestor, flush_search_index

__all__ = ["EXTRACTOR_VERSION", "Ingestor", "flush_search_index"]
