"""The rows one extracted article gives: meetings, who took part, statements, agreements and
mentions, written by either writer (see writers.py) through the same code."""

from __future__ import annotations

from collections import Counter

from meetings.extraction.reasons import NOTES, Reason
from meetings.extraction.records import ExtractedArticle
from meetings.extraction.records import Meeting as ExtractedMeeting
from meetings.extraction.turkish import fold, name_key
from meetings.ingest.agreement_names import record_name, with_parties
from meetings.ingest.meetings import (
    MeetingIndex,
    meeting_fields,
    meeting_slug_base,
    meeting_slug_identity,
    principal_ids,
)
from meetings.ingest.resolve import Resolver
from meetings.ingest.rows import Desired, digest, occurrence_keys, sync_rows
from meetings.models import (
    Agreement,
    AgreementMention,
    Article,
    Country,
    DeletedImport,
    Meeting,
    MeetingReport,
    Participation,
    PersonMention,
    Statement,
)
from meetings.models.base import normalise_partial_date
from meetings.models.meetings import report_key

EXTRACTOR_VERSION = "1"
POSSIBLE_DUPLICATE = Reason.POSSIBLE_DUPLICATE.value


def person_names(extracted: ExtractedArticle) -> list[tuple[str, str | None]]:
    """Every person's name in the article, with the country given for them."""
    names = [(p.name, p.country) for m in extracted.meetings for p in m.participants]
    names += [(p.name, p.country) for p in extracted.mentioned_persons]
    names += [
        (s.speaker, None)
        for m in extracted.meetings
        for s in m.statements
        if s.speaker and not s.institution
    ]
    return names


def article_fields(extracted: ExtractedArticle, raw_text: str) -> dict:
    """The Article columns an extraction determines (all but its identity)."""
    source = extracted.source
    return {
        "sha256": source.sha256,
        "filename": source.file or "",
        "raw_text": raw_text,
        "text": extracted.text,
        "title": source.title[:500],
        # From the header block; a header that no longer gives them clears them.
        "outlet": source.outlet or "",
        "url": source.url or "",
        "date": normalise_partial_date(source.date.value, source.date.precision),
        "date_precision": source.date.precision,
        "warnings": list(extracted.warnings),
        # No meeting with anyone in it: the article itself needs an editor's eye.
        "needs_review": not any(m.participants for m in extracted.meetings),
        "extractor_version": EXTRACTOR_VERSION,
    }


def _year(found: ExtractedMeeting) -> int | None:
    """The meeting's year, if known: what anchors a generic agreement signed there."""
    return found.date.value.year if found.date.value else None


def _one_per_place(mentions: list) -> list:
    """Mentions in text order, each stretch of text once: of overlapping mentions, the
    longest stays (the phrase around a short name), the first of equal ones."""
    kept: list = []
    for mention in sorted(mentions, key=lambda m: (m.span[0], -m.span[1])):
        if kept and mention.span[0] < kept[-1].span[1]:
            if mention.span[1] - mention.span[0] > kept[-1].span[1] - kept[-1].span[0]:
                kept[-1] = mention
            continue
        kept.append(mention)
    return kept


