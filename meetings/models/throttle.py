"""The API throttle's counts: how many requests each client made in each window of time."""

from __future__ import annotations

from django.db import connections, models, router


class ThrottleCountQuerySet(models.QuerySet):
    def count_request(
        self, key: str, window_start: int, previous_start: int, weight: float, limit: float
    ) -> bool:
        """Count one request of key in the window opening at window_start, if it fits.

        It fits when the window's count with it, plus the previous window's count times
        weight (the share of that window still inside the last period), is at most limit.
        One statement checks and adds, so requests answered at the same moment in other
        threads or processes are each counted: PostgreSQL locks the row between them,
        SQLite runs one write at a time. A refused request is not counted. True if counted.
        """
        db = router.db_for_write(self.model)
        connection = connections[db]
        quote = connection.ops.quote_name
        table = quote(self.model._meta.db_table)
        start, client, requests = (quote(c) for c in ("window_start", "key", "requests"))
        previous = (
            f"COALESCE((SELECT p.{requests} FROM {table} AS p "
            f"WHERE p.{start} = %s AND p.{client} = %s), 0)"
        )
        # INSERT ... SELECT ... WHERE rather than VALUES: a new window's first request is
        # refused too while the previous window still fills the period (and SQLite needs
        # the WHERE to read ON CONFLICT as the upsert's).
        sql = (
            f"INSERT INTO {table} ({start}, {client}, {requests}) "
            f"SELECT %s, %s, 1 WHERE {previous} * %s + 1 <= %s "
            f"ON CONFLICT ({start}, {client}) DO UPDATE "
            f"SET {requests} = {table}.{requests} + 1 "
            f"WHERE {previous} * %s + {table}.{requests} + 1 <= %s "
            f"RETURNING {requests}"
        )
        params = [window_start, key, previous_start, key, weight, limit]
        params += [previous_start, key, weight, limit]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchone() is not None


class ThrottleCount(models.Model):
    """How many requests one client made to the API in one window of the throttle's period
    (counted by ThrottleCount.objects.count_request, which meetings/api/throttling.py calls)."""

    # window_start first: the primary key's index then also finds the old windows to delete.
    pk = models.CompositePrimaryKey("window_start", "key")
    window_start = models.BigIntegerField(
        help_text="When the window opens, in whole seconds since 1970 (UTC)."
    )
    key = models.CharField(max_length=255, help_text="The throttle's scope and client address.")
    requests = models.PositiveIntegerField(default=0)

    objects = ThrottleCountQuerySet.as_manager()

    def __str__(self):
        return f"{self.key} from {self.window_start}: {self.requests}"
