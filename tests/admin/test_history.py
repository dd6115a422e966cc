"""Every change an editor makes is kept with django-simple-history: who, when, each field
before and after; the admin's history page shows it beside the admin log."""

import pytest
from django.contrib.admin.models import LogEntry
from django.test import Client
from django.urls import reverse

from meetings.models import Meeting, Participation, Person, Statement
from meetings.models.history import HISTORY_MODELS
from tests.admin.helpers import change_form_data, staff_client
from tests.factories import MeetingFactory, ParticipationFactory, PersonFactory, StatementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client():
    return staff_client(Client(), "editor", "view_meeting", "change_meeting", "view_person")


@pytest.fixture
def viewer_client():
    return staff_client(Client(), "viewer", "view_meeting")


@pytest.fixture
def meeting():
    meeting = MeetingFactory(location="Ankara")
    ParticipationFactory(meeting=meeting)
    StatementFactory(meeting=meeting)
    return meeting


def _edit(client, meeting, **changes):
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    data = change_form_data(client.get(url))
    data.update(changes)
    response = client.post(url, data)
    assert response.status_code == 302, response.context and response.context["errors"]


def test_what_editors_edit_has_a_history():
    for model in (Meeting, Participation, Statement, Person):
        assert model in HISTORY_MODELS
        assert hasattr(model, "history")


def test_an_admin_edit_keeps_who_when_and_each_field_before_and_after(editor_client, meeting):
    _edit(editor_client, meeting, location="Bakü")
    latest = meeting.history.latest()
    assert latest.history_user.username == "editor"
    changes = {c.field: (c.old, c.new) for c in latest.diff_against(latest.prev_record).changes}
    assert changes["location"] == ("Ankara", "Bakü")
    assert changes["locked_fields"] == ([], ["location"])


def test_a_fix_on_the_review_page_is_kept_in_the_rows_history(editor_client, meeting):
    statement = meeting.statements.get()
    speaker = PersonFactory(name="Hakan Fidan")
    url = reverse("admin:meetings_meeting_review", args=[meeting.pk])
    from tests.admin.test_review_page import _form_data

    data = _form_data(editor_client.get(url))
    data["statements-0-speaker"] = str(speaker.pk)
    assert editor_client.post(url, data).status_code == 302
    record = statement.history.latest()
    assert record.history_user.username == "editor"
    assert record.speaker_id == speaker.pk
    assert record.prev_record.speaker_id == statement.speaker_id


def test_the_history_page_lists_field_changes_and_the_admin_log(editor_client, meeting):
    _edit(editor_client, meeting, location="Bakü")
    page = editor_client.get(reverse("admin:meetings_meeting_history", args=[meeting.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Ankara" in html and "Bakü" in html  # before and after
    assert "editor" in html
    assert 'id="admin-log"' in html
    assert LogEntry.objects.filter(object_id=str(meeting.pk)).exists()


def test_a_view_only_user_reads_the_history_and_an_old_version(viewer_client, meeting):
    meeting.location = "Bakü"
    meeting.save()
    assert (
        viewer_client.get(reverse("admin:meetings_meeting_history", args=[meeting.pk])).status_code
        == 200
    )
    version = meeting.history.earliest()
    url = reverse("admin:meetings_meeting_simple_history", args=[meeting.pk, version.history_id])
    assert viewer_client.get(url).status_code == 200


@pytest.mark.parametrize("who", ["superuser", "editor", "viewer"])
def test_nobody_reverts_through_an_old_version(
    who, admin_client, editor_client, viewer_client, meeting
):
    client = {"superuser": admin_client, "editor": editor_client, "viewer": viewer_client}[who]
    meeting.location = "Bakü"
    meeting.save()
    version = meeting.history.earliest()
    url = reverse("admin:meetings_meeting_simple_history", args=[meeting.pk, version.history_id])
    data = change_form_data(
        admin_client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk]))
    )
    data["location"] = "Ankara"
    assert client.post(url, data).status_code == 403
    meeting.refresh_from_db()
    assert meeting.location == "Bakü"


def test_staff_without_view_permission_and_anonymous_visitors_see_no_history(client, meeting):
    url = reverse("admin:meetings_meeting_history", args=[meeting.pk])
    assert client.get(url).url.startswith(reverse("admin:login"))
    other = staff_client(Client(), "other", "view_person")
    assert other.get(url).status_code == 403
    version = meeting.history.earliest()
    old = reverse("admin:meetings_meeting_simple_history", args=[meeting.pk, version.history_id])
    assert other.get(old).status_code == 403
    assert client.get(old).url.startswith(reverse("admin:login"))
