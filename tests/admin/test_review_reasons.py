"""The admin shows a meeting's review reasons as labels in the editor's language."""

import pytest
from django.urls import reverse

from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def flagged():
    return MeetingFactory(needs_review=True, review_reasons=["surname_only", "date_relative"])


@pytest.mark.parametrize(
    ("language", "labels"),
    [
        ("tr", ["bir katılımcı yalnızca soyadıyla biliniyor", "tarih göreli bir günden"]),
        ("en", ["a participant is known only by surname", "date worked out from a relative"]),
    ],
)
def test_change_list_and_form_show_the_labels(admin_client, flagged, language, labels):
    pages = [
        reverse("admin:meetings_meeting_changelist"),
        reverse("admin:meetings_meeting_change", args=[flagged.pk]),
    ]
    for url in pages:
        body = admin_client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()
        for text in labels:
            assert text in body, (url, text)
