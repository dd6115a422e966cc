"""Turkish-aware full-text search over meetings and statements: one interface, two engines.

    hits = search_meetings('aliyev "barış anlaşması" -lavrov', queryset=filtered_meetings)
    hits.ids        # meeting ids, best first (or newest first with order="date")

Text is folded in Python (``meetings.extraction.turkish.fold_tokens``) when documents are
built and when queries are parsed; PostgreSQL (tsvector + GIN) and SQLite (FTS5) only match
the folded tokens, so both find the same things. Each takes the newest ``limit`` matches
straight from its index and ranks them only when no more match: a broad query comes back
in date order, and costs no more than a narrow one.

After writing meetings, call ``reindex_meetings(ids)``; after editing people or agreements,
``reindex_people(ids)`` or ``reindex_agreements(ids)``; ``reindex_all()`` rebuilds it all.
Each of them also changes the data generation (``generation``) that cached pages are keyed
on, in the same transaction as the write.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from django.db.models import QuerySet

from meetings.search.backends import backend, object_id, object_ids
from meetings.search.documents import (
    ID_BITS,
    MEETING,
    STATEMENT,
    UNDATED_KEYS,
    document_year,
    reindex_agreements,
    reindex_all,
    reindex_meetings,
    reindex_people,
)
from meetings.search.highlight import highlight, snippet
from meetings.search.query import Query, Term, parse_query
from meetings.search.showing import meetings_showing

CANDIDATES = 1000
DAY_SHIFT = ID_BITS + 1  # a document key's bits above this are its meeting's date ordinal

__all__ = [
    "CANDIDATES",
    "Hits",
    "Query",
    "Term",
    "highlight",
    "meetings_showing",
    "parse_query",
    "reindex_agreements",
    "reindex_all",
    "reindex_meetings",
    "reindex_people",
    "search_meetings",
    "search_statements",
    "snippet",
]


@dataclass
class Hits:
    """What a search found: ids best first, each one's rank, and whether the cap was hit.

    When more than the cap match, the newest are given in date order, unranked.
    """

    query: Query
    ids: list[int] = field(default_factory=list)
    ranks: dict[int, float] = field(default_factory=dict)
    capped: bool = False
    keys: list[int] = field(default_factory=list)  # each id's document key, in the same order

    def __len__(self) -> int:
        return len(self.ids)

    def __bool__(self) -> bool:
        return bool(self.ids)

    def years(self) -> dict[int | None, int]:
        """How many of the hits fall in each year (None: date unknown), read from their keys
        without a query: a document's key begins with its meeting's date."""
        days = Counter(map(DAY_SHIFT.__rrshift__, self.keys))  # a thousand keys, fewer days
        years: Counter = Counter()
        for day, n in days.items():
            years[_year_of_day(day)] += n
        return dict(years)


@lru_cache(maxsize=1 << 16)  # some 180 years of days
def _year_of_day(day: int) -> int | None:
    """The year of a date ordinal (a document key's high bits); None for an undated key's 0."""
    return document_year(day << DAY_SHIFT)


def _search(query, queryset, *, kind: int, limit: int, order: str) -> Hits:
    parsed = query if isinstance(query, Query) else parse_query(query)
    if not parsed:
        return Hits(parsed)
    wants_rank = order == "relevance" and bool(parsed.include)
    found = backend().matches(parsed, kind, queryset, limit, rank=wants_rank)
    capped = len(found.keys) > limit
    keys = found.keys[:limit]
    scores = found.ranks or {}
    if wants_rank and not capped:
        keys.sort(key=lambda key: (-scores.get(key, 0.0), -key))
    elif order == "-date":  # oldest first, and still the undated last
        keys.sort(key=lambda key: (key < UNDATED_KEYS, key))
    ranks = {object_id(key): score for key, score in scores.items()}
    return Hits(parsed, object_ids(keys), ranks, capped, keys=keys)


def search_meetings(
    query: str | Query,
    queryset: QuerySet | None = None,
    *,
    limit: int = CANDIDATES,
    order: str = "relevance",
) -> Hits:
    """Meetings matching the query, among ``queryset``'s if given.

    ``order`` is "relevance" (best first), "date" (newest first) or "-date" (oldest first);
    undated meetings come last in date order either way.
    """
    return _search(query, queryset, kind=MEETING, limit=limit, order=order)


def search_statements(
    query: str | Query,
    queryset: QuerySet | None = None,
    *,
    limit: int = CANDIDATES,
    order: str = "relevance",
) -> Hits:
    """Statements (quotes and reported speech) matching the query, among ``queryset``'s."""
    return _search(query, queryset, kind=STATEMENT, limit=limit, order=order)
