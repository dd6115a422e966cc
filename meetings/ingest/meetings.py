"""Meeting identity: its fields from an extraction, and when two reports are one meeting."""

from __future__ import annotations

import datetime as dt

from django.db import connection

from meetings.extraction.records import Meeting as ExtractedMeeting
from meetings.extraction.records import PartialDate
from meetings.extraction.turkish import fold, name_key
from meetings.ingest.rows import digest
from meetings.models import Country, Meeting, Role
from meetings.models.base import normalise_partial_date, unique_slug

_ORDER = {"year": 1, "month": 2, "day": 3}


def _names(found: ExtractedMeeting, role: str) -> list[str]:
    return [p.name for p in found.participants if p.role == role]


def meeting_title(found: ExtractedMeeting) -> str:
    """A readable title from who met whom, and where: "İlham Aliyev – Sergey Lavrov (Bakü)"."""
    principals = _names(found, "host") + _names(found, "guest")
    if not principals:
        principals = [p.name for p in found.participants][:2]
    title = " – ".join(principals) or "Görüşme"
    if found.location:
        title += f" ({found.location.name})"
    return title[:300]


def meeting_fields(found: ExtractedMeeting, country: Country | None) -> dict:
    """The Meeting columns an extraction determines."""
    return {
        "title": meeting_title(found),
        "date": normalise_partial_date(found.date.value, found.date.precision),
        "date_precision": found.date.precision,
        "location": found.location.name[:200] if found.location else "",
        "country_id": country.pk if country else None,
        "kind": found.kind,
    }


def new_meeting_slug(found: ExtractedMeeting) -> str:
    """A stable slug: the date as known, then the principals' surnames."""
    surnames = [n.split()[-1] for n in (_names(found, "host") + _names(found, "guest"))[:2]]
    date = found.date.iso() or "tarihsiz"
    return unique_slug(Meeting, " ".join([date, *surnames]))


def dates_agree(a: dt.date, a_precision: str, b: PartialDate) -> bool:
    """Whether two partial dates can be the same day, compared at their shared precision."""
    if a is None or b.value is None:
        return False
    shared = min(_ORDER[a_precision], _ORDER[b.precision])
    if a.year != b.value.year:
        return False
    if shared >= 2 and a.month != b.value.month:
        return False
    return shared < 3 or a.day == b.value.day


def _principal_ids(found: ExtractedMeeting, participants: dict, role: str) -> set[int]:
    ids = set()
    for p in found.participants:
        match = participants.get(name_key(p.name))
        if p.role == role and match and match.person:
            ids.add(match.person.pk)
    return ids


def same_principals(
    found: ExtractedMeeting, participants: dict, exclude: Meeting | None = None, year=None
):
    """Meetings with the same host and guest (as people) at the same place; in year if given."""
    hosts = _principal_ids(found, participants, "host")
    guests = _principal_ids(found, participants, "guest")
    if not hosts or not guests:
        return Meeting.objects.none()
    _serialise(hosts, guests)
    meetings = (
        Meeting.objects.filter(participations__role=Role.HOST, participations__person__in=hosts)
        .filter(participations__role=Role.GUEST, participations__person__in=guests)
        .distinct()
    )
    if exclude is not None:
        meetings = meetings.exclude(pk=exclude.pk)
    if year is not None:
        # An index range on the date instead of every meeting the two ever had.
        meetings = meetings.filter(date__gte=dt.date(year, 1, 1), date__lte=dt.date(year, 12, 31))
    place = fold(found.location.name) if found.location else ""
    return [m for m in meetings if not place or not m.location or fold(m.location) == place]


def find_same_meeting(found: ExtractedMeeting, participants: dict) -> Meeting | None:
    """The meeting another article already reported, if this is the same one.

    Same host, guest and place, and dates that agree at their shared precision. A meeting
    with no known date never merges: see possible_duplicate.
    """
    if found.date.precision == "unknown":
        return None
    for meeting in same_principals(found, participants, year=found.date.value.year):
        if dates_agree(meeting.date, meeting.date_precision, found.date):
            return meeting
    return None


def possible_duplicate(found: ExtractedMeeting, participants: dict, meeting: Meeting) -> bool:
    """Whether another meeting has the same people and place, whatever its date."""
    return bool(same_principals(found, participants, exclude=meeting))


def _serialise(hosts: set[int], guests: set[int]) -> None:
    """On PostgreSQL, importers of the same principals take turns, so a meeting two articles
    report at once is still created only once. SQLite already serialises writers."""
    if connection.vendor != "postgresql":
        return
    key = int(digest(sorted(hosts), sorted(guests)), 16) & 0x7FFFFFFFFFFFFFFF
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])
