"""The unfiltered list reads its page in raw SQL (``page_of_all``): the same rows, in the
same order, as the ORM's ordered queryset gives, on every page and in both orders, whether
it reads the page from the front or, nearer the end, from the back."""

import datetime as dt

import pytest

from meetings.models import DatePrecision, Meeting
from meetings.views.common import NEWEST_FIRST, OLDEST_FIRST
from meetings.views.list_rows import list_values, meeting_rows, page_of_all
from tests.factories import CountryFactory, MeetingFactory, ParticipationFactory, reported_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def meetings():
    """Meetings sharing dates, undated ones, with and without a country, people or article."""
    country = CountryFactory()
    made = []
    for i in range(11):
        undated = i % 4 == 3
        fields = {
            "date": None if undated else dt.date(2020, 1 + i % 3, 1),
            "date_precision": DatePrecision.UNKNOWN if undated else DatePrecision.MONTH,
            "country": country if i % 2 else None,
            "needs_review": i % 5 == 0,
        }
        meeting = reported_meeting(f"Görüşme metni {i}.", **fields) if i % 3 else None
        meeting = meeting or MeetingFactory(**fields)
        if i % 2:
            ParticipationFactory(meeting=meeting)
        made.append(meeting)
    return made


def _as_rows(rows):
    return [
        (r.id, r.slug, r.date, r.country_name, r.needs_review, r.people, r.opening) for r in rows
    ]


@pytest.mark.parametrize(("order", "oldest"), [(NEWEST_FIRST, False), (OLDEST_FIRST, True)])
def test_every_page_is_the_one_the_ordered_queryset_gives(meetings, order, oldest):
    ordered = list(list_values(Meeting.objects.order_by(*order)))
    assert len(ordered) == 11
    for offset in range(0, 13, 3):  # the last page is short, and one past it is empty
        expected = _as_rows(meeting_rows(ordered[offset : offset + 3]))
        assert _as_rows(page_of_all(offset, 3, oldest)) == expected
        # Read from the other end when it is nearer: the same page.
        assert _as_rows(page_of_all(offset, 3, oldest, total=11)) == expected, offset


def test_the_undated_come_last_in_either_order(meetings):
    for oldest in (False, True):
        rows = page_of_all(0, 20, oldest)
        dates = [r.date for r in rows]
        assert dates[-2:] == [None, None] and None not in dates[:-2]  # meetings 3 and 7
