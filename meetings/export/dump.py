"""The full dump: a CSV per table and popolo.json, written into one folder. Each file is
written under a temporary name and renamed when complete, so a failed run never leaves a
half-written file that looks whole."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.db import connection, transaction

from meetings.export import popolo
from meetings.export.encoders import csv_chunks
from meetings.export.tables import TABLES
from meetings.export.values import Permalinks

Progress = Callable[[str, int], None]
PROGRESS_EVERY = 50_000


class ExportError(Exception):
    """The dump could not be written: the message names the path and the reason."""


@dataclass
class Written:
    """One file of the dump: its name, how many records it holds, how long it took."""

    name: str
    rows: int
    seconds: float


def prepare_folder(folder: Path) -> None:
    """Create the folder if need be, and check that files can be written in it."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError as exc:
        raise ExportError(f"{folder}: exists and is not a folder") from exc
    except OSError as exc:
        raise ExportError(f"{folder}: cannot create the folder ({exc.strerror})") from exc
    probe = folder / ".export-probe"
    try:
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise ExportError(f"{folder}: cannot write in this folder ({exc.strerror})") from exc


def export(folder: Path, links: Permalinks, progress: Progress | None = None) -> list[Written]:
    """Write every table and popolo.json into folder; what was written, file by file."""
    prepare_folder(folder)
    with _snapshot():
        return _export(folder, links, progress)


@contextmanager
def _snapshot():
    """On PostgreSQL, one read-only snapshot for every file, so that an import running
    meanwhile never leaves a participation pointing at a meeting the dump lacks. (SQLite
    would hold its write lock for the whole export, so there each table is read as it is.)"""
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        yield
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield


def _export(folder: Path, links: Permalinks, progress: Progress | None) -> list[Written]:
    written = []
    for table in TABLES:
        name = f"{table.name}.csv"
        started = time.perf_counter()
        counter = _Counter(name, progress)
        _write(folder / name, csv_chunks(table.columns, counter.count(table.rows(links))))
        written.append(Written(name, counter.n, time.perf_counter() - started))
    started = time.perf_counter()
    counter = _Counter("popolo.json", progress)
    _write(folder / "popolo.json", _popolo(links, counter))
    written.append(Written("popolo.json", counter.n, time.perf_counter() - started))
    return written


class _Counter:
    """Counts the records passing through, and reports every PROGRESS_EVERY of them."""

    def __init__(self, name: str, progress: Progress | None) -> None:
        self.name, self.progress, self.n = name, progress, 0

    def count(self, items: Iterable) -> Iterator:
        for item in items:
            self.n += 1
            if self.progress and self.n % PROGRESS_EVERY == 0:
                self.progress(self.name, self.n)
            yield item


def _popolo(links: Permalinks, counter: _Counter) -> Iterator[bytes]:
    """{"persons": [...], "organizations": [...], "memberships": [...]}, an item at a time."""
    parts = {
        "persons": popolo.persons(links),
        "organizations": popolo.organizations(),
        "memberships": popolo.memberships(links),
    }
    yield b"{"
    for i, (key, items) in enumerate(parts.items()):
        yield f'{"," if i else ""}\n"{key}": ['.encode()
        for j, item in enumerate(counter.count(items)):
            text = json.dumps(item, ensure_ascii=False)
            yield f"{',' if j else ''}\n  {text}".encode()
        yield b"\n]"
    yield b"\n}\n"


def _write(path: Path, chunks: Iterable[bytes]) -> None:
    partial = path.with_name(path.name + ".part")
    try:
        with partial.open("wb") as out:
            for chunk in chunks:
                out.write(chunk)
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise ExportError(f"{path}: cannot write ({exc.strerror})") from exc
