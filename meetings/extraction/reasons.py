"""Why a record needs an editor's eye: one catalogue of review-reason codes with their labels.

Extraction puts codes on each meeting it is unsure of (``Meeting.review``), resolution adds
its own when it stores the meeting, and the database keeps only the codes
(``Meeting.review_reasons``). The admin and the pages show ``label(code, language)``, so a
reason reads in the reader's language and the queue can filter and count by code.
"""

from __future__ import annotations

from enum import StrEnum


class Reason(StrEnum):
    """A machine-readable reason for review; its value is the code stored and sent in JSON."""

    # People
    NO_HOST = "no_host"
    NO_GUEST = "no_guest"
    SURNAME_ONLY = "surname_only"
    ROLE_NOUN = "role_noun"
    # Place
    PLACE_FROM_TITLE = "place_from_title"
    PLACE_FROM_VENUE = "place_from_venue"
    PLACE_FROM_DATELINE = "place_from_dateline"
    PLACE_COUNTRY_ONLY = "place_country_only"
    # Date
    DATE_RELATIVE = "date_relative"
    DATE_FROM_HEADER = "date_from_header"
    DATE_UNKNOWN = "date_unknown"
    DATE_CONFLICT = "date_conflict"
    # Statements and the article as a whole
    SPEAKER_UNKNOWN = "speaker_unknown"
    NO_MEETING = "no_meeting"
    # Resolution (ingest), against what the database already holds
    AMBIGUOUS_NAME = "ambiguous_name"
    POSSIBLE_DUPLICATE = "possible_duplicate"
    UNKNOWN_COUNTRY = "unknown_country"
    # A reason stored before the codes existed that maps to none of them
    OTHER = "other"


# code: (English, Turkish)
_LABELS: dict[Reason, tuple[str, str]] = {
    Reason.NO_HOST: ("no host found", "ev sahibi bulunamadı"),
    Reason.NO_GUEST: ("no guest found", "konuk bulunamadı"),
    Reason.SURNAME_ONLY: (
        "a participant is known only by surname",
        "bir katılımcı yalnızca soyadıyla biliniyor",
    ),
    Reason.ROLE_NOUN: (
        "a participant is named only by a role (“his counterpart”, “the guest minister”)",
        "bir katılımcı yalnızca göreviyle anılıyor (“mevkidaşı”, “konuk bakan”)",
    ),
    Reason.PLACE_FROM_TITLE: (
        "place taken from a title, not from the account of the meeting",
        "yer, görüşmenin anlatımından değil bir unvandan alındı",
    ),
    Reason.PLACE_FROM_VENUE: (
        "place taken from the venue (a palace, a building)",
        "yer, görüşmenin yapıldığı binadan (saray, köşk) çıkarıldı",
    ),
    Reason.PLACE_FROM_DATELINE: (
        "place taken from the dateline",
        "yer, haberin başındaki şehir adından alındı",
    ),
    Reason.PLACE_COUNTRY_ONLY: (
        "only the country is known, not the city",
        "yalnızca ülke biliniyor, şehir bilinmiyor",
    ),
    Reason.DATE_RELATIVE: (
        "date worked out from a relative day (yesterday, today, a weekday)",
        "tarih göreli bir günden (dün, bugün, bir hafta günü) hesaplandı",
    ),
    Reason.DATE_FROM_HEADER: (
        "meeting date taken from the publication date",
        "görüşme tarihi olarak haberin yayın tarihi alındı",
    ),
    Reason.DATE_UNKNOWN: ("date unknown", "tarih bilinmiyor"),
    Reason.DATE_CONFLICT: (
        "a date in the text disagrees with the publication date",
        "metindeki tarih haberin yayın tarihiyle çelişiyor",
    ),
    Reason.SPEAKER_UNKNOWN: (
        "a statement has no identified speaker",
        "bir sözün kime ait olduğu belirlenemedi",
    ),
    Reason.NO_MEETING: ("no meeting found in the article", "haberde görüşme bulunamadı"),
    Reason.AMBIGUOUS_NAME: (
        "a name could be more than one known person",
        "bir ad birden fazla kayıtlı kişiye uyuyor",
    ),
    Reason.POSSIBLE_DUPLICATE: (
        "possible duplicate: same people and place as another meeting, and no date to tell "
        "them apart",
        "olası mükerrer kayıt: başka bir görüşmeyle aynı kişiler ve yer, ayırt edecek tarih yok",
    ),
    Reason.UNKNOWN_COUNTRY: (
        "a country named for the place or a participant is not in the list of countries",
        "yer ya da bir katılımcı için adı geçen ülke, ülke listesinde yok",
    ),
    Reason.OTHER: ("another reason", "başka bir neden"),
}

ALL_CODES: tuple[str, ...] = tuple(r.value for r in Reason)
# Kept on the record for the reader, but no cause by themselves to queue a meeting for
# review: a date taken from the publication date is the guide's own rule for the day's news.
NOTES: frozenset[str] = frozenset({Reason.DATE_FROM_HEADER.value})
LANGUAGES = ("tr", "en")


def label(code: str, language: str | None = "tr") -> str:
    """The reason's label in language ("tr" or "en", a regional variant such as "en-gb"
    too); any other language reads Turkish, the site's own. A string that is not a code is
    returned as it is, so nothing is ever hidden from an editor."""
    try:
        english, turkish = _LABELS[Reason(code)]
    except ValueError:
        return code
    return english if (language or "tr").lower().split("-")[0] == "en" else turkish


def is_code(value: str) -> bool:
    """Whether value is one of the catalogue's codes."""
    return value in ALL_CODES


def labels(codes: list[str], language: str | None = "tr") -> list[str]:
    """Each reason's label in language, in the order stored."""
    return [label(code, language) for code in codes]
