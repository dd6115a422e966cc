"""Import article files into the database: safe to run again and again, on good and bad files."""

from __future__ import annotations

import sys
from collections import Counter
from contextlib import nullcontext
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from tqdm import tqdm

from meetings.extraction import ExtractionError, extract
from meetings.extraction.normalise import decode
from meetings.ingest import Ingestor
from meetings.models import Article

DEFAULT_PATH = Path(settings.BASE_DIR) / "fixtures" / "articles"
MAX_BYTES = 1_000_000  # far above any news article; larger files are refused, not truncated


class DryRun(Exception):
    """Raised to roll back a dry run's transaction after it has counted everything."""


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


class Command(BaseCommand):
    help = (
        "Import Turkish news articles about diplomatic meetings. PATH is a file or a directory "
        f"(default: {DEFAULT_PATH.relative_to(settings.BASE_DIR)}/). Each file is imported in "
        "its own transaction; a bad file is reported and the rest still import. Importing "
        "the same files again changes nothing; a file whose content changed replaces its "
        "records, except what editors corrected. Exit status 0 only if every file imported."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", type=Path, default=[DEFAULT_PATH], metavar="PATH")
        parser.add_argument(
            "--dry-run", action="store_true", help="Read and resolve everything, write nothing."
        )
        parser.add_argument(
            "--reextract",
            action="store_true",
            help="Re-read the stored articles with the current extractor (PATHs are ignored).",
        )
        parser.add_argument(
            "--max-bytes", type=int, default=MAX_BYTES, help="Refuse files larger than this."
        )

    def handle(self, *args, paths, dry_run, reextract, max_bytes, verbosity, **options):
        self.verbosity = verbosity
        ingestor = Ingestor()
        outcomes: Counter = Counter()
        if reextract:
            jobs = [(a.filename or f"article {a.pk}", a) for a in Article.objects.order_by("pk")]
            errors = []
        else:
            files, errors = article_files(paths)
            jobs = [(str(f), f) for f in files]
        for error in errors:
            self._fail(error)
        outcomes["failed"] += len(errors)

        progress = tqdm(
            jobs,
            unit="file",
            disable=verbosity < 1 or not sys.stdout.isatty(),
            file=sys.stdout,
        )
        try:
            with transaction.atomic() if dry_run else nullcontext():
                for label, job in progress:
                    outcome = self._one(ingestor, label, job, max_bytes)
                    outcomes[outcome] += 1
                    if verbosity >= 2:
                        progress.write(f"{label}: {outcome}")
                if dry_run:
                    raise DryRun
        except DryRun:
            pass

        self._summary(len(jobs) + len(errors), outcomes, ingestor.stats, dry_run)
        if outcomes["failed"]:
            raise CommandError(
                f"{outcomes['failed']} of {len(jobs) + len(errors)} files failed", returncode=1
            )

    def _one(self, ingestor: Ingestor, label: str, job, max_bytes: int) -> str:
        """Import one file (or re-extract one Article); return what happened."""
        try:
            if isinstance(job, Article):
                if job.skip_reextract:
                    return "unchanged"
                extracted = extract(job.raw_text, filename=job.filename)
                extracted.source.sha256 = job.sha256  # identity stays the stored file's
                return ingestor.ingest(extracted, job.raw_text, force=True)
            raw = self._read(job, max_bytes)
            extracted = extract(raw, filename=job.name)
            return ingestor.ingest(extracted, decode(raw))
        except (OSError, ExtractionError, ValueError) as exc:
            self._fail(f"{label}: {_describe(exc)}")
            return "failed"
        except Exception as exc:  # a bug must not stop the other files; say which file
            self._fail(f"{label}: could not be imported ({type(exc).__name__}: {exc})")
            return "failed"

    def _read(self, path: Path, max_bytes: int) -> bytes:
        size = path.stat().st_size
        if size > max_bytes:
            raise ValueError(
                f"{size / 1e6:.1f} MB is larger than the {max_bytes / 1e6:g} MB limit for one "
                "article (--max-bytes)"
            )
        return path.read_bytes()

    def _fail(self, message: str) -> None:
        self.stderr.write(self.style.ERROR(message))

    def _summary(self, total: int, outcomes: Counter, stats: Counter, dry_run: bool) -> None:
        if self.verbosity < 1:
            return
        files = (
            f"{total} files: {outcomes['new']} new, {outcomes['unchanged']} unchanged, "
            f"{outcomes['updated']} updated, {outcomes['failed']} failed"
        )
        rows = ", ".join(
            f"{what} {stats[f'{what} created']} created/{stats[f'{what} updated']} updated"
            for what in ("meetings", "people", "statements", "agreements")
        )
        prefix = "Dry run, nothing written. " if dry_run else ""
        style = self.style.WARNING if outcomes["failed"] else self.style.SUCCESS
        self.stdout.write(style(f"{prefix}{files}."))
        self.stdout.write(f"{rows}.")


def _describe(exc: Exception) -> str:
    """A one-line reason for a file that cannot be imported."""
    if isinstance(exc, PermissionError):
        return "cannot be read (permission denied)"
    if isinstance(exc, IsADirectoryError | FileNotFoundError):
        return "no such file"
    if isinstance(exc, OSError):
        return f"cannot be read ({exc.strerror or exc})"
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
