"""A person's page keeps its timeline and counterparts on top and pages through their meetings
and statements, however many there are."""

import datetime as dt

import pytest

from meetings.models import DatePrecision
from tests.factories import MeetingFactory, ParticipationFactory, StatementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def busy(world):
    """Lavrov in 45 more meetings with Aliyev, quoted 23 more times."""
    for i in range(45):
        meeting = MeetingFactory(
            title=f"Görüşme {i:02d}",
            slug=f"gorusme-{i:02d}",
            date=dt.date(2010 + i % 5, 1 + i % 12, 1),
            date_precision=DatePrecision.MONTH,
        )
        ParticipationFactory(meeting=meeting, person=world.lavrov, role="guest")
        ParticipationFactory(meeting=meeting, person=world.aliyev, role="host")
        if i < 23:
            StatementFactory(meeting=meeting, speaker=world.lavrov, text=f"Söz {i:02d}")
    return world.lavrov


def test_meetings_and_statements_are_paginated(client, busy):
    response = client.get(busy.get_absolute_url())
    assert response.status_code == 200
    meetings, statements = response.context["meetings_page"], response.context["statements_page"]
    assert meetings.paginator.count == 48 and len(meetings.object_list) == 20
    assert statements.paginator.count >= 25 and len(statements.object_list) == 10
    body = response.content.decode()
    assert 'href="?meetings_page=2#meetings" rel="next"' in body
    assert 'href="?statements_page=2#statements" rel="next"' in body


def test_the_other_list_keeps_its_page(client, busy):
    response = client.get(busy.get_absolute_url(), {"meetings_page": 3, "statements_page": 2})
    assert response.context["meetings_page"].number == 3
    assert response.context["statements_page"].number == 2
    body = response.content.decode()
    assert 'href="?meetings_page=3&amp;statements_page=3#statements" rel="next"' in body


def test_timeline_and_counterparts_stay_on_top_of_every_page(client, busy, world):
    response = client.get(busy.get_absolute_url(), {"meetings_page": 3})
    years = {row["year"]: row["n"] for row in response.context["years"]}
    assert sum(years.values()) == 48 and years[2010] == 9
    counterparts = {c["person__name"]: c["n"] for c in response.context["counterparts"]}
    assert counterparts["İlham Aliyev"] >= 45
    body = response.content.decode()
    assert body.index("Zaman çizelgesi") < body.index('id="meetings"')


def test_a_page_past_the_end_shows_the_last(client, busy):
    response = client.get(busy.get_absolute_url(), {"meetings_page": 99, "statements_page": "x"})
    assert response.context["meetings_page"].number == 3
    assert response.context["statements_page"].number == 1
