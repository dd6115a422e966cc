"""The meetings and statements lists take the HTML lists' filters, and bad input is a 400 that
names the parameter (or an empty list), never a server error."""

import pytest

from meetings.filters import MeetingFilter, StatementFilter

pytestmark = pytest.mark.django_db


def meeting_ids(api, **params):
    response = api.get("/api/meetings/", params)
    assert response.status_code == 200, response.body
    return [m["id"] for m in response.body["results"]]


def statement_ids(api, **params):
    response = api.get("/api/statements/", params)
    assert response.status_code == 200, response.body
    return [s["id"] for s in response.body["results"]]


def test_meetings_newest_first_the_undated_last(api, world):
    assert meeting_ids(api) == [world.baku.pk, world.moscow.pk, world.undated.pk]
    assert meeting_ids(api, sort="-date") == [world.moscow.pk, world.baku.pk, world.undated.pk]


def test_person_filter_takes_slugs_names_aliases_and_surnames(api, world):
    both = [world.baku.pk, world.undated.pk]
    assert meeting_ids(api, person="ilham-aliyev") == both
    assert meeting_ids(api, person="Ilham Aliev") == both
    assert meeting_ids(api, person="aliyev") == both
    assert meeting_ids(api, person=["lavrov", "novak"]) == [world.moscow.pk]


def test_country_year_kind_place_and_undated(api, world):
    assert meeting_ids(api, country="rusya") == [world.moscow.pk]
    assert meeting_ids(api, year=2020) == [world.baku.pk]
    assert meeting_ids(api, kind="talks") == [world.moscow.pk]
    assert meeting_ids(api, place="Moskova") == [world.moscow.pk]
    assert meeting_ids(api, undated="true") == [world.undated.pk]


def test_a_date_range_overlaps_partial_dates(api, world):
    """November 2020 (month precision) overlaps a range that starts on 30 November."""
    assert meeting_ids(api, date_from="2020-11-30", date_to="2020-12-05") == [world.baku.pk]
    assert meeting_ids(api, date_from="2019-05-07", date_to="2020-10-31") == []
    assert meeting_ids(api, date_to="2019-05-06") == [world.moscow.pk]


def test_agreement_filter_finds_every_meeting_that_mentions_it(api, world):
    slug = world.trilateral.slug
    assert meeting_ids(api, agreement=slug) == [world.baku.pk, world.undated.pk]


def test_q_searches_the_turkish_way(api, world):
    assert meeting_ids(api, q="soygu") == [world.baku.pk]  # Şoygu'nun, typed without ş
    assert set(meeting_ids(api, q="LAVROV")) == {world.baku.pk, world.undated.pk, world.moscow.pk}
    assert meeting_ids(api, q="lavrov", country="rusya") == [world.moscow.pk]
    assert meeting_ids(api, q="zzzqxw") == []


def test_statement_filters(api, world):
    quotes = [world.aliyev_quote.pk, world.lavrov_quote.pk]
    assert statement_ids(api) == [*quotes, world.lavrov_reported.pk]
    assert statement_ids(api, speaker="lavrov") == [world.lavrov_quote.pk, world.lavrov_reported.pk]
    assert statement_ids(api, direct="reported") == [world.lavrov_reported.pk]
    assert statement_ids(api, direct="direct") == quotes
    assert statement_ids(api, date_from="2021-01-01") == []
    assert statement_ids(api, q="destekliyoruz") == [world.lavrov_quote.pk]
    assert set(statement_ids(api, q="anlasma")) == set(quotes)  # anlaşması, anlaşmanın (ranked)


BAD = [
    ("date_from", "2020-13-45"),
    ("date_to", "yesterday"),
    ("year", "twenty"),
    ("year", "99999"),
    ("country", "atlantis"),
    ("agreement", "no-such-agreement"),
    ("person", "Nobody Atall"),
    ("kind", "dinner"),
    ("sort", "sideways"),
    ("place", "Atlantis"),
    ("page_size", "100000000"),
    ("page_size", "0"),
    ("page_size", "-5"),
    ("page_size", "ten"),
    ("cursor", "not-a-cursor"),
    ("cursor", "WyJuZXh0IiwgWzFdXQ"),  # a well-formed cursor of the wrong length
    ("lang", "xx"),
]


@pytest.mark.parametrize(("name", "value"), BAD)
def test_a_value_a_filter_cannot_read_is_a_400_naming_it(api, world, name, value):
    response = api.get("/api/meetings/", {name: value})
    assert response.status_code == 400
    assert name in response.body


def test_a_statement_filter_it_cannot_read_is_a_400_naming_it(api, world):
    response = api.get("/api/statements/", {"direct": "maybe", "speaker": "Nobody Atall"})
    assert response.status_code == 400
    assert set(response.body) == {"direct", "speaker"}


def _nul_cases():
    for path, filterset in (
        ("/api/meetings/", MeetingFilter),
        ("/api/statements/", StatementFilter),
    ):
        for name in [*filterset.base_filters, "page", "cursor", "page_size", "lang"]:
            yield path, name
    for path in ("/api/people/", "/api/agreements/", "/api/countries/", "/api/articles/"):
        yield path, "q"


@pytest.mark.parametrize(("path", "name"), list(_nul_cases()))
def test_a_nul_character_anywhere_is_a_400(api, world, path, name):
    response = api.get(path, {name: "Aliyev\x00"})
    assert response.status_code == 400
    assert response.body == {name: ["Null characters are not allowed."]} or name in response.body


def test_a_nul_in_a_parameters_name_is_a_400(api, world):
    assert api.get("/api/meetings/", {"\x00": "x"}).status_code == 400


@pytest.mark.parametrize("page", ["999999", "0", "-3", "abc", "99999999999999999999999999"])
def test_a_page_out_of_range_is_the_nearest_page_as_on_the_html_lists(api, world, page):
    response = api.get("/api/people/", {"page": page})
    assert response.status_code == 200
    assert len(response.body["results"]) == 4
    search = api.get("/api/meetings/", {"q": "lavrov", "page": page})
    assert search.status_code == 200
    assert len(search.body["results"]) == 3


def test_a_long_query_is_searched_up_to_the_limit(api, world):
    response = api.get("/api/meetings/", {"q": "lavrov " + "x" * 5000})
    assert response.status_code == 200
