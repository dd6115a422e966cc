"""Merging duplicate Person records into one, keeping everything attached to them."""

from django.db import transaction

from meetings.extraction.turkish import name_key
from meetings.models import (
    FormerSlug,
    Participation,
    Person,
    PersonAlias,
    PersonMention,
    Statement,
)


def add_alias(person: Person, name: str) -> bool:
    """Give person the alias name, unless it is their own name; return whether it was new."""
    return add_alias_to(person, name, PersonAlias, "person")


def add_alias_to(owner, name: str, alias_model, owner_field: str) -> bool:
    """Give a person or an agreement the alias name (moving it from whoever held it), unless
    it is the owner's own name; return whether the alias is new."""
    key = name_key(name)
    if not key or key == owner.name_key:
        return False
    alias, created = alias_model.objects.get_or_create(
        key=key, defaults={owner_field: owner, "name": name}
    )
    if not created and getattr(alias, f"{owner_field}_id") != owner.pk:
        setattr(alias, owner_field, owner)
        alias.save(update_fields=[owner_field])
    return created


@transaction.atomic
def merge_people(survivor: Person, others: list[Person]) -> dict[str, int]:
    """Move the others' participations, statements, mentions and names onto survivor, then
    delete them.

    Each merged person's name and aliases become aliases of the survivor, so the next import
    resolves those spellings to the survivor: the merge stays merged.
    """
    others = [p for p in others if p.pk != survivor.pk]
    ids = [p.pk for p in others]
    moved = {
        "participations": Participation.objects.filter(person_id__in=ids).update(person=survivor),
        "statements": Statement.objects.filter(speaker_id__in=ids).update(speaker=survivor),
        "mentions": PersonMention.objects.filter(person_id__in=ids).update(person=survivor),
    }
    names = [p.name for p in others]
    names += PersonAlias.objects.filter(person_id__in=ids).values_list("name", flat=True)
    PersonAlias.objects.filter(person_id__in=ids).delete()
    if survivor.country_id is None:
        survivor.country_id = next((p.country_id for p in others if p.country_id), None)
        survivor.save(update_fields=["country"])
    for other in others:  # their pages redirect to the survivor's, so no cited link breaks
        FormerSlug.remember("person", other.slug, survivor.pk, merged_id=other.pk)
    Person.objects.filter(pk__in=ids).delete()
    moved["aliases"] = sum(add_alias(survivor, name) for name in names)
    return moved
