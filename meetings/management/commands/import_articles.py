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

from meetings.ingest import Ingestor
from meetings.ingest.files import (
    ARTICLE_GLOBS,
    CHUNK,
    MAX_BYTES,
    article_files,
    chunks,
    import_files,
    import_in_pool,
    import_one,
    label,
    parse_globs,
    stored_articles,
)
from meetings.models import Article

DEFAULT_PATH = Path(settings.BASE_DIR) / "fixtures" / "articles"
REINDEX_BATCH = 200  # meetings written before the search index catches up


class DryRun(Exception):
    """Raised to roll back a dry run's transaction after it has counted everything."""


class Command(BaseCommand):
    help = (
        "Import Turkish news articles about diplomatic meetings. PATH is a file or a directory "
        f"(default: {DEFAULT_PATH.relative_to(settings.BASE_DIR)}/); a directory's article files "
        f"are imported ({', '.join(ARTICLE_GLOBS)}, or --glob) and the rest skipped and counted. "
        "Each file is imported in its own transaction; a bad file is reported and the rest "
        "still import. Importing the same files again changes nothing; a file whose content "
        "changed replaces its records, except what editors corrected. Exit status 0 only if "
        "every file imported."
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
            "--jobs",
            type=int,
            default=1,
            help="Worker processes (each file is still imported whole or not at all).",
        )
        parser.add_argument(
            "--chunk-size",
            type=int,
            default=CHUNK,
            help="New files written per transaction (the records are the same for any size).",
        )
        parser.add_argument(
            "--max-bytes", type=int, default=MAX_BYTES, help="Refuse files larger than this."
        )
        parser.add_argument(
            "--glob",
            action="append",
            metavar="PATTERN",
            help=(
                "Which files of a directory are articles (letter case aside); repeat it or "
                f"separate patterns with commas. Default: {','.join(ARTICLE_GLOBS)}. Files "
                "named on the command line are always read."
            ),
        )

    def handle(
        self,
        *args,
        paths,
        dry_run,
        reextract,
        jobs,
        max_bytes,
        verbosity,
        glob=None,
        chunk_size=CHUNK,
        **options,
    ):
        if jobs < 1 or chunk_size < 1:
            raise CommandError("--jobs and --chunk-size must be at least 1")
        if jobs > 1 and (dry_run or reextract):
            raise CommandError("--jobs works for importing files, not with --dry-run/--reextract")
        self.verbosity = verbosity
        # Search is reindexed in batches of meetings rather than once per article: the same
        # documents, at a fraction of the cost. A killed run is healed by the next one.
        ingestor = Ingestor(reindex_every=REINDEX_BATCH)
        outcomes: Counter = Counter()
        globs = parse_globs(glob)
        skipped: list[str] = []
        if reextract:
            jobs_list, errors = (
                list(Article.objects.order_by("pk").values_list("pk", flat=True)),
                [],
            )
        else:
            listing = article_files(paths, globs)
            jobs_list, errors, skipped = listing.files, listing.errors, listing.skipped
        for error in errors:
            self._fail(error)
        if verbosity >= 2:
            for name in skipped:
                self.stdout.write(f"{name}: skipped (not an article file)")
        outcomes["failed"] += len(errors)
        total = len(jobs_list) + len(errors)

        notes: list[str] = []  # decoding warnings, one line per file and warning
        if reextract:
            articles = stored_articles(jobs_list)
            results = ((label(a), *import_one(ingestor, a, max_bytes)) for a in articles)
        elif jobs > 1 and len(jobs_list) > 1:
            results = import_in_pool(jobs_list, jobs, max_bytes, ingestor, notes, chunk_size)
        else:
            results = (
                r
                for c in chunks(jobs_list, chunk_size)
                for r in import_files(ingestor, c, max_bytes, notes)
            )
        progress = tqdm(
            results,
            total=len(jobs_list),
            unit="file",
            disable=verbosity < 1 or not sys.stdout.isatty(),
            file=sys.stdout,
        )
        try:
            with transaction.atomic() if dry_run else nullcontext():
                for name, outcome, error in progress:
                    outcomes[outcome] += 1
                    if notes and verbosity >= 1:
                        progress.clear()
                        for note in notes:
                            self.stdout.write(self.style.WARNING(note))
                    notes.clear()
                    if error:
                        progress.clear()
                        self._fail(error)
                    elif verbosity >= 2:
                        progress.write(f"{name}: {outcome}", file=self.stdout)
                ingestor.finish()
                if dry_run:
                    raise DryRun
        except DryRun:
            pass

        self._summary(total, outcomes, ingestor.stats, dry_run, len(skipped), globs)
        if outcomes["failed"]:
            raise CommandError(f"{outcomes['failed']} of {total} files failed", returncode=1)

    def _fail(self, message: str) -> None:
        self.stderr.write(self.style.ERROR(message))

    def _summary(
        self,
        total: int,
        outcomes: Counter,
        stats: Counter,
        dry_run: bool,
        skipped: int,
        globs: tuple[str, ...],
    ) -> None:
        if self.verbosity < 1:
            return
        files = (
            f"{total} files: {outcomes['new']} new, {outcomes['unchanged']} unchanged, "
            f"{outcomes['updated']} updated, {outcomes['failed']} failed"
        )
        if skipped:
            *rest, last = globs
            names = f"{', '.join(rest)} or {last}" if rest else last
            files += f". {skipped} skipped (not {names}; see --glob)"
        rows = ", ".join(
            f"{what} {stats[f'{what} created']} created/{stats[f'{what} updated']} updated"
            for what in ("meetings", "people", "statements", "agreements")
        )
        prefix = "Dry run, nothing written. " if dry_run else ""
        style = self.style.WARNING if outcomes["failed"] else self.style.SUCCESS
        self.stdout.write(style(f"{prefix}{files}."))
        self.stdout.write(f"{rows}.")
