"""Canonical links on every page; OpenGraph and Twitter-card meta on record pages."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import translation

from tests.discovery.records import build_records

pytestmark = pytest.mark.django_db
HOST = "http://testserver"


@pytest.fixture
def records(db):
    return build_records()


class Head(HTMLParser):
    """The <link> and <meta> tags of a page's head."""

    def __init__(self, html: str):
        super().__init__()
        self.links, self.meta, self._in_head = [], {}, True
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "body":
            self._in_head = False
        if not self._in_head:
            return
        if tag == "link":
            self.links.append(attrs)
        elif tag == "meta" and ("property" in attrs or "name" in attrs):
            self.meta[attrs.get("property") or attrs["name"]] = attrs.get("content")

    def canonical(self) -> list[str]:
        return [link["href"] for link in self.links if link.get("rel") == "canonical"]


def head(client, url) -> Head:
    response = client.get(url)
    assert response.status_code == 200
    return Head(response.content.decode())


@pytest.mark.parametrize(
    "name", ["home", "meeting-list", "person-list", "agreement-list", "statement-list"]
)
def test_every_list_page_has_one_canonical_link(client, records, name):
    url = reverse(f"meetings:{name}")
    assert head(client, url).canonical() == [HOST + url]


def test_the_canonical_address_drops_filters_and_keeps_the_page(client, records):
    url = reverse("meetings:meeting-list")
    assert head(client, url + "?country=kazakistan&sort=-date").canonical() == [HOST + url]
    assert head(client, url + "?page=2&q=su").canonical() == [HOST + url + "?page=2"]
    assert head(client, url + "?page=1").canonical() == [HOST + url]
    assert head(client, url + "?page=%3Cscript%3E").canonical() == [HOST + url]


@pytest.mark.parametrize("name", ["summer", "envoy", "pact"])
def test_record_pages_have_canonical_and_preview_meta(client, records, name):
    record = getattr(records, name)
    page = head(client, record.get_absolute_url())
    url = HOST + record.get_absolute_url()
    assert page.canonical() == [url]
    assert page.meta["og:title"] == str(record)
    assert page.meta["og:url"] == url
    assert page.meta["og:site_name"] == "Diplomasi kayıtları"
    assert page.meta["og:locale"] == "tr_TR"
    assert page.meta["og:description"] and page.meta["description"] == page.meta["og:description"]
    assert page.meta["twitter:card"] == "summary"
    assert page.meta["twitter:title"] == str(record)


def test_a_meeting_preview_says_when_where_who(client, records):
    meta = head(client, records.summer.get_absolute_url()).meta
    assert meta["og:type"] == "article"
    assert "3 Temmuz 2022" in meta["og:description"]
    assert "Moğolistan" in meta["og:description"]
    assert "Deniz Yılmazer" in meta["og:description"]


def test_english_pages_describe_themselves_in_english(client, records):
    with translation.override("en"):
        url = records.summer.get_absolute_url()
    meta = head(client, url).meta
    assert meta["og:url"] == HOST + url and url.startswith("/en/")
    assert meta["og:locale"] == "en_GB"
    assert meta["og:site_name"] == "Diplomacy records"
    assert "3 July 2022" in meta["og:description"] and "Mongolia" in meta["og:description"]


def test_news_text_in_meta_is_escaped(client, records):
    records.envoy.name = 'Deniz "Yılmazer" <b>'
    records.envoy.save()
    html = client.get(records.envoy.get_absolute_url()).content.decode()
    assert '<b>"' not in html.split("</head>")[0]
    assert Head(html).meta["og:title"] == 'Deniz "Yılmazer" <b>'
