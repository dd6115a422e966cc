"""Show what the extractor reads from article files, without touching the database."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from meetings.extraction import ExtractedArticle, ExtractionError, extract
from meetings.ingest.files import MAX_BYTES, check_size


class Command(BaseCommand):
    help = (
        "Read Turkish news articles and print what would be imported, without touching the "
        "database. Without --json: a short summary per file (meetings, participants with "
        "roles and titles, statement counts, agreements, warnings). With --json: the "
        "DESIGN.md extraction contract; one FILE prints one JSON object, several FILEs print "
        "one JSON array with an object per readable file. A file that cannot be read or "
        "decoded, or is larger than --max-bytes (as for import_articles), is reported on "
        "stderr and the others are still read; the exit status is non-zero if any file failed."
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

    def handle(
        self,
        *args,
        files: list[Path],
        json: bool = False,
        max_bytes: int = MAX_BYTES,
        verbosity: int = 1,
        **options,
    ):
        records: list[dict[str, Any]] = []
        failed: list[str] = []
        for path in files:
            try:
                check_size(path, max_bytes)
                article = extract(path.read_bytes(), path.name)
            except (OSError, ExtractionError, ValueError) as exc:
                reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
                self.stderr.write(f"{path}: {reason}")
                failed.append(str(path))
                continue
            if json:
                records.append(article.to_json())
            else:
                self.stdout.write(self._summary(path, article, verbosity))
        if json and records:
            payload: Any = records[0] if len(files) == 1 else records
            self.stdout.write(_dumps(payload))
        if failed:
            raise CommandError(f"{len(failed)} of {len(files)} files could not be read")

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
