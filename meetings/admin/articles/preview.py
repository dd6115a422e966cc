"""What an import would write, found by writing it and rolling back.

The preview runs the same writers as the import (Ingestor, ArticleWriter) inside a
transaction that is then undone, so what it shows is exactly what the import does: which
meetings, participants, statements and agreements, and for each name and agreement whether
it resolves to a stored record or is new. Rows with a primary key above the largest one
stored before the write are the ones the write created.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Max
from django.utils.safestring import SafeString

from meetings.extraction.records import ExtractedArticle
from meetings.ingest.articles import Ingestor
from meetings.ingest.writers import Incoming
from meetings.models import (
    Agreement,
    AgreementMention,
    Article,
    Meeting,
    MeetingReport,
    Participation,
    Person,
    PersonMention,
    Statement,
)
from meetings.templatetags.source_text import annotate, record_spans

# The preview's write is never indexed for search: it is rolled back, and indexing is all
# the import does besides (in its own transaction), so leaving it out changes nothing shown.
_NEVER = 10**9
_ROLE_ORDER = {"host": 0, "guest": 1}  # then the delegations, as the article lists them


class _RolledBack(Exception):
    """Raised to undo the preview's write once everything it shows has been read."""


@dataclass
class PreviewMeeting:
    """One meeting the import writes, with its rows from this article."""

    meeting: Meeting
    new: bool
    participations: list[Participation] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    agreements: list[tuple[Agreement, bool, list[AgreementMention]]] = field(default_factory=list)


@dataclass
class Preview:
    """Everything the import would write for one article, and what is new."""

    outcome: str  # new, updated or unchanged, as the writer says
    article: Article | None
    meetings: list[PreviewMeeting]
    mentions: list[PersonMention]
    new_people: set[int]
    text: SafeString
    warnings: list[str]

    def is_new(self, person: Person | None) -> bool:
        """Whether the import creates this person."""
        return person is not None and person.pk in self.new_people


def preview(incoming: Incoming, *, force: bool = False) -> Preview:
    """Write the article as the import would (force re-reads unchanged content), read back
    what was written, and undo it all."""
    result: Preview | None = None
    try:
        with transaction.atomic():
            before = _largest_keys()
            outcome = Ingestor(reindex_every=_NEVER).ingest(
                incoming.extracted, incoming.raw_text, force=force, source=incoming.source
            )
            result = _read_back(incoming.extracted, outcome, before)
            raise _RolledBack
    except _RolledBack:
        pass
    return result


def _largest_keys() -> dict[str, int]:
    """The largest primary key of each kind of record the preview tells new from stored."""
    return {
        model.__name__: model.objects.aggregate(top=Max("pk"))["top"] or 0
        for model in (Person, Agreement, Meeting)
    }


def _read_back(extracted: ExtractedArticle, outcome: str, before: dict[str, int]) -> Preview:
    """The rows the write left for this article, in a fixed number of queries."""
    article = Article.objects.filter(sha256=extracted.source.sha256).first()
    if article is None or outcome == "unchanged":
        return Preview(outcome, article, [], [], set(), SafeString(""), extracted.warnings)
    reports = MeetingReport.objects.filter(article=article).select_related("meeting__country")
    meetings = {
        r.meeting_id: PreviewMeeting(r.meeting, r.meeting_id > before["Meeting"])
        for r in reports.order_by("index")
    }
    rows = Participation.objects.filter(article=article).select_related("person")
    participations = sorted(rows, key=lambda p: (_ROLE_ORDER.get(p.role, 2), p.pk))
    statements = list(
        Statement.objects.filter(article=article).select_related("speaker").order_by("order", "id")
    )
    agreement_mentions = list(
        AgreementMention.objects.filter(article=article)
        .select_related("agreement")
        .order_by("span_start", "id")
    )
    mentions = list(
        PersonMention.objects.filter(article=article)
        .select_related("person")
        .order_by("span_start", "id")
    )
    for p in participations:
        meetings[p.meeting_id].participations.append(p)
    for s in statements:
        meetings[s.meeting_id].statements.append(s)
    _group_agreements(meetings, agreement_mentions, before["Agreement"])
    people = [p.person for p in participations] + [m.person for m in mentions]
    people += [s.speaker for s in statements]
    new_people = {p.pk for p in people if p is not None and p.pk > before["Person"]}
    spans = record_spans(participations, mentions, agreement_mentions, statements, _anchor)
    return Preview(
        outcome,
        article,
        list(meetings.values()),
        mentions,
        new_people,
        annotate(article.text, spans[article.pk]),
        list(article.warnings),
    )


def _group_agreements(meetings: dict, mentions: list[AgreementMention], largest: int) -> None:
    """Each meeting's agreements, whether each is new, and its mentions in the text."""
    for meeting in meetings.values():
        grouped: dict[int, tuple[Agreement, bool, list]] = {}
        for m in mentions:
            if m.meeting_id == meeting.meeting.pk:
                entry = grouped.setdefault(
                    m.agreement_id, (m.agreement, m.agreement_id > largest, [])
                )
                entry[2].append(m)
        meeting.agreements = list(grouped.values())


def _anchor(kind: str, row) -> str:
    """Where a highlighted span leads: the line of the preview that says what it resolves to."""
    if kind == "person":
        return f"#preview-participant-{row.pk}"
    if kind == "mention":
        return f"#preview-mention-{row.pk}"
    return f"#preview-agreement-{row.meeting_id}-{row.agreement_id}"
