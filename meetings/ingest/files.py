"""Importing article files one by one, in this process or in a pool of worker processes."""

from __future__ import annotations

import errno
import fnmatch
import logging
import multiprocessing
import os
import stat
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connections
from django.db.models import Q

from meetings.extraction import ExtractionError, extract
from meetings.extraction.normalise import DECODING, HEADER, decode
from meetings.ingest.articles import Ingestor
from meetings.ingest.limits import check_lengths
from meetings.ingest.statistics import refresh_statistics
from meetings.ingest.writers import Incoming
from meetings.models import Article
from meetings.models.sources import file_source

log = logging.getLogger(__name__)
MAX_BYTES = 1_000_000  # far above any news article; larger files are refused, not truncated
CHUNK = 100  # new files written per transaction (see import_files)
NOTED = (DECODING, HEADER)  # the warnings the command prints, one line per file and warning


ARTICLE_GLOBS = ("*.txt", "*.html", "*.htm")  # what a folder's article files are called
_NOT_REGULAR = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


class FileProblem(ValueError):
    """A path that cannot be read as an article; the message says why in a few words."""


@dataclass
class Listing:
    """The files to import, a one-line error for each path that cannot be read, and what was
    left out of the folders because it is not an article file."""

    files: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def article_files(paths: list[Path], globs: Sequence[str] = ARTICLE_GLOBS) -> Listing:
    """The files to import, in a stable order: each file named, and a folder's files whose
    names match globs (letter case aside; folders are not read recursively).

    The files are plain strings: a Path object costs some 400 bytes, and a run may list
    hundreds of thousands of files, which would make the importer's memory grow with them.
    """
    listing = Listing()
    for path in paths:
        try:
            if stat.S_ISDIR(stat_of(path).st_mode):
                _list_folder(str(path), globs, listing)
            else:
                listing.files.append(str(path))
        except FileNotFoundError:
            listing.errors.append(f"{path}: no such file or directory")
        except (OSError, FileProblem) as exc:
            listing.errors.append(f"{path}: {describe(exc)}")
    return listing


def _list_folder(folder: str, globs: Sequence[str], listing: Listing) -> None:
    patterns = [g.lower() for g in globs]
    with os.scandir(folder) as entries:
        names = sorted(e.path for e in entries if not e.name.startswith("."))
    for name in names:
        base = os.path.basename(name).lower()
        if not any(fnmatch.fnmatchcase(base, pattern) for pattern in patterns):
            listing.skipped.append(name)
            continue
        try:
            mode = stat_of(name).st_mode
        except (OSError, FileProblem) as exc:
            listing.errors.append(f"{name}: {describe(exc)}")
            continue
        if stat.S_ISDIR(mode):
            listing.skipped.append(name)
        elif stat.S_ISREG(mode):
            listing.files.append(name)
        else:
            listing.errors.append(f"{name}: {_not_regular(mode)}")


def parse_globs(values: list[str] | None) -> tuple[str, ...]:
    """The --glob patterns: repeated or comma-separated; the article defaults without any."""
    patterns = [p.strip() for value in values or [] for p in value.split(",") if p.strip()]
    return tuple(patterns) or ARTICLE_GLOBS


def stat_of(path: str | Path) -> os.stat_result:
    """os.stat of a path, following links; a loop, a broken link or a refusal is a FileProblem."""
    try:
        return os.stat(path)
    except OSError as exc:
        raise _problem(exc, path) from exc


def _problem(exc: OSError, path: str | Path) -> Exception:
    if exc.errno == errno.ELOOP:
        return FileProblem("symlink loop (too many levels of symbolic links)")
    if isinstance(exc, PermissionError):
        return FileProblem("cannot be read (permission denied)")
    if isinstance(exc, FileNotFoundError) and os.path.islink(path):
        return FileProblem("broken symbolic link (its target is missing)")
    return exc


def _not_regular(mode: int) -> str:
    kind = next((name for test, name in _NOT_REGULAR if test(mode)), "not a file")
    return f"not a regular file ({kind})"


def read_bytes(path: str | Path, max_bytes: int) -> bytes:
    """The bytes of one article file, refusing what is not a regular file or is too large.

    The file is opened without blocking and checked once open, so a FIFO put in its place
    after listing cannot make the run wait forever. Raises FileProblem or OSError.
    """
    mode = stat_of(path).st_mode
    if stat.S_ISDIR(mode):
        raise FileProblem("is a folder")
    if not stat.S_ISREG(mode):
        raise FileProblem(_not_regular(mode))
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        raise _problem(exc, path) from exc
    with os.fdopen(fd, "rb") as file:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise FileProblem(_not_regular(info.st_mode))
        _check_size(info.st_size, max_bytes)
        data = file.read(max_bytes + 1)
    _check_size(len(data), max_bytes)  # it may have grown since
    return data


def stored_articles(ids: list[int]) -> Iterator[Article]:
    """The stored articles with these ids, in order, read a chunk at a time: each holds its
    texts, and a re-extraction goes through every article there is."""
    for start in range(0, len(ids), CHUNK):
        yield from Article.objects.filter(pk__in=ids[start : start + CHUNK]).order_by("pk")


def label(job: Path | Article) -> str:
    """How messages name a file or a stored article."""
    return str(job) if isinstance(job, Path) else (job.filename or f"article {job.pk}")


def _check_size(size: int, max_bytes: int) -> None:
    """Refuse a file larger than max_bytes, saying why."""
    if size > max_bytes:
        raise ValueError(
            f"{size / 1e6:.1f} MB is larger than the {max_bytes / 1e6:g} MB limit for one "
            "article (--max-bytes)"
        )


