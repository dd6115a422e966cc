"""People resolve the same whatever the order their names arrive in."""

import pytest

from meetings.models import Meeting, Participation, Person, Statement
from tests.ingest.builders import ArticleBuilder, ingest_all

pytestmark = pytest.mark.django_db

HOST = ("Tarık Demirsoy", "Türkiye Dışişleri Bakanı", "Türkiye")
FULL = ("Joseph Otieno", "Kenya Dışişleri Bakanı", "Kenya")
SURNAME = ("Otieno", "Kenya Dışişleri Bakanı", "Kenya")
NAMESAKE = ("Mary Otieno", "Uganda Dışişleri Bakanı", "Uganda")
NAMESAKE_SAME_COUNTRY = ("Grace Otieno", "Kenya Ticaret Bakanı", "Kenya")


def report(file: str, date: str, guest, quote: str = "Ticaretimiz artıyor."):
    b = ArticleBuilder(file, date)
    meeting = b.meeting(HOST, guest, place="Ankara", country="Türkiye")
    b.quote(meeting, guest[0], quote)
    return b.build()


def ingest(articles, *, chunk: bool) -> None:
    ingest_all(articles, chunk=chunk)


def links() -> dict:
    """Who each article's guest and quote point at."""
    guests = Participation.objects.filter(role="guest")
    return {
        "guests": dict(guests.values_list("article__filename", "person__name")),
        "speakers": dict(Statement.objects.values_list("article__filename", "speaker__name")),
    }


SURNAME_FIRST = [
    report("a.txt", "2024-01", SURNAME),
    report("b.txt", "2024-02", FULL, "Yatırımlar sürecek."),
]
WAYS = [
    pytest.param(False, [SURNAME_FIRST], id="one by one"),
    pytest.param(True, [SURNAME_FIRST], id="one chunk"),
    pytest.param(True, [SURNAME_FIRST[:1], SURNAME_FIRST[1:]], id="two chunks"),
]


@pytest.mark.parametrize("chunk, runs", WAYS)
def test_a_surname_before_the_full_name_ends_with_the_full_named_person(
    known_entities, chunk, runs
):
    for articles in runs:
        ingest(articles, chunk=chunk)
    assert links() == {
        "guests": {"a.txt": "Joseph Otieno", "b.txt": "Joseph Otieno"},
        "speakers": {"a.txt": "Joseph Otieno", "b.txt": "Joseph Otieno"},
    }
    assert not Person.objects.filter(name="Otieno").exists()


def test_either_order_gives_the_same_links(known_entities):
    ingest(SURNAME_FIRST, chunk=False)
    first = links()
    Participation.objects.all().delete()
    Statement.objects.all().delete()
    Person.objects.filter(name__contains="Otieno").delete()
    from meetings.models import Article

    Article.objects.all().delete()
    ingest(SURNAME_FIRST[::-1], chunk=False)
    assert links() == first


def test_a_link_an_editor_locked_stays_with_the_surname_alone(known_entities):
    ingest(SURNAME_FIRST[:1], chunk=False)
    guest = Participation.objects.get(role="guest")
    guest.lock("person")
    guest.save()
    ingest(SURNAME_FIRST[1:], chunk=False)
    guest.refresh_from_db()
    assert guest.person.name == "Otieno"
    assert Statement.objects.get(article__filename="a.txt").speaker.name == "Joseph Otieno"


@pytest.mark.parametrize("chunk", [False, True], ids=["one by one", "chunk"])
def test_a_namesake_unlinks_the_surname_and_flags_its_meeting(known_entities, chunk):
    ingest(
        [report("full.txt", "2024-01", FULL), report("alone.txt", "2024-02", SURNAME)],
        chunk=chunk,
    )
    assert links()["guests"]["alone.txt"] == "Joseph Otieno"
    ingest([report("namesake.txt", "2024-03", NAMESAKE_SAME_COUNTRY)], chunk=chunk)
    guest = Participation.objects.get(article__filename="alone.txt", role="guest")
    assert guest.person is None and guest.raw_name == "Otieno"
    assert "ambiguous_name" in Meeting.objects.get(participations=guest).review_reasons
    full = Participation.objects.get(article__filename="full.txt", role="guest")
    assert full.person.name == "Joseph Otieno"  # a full name is never revisited


def test_a_namesake_of_another_country_leaves_the_link(known_entities):
    ingest(
        [report("full.txt", "2024-01", FULL), report("alone.txt", "2024-02", SURNAME)],
        chunk=False,
    )
    ingest([report("namesake.txt", "2024-03", NAMESAKE)], chunk=False)
    assert links()["guests"]["alone.txt"] == "Joseph Otieno"
    later = report("later.txt", "2024-04", SURNAME, "Yeni bir dönem başlıyor.")
    ingest([later], chunk=False)
    assert links()["guests"]["later.txt"] == "Joseph Otieno"


def test_a_namesake_never_moves_a_locked_link(known_entities):
    ingest(
        [report("full.txt", "2024-01", FULL), report("alone.txt", "2024-02", SURNAME)],
        chunk=False,
    )
    guest = Participation.objects.get(article__filename="alone.txt", role="guest")
    guest.lock("person")
    guest.save()
    ingest([report("namesake.txt", "2024-03", NAMESAKE_SAME_COUNTRY)], chunk=False)
    guest.refresh_from_db()
    assert guest.person.name == "Joseph Otieno"
