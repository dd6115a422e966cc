"""People, agreements and meetings resolve to one row each across articles."""

import pytest

from meetings.ingest import Ingestor
from meetings.ingest.articles import POSSIBLE_DUPLICATE
from meetings.models import Agreement, AgreementMention, Meeting, Participation, Person
from tests.factories import PersonFactory
from tests.ingest.builders import ALIYEV, LAVROV, ArticleBuilder, aliyev_receives_lavrov

pytestmark = pytest.mark.django_db


def ingest(extracted):
    return Ingestor().ingest(extracted, extracted.text)


def test_a_transliteration_resolves_through_the_known_aliases(known_entities):
    b = ArticleBuilder("shoigu.txt")
    b.meeting(ALIYEV, ("Sergei Shoigu", "Rusya Savunma Bakanı", "Rusya"))
    ingest(b.build())
    guest = Participation.objects.get(role="guest")
    assert guest.person.name == "Sergey Şoygu"
    assert guest.raw_name == "Sergei Shoigu"


def test_a_unique_surname_resolves_to_the_full_name(known_entities):
    b = ArticleBuilder("putin.txt")
    b.meeting(
        ("Putin", "Rusya Devlet Başkanı", "Rusya"),
        ("İlham Aliyev", "", "Azerbaycan"),
        place="Moskova",
        country="Rusya",
    )
    ingest(b.build())
    assert Participation.objects.get(role="host").person.name == "Vladimir Putin"


def test_an_ambiguous_surname_stays_unresolved_and_is_flagged(known_entities):
    PersonFactory(name="Ahmet Yılmaz")
    PersonFactory(name="Mehmet Yılmaz")
    b = ArticleBuilder("yilmaz.txt")
    b.meeting(ALIYEV, ("Yılmaz", "Büyükelçi", "Türkiye"))
    ingest(b.build())
    guest = Participation.objects.get(role="guest")
    assert guest.person is None and guest.raw_name == "Yılmaz"
    meeting = Meeting.objects.get()
    assert meeting.needs_review
    assert meeting.review_reasons == ["ambiguous_name"]  # the name: the row without a person


def test_two_different_full_names_are_never_merged(known_entities):
    b = ArticleBuilder("two.txt")
    b.meeting(
        ("Ahmet Yılmaz", "Bakan", "Türkiye"),
        ("Mehmet Yılmaz", "Bakan", "Türkiye"),
        place="Ankara",
        country="Türkiye",
    )
    ingest(b.build())
    assert Person.objects.filter(name__endswith="Yılmaz").count() == 2


def test_each_participation_keeps_the_title_of_that_article(known_entities):
    ingest(aliyev_receives_lavrov("one.txt", date="2020-11"))
    b = ArticleBuilder("two.txt", date="2023-05")
    b.meeting(("İlham Aliyev", "Cumhurbaşkanı", "Azerbaycan"), ("Sergey Lavrov", "Bakan", "Rusya"))
    ingest(b.build())
    titles = set(Participation.objects.filter(role="guest").values_list("title", flat=True))
    assert titles == {"Rusya Dışişleri Bakanı", "Bakan"}
    assert Person.objects.filter(name="Sergey Lavrov").count() == 1


def test_surface_forms_of_one_agreement_become_one_row(known_entities):
    ingest(aliyev_receives_lavrov("000.txt"))
    b = ArticleBuilder("001.txt", date=None)
    m = b.meeting(ALIYEV, LAVROV)
    b.agreement(
        m,
        "Kasım 2020 Bildirgesi",
        ["Azerbaycan", "Ermenistan"],
        surfaces=("Kasım 2020 Bildirgesi", "Bildirge"),
    )
    ingest(b.build())
    names = set(AgreementMention.objects.values_list("agreement__name", flat=True))
    assert names == {"10 Kasım 2020 Üçlü Bildirisi"}
    assert AgreementMention.objects.count() == 4


def test_generic_wording_with_other_parties_is_another_agreement(known_entities):
    b = ArticleBuilder("peace.txt")
    m = b.meeting(
        ("Benjamin Netanyahu", "İsrail Başbakanı", "İsrail"),
        ("Mahmud Abbas", "Filistin Devlet Başkanı", "Filistin"),
        place="Kahire",
        country="Mısır",
    )
    b.agreement(m, "barış anlaşması", ["İsrail", "Filistin"], status="proposed")
    ingest(b.build())
    agreement = AgreementMention.objects.get().agreement
    assert agreement.name != "Azerbaycan–Ermenistan Barış Anlaşması"
    assert agreement.status == "proposed"
    assert set(agreement.parties.values_list("name_tr", flat=True)) == {"İsrail", "Filistin"}


def test_a_new_agreement_is_created_with_parties_and_status(known_entities):
    b = ArticleBuilder("mou.txt")
    m = b.meeting(ALIYEV, ("Recep Tayyip Erdoğan", "Türkiye Cumhurbaşkanı", "Türkiye"))
    b.agreement(m, "Enerji İşbirliği Mutabakat Zaptı", ["Azerbaycan", "Türkiye"], "signed")
    ingest(b.build())
    agreement = Agreement.objects.get(name="Enerji İşbirliği Mutabakat Zaptı")
    assert agreement.status == "signed"
    assert set(agreement.parties.values_list("iso_code", flat=True)) == {"AZ", "TR"}


