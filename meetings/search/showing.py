"""Which meetings show a given record: the ones to reindex when it changes."""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from meetings.models import (
    Agreement,
    AgreementAlias,
    Article,
    Country,
    Meeting,
    Person,
    PersonAlias,
    PersonMention,
)


def meetings_showing(obj: models.Model) -> set[int]:
    """The meetings whose pages and search documents show obj."""
    if isinstance(obj, Meeting):
        return {obj.pk}
    if isinstance(obj, Person):
        mentioned = PersonMention.objects.filter(person=obj).values("article")
        return set(
            Meeting.objects.filter(
                Q(participations__person=obj)
                | Q(statements__speaker=obj)
                | Q(reports__article__in=mentioned)
            ).values_list("pk", flat=True)
        )
    if isinstance(obj, Agreement):
        return set(obj.mentions.values_list("meeting_id", flat=True))
    if isinstance(obj, PersonAlias):
        return meetings_showing(obj.person)
    if isinstance(obj, AgreementAlias):
        return meetings_showing(obj.agreement)
    if isinstance(obj, Country):
        return set(Meeting.objects.filter(country=obj).values_list("pk", flat=True))
    if isinstance(obj, Article):
        return set(obj.reports.values_list("meeting_id", flat=True))
    meeting_id = getattr(obj, "meeting_id", None)
    return {meeting_id} if meeting_id else set()
