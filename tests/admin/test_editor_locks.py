"""What an editor changes in the admin is recorded, so the importer can leave it alone."""

import datetime as dt

import pytest
from django.urls import reverse

from meetings.models import DeletedImport, Meeting, Person, Statement
from tests.admin.helpers import change_form_data
from tests.factories import MeetingFactory, PersonFactory, StatementFactory

pytestmark = pytest.mark.django_db


def test_editing_a_person_locks_exactly_the_changed_fields(admin_client):
    person = PersonFactory(name="Sergey Lavrof")
    url = reverse("admin:meetings_person_change", args=[person.pk])
    data = change_form_data(admin_client.get(url))
    data["name"] = "Sergey Lavrov"
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context and response.context["errors"]
    person.refresh_from_db()
    assert person.name == "Sergey Lavrov"
    assert person.locked_fields == ["name"]


def test_saving_without_changes_locks_nothing(admin_client):
    person = PersonFactory()
    url = reverse("admin:meetings_person_change", args=[person.pk])
    admin_client.post(url, change_form_data(admin_client.get(url)))
    person.refresh_from_db()
    assert person.locked_fields == []


def test_editing_a_meeting_date_locks_date_and_precision(admin_client):
    meeting = MeetingFactory()
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    data = change_form_data(admin_client.get(url))
    data["date"] = "2020-11-21"
    data["date_precision"] = "day"
    response = admin_client.post(url, data)
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.date == dt.date(2020, 11, 21)
    assert meeting.locked_fields == ["date", "date_precision"]


def test_editing_a_statement_inline_locks_its_speaker(admin_client):
    meeting = MeetingFactory()
    statement = StatementFactory(meeting=meeting, speaker=None, speaker_name="Bakan")
    lavrov = PersonFactory(name="Sergey Lavrov")
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    data = change_form_data(admin_client.get(url))
    data["statements-0-speaker"] = str(lavrov.pk)
    response = admin_client.post(url, data)
    assert response.status_code == 302
    statement.refresh_from_db()
    assert statement.speaker == lavrov
    assert statement.locked_fields == ["speaker"]
    assert Meeting.objects.get(pk=meeting.pk).locked_fields == []


def test_deleting_an_imported_statement_is_remembered(admin_client):
    statement = StatementFactory(import_key="abc:m0:s1")
    url = reverse("admin:meetings_statement_delete", args=[statement.pk])
    admin_client.post(url, {"post": "yes"})
    assert not Statement.objects.filter(pk=statement.pk).exists()
    assert DeletedImport.objects.filter(import_key="abc:m0:s1", model="statement").exists()


def test_deleting_an_inline_participation_is_remembered(admin_client):
    from tests.factories import ParticipationFactory

    participation = ParticipationFactory(import_key="abc:m0:p2")
    url = reverse("admin:meetings_meeting_change", args=[participation.meeting.pk])
    data = change_form_data(admin_client.get(url))
    data["participations-0-DELETE"] = "on"
    assert admin_client.post(url, data).status_code == 302
    assert DeletedImport.objects.filter(import_key="abc:m0:p2").exists()
    assert Person.objects.filter(pk=participation.person_id).exists()


def test_the_corrected_filter_lists_only_edited_people(admin_client):
    PersonFactory(name="Düzeltilmiş Kişi", locked_fields=["name"])
    PersonFactory(name="Ham Kişi")
    response = admin_client.get(reverse("admin:meetings_person_changelist") + "?edited=yes")
    names = [p.name for p in response.context["cl"].result_list]
    assert names == ["Düzeltilmiş Kişi"]


def test_renaming_a_person_keeps_the_old_spelling_as_an_alias(admin_client):
    person = PersonFactory(name="Sergey Lavrof")
    url = reverse("admin:meetings_person_change", args=[person.pk])
    data = change_form_data(admin_client.get(url))
    data["name"] = "Sergey Lavrov"
    admin_client.post(url, data)
    assert list(person.aliases.values_list("name", flat=True)) == ["Sergey Lavrof"]
    assert Person.objects.get_by_natural_key("sergey lavrof") == person
