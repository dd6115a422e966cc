"""Every aggregate a page shows is as fresh as the data: counts, facets, the place list and
the name suggestions include an article the moment it is imported."""

import pytest
from django.urls import reverse

from tests.views.conftest import imported

pytestmark = pytest.mark.django_db
LIST = reverse("meetings:meeting-list")
HOME = reverse("meetings:home")
STATEMENTS = reverse("meetings:statement-list")


def test_facets_counts_places_and_suggestions_include_a_new_import(client, one_meeting):
    before = client.get(LIST)
    assert before.context["page_obj"].paginator.count == 1
    assert "Washington" not in [p for p, _ in before.context["form"].fields["place"].choices]
    home = client.get(HOME)
    assert home.context["counts"]["meetings"] == 1

    imported(
        "second.txt",
        ("Antony Blinken", "ABD Dışişleri Bakanı", "ABD"),
        "Washington",
        "Amerika Birleşik Devletleri",
    )

    after = client.get(LIST)
    assert after.context["page_obj"].paginator.count == 2
    people = {row["person__name"]: row["n"] for row in after.context["facets"]["people"]}
    assert people.get("Antony Blinken") == 1 and people.get("İlham Aliyev") == 2
    countries = {row["country__slug"] for row in after.context["facets"]["countries"]}
    assert "united-states" in countries
    assert "Washington" in [p for p, _ in after.context["form"].fields["place"].choices]
    assert "Antony Blinken" in after.context["people_suggestions"]
    home = client.get(HOME)
    assert home.context["counts"]["meetings"] == 2
    assert "Antony Blinken" in [row["name"] for row in home.context["frequent"]]
