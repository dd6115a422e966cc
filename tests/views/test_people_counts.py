"""The people list (and the admin's) count each person's meetings and statements apart, so a
busy person's rows do not multiply: with both counted through one join, 100,000 meetings kept
the page from loading at all."""

import re

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import MeetingFactory, ParticipationFactory, PersonFactory, StatementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def busy_person():
    """Three meetings (one of them with two roles for the same person) and four statements."""
    person = PersonFactory(name="Ayşe Örnekoğlu")
    meetings = MeetingFactory.create_batch(3)
    for meeting in meetings:
        ParticipationFactory(meeting=meeting, person=person)
    ParticipationFactory(meeting=meetings[0], person=person, role="host")
    for meeting in meetings[:2]:
        StatementFactory.create_batch(2, meeting=meeting, speaker=person)
    PersonFactory(name="Sessiz Kişi")  # no meetings, no statements
    return person


def _counts(html: str, name: str) -> list[str]:
    row = re.search(rf"{name}</a>.*?</tr>", html, re.S).group(0)
    return re.findall(r'<td class="num">(\d+)</td>', row)


def _people_query(queries) -> str:
    """The query that reads the listed people with their counts."""
    return next(q["sql"] for q in queries if '"n_meetings"' in q["sql"])


def test_each_person_shows_their_meetings_and_statements(client, busy_person):
    html = client.get(reverse("meetings:person-list")).content.decode()
    assert _counts(html, "Ayşe Örnekoğlu") == ["3", "4"]
    assert _counts(html, "Sessiz Kişi") == ["0", "0"]
    assert html.index("Ayşe Örnekoğlu") < html.index("Sessiz Kişi")  # busiest first


def test_the_people_list_joins_neither_meetings_nor_statements(client, busy_person):
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("meetings:person-list"))
    sql = _people_query(queries.captured_queries)
    assert not re.search(r'JOIN "meetings_(participation|statement)"', sql)


def test_the_admin_people_list_counts_the_same_way(client, busy_person):
    client.force_login(User.objects.create_superuser("boss", "boss@example.org", "x"))
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("admin:meetings_person_changelist") + "?o=3")
    assert response.status_code == 200
    sql = _people_query(queries.captured_queries)
    assert not re.search(r'JOIN "meetings_(participation|statement)"', sql)
    html = response.content.decode()
    row = re.search(r"Ayşe Örnekoğlu</a>.*?</tr>", html, re.S).group(0)
    assert re.findall(r'<td class="field-n_\w+">(\d+)</td>', row) == ["3", "4"]
