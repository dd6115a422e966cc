"""Atom feeds: the latest meetings (and any list page's filters), a person's, an agreement's."""

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import translation

from tests.discovery.records import add_meeting, build_records

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture
def records(db):
    return build_records()


def atom(response) -> ET.Element:
    """The feed, checked against Atom's required structure (RFC 4287, 4.1.1 and 4.1.2)."""
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert feed.find(f"{ATOM}{name}").text, f"the feed has no {name}"
    assert feed.find(f"{ATOM}author/{ATOM}name").text  # or every entry must have one
    assert feed.find(f"{ATOM}link[@rel='self']").get("href").startswith("http://testserver/")
    ids = []
    for entry in feed.findall(f"{ATOM}entry"):
        for name in ("id", "title", "updated"):
            assert entry.find(f"{ATOM}{name}").text, f"an entry has no {name}"
        assert entry.find(f"{ATOM}link").get("href").startswith("http://testserver/")
        ids.append(entry.find(f"{ATOM}id").text)
    assert len(ids) == len(set(ids)), "entry ids must be unique"
    return feed


def titles(feed) -> list[str]:
    return [e.find(f"{ATOM}title").text for e in feed.findall(f"{ATOM}entry")]


def links(feed) -> list[str]:
    return [e.find(f"{ATOM}link").get("href") for e in feed.findall(f"{ATOM}entry")]


def test_latest_meetings_newest_first_undated_last(client, records):
    feed = atom(client.get(reverse("meetings:meeting-feed")))
    assert titles(feed) == [
        records.other.title,
        records.summer.title,
        records.spring.title,
        records.undated.title,
    ]
    assert links(feed)[0] == "http://testserver" + records.other.get_absolute_url()
    assert feed.get(XML_LANG) == "tr"


def test_an_entry_says_when_where_who_and_when_it_changed(client, records):
    feed = atom(client.get(reverse("meetings:meeting-feed")))
    entry = feed.findall(f"{ATOM}entry")[1]
    assert entry.find(f"{ATOM}title").text == records.summer.title
    summary = entry.find(f"{ATOM}summary").text
    assert "3 Temmuz 2022" in summary
    assert "Moğolistan" in summary and "Deniz Yılmazer" in summary
    assert entry.find(f"{ATOM}updated").text.startswith(
        records.summer.updated_at.strftime("%Y-%m-%d")
    )


def test_a_persons_feed_lists_their_newest_meetings_first(client, records):
    feed = atom(client.get(reverse("meetings:person-feed", args=[records.envoy.slug])))
    assert titles(feed) == [records.summer.title, records.spring.title, records.undated.title]
    assert records.envoy.name in feed.find(f"{ATOM}title").text
    alternate = feed.find(f"{ATOM}link[@rel='alternate']").get("href")
    assert alternate == "http://testserver" + records.envoy.get_absolute_url()


def test_a_new_meeting_tops_the_persons_feed(client, records):
    newest = add_meeting(
        "Yılmazer'in yeni görüşmesi", "yeni", dt.date(2024, 2, 2), records.kz, records
    )
    feed = atom(client.get(reverse("meetings:person-feed", args=[records.envoy.slug])))
    assert titles(feed)[0] == newest.title


def test_an_agreements_feed_lists_the_meetings_that_mention_it(client, records):
    feed = atom(client.get(reverse("meetings:agreement-feed", args=[records.pact.slug])))
    assert titles(feed) == [records.summer.title, records.spring.title]


def test_english_feed_under_en(client, records):
    with translation.override("en"):
        url = reverse("meetings:person-feed", args=[records.envoy.slug])
    assert url.startswith("/en/")
    feed = atom(client.get(url))
    assert feed.get(XML_LANG) == "en"
    assert feed.find(f"{ATOM}title").text == f"Meetings of {records.envoy.name}"
    assert all(link.startswith("http://testserver/en/meetings/") for link in links(feed))
    assert "3 July 2022" in feed.findall(f"{ATOM}entry")[0].find(f"{ATOM}summary").text


