"""Each page runs a fixed number of queries, whatever the amount of data."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings.search import reindex_all
from meetings.search.backends import PostgresBackend
from tests.factories import (
    AgreementMentionFactory,
    ParticipationFactory,
    PersonAliasFactory,
    StatementFactory,
    reported_meeting,
)

pytestmark = pytest.mark.django_db

# A search takes one query on SQLite, and one before it to read the words its prefixes
# stand for (meetings.search.vocabulary), or up to one per window of recent documents on
# PostgreSQL (see PostgresBackend); plus one to rank the matches when they are few.
SEARCH = 3 if connection.vendor == "sqlite" else 3 + len(PostgresBackend.WINDOWS_DAYS)

# An anonymous visitor's page first reads the data generation its cached copy is keyed on.
GENERATION = 1

# The most queries each page may run when it is rendered, not served from the page cache
# (the session and user lookups of a logged-in staff member come on top, and are not
# counted here: the client is anonymous).
PAGES = {
    "home": GENERATION + 10,
    "meeting-list": GENERATION + 8,
    "meeting-list-search": GENERATION + 8 + SEARCH,  # facets: the hits' rows, then names
    "meeting-list-filtered": GENERATION + 11 + SEARCH,
    "meeting-detail": GENERATION + 2,  # the meeting, then all its rows in one query
    "person-list": GENERATION + 2,
    "person-detail": GENERATION + 8,  # + a page of meetings, of statements, and their count
    "agreement-list": GENERATION + 3,
    "agreement-detail": GENERATION + 5,
    "statement-list": GENERATION + 3,
    "statement-list-search": GENERATION + 4 + SEARCH,
    "person-autocomplete": 1,  # JSON, never cached
}


def urls(world):
    people = "?person=sergey-lavrov&person=ilham-aliyev&country=azerbaycan"
    return {
        "home": reverse("meetings:home"),
        "meeting-list": reverse("meetings:meeting-list"),
        "meeting-list-search": reverse("meetings:meeting-list") + "?q=lavrov+anla%C5%9Fma",
        "meeting-list-filtered": reverse("meetings:meeting-list")
        + people
        + "&date_from=2000-01-01&date_to=2030-12-31&kind=reception&q=bak%C3%BC",
        "meeting-detail": world.baku.get_absolute_url(),
        "person-list": reverse("meetings:person-list"),
        "person-detail": world.lavrov.get_absolute_url(),
        "agreement-list": reverse("meetings:agreement-list"),
        "agreement-detail": world.trilateral.get_absolute_url(),
        "statement-list": reverse("meetings:statement-list"),
        "statement-list-search": reverse("meetings:statement-list")
        + "?q=anla%C5%9Fma&speaker=Lavrov",
        "person-autocomplete": reverse("person-autocomplete") + "?q=lav",
    }


def count_queries(client, url):
    cache.clear()  # count the queries of a cold cache
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def grow(world, n=12):
    """More of everything each page shows: meetings, people, aliases, quotes, mentions."""
    for i in range(n):
        meeting = reported_meeting(
            f"Lavrov ve Aliyev Bakü'de {i}. kez görüştü; anlaşmaların uygulanması konuşuldu.",
            date=dt.date(2020, 1 + i % 12, 1),
            country=world.az,
            slug=f"extra-{i}",
        )
        for person in (world.lavrov, world.aliyev):
            ParticipationFactory(meeting=meeting, person=person, spans=[[0, 6]])
        other = ParticipationFactory(meeting=meeting).person
        PersonAliasFactory(person=other)
        StatementFactory(meeting=meeting, speaker=world.lavrov, text=f"Anlaşma {i} önemli.")
        AgreementMentionFactory(agreement=world.trilateral, meeting=meeting)
    reindex_all()


@pytest.mark.parametrize("page", PAGES)
def test_query_count_is_fixed(client, world, page, django_assert_max_num_queries):
    url = urls(world)[page]
    before = count_queries(client, url)
    grow(world)
    with django_assert_max_num_queries(PAGES[page]):
        after = count_queries(client, url)
    if "search" not in page and "filtered" not in page:
        assert after == before, f"{page}: {before} queries with little data, {after} with more"


@pytest.mark.parametrize("page", [name for name in PAGES if name != "person-autocomplete"])
def test_a_cached_page_costs_one_query(client, world, page, django_assert_num_queries):
    url = urls(world)[page]
    count_queries(client, url)  # rendered and kept
    with django_assert_num_queries(GENERATION):
        assert client.get(url).status_code == 200
