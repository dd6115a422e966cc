"""What an editor deletes stays deleted, meetings too; deleting or merging people never
takes a row that names them with it (SET_NULL: the row is left unresolved)."""

import pytest
from django.core.management import call_command
from django.db import models
from django.urls import reverse

from meetings.ingest import Ingestor
from meetings.merging import merge_people
from meetings.models import (
    AgreementMention,
    Article,
    DeletedImport,
    Meeting,
    MeetingReport,
    Participation,
    Person,
    PersonMention,
    Statement,
)
from tests.ingest.builders import ALIYEV, LAVROV, ArticleBuilder, aliyev_receives_lavrov

pytestmark = pytest.mark.django_db


@pytest.fixture
def imported(known_entities):
    extracted = aliyev_receives_lavrov()
    Ingestor().ingest(extracted, extracted.text)
    return Meeting.objects.get()


def _nothing_of_the_meeting_is_back():
    assert not Meeting.objects.exists()
    assert not Participation.objects.exists()
    assert not Statement.objects.exists()
    assert not AgreementMention.objects.exists()
    assert not MeetingReport.objects.exists()


# Meetings ---------------------------------------------------------------------------------
def test_a_deleted_meeting_does_not_come_back_when_its_article_is_read_again(imported):
    imported.delete()
    extracted = aliyev_receives_lavrov()
    assert Ingestor().ingest(extracted, extracted.text, force=True) == "updated"
    _nothing_of_the_meeting_is_back()


def test_a_deleted_meeting_does_not_come_back_on_reextract(imported):
    imported.delete()
    call_command("import_articles", "--reextract", verbosity=0)
    _nothing_of_the_meeting_is_back()
    assert Article.objects.count() == 1


def test_a_deleted_meeting_does_not_come_back_when_its_file_changes(imported):
    imported.delete()
    changed = aliyev_receives_lavrov(quote="Yepyeni bir alıntı.")
    assert Ingestor().ingest(changed, changed.text) == "updated"
    _nothing_of_the_meeting_is_back()


def test_a_meeting_deleted_in_the_admin_stays_deleted(imported, admin_client):
    url = reverse("admin:meetings_meeting_delete", args=[imported.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    assert DeletedImport.objects.filter(model="meeting").count() == 1
    extracted = aliyev_receives_lavrov()
    Ingestor().ingest(extracted, extracted.text, force=True)
    _nothing_of_the_meeting_is_back()


def test_only_the_deleted_meeting_of_an_article_stays_away(known_entities):
    b = ArticleBuilder("two.txt")
    first = b.meeting(ALIYEV, LAVROV)
    b.quote(first, "İlham Aliyev", "Birinci görüşme iyi geçti.")
    b.meeting(("Recep Tayyip Erdoğan", "Türkiye Cumhurbaşkanı", "Türkiye"), LAVROV)
    extracted = b.build()
    Ingestor().ingest(extracted, extracted.text)
    assert Meeting.objects.count() == 2
    MeetingReport.objects.get(index=0).meeting.delete()
    Ingestor().ingest(extracted, extracted.text, force=True)
    assert list(MeetingReport.objects.values_list("index", flat=True)) == [1]
    assert not Statement.objects.exists()  # the deleted meeting's quote


def test_a_meeting_the_importer_dropped_comes_back_when_reported_again(imported):
    """The importer's own removal (the file no longer reports the meeting) is no deletion."""
    empty = ArticleBuilder("a.txt").build()
    Ingestor().ingest(empty, empty.text)
    assert not Meeting.objects.exists()
    assert not DeletedImport.objects.exists()
    again = aliyev_receives_lavrov()
    Ingestor().ingest(again, again.text)
    assert Meeting.objects.count() == 1


# People -----------------------------------------------------------------------------------
def _named_links():
    """Every foreign key to Person on a model that keeps the name as written beside it."""
    return [
        field
        for model in (Participation, Statement, PersonMention)
        for field in model._meta.get_fields()
        if isinstance(field, models.ForeignKey) and field.related_model is Person
    ]


def test_every_link_from_a_name_as_written_to_a_person_is_set_null():
    links = _named_links()
    assert len(links) == 3
    assert all(f.null and f.remote_field.on_delete is models.SET_NULL for f in links), [
        (f.model.__name__, f.name, f.remote_field.on_delete.__name__) for f in links
    ]


@pytest.fixture
def with_mention(known_entities):
    b = ArticleBuilder("m.txt")
    m = b.meeting(ALIYEV, LAVROV)
    b.quote(m, "Sergey Lavrov", "Geldik.")
    b.mention("Sergey Şoygu", "Rusya Savunma Bakanı", "Rusya")
    extracted = b.build()
    Ingestor().ingest(extracted, extracted.text)


def test_deleting_a_person_leaves_their_rows_unresolved(with_mention):
    for name in ("Sergey Lavrov", "Sergey Şoygu"):
        Person.objects.get(name=name).delete()
    guest = Participation.objects.get(role="guest")
    assert (guest.raw_name, guest.person) == ("Sergey Lavrov", None)
    statement = Statement.objects.get()
    assert (statement.speaker_name, statement.speaker) == ("Sergey Lavrov", None)
    mention = PersonMention.objects.get()
    assert (mention.raw_name, mention.person) == ("Sergey Şoygu", None)


def test_merging_people_moves_their_mentions(with_mention):
    shoigu = Person.objects.get(name="Sergey Şoygu")
    survivor = Person.objects.create(name="Sergei Shoigu")
    moved = merge_people(survivor, [shoigu])
    assert moved["mentions"] == 1
    assert PersonMention.objects.get().person == survivor
