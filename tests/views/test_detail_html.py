"""A meeting's page is byte for byte the page stored in tests/views/detail_html/.

The stored pages were rendered by the meeting page as it was before it was made cheaper to
render; any change to its markup, its order or its escaping shows here as a diff. Every row
has a fixed id and every name is spelled out, so the pages come out the same on SQLite and
PostgreSQL, whichever tests ran before. After a deliberate change to the page, rewrite the
stored pages with ``UPDATE_DETAIL_HTML=1`` and read their diff before committing it.
"""

import datetime as dt
import difflib
import os
import re
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from meetings.models import AgreementStatus, DatePrecision, MeetingKind, Role
from tests.factories import (
    AgreementFactory,
    AgreementMentionFactory,
    ArticleFactory,
    CountryFactory,
    MeetingFactory,
    MeetingReportFactory,
    ParticipationFactory,
    PersonFactory,
    PersonMentionFactory,
    StatementFactory,
)
from tests.views.conftest import span

pytestmark = pytest.mark.django_db

STORED = Path(__file__).parent / "detail_html"
RETRIEVED = dt.date(2024, 2, 29)  # the cite boxes' "retrieved" date, fixed for the test
ID = 910_000  # far above the ids other tests' rows get from the database's counters
_CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')

SUMMIT_TEXT = (
    "ZEMBLA ŞEHRİ (ZHA) - Zembla Devlet Başkanı Vera Zemblova, Şükrü Öztürk-Çelik'i "
    "Zembla Şehri & Liman'da kabul etti. Haberde <script>alert(1)</script> yazıyordu.\n\n \n\n"
    "Zemblova, \"Zembla–Kuzey Barış Anlaşması'nı {yürürlüğe} koymak için 100% $ #hazırız_ "
    've bunu tüm dünyaya ~duyuruyoruz^ \\ çünkü barış & refah birlikte gelir" dedi. '
    "Görüşmede Ivan Petrov da hazır bulundu. Ticaret & Gümrük Protokolü ayrıca ele alındı. "
    "Vera Zemblova sonra ayrıldı."
)
SUMMIT_QUOTE = (
    "Zembla–Kuzey Barış Anlaşması'nı {yürürlüğe} koymak için 100% $ #hazırız_ ve bunu tüm "
    "dünyaya ~duyuruyoruz^ \\ çünkü barış & refah birlikte gelir"
)
EXTRA_TEXT = (
    "Heyette Bay X ve Kieran O'Brien de vardı. Sözcü, görüşmenin verimli geçtiğini söyledi. "
    "Gizemli Kişi de oradaydı. Zembla–Kuzey Barış Anlaşması yine anıldı. "
    "Aynı gün Vera Zemblova, Ivan Petrov ile ayrıca görüştü."
)
THIRD_TEXT = 'Üçüncü haber: Öztürk-Çelik ve Zemblova "yakında" yeniden görüşecek.'
YEAR_TEXT = "Kuzeyde Vera Zemblova bir konuşma yaptı. Tarih yalnızca yıl olarak biliniyor."

# The pages compared: (stored file, meeting slug, English?, as staff?).
PAGES = [
    ("summit_tr", "2021-03-04-zemblova-ozturk", False, False),
    ("summit_en", "2021-03-04-zemblova-ozturk", True, False),
    ("summit_staff", "2021-03-04-zemblova-ozturk", False, True),
    ("bare_tr", "yalniz-gorusme", False, False),
    ("bare_en", "yalniz-gorusme", True, False),
    ("year_tr", "2019-kuzey-konusmasi", False, False),
    ("month_tr", "2021-03-ayni-gun", False, False),
    ("month_en", "2021-03-ayni-gun", True, False),
    ("twice_tr", "iki-kez-anlatilan", False, False),
]


class Rows:
    """The rows the pages show, by name."""


def _countries_and_people(rows: Rows) -> None:
    rows.zembla = CountryFactory(
        id=ID + 1, name_tr="Zembla", name_en="Zemblan Republic", slug="zembla", iso_code="XZ"
    )
    rows.north = CountryFactory(
        id=ID + 2, name_tr="Kuzey Ülkesi", name_en="North Land", slug="kuzey-ulkesi"
    )
    names = ["Vera Zemblova", "Şükrü Öztürk-Çelik", "Kieran O'Brien", "Ivan Petrov"]
    rows.vera, rows.sukru, rows.kieran, rows.ivan = (
        PersonFactory(id=ID + 101 + i, name=name, country=(rows.zembla, rows.north)[i % 2])
        for i, name in enumerate(names)
    )


