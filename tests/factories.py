"""factory_boy factories for the models, for tests that need rows but not a real import."""

import datetime as dt
import hashlib

import factory

from meetings import models


class CountryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Country
        django_get_or_create = ("name_tr",)

    iso_code = None  # invented countries have none; the real ones come from the fixture
    name_tr = factory.Sequence(lambda n: f"Ülke {n}")
    name_en = factory.Sequence(lambda n: f"Country {n}")
    slug = factory.Sequence(lambda n: f"country-{n}")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Person

    name = factory.Sequence(lambda n: f"Kişi Soyadı{n}")
    country = factory.SubFactory(CountryFactory)


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Article

    filename = factory.Sequence(lambda n: f"{n:03d}_article.txt")
    source = factory.LazyAttribute(lambda a: f"pasted:{a.sha256}")
    raw_text = factory.Sequence(lambda n: f"Haber metni {n}.")
    text = factory.LazyAttribute(lambda a: a.raw_text)
    sha256 = factory.LazyAttribute(lambda a: hashlib.sha256(a.raw_text.encode()).hexdigest())
    title = factory.Sequence(lambda n: f"Haber {n}")


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Meeting

    title = factory.Sequence(lambda n: f"Görüşme {n}")
    slug = factory.Sequence(lambda n: f"gorusme-{n}")
    date = dt.date(2020, 11, 1)
    date_precision = models.DatePrecision.MONTH
    location = "Bakü"
    kind = models.MeetingKind.RECEPTION


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Participation

    meeting = factory.SubFactory(MeetingFactory)
    person = factory.SubFactory(PersonFactory)
    raw_name = factory.LazyAttribute(lambda p: p.person.name if p.person else "Bilinmeyen")
    role = models.Role.GUEST
    title = "Dışişleri Bakanı"


class StatementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Statement

    meeting = factory.SubFactory(MeetingFactory)
    speaker = factory.SubFactory(PersonFactory)
    speaker_name = factory.LazyAttribute(lambda s: s.speaker.name if s.speaker else "")
    text = "İlişkilerimizin gelişeceğine inanıyorum."
    direct = True


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Agreement

    name = factory.Sequence(lambda n: f"İşbirliği Mutabakat Zaptı {n}")
    status = models.AgreementStatus.SIGNED


class MeetingReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.MeetingReport

    meeting = factory.SubFactory(MeetingFactory)
    article = factory.SubFactory(ArticleFactory)
    index = 0


class PersonAliasFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.PersonAlias

    person = factory.SubFactory(PersonFactory)
    name = factory.Sequence(lambda n: f"Takma Ad {n}")


class PersonMentionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.PersonMention

    person = factory.SubFactory(PersonFactory)
    article = factory.SubFactory(ArticleFactory)
    raw_name = factory.LazyAttribute(lambda m: m.person.name if m.person else "Bilinmeyen")


class AgreementAliasFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.AgreementAlias

    agreement = factory.SubFactory(AgreementFactory)
    name = factory.Sequence(lambda n: f"Anlaşma Adı {n}")


class AgreementMentionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.AgreementMention

    agreement = factory.SubFactory(AgreementFactory)
    meeting = factory.SubFactory(MeetingFactory)
    text = factory.LazyAttribute(lambda m: m.agreement.name)


def reported_meeting(text: str, **meeting_fields) -> models.Meeting:
    """A meeting with one source article holding text, for search and page tests."""
    meeting = MeetingFactory(**meeting_fields)
    MeetingReportFactory(meeting=meeting, article=ArticleFactory(raw_text=text))
    return meeting
