"""Write the whole database as open data: a CSV per table and Popolo JSON."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from meetings.export.dump import ExportError, export
from meetings.export.values import Permalinks


class Command(BaseCommand):
    help = (
        "Write a full dump into FOLDER (created if missing): meetings, participations, "
        "statements, people, aliases, agreements, agreement_parties, agreement_mentions, "
        "person_mentions, meeting_articles, countries and articles (metadata, no text) as "
        "CSV (UTF-8 with a byte-order mark), and popolo.json (persons, organizations for "
        "countries, memberships for titles held). Files are replaced only when complete."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="where to write the files")
        parser.add_argument(
            "--base-url",
            default="",
            help="the site's address, for permalinks (e.g. https://diplomacy.example.org); "
            "without it they are paths such as /meetings/<slug>/",
        )
        parser.add_argument(
            "--language",
            choices=["tr", "en"],
            default="tr",
            help="the language of the permalinks (en: /en/...)",
        )

    def handle(self, *args, folder, base_url, language, verbosity, **options):
        with translation.override(language):
            links = Permalinks.current(base_url)

        def progress(name: str, n: int) -> None:
            if verbosity >= 1:
                self.stderr.write(f"{name}: {n:,} rows…")

        try:
            written = export(Path(folder), links, progress)
        except ExportError as exc:
            raise CommandError(str(exc)) from exc
        if verbosity < 1:
            return
        for item in written:
            self.stdout.write(f"{item.name}: {item.rows:,} rows ({item.seconds:.1f} s)")
        total = sum(item.seconds for item in written)
        self.stdout.write(
            self.style.SUCCESS(f"Exported {len(written)} files to {folder} in {total:.1f} s.")
        )
