"""Review reasons stored as English sentences become codes when the database is migrated."""

import pytest

from meetings.extraction.reasons import ALL_CODES
from tests.models.test_migrations import migrate

pytestmark = pytest.mark.django_db(transaction=True)

OLD = {
    "undated": [
        "date unknown",
        "possible duplicate: same people and place as another meeting, and no date to tell "
        "them apart",
        "no date in the article",
    ],
    "ambiguous": [
        "ambiguous name: could be Ahmet Yılmaz or Mehmet Yılmaz",
        "a statement has no identified speaker",
        "a quote with an unknown speaker: “Bölgede barış…”",
    ],
    "warnings": [
        "the file is an HTML page: its markup was removed",
        "the date '3 Mart' in the text disagrees with the header",
        "the date '31 Şubat' has no year or is not a real date",
        "no meeting found",
        "statements kept under a meeting of kind 'other'",
    ],
    "typed": ["please check the spelling", "date_unknown"],
    "clean": [],
}


def test_english_sentences_become_codes_and_warnings_without_a_reason_go():
    old = migrate([("meetings", "0006_person_surname_keys")])
    try:
        Meeting = old.get_model("meetings", "Meeting")
        for slug, reasons in OLD.items():
            Meeting.objects.create(
                title=slug, slug=slug, needs_review=bool(reasons), review_reasons=reasons
            )
        new = migrate([("meetings", "0007_review_reason_codes")])
        stored = dict(
            new.get_model("meetings", "Meeting").objects.values_list("slug", "review_reasons")
        )
    finally:
        migrate()  # the schema every other test expects
    assert stored == {
        "undated": ["date_unknown", "possible_duplicate"],
        "ambiguous": ["ambiguous_name", "speaker_unknown"],
        "warnings": ["date_conflict", "no_meeting"],
        "typed": ["other", "date_unknown"],
        "clean": [],
    }
    assert {code for reasons in stored.values() for code in reasons} <= set(ALL_CODES)
