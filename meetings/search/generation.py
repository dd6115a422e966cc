"""The data generation: a number every write to the records changes, kept in the database.

Every write path reindexes search (ingest, the admin, ``reindex_search``), and reindexing
bumps this number in the same transaction as the write, so that every web worker on every
host sees it change at the moment the new data becomes visible. Rendered pages are cached
under the generation they were rendered at (``meetings.views.page_cache``), so a cached
page can never outlive the data it shows.

The row lives in a one-row table made by migration 0004 (no model: nothing else reads it).
The bump is the last statement of a reindex, so a transaction holds the row's lock only
from then until it commits, and never waits for another lock while holding it.
"""

from __future__ import annotations

import secrets

from django.db import connection

TABLE = "meetings_datageneration"


def current_generation() -> int:
    """The data generation now (one indexed single-row read)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT value FROM {TABLE} WHERE id = 1")  # noqa: S608 - constant
        row = cursor.fetchone()
    return row[0] if row else 0


def bump_generation() -> None:
    """Move the generation on: every page cached before this write is out of date.

    The new value is random rather than one more: a database restored from a backup, or a
    rolled-back transaction followed by another write, never brings back a value that
    pages were already cached under.
    """
    with connection.cursor() as cursor:
        # An upsert (the same SQL on SQLite and PostgreSQL), so a missing row starts again.
        cursor.execute(
            f"INSERT INTO {TABLE} (id, value) VALUES (1, %s) "  # noqa: S608 - constant
            "ON CONFLICT (id) DO UPDATE SET value = excluded.value",
            [secrets.randbits(62)],
        )
