"""Rebuild the full-text search index from the database."""

from django.core.management.base import BaseCommand

from meetings.search import reindex_all


class Command(BaseCommand):
    help = (
        "Rebuild the search index of every meeting and statement from the database. Imports "
        "and admin edits keep it up to date; run this after restoring a database, or after "
        "changing how documents are built."
    )

    def handle(self, *args, verbosity, **options):
        written = reindex_all()
        if verbosity >= 1:
            self.stdout.write(self.style.SUCCESS(f"Indexed {written} search documents."))
