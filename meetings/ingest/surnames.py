"""What a surname alone named, resolved again once the full-named people who bear it are known."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Q

from meetings.extraction.lexicon import lexicon
from meetings.extraction.reasons import Reason
from meetings.extraction.turkish import name_key
from meetings.models import Meeting, Participation, Person, PersonMention, Statement

# Each kind of link from a row to a person: (model, link field, name as written, title field).
LINKS = (
    (Participation, "person", "raw_name", "title"),
    (Statement, "speaker", "speaker_name", None),
    (PersonMention, "person", "raw_name", "title"),
)


def bearers(people: list[Person], country_id: int | None) -> list[Person]:
    """The people a surname alone may stand for: those of the country, where it is known
    (and those whose country is not known)."""
    if country_id is None:
        return people
    return [p for p in people if p.country_id in (None, country_id)]


def relink_surnames(lone: list[Person], namesakes: set[str], resolver) -> None:
    """Point surname-only links at the one full-named bearer of the surname, or at nobody.

    lone: people recorded under a surname alone, whose links move to the surname's one
    bearer (of the link's country, where known) and who are deleted once nothing refers to
    them. namesakes: surnames a second full-named person now bears: the surname-only links
    to their bearers are resolved again, and left without a person, their meetings flagged
    ambiguous_name, when the surname no longer singles anyone out. Links an editor locked
    never move. resolver.relinked gains the meetings whose links changed.
    """
    surnames = {p.name_key for p in lone} | namesakes
    by_surname: dict[str, list[Person]] = defaultdict(list)
    for person in Person.objects.filter(surname_key__in=surnames).order_by("pk"):
        if " " in person.name_key:
            by_surname[person.surname_key].append(person)
    lone_country = {p.pk: p.country_id for p in lone}
    revisit = [p.pk for key in namesakes for p in by_surname[key]]
    moves: dict[tuple, list[int]] = defaultdict(list)
    ambiguous: set[int] = set()
    for model, field, raw, title in LINKS:
        attname = f"{field}_id"
        rows = model.objects.filter(
            Q(**{f"{field}__in": list(lone_country)})
            | (Q(**{f"{field}__in": revisit}) & ~Q(**{f"{raw}__contains": " "}))
        )
        for row in rows:
            key = name_key(getattr(row, raw))
            if row.is_locked(field) or key not in surnames:
                continue
            country = _country_of(resolver, getattr(row, title)) if title else None
            if country is None:
                country = lone_country.get(getattr(row, attname))
            candidates = bearers(by_surname[key], country)
            if not candidates:
                continue  # no bearer of that country: the lone person stays theirs
            target = candidates[0].pk if len(candidates) == 1 else None
            if target == getattr(row, attname):
                continue
            moves[(model, attname, target)].append(row.pk)
            meeting = getattr(row, "meeting_id", None)
            if meeting is not None:
                resolver.relinked.add(meeting)
                if target is None:
                    ambiguous.add(meeting)
    for (model, attname, target), pks in moves.items():
        model.objects.filter(pk__in=pks).update(**{attname: target})
    _flag(ambiguous)
    _delete_unreferenced(lone)


def _country_of(resolver, title: str) -> int | None:
    """The country a title names ("Kenya Dışişleri Bakanı"), if any."""
    words = lexicon()
    for word in name_key(title or "").split():
        name = words.country_of_word(word)
        if name:
            country = resolver.country(name)
            return country.pk if country else None
    return None


def _flag(meeting_ids: set[int]) -> None:
    """Flag meetings whose surname-only names became ambiguous (not over an editor's lock)."""
    for meeting in Meeting.objects.filter(pk__in=meeting_ids):
        if meeting.is_locked("needs_review") or meeting.is_locked("review_reasons"):
            continue
        meeting.flag(Reason.AMBIGUOUS_NAME.value)
        meeting.save(update_fields=["needs_review", "review_reasons"])


def _delete_unreferenced(lone: list[Person]) -> None:
    """Delete the people recorded under a surname alone whom nothing refers to any more,
    unless an editor touched them."""
    pks = [p.pk for p in lone if not p.locked_fields and not p.notes]
    if not pks:
        return
    referred = Person.objects.filter(pk__in=pks).filter(
        Q(participations__isnull=False)
        | Q(statements__isnull=False)
        | Q(mentions__isnull=False)
        | Q(aliases__isnull=False)
    )
    Person.objects.filter(pk__in=set(pks) - set(referred.values_list("pk", flat=True))).delete()