def test_turkish_feed_title(client, records):
    feed = atom(client.get(reverse("meetings:person-feed", args=[records.envoy.slug])))
    assert feed.find(f"{ATOM}title").text == f"{records.envoy.name} ile görüşmeler"


@pytest.mark.parametrize(
    "query, expected",
    [
        ("country=mogolistan", ["other", "summer"]),
        ("date_from=2021-01-01&date_to=2022-12-31", ["summer", "spring"]),
        ("year=2021", ["spring"]),
        (f"agreement={'bozkir-su-paylasimi-protokolu'}", ["summer", "spring"]),
        ("undated=on", ["undated"]),
        ("person=deniz-yilmazer&country=kazakistan", ["spring", "undated"]),
    ],
)
def test_the_search_feed_follows_the_list_filters(client, records, query, expected):
    feed = atom(client.get(reverse("meetings:meeting-feed") + "?" + query))
    assert titles(feed) == [getattr(records, name).title for name in expected]
    listed = client.get(reverse("meetings:meeting-list") + "?" + query).content.decode()
    for name in expected:
        assert getattr(records, name).get_absolute_url() in listed


def test_the_search_feed_follows_a_search(client, records):
    feed = atom(client.get(reverse("meetings:meeting-feed") + "?q=ulan+batur"))
    assert titles(feed) == [records.summer.title]
    assert "ulan batur" in feed.find(f"{ATOM}title").text


@pytest.mark.parametrize(
    "query",
    [
        "date_from=yesterday",
        "year=abc",
        "country=atlantis",
        "kind=dinner",
        "person=nobody-at-all",
        "agreement=%00",
        "q=%00",
    ],
)
def test_bad_filters_are_a_400_not_a_500(client, records, query):
    response = client.get(reverse("meetings:meeting-feed") + "?" + query)
    assert response.status_code == 400
    assert "text/plain" in response["Content-Type"]
    assert query.split("=")[0] in response.content.decode()


@pytest.mark.parametrize("q", ["a" * 5000, "\"'(", "-", "*"])
def test_odd_searches_never_fail(client, records, q):
    response = client.get(reverse("meetings:meeting-feed") + "?q=" + q)
    assert response.status_code == 200
    atom(response)


def test_unknown_person_or_agreement_is_404(client, records):
    assert client.get(reverse("meetings:person-feed", args=["nobody"])).status_code == 404
    assert client.get(reverse("meetings:agreement-feed", args=["nothing"])).status_code == 404


def test_a_meeting_slugged_feed_does_not_hide_the_feed(client, records):
    response = client.get("/meetings/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")


def alternate_feeds(html: str) -> list[str]:
    """The href of every Atom alternate link in a page's head."""
    head = html.split("</head>")[0]
    found = []
    for part in head.split("<link ")[1:]:
        if 'type="application/atom+xml"' in part and 'rel="alternate"' in part:
            found.append(part.split('href="')[1].split('"')[0])
    return found


def test_pages_link_their_feed(client, records):
    person = client.get(records.envoy.get_absolute_url()).content.decode()
    assert alternate_feeds(person) == [reverse("meetings:person-feed", args=[records.envoy.slug])]
    agreement = client.get(records.pact.get_absolute_url()).content.decode()
    assert alternate_feeds(agreement) == [
        reverse("meetings:agreement-feed", args=[records.pact.slug])
    ]
    listed = client.get(reverse("meetings:meeting-list") + "?country=mogolistan&page=1&sort=-date")
    assert alternate_feeds(listed.content.decode()) == [
        reverse("meetings:meeting-feed") + "?country=mogolistan"
    ]


def test_english_pages_link_the_english_feed(client, records):
    with translation.override("en"):
        url = records.envoy.get_absolute_url()
    html = client.get(url).content.decode()
    assert alternate_feeds(html) == [f"/en/people/{records.envoy.slug}/feed/"]