def _articles(rows: Rows) -> None:
    """One article with every header field, one with only a file name, one with a URL and
    no title, one with an outlet and no URL."""
    common = {"title": "", "outlet": "", "url": "", "date": None}
    given = [
        (
            SUMMIT_TEXT,
            "100_zirve.txt",
            {
                "title": "Zirve <haberi> & “analiz”",
                "outlet": "Zembla Haber Ajansı",
                "url": "https://haber.example/2021/03/zirve?id=5&x=ş",
                "date": dt.date(2021, 3, 4),
                "date_precision": DatePrecision.DAY,
            },
        ),
        (
            EXTRA_TEXT,
            "101_ek.txt",
            {"date": dt.date(2021, 3, 1), "date_precision": DatePrecision.MONTH},
        ),
        (THIRD_TEXT, "102_ucuncu.txt", {"url": "https://örnek.example/haber 1"}),
        (
            YEAR_TEXT,
            "103_yil.txt",
            {
                "title": "Yıl haberi",
                "outlet": "Kuzey Gazetesi",
                "date": dt.date(2019, 1, 1),
                "date_precision": DatePrecision.YEAR,
            },
        ),
    ]
    rows.summit_article, rows.extra, rows.third, rows.year_article = (
        ArticleFactory(id=ID + 301 + i, raw_text=text, text=text, filename=name, **common | more)
        for i, (text, name, more) in enumerate(given)
    )


def _participants(rows: Rows, meeting) -> None:
    """Host, guest and delegation; with a person and without one; with spans and locks."""
    s, e = SUMMIT_TEXT, EXTRA_TEXT
    second = span(s, "Vera Zemblova", span(s, "Vera Zemblova")[1])
    given = [
        (rows.vera, "", Role.HOST, "Zembla Devlet Başkanı", rows.summit_article,
         [span(s, "Vera Zemblova"), second], []),
        (rows.sukru, "", Role.GUEST, "", rows.summit_article, [span(s, "Şükrü Öztürk-Çelik")],
         []),
        (rows.kieran, "", Role.DELEGATION, "Danışman <kıdemli>", None, [], ["title"]),
        (None, "Bay X", Role.DELEGATION, "Heyet üyesi", rows.extra, [span(e, "Bay X")], []),
        (None, "Adı bilinmeyen yetkili", Role.GUEST, "", None, [], ["person", "raw_name"]),
    ]  # fmt: skip
    for i, (person, raw_name, role, title, article, spans, locked) in enumerate(given):
        ParticipationFactory(
            id=ID + 401 + i,
            meeting=meeting,
            person=person,
            raw_name=person.name if person else raw_name,
            role=role,
            title=title,
            article=article,
            spans=[list(x) for x in spans],
            locked_fields=locked,
        )


def _mentions(rows: Rows) -> None:
    """People the articles name: linked, unresolved (no link, not listed), without a span.

    Each has a place (span_start): the list orders by it, and SQLite and PostgreSQL put a
    missing one at opposite ends."""
    s, e = SUMMIT_TEXT, EXTRA_TEXT
    kieran = span(e, "Kieran O'Brien")
    given = [
        (rows.ivan, rows.summit_article, "Ekonomi Bakanı", [span(s, "Ivan Petrov")], None),
        (None, rows.extra, "", [span(e, "Gizemli Kişi")], None),
        (rows.ivan, rows.extra, "", [span(e, "Ivan Petrov")], None),
        (rows.vera, rows.third, "Devlet Başkanı", [span(THIRD_TEXT, "Zemblova")], None),
        (rows.kieran, rows.extra, "", [], kieran),  # a place, but no span to highlight
    ]
    for i, (person, article, title, spans, place) in enumerate(given):
        place = place or spans[0]
        PersonMentionFactory(
            id=ID + 501 + i,
            person=person,
            article=article,
            raw_name=person.name if person else "Gizemli Kişi",
            title=title,
            spans=[list(x) for x in spans],
            span_start=place[0],
            span_end=place[1],
        )


def _statements(rows: Rows, meeting) -> dict:
    """Quotes and reported speech; with and without a speaker, a span, an article, a lock."""
    quote = span(SUMMIT_TEXT, SUMMIT_QUOTE)
    said = span(EXTRA_TEXT, "görüşmenin verimli geçtiğini")
    given = [
        (rows.vera, "Zemblova", True, 0, SUMMIT_QUOTE, rows.summit_article, quote, []),
        (None, "Sözcü", False, 1, "görüşmenin verimli geçtiğini", rows.extra, said,
         ["speaker_name"]),
        (None, "", True, 2, "Kısa <b>söz</b>", None, None, []),
        (rows.sukru, "Çelik", True, 2, "Yakında yeniden görüşeceğiz.", rows.third, None,
         ["speaker"]),
    ]  # fmt: skip
    return {
        i: StatementFactory(
            id=ID + 601 + i,
            meeting=meeting,
            speaker=speaker,
            speaker_name=name,
            direct=direct,
            order=order,
            text=text,
            article=article,
            span_start=where[0] if where else None,
            span_end=where[1] if where else None,
            locked_fields=locked,
        )
        for i, (speaker, name, direct, order, text, article, where, locked) in enumerate(given)
    }


