"""Admin behaviour that records editors' work so the importer respects it."""

from django.contrib import admin
from django.db import models

from meetings.models import DeletedImport
from meetings.models.base import Lockable
from meetings.search import meetings_showing, reindex_meetings

# Bookkeeping fields an editor may touch without it counting as a correction.
_NOT_LOCKABLE = {"locked_fields"}


def lock_changed_fields(obj: models.Model) -> list[str]:
    """Lock the fields whose values an editor changed on obj; return the ones newly locked.

    Compares with the stored row rather than trusting the form's changed_data, which also
    reports fields whose value only looks different (an empty JSON list, for one).
    """
    if not isinstance(obj, Lockable) or obj.pk is None:
        return []
    stored = type(obj)._default_manager.filter(pk=obj.pk).first()
    if stored is None:
        return []
    changed = [
        f.name
        for f in obj._meta.concrete_fields
        if f.name not in _NOT_LOCKABLE
        and not f.primary_key
        and f.editable
        and getattr(stored, f.attname) != getattr(obj, f.attname)
    ]
    return obj.lock(*changed)


def remember_deletion(obj: models.Model) -> None:
    """Record that an editor deleted an imported row, so a re-import skips it."""
    key = getattr(obj, "import_key", None)
    if key:
        DeletedImport.objects.get_or_create(
            import_key=key,
            defaults={"model": obj._meta.model_name, "description": str(obj)[:300]},
        )


class ReindexMixin:
    """Keeps search, and the cached pages, showing what an editor saved or deleted.

    Reindexing also moves the data generation on, which retires every cached page, even
    when no meeting shows the object (an alias of a person who never met anyone)."""

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        reindex_meetings(meetings_showing(form.instance))

    def delete_model(self, request, obj):
        meetings = meetings_showing(obj)
        super().delete_model(request, obj)
        reindex_meetings(meetings)

    def delete_queryset(self, request, queryset):
        meetings = set()
        for obj in queryset:
            meetings |= meetings_showing(obj)
        super().delete_queryset(request, queryset)
        reindex_meetings(meetings)


class EditorLockMixin(ReindexMixin):
    """Locks every field an editor changes, remembers imported rows they delete, and keeps
    the search index showing the editor's version."""

    def save_model(self, request, obj, form, change):
        if change:
            lock_changed_fields(obj)
        super().save_model(request, obj, form, change)

    def delete_model(self, request, obj):
        remember_deletion(obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            remember_deletion(obj)
        super().delete_queryset(request, queryset)

    def save_formset(self, request, form, formset, change):
        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            remember_deletion(obj)
            obj.delete()
        for obj in instances:
            lock_changed_fields(obj)
            obj.save()
        formset.save_m2m()


class ProvenanceInlineMixin:
    """Inline rows show where they came from, read-only."""

    provenance_fields = ("article", "span_start", "span_end")

    def get_readonly_fields(self, request, obj=None):
        return (*super().get_readonly_fields(request, obj), *self.provenance_fields)


class LockedFieldsFilter(admin.SimpleListFilter):
    """Rows an editor has corrected, or not."""

    title = "editor corrections"
    parameter_name = "edited"

    def lookups(self, request, model_admin):
        return [("yes", "corrected by an editor"), ("no", "as imported")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.exclude(locked_fields=[])
        if self.value() == "no":
            return queryset.filter(locked_fields=[])
        return queryset
