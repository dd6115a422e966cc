"""Agreements resolve by meaning: a record needs a name that singles out one document."""

import pytest

from meetings.ingest import Ingestor
from meetings.ingest.agreement_names import agreement_name_kind, is_specific
from meetings.models import Agreement, AgreementMention
from tests.ingest.builders import ALIYEV, ArticleBuilder, ingest_all

pytestmark = pytest.mark.django_db

NAIROBI = (("Wanjiru Kamau", "Kenya Dışişleri Bakanı", "Kenya"), "Nairobi", "Kenya")
YEREVAN = (("Arsen Mkrtçyan", "Ermenistan Dışişleri Bakanı", "Ermenistan"), "Erivan", "Ermenistan")
GUEST = ("Derya Soylu", "ABD Dışişleri Bakan Yardımcısı", "ABD")


def article(file, name, parties, status="referred", surfaces=(), host=YEREVAN, date="2024-05"):
    (person, place, country) = host
    b = ArticleBuilder(file, date)
    b.write(f"{file}: ")
    meeting = b.meeting(person, GUEST, place=place, country=country)
    b.agreement(meeting, name, parties, status, surfaces=surfaces)
    return b.build()


def ingest(*articles, chunk=False):
    ingest_all(articles, chunk=chunk)


MODES = pytest.mark.parametrize("chunk", [False, True], ids=["one by one", "chunk"])


@pytest.mark.parametrize(
    "name, kind",
    [
        ("Aramızdaki anlaşmalar", "plural"),
        ("9 Kasım'da varılan anlaşmalar", "plural"),
        ("yedi anlaşma", "count"),
        ("12 protokol", "count"),
        ("bazı protokol", "count"),
        ("ikili anlaşma", "generic"),
        ("Protokol", "generic"),
        ("Barış anlaşması", "generic"),
        ("Ermenistan ile ABD arasındaki lojistik bildirgesi", "generic"),
        ("Lojistik Bildirgesi", "proper"),
        ("Kasım 2020 Bildirgesi", "proper"),
        ("2019 anlaşması", "anchored"),
        ("Minsk protokolü", "anchored"),
    ],
)
def test_what_a_name_says(name, kind):
    assert agreement_name_kind(name) == kind
    assert is_specific(name) == (kind in ("proper", "anchored"))


@MODES
@pytest.mark.parametrize("name", ["Aramızdaki anlaşmalar", "anlaşmalar", "yedi anlaşma"])
def test_plurals_and_counts_never_become_records(known_entities, chunk, name):
    ingest(
        article("a.txt", name, ["Ermenistan", "ABD"], "signed"),
        article("b.txt", name, ["Türkiye"], host=NAIROBI),
        chunk=chunk,
    )
    assert not Agreement.objects.exclude(aliases__isnull=False).exists()
    assert not AgreementMention.objects.exists()


@MODES
def test_a_plural_can_still_mention_a_known_agreement(known_entities, chunk):
    name = "9 Kasım'da varılan anlaşmalar"
    ingest(article("a.txt", name, ["Azerbaycan", "Ermenistan", "Rusya"]), chunk=chunk)
    mention = AgreementMention.objects.get()
    assert mention.agreement.name == "10 Kasım 2020 Üçlü Bildirisi"
    assert Agreement.objects.count() == 3  # the known ones only


@MODES
def test_a_generic_noun_only_referred_to_is_not_a_record(known_entities, chunk):
    ingest(article("a.txt", "ikili anlaşma", ["Ermenistan", "ABD"]), chunk=chunk)
    assert Agreement.objects.count() == 3 and not AgreementMention.objects.exists()


@MODES
def test_a_generic_noun_signed_at_the_meeting_is_named_by_its_parties_and_year(
    known_entities, chunk
):
    ingest(
        article("a.txt", "ikili anlaşma", ["Ermenistan", "ABD"], "signed"),
        article("b.txt", "ikili anlaşma", ["Ermenistan", "ABD"], "signed", date="2024-05-14"),
        chunk=chunk,
    )
    signed = set(AgreementMention.objects.values_list("agreement__name", flat=True))
    assert signed == {"ikili anlaşma (ABD, Ermenistan; 2024)"}


@MODES
def test_one_name_between_other_parties_is_another_agreement(known_entities, chunk):
    ingest(
        article("kenya.txt", "Lojistik Bildirgesi", ["Kenya", "ABD"], "signed", host=NAIROBI),
        article("erivan.txt", "Lojistik Bildirgesi", ["Ermenistan", "Gürcistan"], "signed"),
        chunk=chunk,
    )
    parties = {
        a.name: sorted(c.name_tr for c in a.parties.all())
        for a in Agreement.objects.filter(name__startswith="Lojistik")
    }
    # Not the first imported: the parties that come first by ISO code (AM, GE before KE, US)
    # keep the plain name, whatever the order (tests/ingest/test_agreement_order.py).
    assert parties == {
        "Lojistik Bildirgesi": ["Ermenistan", "Gürcistan"],
        "Lojistik Bildirgesi (ABD, Kenya)": ["ABD", "Kenya"],
    }


@MODES
def test_compatible_parties_make_one_agreement_with_every_party_the_text_gives(
    known_entities, chunk
):
    ingest(
        article("a.txt", "Lojistik Bildirgesi", ["Ermenistan"]),
        article("b.txt", "Lojistik Bildirgesi", ["Ermenistan", "ABD"], "signed"),
        article("c.txt", "Lojistik Bildirgesi", []),
        chunk=chunk,
    )
    agreement = Agreement.objects.get(name__startswith="Lojistik")
    assert sorted(c.name_tr for c in agreement.parties.all()) == ["ABD", "Ermenistan"]
    assert agreement.mentions.count() == 3 and agreement.status == "signed"


@MODES
def test_a_generic_surface_does_not_join_a_record_by_its_name(known_entities, chunk):
    ingest(
        article("a.txt", "Tiflis Protokolü", ["Ermenistan", "ABD"], "signed"),
        article(
            "b.txt",
            "Lojistik Bildirgesi",
            ["Kenya", "ABD"],
            "signed",
            surfaces=("Lojistik Bildirgesi", "Tiflis protokolü"),
            host=NAIROBI,
        ),
        chunk=chunk,
    )
    by_file = dict(AgreementMention.objects.values_list("article__filename", "agreement__name"))
    assert by_file["a.txt"] == "Tiflis Protokolü"
    assert AgreementMention.objects.filter(article__filename="b.txt").count() == 2


def test_an_agreement_the_extractor_finds_twice_in_one_meeting_is_mentioned_once_each_place(
    known_entities,
):
    b = ArticleBuilder("iki.txt")
    meeting = b.meeting(ALIYEV, GUEST)
    b.agreement(meeting, "Lojistik Bildirgesi", ["Azerbaycan", "ABD"], "signed")
    meeting.agreements.append(meeting.agreements[0])
    built = b.build()
    Ingestor().ingest(built, built.text)
    assert AgreementMention.objects.count() == 1
