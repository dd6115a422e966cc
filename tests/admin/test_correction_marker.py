"""The public meeting page marks what an editor corrected, so a reader can tell an edited
speaker from the highlighted source text, which may name someone else."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.admin.helpers import staff_client
from tests.admin.test_review_page import _form_data
from tests.factories import MeetingFactory, ParticipationFactory, PersonFactory, StatementFactory

pytestmark = pytest.mark.django_db

MARK = 'class="badge badge--edited"'


def test_a_speaker_fixed_by_an_editor_is_marked_and_nothing_else(client):
    meeting = MeetingFactory(needs_review=True, review_reasons=["speaker_unknown"])
    ParticipationFactory(meeting=meeting)
    StatementFactory(meeting=meeting, speaker=None, speaker_name="")
    StatementFactory(meeting=meeting)
    assert MARK not in client.get(meeting.get_absolute_url()).content.decode()

    editor = staff_client(Client(), "editor", "view_meeting", "change_meeting")
    url = reverse("admin:meetings_meeting_review", args=[meeting.pk])
    data = _form_data(editor.get(url))
    data["statements-0-speaker"] = str(PersonFactory(name="Hakan Fidan").pk)
    data["_reviewed"] = "1"
    assert editor.post(url, data).status_code == 302

    html = client.get(meeting.get_absolute_url()).content.decode()
    assert html.count(MARK) == 1
    speaker_line = html.split(MARK)[0].rsplit('class="statement__who"', 1)[1]
    assert "Hakan Fidan" in speaker_line