def read_article(path: Path, max_bytes: int) -> Incoming:
    """Read and extract one file: what it says, its decoded text, and its identity (its path,
    see file_source); raises on a bad file."""
    raw = read_bytes(path, max_bytes)
    extracted = extract(raw, filename=path.name)
    check_lengths(extracted)
    return Incoming(extracted, str(decode(raw)), _source(path))


def _source(path: Path) -> str:
    source = file_source(path)
    limit = Article._meta.get_field("source").max_length
    if len(source) > limit:
        raise ValueError(
            f"the path is {len(source):,} characters long, more than the {limit} an article's "
            "source holds; nothing from this file was imported"
        )
    return source


def import_one(ingestor: Ingestor, job: Path | Article, max_bytes: int) -> tuple[str, str | None]:
    """Import one file, or re-extract one stored Article: (outcome, error message or None)."""

    def work() -> str:
        if isinstance(job, Path):
            return _write_one(ingestor, read_article(job, max_bytes))
        if job.skip_reextract:
            return "unchanged"
        extracted = extract(job.raw_text, filename=job.filename)
        check_lengths(extracted)
        extracted.source.sha256 = job.sha256  # identity stays the stored file's
        return ingestor.ingest(extracted, job.raw_text, force=True, source=job.source)

    return _guarded(job, work)


def import_files(
    ingestor: Ingestor, files: list[str | Path], max_bytes: int, notes: list[str] | None = None
) -> list[tuple[str, str, str | None]]:
    """Import a chunk of files: (label, outcome, error) for each, in their order.

    Warnings about how a file was decoded (bytes replaced or removed, mixed encodings) and
    about its header block (a value left out) are added to notes as one line each, naming
    the file.

    The files not stored before are written together in one transaction, each article
    with all its rows; the others (changed or already imported), and every file of the
    chunk if writing them together fails, are imported one by one as import_one does.
    """
    paths = [Path(f) for f in files]
    results: dict[Path, tuple[str, str | None]] = {}
    read: dict[Path, Incoming] = {}

    def read_one(path: Path) -> str:
        read[path] = read_article(path, max_bytes)
        return "read"

    for path in paths:
        outcome = _guarded(path, lambda path=path: read_one(path))
        if outcome[0] == "failed":
            results[path] = outcome
        elif notes is not None:
            noted = (w for w in read[path].extracted.warnings if w.startswith(NOTED))
            notes.extend(f"{label(path)}: warning: {w}" for w in noted)
    new = _new_articles(read)
    if new:
        try:
            ingestor.ingest_new([read[p] for p in new])
            results.update((p, ("new", None)) for p in new)
        except Exception as exc:  # the files are tried one by one below
            log.info("a chunk of %d new files is imported one by one: %r", len(new), exc)
    for path, item in read.items():
        if path not in results:
            results[path] = _guarded(
                path,
                lambda item=item: ingestor.ingest(
                    item.extracted, item.raw_text, source=item.source
                ),
            )
    refresh_statistics()  # so that the next chunk's queries are planned for the tables' size
    return [(label(p), *results[p]) for p in paths]


def _write_one(ingestor: Ingestor, item: Incoming) -> str:
    return ingestor.ingest(item.extracted, item.raw_text, source=item.source)


def _new_articles(read: dict[Path, Incoming]) -> list[Path]:
    """The files whose content and source no stored article has, each content once."""
    shas = {item.extracted.source.sha256 for item in read.values()}
    sources = {item.source for item in read.values()}
    stored = Article.objects.filter(Q(sha256__in=shas) | Q(source__in=sources))
    taken = {v for pair in stored.values_list("sha256", "source") for v in pair}
    new = []
    for path, item in read.items():
        identity = {item.extracted.source.sha256, item.source}
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


def _start_worker(reindex_every: int) -> None:
    global _worker
    _worker = Ingestor(reindex_every=reindex_every)


def _work(args: tuple[list[str], int]) -> tuple[list, Counter, list[str]]:
    paths, max_bytes = args
    before = Counter(_worker.stats)
    notes: list[str] = []
    results = import_files(_worker, paths, max_bytes, notes)
    _worker.flush_index()  # what this chunk wrote one file at a time
    return results, _worker.stats - before, notes


def chunks(files: list, size: int = CHUNK) -> list[list]:
    """The files in consecutive chunks of at most size."""
    return [files[i : i + size] for i in range(0, len(files), size)]


def import_in_pool(
    files: list[str],
    jobs: int,
    max_bytes: int,
    ingestor: Ingestor,
    notes: list[str] | None = None,
    size: int = CHUNK,
) -> Iterator[tuple[str, str, str | None]]:
    """Import files in jobs worker processes, chunk by chunk (see import_files).

    Yields (label, outcome, error) per file as chunks finish, adding their row counts to
    the ingestor's stats and their decoding warnings to notes. Each worker reindexes what
    it writes; the ingestor's finish() sweeps up after them.
    """
    connections.close_all()  # a forked child must open its own database connection
    context = multiprocessing.get_context("fork")
    every = ingestor.search.every
    with context.Pool(jobs, initializer=_start_worker, initargs=(every,)) as pool:
        work = [(chunk, max_bytes) for chunk in chunks(files, size)]
        for results, counts, found in pool.imap_unordered(_work, work):
            ingestor.stats.update(counts)
            if notes is not None:
                notes.extend(found)
            yield from results
