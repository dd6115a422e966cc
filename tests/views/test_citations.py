"""The "cite this" boxes: permalink, retrieval date, plain text and BibTeX, naming the
source article; on meeting, person and agreement pages and for each statement."""

import datetime as dt
import re
from html import unescape

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from meetings.models import Article
from tests.discovery.records import build_records
from tests.factories import StatementFactory

pytestmark = pytest.mark.django_db
HOST = "http://testserver"


@pytest.fixture(autouse=True)
def _turkish():
    with translation.override("tr"):
        yield


@pytest.fixture
def records(db):
    return build_records()


def boxes(html: str) -> dict[str, str]:
    """Each cite box's inner HTML, by its id."""
    found = re.findall(r'<details class="cite[^"]*" id="([^"]+)">(.*?)</details>', html, re.S)
    return dict(found)


def plain(box: str) -> str:
    return unescape(re.search(r'<p class="cite__text">(.*?)</p>', box, re.S).group(1))


def bibtex(box: str) -> str:
    return unescape(re.search(r'<pre class="cite__bibtex">(.*?)</pre>', box, re.S).group(1))


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def today() -> dt.date:
    return timezone.localdate()


def test_a_meeting_cites_its_source_by_outlet_title_date_and_url(client, records):
    Article.objects.filter(meetings=records.summer).update(
        outlet="Bozkır Haber Ajansı",
        url="https://haber.example/2022/07/su?id=5",
        date=dt.date(2022, 7, 4),
        date_precision="day",
    )
    box = boxes(page(client, records.summer.get_absolute_url()))["cite"]
    permalink = HOST + records.summer.get_absolute_url()
    assert f'<a href="{permalink}">' in box
    assert f'datetime="{today().isoformat()}"' in box
    text = plain(box)
    assert text.startswith(f"“{records.summer.title}”, 3 Temmuz 2022. Diplomasi kayıtları, ")
    assert f"{permalink} (erişim: " in text
    assert (
        "Kaynak: Bozkır Haber Ajansı, “Yılmazer – Erdenebat (Ulan Batur) haberi”, 4 Temmuz 2022, "
        "https://haber.example/2022/07/su?id=5." in text
    )
    assert "yaz-gorusmesi.txt" not in text  # the outlet and URL are known: no file name


def test_without_outlet_or_url_the_file_is_named(client, records):
    text = plain(boxes(page(client, records.spring.get_absolute_url()))["cite"])
    assert "Kaynak: “Yılmazer – Erdenebat (Astana) haberi”, bahar-gorusmesi.txt." in text


def test_bibtex_entry(client, records):
    entry = bibtex(boxes(page(client, records.summer.get_absolute_url()))["cite"])
    assert entry.startswith("@misc{diplomacy:meeting:yaz-gorusmesi,\n")
    assert "  title = {Yılmazer – Erdenebat (Ulan Batur)},\n" in entry
    assert f"  url = {{{HOST}/meetings/yaz-gorusmesi/}},\n" in entry
    assert f"  urldate = {{{today().isoformat()}}}" in entry
    assert "  year = {2022},\n  month = {jul},\n  date = {2022-07-03}" in entry
    assert entry.count("{") == entry.count("}")


