"""Dated lists page with a cursor, so records added meanwhile never shift or repeat a page;
a search pages by number over its capped hits."""

import datetime as dt

import pytest

from meetings.models import DatePrecision
from meetings.search import reindex_meetings
from tests.factories import MeetingFactory, StatementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def dated(db):
    """Twelve meetings, some on the same day, some in the same month (month precision), three
    undated: the order's ties and nulls all lie on page boundaries at page_size 2 or 3."""
    rows = []
    for i in range(12):
        if i < 3:
            date, precision = None, DatePrecision.UNKNOWN
        elif i < 6:
            date, precision = dt.date(2020, 5, 1), DatePrecision.MONTH
        else:
            date, precision = dt.date(2021, 1 + i % 2, 10), DatePrecision.DAY
        rows.append(MeetingFactory(date=date, date_precision=precision))
    for meeting in rows:
        StatementFactory(meeting=meeting)
        StatementFactory(meeting=meeting, order=1)
    return rows


def walk(api, url, direction="next"):
    """Every page from url on, following direction's links; the ids of each page."""
    pages = []
    while url:
        body = api.get(url).body
        pages.append([row["id"] for row in body["results"]])
        url = body[direction]
    return pages


def expected_order(rows, oldest=False):
    undated = sorted((m for m in rows if m.date is None), key=lambda m: m.pk, reverse=not oldest)
    dated = sorted((m for m in rows if m.date), key=lambda m: (m.date, m.pk), reverse=not oldest)
    return [m.pk for m in dated + undated]


@pytest.mark.parametrize("size", [1, 2, 3, 5, 100])
def test_following_next_gives_every_meeting_once_in_the_lists_order(api, dated, size):
    pages = walk(api, f"/api/meetings/?page_size={size}")
    assert [pk for page in pages for pk in page] == expected_order(dated)
    assert all(len(page) == size for page in pages[:-1])
    oldest = walk(api, f"/api/meetings/?page_size={size}&sort=-date")
    assert [pk for page in oldest for pk in page] == expected_order(dated, oldest=True)


def test_previous_leads_back_through_the_same_pages(api, dated):
    forward = walk(api, "/api/meetings/?page_size=3")
    last = api.get("/api/meetings/?page_size=3").body
    while last["next"]:
        url = last["next"]
        last = api.get(url).body
    assert last["next"] is None
    backward = walk(api, url, direction="previous")
    assert backward == forward[::-1]
    assert api.get("/api/meetings/?page_size=3").body["previous"] is None


def test_a_meeting_added_meanwhile_does_not_shift_the_next_page(api, dated):
    first = api.get("/api/meetings/?page_size=4").body
    second_before = api.get(first["next"]).body["results"]
    # Newer than everything, and one inside the first page's span: both sort before its end.
    MeetingFactory(date=dt.date(2030, 1, 1), date_precision=DatePrecision.DAY)
    MeetingFactory(date=dt.date(2021, 2, 10), date_precision=DatePrecision.DAY)
    second_after = api.get(first["next"]).body["results"]
    assert [m["id"] for m in second_after] == [m["id"] for m in second_before]


def test_a_meeting_deleted_meanwhile_does_not_make_the_next_page_skip_one(api, dated):
    first = api.get("/api/meetings/?page_size=4").body
    expected = [m["id"] for m in api.get(first["next"]).body["results"]]
    dated[-1].delete()  # on the first page
    assert [m["id"] for m in api.get(first["next"]).body["results"]] == expected


def test_statements_page_by_cursor_too(api, dated):
    everything = [s["id"] for s in api.get("/api/statements/?page_size=100").body["results"]]
    pages = walk(api, "/api/statements/?page_size=5")
    assert [pk for page in pages for pk in page] == everything
    assert len(everything) == 24
    first = api.get("/api/statements/?page_size=5").body
    before = api.get(first["next"]).body["results"]
    StatementFactory(meeting=MeetingFactory(date=dt.date(2031, 1, 1), date_precision="day"))
    assert api.get(first["next"]).body["results"] == before


def test_a_search_pages_by_number_with_its_count(api, dated):
    for meeting in dated:
        meeting.title = "Karma Ekonomik Komisyon toplantısı"
        meeting.save()
    reindex_meetings([m.pk for m in dated])
    first = api.get("/api/meetings/?q=komisyon&page_size=5").body
    assert (first["count"], first["capped"], first["previous"]) == (12, False, None)
    third = api.get(api.get(first["next"]).body["next"]).body
    assert len(third["results"]) == 2 and third["next"] is None
    seen = first["results"] + api.get(first["next"]).body["results"] + third["results"]
    assert sorted(m["id"] for m in seen) == sorted(m.pk for m in dated)


def test_a_page_size_over_the_limit_is_a_400(api, dated):
    response = api.get("/api/meetings/?page_size=101")
    assert response.status_code == 400
    assert "page_size" in response.body
