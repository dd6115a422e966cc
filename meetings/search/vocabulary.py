"""The list of indexed words, so that a word typed as a prefix costs no more than a word.

FTS5 answers ``"bakan"*`` by merging the whole document list of every word that begins so
before it can give the newest matches: on 100,000 meetings a common prefix took 10 ms where
the word alone took 0.3 ms. Given the words themselves, ``("bakan" OR "bakanı" OR ...)``
is read newest first and stops at the limit. PostgreSQL's GIN index likewise gathers every
posting of every word a ``bakan:*`` covers into a bitmap before it can intersect it with the
other words (21 ms of a three-word query, against 2 ms for the words themselves). This table
lists every word the index holds (one row per word, kept in the same transaction as the
documents that bring it), so the words that begin with a prefix are an index range read away.

A word that no longer occurs in any document may stay listed until the next full reindex
(it then matches nothing); a word in the index is never missing from the list, which would
lose matches. A prefix with more than ``MAX_WORDS`` words is left to FTS5.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import connection

TABLE = "meetings_searchword"  # made by migrations 0016 (SQLite) and 0019 (PostgreSQL)
FTS5_TABLE = "meetings_searchdocument_fts"
MAX_WORDS = 64
# PostgreSQL's words are its tsvectors' lexemes (a meeting's in the narrow table, a
# statement's in the documents'), read from the vectors its triggers made, so no word it
# indexes can be missing from the list.
_POSTGRES_VECTORS = (
    "SELECT unnest(tsvector_to_array(vector)) FROM meetings_searchdocument_meeting_vector {where} "
    "UNION SELECT unnest(tsvector_to_array(vector)) FROM meetings_searchdocument {where}"
)


def remember(documents: Sequence) -> None:
    """List the words of these just-stored documents (each with an ``id`` and a ``body``):
    their bodies' folded tokens on SQLite, their vectors' lexemes on PostgreSQL."""
    if connection.vendor == "postgresql":
        keys = [document.id for document in documents]
        words = _POSTGRES_VECTORS.format(where="WHERE id = ANY(%(keys)s)")
        with connection.cursor() as cursor:
            # Only the new words are inserted: most of a batch's are listed already, and an
            # insert that conflicts costs as much as one that does not.
            cursor.execute(
                f"INSERT INTO {TABLE} (word) SELECT w FROM ({words}) AS n (w) "  # noqa: S608
                f"WHERE w IS NOT NULL AND NOT EXISTS (SELECT 1 FROM {TABLE} t WHERE t.word = n.w) "
                "ON CONFLICT DO NOTHING",
                {"keys": keys},
            )
        return
    words = {word for document in documents for word in document.body.split()}
    if not words:
        return
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT OR IGNORE INTO {TABLE} (word) VALUES (%s)",  # noqa: S608 - constant
            [(word,) for word in words],
        )


def rebuild() -> None:
    """List exactly the words the index holds now (after a full reindex)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"DELETE FROM {TABLE}")  # noqa: S608 - constant
            words = _POSTGRES_VECTORS.format(where="")
            cursor.execute(f"INSERT INTO {TABLE} (word) SELECT w FROM ({words}) AS n (w)")  # noqa: S608
            return
        cursor.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.meetings_searchword_vocab "
            f"USING fts5vocab(main, {FTS5_TABLE}, 'row')"
        )
        cursor.execute(f"DELETE FROM {TABLE}")  # noqa: S608 - constant
        cursor.execute(
            f"INSERT INTO {TABLE} (word) SELECT term FROM temp.meetings_searchword_vocab"  # noqa: S608
        )
        cursor.execute("DROP TABLE temp.meetings_searchword_vocab")


def words_beginning(prefixes: Iterable[str]) -> dict[str, list[str] | None]:
    """The listed words that begin with each prefix (None for a prefix with more than
    ``MAX_WORDS``), in one query that reads at most one more than that for each."""
    prefixes = sorted(set(prefixes))
    if not prefixes:
        return {}
    one = (
        f"SELECT * FROM (SELECT %s AS prefix, word FROM {TABLE} "  # noqa: S608 - constant
        f"WHERE word >= %s AND word < %s ORDER BY word LIMIT {MAX_WORDS + 1}) AS w"
    )
    params = [value for prefix in prefixes for value in (prefix, prefix, _after(prefix))]
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join([one] * len(prefixes)), params)
        found = cursor.fetchall()
    words: dict[str, list[str] | None] = {prefix: [] for prefix in prefixes}
    for prefix, word in found:
        words[prefix].append(word)
    return {p: (w if len(w) <= MAX_WORDS else None) for p, w in words.items()}


def _after(prefix: str) -> str:
    """The first string above every string that begins with prefix, in code point order
    (SQLite's, and the list's "C" collation on PostgreSQL)."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)
