"""Writing one article's child rows: create new ones, update unlocked fields, drop stale ones."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import models

from meetings.models import DeletedImport


def digest(*parts: object) -> str:
    """A short stable hash of the parts, for import keys."""
    text = "\x1f".join(str(p) for p in parts)
    return hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()[:16]


@dataclass
class Desired:
    """A row the current extraction wants to exist, by its import key."""

    key: str
    fields: dict[str, object]


@dataclass
class SyncResult:
    """What syncing did, and the rows that now stand for each key."""

    created: int = 0
    updated: int = 0
    deleted: int = 0
    rows: dict[str, models.Model] = field(default_factory=dict)


def sync_rows(
    model: type[models.Model],
    existing: models.QuerySet | None,
    desired: list[Desired],
    insert: Callable[[type[models.Model], list[models.Model]], None] | None = None,
) -> SyncResult:
    """Make the rows in existing match desired, respecting editors; insert(model, rows)
    writes the new rows (default: one bulk INSERT now).

    existing is None for an article stored just now: its keys cannot have rows or
    tombstones yet, so there is nothing to look up.

    - a key an editor deleted (DeletedImport) is not created again;
    - a field an editor locked is not overwritten;
    - a stale row (no longer extracted) is deleted unless an editor touched it.
    """
    result = SyncResult()
    current = {row.import_key: row for row in existing} if existing is not None else {}
    tombstones = set()
    if existing is not None and desired:
        tombstones = set(
            DeletedImport.objects.filter(import_key__in=[d.key for d in desired]).values_list(
                "import_key", flat=True
            )
        )
    to_create = []
    for item in desired:
        if item.key in tombstones:
            continue
        row = current.pop(item.key, None)
        if row is None:
            row = model(import_key=item.key, **item.fields)
            to_create.append(row)
        else:
            changed = [
                name
                for name, value in item.fields.items()
                if not row.is_locked(name.removesuffix("_id")) and getattr(row, name) != value
            ]
            for name in changed:
                setattr(row, name, item.fields[name])
            if changed:
                row.save(update_fields=changed)
                result.updated += 1
        result.rows[item.key] = row
    if to_create:
        if insert is None:
            model.objects.bulk_create(to_create)
        else:
            insert(model, to_create)
        result.created = len(to_create)
    stale = [row.pk for row in current.values() if not row.locked_fields]
    if stale:
        model.objects.filter(pk__in=stale).delete()
        result.deleted = len(stale)
    return result


def occurrence_keys(prefix: str, identities: list[tuple]) -> list[str]:
    """Import keys for a list of items, numbering repeats so each key stays unique."""
    seen: Counter = Counter()
    keys = []
    for identity in identities:
        seen[identity] += 1
        keys.append(f"{prefix}{digest(*identity, seen[identity])}")
    return keys
