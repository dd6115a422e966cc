"""A NUL character in any GET parameter of a page is ignored or refused, never a server error.

PostgreSQL refuses text with NUL in a query where SQLite accepts it, so these run on both.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from meetings.filters import MeetingFilter, StatementFilter

PAGES = {
    "meetings:meeting-list": MeetingFilter,
    "meetings:statement-list": StatementFilter,
}
OTHER_PARAMETERS = ["page", "q", "lang", "\x00"]
VALUES = ["\x00", "Aliyev\x00", "\x00\x00x"]


def _cases():
    for page, filterset in PAGES.items():
        for name in [*filterset.base_filters, *OTHER_PARAMETERS]:
            for value in VALUES:
                yield page, name, value
    for page in ("meetings:person-list", "person-autocomplete", "meetings:home"):
        for name in ("q", "page"):
            yield page, name, "\x00"


@pytest.mark.parametrize(("page", "name", "value"), list(_cases()))
def test_a_nul_in_a_parameter_is_never_a_server_error(client, world, page, name, value):
    response = client.get(reverse(page), {name: value})
    allowed = {200, 400, 404} if name == "page" else {200, 400}  # a page that is not there
    assert response.status_code in allowed


def test_a_person_with_a_nul_is_reported_and_the_other_people_still_filter(client, world):
    response = client.get(reverse("meetings:meeting-list"), {"person": ["aliyev", "x\x00"]})
    assert response.status_code == 200
    form = response.context["form"]
    assert "person" in form.errors
    assert [p.slug for p in response.context["filterset"].people] == [world.aliyev.slug]
