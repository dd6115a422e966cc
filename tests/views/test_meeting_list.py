"""The meetings list: search, filters in the URL, partial-date ranges, facets, pagination."""

import pytest
from django.urls import reverse

from tests.factories import MeetingFactory, ParticipationFactory

pytestmark = pytest.mark.django_db
URL = reverse("meetings:meeting-list")


def slugs(response):
    return [m.slug for m in response.context["meetings"]]


def test_newest_first_with_undated_meetings_last(client, world):
    response = client.get(URL)
    assert slugs(response) == [world.baku.slug, world.moscow.slug, world.undated.slug]


def test_oldest_first_still_lists_undated_last(client, world):
    response = client.get(URL, {"sort": "-date"})
    assert slugs(response) == [world.moscow.slug, world.baku.slug, world.undated.slug]


def test_a_result_shows_the_date_at_its_precision(client, world):
    body = client.get(URL).content.decode()
    assert "Kasım 2020" in body
    assert "6 Mayıs 2019" in body
    assert "tarih bilinmiyor" in body


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"person": "sergey-lavrov"}, ["baku", "moscow", "undated"]),
        ({"person": ["sergey-lavrov", "aleksandr-novak"]}, ["moscow"]),
        ({"person": ["Lavrov", "İlham Aliyev"]}, ["baku", "undated"]),
        ({"person": "Sergei Lavrov"}, ["baku", "moscow", "undated"]),
        ({"person": "Aliev"}, ["baku", "undated"]),  # the surname of an alias, alone
        ({"country": "rusya"}, ["moscow"]),
        ({"year": "2020"}, ["baku"]),
        ({"undated": "on"}, ["undated"]),
        ({"kind": "talks"}, ["moscow"]),
        ({"place": "Moskova"}, ["moscow"]),
        ({"agreement": "10-kasim-2020-uclu-bildirisi"}, ["baku", "undated"]),
        # A month-precision meeting overlaps any range that touches its month.
        ({"date_from": "2020-11-20", "date_to": "2020-12-05"}, ["baku"]),
        ({"date_from": "2020-10-01", "date_to": "2020-11-01"}, ["baku"]),
        ({"date_from": "2020-12-01"}, []),
        ({"date_to": "2020-10-31"}, ["moscow"]),
        ({"date_from": "2019-05-06", "date_to": "2019-05-06"}, ["moscow"]),
        ({"date_from": "2019-05-07", "date_to": "2019-05-31"}, []),
        ({"q": "soygu"}, ["baku"]),
        ({"q": "lavrov", "country": "rusya"}, ["moscow"]),
        ({"q": "aliyev -şoygu"}, ["undated"]),
    ],
)
def test_filters(client, world, params, expected):
    response = client.get(URL, params)
    assert response.status_code == 200
    assert slugs(response) == [getattr(world, name).slug for name in expected]


def test_filters_live_in_the_url_and_survive_paging(client, world):
    for _ in range(25):
        ParticipationFactory(meeting=MeetingFactory(), person=world.lavrov)
    body = client.get(URL, {"person": "sergey-lavrov", "kind": "reception"}).content.decode()
    assert 'href="?person=sergey-lavrov&amp;kind=reception&amp;page=2"' in body


def test_the_chosen_person_shows_as_a_removable_chip(client, world):
    body = client.get(URL, {"person": ["sergey-lavrov", "aleksandr-novak"]}).content.decode()
    assert 'name="person" value="sergey-lavrov"' in body
    assert 'href="?person=aleksandr-novak"' in body  # removing Lavrov keeps Novak


def test_an_unknown_person_is_reported_not_a_failure(client, world):
    response = client.get(URL, {"person": ["Nobody Atall", "sergey-lavrov"]})
    assert response.status_code == 200
    assert "Nobody Atall" in response.content.decode()
    assert slugs(response) == [world.baku.slug, world.moscow.slug, world.undated.slug]


