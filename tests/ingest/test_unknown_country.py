"""A country the extraction names for a meeting's place or a participant that no Country row
has flags the meeting for review (unknown_country): the record would silently lack it."""

import pytest

from meetings.extraction.reasons import Reason, label
from meetings.ingest import Ingestor
from meetings.models import Meeting, Person
from tests.ingest.builders import ALIYEV, ArticleBuilder, ingest_all

pytestmark = pytest.mark.django_db

MODES = pytest.mark.parametrize("chunk", [False, True], ids=["one by one", "chunk"])
UNKNOWN = Reason.UNKNOWN_COUNTRY.value


def meeting(guest_country="Rusya", place_country="Azerbaycan", file="a.txt"):
    """Aliyev receives a minister in Bakü; the guest's and the place's countries as given."""
    b = ArticleBuilder(file, date="2024-03-12")
    b.meeting(
        ALIYEV,
        ("Lerato Dube", "Dışişleri Bakanı", guest_country),
        country=place_country,
    )
    return b.build()


@MODES
@pytest.mark.parametrize(
    "guest_country, place_country",
    [("Hayalistan", "Azerbaycan"), ("Rusya", "Kuzey Hayalistan")],
    ids=["participant's country", "place's country"],
)
def test_a_country_no_row_has_flags_the_meeting(
    known_entities, chunk, guest_country, place_country
):
    ingest_all([meeting(guest_country, place_country)], chunk=chunk)
    stored = Meeting.objects.get()
    assert stored.needs_review
    assert UNKNOWN in stored.review_reasons


@MODES
@pytest.mark.parametrize(
    "guest_country, place_country",
    [
        ("Rusya", "Azerbaycan"),
        ("Amerika Birleşik Devletleri", "Azerbaycan"),  # the known "ABD"'s full name
        ("Rus", "Azeri"),  # an adjective and a demonym
        (None, None),  # no country given is no unknown country
    ],
)
def test_known_countries_and_none_do_not(known_entities, chunk, guest_country, place_country):
    ingest_all([meeting(guest_country, place_country)], chunk=chunk)
    assert UNKNOWN not in Meeting.objects.get().review_reasons


def test_the_unknown_country_creates_no_country_and_the_person_keeps_none(known_entities):
    ingest_all([meeting("Hayalistan")], chunk=False)
    assert Person.objects.get(name="Lerato Dube").country is None


def test_an_editors_cleared_reasons_stay_cleared(known_entities):
    extracted = meeting("Hayalistan")
    Ingestor().ingest(extracted, extracted.text)
    stored = Meeting.objects.get()
    stored.needs_review, stored.review_reasons = False, []
    stored.lock("needs_review", "review_reasons")
    stored.save()
    Ingestor().ingest(extracted, extracted.text, force=True)
    stored.refresh_from_db()
    assert (stored.needs_review, stored.review_reasons) == (False, [])


def test_the_reason_reads_in_both_languages():
    assert label(UNKNOWN, "en").startswith("a country named for the place or a participant")
    assert label(UNKNOWN, "tr").startswith("yer ya da bir katılımcı için adı geçen ülke")
