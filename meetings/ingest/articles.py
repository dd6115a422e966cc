"""One import run: its two writers, sharing what the resolver remembers and the counts."""

from __future__ import annotations

from collections import Counter

from meetings.extraction.records import ExtractedArticle
from meetings.ingest.records import EXTRACTOR_VERSION, POSSIBLE_DUPLICATE
from meetings.ingest.resolve import Resolver
from meetings.ingest.writers import (
    ArticleWriter,
    ChunkWriter,
    Incoming,
    SearchBatch,
    flush_search_index,
)

__all__ = ["EXTRACTOR_VERSION", "POSSIBLE_DUPLICATE", "Ingestor", "flush_search_index"]


class Ingestor:
    """Writes extracted articles to the database; one instance serves one import run.

    A chunk of new articles goes to a ChunkWriter, anything else to an ArticleWriter, one
    article at a time. reindex_every: meetings written one by one are reindexed in their
    article's transaction (1), or in batches of that many once committed; finish() then
    reindexes the rest. A chunk is always indexed in its own transaction.
    """

    def __init__(self, resolver: Resolver | None = None, *, reindex_every: int = 1) -> None:
        self.resolver = resolver or Resolver()
        self.stats: Counter = Counter()
        self.search = SearchBatch(reindex_every)
        self._articles = ArticleWriter(self.resolver, self.stats, self.search)
        self._chunks = ChunkWriter(self.resolver, self.stats)

    def ingest(
        self,
        extracted: ExtractedArticle,
        raw_text: str,
        *,
        force: bool = False,
        source: str | None = None,
    ) -> str:
        """Store one article and everything read from it; return new, updated or unchanged.

        source is the article's identity (Article.source): by default the file the
        extraction names (file_source) or, with none, its content's hash (pasted_source).
        All of it in one transaction: a failure leaves nothing of the article behind.
        """
        return self._articles.write(Incoming(extracted, raw_text, source), force=force)

    def ingest_new(self, items: list[tuple[ExtractedArticle, str] | Incoming]) -> int:
        """Store many articles that are all new, in one transaction; return how many.

        items: (extraction, decoded text) pairs, or Incoming with their sources. All or
        nothing: on any failure nothing of the chunk is written and the error is raised.
        """
        return self._chunks.write([Incoming(*item) for item in items])

    def finish(self) -> None:
        """Reindex what waits to be, and every meeting a killed run left unindexed."""
        self.search.flush(sweep=True)

    def flush_index(self) -> None:
        """Reindex what waits to be (a worker process, at the end of its chunk)."""
        if self.search.waiting:
            self.search.flush()
