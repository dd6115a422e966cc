"""extract(): raw article in, ExtractedArticle out. Reads in order: text, people, meetings,
statements, agreements, dates; then puts each statement and agreement under its meeting."""

from __future__ import annotations

import bisect
import hashlib
import re

from . import agreements as agr
from .document import Doc
from .lexicon import lexicon
from .meeting_dates import event_dates, meeting_date
from .meetings import MeetingDraft, MeetingLocator, find_meetings, subject_of
from .normalise import check_text, decode_with_warnings, normalise
from .people import People, Person
from .quotes import StatementDraft, direct_statements, without_repeated_headings
from .reasons import Reason
from .records import (
    Agreement,
    AgreementMention,
    ExtractedArticle,
    ExtractionError,
    Meeting,
    MentionedPerson,
    PartialDate,
    Participant,
    Source,
    Statement,
)
from .reported import reported_statements
from .speakers import Institutions, is_institution_name
from .turkish import fold_tokens

_WORDS = re.compile(r"[^\W_]+")
_TWO_SIDES = re.compile(r"\biki (?:ulke|lider|bakan|taraf|heyet|devlet)")
_TITLE_MAX = 200
_HEADLINE_OVERLAP = 0.6
NO_DATE = "no date in the article"
NO_MEETING = "no meeting found"


def extract(raw: bytes | str, filename: str | None = None) -> ExtractedArticle:
    """Read one article; raises ExtractionError (and nothing else) for unreadable input."""
    if isinstance(raw, (bytes, bytearray, memoryview)):
        data = bytes(raw)
        digest = hashlib.sha256(data).hexdigest()
        text, repaired = decode_with_warnings(data)
    elif isinstance(raw, str):
        digest = hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()
        text, repaired = raw, []
    else:
        raise ExtractionError(f"cannot read an article from {type(raw).__name__}")
    check_text(text)
    try:
        return _read(text, digest, filename, repaired)
    except ExtractionError:
        raise
    except Exception as exc:  # pragma: no cover - a last line of defence; tests look for it
        raise ExtractionError(f"internal extraction error: {exc!r}") from exc


def _read(
    raw_text: str, digest: str, filename: str | None, repaired: list[str]
) -> ExtractedArticle:
    norm = normalise(raw_text)
    doc = Doc(norm.text, norm.paragraphs)
    warnings = repaired + list(norm.warnings)  # what decoding repaired comes first
    people = People(doc)
    drafts = find_meetings(doc, people)
    institutions = Institutions(doc, people)  # read once, for quotes and reported speech
    direct, quote_warnings = direct_statements(doc, people, institutions)
    statements = _dedupe(doc, direct + reported_statements(doc, people, institutions))
    warnings += quote_warnings
    _counterpart_titles(doc, people)

    header = norm.header_date
    meetings = _meetings(doc, drafts, header)
    if not drafts:
        warnings.append(NO_MEETING)
        if statements:
            meetings.append(Meeting(header, None, "other", review=[Reason.NO_MEETING.value]))
            warnings.append("statements kept under a meeting of kind 'other'")
    if any(m.date.precision == "unknown" for m in meetings) or (not meetings and not header.value):
        warnings.append(NO_DATE)

    starts = [d.start for d in drafts]
    locator = MeetingLocator(doc, people, drafts)
    for s in statements:
        meeting_index = locator.locate(s.start, s.speaker)
        meetings[meeting_index].statements.append(
            Statement(
                s.speaker_name,
                s.direct,
                doc.text[s.start : s.end],
                (s.start, s.end),
                institution=s.speaker is None and is_institution_name(s.speaker_text or ""),
            )
        )
    _agreements(doc, people, drafts, meetings, direct, starts)

    in_meeting = {id(p) for d in drafts for p, _ in d.roles.values()}
    for meeting, draft in zip(meetings, drafts, strict=False):
        meeting.participants = [
            Participant(p.name, role, p.title, p.country, p.spans)
            for p, role in sorted(draft.roles.values(), key=lambda pr: _role_order(pr))
        ]
    mentioned = [
        MentionedPerson(p.name, p.title, p.country, p.spans)
        for p in sorted(people.persons, key=lambda p: p.start)
        if id(p) not in in_meeting
    ]
    source_date = header if header.value else (meetings[0].date if meetings else header)
    given = norm.header  # the header block's title wins over the headline
    source = Source(
        filename, digest, given.title or _title(doc), source_date, given.outlet, given.url
    )
    return ExtractedArticle(source, doc.text, meetings, mentioned, _unique(warnings))