def test_the_bib_file_is_the_same_entry(client, records):
    html = page(client, records.summer.get_absolute_url())
    response = client.get(reverse("meetings:meeting-cite", args=[records.summer.slug]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert response.content.decode() == bibtex(boxes(html)["cite"])
    assert reverse("meetings:meeting-cite", args=[records.summer.slug]) in boxes(html)["cite"]


def test_each_statement_has_its_own_box(client, records):
    html = page(client, records.summer.get_absolute_url())
    box = boxes(html)[f"cite-statement-{records.quote.pk}"]
    permalink = f"{HOST}/meetings/yaz-gorusmesi/#statement-{records.quote.pk}"
    assert f'<a href="{permalink}">' in box
    text = plain(box)
    assert text.startswith("“Deniz Yılmazer: Su paylaşımında %50 & {adil} bir çözüm arıyoruz”")
    assert "“Yılmazer – Erdenebat (Ulan Batur)” içinde, 3 Temmuz 2022" in text
    assert "Kaynak: “Yılmazer – Erdenebat (Ulan Batur) haberi”, yaz-gorusmesi.txt." in text


def test_bibtex_escapes_what_would_break_the_entry(client, records):
    html = page(client, records.summer.get_absolute_url())
    entry = bibtex(boxes(html)[f"cite-statement-{records.quote.pk}"])
    assert r"Su paylaşımında \%50 \& \{adil\} bir çözüm arıyoruz" in entry
    assert entry.count("{") - entry.count(r"\{") == entry.count("}") - entry.count(r"\}")


def test_a_long_statement_is_cited_by_its_opening_words(client, records):
    long = StatementFactory(meeting=records.summer, speaker=records.envoy, text="kelime " * 60)
    text = plain(
        boxes(page(client, records.summer.get_absolute_url()))[f"cite-statement-{long.pk}"]
    )
    quoted = text.split("”")[0]
    assert quoted.endswith("kelime…") and len(quoted) < 110


def test_person_and_agreement_pages_have_a_box(client, records):
    person = plain(boxes(page(client, records.envoy.get_absolute_url()))["cite"])
    assert person.startswith("“Deniz Yılmazer”. Diplomasi kayıtları, http://testserver/people/")
    agreement = boxes(page(client, records.pact.get_absolute_url()))["cite"]
    assert plain(agreement).startswith(f"“{records.pact.name}”. Diplomasi kayıtları, ")
    assert "@misc{diplomacy:agreement:" in bibtex(agreement)
    response = client.get(reverse("meetings:person-cite", args=[records.envoy.slug]))
    assert response.content.decode().startswith("@misc{diplomacy:person:deniz-yilmazer,")


def test_english(client, records):
    with translation.override("en"):
        url = records.summer.get_absolute_url()
    html = page(client, url)
    assert "<summary>Cite this</summary>" in html
    text = plain(boxes(html)["cite"])
    assert text.startswith(f"“{records.summer.title}”, 3 July 2022. Diplomacy records, ")
    assert f"{HOST}{url} (retrieved " in text
    assert "Source: " in text


def test_turkish_labels(client, records):
    html = page(client, records.summer.get_absolute_url())
    assert "<summary>Kaynak göster</summary>" in html
    assert "Kalıcı bağlantı" in html and "Erişim tarihi" in html


def test_unknown_record_bib_is_404(client, records):
    assert client.get(reverse("meetings:meeting-cite", args=["yok"])).status_code == 404


def count_queries(client, url) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_statement_boxes_add_no_query_per_statement(client, records):
    url = records.summer.get_absolute_url()
    before = count_queries(client, url)
    for i in range(20):
        StatementFactory(
            meeting=records.summer,
            speaker=records.minister if i % 2 else records.envoy,
            text=f"Açıklama {i}",
            article=records.summer.articles.first(),
        )
    assert count_queries(client, url) == before
    assert len(boxes(page(client, url))) == 1 + 21


@pytest.mark.parametrize("language", ["tr", "en"])
@pytest.mark.parametrize("small", [False, True])
def test_a_box_reads_as_the_cite_template_wrote_it(language, small):
    """The box is written in Python; it must be the markup of meetings/_cite.html."""
    from django.template.loader import render_to_string

    from meetings.templatetags.citations import Citation, cite_html

    cite = Citation(
        key="diplomacy:meeting:x",
        title="Ali & <Veli> “söz”",
        permalink="http://testserver/meetings/a-b/?x=1&y=2#statement-3",
        retrieved=dt.date(2026, 2, 9),
        sources=["Outlet, “Başlık <b>”, 9 Şubat 2026, https://example.org/?a=1&b=2"],
        date=dt.date(2025, 11, 1),
        precision="month",
        context="Bakü & Moskova" if small else "",
        bib_url="" if small else "/meetings/a-b/cite.bib",
    )
    with translation.override(language):
        context = {"cite": cite, "box_id": "cite-statement-3" if small else "cite"}
        if small:
            context["small"] = True
        expected = render_to_string("meetings/_cite.html", context)
        assert cite_html(cite, context["box_id"], small=small) == expected
