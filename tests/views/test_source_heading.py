"""The meeting page names each source as people cite it: title, outlet and date, with a link.

A source known only by its file keeps the file name; a source with a URL links to it as an
external page (rel="noopener"), and nothing from the article reaches the page unescaped.
"""

import datetime as dt
import re

import pytest

from meetings.models import DatePrecision
from tests.factories import ArticleFactory, MeetingFactory, MeetingReportFactory

pytestmark = pytest.mark.django_db


def _heading(client, **article_fields) -> str:
    """The source heading of a meeting reported by one article with these fields."""
    meeting = MeetingFactory()
    MeetingReportFactory(meeting=meeting, article=ArticleFactory(**article_fields))
    response = client.get(meeting.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    section = re.search(r'<section class="source".*?</section>', html, re.S)
    assert section, "the page has no source section"
    return section.group()


def test_a_source_with_metadata_is_named_by_title_outlet_and_date_with_a_link(client):
    html = _heading(
        client,
        filename="042_yerel.txt",
        title="Ceban, Abaşidze'yi Kişinev'de ağırladı",
        outlet="Karadeniz Haber Ajansı",
        url="https://haber.example.org/2024/11/ceban",
        date=dt.date(2024, 11, 5),
        date_precision=DatePrecision.DAY,
    )
    link = re.search(r'<a class="external" href="([^"]+)" rel="([^"]+)">(.*?)</a>', html, re.S)
    assert link, html
    assert link.group(1) == "https://haber.example.org/2024/11/ceban"
    assert "noopener" in link.group(2).split() and "external" in link.group(2).split()
    assert "Ceban, Abaşidze&#x27;yi Kişinev&#x27;de ağırladı" in link.group(3)
    assert "Karadeniz Haber Ajansı" in html
    assert "5 Kasım 2024" in html
    assert "042_yerel.txt" not in html


def test_the_english_page_says_the_link_leads_to_another_site(client):
    meeting = MeetingFactory()
    article = ArticleFactory(outlet="Kuzey Ajansı", url="https://kuzey.example/a", title="Haber")
    MeetingReportFactory(meeting=meeting, article=article)
    turkish = meeting.get_absolute_url()
    html = client.get("/en" + turkish).content.decode()
    assert "(on another site)" in html
    html = client.get(turkish).content.decode()
    assert "(başka bir sitede)" in html


def test_an_outlet_without_a_url_is_named_without_a_link(client):
    html = _heading(client, filename="043.txt", title="Bir haber", outlet="Kuzey Gazetesi")
    assert "Kuzey Gazetesi" in html and "Bir haber" in html
    assert 'class="external"' not in html
    assert "043.txt" not in html


def test_a_source_without_metadata_keeps_its_file_name(client):
    html = _heading(
        client,
        filename="000_c0a32fc8072f6d9b.txt",
        date=dt.date(2020, 11, 1),
        date_precision=DatePrecision.MONTH,
    )
    assert "000_c0a32fc8072f6d9b.txt" in html
    assert "Kasım 2020" in html
    assert 'class="external"' not in html


def test_a_pasted_source_without_a_file_name_shows_its_title(client):
    html = _heading(client, filename="", title="Yapıştırılmış haber")
    assert '<p class="source__file muted small">Yapıştırılmış haber</p>' in html


def test_what_the_article_says_is_escaped(client):
    html = _heading(
        client,
        title="<script>alert(1)</script>",
        outlet='Ajans "<b>"',
        url="https://haber.example.org/?a=1&b=<2>",
    )
    assert "<script>alert(1)</script>" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html
    assert 'href="https://haber.example.org/?a=1&amp;b=&lt;2&gt;"' in html