def _role_order(pair: tuple[Person, str]) -> tuple[int, int]:
    person, role = pair
    return ({"host": 0, "guest": 1, "delegation": 2}.get(role, 3), person.start)


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _title(doc: Doc) -> str:
    if not doc.paragraphs:
        return ""
    start, end = doc.paragraphs[0]
    title = doc.text[start:end]
    if len(title) > _TITLE_MAX and doc.sentences:
        first = doc.sentences[0]
        title = doc.text[first.start : first.end]
    if len(title) > _TITLE_MAX:
        title = title[:_TITLE_MAX].rsplit(" ", 1)[0] + "…"
    return title.strip()


def _headline_paragraph(doc: Doc) -> bool:
    """Whether the first paragraph is a headline that the next paragraph repeats."""
    if len(doc.paragraphs) < 2:
        return False
    first = set(_WORDS.findall(doc.folded[slice(*doc.paragraphs[0])]))
    second = set(_WORDS.findall(doc.folded[slice(*doc.paragraphs[1])]))
    return bool(first) and len(first & second) / len(first) >= _HEADLINE_OVERLAP


def _dedupe(doc: Doc, statements: list[StatementDraft]) -> list[StatementDraft]:
    # A headline repeated by the lead gives the same quote twice: keep the lead's.
    headline = _headline_paragraph(doc)
    ordered = sorted(statements, key=lambda s: (headline and s.para == 0, s.start))
    seen: set[tuple[int, str | None, bool, str]] = set()
    kept: list[StatementDraft] = []
    for s in ordered:
        words = " ".join(_WORDS.findall(doc.folded[s.start : s.end]))
        key = (id(s.speaker), s.speaker_text, s.direct, words)
        if key in seen:
            continue
        seen.add(key)
        kept.append(s)
    return without_repeated_headings(doc, sorted(kept, key=lambda s: s.start))


def _meetings(doc: Doc, drafts: list[MeetingDraft], header: PartialDate) -> list[Meeting]:
    events = event_dates(doc, header)
    meetings: list[Meeting] = []
    for draft in drafts:
        before = meetings[-1].date if meetings else None
        date, review = meeting_date(doc, draft, header, before, events)
        meeting = Meeting(date, draft.location, draft.kind)  # type: ignore[arg-type]
        meeting.review = _unique(draft.review + review)
        meetings.append(meeting)
    return meetings


def _counterpart_titles(doc: Doc, people: People) -> None:
    # "İranlı mevkidaşı Arakçi": the counterpart holds the subject's office in his own country.
    lex = lexicon()
    for person in people.persons:
        mention = next((m for m in person.mentions if m.counterpart), None)
        if mention is None or any(m.title and not m.counterpart for m in person.mentions):
            continue
        sent = doc.sentences[doc.tokens[mention.first].sent]
        subject = subject_of(doc, people.mentions_in(sent.first, mention.first))
        if subject is None or subject.title_first is None or not person.country:
            continue
        tokens = doc.tokens
        k = subject.title_first
        while k < subject.first and lex.country_of_word(tokens[k].fbase):
            k += 1
        # Only a title that opens with a country has an office to carry over.
        if k == subject.title_first or k >= subject.first or not subject.title:
            continue
        office = subject.title[tokens[k].start - tokens[subject.title_first].start :]
        person.inferred_title = f"{person.country} {office}"


