"""Building the search documents: what a meeting or a statement can be found by."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from django.db import connection, transaction
from django.db.models import Prefetch

from meetings.extraction.turkish import fold_tokens
from meetings.models import (
    AgreementMention,
    Meeting,
    MeetingReport,
    Participation,
    PersonMention,
    SearchDocument,
    Statement,
)
from meetings.search.generation import bump_generation

MEETING, STATEMENT = 0, 1
ID_BITS = 40
BATCH = 500
UNDATED_KEYS = 1 << (ID_BITS + 1)  # every key below this is an undated row's


def document_key(date: dt.date | None, kind: int, object_id: int) -> int:
    """A primary key that sorts like the meetings list: newest date first, undated last.

    Date ordinal in the high bits, then the row's id, then the kind in the lowest bit, so
    ``ORDER BY id DESC`` is date order and ``id % 2`` tells meeting from statement.
    """
    if object_id >= 1 << ID_BITS:
        raise ValueError(f"id {object_id} is too large for a search key")
    ordinal = date.toordinal() if date else 0
    return (ordinal << (ID_BITS + 1)) | (object_id << 1) | kind


def document_year(key: int) -> int | None:
    """The year of the meeting a document key belongs to; None when its date is unknown."""
    ordinal = key >> (ID_BITS + 1)
    return dt.date.fromordinal(ordinal).year if ordinal else None


def folded(*texts: str | None) -> str:
    """Texts as one string of folded tokens: the only thing either engine ever sees."""
    return " ".join(token for text in texts if text for token in fold_tokens(text))


def _person_names(person) -> list[str]:
    if person is None:
        return []
    return [person.name, *(alias.name for alias in person.aliases.all())]


def _agreement_names(agreement) -> list[str]:
    return [agreement.name, *(alias.name for alias in agreement.aliases.all())]


def _meetings(ids: list[int]):
    """The meetings with everything their documents are made of, in a fixed number of queries."""
    return (
        Meeting.objects.filter(pk__in=ids)
        .select_related("country")
        .prefetch_related(
            Prefetch("participations", queryset=Participation.objects.select_related("person")),
            "participations__person__aliases",
            Prefetch("statements", queryset=Statement.objects.select_related("speaker")),
            "statements__speaker__aliases",
            Prefetch(
                "agreement_mentions",
                queryset=AgreementMention.objects.select_related("agreement"),
            ),
            "agreement_mentions__agreement__aliases",
            Prefetch("reports", queryset=MeetingReport.objects.select_related("article")),
        )
    )


def _mentions_by_article(article_ids: set[int]) -> dict[int, list[PersonMention]]:
    mentions = defaultdict(list)
    rows = PersonMention.objects.filter(article_id__in=article_ids).select_related("person")
    for mention in rows.prefetch_related("person__aliases"):
        mentions[mention.article_id].append(mention)
    return mentions


def _documents(meeting: Meeting, mentions: dict[int, list]) -> list[SearchDocument]:
    statements = list(meeting.statements.all())
    agreement_names = []
    for mention in meeting.agreement_mentions.all():
        agreement_names += [mention.text, *_agreement_names(mention.agreement)]
    people = []
    for p in meeting.participations.all():
        people += [p.raw_name, p.title, *_person_names(p.person)]
    articles = [report.article for report in meeting.reports.all()]
    for article in articles:
        for mention in mentions.get(article.pk, []):
            people += [mention.raw_name, mention.title, *_person_names(mention.person)]
    speakers = {s.pk: folded(s.speaker_name, *_person_names(s.speaker)) for s in statements}
    quotes = {s.pk: folded(s.text) for s in statements}
    # A statement read from one of these articles is already in the article's text.
    sourced = {a.pk for a in articles}
    country = meeting.country
    body = " ".join(
        part
        for part in (
            folded(
                meeting.title,
                meeting.location,
                country.name_tr if country else "",
                country.name_en if country else "",
                *people,
                *agreement_names,
                *(a.title for a in articles),
                *(a.text for a in articles),
            ),
            *speakers.values(),
            *(quotes[s.pk] for s in statements if s.article_id not in sourced),
        )
        if part
    )
    documents = [
        SearchDocument(
            id=document_key(meeting.date, MEETING, meeting.pk), meeting_id=meeting.pk, body=body
        )
    ]
    for statement in statements:
        documents.append(
            SearchDocument(
                id=document_key(meeting.date, STATEMENT, statement.pk),
                meeting_id=meeting.pk,
                statement_id=statement.pk,
                body=f"{speakers[statement.pk]} {quotes[statement.pk]}".strip(),
            )
        )
    return documents


def reindex_meetings(meeting_ids: Iterable[int]) -> int:
    """Rebuild the search documents of these meetings (and their statements); return how many.

    Call it after writing a meeting or anything shown on it. A meeting that no longer exists
    simply loses its documents. It also moves the data generation on (see ``generation``),
    which retires every cached page.
    """
    ids = sorted(set(meeting_ids))
    written = 0
    if not ids:
        # Nothing to reindex, but the caller wrote something (an agreement no meeting
        # mentions yet, say): the pages showing it must not be served from the cache.
        bump_generation()
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        with transaction.atomic():
            SearchDocument.objects.filter(meeting_id__in=batch).delete()
            meetings = list(_meetings(batch))
            article_ids = {r.article_id for m in meetings for r in m.reports.all()}
            mentions = _mentions_by_article(article_ids)
            documents = [doc for m in meetings for doc in _documents(m, mentions)]
            # An upsert, so two importers reindexing one meeting at once cannot collide. The
            # engine's own index follows by trigger (FTS5 on SQLite, the tsvector on PostgreSQL).
            SearchDocument.objects.bulk_create(
                documents,
                batch_size=BATCH,
                update_conflicts=True,
                unique_fields=["id"],
                update_fields=["meeting", "statement", "body"],
            )
            bump_generation()  # last, so the generation row is locked only until commit
            written += len(documents)
    return written


def reindex_all() -> int:
    """Rebuild the whole search index from the database; return how many documents it holds."""
    SearchDocument.objects.all().delete()
    ids = list(Meeting.objects.order_by("pk").values_list("pk", flat=True))
    written = reindex_meetings(ids)
    _tidy()
    return written


def _tidy() -> None:
    """After a rebuild: merge FTS5's segments (SQLite), refresh the planner's statistics."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "INSERT INTO meetings_searchdocument_fts(meetings_searchdocument_fts) "
                "VALUES ('optimize')"
            )
        elif connection.vendor == "postgresql":
            cursor.execute("ANALYZE meetings_searchdocument")
            cursor.execute("ANALYZE meetings_searchdocument_meeting_vector")


def reindex_people(person_ids: Iterable[int]) -> int:
    """Rebuild the documents of every meeting these people took part in, spoke at or were
    mentioned in (after an editor renames a person or changes their aliases)."""
    from django.db.models import Q

    ids = list(person_ids)
    meetings = Meeting.objects.filter(
        Q(participations__person__in=ids)
        | Q(statements__speaker__in=ids)
        | Q(reports__article__in=PersonMention.objects.filter(person__in=ids).values("article"))
    )
    return reindex_meetings(meetings.values_list("pk", flat=True).distinct())


def reindex_agreements(agreement_ids: Iterable[int]) -> int:
    """Rebuild the documents of every meeting that mentions these agreements."""
    meetings = AgreementMention.objects.filter(agreement__in=list(agreement_ids))
    return reindex_meetings(meetings.values_list("meeting_id", flat=True).distinct())
