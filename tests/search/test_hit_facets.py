"""A search's people and countries, counted from the hits' facet rows, are the counts the
participations give for the same meetings: same order, same ties, same limit."""

import datetime as dt
import random

import pytest

from meetings.filters import facets
from meetings.models import Meeting, MeetingFacets, Participation
from meetings.search import reindex_meetings
from meetings.search.facets import hit_facets
from tests.factories import CountryFactory, MeetingFactory, ParticipationFactory, PersonFactory

pytestmark = pytest.mark.django_db

# Names whose order depends on the database's collation (dotted and undotted capitals, ç, ş).
NAMES = ["Çelik Ay", "Cem Ak", "İnan Su", "Irmak Ok", "Şahin Er", "Sait Uz", "Ömer An", "Ozan Ek"]
NAMES += ["Zeki Al", "Ali Can", "Mehmet Er", "Ayşe Ün"]


def without_years(found: dict) -> dict:
    return {"people": found["people"], "countries": found["countries"]}


@pytest.fixture
def crowd():
    """Thirty meetings with random people (some repeated in a meeting, some unresolved),
    some with no country: many ties at every count."""
    rng = random.Random(7)
    countries = [CountryFactory(name_tr=name) for name in ("Şili", "Sudan", "Çad", "Cezayir")]
    people = [PersonFactory(name=name) for name in NAMES]
    meetings = []
    for i in range(30):
        country = rng.choice([*countries, None])
        meeting = MeetingFactory(date=dt.date(2010 + i % 5, 1, 1 + i), country=country)
        for person in rng.sample(people, rng.randint(0, 4)):
            ParticipationFactory(meeting=meeting, person=person)
        if rng.random() < 0.3:  # the same person twice, as host and as a delegation member
            ParticipationFactory(meeting=meeting, person=rng.choice(people))
        if rng.random() < 0.3:  # a participant no person was resolved for
            ParticipationFactory(meeting=meeting, person=None, raw_name="Adı Bilinmeyen")
        meetings.append(meeting)
    reindex_meetings([m.pk for m in meetings])
    return meetings


@pytest.mark.parametrize("limit", [1, 3, 8, 20])
def test_the_counts_of_every_subset_are_those_of_the_participations(crowd, limit):
    rng = random.Random(limit)
    for size in (1, 2, 5, 13, 30):
        ids = [m.pk for m in rng.sample(crowd, size)]
        expected = without_years(facets(Meeting.objects.filter(pk__in=ids), limit))
        assert hit_facets(ids, limit) == expected, (limit, ids)


def test_two_queries_whatever_the_number_of_hits(crowd, django_assert_num_queries):
    with django_assert_num_queries(2):  # the hits' rows, then the names shown
        hit_facets([m.pk for m in crowd])


def test_no_hits_no_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert hit_facets([]) == {"people": [], "countries": []}


def test_a_person_deleted_since_is_left_out_and_the_next_takes_the_place(crowd):
    ids = [m.pk for m in crowd]
    first, *_ = hit_facets(ids, limit=3)["people"]
    Participation.objects.filter(person__slug=first["person__slug"]).first().person.delete()
    shown = hit_facets(ids, limit=3)["people"]
    assert first["person__slug"] not in {row["person__slug"] for row in shown}
    assert len(shown) == 3


def test_the_rows_follow_each_reindex():
    meeting = MeetingFactory()
    reindex_meetings([meeting.pk])
    assert MeetingFacets.objects.get(meeting=meeting).person_ids() == []
    country = CountryFactory(name_tr="Peru")
    ParticipationFactory(meeting=meeting, person=PersonFactory(name="Ada Lin"))
    Meeting.objects.filter(pk=meeting.pk).update(country=country)
    reindex_meetings([meeting.pk])
    found = hit_facets([meeting.pk])
    assert [(r["person__name"], r["n"]) for r in found["people"]] == [("Ada Lin", 1)]
    assert [(r["country__name_tr"], r["n"]) for r in found["countries"]] == [("Peru", 1)]
