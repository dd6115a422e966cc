"""What a record is called, where a person is from and which slug a record gets do not
depend on which article came first (the whole-import check is test_import_order.py)."""

import pytest

from meetings.ingest import Ingestor
from meetings.models import Agreement, Meeting, Person
from meetings.models.base import slug_suffix, unique_slugs
from tests.ingest.builders import ALIYEV, ArticleBuilder, ingest_all

pytestmark = pytest.mark.django_db

ORDERS = pytest.mark.parametrize("reverse", [False, True], ids=["in order", "reversed"])


def _visit(file: str, guest: tuple, date: str | None = "2021-03-02", place="Bakü"):
    b = ArticleBuilder(file, date)
    m = b.meeting(ALIYEV, guest, place=place, date=date)
    b.quote(m, ALIYEV[0], f"{file} görüşmesi verimli geçti.")
    return b.build()


def _import(articles, reverse: bool, chunk: bool) -> None:
    ingest_all(articles[::-1] if reverse else articles, chunk=chunk)


@ORDERS
@pytest.mark.parametrize("chunk", [False, True], ids=["one by one", "chunk"])
def test_a_name_keeps_its_fullest_spelling(known_entities, reverse, chunk):
    plain = _visit("a.txt", ("Aleksandar Vucic", "Sırbistan Cumhurbaşkanı", "Sırbistan"))
    full = _visit("b.txt", ("Aleksandar Vuçiç", "Sırbistan Cumhurbaşkanı", "Sırbistan"))
    _import([plain, full], reverse, chunk)
    assert list(Person.objects.filter(name_key__startswith="aleksandar").values_list("name")) == [
        ("Aleksandar Vuçiç",)
    ]


@ORDERS
@pytest.mark.parametrize("chunk", [False, True], ids=["one by one", "chunk"])
def test_a_country_one_article_gives_is_kept_whatever_came_first(known_entities, reverse, chunk):
    unknown = _visit("a.txt", ("Serkan Çelikkol", "Büyükelçi", None))
    known = _visit("b.txt", ("Serkan Çelikkol", "Büyükelçi", "Türkiye"))
    _import([unknown, known], reverse, chunk)
    assert Person.objects.get(name="Serkan Çelikkol").country.iso_code == "TR"


@ORDERS
def test_articles_that_disagree_about_a_country_settle_the_same_way(known_entities, reverse):
    one = _visit("a.txt", ("Peter Szijjarto", "Dışişleri Bakanı", "Macaristan"))
    other = _visit("b.txt", ("Peter Szijjarto", "Dışişleri Bakanı", "Türkiye"))
    _import([one, other], reverse, chunk=False)
    assert Person.objects.get(name="Peter Szijjarto").country.iso_code == "HU"


def test_a_locked_country_and_name_are_never_settled(known_entities):
    first = _visit("a.txt", ("Aleksandar Vucic", "Cumhurbaşkanı", "Sırbistan"))
    Ingestor().ingest(first, first.text)
    person = Person.objects.get(name="Aleksandar Vucic")
    person.lock("name", "country")
    person.save()
    second = _visit("b.txt", ("Aleksandar Vuçiç", "Cumhurbaşkanı", "Almanya"))
    Ingestor().ingest(second, second.text)
    person.refresh_from_db()
    assert (person.name, person.country.iso_code) == ("Aleksandar Vucic", "RS")


@ORDERS
def test_meetings_with_no_date_get_slugs_of_their_own_whatever_the_order(known_entities, reverse):
    guest = ("Sergey Lavrov", "Rusya Dışişleri Bakanı", "Rusya")
    articles = [_visit("a.txt", guest, date=None), _visit("b.txt", guest, date=None)]
    _import(articles, reverse, chunk=False)
    slugs = dict(Meeting.objects.values_list("reports__article__filename", "slug"))
    for file, article in zip(("a.txt", "b.txt"), articles, strict=True):
        identity = "İlham Aliyev – Sergey Lavrov (Bakü)|None|Bakü|reception|"
        identity += f"{article.source.sha256}:0"
        assert slugs[file] == f"tarihsiz-aliyev-lavrov-{slug_suffix(identity)}"


def test_a_slug_in_use_gets_a_suffix_from_the_identity_not_a_counter():
    Person.objects.create(name="Ali Veli")
    wanted = [("ali-veli", "ali veli 2"), ("ali-veli", "ali veli 3")]
    assert unique_slugs(Person, wanted) == [
        f"ali-veli-{slug_suffix('ali veli 2')}",
        f"ali-veli-{slug_suffix('ali veli 3')}",
    ]
    assert unique_slugs(Person, wanted[::-1]) == [
        f"ali-veli-{slug_suffix('ali veli 3')}",
        f"ali-veli-{slug_suffix('ali veli 2')}",
    ]


def test_an_agreement_signed_in_a_later_chunk_is_signed(known_entities):
    """On PostgreSQL a chunk's rows go in with COPY; an agreement written so, and signed
    in the next chunk, must be saved as signed (it was left 'referred')."""
    parties = ["Azerbaycan", "Rusya"]
    guest = ("Sergey Lavrov", "Rusya Dışişleri Bakanı", "Rusya")
    ingestor = Ingestor()
    for file, status in (("a.txt", "referred"), ("b.txt", "signed")):
        b = ArticleBuilder(file, "2021-03-02")
        m = b.meeting(ALIYEV, guest, date="2021-03-02" if status == "referred" else "2021-04")
        b.quote(m, ALIYEV[0], f"Bildiri {status} durumda.")
        b.agreement(m, "Bakü Enerji Bildirgesi", parties, status=status)
        article = b.build()
        ingestor.ingest_new([(article, article.text)])
    assert Agreement.objects.get(name="Bakü Enerji Bildirgesi").status == "signed"
