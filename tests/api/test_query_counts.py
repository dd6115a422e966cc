"""A page of the API costs the same number of queries however many records it shows: every
related row is fetched once per page, never once per record."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings.search import reindex_all
from tests.factories import MeetingFactory, ParticipationFactory, StatementFactory

pytestmark = pytest.mark.django_db

LISTS = [
    "/api/meetings/",
    "/api/meetings/?q=lavrov",
    "/api/statements/",
    "/api/people/",
    "/api/agreements/",
    "/api/articles/",
    "/api/countries/",
]


def queries(api, path):
    with CaptureQueriesContext(connection) as captured:
        assert api.get(path).status_code == 200
    return len(captured)


@pytest.mark.parametrize("path", LISTS)
def test_a_longer_page_costs_no_more_queries(api, world, path):
    few = queries(api, path)
    for i in range(8):
        meeting = MeetingFactory(title=f"Sergey Lavrov görüşmesi {i}")
        ParticipationFactory(meeting=meeting, person=world.lavrov)
        StatementFactory(meeting=meeting, speaker=world.novak)
    reindex_all()
    assert queries(api, path) == few
