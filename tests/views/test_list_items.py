"""List items and filter boxes are written in Python for speed; they must read exactly as the
templates and Django's formatters wrote them."""

import datetime as dt
from pathlib import Path

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
from meetings.views.common import show_what_was_typed
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
        show_what_was_typed(form)  # as the page does: a bad date stays in a text box
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


def test_a_searchs_rows_read_as_the_lists_rows_in_two_queries_of_fixed_sql(
    django_assert_num_queries,
):
    """A search's page of rows (by id, in the search's order) holds what the list's rows hold
    for the same meetings, and its SQL does not grow with the number of ids."""
    from django.db import connection

    from meetings.models import Meeting
    from meetings.views.list_rows import list_values, meeting_rows, rows_in_order

    country = CountryFactory(name_tr="Gürcistan", name_en="Georgia", slug="gurcistan")
    for i, precision in enumerate(["day", "month", "year", "unknown"] * 3):
        meeting = MeetingFactory(
            date=None if precision == "unknown" else dt.date(2000 + i, 1 + i % 12, 1),
            date_precision=precision,
            country=country if i % 2 else None,
            needs_review=bool(i % 3),
        )
        for n in range(2):
            MeetingReportFactory(meeting=meeting, article=ArticleFactory(raw_text=f"{i}.{n} x"))
        ParticipationFactory(meeting=meeting, role=Role.GUEST)
        ParticipationFactory(meeting=meeting, person=None, raw_name=f"Ad {i}", role=Role.HOST)
    ids = list(Meeting.objects.order_by("?").values_list("pk", flat=True))

    def fields(rows):
        return [
            (r.id, r.slug, r.title, r.date, r.date_precision, r.location, r.kind,
             r.needs_review, r.country_tr, r.country_en, r.url, r.people, r.opening)
            for r in rows
        ]  # fmt: skip

    expected = {
        row.id: row for row in meeting_rows(list(list_values(Meeting.objects.filter(pk__in=ids))))
    }
    sqls = []

    def keep(execute, sql, params, many, context):
        sqls.append(sql)
        return execute(sql, params, many, context)

    with django_assert_num_queries(2), connection.execute_wrapper(keep):
        rows = rows_in_order(ids)
    assert fields(rows) == fields(expected[pk] for pk in ids)
    assert all(isinstance(r.needs_review, bool) for r in rows)
    assert rows[0].opening.endswith(".0 x")  # the first article's opening
    with connection.execute_wrapper(keep):
        rows_in_order(ids[:3])
    assert [sql.count("%s") for sql in sqls[2:]] == [sql.count("%s") for sql in sqls[:2]]


# The facet lists as meeting_list.html wrote them with template loops.
FACETS_TEMPLATE = Path(__file__).with_name("facet_lists_as_template.html")


@pytest.mark.parametrize("language", ["tr", "en"])
@pytest.mark.parametrize("empty", [None, "people", "countries", "years"])
def test_facet_lists_read_as_the_template_loops_wrote_them(language, empty):
    from django.template import engines

    from meetings.templatetags.list_items import facet_lists

    facets = {
        "people": [
            {
                "person__name": "Ali <Can> & O'Neil",
                "n": 12345,
                "url": "?p=a&q=%22x%22",
                "active": 1,
            },
            {"person__name": "Zeki", "n": 1, "url": "?person=b", "active": False},
        ],
        "countries": [
            {"country__name_tr": "Gürcistan", "country__name_en": "Georgia", "n": 3, "url": "?c=g"},
            {
                "country__name_tr": "Yer <b>",
                "country__name_en": "",
                "n": 2,
                "url": "?",
                "active": 1,
            },
            {"country__name_tr": "Öbür", "country__name_en": None, "n": 1000, "url": "?a=1&b=2"},
        ],
        "years": [
            {"year": 2020, "n": 7, "url": "?year=2020", "active": True},
            {"year": 999, "n": 2, "url": "?year=999"},
            {"year": None, "n": 1, "url": "?undated=on"},
        ],
    }
    for rows in facets.values():
        for row in rows:
            row.setdefault("active", False)
    if empty:
        facets[empty] = []
    template = engines["django"].from_string("{% load i18n %}" + FACETS_TEMPLATE.read_text())
    with translation.override(language):
        expected = template.render({"facets": facets, "LANGUAGE_CODE": language})
        assert facet_lists(facets) == expected.removeprefix("      ")
