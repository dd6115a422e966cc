"""The data model refuses what would corrupt it and keeps partial dates exact."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from meetings.models import Article, DatePrecision, Meeting, Person, PersonAlias
from tests.factories import ArticleFactory, MeetingFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_the_same_article_content_cannot_be_stored_twice():
    first = ArticleFactory(raw_text="Aynı metin.")
    with pytest.raises(IntegrityError), transaction.atomic():
        ArticleFactory(raw_text="Aynı metin.", filename="copy.txt")
    assert Article.objects.filter(sha256=first.sha256).count() == 1


@pytest.mark.parametrize(
    ("given", "precision", "stored"),
    [
        (dt.date(2020, 11, 21), DatePrecision.DAY, dt.date(2020, 11, 21)),
        (dt.date(2020, 11, 21), DatePrecision.MONTH, dt.date(2020, 11, 1)),
        (dt.date(2020, 11, 21), DatePrecision.YEAR, dt.date(2020, 1, 1)),
    ],
)
def test_partial_dates_round_trip_with_their_precision(given, precision, stored):
    meeting = MeetingFactory(date=given, date_precision=precision)
    reloaded = Meeting.objects.get(pk=meeting.pk)
    assert (reloaded.date, reloaded.date_precision) == (stored, precision)


def test_an_unknown_date_is_stored_as_no_date():
    meeting = MeetingFactory(date=dt.date(2020, 1, 1), date_precision=DatePrecision.UNKNOWN)
    assert Meeting.objects.get(pk=meeting.pk).date is None


def test_a_date_without_precision_is_refused_by_the_database():
    meeting = MeetingFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.filter(pk=meeting.pk).update(date_precision=DatePrecision.UNKNOWN)


def test_a_person_is_one_row_per_normalised_name():
    PersonFactory(name="Sergey Şoygu")
    with pytest.raises(IntegrityError), transaction.atomic():
        PersonFactory(name="SERGEY ŞOYGU")
    assert Person.objects.get().name_key == "sergey soygu"


def test_an_alias_names_one_person_only():
    a, b = PersonFactory(name="Sergey Şoygu"), PersonFactory(name="Sergey Lavrov")
    PersonAlias.objects.create(person=a, name="Sergei Shoigu")
    with pytest.raises(IntegrityError), transaction.atomic():
        PersonAlias.objects.create(person=b, name="sergei shoigu")


def test_slugs_are_ascii_unique_and_stable():
    first = PersonFactory(name="Mevlüt Çavuşoğlu")
    second = PersonFactory(name="Mevlut Cavusoglu Jr")
    assert first.slug == "mevlut-cavusoglu"
    assert second.slug != first.slug
    first.name = "Mevlüt Çavuşoğlu (eski)"
    first.save()
    first.refresh_from_db()
    assert first.slug == "mevlut-cavusoglu"
    assert first.get_absolute_url() == "/people/mevlut-cavusoglu/"


def test_flagging_a_meeting_keeps_each_reason_once():
    meeting = MeetingFactory()
    meeting.flag("date_unknown")
    meeting.flag("date_unknown")
    meeting.save()
    meeting.refresh_from_db()
    assert meeting.needs_review
    assert meeting.review_reasons == ["date_unknown"]
