"""The review-reason catalogue: every code has both labels, and extraction emits only codes."""

from __future__ import annotations

from meetings.extraction.reasons import ALL_CODES, Reason, is_code, label, labels

from .eval import DEVSET
from .helpers import ARTICLES, read


def test_every_code_has_a_turkish_and_an_english_label() -> None:
    for code in ALL_CODES:
        turkish, english = label(code, "tr"), label(code, "en")
        assert turkish and english and turkish != english != code, code


def test_the_language_picks_the_label_and_turkish_is_the_default() -> None:
    assert label("date_unknown", "en") == label("date_unknown", "en-gb") == "date unknown"
    assert label("date_unknown") == label("date_unknown", None) == "tarih bilinmiyor"
    assert labels([Reason.NO_HOST, "no_guest"], "en") == ["no host found", "no guest found"]


def test_a_string_that_is_no_code_is_shown_as_it_is() -> None:
    assert not is_code("please check")
    assert label("please check", "en") == "please check"


def test_extracted_meetings_carry_only_codes_each_once() -> None:
    paths = sorted(ARTICLES.glob("*.txt")) + sorted((DEVSET / "articles").glob("*.txt"))
    for path in paths:
        for meeting in read(path).to_json()["meetings"]:
            assert all(is_code(r) for r in meeting["review"]), (path.name, meeting["review"])
            assert len(set(meeting["review"])) == len(meeting["review"]), path.name
