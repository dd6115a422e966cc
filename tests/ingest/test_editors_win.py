"""An editor's correction survives every re-import."""

import datetime as dt

import pytest

from meetings.ingest import Ingestor
from meetings.merging import merge_people
from meetings.models import DeletedImport, Meeting, Participation, Person, Statement
from tests.factories import PersonFactory
from tests.ingest.builders import aliyev_receives_lavrov

pytestmark = pytest.mark.django_db


def reimport(**kwargs):
    extracted = aliyev_receives_lavrov(**kwargs)
    return Ingestor().ingest(extracted, extracted.text, force=True)


@pytest.fixture
def imported(known_entities):
    extracted = aliyev_receives_lavrov()
    Ingestor().ingest(extracted, extracted.text)
    return Meeting.objects.get()


def test_a_locked_meeting_date_is_not_overwritten(imported):
    imported.date, imported.date_precision = dt.date(2020, 11, 21), "day"
    imported.lock("date", "date_precision")
    imported.save()
    reimport()
    imported.refresh_from_db()
    assert (imported.date, imported.date_precision) == (dt.date(2020, 11, 21), "day")


def test_an_unlocked_field_follows_the_new_extraction(imported):
    imported.location = "Gence"
    imported.save()
    reimport()
    imported.refresh_from_db()
    assert imported.location == "Bakü"


def test_a_locked_person_name_is_kept(imported):
    aliyev = Person.objects.get(name="İlham Aliyev")
    aliyev.name = "İlham Heydar oğlu Aliyev"
    aliyev.lock("name")
    aliyev.save()
    from meetings.merging import add_alias

    add_alias(aliyev, "İlham Aliyev")  # what the admin does on a rename
    reimport()
    aliyev.refresh_from_db()
    assert aliyev.name == "İlham Heydar oğlu Aliyev"
    assert Person.objects.filter(name__contains="Aliyev").count() == 1
    assert Participation.objects.get(role="host").person == aliyev


def test_a_corrected_statement_speaker_is_kept(imported):
    statement = Statement.objects.get()
    other = PersonFactory(name="Hikmet Hacıyev")
    statement.speaker = other
    statement.lock("speaker")
    statement.save()
    reimport()
    statement.refresh_from_db()
    assert statement.speaker == other


def test_a_deleted_statement_does_not_come_back(imported):
    statement = Statement.objects.get()
    DeletedImport.objects.create(import_key=statement.import_key, model="statement")
    statement.delete()
    reimport()
    assert not Statement.objects.exists()


def test_a_deleted_participation_does_not_come_back(imported):
    guest = Participation.objects.get(role="guest")
    DeletedImport.objects.create(import_key=guest.import_key, model="participation")
    guest.delete()
    reimport()
    assert list(Participation.objects.values_list("role", flat=True)) == ["host"]


def test_a_merged_person_stays_merged(known_entities):
    duplicate = PersonFactory(name="Sergei Lavroff")
    lavrov = Person.objects.get(name="Sergey Lavrov")
    merge_people(lavrov, [duplicate])
    extracted = aliyev_receives_lavrov()
    extracted.meetings[0].participants[1].name = "Sergei Lavroff"
    Ingestor().ingest(extracted, extracted.text)
    assert not Person.objects.filter(name="Sergei Lavroff").exists()
    assert Participation.objects.get(role="guest").person == lavrov


def test_an_edited_stale_row_survives_a_changed_file(imported):
    statement = Statement.objects.get()
    statement.text = "Editörün düzelttiği alıntı."
    statement.lock("text")
    statement.save()
    extracted = aliyev_receives_lavrov(quote="Tamamen başka bir alıntı.")
    Ingestor().ingest(extracted, extracted.text)
    texts = set(Statement.objects.values_list("text", flat=True))
    assert texts == {"Editörün düzelttiği alıntı.", "Tamamen başka bir alıntı."}
