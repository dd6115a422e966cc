"""sitemap.xml and robots.txt: every record's page in both languages, paged when large."""

import xml.etree.ElementTree as ET

import pytest
from django.test import override_settings
from django.urls import reverse

from meetings.models import Meeting
from tests.discovery.records import build_records
from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
HOST = "http://testserver"


@pytest.fixture
def records(db):
    return build_records()


def parse(response) -> ET.Element:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)


def index_locations(client) -> list[str]:
    index = parse(client.get("/sitemap.xml"))
    assert index.tag == f"{SM}sitemapindex"
    return [s.find(f"{SM}loc").text for s in index.findall(f"{SM}sitemap")]


def urls_of(client, location: str) -> list[ET.Element]:
    urlset = parse(client.get(location.removeprefix(HOST)))
    assert urlset.tag == f"{SM}urlset"
    return urlset.findall(f"{SM}url")


def test_the_index_lists_a_sitemap_per_kind_of_page(client, records):
    assert index_locations(client) == [
        f"{HOST}/sitemap-{section}.xml" for section in ("pages", "meetings", "people", "agreements")
    ]


def test_each_meeting_in_both_languages_with_alternates_and_lastmod(client, records):
    urls = urls_of(client, f"{HOST}/sitemap-meetings.xml")
    locations = [u.find(f"{SM}loc").text for u in urls]
    for meeting in Meeting.objects.all():
        assert f"{HOST}/meetings/{meeting.slug}/" in locations
        assert f"{HOST}/en/meetings/{meeting.slug}/" in locations
    assert len(locations) == 2 * Meeting.objects.count()
    first = urls[0]
    alternates = {
        a.get("hreflang"): a.get("href") for a in first.findall(f"{XHTML}link[@rel='alternate']")
    }
    slug = first.find(f"{SM}loc").text.rstrip("/").rsplit("/", 1)[1]
    assert alternates == {
        "tr": f"{HOST}/meetings/{slug}/",
        "en": f"{HOST}/en/meetings/{slug}/",
        "x-default": f"{HOST}/meetings/{slug}/",
    }
    updated = Meeting.objects.get(slug=slug).updated_at
    assert first.find(f"{SM}lastmod").text.startswith(updated.strftime("%Y-%m-%d"))


def test_people_agreements_and_list_pages(client, records):
    people = [u.find(f"{SM}loc").text for u in urls_of(client, f"{HOST}/sitemap-people.xml")]
    assert f"{HOST}{records.envoy.get_absolute_url()}" in people
    agreements = urls_of(client, f"{HOST}/sitemap-agreements.xml")
    assert f"{HOST}/en/agreements/{records.pact.slug}/" in [
        u.find(f"{SM}loc").text for u in agreements
    ]
    pages = [u.find(f"{SM}loc").text for u in urls_of(client, f"{HOST}/sitemap-pages.xml")]
    for path in ("/", "/meetings/", "/people/", "/agreements/", "/statements/", "/en/meetings/"):
        assert f"{HOST}{path}" in pages


@override_settings(SITEMAP_URLS_PER_PAGE=4)
def test_a_large_sitemap_is_paged_and_every_page_listed_once(client, records):
    for i in range(3):
        MeetingFactory(slug=f"ek-{i}")
    total = Meeting.objects.count()  # 7 meetings: 14 addresses, 4 a page
    meeting_maps = [loc for loc in index_locations(client) if "sitemap-meetings" in loc]
    assert meeting_maps == [f"{HOST}/sitemap-meetings.xml"] + [
        f"{HOST}/sitemap-meetings.xml?p={n}" for n in (2, 3, 4)
    ]
    seen = []
    for location in meeting_maps:
        page = [u.find(f"{SM}loc").text for u in urls_of(client, location)]
        assert len(page) <= 4
        seen += page
    assert len(seen) == len(set(seen)) == 2 * total
    # a record's two languages always share a page
    assert all(seen[i].replace("/en/", "/") == seen[i + 1].replace("/en/", "/") for i in (0, 2))


@pytest.mark.parametrize("query", ["?p=99", "?p=abc", "?p=0", "?p=-1"])
def test_a_page_past_the_end_is_404(client, records, query):
    assert client.get("/sitemap-meetings.xml" + query).status_code == 404


def test_an_unknown_section_is_404(client, records):
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_the_sitemap_reads_one_page_of_rows(client, records, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):  # a count for the paginator, and the page's rows
        assert client.get("/sitemap-meetings.xml").status_code == 200


def test_robots_txt(client, records):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert f"Disallow: {reverse('admin:index')}" in lines
    assert "Disallow: /api/" in lines
    assert "Allow: /" in lines
    assert f"Sitemap: {HOST}/sitemap.xml" in lines


def test_robots_txt_answers_only_reading(client):
    assert client.post("/robots.txt").status_code == 405
