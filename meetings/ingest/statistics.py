"""Planner statistics that keep up with an import, on PostgreSQL."""

from __future__ import annotations

from django.db import connection

# Tables smaller than this (in 8 KB pages) are read whole whatever the plan.
MIN_PAGES = 16


def refresh_statistics() -> list[str]:
    """ANALYZE the app's tables that have doubled in size since they were last analysed (or
    were never analysed); return their names. Does nothing on SQLite.

    PostgreSQL plans a query by its statistics of each table, which autovacuum refreshes
    about once a minute, or never where it is turned off. An import fills tables faster
    than that, and a plan made for a table never analysed reads every row of it: 30,000
    articles into a fresh database slowed to 130 articles/s, most of it spent scanning
    tables for the hundred rows a chunk asks for by id. Roughly right statistics are enough,
    and ANALYZE samples at most 30,000 rows of a table, so this runs after every chunk and
    seldom has anything to do. Sizes are read from the files, not from the statistics
    collector, so the answer is exact and immediate.
    """
    if connection.vendor != "postgresql":
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            """SELECT c.relname FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relkind = 'r'
              AND c.relname LIKE 'meetings\\_%%'
              AND pg_relation_size(c.oid)
                  >= GREATEST(2 * c.relpages, %s) * current_setting('block_size')::bigint
            ORDER BY c.relname""",
            [MIN_PAGES],
        )
        stale = [name for (name,) in cursor.fetchall()]
        for name in stale:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(name)}")
    return stale
