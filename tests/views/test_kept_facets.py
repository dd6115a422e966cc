"""The meetings list's facet lists are written once per data generation, language and sort
while the URL holds nothing else; a link of theirs always carries the rest of the URL it is
on, and the lists always count the data as it is."""

import re

import pytest
from django.urls import reverse

from tests.views.conftest import imported

pytestmark = pytest.mark.django_db
LIST = reverse("meetings:meeting-list")


def facet_section(response) -> str:
    body = response.content.decode()
    return re.search(r'<section class="facets".*?</section>', body, re.S).group(0)


def person_link(section: str, slug: str) -> str:
    return re.search(rf'href="([^"]*person={slug}[^"]*)"', section).group(1)


@pytest.mark.parametrize(
    ("params", "carried"),
    [
        ({"utm_source": "feed"}, "utm_source=feed"),
        ({"sort": "-date"}, "sort=-date"),
        ({"q": ""}, "q="),
        ({"q": "lavrov"}, "q=lavrov"),
        ({"sort": "-date", "ref": "x"}, "ref=x"),
    ],
)
def test_a_link_carries_the_rest_of_its_own_url_before_and_after_a_kept_list(
    client, one_meeting, params, carried
):
    blank = facet_section(client.get(LIST))
    assert carried not in person_link(blank, "sergey-lavrov")
    own = facet_section(client.get(LIST, params))
    assert carried in person_link(own, "sergey-lavrov")
    assert carried not in person_link(facet_section(client.get(LIST)), "sergey-lavrov")
    assert carried in person_link(facet_section(client.get(LIST, params)), "sergey-lavrov")


def test_every_page_of_the_list_has_the_same_lists(client, one_meeting):
    first = facet_section(client.get(LIST))
    assert facet_section(client.get(LIST, {"page": "2"})) == first
    assert facet_section(client.get(LIST, {"page": "abc"})) == first


def test_kept_lists_count_an_article_imported_after_them(client, one_meeting):
    assert "Antony Blinken" not in facet_section(client.get(LIST))
    imported(
        "second.txt",
        ("Antony Blinken", "ABD Dışişleri Bakanı", "ABD"),
        "Washington",
        "Amerika Birleşik Devletleri",
    )
    section = facet_section(client.get(LIST))
    assert "Antony Blinken" in section
    assert re.search(r"İlham Aliyev</a> <span class=\"count\">2<", section)


def test_each_language_has_its_own_lists(client, one_meeting):
    turkish = facet_section(client.get(LIST))
    english = facet_section(client.get("/en" + LIST))
    assert "Azerbaycan" not in english and "Azerbaijan" in english
    assert "Azerbaycan" in turkish
    assert person_link(english, "sergey-lavrov").startswith("?")
