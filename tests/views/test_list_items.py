"""List items and filter boxes are written in Python for speed; they must read exactly as the
templates and Django's formatters wrote them."""

import datetime as dt

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format

from meetings.filters import MeetingFilter
from meetings.models import DatePrecision, MeetingKind, Role
from meetings.search import reindex_all
from meetings.templatetags.meeting_tags import filter_field
from meetings.templatetags.partial_dates import partial_date
from tests.factories import (
    ArticleFactory,
    CountryFactory,
    MeetingFactory,
    MeetingReportFactory,
    ParticipationFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["tr", "en"])
def test_dates_read_as_djangos_day_and_month_formats(language):
    with translation.override(language):
        for value in [
            dt.date(year, month, day)
            for year in (1999, 2020)
            for month in range(1, 13)
            for day in (1, 9, 28)
        ]:
            assert partial_date(value, "day") == date_format(value, "j F Y")
            assert partial_date(value, "month") == date_format(value, "F Y")
            assert partial_date(value, "year") == str(value.year)
        assert partial_date(None, "day") == partial_date(dt.date(2020, 1, 1), "unknown")


BAD_AND_GOOD = [
    {},
    {"date_from": "2020-01-01", "year": "2020", "undated": "on", "kind": "talks"},
    {"date_from": "2020-02-30", "year": "abc", "country": "nowhere", "kind": "<b>"},
    {"agreement": "none-such", "place": "Bakü", "date_to": "1.2.2020"},
]


@pytest.mark.parametrize("data", BAD_AND_GOOD)
@pytest.mark.parametrize("language", ["tr", "en"])
def test_filter_boxes_read_as_the_field_template_wrote_them(data, language):
    CountryFactory(name_tr="Azerbaycan", name_en="Azerbaijan", slug="azerbaycan")
    MeetingFactory(location="Bakü")
    with translation.override(language):
        form = MeetingFilter(data or None).form
        form.is_valid()
        for name in (
            "country",
            "date_from",
            "date_to",
            "year",
            "agreement",
            "place",
            "kind",
            "undated",
        ):
            written = render_to_string("meetings/_field.html", {"field": form[name]})
            assert str(filter_field(form[name])) == written, name


def test_a_list_item_shows_date_title_place_kind_people_and_snippet(client):
    """Each piece of an item, escaped, in the order the page has always shown them."""
    country = CountryFactory(name_tr="Gürcistan", name_en="Georgia", slug="gurcistan")
    meeting = MeetingFactory(
        title="Tiflis <görüşmesi> & sonrası",
        slug="tiflis-gorusmesi",
        date=dt.date(2021, 3, 9),
        date_precision=DatePrecision.DAY,
        location="Tiflis",
        country=country,
        kind=MeetingKind.TALKS,
        needs_review=True,
    )
    # Two source articles: the snippet comes from the first one, by id.
    first = ArticleFactory(raw_text="Ilk haber: Tiflis'te <script>x</script> görüşme yapıldı.")
    second = ArticleFactory(raw_text="Ikinci haber: başka bir metin.")
    MeetingReportFactory(meeting=meeting, article=second)
    MeetingReportFactory(meeting=meeting, article=first, index=1)
    host = PersonFactory(name="Nino Beridze")
    ParticipationFactory(meeting=meeting, person=host, role=Role.HOST)
    ParticipationFactory(meeting=meeting, person=None, raw_name="Ad Soyad", role=Role.GUEST)
    for _ in range(2):
        ParticipationFactory(meeting=meeting, role=Role.DELEGATION)
    reindex_all()
    url = reverse("meetings:meeting-detail", kwargs={"slug": "tiflis-gorusmesi"})

    body = client.get(reverse("meetings:meeting-list")).content.decode()
    assert (
        '<li class="result">\n  <div class="result__date">9 Mart 2021</div>\n'
        '  <div class="result__body">\n'
        f'    <h3 class="result__title"><a href="{url}">'
        "Tiflis &lt;görüşmesi&gt; &amp; sonrası</a></h3>\n"
        '    <p class="result__meta"><span>Tiflis, Gürcistan</span> · <span>Görüşme</span>'
        ' · <span class="badge badge--warn">inceleme gerekiyor</span></p>\n'
        '    <p class="result__people"><span class="person-chip person-chip--guest">Ad Soyad'
        ' <small>konuk</small></span> <span class="person-chip person-chip--host">Nino Beridze'
        ' <small>ev sahibi</small></span> <span class="result__more">+ 2 heyet üyesi</span></p>\n'
        '    <p class="result__snippet">Ilk haber: Tiflis&#x27;te &lt;script&gt;x&lt;/script&gt;'
        " görüşme yapıldı.</p>\n  </div>\n</li>\n"
    ) in body

    english = client.get("/en" + reverse("meetings:meeting-list")).content.decode()
    assert "<span>Tiflis, Georgia</span>" in english
    assert "9 March 2021" in english
    searched = client.get(reverse("meetings:meeting-list"), {"q": "tiflis"}).content.decode()
    assert "Ilk haber: <mark>Tiflis</mark>&#x27;te" in searched