def _agreements(rows: Rows, meeting, statements: dict) -> None:
    """Two agreements: one inside a quote and again in another article, one that once
    crosses the quote's highlight (and so is left out of the text). Each mention has a place:
    the list orders by it, and the two databases put a missing one at opposite ends."""
    peace = AgreementFactory(
        id=ID + 701,
        name="Zembla–Kuzey Barış Anlaşması",
        status=AgreementStatus.SIGNED,
        signed_date=dt.date(2020, 6, 1),
        signed_date_precision=DatePrecision.MONTH,
    )
    trade = AgreementFactory(
        id=ID + 702, name="Ticaret & Gümrük Protokolü", status=AgreementStatus.PROPOSED
    )
    s = SUMMIT_TEXT
    quote_end = span(s, SUMMIT_QUOTE)[1]
    given = [
        (peace, statements[0], rows.summit_article, span(s, "Zembla–Kuzey Barış Anlaşması")),
        (peace, None, rows.extra, span(EXTRA_TEXT, "Barış Anlaşması")),
        (trade, None, rows.summit_article, span(s, "Ticaret & Gümrük Protokolü")),
        (trade, None, rows.summit_article, (quote_end - 5, quote_end + 7)),
    ]
    for i, (agreement, statement, article, where) in enumerate(given):
        AgreementMentionFactory(
            id=ID + 801 + i,
            agreement=agreement,
            meeting=meeting,
            statement=statement,
            article=article,
            text=s[where[0] : where[1]] if where else agreement.name,
            span_start=where[0] if where else None,
            span_end=where[1] if where else None,
        )


def _summit(rows: Rows) -> None:
    """The meeting with one of everything the page shows."""
    meeting = MeetingFactory(
        id=ID + 201,
        title='Vera Zemblova – Şükrü Öztürk-Çelik ("Zembla" <zirve>)',
        slug="2021-03-04-zemblova-ozturk",
        date=dt.date(2021, 3, 4),
        date_precision=DatePrecision.DAY,
        location="Zembla Şehri & Liman",
        country=rows.zembla,
        kind=MeetingKind.SUMMIT,
        needs_review=True,
        review_reasons=["surname_only", "speaker_unknown", "possible_duplicate"],
    )
    for article in (rows.summit_article, rows.extra, rows.third):
        MeetingReportFactory(meeting=meeting, article=article, index=0)
    _participants(rows, meeting)
    _mentions(rows)
    _agreements(rows, meeting, _statements(rows, meeting))


def _smaller_meetings(rows: Rows) -> None:
    """A meeting with nothing but a title; one known to the year; one known to the month
    that shares an article with the summit (and so none of the summit's spans)."""
    MeetingFactory(
        id=ID + 202,
        title="Yalnız Görüşme",
        slug="yalniz-gorusme",
        date=None,
        date_precision=DatePrecision.UNKNOWN,
        location="",
        country=None,
        kind=MeetingKind.OTHER,
    )
    year = MeetingFactory(
        id=ID + 203,
        title="Kuzey konuşması",
        slug="2019-kuzey-konusmasi",
        date=dt.date(2019, 1, 1),
        date_precision=DatePrecision.YEAR,
        location="",
        country=rows.north,
        kind=MeetingKind.VISIT,
    )
    MeetingReportFactory(meeting=year, article=rows.year_article, index=0)
    ParticipationFactory(
        id=ID + 411, meeting=year, person=rows.vera, role=Role.GUEST, title="", spans=[]
    )
    StatementFactory(
        id=ID + 611, meeting=year, speaker=rows.vera, speaker_name="Zemblova", text="Merhaba."
    )
    month = MeetingFactory(
        id=ID + 204,
        title="Vera Zemblova – Ivan Petrov",
        slug="2021-03-ayni-gun",
        date=dt.date(2021, 3, 1),
        date_precision=DatePrecision.MONTH,
        location="Zembla Şehri",
        country=rows.zembla,
        kind=MeetingKind.TALKS,
        needs_review=True,
        review_reasons=["date_unknown"],
    )
    MeetingReportFactory(meeting=month, article=rows.extra, index=1)
    AgreementMentionFactory(
        id=ID + 811,
        agreement=AgreementFactory(id=ID + 711, name="Ortak <Bildiri>", status="referred"),
        meeting=month,
        article=rows.extra,
        text="ortak bildiri",
    )  # no span: listed, not highlighted
    e = EXTRA_TEXT
    for i, (person, role, at) in enumerate([(rows.vera, Role.HOST, 2), (rows.ivan, Role.GUEST, 0)]):
        ParticipationFactory(
            id=ID + 421 + i,
            meeting=month,
            person=person,
            role=role,
            title="",
            article=rows.extra,
            spans=[list(span(e, person.name, e.index("Aynı gün")))] if at else [],
        )


