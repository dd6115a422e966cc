"""Country names follow the interface's language; everything else an article says stays as
written."""

import re

import pytest

from meetings.ingest import Ingestor
from meetings.models import Meeting
from tests.ingest.builders import ALIYEV, ArticleBuilder

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_washington(known_entities):
    """A meeting imported from an article that names its country in full."""
    b = ArticleBuilder("washington.txt")
    b.meeting(
        ALIYEV,
        ("Antony Blinken", "ABD Dışişleri Bakanı", "ABD"),
        place="Washington",
        country="Amerika Birleşik Devletleri",
    )
    extracted = b.build()
    Ingestor().ingest(extracted, extracted.text)
    return Meeting.objects.get()


def test_the_english_interface_shows_english_country_names(client, in_washington):
    blinken = in_washington.participations.get(role="guest").person
    meeting_url, person_url = in_washington.get_absolute_url(), blinken.get_absolute_url()
    body = client.get("/en" + meeting_url).content.decode()
    assert '?country=united-states">United States</a>' in body
    body = client.get("/en" + person_url).content.decode()
    assert "<dd>United States</dd>" in body
    body = client.get("/en/meetings/").content.decode()
    assert "Washington, United States" in body  # a list item
    assert '">United States</option>' in body  # the country filter
    assert re.search(r'country=united-states">United States</a> <span class="count">', body)
    assert "Amerika Birleşik Devletleri" not in body and ">ABD<" not in body
    body = client.get("/en/people/").content.decode()
    assert "<td>United States</td>" in body


def test_the_turkish_interface_shows_turkish_country_names(client, in_washington):
    body = client.get(in_washington.get_absolute_url()).content.decode()
    assert '?country=united-states">ABD</a>' in body
    assert "United States" not in body
