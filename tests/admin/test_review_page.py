"""The review page: the source text with every extracted span highlighted beside the record,
where an editor fixes the meeting and marks it reviewed; every change locked and logged."""

import datetime as dt

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.test import Client
from django.urls import reverse
from django.utils import translation

from meetings.admin.review_queue import REVIEWED_MESSAGE
from meetings.models import Meeting, Role
from tests.admin.helpers import staff_client
from tests.factories import (
    AgreementMentionFactory,
    ArticleFactory,
    MeetingFactory,
    MeetingReportFactory,
    ParticipationFactory,
    PersonFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db

TEXT = (
    "Bakü - Aliyev, Lavrov'u <script>alert(1)</script> kabul etti. "
    '"Barış kalıcı olacak" dedi. Üçlü Bildiri konuşuldu.'
)


def _at(word):
    start = TEXT.index(word)
    return start, start + len(word)


@pytest.fixture
def meeting():
    """A flagged meeting read from one article, with a host, a guest, a quote and a mention."""
    article = ArticleFactory(raw_text=TEXT, text=TEXT)
    meeting = MeetingFactory(
        title="Aliyev Lavrov'u kabul etti",
        needs_review=True,
        review_reasons=["speaker_unknown", "surname_only"],
    )
    MeetingReportFactory(meeting=meeting, article=article)
    ParticipationFactory(
        meeting=meeting,
        article=article,
        person=PersonFactory(name="İlham Aliyev"),
        raw_name="Aliyev",
        role=Role.GUEST,  # wrong: he is the host
        spans=[list(_at("Aliyev"))],
    )
    ParticipationFactory(
        meeting=meeting,
        article=article,
        person=None,
        raw_name="Lavrov",
        role=Role.GUEST,
        spans=[list(_at("Lavrov"))],
    )
    quote = _at("Barış kalıcı olacak")
    StatementFactory(
        meeting=meeting,
        article=article,
        speaker=None,
        speaker_name="",
        text="Barış kalıcı olacak",
        span_start=quote[0],
        span_end=quote[1],
    )
    bildiri = _at("Üçlü Bildiri")
    AgreementMentionFactory(
        meeting=meeting,
        article=article,
        text="Üçlü Bildiri",
        span_start=bildiri[0],
        span_end=bildiri[1],
    )
    return meeting


def url(meeting):
    return reverse("admin:meetings_meeting_review", args=[meeting.pk])


@pytest.fixture
def editor_client():
    return staff_client(Client(), "editor", "view_meeting", "change_meeting", "view_person")


@pytest.fixture
def viewer_client():
    return staff_client(Client(), "viewer", "view_meeting")


def _form_data(response):
    """The review form as the browser would post it."""
    data = {}
    forms = [response.context["form"]]
    for formset in (response.context["participations"], response.context["statements"]):
        management = formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management[name].value()
        forms += formset.forms
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value is None or (name == "meeting" and form.prefix == "meeting"):
                continue
            data[form.add_prefix(name)] = str(
                value.isoformat() if hasattr(value, "isoformat") else value
            )
    return data


def test_the_page_highlights_every_extracted_span_in_the_escaped_source(admin_client, meeting):
    response = admin_client.get(url(meeting))
    assert response.status_code == 200
    html = response.content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html
    assert html.count('class="src src-person"') >= 2
    assert 'class="src src-statement"' in html
    assert 'class="src src-agreement"' in html


def test_reasons_show_as_labels(admin_client, meeting, settings):
    assert (
        "bir sözün kime ait olduğu belirlenemedi" in admin_client.get(url(meeting)).content.decode()
    )
    settings.LANGUAGE_CODE = "en"
    html = admin_client.get(url(meeting)).content.decode()
    assert "a statement has no identified speaker" in html


def test_an_editor_fixes_the_host_and_a_speaker_and_marks_the_meeting_reviewed(
    editor_client, meeting
):
    aliyev = meeting.participations.get(raw_name="Aliyev")
    data = _form_data(editor_client.get(url(meeting)))
    host = next(k for k, v in data.items() if k.endswith("-role") and v == Role.GUEST)
    assert data[host.replace("-role", "-raw_name")] == "Aliyev"
    data[host] = Role.HOST
    data["statements-0-speaker"] = str(aliyev.person_id)
    data["statements-0-speaker_name"] = "Aliyev"
    data["meeting-date"] = "2020-11-21"
    data["meeting-date_precision"] = "day"
    data["_reviewed"] = "1"
    response = editor_client.post(url(meeting), data)
    assert response.status_code == 302, response.context and [
        f.errors for f in [response.context["form"], *response.context["participations"]]
    ]
    assert response.url == reverse("admin:meetings_meeting_review_queue")
    meeting.refresh_from_db()
    aliyev.refresh_from_db()
    statement = meeting.statements.get()
    assert (aliyev.role, aliyev.is_locked("role")) == (Role.HOST, True)
    assert statement.speaker_id == aliyev.person_id and statement.is_locked("speaker")
    assert meeting.date == dt.date(2020, 11, 21) and meeting.is_locked("date")
    assert not meeting.needs_review and meeting.is_locked("needs_review")
    messages = [e.get_change_message() for e in LogEntry.objects.filter(action_flag=CHANGE)]
    assert any("Aliyev (host)" in m for m in messages), messages
    with translation.override("tr"):
        assert str(REVIEWED_MESSAGE) in messages, messages


def test_saving_without_marking_reviewed_keeps_the_meeting_on_the_queue(editor_client, meeting):
    data = _form_data(editor_client.get(url(meeting)))
    data["meeting-location"] = "Bakü, Zagulba"
    response = editor_client.post(url(meeting), data)
    assert response.status_code == 302 and response.url == url(meeting)
    meeting.refresh_from_db()
    assert meeting.needs_review
    assert meeting.locked_fields == ["location"]
    assert LogEntry.objects.get(action_flag=CHANGE).object_id == str(meeting.pk)


def test_the_page_runs_the_same_queries_however_many_participants(
    admin_client, meeting, django_assert_num_queries
):
    admin_client.get(url(meeting))
    # session, user, meeting, participants, statements, articles, agreement mentions,
    # people mentioned
    with django_assert_num_queries(8):
        admin_client.get(url(meeting))
    for _ in range(10):
        ParticipationFactory(meeting=meeting, role=Role.DELEGATION)
        StatementFactory(meeting=meeting)
    with django_assert_num_queries(8):
        response = admin_client.get(url(meeting))
    assert len(response.context["participations"].forms) == 13  # and one blank to add


# Permissions ---------------------------------------------------------------------------------


def test_a_view_only_user_sees_the_page_read_only_and_cannot_post(viewer_client, meeting):
    response = viewer_client.get(url(meeting))
    assert response.status_code == 200
    assert "Save and mark reviewed" not in response.content.decode()
    assert response.context["form"].fields["title"].disabled
    data = _form_data(response)
    data["_reviewed"] = "1"
    assert viewer_client.post(url(meeting), data).status_code == 403
    meeting.refresh_from_db()
    assert meeting.needs_review and not meeting.locked_fields
    assert not LogEntry.objects.exists()


def test_staff_without_view_permission_on_meetings_is_refused(meeting):
    client = staff_client(Client(), "nobody", "view_person")
    assert client.get(url(meeting)).status_code == 403


def test_an_anonymous_visitor_is_sent_to_log_in(client, meeting):
    response = client.post(url(meeting), {"_reviewed": "1"})
    assert response.url.startswith(reverse("admin:login"))
    assert Meeting.objects.get().needs_review


def test_a_missing_meeting_is_not_found(admin_client):
    assert admin_client.get(reverse("admin:meetings_meeting_review", args=[999])).status_code == 404