def test_two_reports_of_one_meeting_become_one_meeting(known_entities):
    ingest(aliyev_receives_lavrov("first.txt", date="2020-11"))
    ingest(aliyev_receives_lavrov("second.txt", date="2020-11-21", quote="Başka bir alıntı."))
    meeting = Meeting.objects.get()
    assert meeting.articles.count() == 2
    assert meeting.statements.count() == 2


def test_different_months_are_different_meetings(known_entities):
    ingest(aliyev_receives_lavrov("first.txt", date="2020-11"))
    ingest(aliyev_receives_lavrov("second.txt", date="2021-03", quote="Başka."))
    assert Meeting.objects.count() == 2


def test_an_undated_report_is_never_merged_but_flagged(known_entities):
    ingest(aliyev_receives_lavrov("dated.txt", date="2020-11"))
    ingest(aliyev_receives_lavrov("undated.txt", date=None, quote="Başka."))
    assert Meeting.objects.count() == 2
    undated = Meeting.objects.get(date__isnull=True)
    assert undated.needs_review
    assert POSSIBLE_DUPLICATE in undated.review_reasons
    assert "date_unknown" in undated.review_reasons


def test_an_article_without_a_meeting_is_stored_and_flagged(known_entities):
    b = ArticleBuilder("empty.txt")
    b.write("Hava bugün güzel.")
    b.warnings.append("no meeting found")
    ingest(b.build())
    from meetings.models import Article

    article = Article.objects.get()
    assert article.needs_review and article.warnings == ["no meeting found"]
    assert not Meeting.objects.exists()


def test_people_mentioned_in_passing_are_recorded(known_entities):
    b = ArticleBuilder("mention.txt")
    b.meeting(ALIYEV, LAVROV)
    b.mention("Sergey Şoygu", "Rusya Savunma Bakanı", "Rusya")
    ingest(b.build())
    shoigu = Person.objects.get(name="Sergey Şoygu")
    assert shoigu.mentions.get().title == "Rusya Savunma Bakanı"
    assert not shoigu.participations.exists()


def test_a_lone_surname_resolves_through_an_alias(known_entities):
    b = ArticleBuilder("shoygu.txt")
    b.meeting(ALIYEV, ("Shoygu", "Rusya Savunma Bakanı", "Rusya"))
    ingest(b.build())
    assert Participation.objects.get(role="guest").person.name == "Sergey Şoygu"
    assert not Person.objects.filter(name="Shoygu").exists()


def test_a_surname_that_gains_a_second_bearer_becomes_ambiguous(known_entities):
    ingestor = Ingestor()
    first = ArticleBuilder("first.txt")
    first.meeting(ALIYEV, ("Ivan Todorović", "Sırbistan Dışişleri Bakanı", "Sırbistan"))
    ingestor.ingest(first.build(), "")
    alone = ArticleBuilder("alone.txt", date="2021-01")
    alone.meeting(ALIYEV, ("Todorović", "Bakan", "Sırbistan"))
    ingestor.ingest(alone.build(), "")
    assert Participation.objects.get(article__filename="alone.txt", role="guest").person.name == (
        "Ivan Todorović"
    )

    second = ArticleBuilder("second.txt", date="2022-01")
    second.meeting(ALIYEV, ("Mira Todorović", "Sırbistan Başbakanı", "Sırbistan"))
    again = ArticleBuilder("again.txt", date="2023-01")
    again.meeting(("Todorovic", "Bakan", "Sırbistan"), LAVROV, place="Belgrad", country="Sırbistan")
    ingestor.ingest(second.build(), "")
    ingestor.ingest(again.build(), "")
    host = Participation.objects.get(article__filename="again.txt", role="host")
    assert host.person is None
    reasons = Meeting.objects.get(participations=host).review_reasons
    assert "ambiguous_name" in reasons


def test_a_resolver_that_forgets_to_save_memory_still_resolves_the_same(
    known_entities, monkeypatch
):
    monkeypatch.setattr("meetings.ingest.resolve.CACHE_LIMIT", 0)  # forget before every article
    ingestor = Ingestor()
    first = ArticleBuilder("first.txt")
    first.meeting(ALIYEV, ("Ivan Todorović", "Sırbistan Dışişleri Bakanı", "Sırbistan"))
    ingestor.ingest(first.build(), "")
    later = ArticleBuilder("later.txt", date="2021-01")
    later.meeting(("Todorović", "Bakan", "Sırbistan"), ("Shoigu", "Bakan", "Rusya"))
    ingestor.ingest(later.build(), "")
    names = dict(
        Participation.objects.filter(article__filename="later.txt").values_list(
            "role", "person__name"
        )
    )
    assert names == {"host": "Ivan Todorović", "guest": "Sergey Şoygu"}
    assert Person.objects.filter(name__contains="Todorovi").count() == 1
