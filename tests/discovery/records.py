"""Invented records for the feed, sitemap, citation and redirect tests."""

import datetime as dt

from meetings.models import DatePrecision, Role
from meetings.search import reindex_all
from tests.factories import (
    AgreementFactory,
    AgreementMentionFactory,
    ArticleFactory,
    CountryFactory,
    MeetingFactory,
    MeetingReportFactory,
    ParticipationFactory,
    PersonFactory,
    StatementFactory,
)


class Records:
    """Handles to the rows a test looks at."""


def build_records() -> Records:
    """Two countries, two people, an agreement, and four meetings at different dates: the
    envoy took part in three of them, one in each country and one undated."""
    r = Records()
    r.kz = CountryFactory(name_tr="Kazakistan", name_en="Kazakhstan", slug="kazakistan")
    r.mn = CountryFactory(name_tr="Moğolistan", name_en="Mongolia", slug="mogolistan")
    r.envoy = PersonFactory(name="Deniz Yılmazer", country=r.kz)
    r.minister = PersonFactory(name="Batu Erdenebat", country=r.mn)
    r.pact = AgreementFactory(name="Bozkır Su Paylaşımı Protokolü")
    r.spring = add_meeting(
        "Yılmazer – Erdenebat (Astana)", "bahar-gorusmesi", dt.date(2021, 4, 12), r.kz, r
    )
    r.summer = add_meeting(
        "Yılmazer – Erdenebat (Ulan Batur)", "yaz-gorusmesi", dt.date(2022, 7, 3), r.mn, r
    )
    r.undated = add_meeting("Yılmazer'in telefon görüşmesi", "telefon", None, r.kz, r)
    r.other = MeetingFactory(
        title="Erdenebat'ın başka bir görüşmesi",
        slug="baska",
        date=dt.date(2023, 1, 9),
        date_precision=DatePrecision.DAY,
        country=r.mn,
    )
    ParticipationFactory(meeting=r.other, person=r.minister, role=Role.HOST)
    AgreementMentionFactory(agreement=r.pact, meeting=r.spring, text="su protokolü")
    AgreementMentionFactory(agreement=r.pact, meeting=r.summer, text="su protokolü")
    r.quote = StatementFactory(
        meeting=r.summer,
        speaker=r.envoy,
        speaker_name="Yılmazer",
        text="Su paylaşımında %50 & {adil} bir çözüm arıyoruz",
        article=r.summer.articles.first(),
    )
    reindex_all()
    return r


def add_meeting(title, slug, date, country, r):
    meeting = MeetingFactory(
        title=title,
        slug=slug,
        date=date,
        date_precision=DatePrecision.DAY if date else DatePrecision.UNKNOWN,
        country=country,
        location="",
    )
    article = ArticleFactory(
        raw_text=f"{title}: iki taraf su ve ticaret konularını ele aldı.",
        filename=f"{slug}.txt",
        title=f"{title} haberi",
    )
    MeetingReportFactory(meeting=meeting, article=article)
    ParticipationFactory(meeting=meeting, person=r.envoy, role=Role.GUEST)
    ParticipationFactory(meeting=meeting, person=r.minister, role=Role.HOST)
    return meeting
