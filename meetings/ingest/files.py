"""Importing article files one by one, in this process or in a pool of worker processes."""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

from django.db import connections
from django.db.models import Q

from meetings.extraction import ExtractionError, extract
from meetings.extraction.normalise import decode
from meetings.extraction.records import ExtractedArticle
from meetings.ingest.articles import Ingestor
from meetings.ingest.statistics import refresh_statistics
from meetings.models import Article

log = logging.getLogger(__name__)
MAX_BYTES = 1_000_000  # far above any news article; larger files are refused, not truncated
CHUNK = 100  # new files written per transaction (see import_files)


def article_files(paths: list[Path]) -> tuple[list[str], list[str]]:
    """The files to import, in a stable order, and an error for each path that is missing.

    The files are plain strings: a Path object costs some 400 bytes, and a run may list
    hundreds of thousands of files, which would make the importer's memory grow with them.
    """
    files, errors = [], []
    for path in paths:
        if path.is_dir():
            with os.scandir(path) as entries:
                names = (e.path for e in entries if e.is_file() and not e.name.startswith("."))
                files += sorted(names)
        elif path.is_file():
            files.append(str(path))
        else:
            errors.append(f"{path}: no such file or directory")
    return files, errors


def stored_articles(ids: list[int]) -> Iterator[Article]:
    """The stored articles with these ids, in order, read a chunk at a time: each holds its
    texts, and a re-extraction goes through every article there is."""
    for start in range(0, len(ids), CHUNK):
        yield from Article.objects.filter(pk__in=ids[start : start + CHUNK]).order_by("pk")


def label(job: Path | Article) -> str:
    """How messages name a file or a stored article."""
    return str(job) if isinstance(job, Path) else (job.filename or f"article {job.pk}")


def check_size(path: Path, max_bytes: int) -> None:
    """Refuse a file larger than max_bytes, saying why; import_articles and extract share it."""
    size = path.stat().st_size
    if size > max_bytes:
        raise ValueError(
            f"{size / 1e6:.1f} MB is larger than the {max_bytes / 1e6:g} MB limit for one "
            "article (--max-bytes)"
        )


def read_article(path: Path, max_bytes: int) -> tuple[ExtractedArticle, str]:
    """Read and extract one file: (what it says, its decoded text); raises on a bad file."""
    check_size(path, max_bytes)
    raw = path.read_bytes()
    return extract(raw, filename=path.name), decode(raw)


def import_one(ingestor: Ingestor, job: Path | Article, max_bytes: int) -> tuple[str, str | None]:
    """Import one file, or re-extract one stored Article: (outcome, error message or None)."""

    def work() -> str:
        if isinstance(job, Path):
            return ingestor.ingest(*read_article(job, max_bytes))
        if job.skip_reextract:
            return "unchanged"
        extracted = extract(job.raw_text, filename=job.filename)
        extracted.source.sha256 = job.sha256  # identity stays the stored file's
        return ingestor.ingest(extracted, job.raw_text, force=True)

    return _guarded(job, work)


def import_files(
    ingestor: Ingestor, files: list[str | Path], max_bytes: int
) -> list[tuple[str, str, str | None]]:
    """Import a chunk of files: (label, outcome, error) for each, in their order.

    The files not stored before are written together in one transaction, each article
    with all its rows; the others (changed or already imported), and every file of the
    chunk if writing them together fails, are imported one by one as import_one does.
    """
    paths = [Path(f) for f in files]
    results: dict[Path, tuple[str, str | None]] = {}
    read: dict[Path, tuple[ExtractedArticle, str]] = {}

    def read_one(path: Path) -> str:
        read[path] = read_article(path, max_bytes)
        return "read"

    for path in paths:
        outcome = _guarded(path, lambda path=path: read_one(path))
        if outcome[0] == "failed":
            results[path] = outcome
    new = _new_articles(read)
    if new:
        try:
            ingestor.ingest_new([read[p] for p in new])
            results.update((p, ("new", None)) for p in new)
        except Exception as exc:  # the files are tried one by one below
            log.info("a chunk of %d new files is imported one by one: %r", len(new), exc)
    for path, found in read.items():
        if path not in results:
            results[path] = _guarded(path, lambda found=found: ingestor.ingest(*found))
    refresh_statistics()  # so that the next chunk's queries are planned for the tables' size
    return [(label(p), *results[p]) for p in paths]


def _new_articles(read: dict[Path, tuple[ExtractedArticle, str]]) -> list[Path]:
    """The files whose content and name no stored article has, each content once."""
    shas = {found.source.sha256 for found, _ in read.values()}
    names = {found.source.file for found, _ in read.values() if found.source.file}
    stored = Article.objects.filter(Q(sha256__in=shas) | Q(filename__in=names))
    taken = {v for pair in stored.values_list("sha256", "filename") for v in pair}
    new = []
    for path, (found, _) in read.items():
        identity = {found.source.sha256, found.source.file} - {None, ""}
        if not identity & taken:
            new.append(path)
        taken |= identity
    return new


def _guarded(job: Path | Article, work: Callable[[], object]) -> tuple[str, str | None]:
    """Run work for a file: (its outcome, None), or ("failed", a one-line message naming it)."""
    try:
        return work(), None
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


def _work(args: tuple[list[str], int]) -> tuple[list, Counter, set[int]]:
    paths, max_bytes = args
    before = Counter(_worker.stats)
    results = import_files(_worker, paths, max_bytes)
    written, _worker.unindexed = _worker.unindexed, set()
    return results, _worker.stats - before, written


def chunks(files: list, size: int = CHUNK) -> list[list]:
    """The files in consecutive chunks of at most size."""
    return [files[i : i + size] for i in range(0, len(files), size)]


def import_in_pool(
    files: list[str], jobs: int, max_bytes: int, ingestor: Ingestor
) -> Iterator[tuple[str, str, str | None]]:
    """Import files in jobs worker processes, chunk by chunk (see import_files).

    Yields (label, outcome, error) per file as chunks finish, adding their row counts to
    the ingestor's stats and the meetings they wrote to ingestor.unindexed.
    """
    connections.close_all()  # a forked child must open its own database connection
    context = multiprocessing.get_context("fork")
    with context.Pool(jobs, initializer=_start_worker) as pool:
        work = [(chunk, max_bytes) for chunk in chunks(files)]
        for results, counts, written in pool.imap_unordered(_work, work):
            ingestor.stats.update(counts)
            ingestor.unindexed |= written
            yield from results