class RecordWriter:
    """Writes what was read from one article as rows, without undoing editors' work.

    The two writers differ in how new rows go in (_insert: now, or with the rest of a
    chunk), in how a new meeting's slug is made unique (_meeting_slug), and in whether an
    article can have rows from before (fresh).
    """

    def __init__(self, resolver: Resolver, stats: Counter) -> None:
        self.resolver = resolver
        self.stats = stats
        self.fresh = True  # the article being written was stored just now: no rows of its yet
        self.index: MeetingIndex | None = None  # a chunk's stored meetings, loaded at once

    def _insert(self, model, rows: list) -> None:
        raise NotImplementedError

    def _unique_slug(self, meeting: Meeting) -> None:
        raise NotImplementedError

    def write_records(
        self, article: Article, extracted: ExtractedArticle, resolved: list[dict] | None = None
    ) -> set[int]:
        """Everything read from the article, but the article itself; the meetings touched.

        resolved: each meeting's participants as resolve_participants gives them, if known.
        """
        touched = self._sync_meetings(article, extracted, resolved)
        self._sync_mentions(article, extracted)
        return touched

    def agreement_names(self, found: ExtractedMeeting) -> list[str]:
        """Every name the meeting's agreements may be known by."""
        names = []
        for cluster in found.agreements:
            parties = self._parties(cluster)
            recorded = record_name(cluster.name, parties, cluster.status, _year(found))
            if recorded:
                names += [recorded, with_parties(recorded, parties)]
            names += [cluster.name, *(m.text for m in cluster.mentions)]
        return names

    def resolve_participants(self, found: ExtractedMeeting) -> dict:
        """Each participant's PersonMatch, by their name's key."""
        matches = {}
        for p in found.participants:
            match = self.resolver.person(p.name, self.resolver.country(p.country))
            self.stats["people created"] += match.created
            matches[name_key(p.name)] = match
        return matches

    def _parties(self, cluster) -> list[Country]:
        """The countries an agreement's text names as its parties, each once."""
        found = {c.pk: c for c in map(self.resolver.country, cluster.parties) if c}
        return list(found.values())

    # Meetings ----------------------------------------------------------------------------
    def _sync_meetings(
        self, article: Article, extracted: ExtractedArticle, resolved: list[dict] | None
    ) -> set[int]:
        """Write the article's meetings; return the ids of every meeting it touched."""
        touched = set()
        reports, deleted = {}, set()
        if not self.fresh:
            reports = {
                r.index: r
                for r in MeetingReport.objects.filter(article=article).select_related("meeting")
            }
            deleted = self._deleted_meetings(article, len(extracted.meetings))
        if resolved is None:
            resolved = [self.resolve_participants(found) for found in extracted.meetings]
        known = self.index or MeetingIndex.load(
            [principal_ids(f, r) for f, r in zip(extracted.meetings, resolved, strict=True)]
        )
        for index, (found, participants) in enumerate(
            zip(extracted.meetings, resolved, strict=True)
        ):
            report = reports.pop(index, None)
            if report is None and index in deleted:
                continue  # an editor deleted the meeting: nothing of it comes back
            meeting = self._place_meeting(article, index, found, report, participants, known)
            touched.add(meeting.pk)
            self._sync_participants(article, index, meeting, found, participants, known)
            statements = self._sync_statements(article, index, meeting, found)
            self._sync_agreements(article, index, meeting, found, statements)
        for report in reports.values():  # the new content reports fewer meetings
            meeting = report.meeting
            touched.add(meeting.pk)
            report.delete()
            if not meeting.reports.exists() and not meeting.locked_fields:
                meeting.delete()
        return touched

    @staticmethod
    def _deleted_meetings(article: Article, count: int) -> set[int]:
        """Which of the article's meetings (by number) an editor deleted."""
        keys = {report_key(article.pk, i): i for i in range(count)}
        found = DeletedImport.objects.filter(import_key__in=keys)
        return {keys[key] for key in found.values_list("import_key", flat=True)}

    def _place_meeting(self, article, index, found: ExtractedMeeting, report, participants, known):
        """The Meeting this extracted meeting is: its own, one reported before, or a new one."""
        country = self.resolver.country(found.location.country if found.location else None)
        fields = meeting_fields(found, country)
        created = False
        if report is not None:
            meeting = report.meeting
            changed = [
                name
                for name, value in fields.items()
                if not meeting.is_locked(name.removesuffix("_id"))
                and getattr(meeting, name) != value
            ]
            for name in changed:
                setattr(meeting, name, fields[name])
            if changed:
                meeting.save()
                self.stats["meetings updated"] += 1
        else:
            meeting = known.find_same_meeting(found, participants)
            if meeting is None:
                meeting = Meeting(**fields)  # inserted below, with its review flags
                meeting.slug_identity = meeting_slug_identity(meeting, article, index)
                meeting.slug = meeting_slug_base(found, meeting.slug_identity)
                self._unique_slug(meeting)
                known.add(meeting, *principal_ids(found, participants))
                self.stats["meetings created"] += 1
                created = True
        self._review(meeting, found, participants, known)
        if created:
            self._insert(Meeting, [meeting])
        if report is None:
            report = MeetingReport(meeting=meeting, article=article, index=index)
            self._insert(MeetingReport, [report])
        return meeting

    def _review(self, meeting: Meeting, found, participants, known: MeetingIndex) -> None:
        """Flag what an editor should look at, as reason codes; never clear a flag an editor
        set. The extractor's codes first, then what resolution against the database adds."""
        reasons = list(found.review)
        if found.date.precision == "unknown":
            reasons.append(Reason.DATE_UNKNOWN)
            if known.possible_duplicate(found, participants, meeting):
                reasons.append(Reason.POSSIBLE_DUPLICATE)
        # Which name: the participation left without a person (its raw name is kept).
        if any(match.ambiguous for match in participants.values()):
            reasons.append(Reason.AMBIGUOUS_NAME)
        if any(s.speaker is None for s in found.statements):
            reasons.append(Reason.SPEAKER_UNKNOWN)
        if self._unknown_countries(found):
            reasons.append(Reason.UNKNOWN_COUNTRY)
        if meeting.is_locked("needs_review") or meeting.is_locked("review_reasons"):
            return
        before = (meeting.needs_review, list(meeting.review_reasons))
        for reason in reasons:
            meeting.flag(str(reason), queue=str(reason) not in NOTES)
        changed = (meeting.needs_review, meeting.review_reasons) != before
        if changed and not meeting._state.adding:  # a new meeting is saved with its flags
            meeting.save(update_fields=["needs_review", "review_reasons"])

    def _unknown_countries(self, found: ExtractedMeeting) -> list[str]:
        """The countries the meeting's place and participants are given that no Country row
        has: the record then lacks them (countries come from the ISO table, not articles)."""
        named = [found.location.country if found.location else None]
        named += [p.country for p in found.participants]
        return [n for n in named if n and n.strip() and self.resolver.country(n) is None]

    # Child rows --------------------------------------------------------------------------
    def _sync_participants(
        self, article, index, meeting, found: ExtractedMeeting, matches: dict, known: MeetingIndex
    ) -> None:
        """One participation per person per meeting: a person a report lists twice, or whom
        another report of the meeting lists already, is not added again (the first report
        to list them keeps their row; host and guest before delegation)."""
        prefix = f"{article.pk}:{index}:p:"
        keys = occurrence_keys(prefix, [(name_key(p.name), p.role) for p in found.participants])
        rank = {"host": 0, "guest": 1}
        listed = sorted(
            zip(keys, found.participants, strict=True), key=lambda kp: rank.get(kp[1].role, 2)
        )
        desired, seen = [], set()
        for key, p in listed:
            match = matches.get(name_key(p.name))
            person = match.person if match else None
            who = person.pk if person else name_key(p.name)
            if who in seen or (person and known.present(meeting, person.pk, article.pk)):
                continue
            seen.add(who)
            first = p.spans[0] if p.spans else (None, None)
            desired.append(
                Desired(
                    key,
                    {
                        "meeting_id": meeting.pk,
                        "article_id": article.pk,
                        "person_id": person.pk if person else None,
                        "raw_name": p.name[:200],
                        "role": p.role,
                        "title": (p.title or "")[:300],
                        "spans": [list(s) for s in p.spans],
                        "span_start": first[0],
                        "span_end": first[1],
                    },
                )
            )
        desired.sort(key=lambda d: keys.index(d.key))  # in the article's order
        existing = self._existing(Participation, article, prefix)
        self._count("participations", sync_rows(Participation, existing, desired, self._insert))

    def _sync_statements(self, article, index, meeting, found: ExtractedMeeting) -> dict:
        prefix = f"{article.pk}:{index}:s:"
        keys = occurrence_keys(prefix, [(fold(s.text), s.direct) for s in found.statements])
        present = {name_key(p.name): p.name for p in found.participants}
        for p in found.participants:  # a surname alone names the participant who bears it
            present.setdefault(name_key(p.name).rsplit(" ", 1)[-1], p.name)
        desired = []
        for order, (key, s) in enumerate(zip(keys, found.statements, strict=True)):
            speaker = None
            if s.speaker and not s.institution:  # an institution keeps its name, no person
                match = self.resolver.person(present.get(name_key(s.speaker), s.speaker))
                speaker = match.person
            desired.append(
                Desired(
                    key,
                    {
                        "meeting_id": meeting.pk,
                        "article_id": article.pk,
                        "speaker_name": (s.speaker or "")[:200],
                        "speaker_id": speaker.pk if speaker else None,
                        "text": s.text,
                        "direct": s.direct,
                        "order": order,
                        "span_start": s.span[0],
                        "span_end": s.span[1],
                    },
                )
            )
        existing = self._existing(Statement, article, prefix)
        result = sync_rows(Statement, existing, desired, self._insert)
        self._count("statements", result)
        return result.rows

    def _sync_agreements(self, article, index, meeting, found, statements: dict) -> None:
        prefix = f"{article.pk}:{index}:g:"
        by_span = [(s.span_start, s.span_end, s) for s in statements.values() if s.pk]
        # Clusters the extractor kept apart may name one agreement (a short name and a
        # longer phrase around it): their mentions are gathered, each place once.
        mentioned: dict[int, tuple[Agreement, list]] = {}
        for cluster in found.agreements:
            surfaces = [m.text for m in cluster.mentions]
            agreement, created = self.resolver.agreement(
                cluster.name, surfaces, self._parties(cluster), cluster.status, _year(found)
            )
            if agreement is None:  # a plural, a count or a kind of agreement: no record
                continue
            self.stats["agreements created"] += created
            if not created:
                self._upgrade_status(agreement, cluster.status)
            mentioned.setdefault(agreement.pk, (agreement, []))[1].extend(cluster.mentions)
        desired = []
        for agreement, mentions in mentioned.values():
            mentions = _one_per_place(mentions)
            keys = occurrence_keys(
                f"{prefix}{digest(agreement.pk)}:", [(fold(m.text),) for m in mentions]
            )
            for key, mention in zip(keys, mentions, strict=True):
                inside = next(
                    (st for a, b, st in by_span if a <= mention.span[0] and mention.span[1] <= b),
                    None,
                )
                desired.append(
                    Desired(
                        key,
                        {
                            "agreement_id": agreement.pk,
                            "meeting_id": meeting.pk,
                            "statement_id": inside.pk if inside else None,
                            "article_id": article.pk,
                            "text": mention.text[:500],
                            "span_start": mention.span[0],
                            "span_end": mention.span[1],
                        },
                    )
                )
        existing = self._existing(AgreementMention, article, prefix)
        result = sync_rows(AgreementMention, existing, desired, self._insert)
        self._count("agreement mentions", result)

    def _upgrade_status(self, agreement, status: str) -> None:
        """Signed beats proposed beats merely referred to; never downgrade, never over a lock."""
        rank = {"referred": 0, "proposed": 1, "signed": 2}
        if agreement.is_locked("status") or rank[status] <= rank.get(agreement.status, 0):
            return
        agreement.status = status
        if not agreement._state.adding:  # one held back is written with its new status
            agreement.save(update_fields=["status"])
        self.stats["agreements updated"] += 1

    def _sync_mentions(self, article: Article, extracted: ExtractedArticle) -> None:
        prefix = f"{article.pk}:x:"
        people = extracted.mentioned_persons
        keys = occurrence_keys(prefix, [(name_key(p.name),) for p in people])
        desired = []
        for key, p in zip(keys, people, strict=True):
            match = self.resolver.person(p.name, self.resolver.country(p.country))
            self.stats["people created"] += match.created
            first = p.spans[0] if p.spans else (None, None)
            desired.append(
                Desired(
                    key,
                    {
                        "article_id": article.pk,
                        "person_id": match.person.pk if match.person else None,
                        "raw_name": p.name[:200],
                        "title": (p.title or "")[:300],
                        "spans": [list(s) for s in p.spans],
                        "span_start": first[0],
                        "span_end": first[1],
                    },
                )
            )
        existing = self._existing(PersonMention, article, prefix)
        sync_rows(PersonMention, existing, desired, self._insert)

    def _existing(self, model, article: Article, prefix: str):
        """The rows an earlier import of this article made under prefix (none if it is new)."""
        if self.fresh:
            return None
        return model.objects.filter(article=article, import_key__startswith=prefix)

    def _count(self, what: str, result) -> None:
        self.stats[f"{what} created"] += result.created
        self.stats[f"{what} updated"] += result.updated
        self.stats[f"{what} deleted"] += result.deleted
