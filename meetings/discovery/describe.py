"""One-line summaries of records, for feed entries and for link previews (OpenGraph).

They read only what the record's page has already loaded (its country, participants,
parties), so they add no query to a page."""

from __future__ import annotations

from django.utils.translation import gettext as _

from meetings.models import Agreement, Meeting, Person
from meetings.templatetags.partial_dates import partial_date


def meeting_summary(meeting: Meeting) -> str:
    """When, where and who: "Kasım 2020 · Bakü, Azerbaycan · A, B"."""
    when = partial_date(meeting.date, meeting.date_precision)
    place = [meeting.location, meeting.country.name if meeting.country else ""]
    where = ", ".join(x for x in place if x)
    who = ", ".join(p.person.name if p.person else p.raw_name for p in meeting.participations.all())
    return " · ".join(x for x in [when, where, who] if x)


def person_summary(person: Person) -> str:
    """Who they are on this site: their country, and that their meetings are recorded here."""
    country = person.country.name if person.country else ""
    what = _("Meetings, titles and statements recorded from news reports.")
    return " · ".join(x for x in [person.name, country, what] if x)


def agreement_summary(agreement: Agreement) -> str:
    """Its status, date and parties."""
    parties = ", ".join(c.name for c in agreement.parties.all())
    when = (
        partial_date(agreement.signed_date, agreement.signed_date_precision)
        if agreement.signed_date
        else ""
    )
    return " · ".join(x for x in [agreement.get_status_display(), when, parties] if x)


def summary(record) -> str:
    """The summary of a meeting, a person or an agreement."""
    if isinstance(record, Meeting):
        return meeting_summary(record)
    if isinstance(record, Person):
        return person_summary(record)
    return agreement_summary(record)