def test_facets_count_the_current_results(client, world):
    facets = client.get(URL, {"country": "azerbaycan"}).context["facets"]
    people = {row["person__slug"]: row["n"] for row in facets["people"]}
    assert people == {"ilham-aliyev": 2, "sergey-lavrov": 2}
    assert [(r["country__slug"], r["n"]) for r in facets["countries"]] == [("azerbaycan", 2)]
    assert [(r["year"], r["n"]) for r in facets["years"]] == [(2020, 1), (None, 1)]


def test_a_searchs_year_facets_count_its_results(client, world):
    facets = client.get(URL, {"q": "lavrov"}).context["facets"]
    expected = {}
    for meeting in (world.baku, world.moscow, world.undated):
        year = meeting.date.year if meeting.date else None
        expected[year] = expected.get(year, 0) + 1
    assert [(r["year"], r["n"]) for r in facets["years"]] == sorted(
        expected.items(), key=lambda item: -(item[0] or 0)
    )


def test_a_facet_link_adds_its_filter(client, world):
    facets = client.get(URL, {"q": "lavrov"}).context["facets"]
    novak = next(r for r in facets["people"] if r["person__slug"] == "aleksandr-novak")
    assert novak["url"] == "?q=lavrov&person=aleksandr-novak"
    assert client.get(URL + novak["url"]).context["meetings"][0] == world.moscow


def test_search_results_carry_a_highlighted_snippet(client, world):
    body = client.get(URL, {"q": "Şoygu"}).content.decode()
    assert "Sergey <mark>Şoygu</mark>&#x27;nun" in body


@pytest.mark.parametrize(
    "q",
    [
        "",
        "x" * 1000,
        "!!!???...,,,",
        "'; DROP TABLE meetings_meeting; --",
        '" OR 1=1 --',
        "NEAR(a b) * ^ :",
        "-",
        '"',
    ],
)
def test_absurd_queries_give_a_normal_page(client, world, q):
    assert client.get(URL, {"q": q}).status_code == 200


@pytest.mark.parametrize(
    "params",
    [
        {"year": "abc"},
        {"date_from": "2020-13-45"},
        {"country": "atlantis"},
        {"agreement": "nope"},
        {"kind": "dinner"},
        {"page": "999"},
        {"page": "x"},
        {"sort": "sideways"},
        {"person": "x" * 500},
    ],
)
def test_invalid_filter_values_do_not_fail_the_page(client, world, params):
    assert client.get(URL, params).status_code == 200


def test_the_form_shows_the_filters_in_force(client, world):
    body = client.get(URL, {"country": "rusya", "kind": "talks", "year": "2019"}).content.decode()
    assert '<option value="rusya" selected>' in body
    assert '<option value="talks" selected>' in body
    assert 'name="year" value="2019"' in body


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("date", ["baku", "moscow", "undated"]),
        ("-date", ["moscow", "baku", "undated"]),
    ],
)
def test_search_results_in_date_order_keep_undated_last(client, world, sort, expected):
    response = client.get(URL, {"q": "lavrov", "sort": sort})
    assert slugs(response) == [getattr(world, name).slug for name in expected]


def test_article_markup_in_a_snippet_is_shown_as_text(client, world):
    body = client.get(URL, {"q": "haberde"}).content.decode()
    assert "<mark>Haberde</mark> &lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "<script>alert" not in body


def test_facets_of_a_broad_filtered_list_count_its_newest_results(client, world, monkeypatch):
    from meetings import views

    monkeypatch.setattr(views.meeting_list, "FACET_SAMPLE", 2)
    response = client.get(URL, {"person": "sergey-lavrov"})
    assert response.context["facets_sampled"]
    years = {row["year"]: row["n"] for row in response.context["facets"]["years"]}
    assert years == {2020: 1, 2019: 1}  # the newest two of Lavrov's three meetings
    assert (
        "newest 2 results" in client.get("/en" + URL, {"person": "sergey-lavrov"}).content.decode()
    )
