"""A download's bad input gets what the page gets for it: never a server error.

A NUL in a parameter is what PostgreSQL refuses where SQLite accepts it, so these run on both.
"""

import pytest
from django.urls import reverse

from meetings.filters import MeetingFilter, StatementFilter
from tests.downloads.conftest import body

pytestmark = pytest.mark.django_db
PAGES = {
    "meetings:meeting-list": [*MeetingFilter.base_filters, "page"],
    "meetings:statement-list": [*StatementFilter.base_filters, "page"],
    "meetings:person-list": ["q", "page"],
    "meetings:agreement-list": ["page"],
}
VALUES = ["\x00", "Aliyev\x00", "x" * 2000, "2020-13-45", '"-%']


def _cases():
    for page, names in PAGES.items():
        for name in names:
            for value in VALUES:
                yield page, name, value


@pytest.mark.parametrize(("page", "name", "value"), list(_cases()))
def test_bad_input_gives_what_the_page_gives_never_a_server_error(client, world, page, name, value):
    url = reverse(page)
    shown = client.get(url, {name: value})
    for fmt in ("csv", "jsonl"):
        response = client.get(f"{url}download.{fmt}", {name: value})
        assert response.status_code == shown.status_code
        if response.status_code == 200:
            body(response)  # and the whole body is written
