"""Which date a meeting took place on, by the annotation guide's rules, in order:

1. a date the meeting's own sentences write, outside quotations ("12 Mart 2024'te"; a day and
   month without a year take the header's year);
2. a relative day in those sentences, counted from the header: "dün", "bugün", "Pazar günü"
   (the latest such day before the header), "aynı gün" (the day of the meeting told before);
3. the date of the event the article describes ("… tarihinde düzenlenen törende",
   "… tarihinde gerçekleşen görüşmede"), outside quotations;
4. the header's date, reported as that day's news; else unknown.

A date after the header is not this meeting's (it is a plan), and dates of background events
are only taken from sentences that tell this meeting.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from .dates import FoundDate, find_dates
from .document import Doc, Sentence
from .meetings import MeetingDraft
from .reasons import Reason
from .records import PartialDate

_WEEKDAYS = {
    "pazartesi": 0,
    "sali": 1,
    "carsamba": 2,
    "persembe": 3,
    "cuma": 4,
    "cumartesi": 5,
    "pazar": 6,
}
# "dün", "dün akşam", "bugün", "Pazar günü", "aynı gün": folded, as whole words.
_RELATIVE = re.compile(
    r"\b(?:(dun)(?:\s+(?:aksam|sabah|ogleden\s+sonra|gece))?|(bugun)|(ayni\s+gun)"
    r"|(" + "|".join(_WEEKDAYS) + r")\s+gunu)\b"
)
# A sentence whose subject is the meeting: "Görüşme, dün … marjında gerçekleşti."
_EVENT_SENTENCE = re.compile(
    r"(?:gorusme|toplanti|kabul|ziyaret)\w*\W[^.]*\b(?:gerceklesti|yapildi|duzenlendi)\b"
)
# A written date that tells when the event of the article happened.
_EVENT_DATE = re.compile(
    r"\W*(?:tarihinde\s+)?(?:\S+\s+){0,4}?"
    r"(?:duzenlenen|gerceklesen|gerceklestirilen|yapilan)\s+"
    r"(?:gorusme|toren|kabul|ziyaret|temas|resmi\s+toren)\w*"
)


Event = tuple[int, PartialDate, list[str]]


def event_dates(doc: Doc, header: PartialDate) -> list[Event]:
    """(sentence index, date, review codes) of every date the text gives the event it tells."""
    found_dates: list[Event] = []
    for found in find_dates(doc.folded):
        sent = doc.sentences[doc.tokens[doc.token_index(found.start)].sent]
        if _EVENT_DATE.match(doc.folded, found.end, sent.end):
            resolved = _usable(doc, found, header)
            if resolved is not None:
                found_dates.append((sent.index, resolved, []))
    # "Görüşme, dün … gerçekleşti": a sentence about the meeting itself, dated relatively.
    for sent in doc.sentences:
        if _EVENT_SENTENCE.match(doc.folded, sent.start, sent.end):
            relative = _relative(doc, sent, header, None)
            if relative is not None and relative[0].value is not None:
                found_dates.append((sent.index, *relative))
    return sorted(found_dates, key=lambda item: item[0])


def meeting_date(
    doc: Doc,
    draft: MeetingDraft,
    header: PartialDate,
    before: PartialDate | None,
    events: list[Event],
) -> tuple[PartialDate, list[str]]:
    """The meeting's date and the review codes that say how sure it is."""
    # The meeting's own sentence first; a sentence merged in that tells an earlier event
    # ("… ziyaret etmişti") gives no date.
    own = [draft.sent] + [s for s in draft.sentences if s != draft.sent]
    for sent_index in own:
        if sent_index in draft.background and sent_index != draft.sent:
            continue
        found = _written(doc, doc.sentences[sent_index], header)
        if found is not None:
            return found, []
    for sent_index in draft.sentences:
        relative = _relative(doc, doc.sentences[sent_index], header, before)
        if relative is not None:
            return relative
    at = bisect.bisect_left(events, min(draft.sentences), key=lambda e: e[0])
    if at < len(events):
        return events[at][1], events[at][2]
    if header.value is not None:
        return header, [Reason.DATE_FROM_HEADER.value]
    return PartialDate.unknown(), [Reason.DATE_UNKNOWN.value]


def _written(doc: Doc, sent: Sentence, header: PartialDate) -> PartialDate | None:
    for found in find_dates(doc.folded, sent.start, sent.end):
        resolved = _usable(doc, found, header)
        if resolved is not None:
            return resolved
    return None


def _usable(doc: Doc, found: FoundDate, header: PartialDate) -> PartialDate | None:
    if doc.quote_at(found.start) >= 0:
        return None
    resolved = found.resolve(header.value.year if header.value else None)
    if resolved is None or resolved.value is None:
        return None
    if header.value is not None and _later(resolved, header):
        return None  # a plan, not this meeting
    return resolved


def _relative(
    doc: Doc, sent: Sentence, header: PartialDate, before: PartialDate | None
) -> tuple[PartialDate, list[str]] | None:
    for match in _RELATIVE.finditer(doc.folded, sent.start, sent.end):
        if doc.quote_at(match.start()) >= 0:
            continue
        if match[3]:
            if before is not None and before.value is not None:
                return before, []
            continue
        if header.value is None:
            return PartialDate.unknown(), [Reason.DATE_UNKNOWN.value]
        if header.precision != "day":
            return header, [Reason.DATE_RELATIVE.value]
        day = header.value
        if match[1]:
            day -= dt.timedelta(days=1)
        elif match[4]:
            back = (day.weekday() - _WEEKDAYS[match[4]]) % 7 or 7
            day -= dt.timedelta(days=back)
        return PartialDate(day, "day"), [Reason.DATE_RELATIVE.value]
    return None


def _later(found: PartialDate, header: PartialDate) -> bool:
    """Whether a date lies after the header, compared at the header's precision."""
    assert found.value is not None and header.value is not None
    size = {"day": 3, "month": 2, "year": 1}[header.precision]
    return found.value.timetuple()[:size] > header.value.timetuple()[:size]
