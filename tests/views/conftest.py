"""A small world like the seed articles, built with factories and indexed for search."""

import datetime as dt

import pytest

from meetings.ingest import Ingestor
from meetings.models import AgreementStatus, DatePrecision, MeetingKind, Role
from meetings.search import reindex_all
from tests.factories import (
    AgreementAliasFactory,
    AgreementFactory,
    AgreementMentionFactory,
    ArticleFactory,
    CountryFactory,
    MeetingFactory,
    MeetingReportFactory,
    ParticipationFactory,
    PersonAliasFactory,
    PersonFactory,
    PersonMentionFactory,
    StatementFactory,
)
from tests.ingest.builders import ALIYEV, ArticleBuilder

BAKU_TEXT = (
    "Azerbaycan Cumhurbaşkanı İlham Aliyev, Rusya Savunma Bakanı Sergey Şoygu'nun ardından "
    "Rusya Dışişleri Bakanı Sergey Lavrov'u Bakü'de kabul etti. Haberde <script>alert(1)</script> "
    'yazıyordu. Aliyev, "Barış anlaşması için çalışıyoruz" dedi. Lavrov, "Üçlü anlaşmanın '
    'uygulanmasını destekliyoruz" dedi. Lavrov ayrıca heyetin memnun olduğunu söyledi.'
)
UNDATED_TEXT = (
    "Azerbaycan Cumhurbaşkanı Aliyev, Kasım 2020 Bildirgesi'ne ilişkin konuştu. Aliyev, "
    "Bakü'ye gelen Sergey Lavrov'u kabul etti."
)
MOSCOW_TEXT = (
    "Rusya Dışişleri Bakanı Lavrov, Başbakan Yardımcısı Aleksandr Novak ile Moskova'da görüştü."
)


def span(text, part, start=0):
    """The [start, end) of part in text."""
    at = text.index(part, start)
    return at, at + len(part)


class World:
    """Handles to the rows tests look at."""


