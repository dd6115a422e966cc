"""Meeting identity: its fields from an extraction, and when two reports are one meeting."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db import connection

from meetings.extraction.records import Meeting as ExtractedMeeting
from meetings.extraction.records import PartialDate
from meetings.extraction.turkish import fold, name_key
from meetings.models import Country, Meeting, Participation, Role
from meetings.models.base import normalise_partial_date, slug_base, slug_suffix

_ORDER = {"year": 1, "month": 2, "day": 3}
MEETINGS_LOCK = 0x6D656574  # "meet": the advisory lock importers place meetings under


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


def meeting_slug_base(found: ExtractedMeeting, identity: str) -> str:
    """A stable slug before de-duplication: the date as known, then the principals' surnames.

    A meeting with no date ends in its identity's suffix ("tarihsiz-aliyev-lavrov-3fa2"):
    such meetings are never merged, so many share a base, and which of them would have it
    bare would depend on which file came first.
    """
    surnames = [n.split()[-1] for n in (_names(found, "host") + _names(found, "guest"))[:2]]
    base = slug_base(" ".join([found.date.iso() or "tarihsiz", *surnames]))
    return base if found.date.iso() else f"{base}-{slug_suffix(identity)}"


def meeting_slug_identity(meeting: Meeting, article, index: int) -> str:
    """What tells a new meeting from another with the same slug base, whatever the order of
    the files: its fields and, for a meeting with no date (never merged with another
    report), the content and number of the one report that has it."""
    parts = [meeting.title, str(meeting.date), meeting.location, meeting.kind]
    if meeting.date is None:
        parts.append(f"{article.sha256}:{index}")
    return "|".join(parts)


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


def principal_ids(found: ExtractedMeeting, participants: dict) -> tuple[set[int], set[int]]:
    """The ids of the people who hosted and who were received, as resolved."""
    ids: dict[str, set[int]] = {"host": set(), "guest": set()}
    for p in found.participants:
        match = participants.get(name_key(p.name))
        if p.role in ids and match and match.person:
            ids[p.role].add(match.person.pk)
    return ids["host"], ids["guest"]


@dataclass
class _Known:
    meeting: Meeting
    hosts: set[int]
    guests: set[int]


class MeetingIndex:
    """The stored meetings between some hosts and guests, to tell whether a report is of a
    meeting already known.

    Loaded for one article, or for a whole chunk of articles, in two queries; meetings
    created meanwhile are added with add(). The caller holds lock_meetings(), so no other
    importer adds a meeting between the loading and the commit.
    """

    def __init__(self) -> None:
        self._by_host: dict[int, list[_Known]] = defaultdict(list)
        # Who takes part in each known meeting, and through which article: a person takes
        # part once, however many reports list them (see present).
        self._present: dict[int, dict[int, int | None]] = defaultdict(dict)
        self._loaded: set[int] = set()  # meetings whose participants _present holds
        self._new: dict[int, Meeting] = {}  # meetings created meanwhile, by id(): nobody yet

    @classmethod
    def load(cls, pairs: list[tuple[set[int], set[int]]]) -> MeetingIndex:
        """The stored meetings of every (hosts, guests) pair, in two queries.

        Each is remembered with those of its hosts and guests that some pair names, which is
        all that same_principals asks about. Reading (meeting, host, guest) ids first, and
        only then the meetings that really have a wanted pair, keeps a chunk from loading
        every meeting between any of its hosts and any of its guests: six times as many, in
        a chunk of the benchmark corpus at 30,000 articles.
        """
        index = cls()
        wanted = {(h, g) for hosts, guests in pairs for h in hosts for g in guests}
        if not wanted:
            return index
        rows = (
            Participation.objects.filter(role=Role.HOST, person__in={h for h, _ in wanted})
            .filter(
                meeting__participations__role=Role.GUEST,
                meeting__participations__person__in={g for _, g in wanted},
            )
            .order_by()
            .values_list("meeting_id", "person_id", "meeting__participations__person_id")
        )
        principals: dict[int, tuple[set[int], set[int]]] = {}
        for meeting_id, host, guest in rows:
            if (host, guest) in wanted:
                meeting_hosts, meeting_guests = principals.setdefault(meeting_id, (set(), set()))
                meeting_hosts.add(host)
                meeting_guests.add(guest)
        for meeting in Meeting.objects.filter(pk__in=principals):  # newest first
            index.add(meeting, *principals[meeting.pk])
        index.load_present(principals)
        return index

    def load_present(self, meeting_ids) -> None:
        """Read who takes part in these stored meetings, in one query."""
        self._loaded.update(meeting_ids)
        rows = Participation.objects.filter(meeting__in=meeting_ids, person__isnull=False)
        for meeting_id, person_id, article_id in rows.order_by("pk").values_list(
            "meeting_id", "person_id", "article_id"
        ):
            self._present[meeting_id].setdefault(person_id, article_id)

    def present(self, meeting: Meeting, person_id: int, article_id: int) -> bool:
        """Whether the person already takes part in the meeting through another article;
        if not, they take part through this one from now on."""
        if meeting.pk not in self._loaded and id(meeting) not in self._new:
            # A stored meeting found through its report, not through its principals.
            self.load_present([meeting.pk])
        owner = self._present[meeting.pk].setdefault(person_id, article_id)
        return owner != article_id

    def add(self, meeting: Meeting, hosts: set[int], guests: set[int]) -> None:
        """Remember a meeting with these principals (one just created, say)."""
        known = _Known(meeting, set(hosts), set(guests))
        if meeting._state.adding:  # (its id may come later, with the chunk's)
            self._new[id(meeting)] = meeting
        for host in hosts:
            self._by_host[host].append(known)

    def same_principals(
        self, found: ExtractedMeeting, participants: dict, exclude: Meeting | None = None
    ) -> list[Meeting]:
        """Meetings with the same host and guest (as people) at the same place."""
        hosts, guests = principal_ids(found, participants)
        place = fold(found.location.name) if found.location else ""
        seen, same = set(), []
        for host in sorted(hosts):
            for known in self._by_host.get(host, ()):
                meeting = known.meeting
                if id(meeting) in seen or meeting is exclude or not known.guests & guests:
                    continue
                seen.add(id(meeting))
                if not place or not meeting.location or fold(meeting.location) == place:
                    same.append(meeting)
        return same

    def find_same_meeting(self, found: ExtractedMeeting, participants: dict) -> Meeting | None:
        """The meeting another article already reported, if this is the same one.

        Same host, guest and place, and dates that agree at their shared precision. A
        meeting with no known date never merges: see possible_duplicate.
        """
        if found.date.precision == "unknown":
            return None
        for meeting in self.same_principals(found, participants):
            if dates_agree(meeting.date, meeting.date_precision, found.date):
                return meeting
        return None

    def possible_duplicate(
        self, found: ExtractedMeeting, participants: dict, meeting: Meeting
    ) -> bool:
        """Whether another meeting has the same people and place, whatever its date."""
        return bool(self.same_principals(found, participants, exclude=meeting))


def lock_meetings() -> None:
    """On PostgreSQL, let one importer at a time write, until it commits.

    Taken first in every import transaction: a meeting that two articles report is then
    created once even when two importers read them at the same moment, and as it is the
    one lock importers wait for, they can never wait on each other in a circle. SQLite
    already lets one writer in at a time.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [MEETINGS_LOCK])
