"""The meetings list's filter box is written once per data generation and language while it
shows nothing a visitor chose; any value, error, sort, language or new data shows as if it
were written for the request."""

import re

import pytest
from django.urls import reverse

from tests.views.conftest import imported

pytestmark = pytest.mark.django_db
LIST = reverse("meetings:meeting-list")


def filter_box(response) -> str:
    body = response.content.decode()
    return re.search(r'<form id="filters".*?</form>', body, re.S).group(0)


def test_a_blank_box_is_the_same_for_every_search_and_kept(client, one_meeting):
    first = filter_box(client.get(LIST))
    assert filter_box(client.get(LIST, {"q": "lavrov"})) == first
    assert filter_box(client.get(LIST, {"q": "bakü", "page": "2"})) == first
    assert 'name="sort"' not in first


@pytest.mark.parametrize(
    ("params", "shown"),
    [
        ({"place": "Bakü"}, '<option value="Bakü" selected>'),
        ({"date_from": "2024-13-45"}, 'value="2024-13-45"'),
        ({"year": "abc"}, 'value="abc"'),
        ({"person": "Sergey Lavrov"}, 'value="sergey-lavrov"'),
        ({"person": "Nobody Atall"}, 'value="Nobody Atall"'),
        ({"undated": "on"}, "checked"),
        ({"q": "lavrov", "sort": "-date"}, '<input type="hidden" name="sort" value="-date">'),
    ],
)
def test_a_chosen_value_shows_after_a_blank_box_was_kept(client, one_meeting, params, shown):
    blank = filter_box(client.get(LIST))
    assert shown not in blank
    assert shown in filter_box(client.get(LIST, params))


def test_each_language_has_its_own_box(client, one_meeting):
    turkish = filter_box(client.get(LIST))
    english = filter_box(client.get("/en" + LIST))
    assert "Filtrele<" in turkish and 'action="/meetings/"' in turkish
    assert "Apply filters" in english and 'action="/en/meetings/"' in english


def test_a_kept_box_offers_a_place_imported_after_it(client, one_meeting):
    assert '<option value="Washington">' not in filter_box(client.get(LIST))
    imported(
        "second.txt",
        ("Antony Blinken", "ABD Dışişleri Bakanı", "ABD"),
        "Washington",
        "Amerika Birleşik Devletleri",
    )
    box = filter_box(client.get(LIST, {"q": "blinken"}))
    assert '<option value="Washington">' in box
    assert '<option value="Antony Blinken">' in box  # the name suggestions too
