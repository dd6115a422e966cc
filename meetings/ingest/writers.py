"""The two ways an import writes articles: a chunk of new ones together, or one article
that may have rows already (changed, re-read, or left over from a failed chunk).

Both write the same rows through RecordWriter, each in one transaction, and keep search
following what they write (SearchBatch).
"""

from __future__ import annotations

from collections import Counter
from contextlib import contextmanager
from typing import NamedTuple

from django.db import IntegrityError, connection, transaction
from django.db.models import Exists, OuterRef, Q

from meetings.extraction.records import ExtractedArticle
from meetings.ingest.meetings import MeetingIndex, lock_meetings, principal_ids
from meetings.ingest.pending import PendingRows
from meetings.ingest.records import RecordWriter, article_fields, person_names
from meetings.ingest.resolve import Resolver
from meetings.models import Agreement, Article, Meeting, SearchDocument, Statement
from meetings.models.base import unique_slugs
from meetings.models.sources import file_source, pasted_source
from meetings.search import reindex_meetings


class Incoming(NamedTuple):
    """An article to write: what was read from it, its decoded text, and its identity
    (Article.source; by default the file the extraction names, or its content's hash)."""

    extracted: ExtractedArticle
    raw_text: str
    source: str | None = None

    def identity(self) -> str:
        """The article's source."""
        if self.source:
            return self.source
        file = self.extracted.source.file
        return file_source(file) if file else pasted_source(self.extracted.source.sha256)


class SearchBatch:
    """Meetings written but not yet reindexed: reindexed every `every` meetings, once the
    articles that wrote them are committed; with every=1, in each article's own transaction,
    so search never shows a meeting half-imported."""

    def __init__(self, every: int = 1) -> None:
        self.every = every
        self.waiting: set[int] = set()

    @property
    def immediate(self) -> bool:
        """Whether meetings are reindexed in the transaction that wrote them."""
        return self.every <= 1

    def add(self, meeting_ids: set[int]) -> None:
        """Meetings a committed article wrote; reindexed once enough are waiting."""
        self.waiting |= meeting_ids
        if len(self.waiting) >= self.every:
            self.flush()

    def flush(self, *, sweep: bool = False) -> None:
        """Reindex every waiting meeting; with sweep, also every meeting with no search
        document at all (left by an import killed before it reindexed)."""
        flush_search_index(self.waiting, sweep=sweep)
        self.waiting = set()


def flush_search_index(meeting_ids: set[int], *, sweep: bool = False) -> None:
    """Reindex these meetings; with sweep, also every meeting that has no search document at
    all (left by an import killed before it reindexed)."""
    if sweep:
        # NOT EXISTS, an anti-join: PostgreSQL runs NOT IN (subquery) over a large document
        # table as a loop over every meeting (4 s at 12,000 meetings, growing quadratically).
        indexed = SearchDocument.objects.filter(meeting_id=OuterRef("pk"))
        orphans = Meeting.objects.filter(~Exists(indexed))
        meeting_ids = {*meeting_ids, *orphans.values_list("pk", flat=True)}
    if meeting_ids:
        reindex_meetings(meeting_ids)


def _relax_commit() -> None:
    """On PostgreSQL, do not wait for this transaction's WAL flush at commit.

    A crash can then lose the last few commits, but never half of one: the article is
    simply imported again by the next run, which is idempotent. Importing is several
    times faster for it.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit = off")


class _Writer(RecordWriter):
    """What both writers share: one transaction per write, undone whole on failure."""

    @contextmanager
    def _all_or_nothing(self):
        """One transaction, which every importer enters in turn (lock_meetings); if it rolls
        back, so do the resolver's memory and the counts."""
        counted = Counter(self.stats)
        self.resolver.trim()
        try:
            with transaction.atomic():
                _relax_commit()
                lock_meetings()
                yield
        except BaseException:
            self.resolver.forget()  # rows it remembered were rolled back
            self.stats.clear()
            self.stats.update(counted)
            raise


