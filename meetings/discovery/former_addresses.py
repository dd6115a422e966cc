"""Remembering a record's former address when an editor changes its slug.

The slug a record was loaded with is kept on the instance (post_init), so a save that
changes it records the old one (FormerSlug) without reading the row again: imports, which
save many rows and never change a slug, pay no extra query.
"""

from __future__ import annotations

from django.db.models.signals import post_init, post_save, pre_save

from meetings.models import Agreement, FormerSlug, Meeting, Person

# The kind of record each model's former slugs are filed under, and its detail route.
KINDS: dict[type, str] = {Meeting: "meeting", Person: "person", Agreement: "agreement"}
LOADED = "_slug_as_loaded"


def remember_loaded_slug(sender, instance, **kwargs) -> None:
    """Note the slug a record has as it is read (absent when the slug was deferred)."""
    slug = instance.__dict__.get("slug")
    if slug and instance.pk is not None:
        setattr(instance, LOADED, slug)


def remember_changed_slug(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    """Before a record is saved under a new slug, file the old one as a former address."""
    if raw or instance._state.adding:
        return
    if update_fields is not None and "slug" not in update_fields:
        return
    old = getattr(instance, LOADED, None)
    if old and old != instance.slug:
        FormerSlug.remember(KINDS[sender], old, instance.pk)


def note_saved_slug(sender, instance, raw=False, **kwargs) -> None:
    """After a save the record's current slug is the one a later change moves away from."""
    if instance.slug:
        setattr(instance, LOADED, instance.slug)


def connect() -> None:
    """Connect the receivers for meetings, people and agreements (from the app's ready())."""
    for model in KINDS:
        uid = f"former_slug_{model.__name__}"
        post_init.connect(remember_loaded_slug, sender=model, dispatch_uid=f"{uid}_init")
        pre_save.connect(remember_changed_slug, sender=model, dispatch_uid=f"{uid}_pre")
        post_save.connect(note_saved_slug, sender=model, dispatch_uid=f"{uid}_post")