def _agreements(
    doc: Doc,
    people: People,
    drafts: list[MeetingDraft],
    meetings: list[Meeting],
    direct: list[StatementDraft],
    starts: list[int],
) -> None:
    mentions = agr.find_mentions(doc, people)
    if not mentions or not meetings:
        return
    quote_speakers = {(s.start, s.end): s.speaker for s in direct}
    # What a sentence says about parties is read once per sentence, not once per agreement.
    voices: dict[int, str | None] = {}
    sides: dict[int, tuple[bool, list[str]]] = {}
    for c in agr.cluster(mentions):
        parties: list[str] = []
        for m in c.mentions:
            found = list(m.parties)
            if m.uses_ile:
                country = _voice_country(doc, people, m.first_token, quote_speakers, voices)
                if country:
                    found.append(country)
            parties += [p for p in found if p not in parties]
        index = max(0, bisect.bisect_right(starts, c.mentions[0].start) - 1) if drafts else 0
        if not parties:
            parties = _fallback_parties(
                doc,
                people,
                c,
                drafts[index] if drafts else None,
                quote_speakers,
                voices,
                sides,
            )
        meetings[min(index, len(meetings) - 1)].agreements.append(
            Agreement(
                agr.name_of(c, doc.text),
                sorted(set(parties), key=fold_key),
                agr.status_of(c),  # type: ignore[arg-type]
                [AgreementMention(doc.text[m.start : m.end], (m.start, m.end)) for m in c.mentions],
            )
        )


def fold_key(name: str) -> str:
    """A sort key that orders Turkish names the way a reader expects."""
    return " ".join(fold_tokens(name))


def _voice_country(
    doc: Doc,
    people: People,
    token_index: int,
    quote_speakers: dict[tuple[int, int], Person | None],
    memo: dict[int, str | None] | None = None,
) -> str | None:
    token = doc.tokens[token_index]
    if token.quote >= 0:
        region = doc.quotes[token.quote]
        speaker = quote_speakers.get((region.inner_start, region.inner_end))
        return speaker.country if speaker else None
    if memo is not None and token.sent in memo:
        return memo[token.sent]
    sent = doc.sentences[token.sent]
    subject = subject_of(doc, people.mentions_in(sent.first, sent.last))
    country = subject.person.country if subject and subject.person else None
    if memo is not None:
        memo[token.sent] = country
    return country


def _fallback_parties(
    doc: Doc,
    people: People,
    c: agr.Cluster,
    draft: MeetingDraft | None,
    quote_speakers: dict[tuple[int, int], Person | None],
    voices: dict[int, str | None],
    memo: dict[int, tuple[bool, list[str]]],
) -> list[str]:
    sides = [p.country for p in draft.principals() if p.country] if draft else []
    # "iki ülke arasında", "iki lider … imzaladı": the parties are the meeting's sides.
    if sides and any(m.needs_meeting_countries or m.status == "signed" for m in c.mentions):
        return sides
    first = c.mentions[0]
    sent_index = doc.tokens[first.first_token].sent
    if sent_index not in memo:
        lex = lexicon()
        sent = doc.sentences[sent_index]
        named: list[str] = []
        for token in doc.sentence_tokens(sent):
            mention = people.mention_at(token.index)
            country = mention.person.country if mention and mention.person else None
            country = country or (lex.country_of_word(token.fbase) if token.cap else None)
            if country and country not in named:
                named.append(country)
        memo[sent_index] = (bool(_TWO_SIDES.search(doc.folded, sent.start, sent.end)), named)
    two_sides, countries = memo[sent_index]
    if sides and two_sides:
        return sides
    found = list(countries)
    voice = _voice_country(doc, people, first.first_token, quote_speakers, voices)
    if voice and voice not in found:
        found.append(voice)
    return found
