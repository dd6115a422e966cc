"""The review queue's rows: read as plain values, written as HTML in Python.

A queue page shows fifty meetings with their participants and reasons. Read as model
instances with a prefetch (each converting every column, its person's too) and written by
the template row by row (a dozen lookups, a URL reverse, a translation and a filter each),
they cost most of the page's time. Here they are two queries of values and one pass of
escaped strings; the markup is the one the template wrote, byte for byte.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext

from meetings.extraction.reasons import label
from meetings.models import Participation, Role
from meetings.templatetags.partial_dates import partial_date

ROW_FIELDS = ("id", "title", "date", "date_precision", "location", "review_reasons")


@dataclass(eq=False)
class QueueRow:
    """What the queue shows of one meeting."""

    id: int
    title: str
    date: dt.date | None
    date_precision: str
    location: str
    review_reasons: list[str] | None
    people: list[tuple[str, str]] = field(default_factory=list)  # (role, name), role order

    @property
    def pk(self) -> int:
        """The meeting's id, as a model instance would call it."""
        return self.id


def queue_rows(meetings: QuerySet) -> list[QueueRow]:
    """The rows of these meetings, in the queryset's order, with their participants in role
    order (a person's name, or the name as written where none was resolved): two queries."""
    rows = [QueueRow(**values) for values in meetings.values(*ROW_FIELDS)]
    if not rows:
        return rows
    by_id = {row.id: row for row in rows}
    people = (
        Participation.objects.filter(meeting_id__in=by_id)
        .order_by("role", "id")
        .values_list("meeting_id", "role", "person_id", "person__name", "raw_name")
    )
    for meeting_id, role, person_id, person_name, raw_name in people:
        by_id[meeting_id].people.append((role, raw_name if person_id is None else person_name))
    return rows


class _Escaped(dict):
    """Labels in the active language, escaped, each worked out once per page: from a list
    of (value, label) pairs, then for any other value from ``shown(value)``."""

    def __init__(self, pairs=(), shown=str):
        super().__init__((value, escape(text)) for value, text in pairs)
        self.shown = shown

    def __missing__(self, value):
        text = self[value] = escape(self.shown(value))
        return text


def _review_url():
    """A function from meeting id to its review page's address: one reverse a page."""
    marker = "pk-marker"
    before, _, after = reverse("admin:meetings_meeting_review", args=[marker]).partition(marker)
    before, after = escape(before), escape(after)
    return lambda pk: f"{before}{int(pk)}{after}"


def rows_html(rows: list[QueueRow], can_change: bool) -> SafeString:
    """The table rows of the queue: a checkbox to select each meeting (for editors who may
    change them), its title linking to its review page, place, date, people and reasons."""
    language = get_language()
    roles = _Escaped(Role.choices)  # a role outside the choices shows as stored
    reasons = _Escaped(shown=lambda code: label(str(code), language or "tr"))
    review_url = _review_url()
    select = escape(gettext("Select %(title)s"))
    html = []
    for row in rows:
        title = escape(row.title)
        check = ""
        if can_change:
            check = (
                f'<td><input type="checkbox" name="meetings" value="{row.id}" '
                f'aria-label="{select % {"title": title}}"></td>'
            )
        place = f'<div class="muted">{escape(row.location)}</div>' if row.location else ""
        date = escape(partial_date(row.date, row.date_precision)) if row.date else "–"
        people = ", ".join(
            f'<span class="who">{escape(name)} <span class="muted">({roles[role]})</span></span>'
            for role, name in row.people
        )
        labels = "".join(
            f'<span class="reason-label">{reasons[code]}</span> '
            for code in row.review_reasons or []
        )
        html.append(
            f"<tr>\n        {check}\n"
            f'        <td><a href="{review_url(row.id)}">{title}</a>{place}</td>\n'
            f'        <td class="nowrap">{date}</td>\n'
            f"        <td>{people or '–'}</td>\n"
            f"        <td>{labels}</td>\n"
            "      </tr>"
        )
    return mark_safe("".join(html))  # noqa: S308 - every piece escaped above
