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
import threading
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import connection

TABLE = "meetings_datageneration"

# Within one request the generation is read once: the page cache's key, the site-wide
# aggregates and the place list all agree on it, and a page costs one read, not several.
# Outside a request (commands, tests between requests) every call reads afresh.
_request = threading.local()


def _start_request(**kwargs) -> None:
    _request.active, _request.value = True, None


def _end_request(**kwargs) -> None:
    _request.active, _request.value = False, None


request_started.connect(_start_request, dispatch_uid="meetings-generation-start")
request_finished.connect(_end_request, dispatch_uid="meetings-generation-end")


def current_generation() -> int:
    """The data generation now (one indexed single-row read, at most once per request)."""
    if getattr(_request, "active", False) and _request.value is not None:
        return _request.value
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT value FROM {TABLE} WHERE id = 1")  # noqa: S608 - constant
        row = cursor.fetchone()
    value = row[0] if row else 0
    if getattr(_request, "active", False):
        _request.value = value
    return value


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
    _request.value = None


T = TypeVar("T")
# A lock per value being computed, dropped once it is: none is kept for every key ever made.
_computing: dict[str, threading.Lock] = {}
_computing_guard = threading.Lock()


def per_generation(key: str, compute: Callable[[], T], seconds: int) -> T:
    """compute()'s value, kept in the cache under the data generation: an import or an edit
    retires it at once, and ``seconds`` only bounds how long it is kept otherwise.

    One thread of a process computes it and the others wait for that value: the aggregates
    kept here (counts, facets, suggestions over every meeting) cost a few hundred
    milliseconds, and after every import each of a worker's threads missed the cache at
    the same moment and computed them all again, side by side.
    """
    versioned = f"{key}:{current_generation()}"
    value = cache.get(versioned)
    if value is not None:
        return value
    with _computing_guard:
        lock = _computing.setdefault(versioned, threading.Lock())
    try:
        with lock:
            value = cache.get(versioned)  # another thread may have computed it meanwhile
            if value is None:
                value = compute()
                cache.set(versioned, value, seconds)
    finally:
        with _computing_guard:
            _computing.pop(versioned, None)
    return value
