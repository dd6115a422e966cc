"""Which date a meeting took place on, by the annotation guide's rules, on invented articles."""

from __future__ import annotations

import pytest

from meetings.extraction import extract

LEAD = "Cumhurbaşkanı Ahmet Yalçın, Peru Başbakanı Luis Vargas'ı {when}kabul etti."


def dates(header: str | None, *sentences: str) -> list[tuple[str | None, list[str]]]:
    """(ISO date, review codes) of each meeting of an article with this header and body."""
    head = f" date {header} Kabul\n\n" if header else "Kabul\n\n"
    article = extract(head + "\n\n".join(sentences) + "\n", "dates.txt")
    return [(m.date.iso(), [c for c in m.review if c.startswith("date")]) for m in article.meetings]


@pytest.mark.parametrize(
    ("header", "when", "expected"),
    [
        # "dün": the day before the header; a month-only header keeps only the month.
        ("2025-05-06", "dün ", ("2025-05-05", ["date_relative"])),
        ("2025-05-06", "dün akşam ", ("2025-05-05", ["date_relative"])),
        ("2025-05", "dün ", ("2025-05", ["date_relative"])),
        ("2025-05-06", "bugün ", ("2025-05-06", ["date_relative"])),
        # A weekday: the latest such day before the header (2025-05-06 is a Tuesday).
        ("2025-05-06", "Cuma günü ", ("2025-05-02", ["date_relative"])),
        ("2025-05-06", "Salı günü ", ("2025-04-29", ["date_relative"])),
        # A relative day with no header tells nothing.
        (None, "dün ", (None, ["date_unknown"])),
        # A day and month without a year take the header's year.
        ("2025-05", "3 Mayıs'ta ", ("2025-05-03", [])),
        (None, "3 Mayıs'ta ", (None, ["date_unknown"])),
        # A written date with its year is the date, header or not.
        (None, "12 Mart 2024 tarihinde ", ("2024-03-12", [])),
        # Only the header: the meeting is that day's news, and the record says so.
        ("2025-05-06", "", ("2025-05-06", ["date_from_header"])),
    ],
)
def test_the_meeting_sentence_dates_the_meeting(header, when, expected) -> None:
    assert dates(header, LEAD.format(when=when)) == [expected]


def test_a_date_after_the_header_is_a_plan_not_this_meeting() -> None:
    # "20 Mayıs'ta" is later than the header: the meeting is the header's news.
    got = dates(
        "2025-05-06",
        "Cumhurbaşkanı Ahmet Yalçın, 20 Mayıs'ta Lima'ya gidecek olan Peru Başbakanı Luis "
        "Vargas'ı kabul etti.",
    )
    assert got == [("2025-05-06", ["date_from_header"])]


def test_the_event_date_written_after_the_lead_dates_the_meeting() -> None:
    got = dates(
        None,
        LEAD.format(when=""),
        "12 Mart 2024 tarihinde Çankaya Köşkü'nde gerçekleşen görüşmede ticaret ele alındı.",
    )
    assert got == [("2024-03-12", [])]


def test_a_background_date_is_not_the_meeting_date() -> None:
    # A date of another event ("göreve başlayan") and one inside a quotation are background.
    got = dates(
        "2025-05-06",
        LEAD.format(when=""),
        "Ocak 2023'te göreve başlayan Vargas, ziyaretten memnun olduğunu söyledi.",
        'Yalçın, "Mart 2021\'de imzaladığımız anlaşma yürürlükte" dedi.',
    )
    assert got == [("2025-05-06", ["date_from_header"])]


def test_a_pluperfect_sentence_about_an_earlier_visit_gives_no_date() -> None:
    got = dates(
        "2025-05-06",
        LEAD.format(when="dün "),
        "Vargas, Eylül 2023'te de Yalçın'ı ziyaret etmişti.",
    )
    assert got == [("2025-05-05", ["date_relative"])]


def test_a_meeting_told_later_on_the_same_day_takes_that_day() -> None:
    got = dates(
        "2025-05-06",
        LEAD.format(when="dün "),
        "Vargas, aynı gün Dışişleri Bakanı Orhan Kaya ile de görüşmüştü.",
    )
    assert got == [("2025-05-05", ["date_relative"]), ("2025-05-05", [])]


def test_a_sentence_about_the_meeting_itself_dates_it() -> None:
    got = dates(
        "2025-05-06",
        "Dışişleri Bakanı Orhan Kaya, Riyad'da Norveç Dışişleri Bakanı Erik Holm ile görüştü.",
        "Görüşme, dün düzenlenen toplantının marjında gerçekleşti.",
    )
    assert got == [("2025-05-05", ["date_relative"])]
