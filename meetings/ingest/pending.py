"""Rows held back until the end of a chunk of articles, then written one INSERT per table."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.db import connection, models

from meetings.models import (
    Agreement,
    AgreementMention,
    Article,
    Meeting,
    MeetingReport,
    Participation,
    PersonMention,
    Statement,
)
from meetings.models.base import unique_slugs

# Parents before the rows that point at them.
INSERT_ORDER = [
    Article,
    Meeting,
    Agreement,
    Agreement.parties.through,
    MeetingReport,
    Participation,
    Statement,
    AgreementMention,
    PersonMention,
]
# Rows others refer to before they are written get their primary key up front.
NEEDS_ID = {Article, Meeting, Agreement, Statement}
ID_BLOCK = 200


class PendingRows:
    """New rows of one chunk: given ids where others refer to them, inserted together.

    Must be used inside the chunk's transaction. On SQLite that transaction holds the
    database's write lock from its start (IMMEDIATE), so no other writer can take the ids
    handed out here; on PostgreSQL they come from the tables' own sequences.
    """

    def __init__(self) -> None:
        self.rows: dict[type[models.Model], list[models.Model]] = defaultdict(list)
        self._free: dict[type[models.Model], list[int]] = defaultdict(list)
        self._next: dict[type[models.Model], int] = {}

    def add(self, model: type[models.Model], rows: list[models.Model]) -> None:
        """Hold rows for insertion, giving each an id now if other rows will point at it."""
        if model in NEEDS_ID:
            for row in rows:
                row.pk = self._new_id(model)
        self.rows[model].extend(rows)

    def reserve(self, model: type[models.Model], count: int) -> None:
        """On PostgreSQL, take count ids for the model's rows to come, in one query."""
        if connection.vendor == "postgresql" and count > 0:
            self._free[model] = _reserve_postgres(model, count) + self._free[model]

    def flush(self) -> int:
        """Insert everything held, parents first; return the number of rows written."""
        for model in (Meeting, Agreement):
            _unique_slugs(model, self.rows.get(model, []))
        written = 0
        for model in INSERT_ORDER:
            rows = self.rows.pop(model, [])
            if rows:
                insert_rows(model, rows)
                written += len(rows)
        return written

    def _new_id(self, model: type[models.Model]) -> int:
        if connection.vendor == "postgresql":
            if not self._free[model]:
                self._free[model] = _reserve_postgres(model, ID_BLOCK)
            return self._free[model].pop()
        if model not in self._next:
            self._next[model] = _highest_sqlite_id(model) + 1
        pk = self._next[model]
        self._next[model] += 1
        return pk


def insert_rows(model: type[models.Model], rows: list[models.Model]) -> None:
    """Insert new rows: with COPY on PostgreSQL, else in multi-row INSERTs.

    COPY sends the rows as one stream, without building and parsing an INSERT statement
    with thousands of parameters: a chunk's rows are written in about a third of the time.
    Like bulk_create, it fills automatic timestamps and leaves ids not given to the table's
    sequence; unlike it, it does not read those ids back (nothing needs them).
    """
    if connection.vendor != "postgresql":
        model.objects.bulk_create(rows, batch_size=500)
        return
    meta = model._meta
    # A generated column (Meeting.doubt, reason_flags) is the database's to fill: COPY may
    # not name it.
    with_pk = [
        f for f in meta.concrete_fields if f is not meta.pk and not getattr(f, "generated", False)
    ]
    for given_pk in (True, False):
        batch = [row for row in rows if (row.pk is not None) == given_pk]
        if batch:
            _copy(model, [meta.pk, *with_pk] if given_pk else with_pk, batch)
    for row in rows:  # stored now, as bulk_create says: a later change is saved, not held
        row._state.adding = False
        row._state.db = connection.alias


# Values psycopg sends as they are, which Django's preparation would hand back unchanged.
_PLAIN = {str, int, bool, dt.date, type(None)}


def _copy(model: type[models.Model], fields: list[models.Field], rows: list[models.Model]) -> None:
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    # Django prepares each value through three or four calls; for the plain values that make
    # up most columns that is most of the Python time of a chunk, so only the rest go there.
    # Each field with whether it is stamped on save (auto_now), decided once, not per value.
    plan = [
        (f, f.attname, getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False))
        for f in fields
    ]
    with connection.cursor() as cursor:
        sql = f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN"
        with cursor.cursor.copy(sql) as copy:
            for row in rows:
                values = []
                for f, attname, stamped in plan:
                    value = getattr(row, attname)
                    if stamped or type(value) not in _PLAIN:
                        value = f.get_db_prep_save(f.pre_save(row, True), connection)
                    values.append(value)
                copy.write_row(values)


def _reserve_postgres(model: type[models.Model], count: int) -> list[int]:
    """count fresh ids from the table's sequence (unused ones leave a harmless gap)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            [model._meta.db_table, count],
        )
        return sorted((row[0] for row in cursor.fetchall()), reverse=True)


def _highest_sqlite_id(model: type[models.Model]) -> int:
    """The highest id the table has used, counting deleted rows' ids (AUTOINCREMENT)."""
    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT MAX(n) FROM (SELECT MAX(id) AS n FROM "
            + connection.ops.quote_name(table)
            + " UNION ALL SELECT seq FROM sqlite_sequence WHERE name = %s)",
            [table],
        )
        return cursor.fetchone()[0] or 0


def _unique_slugs(model: type[models.Model], rows: list[models.Model]) -> None:
    """Make held rows' slugs unique among themselves and the stored ones (unique_slugs);
    each row's slug holds its base, and slug_identity (or its name's key) what tells it
    from another row with the same base."""
    wanted = [(row.slug, getattr(row, "slug_identity", None) or row.name_key) for row in rows]
    for row, slug in zip(rows, unique_slugs(model, wanted), strict=True):
        row.slug = slug
