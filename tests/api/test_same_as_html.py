"""The same query string finds the same records, in the same order, in the API as on the HTML
lists: the API reads its filters with the same FilterSets and searches with the same search.
Run on SQLite and on PostgreSQL (DATABASE_URL)."""

import datetime as dt

import pytest

from meetings.models import DatePrecision, MeetingKind, Role
from meetings.search import reindex_all
from tests.factories import (
    AgreementMentionFactory,
    MeetingFactory,
    ParticipationFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db

MEETING_QUERIES = [
    "",
    "sort=-date",
    "person=lavrov",
    "person=aliyev&person=lavrov",
    "person=Sergei+Lavrov",
    "country=azerbaycan",
    "country=rusya&kind=talks",
    "date_from=2020-11-30&date_to=2020-12-05",
    "date_from=2019-01-01",
    "date_to=2020-06-30",
    "year=2020",
    "year=2019",
    "undated=on",
    "agreement=10-kasim-2020-uclu-bildirisi",
    "kind=reception",
    "place=Bak%C3%BC",
    "q=lavrov",
    "q=LAVROV&sort=date",
    "q=lavrov&sort=-date",
    "q=soygu",
    "q=aliyev+-novak",
    "q=%22d%C4%B1%C5%9fi%C5%9fleri+bakan%C4%B1%22",
    "q=lavrov&country=azerbaycan",
    "q=lavrov&person=novak",
    "q=bak%C3%BC&year=2020",
    "q=ortak+a%C3%A7%C4%B1klama",
    "q=zzzqxw",
    "q=%21%21%21",  # nothing to search: the dated list, as on the page
    "q=lavrov&page=2",
    "page=2",
]
STATEMENT_QUERIES = [
    "",
    "speaker=lavrov",
    "speaker=ilham-aliyev",
    "direct=reported",
    "direct=direct&speaker=lavrov",
    "date_from=2020-11-30",
    "date_to=2019-12-31",
    "q=anla%C5%9Fma",
    "q=destekliyoruz",
    "q=memnun&direct=reported",
    "q=zzzqxw",
    "page=2",
]


@pytest.fixture
def many(world):
    """Enough meetings for two pages of the list and of a search, in the world's countries,
    some on the same day (so the order between them is by id), some undated."""
    for i in range(25):
        dated = i % 9 != 0
        meeting = MeetingFactory(
            title=f"Sergey Lavrov – Görüşme {i}",
            date=dt.date(2015 + i % 7, 1 + i % 12, 1 + i % 3) if dated else None,
            date_precision=DatePrecision.DAY if dated else DatePrecision.UNKNOWN,
            country=world.az if i % 2 else world.ru,
            location="Bakü" if i % 2 else "Moskova",
            kind=MeetingKind.TALKS if i % 3 else MeetingKind.RECEPTION,
        )
        ParticipationFactory(meeting=meeting, person=world.lavrov, role=Role.GUEST)
        if i % 4 == 0:
            ParticipationFactory(meeting=meeting, person=world.novak, role=Role.HOST)
        if i % 5 == 0:
            AgreementMentionFactory(agreement=world.trilateral, meeting=meeting, text="anlaşma")
        StatementFactory(meeting=meeting, speaker=world.lavrov, text=f"Ortak açıklama {i}")
        # Each statement its own place in its meeting, as the importer numbers them (the
        # HTML list orders by it and breaks no tie further).
        StatementFactory(
            meeting=meeting, speaker=world.lavrov, text="Memnun olduklarını", direct=False, order=1
        )
    reindex_all()
    return world


def html_ids(client, path, query, context_name):
    response = client.get(f"{path}?{query}")
    assert response.status_code == 200
    return [row.pk for row in response.context[context_name]]


def api_ids(api, path, query):
    response = api.get(f"{path}?{query}")
    assert response.status_code == 200, response.body
    body = response.body
    if "page=2" in query and "count" not in body:
        # A dated list pages by cursor (it ignores `page`): page 2 is where `next` leads.
        body = api.get(body["next"]).body
    return [row["id"] for row in body["results"]]


def test_meetings_list_finds_what_the_html_list_finds(client, api, many):
    """Each query string (one fixture for them all: building it is the slow part)."""
    differ = {}
    for query in MEETING_QUERIES:
        html = html_ids(client, "/meetings/", query, "meetings")
        found = api_ids(api, "/api/meetings/", query)
        if found != html:
            differ[query] = (found, html)
    assert differ == {}
    assert len(api_ids(api, "/api/meetings/", "q=lavrov&page=2")) == 8  # page 2 is not empty


def test_statements_list_finds_what_the_html_list_finds(client, api, many):
    differ = {}
    for query in STATEMENT_QUERIES:
        html = html_ids(client, "/statements/", query, "statements")
        found = api_ids(api, "/api/statements/", query)
        if found != html:
            differ[query] = (found, html)
    assert differ == {}


def test_a_search_gives_the_count_and_cap_of_the_html_page(client, api, many):
    response = client.get("/meetings/?q=lavrov")
    body = api.get("/api/meetings/?q=lavrov").body
    assert body["count"] == response.context["page_obj"].paginator.count == 28
    assert body["capped"] is False