@pytest.fixture
def world(db):
    w = World()
    w.az = CountryFactory(
        name_tr="Azerbaycan", name_en="Azerbaijan", slug="azerbaycan", iso_code="AZ"
    )
    w.ru = CountryFactory(name_tr="Rusya", name_en="Russia", slug="rusya", iso_code="RU")
    w.aliyev = PersonFactory(name="İlham Aliyev", country=w.az)
    PersonAliasFactory(person=w.aliyev, name="Ilham Aliev")
    w.lavrov = PersonFactory(name="Sergey Lavrov", country=w.ru)
    PersonAliasFactory(person=w.lavrov, name="Sergei Lavrov")
    w.soygu = PersonFactory(name="Sergey Şoygu", country=w.ru)
    PersonAliasFactory(person=w.soygu, name="Sergei Shoigu")
    w.novak = PersonFactory(name="Aleksandr Novak", country=w.ru)

    # The Baku meeting of November 2020 (month precision), with spans into its article.
    w.baku = MeetingFactory(
        title="İlham Aliyev – Sergey Lavrov (Bakü)",
        slug="2020-11-aliyev-lavrov",
        date=dt.date(2020, 11, 1),
        date_precision=DatePrecision.MONTH,
        location="Bakü",
        country=w.az,
        kind=MeetingKind.RECEPTION,
    )
    t = BAKU_TEXT
    w.baku_article = ArticleFactory(raw_text=t, filename="000_baku.txt")
    MeetingReportFactory(meeting=w.baku, article=w.baku_article)
    a = w.baku_article
    ParticipationFactory(
        meeting=w.baku,
        person=w.aliyev,
        role=Role.HOST,
        title="Azerbaycan Cumhurbaşkanı",
        article=a,
        spans=[list(span(t, "İlham Aliyev"))],
    )
    ParticipationFactory(
        meeting=w.baku,
        person=w.lavrov,
        role=Role.GUEST,
        title="Rusya Dışişleri Bakanı",
        article=a,
        spans=[list(span(t, "Sergey Lavrov"))],
    )
    PersonMentionFactory(
        person=w.soygu,
        article=a,
        raw_name="Sergey Şoygu",
        title="Rusya Savunma Bakanı",
        spans=[list(span(t, "Sergey Şoygu"))],
    )
    w.aliyev_quote = StatementFactory(
        meeting=w.baku,
        speaker=w.aliyev,
        speaker_name="Aliyev",
        direct=True,
        order=0,
        text="Barış anlaşması için çalışıyoruz",
        article=a,
        span_start=span(t, "Barış anlaşması için")[0],
        span_end=span(t, "çalışıyoruz")[1],
    )
    w.lavrov_quote = StatementFactory(
        meeting=w.baku,
        speaker=w.lavrov,
        speaker_name="Lavrov",
        direct=True,
        order=1,
        text="Üçlü anlaşmanın uygulanmasını destekliyoruz",
        article=a,
        span_start=span(t, "Üçlü anlaşmanın")[0],
        span_end=span(t, "destekliyoruz")[1],
    )
    w.lavrov_reported = StatementFactory(
        meeting=w.baku,
        speaker=w.lavrov,
        speaker_name="Lavrov",
        direct=False,
        order=2,
        text="heyetin memnun olduğunu",
        article=a,
        span_start=span(t, "heyetin memnun")[0],
        span_end=span(t, "olduğunu")[1],
    )
    w.trilateral = AgreementFactory(
        name="10 Kasım 2020 Üçlü Bildirisi",
        status=AgreementStatus.SIGNED,
        signed_date=dt.date(2020, 11, 10),
        signed_date_precision=DatePrecision.DAY,
    )
    w.trilateral.parties.set([w.az, w.ru])
    AgreementAliasFactory(agreement=w.trilateral, name="Kasım 2020 Bildirgesi")
    AgreementMentionFactory(
        agreement=w.trilateral,
        meeting=w.baku,
        statement=w.lavrov_quote,
        article=a,
        text="Üçlü anlaşma",
        span_start=span(t, "Üçlü anlaşma")[0],
        span_end=span(t, "Üçlü anlaşma")[1],
    )

    # The same two, undated, flagged for review.
    w.undated = MeetingFactory(
        title="İlham Aliyev – Sergey Lavrov (Bakü)",
        slug="tarihsiz-aliyev-lavrov",
        date=None,
        date_precision=DatePrecision.UNKNOWN,
        location="Bakü",
        country=w.az,
        needs_review=True,
        review_reasons=["date_unknown", "possible_duplicate"],
    )
    u = UNDATED_TEXT
    undated_article = ArticleFactory(raw_text=u, filename="001_undated.txt")
    MeetingReportFactory(meeting=w.undated, article=undated_article)
    ParticipationFactory(
        meeting=w.undated, person=w.aliyev, role=Role.HOST, article=undated_article
    )
    ParticipationFactory(
        meeting=w.undated, person=w.lavrov, role=Role.GUEST, article=undated_article
    )
    AgreementMentionFactory(
        agreement=w.trilateral,
        meeting=w.undated,
        article=undated_article,
        text="Kasım 2020 Bildirgesi",
        span_start=span(u, "Kasım 2020 Bildirgesi")[0],
        span_end=span(u, "Kasım 2020 Bildirgesi")[1],
    )

    # Lavrov and Novak in Moscow, a day-precision meeting in 2019.
    w.moscow = MeetingFactory(
        title="Sergey Lavrov – Aleksandr Novak (Moskova)",
        slug="2019-05-06-lavrov-novak",
        date=dt.date(2019, 5, 6),
        date_precision=DatePrecision.DAY,
        location="Moskova",
        country=w.ru,
        kind=MeetingKind.TALKS,
    )
    MeetingReportFactory(meeting=w.moscow, article=ArticleFactory(raw_text=MOSCOW_TEXT))
    ParticipationFactory(
        meeting=w.moscow, person=w.lavrov, role=Role.HOST, title="Dışişleri Bakanı"
    )
    ParticipationFactory(
        meeting=w.moscow, person=w.novak, role=Role.GUEST, title="Başbakan Yardımcısı"
    )
    reindex_all()
    return w


@pytest.fixture(autouse=True)
def _turkish_between_requests():
    """Each test starts in Turkish: a request to an English page leaves English active in the
    test's thread, and get_absolute_url() would then give the /en/ address."""
    from django.utils import translation

    translation.activate("tr")
    yield
    translation.activate("tr")


def imported(file, guest, place, country):
    """Import one article in which Aliyev receives the guest at the place."""
    b = ArticleBuilder(file)
    b.meeting(ALIYEV, guest, place=place, country=country)
    extracted = b.build()
    Ingestor().ingest(extracted, extracted.text)


@pytest.fixture
def one_meeting(known_entities):
    """One imported meeting: Aliyev receives Lavrov in Baku."""
    imported(
        "first.txt", ("Sergey Lavrov", "Rusya Dışişleri Bakanı", "Rusya"), "Bakü", "Azerbaycan"
    )
