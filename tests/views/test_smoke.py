"""Every page answers, for every kind of object (a route smoke test)."""

import pytest
from django.urls import reverse

from tests.factories import AgreementFactory, ParticipationFactory, StatementFactory

pytestmark = pytest.mark.django_db


def test_every_page_answers(client, known_entities):
    participation = ParticipationFactory()
    StatementFactory(meeting=participation.meeting, speaker=participation.person)
    agreement = AgreementFactory()
    urls = [
        reverse("meetings:home"),
        reverse("meetings:meeting-list"),
        participation.meeting.get_absolute_url(),
        reverse("meetings:person-list"),
        participation.person.get_absolute_url(),
        reverse("meetings:agreement-list"),
        agreement.get_absolute_url(),
        reverse("meetings:statement-list"),
        reverse("person-autocomplete") + "?q=ki",
    ]
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_an_unknown_slug_is_a_404(client):
    assert client.get("/meetings/no-such-meeting/").status_code == 404


def test_the_admin_answers(admin_client):
    for name in ["meeting", "person", "agreement", "statement", "article", "country"]:
        assert admin_client.get(reverse(f"admin:meetings_{name}_changelist")).status_code == 200