def _told_twice(rows: Rows) -> None:
    """A meeting one article reports twice (two of its meetings merged into one): the
    article is listed, and cited, twice."""
    twice = MeetingFactory(
        id=ID + 205,
        title="İki kez anlatılan görüşme",
        slug="iki-kez-anlatilan",
        date=dt.date(2019, 1, 1),
        date_precision=DatePrecision.YEAR,
        location="Kuzey",
        country=rows.north,
        kind=MeetingKind.PHONE_CALL,
    )
    for index in (1, 2):
        MeetingReportFactory(meeting=twice, article=rows.year_article, index=index)
    StatementFactory(
        id=ID + 621,
        meeting=twice,
        speaker=None,
        speaker_name="Zemblova",
        text="Bir konuşma yaptı.",
        article=rows.year_article,
        span_start=YEAR_TEXT.index("bir konuşma"),
        span_end=YEAR_TEXT.index(" yaptı"),
    )


@pytest.fixture
def rows(db) -> Rows:
    rows = Rows()
    _countries_and_people(rows)
    _articles(rows)
    _summit(rows)
    _smaller_meetings(rows)
    _told_twice(rows)
    return rows


def render(client, slug: str, english: bool) -> tuple[str, int]:
    """The page as a visitor gets it, with the form's random CSRF token blanked out, and the
    number of queries it took."""
    cache.clear()
    url = f"/en/meetings/{slug}/" if english else f"/meetings/{slug}/"
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    html = _CSRF.sub('name="csrfmiddlewaretoken" value=""', response.content.decode())
    return html, len(queries.captured_queries)


@pytest.mark.parametrize(("name", "slug", "english", "staff"), PAGES, ids=[p[0] for p in PAGES])
def test_meeting_page_is_unchanged(
    client, admin_client, rows, monkeypatch, name, slug, english, staff
):
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: RETRIEVED)
    html, queries = render(admin_client if staff else client, slug, english)
    stored = STORED / f"{name}.html"
    if os.environ.get("UPDATE_DETAIL_HTML"):
        STORED.mkdir(exist_ok=True)
        stored.write_text(html, encoding="utf-8")
    expected = stored.read_text(encoding="utf-8")
    if html != expected:
        diff = difflib.unified_diff(
            expected.splitlines(), html.splitlines(), "stored", "rendered", lineterm=""
        )
        pytest.fail(f"{name}: the page changed:\n" + "\n".join(list(diff)[:60]))
    # The meeting, then all its rows: a field the page reads but the view did not would
    # cost a query more (before them, a visitor's page reads the data generation its cached
    # copy is keyed on; staff pages are never cached, but read the session and the user).
    assert queries == 2 + (2 if staff else 1)


def test_the_stored_pages_show_what_they_are_meant_to():
    """The stored pages hold each case the comparison is there to guard."""
    summit, english, staff, month, twice = (
        (STORED / f"{name}.html").read_text(encoding="utf-8")
        for name in ("summit_tr", "summit_en", "summit_staff", "month_tr", "twice_tr")
    )
    assert f'<li id="participant-{ID + 404}">Bay X<span class="muted">, Heyet üyesi' in summit
    assert f'href="#participant-{ID + 404}" title="Bay X">Bay X</a>' in summit
    assert summit.count("bir editör tarafından düzeltildi") == 4  # locked fields' badges
    assert "bilinmeyen konuşmacı" in summit  # a statement without a speaker or a name
    assert summit.count('<details class="cite cite--small"') == 4
    assert "Zembla Haber Ajansı" in summit and "101_ek.txt · Mart 2021" in summit
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in summit and "<script>alert" not in summit
    assert 'title="Gizemli Kişi"' not in summit  # an unresolved mention is not linked
    assert summit.count('<a class="src src-agreement"') == 3  # the crossing one left out
    assert "İnceleme gerekiyor" in summit and "Zemblan Republic" in english
    assert "29 Şubat 2024" in summit and "29 February 2024" in english
    assert f"/admin/meetings/meeting/{ID + 201}/change/" in staff
    assert "/admin/" not in summit
    assert "Ortak &lt;Bildiri&gt;" in month and "Mart 2021 <small>" in month
    assert twice.count('<section class="source"') == 2
