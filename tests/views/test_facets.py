"""Facet counts of a queryset: one query for people, countries and years together. (A
search's hits are counted from their facet rows: tests/search/test_hit_facets.py.)"""

import datetime as dt

import pytest

from meetings.filters import facets
from meetings.models import Meeting
from tests.factories import MeetingFactory, ParticipationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_facets_of_a_queryset_count_its_years_in_the_same_query(world, django_assert_num_queries):
    with django_assert_num_queries(1):
        found = facets(Meeting.objects.filter(country=world.az))
    assert [(r["year"], r["n"]) for r in found["years"]] == [(2020, 1), (None, 1)]
    assert [(r["country__slug"], r["n"]) for r in found["countries"]] == [("azerbaycan", 2)]


def test_facets_are_ranked_by_count_then_name_and_cut_at_the_limit(world):
    people = [PersonFactory(name=name) for name in ("Zeki Ak", "Ali Can", "Mehmet Er")]
    meetings = [MeetingFactory(date=dt.date(2001, 1, 1 + i)) for i in range(3)]
    for meeting in meetings:
        for person in people[:2]:
            ParticipationFactory(meeting=meeting, person=person)
    ParticipationFactory(meeting=meetings[0], person=people[2])
    found = facets(Meeting.objects.filter(pk__in=[m.pk for m in meetings]), limit=2)
    assert [(r["person__name"], r["n"]) for r in found["people"]] == [
        ("Ali Can", 3),
        ("Zeki Ak", 3),
    ]
    assert found["years"] == [{"year": 2001, "n": 3}]


def test_facets_of_every_meeting_are_those_of_a_filter_that_keeps_them_all(
    world, django_assert_num_queries
):
    with django_assert_num_queries(1):
        every = facets(Meeting.objects.all())
    assert every == facets(Meeting.objects.filter(pk__gte=0))
    assert sum(row["n"] for row in every["years"]) == Meeting.objects.count()