class ArticleWriter(_Writer):
    """Writes one article at a time: new, or replacing what its earlier content gave."""

    def __init__(self, resolver: Resolver, stats: Counter, search: SearchBatch) -> None:
        super().__init__(resolver, stats)
        self.search = search

    def write(self, item: Incoming, *, force: bool = False) -> str:
        """Store one article and everything read from it; return new, updated or unchanged.

        An article is the same as a stored one with its content (its hash) or, failing
        that, with its source; new content under a known source replaces that article's
        records, except what editors changed. force re-reads unchanged content.
        """
        with self._all_or_nothing():
            outcome, touched = self._write(item, force)
            if self.search.immediate:
                reindex_meetings(touched)  # in the same transaction
        if not self.search.immediate:
            self.search.add(touched)
        return outcome

    def _write(self, item: Incoming, force: bool) -> tuple[str, set[int]]:
        extracted, source = item.extracted, item.identity()
        article = stored_article(source, extracted.source.sha256)
        self.fresh = article is None
        if article is not None and article.sha256 == extracted.source.sha256 and not force:
            return "unchanged", set()
        fields = article_fields(extracted, item.raw_text)
        if article is None:
            try:
                with transaction.atomic():
                    article = Article.objects.create(source=source, **fields)
            except IntegrityError:
                return "unchanged", set()  # another importer stored it between look and insert
            outcome = "new"
        else:
            for name, value in fields.items():
                setattr(article, name, value)
            article.save()
            outcome = "updated"
        self.stats["people created"] += self.resolver.prefetch_people(person_names(extracted))
        touched = self.write_records(article, extracted) | self.resolver.relinked
        self.resolver.relinked = set()
        return outcome, touched

    def _insert(self, model, rows: list) -> None:
        if rows:
            model.objects.bulk_create(rows)

    def _unique_slug(self, meeting: Meeting) -> None:
        meeting.slug = unique_slugs(Meeting, [(meeting.slug, meeting.slug_identity)])[0]


def stored_article(source: str, sha256: str) -> Article | None:
    """The stored article with this content or, failing that, with this source (locked).

    An article found by its content that was imported before articles had sources
    ("legacy:NAME", see migration 0009) takes this source: the same content is the same
    article, and it is then found by its file when that file changes.
    """
    candidates = list(
        Article.objects.select_for_update()
        .defer("raw_text", "text")
        .filter(Q(sha256=sha256) | Q(source=source))
    )
    same_content = next((a for a in candidates if a.sha256 == sha256), None)
    if same_content is not None:
        if same_content.source.startswith("legacy:") and len(candidates) == 1:
            same_content.source = source
            same_content.save(update_fields=["source"])
        return same_content
    return candidates[0] if candidates else None


class ChunkWriter(_Writer):
    """Writes many new articles in one transaction, in a few statements per table.

    The same rows as ArticleWriter one by one, but new rows are held back (PendingRows) and
    inserted together, and people, agreements and the principals' stored meetings are
    looked up once for the chunk. A chunk is searchable when, and only when, it is stored.
    """

    def __init__(self, resolver: Resolver, stats: Counter) -> None:
        super().__init__(resolver, stats)
        self.pending: PendingRows | None = None

    def write(self, items: list[Incoming]) -> int:
        """Store articles no stored article has (by content or source); return how many.

        All or nothing: if anything fails (a file another importer stored meanwhile, say),
        nothing of the chunk is written and the error is raised, so the caller can write
        those articles one by one and learn which one is at fault.
        """
        try:
            with self._all_or_nothing():
                return self._write(items)
        finally:
            self.pending = self.index = self.resolver.pending = None

    def _write(self, items: list[Incoming]) -> int:
        found = [m for item in items for m in item.extracted.meetings]
        self.pending = self.resolver.pending = PendingRows()
        # As many ids as the chunk can need, in a query per table (merged meetings and
        # agreements found already leave a gap).
        self.pending.reserve(Article, len(items))
        self.pending.reserve(Meeting, len(found))
        self.pending.reserve(Statement, sum(len(m.statements) for m in found))
        self.pending.reserve(Agreement, sum(len(m.agreements) for m in found))
        articles = [
            Article(source=item.identity(), **article_fields(item.extracted, item.raw_text))
            for item in items
        ]
        self.pending.add(Article, articles)
        names = [name for item in items for name in person_names(item.extracted)]
        self.stats["people created"] += self.resolver.prefetch_people(names)
        self.resolver.prefetch_agreements([n for m in found for n in self.agreement_names(m)])
        resolved = [[self.resolve_participants(m) for m in i.extracted.meetings] for i in items]
        self.index = MeetingIndex.load(
            [
                principal_ids(m, participants)
                for item, article_resolved in zip(items, resolved, strict=True)
                for m, participants in zip(item.extracted.meetings, article_resolved, strict=True)
            ]
        )
        touched: set[int] = set()
        for article, item, participants in zip(articles, items, resolved, strict=True):
            touched |= self.write_records(article, item.extracted, participants)
        self.pending.flush()
        touched |= self.resolver.relinked
        self.resolver.relinked = set()
        reindex_meetings(touched)
        return len(articles)

    def _insert(self, model, rows: list) -> None:
        self.pending.add(model, rows)

    def _unique_slug(self, meeting: Meeting) -> None:
        pass  # with the rest of the chunk's, when it is inserted (PendingRows.flush)
