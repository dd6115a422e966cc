"""Statements of one meeting that share a place in its order (two reports of the meeting,
each numbering its own quotes) are listed by id, the same on every request and in the API."""

import pytest
from django.urls import reverse

from tests.factories import MeetingFactory, StatementFactory

pytestmark = pytest.mark.django_db


def test_statements_sharing_a_place_are_listed_in_the_order_they_were_stored(client):
    meeting = MeetingFactory()
    first, second, third = (
        StatementFactory(meeting=meeting, order=0, text=f"Alıntı numarası {n}.") for n in (1, 2, 3)
    )
    # Saved again (as an editor's fix is), the first row moves to the end of the table.
    first.text = "Alıntı numarası 1, düzeltilmiş."
    first.save()
    html = client.get(reverse("meetings:statement-list")).content.decode()
    shown = [html.index(s.text) for s in (first, second, third)]
    assert shown == sorted(shown)
    api = client.get("/api/statements/").json()["results"]
    assert [row["id"] for row in api] == [first.pk, second.pk, third.pk]
