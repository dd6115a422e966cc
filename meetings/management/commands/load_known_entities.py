"""Load the known countries, people and agreements without undoing editors' corrections."""

from pathlib import Path

from django.conf import settings
from django.core import serializers
from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.base import DeserializationError
from django.db import transaction

from meetings.models import Country
from meetings.models.base import Lockable
from meetings.search import meetings_showing, reindex_meetings

DEFAULT_FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "known_entities.json"
# Every country, from scripts/build_countries.py; loaded first, as the other fixtures name
# countries by their ISO codes.
COUNTRIES = Path(settings.BASE_DIR) / "fixtures" / "countries.json"


class Command(BaseCommand):
    help = (
        "Load the countries (fixtures/countries.json), then known entities (well-known people "
        "with aliases, agreements with their surface forms) from a Django JSON fixture with "
        "natural keys. New rows are created; "
        "existing rows get the fixture's values except in fields an editor locked; aliases "
        "an editor moved stay where they are. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("fixture", nargs="?", default=str(DEFAULT_FIXTURE))

    def handle(self, *args, fixture, **options):
        paths = [COUNTRIES, Path(fixture)]
        for path in paths:
            if not path.is_file():
                raise CommandError(f"{path}: no such fixture file")
        counts = {path: {"created": 0, "updated": 0, "unchanged": 0} for path in paths}
        touched = []
        with transaction.atomic():
            for path in dict.fromkeys(paths):
                try:
                    with path.open(encoding="utf-8") as stream:
                        for wrapped in serializers.deserialize("json", stream):
                            outcome = self._merge(wrapped)
                            counts[path][outcome] += 1
                            if outcome != "unchanged":
                                touched.append(wrapped.object)
                except (DeserializationError, ValueError) as exc:
                    raise CommandError(f"{path}: not a valid entity fixture: {exc}") from exc
            # Search shows names and aliases, and cached pages show everything.
            reindex_meetings(set().union(*map(meetings_showing, touched)))
        if options["verbosity"] < 1:
            return
        for path in dict.fromkeys(paths):
            done = counts[path]
            self.stdout.write(
                self.style.SUCCESS(
                    f"{path.name}: {done['created']} created, {done['updated']} updated, "
                    f"{done['unchanged']} unchanged"
                )
            )

    def _merge(self, wrapped) -> str:
        """Create the row, or update its unlocked fields; return which happened."""
        incoming = wrapped.object
        model = type(incoming)
        existing = model._default_manager.filter(pk=incoming.pk).first() if incoming.pk else None
        if existing is None and model is Country:
            # A country created without its code (by an editor, or before the ISO table)
            # becomes this one rather than standing in the way of its name.
            existing = Country.objects.filter(iso_code=None, name_tr=incoming.name_tr).first()
            incoming.pk = existing.pk if existing else None
        if existing is None:
            slug_field = "slug" if any(f.name == "slug" for f in model._meta.fields) else None
            if slug_field and model._default_manager.filter(slug=incoming.slug).exists():
                incoming.slug = ""  # taken by another row: let save() make a unique one
            incoming.save()
            for name, values in (wrapped.m2m_data or {}).items():
                getattr(incoming, name).set(values)
            return "created"
        if not isinstance(existing, Lockable):
            return "unchanged"  # aliases and the like: an editor may have moved them
        changed = []
        for field in model._meta.concrete_fields:
            name = field.attname
            # Keys save() derives from other fields (name_key, surname_key) follow those.
            if field.primary_key or not field.editable or name in {"slug", "locked_fields"}:
                continue
            if existing.is_locked(field.name) or getattr(existing, name) == getattr(incoming, name):
                continue
            setattr(existing, name, getattr(incoming, name))
            changed.append(field.name)
        if changed:
            existing.save()
        for name, values in (wrapped.m2m_data or {}).items():
            if existing.is_locked(name):
                continue
            current = set(getattr(existing, name).values_list("pk", flat=True))
            if current != {int(v) for v in values}:
                getattr(existing, name).set(values)
                changed.append(name)
        return "updated" if changed else "unchanged"
