"""A person takes part in a meeting once, however many reports of it there are."""

import pytest

from meetings.ingest import Ingestor
from meetings.models import Meeting, Participation
from tests.ingest.builders import ArticleBuilder, ingest_all

pytestmark = pytest.mark.django_db

HOST = ("Aynur Kılıçarslan", "Gürcistan Dışişleri Bakanı", "Gürcistan")
GUEST = ("Tarık Demirsoy", "Türkiye Dışişleri Bakanı", "Türkiye")
AIDE = ("Selin Okyay", "Türkiye Dışişleri Bakan Yardımcısı", "Türkiye")


def report(file: str, date: str, line: str):
    """One report of the Tiflis meeting, with a line of its own so that texts differ."""
    b = ArticleBuilder(file, date)
    b.write(line)
    b.meeting(HOST, GUEST, place="Tiflis", country="Gürcistan", delegation=[AIDE])
    return b.build()


def ingest(articles, *, chunk: bool) -> None:
    ingest_all(articles, chunk=chunk)


@pytest.mark.parametrize("chunk", [False, True], ids=["one by one", "chunk"])
def test_two_reports_of_one_meeting_list_each_participant_once(known_entities, chunk):
    ingest(
        [
            report("sabah.txt", "2024-03", "Bakan Tiflis'te temaslarda bulundu. "),
            report("aksam.txt", "2024-03-12", "Görüşme iki saat sürdü. "),
        ],
        chunk=chunk,
    )
    meeting = Meeting.objects.get()
    assert meeting.reports.count() == 2
    people = list(meeting.participations.values_list("person__name", flat=True))
    assert sorted(people) == sorted([HOST[0], GUEST[0], AIDE[0]])


def test_a_third_report_in_a_later_run_adds_nobody_twice(known_entities):
    ingest([report("bir.txt", "2024-03", "Birinci haber. ")], chunk=False)
    ingest(
        [
            report("iki.txt", "2024-03-12", "İkinci haber. "),
            report("uc.txt", "2024", "Üçüncü haber. "),
        ],
        chunk=True,
    )
    assert Participation.objects.count() == 3
    assert set(Participation.objects.values_list("article__filename", flat=True)) == {"bir.txt"}


def test_a_person_a_report_names_twice_takes_part_once(known_entities):
    b = ArticleBuilder("iki-kez.txt", "2024-03")
    meeting = b.meeting(HOST, GUEST, place="Tiflis", country="Gürcistan")
    b.write("Heyette ")
    from meetings.extraction.records import Participant

    meeting.participants.append(
        Participant("Tarık Demirsoy", "delegation", "Bakan", "Türkiye", [b.write(GUEST[0])])
    )
    article = b.build()
    Ingestor().ingest(article, article.text)
    guest = Participation.objects.get(person__name=GUEST[0])
    assert guest.role == "guest"
    assert Participation.objects.count() == 2


def test_reimporting_a_report_keeps_one_participation_each(known_entities):
    first = report("bir.txt", "2024-03", "Birinci haber. ")
    second = report("iki.txt", "2024-03-12", "İkinci haber. ")
    ingest([first, second], chunk=False)
    Ingestor().ingest(second, second.text, force=True)
    Ingestor().ingest(first, first.text, force=True)
    assert Participation.objects.count() == 3
