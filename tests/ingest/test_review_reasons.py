"""A meeting's review reasons are catalogue codes: the extractor's, then resolution's."""

import pytest

from meetings.extraction.reasons import ALL_CODES
from meetings.ingest import Ingestor
from meetings.models import Meeting
from tests.ingest.builders import ALIYEV, ArticleBuilder

pytestmark = pytest.mark.django_db


def doubtful(file="doubtful.txt", quote="Görüşme verimli geçti."):
    """A meeting the extractor had doubts about, with an unattributed quote and a warning."""
    b = ArticleBuilder(file, date="2020-11")
    m = b.meeting(ALIYEV, ("Todorović", "Bakan", "Sırbistan"))
    m.review = ["surname_only", "date_conflict"]
    b.quote(m, None, quote)
    b.warnings.append("the date '3 Mart' in the text disagrees with the header")
    return b.build()


def test_the_extractors_codes_and_resolutions_are_stored_and_no_sentences(known_entities):
    extracted = doubtful()
    Ingestor().ingest(extracted, extracted.text)
    meeting = Meeting.objects.get()
    assert meeting.needs_review
    assert meeting.review_reasons == ["surname_only", "date_conflict", "speaker_unknown"]


def test_a_chunk_stores_the_same_codes(known_entities):
    first, second = doubtful("a.txt"), doubtful("b.txt", "Başka bir söz.")
    second.meetings[0].review = ["role_noun"]
    Ingestor().ingest_new([(first, first.text), (second, second.text)])
    stored = {r for m in Meeting.objects.all() for r in m.review_reasons}
    assert stored == {"surname_only", "date_conflict", "speaker_unknown", "role_noun"}
    assert stored <= set(ALL_CODES)


def test_a_reimport_adds_each_code_once(known_entities):
    extracted = doubtful()
    Ingestor().ingest(extracted, extracted.text)
    Ingestor().ingest(extracted, extracted.text, force=True)
    assert Meeting.objects.get().review_reasons == [
        "surname_only",
        "date_conflict",
        "speaker_unknown",
    ]


def test_reasons_an_editor_set_are_kept(known_entities):
    extracted = doubtful()
    Ingestor().ingest(extracted, extracted.text)
    meeting = Meeting.objects.get()
    meeting.needs_review, meeting.review_reasons = False, []
    meeting.lock("needs_review", "review_reasons")
    meeting.save()
    Ingestor().ingest(extracted, extracted.text, force=True)
    meeting.refresh_from_db()
    assert (meeting.needs_review, meeting.review_reasons) == (False, [])


@pytest.mark.parametrize("chunk", [False, True], ids=["one by one", "chunk"])
def test_a_date_from_the_header_is_noted_but_queues_nothing(known_entities, chunk):
    # The guide dates a meeting told as the day's news by its header: worth showing, but a
    # queue holding every such meeting would bury the doubtful ones.
    b = ArticleBuilder("news.txt", date="2020-11-10")
    m = b.meeting(ALIYEV, ("Sergey Lavrov", "Rusya Dışişleri Bakanı", "Rusya"))
    m.review = ["date_from_header"]
    plain = b.build()
    b = ArticleBuilder("relative.txt", date="2020-11-10")
    m = b.meeting(ALIYEV, ("Mevlüt Kaya", "Dışişleri Bakanı", "Türkiye"))
    m.review = ["date_relative"]
    relative = b.build()
    if chunk:
        Ingestor().ingest_new([(plain, plain.text), (relative, relative.text)])
    else:
        Ingestor().ingest(plain, plain.text)
        Ingestor().ingest(relative, relative.text)
    flags = {tuple(m.review_reasons): m.needs_review for m in Meeting.objects.all()}
    assert flags == {("date_from_header",): False, ("date_relative",): True}
