"""Merging records of one meeting (two outlets' reports of one event, or a duplicate the
importer flagged) into one, keeping both sources and everything read from them.

The merge is recorded where the importer looks: every report (article, number) of a merged
meeting now points at the meeting kept, so a re-import of either source, or a changed file,
updates the meeting kept and never makes the merged one again. The merged meeting's
deletion is not an editor's deletion: with no report left, it leaves no DeletedImport.
"""

from __future__ import annotations

from django.db import transaction

from meetings.extraction.reasons import NOTES, Reason
from meetings.extraction.turkish import name_key
from meetings.models import (
    AgreementMention,
    DeletedImport,
    FormerSlug,
    Meeting,
    MeetingReport,
    Participation,
    Statement,
)

# The meeting's own fields, in groups that go together; the merge locks them all, so that a
# re-import of one source does not undo the editor's choice with that source's reading.
FIELD_GROUPS = (("title",), ("kind",), ("date", "date_precision"), ("location",), ("country",))
REVIEW_FIELDS = ("needs_review", "review_reasons")
# Reasons the merge itself answers or makes untrue.
_ANSWERED = {Reason.POSSIBLE_DUPLICATE.value}
_ROLE_RANK = {"host": 0, "guest": 1}


@transaction.atomic
def merge_meetings(survivor: Meeting, others: list[Meeting]) -> dict[str, int]:
    """Move the others' reports, participants, statements and agreement mentions onto
    survivor, then delete them; return how many of each moved (and duplicates dropped)."""
    others = [m for m in others if m.pk != survivor.pk]
    ids = [m.pk for m in others]
    moved = {"reports": MeetingReport.objects.filter(meeting_id__in=ids).update(meeting=survivor)}
    moved["participations"], moved["duplicates"] = _merge_participations(survivor, ids)
    moved["statements"] = _move_statements(survivor, ids)
    moved["mentions"] = 0
    for mention in AgreementMention.objects.filter(meeting_id__in=ids):
        mention.meeting = survivor
        mention.save()  # one by one, so each move is in the row's history
        moved["mentions"] += 1
    _merge_fields(survivor, others)
    survivor._change_reason = "merged in " + ", ".join(f"#{m.pk}" for m in others)
    survivor.save()
    for other in others:  # the merged meeting's page redirects to the survivor's
        FormerSlug.remember("meeting", other.slug, survivor.pk, merged_id=other.pk)
    Meeting.objects.filter(pk__in=ids).delete()
    return moved


def _merge_participations(survivor: Meeting, ids: list[int]) -> tuple[int, int]:
    """One row per person on the survivor: a locked row before an unlocked one, the
    survivor's own before a merged one's, host and guest before delegation. An unresolved
    name from a merged meeting that names exactly one kept participant ("Lavrov" beside
    Sergey Lavrov) goes too, unless an editor locked it. Dropped rows are remembered
    (DeletedImport), so a re-import does not add them again. Returns (moved, dropped)."""
    rows = list(
        Participation.objects.filter(meeting_id__in=[survivor.pk, *ids]).select_related("person")
    )
    rows.sort(
        key=lambda p: (
            not p.locked_fields,
            p.meeting_id != survivor.pk,
            _ROLE_RANK.get(p.role, 2),
            p.pk,
        )
    )
    kept, dropped, seen = [], [], set()
    for row in rows:
        who = ("person", row.person_id) if row.person_id else ("name", name_key(row.raw_name))
        (dropped if who in seen else kept).append(row)
        seen.add(who)
    named: dict[str, set[int]] = {}
    for row in kept:
        if row.person_id:
            for key in {name_key(row.raw_name), name_key(row.person.name)}:
                for form in {key, key.rsplit(" ", 1)[-1]}:
                    named.setdefault(form, set()).add(row.person_id)
    for row in list(kept):
        if row.person_id or row.locked_fields or row.meeting_id == survivor.pk:
            continue
        if len(named.get(name_key(row.raw_name), ())) == 1:
            kept.remove(row)
            dropped.append(row)
    moved = 0
    for row in kept:
        if row.meeting_id != survivor.pk:
            row.meeting = survivor
            row.save()
            moved += 1
    for row in dropped:
        _forget(row, survivor)
    return moved, len(dropped)


def _forget(row, survivor: Meeting) -> None:
    """Delete a row the merge made redundant, so that no re-import brings it back."""
    if row.import_key:
        DeletedImport.objects.get_or_create(
            import_key=row.import_key,
            defaults={
                "model": row._meta.model_name,
                "description": f"{row} (merged into meeting #{survivor.pk})"[:300],
            },
        )
    row.delete()


def _move_statements(survivor: Meeting, ids: list[int]) -> int:
    """The merged meetings' statements follow the survivor's, each meeting's in its order.
    Their new order is locked, so a re-import of their source does not interleave them."""
    last = survivor.statements.order_by("-order").values_list("order", flat=True).first()
    order = -1 if last is None else last
    moving = Statement.objects.filter(meeting_id__in=ids)
    by_meeting = {pk: n for n, pk in enumerate(ids)}
    statements = sorted(moving, key=lambda s: (by_meeting[s.meeting_id], s.order, s.pk))
    for statement in statements:
        order += 1
        statement.meeting, statement.order = survivor, order
        statement.lock("order")
        statement.save()
    return len(statements)


def _empty(meeting: Meeting, group: tuple[str, ...]) -> bool:
    values = {name: getattr(meeting, name) for name in group}
    return (
        values.get("date_precision") == "unknown"
        or values.get("kind") == "other"
        or all(v in (None, "") for v in values.values())
    )


def _merge_fields(survivor: Meeting, others: list[Meeting]) -> None:
    """The survivor's fields, but where an editor locked a merged meeting's (and not the
    survivor's) or the survivor knows nothing (no date, no place); then locked. Its review
    reasons are all of theirs but what the merge answers, unless an editor locked them."""
    for group in FIELD_GROUPS:
        if any(survivor.is_locked(name) for name in group):
            continue
        donor = next((m for m in others if any(m.is_locked(name) for name in group)), None)
        if donor is None and _empty(survivor, group):
            donor = next((m for m in others if not _empty(m, group)), None)
        for name in group if donor else ():
            field = Meeting._meta.get_field(name)
            setattr(survivor, field.attname, getattr(donor, field.attname))
    if not any(survivor.is_locked(name) for name in REVIEW_FIELDS):
        reasons: list[str] = []
        for meeting in [survivor, *others]:
            reasons += [r for r in meeting.review_reasons if r not in reasons]
        reasons = [r for r in reasons if r not in _ANSWERED]
        if survivor.date is not None:
            reasons = [r for r in reasons if r != Reason.DATE_UNKNOWN.value]
        queued = any(m.needs_review for m in [survivor, *others])
        survivor.review_reasons = reasons
        survivor.needs_review = queued and any(r not in NOTES for r in reasons)
    survivor.lock(*(name for group in FIELD_GROUPS for name in group), *REVIEW_FIELDS)
