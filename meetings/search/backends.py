"""The two index-backed engines behind one method: the newest matches, ranked when few.

A document's key sorts by date and carries its row's id and kind (see ``document_key``), so
both engines can stop at "the newest N matches", and the ids come out of the keys. The
matches are ranked only when there are no more than N of them: ranking costs in proportion
to every match of a term, so a broad query is given in date order instead. Both engines
match the same folded tokens, so they find the same documents; only their rank scores differ.
"""

from __future__ import annotations

from typing import NamedTuple

from django.db import connection
from django.db.models import F, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from meetings.models import SearchDocument
from meetings.search.documents import ID_BITS, STATEMENT
from meetings.search.query import Query, to_fts5, to_fts5_any, to_tsquery, to_tsquery_any
from meetings.search.vocabulary import words_beginning

FTS5_TABLE = "meetings_searchdocument_fts"
ID_MASK = (1 << ID_BITS) - 1
# An exclusion-only query ("-türkiye") looks among this many newest documents of its kind.
EXCLUSION_WINDOW = 20_000


class Found(NamedTuple):
    """The matching documents' keys, newest first, and each one's rank when they were ranked.

    Kept as columns, not a tuple per match: a broad search finds a thousand documents, and
    building a named tuple for each cost more than the query that read them.
    """

    keys: list[int]
    ranks: dict[int, float] | None = None

    @classmethod
    def ranked(cls, rows) -> Found:
        """The (key, rank) rows of a ranking query, newest first."""
        ranks = dict(rows)
        return cls(sorted(ranks, reverse=True), ranks)


def object_id(key: int) -> int:
    """The meeting's or statement's id inside a document key."""
    return (key >> 1) & ID_MASK


def object_ids(keys: list[int]) -> list[int]:
    """The meetings' or statements' ids inside document keys, in the same order."""
    return [object_id(key) for key in keys]


def _keys(rows: list[tuple]) -> list[int]:
    return [key for (key,) in rows]


def _prefix_words(query: Query) -> dict[str, list[str] | None]:
    """The indexed words that begin with each of the query's prefixes (see ``vocabulary``)."""
    return words_beginning(t.tokens[0] for t in (*query.include, *query.exclude) if t.prefix)


def _restriction(restrict: QuerySet | None, key_sql: str) -> tuple[str, list]:
    """SQL keeping only the documents of a queryset's rows (already filtered by the user)."""
    if restrict is None:
        return "", []
    sql, params = restrict.values("pk").query.sql_with_params()
    return f" AND (({key_sql} >> 1) & {ID_MASK}) IN ({sql})", list(params)


class SQLiteBackend:
    """FTS5: an external-content table over the documents, kept in step by triggers."""

    def matches(self, query: Query, kind: int, restrict, limit: int, rank: bool) -> Found:
        words = _prefix_words(query)
        if not query.include:
            return self._excluding(query, kind, restrict, limit, words)
        extra_sql, extra_params = _restriction(restrict, "rowid")
        where = f"WHERE {FTS5_TABLE} MATCH %s AND (rowid & 1) = %s{extra_sql}"
        order = "ORDER BY rowid DESC LIMIT %s"
        params = [to_fts5(query, words), kind, *extra_params, limit + 1]
        newest = _fetch(f"SELECT rowid FROM {FTS5_TABLE} {where} {order}", params)
        if not rank or len(newest) > limit:
            return Found(_keys(newest))
        # Few enough to rank: bm25 (negated, so that higher is better) over those alone.
        ranked = _fetch(
            f"SELECT rowid, -bm25({FTS5_TABLE}) FROM {FTS5_TABLE} {where} {order}", params
        )
        return Found.ranked(ranked)

    def _excluding(self, query: Query, kind: int, restrict, limit: int, words) -> Found:
        extra_sql, extra_params = _restriction(restrict, "d.id")
        floor = (
            "coalesce((SELECT id FROM meetings_searchdocument WHERE (id & 1) = %s "
            "ORDER BY id DESC LIMIT 1 OFFSET %s), 0)"
        )
        sql = (
            f"SELECT d.id FROM meetings_searchdocument d "
            f"WHERE (d.id & 1) = %s AND d.id >= {floor} AND d.id NOT IN "
            f"(SELECT rowid FROM {FTS5_TABLE} WHERE {FTS5_TABLE} MATCH %s AND rowid >= {floor})"
            f"{extra_sql} ORDER BY d.id DESC LIMIT %s"
        )
        excluded = to_fts5_any(query.exclude, words)

        def newest(size: int) -> list[tuple]:
            window = [kind, size - 1]
            return _fetch(sql, [kind, *window, excluded, *window, *extra_params, limit + 1])

        return Found(_keys(_in_growing_windows(newest, limit)))


def _in_growing_windows(newest, limit: int) -> list[tuple]:
    """``newest(size)``'s rows (the newest that do not match, among the newest ``size``
    documents), from a small window first and the whole EXCLUSION_WINDOW only when it holds
    too few: an exclusion's cost grows with its window, and the newest ``limit`` among the
    newest few thousand are the newest among twenty thousand."""
    rows = newest(min(EXCLUSION_WINDOW, 4 * (limit + 1)))
    if len(rows) > limit:
        return rows
    return newest(EXCLUSION_WINDOW)


