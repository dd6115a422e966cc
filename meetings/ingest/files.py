"""Importing article files one by one, in this process or in a pool of worker processes."""

from __future__ import annotations

import multiprocessing
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from django.db import connections

from meetings.extraction import ExtractionError, extract
from meetings.extraction.normalise import decode
from meetings.ingest.articles import Ingestor
from meetings.models import Article

MAX_BYTES = 1_000_000  # far above any news article; larger files are refused, not truncated


def article_files(paths: list[Path]) -> tuple[list[Path], list[str]]:
    """The files to import, in a stable order, and an error for each path that is missing."""
    files, errors = [], []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
        elif path.is_file():
            files.append(path)
        else:
            errors.append(f"{path}: no such file or directory")
    return files, errors


def label(job: Path | Article) -> str:
    """How messages name a file or a stored article."""
    return str(job) if isinstance(job, Path) else (job.filename or f"article {job.pk}")


def import_one(ingestor: Ingestor, job: Path | Article, max_bytes: int) -> tuple[str, str | None]:
    """Import one file, or re-extract one stored Article: (outcome, error message or None)."""
    try:
        if isinstance(job, Article):
            if job.skip_reextract:
                return "unchanged", None
            extracted = extract(job.raw_text, filename=job.filename)
            extracted.source.sha256 = job.sha256  # identity stays the stored file's
            return ingestor.ingest(extracted, job.raw_text, force=True), None
        size = job.stat().st_size
        if size > max_bytes:
            raise ValueError(
                f"{size / 1e6:.1f} MB is larger than the {max_bytes / 1e6:g} MB limit for one "
                "article (--max-bytes)"
            )
        raw = job.read_bytes()
        return ingestor.ingest(extract(raw, filename=job.name), decode(raw)), None
    except (OSError, ExtractionError, ValueError) as exc:
        return "failed", f"{label(job)}: {describe(exc)}"
    except Exception as exc:  # a bug must not stop the other files; say which file
        return "failed", f"{label(job)}: could not be imported ({type(exc).__name__}: {exc})"


def describe(exc: Exception) -> str:
    """A one-line reason for a file that cannot be imported."""
    if isinstance(exc, PermissionError):
        return "cannot be read (permission denied)"
    if isinstance(exc, IsADirectoryError | FileNotFoundError):
        return "no such file"
    if isinstance(exc, OSError):
        return f"cannot be read ({exc.strerror or exc})"
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


# Worker processes --------------------------------------------------------------------------
_worker: Ingestor | None = None


def _start_worker() -> None:
    global _worker
    _worker = Ingestor(reindex_each=False)


def _work(args: tuple[Path, int]) -> tuple[str, str, str | None, Counter, set[int]]:
    path, max_bytes = args
    before = Counter(_worker.stats)
    outcome, error = import_one(_worker, path, max_bytes)
    written, _worker.unindexed = _worker.unindexed, set()
    return label(path), outcome, error, _worker.stats - before, written


def import_in_pool(
    files: list[Path], jobs: int, max_bytes: int, ingestor: Ingestor
) -> Iterator[tuple[str, str, str | None]]:
    """Import files in jobs worker processes, each file in its own transaction.

    Yields (label, outcome, error) per file as they finish, adding its row counts to the
    ingestor's stats and the meetings it wrote to ingestor.unindexed.
    """
    connections.close_all()  # a forked child must open its own database connection
    context = multiprocessing.get_context("fork")
    with context.Pool(jobs, initializer=_start_worker) as pool:
        for name, outcome, error, counts, written in pool.imap_unordered(
            _work, [(f, max_bytes) for f in files], chunksize=4
        ):
            ingestor.stats.update(counts)
            ingestor.unindexed |= written
            yield name, outcome, error
