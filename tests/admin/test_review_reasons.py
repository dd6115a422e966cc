"""The admin shows a meeting's review reasons as labels in the admin's language.

The admin lives outside the language URL prefixes, so it speaks the site's LANGUAGE_CODE;
the tests switch that setting to see both languages."""

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
def test_change_list_and_form_show_the_labels(admin_client, settings, flagged, language, labels):
    settings.LANGUAGE_CODE = language
    pages = [
        reverse("admin:meetings_meeting_changelist"),
        reverse("admin:meetings_meeting_change", args=[flagged.pk]),
    ]
    for url in pages:
        body = admin_client.get(url).content.decode()
        for text in labels:
            assert text in body, (url, text)
