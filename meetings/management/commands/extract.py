"""Show what the extractor reads from article files, without touching the database."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from meetings.extraction import ExtractedArticle, ExtractionError, extract
from meetings.ingest.files import (
    ARTICLE_GLOBS,
    MAX_BYTES,
    FileProblem,
    article_files,
    parse_globs,
    read_bytes,
)


class Command(BaseCommand):
    help = (
        "Read Turkish news articles and print what would be imported, without touching the "
        "database. A FILE may be a directory: its article files are read "
        f"({', '.join(ARTICLE_GLOBS)}, or --glob). Without --json: a short summary per file "
        "(meetings, participants with roles and titles, statement counts, agreements, "
        "warnings). With --json: the DESIGN.md extraction contract; one FILE prints one JSON "
        "object, several FILEs print one JSON array with an object per readable file. A file "
        "that cannot be read or decoded, is not a regular file, or is larger than --max-bytes "
        "(as for import_articles), is reported on stderr and the others are still read; the "
        "exit status is non-zero if any file failed."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
        parser.add_argument("--json", action="store_true", help="Print the JSON contract.")
        parser.add_argument(
            "--max-bytes",
            type=int,
            default=MAX_BYTES,
            help=f"Refuse files larger than this (default {MAX_BYTES:,}), as import_articles does.",
        )
        parser.add_argument(
            "--glob",
            action="append",
            metavar="PATTERN",
            help=f"Which files of a directory to read, as for import_articles "
            f"(default {','.join(ARTICLE_GLOBS)}).",
        )

    def handle(
        self,
        *args,
        files: list[Path],
        json: bool = False,
        max_bytes: int = MAX_BYTES,
        verbosity: int = 1,
        glob: list[str] | None = None,
        **options,
    ):
        records: list[dict[str, Any]] = []
        failed: list[str] = []
        paths: list[Path] = []
        unlisted = 0  # paths inside directories that could not be listed or are not files
        for path in files:
            if path.is_dir():
                listing = article_files([path], parse_globs(glob))
                paths += map(Path, listing.files)
                for error in listing.errors:
                    self.stderr.write(error)
                    failed.append(error)
                unlisted += len(listing.errors)
            else:
                paths.append(path)
        for path in paths:
            try:
                article = extract(read_bytes(path, max_bytes), path.name)
            except (OSError, ExtractionError, FileProblem, ValueError) as exc:
                reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
                self.stderr.write(f"{path}: {reason}")
                failed.append(str(path))
                continue
            if json:
                records.append(article.to_json())
            else:
                self.stdout.write(self._summary(path, article, verbosity))
        if json and records:
            one = len(files) == 1 and paths == files
            payload: Any = records[0] if one else records
            self.stdout.write(_dumps(payload))
        if failed:
            total = len(paths) + unlisted
            raise CommandError(f"{len(failed)} of {total} files could not be read")

    def _summary(self, path: Path, article: ExtractedArticle, verbosity: int) -> str:
        lines = [self.style.MIGRATE_HEADING(f"{path.name}: {article.source.title}")]
        date = article.source.date
        lines.append(f"  date: {date.iso() or 'unknown'} ({date.precision})")
        for number, meeting in enumerate(article.meetings, start=1):
            where = (
                f" in {meeting.location.name}"
                + (f" ({meeting.location.country})" if meeting.location.country else "")
                if meeting.location
                else ""
            )
            when = meeting.date.iso() or "date unknown"
            lines.append(f"  meeting {number}: {meeting.kind}{where}, {when}")
            for p in meeting.participants:
                title = f", {p.title}" if p.title else ""
                country = f" ({p.country})" if p.country else ""
                lines.append(f"    {p.role}: {p.name}{title}{country}")
            direct = sum(1 for s in meeting.statements if s.direct)
            lines.append(
                f"    statements: {len(meeting.statements)} "
                f"({direct} direct, {len(meeting.statements) - direct} reported)"
            )
            if verbosity >= 2:
                for s in meeting.statements:
                    words = " ".join(s.text.split()[:8])
                    lines.append(f"      {s.speaker or '(unknown)'}: {words}…")
            if meeting.review:
                lines.append(f"    review: {', '.join(meeting.review)}")
            for a in meeting.agreements:
                parties = ", ".join(a.parties) or "parties unknown"
                lines.append(
                    f"    agreement: {a.name} [{a.status}] {parties}; {len(a.mentions)} mention(s)"
                )
        for p in article.mentioned_persons:
            title = f", {p.title}" if p.title else ""
            lines.append(f"  mentioned: {p.name}{title}")
        for warning in article.warnings:
            lines.append(self.style.WARNING(f"  warning: {warning}"))
        return "\n".join(lines) + "\n"


def _dumps(payload: Any) -> str:
    return json.dumps(payload, ensure_ascii=False, indent=2)