def _fetch(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


MEETING_VECTORS = "meetings_searchdocument_meeting_vector"


class PostgresBackend:
    """tsvectors under GIN indexes, queried with a raw tsquery.

    Meetings are matched in a narrow table of (document key, meeting id, vector), stored
    inline (migration 0005). PostgreSQL cannot read a GIN index in date order, but on this
    table the planner has two cheap ways to "the newest N matches": for a broad term, walk
    the key index newest first, checking each row's vector until N match; for a rare one,
    take the GIN index's matches and sort those few. Its statistics on the vector column
    tell which a query is.

    Statements keep their vectors in the document table and are searched in growing
    windows of recent documents: the last year, four years, sixteen, then everything.
    """

    WINDOWS_DAYS = (366, 4 * 366, 16 * 366)

    def matches(self, query: Query, kind: int, restrict, limit: int, rank: bool) -> Found:
        # Prefixes are expanded to their words only where the GIN index is to intersect
        # several terms: there it must otherwise gather every posting of every word a common
        # prefix covers first (21 ms of "arjantin devlet başkanı", against 2 ms for the
        # words). A lone term, or an excluded one, is checked row by row, where a prefix is
        # cheaper to test than a list of words.
        words = _prefix_words(Query(include=query.include)) if len(query.include) > 1 else {}
        if kind == STATEMENT:
            return self._statements(query, restrict, limit, rank, words)
        where, params = ["TRUE"], []
        if restrict is not None:
            sql, restrict_params = restrict.values("pk").query.sql_with_params()
            where.append(f"meeting_id IN ({sql})")
            params += restrict_params
        if not query.include:
            return self._excluding(to_tsquery_any(query.exclude), where, params, limit)
        # The index is given the wanted words alone, and each of its matches is then checked
        # for the excluded ones: GIN cannot skip what a "!word:*" rules out, and read every
        # posting of every word beginning so (25 ms for "bruno -türkiye", now 0.2 ms).
        where.append("vector @@ to_tsquery('simple', %s)")
        params.append(to_tsquery(Query(include=query.include), words))
        if query.exclude:
            where.append("NOT vector @@ to_tsquery('simple', %s)")
            params.append(to_tsquery_any(query.exclude))
        newest = _fetch(
            f"SELECT id FROM {MEETING_VECTORS} WHERE {' AND '.join(where)} "
            "ORDER BY id DESC LIMIT %s",
            [*params, limit + 1],
        )
        if not rank or len(newest) > limit:
            return Found(_keys(newest))
        # Few enough to rank: ts_rank over those alone.
        ranked = _fetch(
            f"SELECT id, ts_rank(vector, to_tsquery('simple', %s)) FROM {MEETING_VECTORS} "
            "WHERE id = ANY(%s) ORDER BY id DESC",
            [to_tsquery(query, words), _keys(newest)],
        )
        return Found.ranked(ranked)

    def _excluding(self, excluded: str, where: list[str], params: list, limit: int) -> Found:
        """The newest meetings that match no excluded term, among the newest EXCLUSION_WINDOW."""
        floor = (
            f"coalesce((SELECT id FROM {MEETING_VECTORS} ORDER BY id DESC LIMIT 1 OFFSET %s), 0)"
        )
        where = [*where, f"id >= {floor}", "NOT vector @@ to_tsquery('simple', %s)"]
        condition = " AND ".join(where)
        sql = f"SELECT id FROM {MEETING_VECTORS} WHERE {condition} ORDER BY id DESC LIMIT %s"

        def newest(size: int) -> list[tuple]:
            return _fetch(sql, [*params, size - 1, excluded, limit + 1])

        return Found(_keys(_in_growing_windows(newest, limit)))

    def _newest(self, matching, of_kind, count: int) -> list[int]:
        top = of_kind.order_by("-id").values_list("id", flat=True).first()
        if top is None:
            return []
        newest_day = top >> (ID_BITS + 1)
        for days in self.WINDOWS_DAYS:
            if newest_day - days <= 0:
                break  # the window would hold every dated document: look at them all
            floor = (newest_day - days) << (ID_BITS + 1)
            window = matching.filter(id__gte=floor).order_by("-id")
            keys = list(window.values_list("id", flat=True)[:count])
            if len(keys) >= count:
                return keys
        return list(matching.order_by("-id").values_list("id", flat=True)[:count])

    def _statements(self, query: Query, restrict, limit: int, rank: bool, words) -> Found:
        from django.contrib.postgres.search import SearchQuery, SearchRank

        of_kind = SearchDocument.objects.filter(statement__isnull=False)
        documents = of_kind
        if restrict is not None:
            documents = documents.filter(statement_id__in=restrict.values("pk"))
        if not query.include:
            excluded = SearchQuery(
                to_tsquery_any(query.exclude), search_type="raw", config="simple"
            )
            floor = of_kind.order_by("-id").values("id")[EXCLUSION_WINDOW - 1 : EXCLUSION_WINDOW]
            window = documents.filter(id__gte=Coalesce(Subquery(floor), Value(0)))
            keys = window.exclude(vector=excluded).order_by("-id").values_list("id", flat=True)
            return Found(list(keys[: limit + 1]))
        tsquery = SearchQuery(to_tsquery(query, words), search_type="raw", config="simple")
        # As for meetings: the index finds the wanted words, each match is checked for the rest.
        wanted = SearchQuery(
            to_tsquery(Query(include=query.include), words), search_type="raw", config="simple"
        )
        matching = documents.filter(vector=wanted)
        if query.exclude:
            excluded = SearchQuery(
                to_tsquery_any(query.exclude), search_type="raw", config="simple"
            )
            matching = matching.exclude(vector=excluded)
        newest = self._newest(matching, of_kind, limit + 1)
        if not rank or len(newest) > limit:
            return Found(newest)
        ranked = (
            SearchDocument.objects.filter(id__in=newest)
            .annotate(rank=SearchRank(F("vector"), tsquery))
            .values_list("id", "rank")
        )
        return Found.ranked(ranked)


def backend():
    """The engine for the default database."""
    if connection.vendor == "postgresql":
        return PostgresBackend()
    if connection.vendor == "sqlite":
        return SQLiteBackend()
    raise NotImplementedError(f"search has no backend for {connection.vendor}")
