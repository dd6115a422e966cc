"""Building the search documents: what a meeting or a statement can be found by."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from django.db import connection, transaction

from meetings.extraction.turkish import fold_tokens
from meetings.models import (
    Agreement,
    AgreementAlias,
    AgreementMention,
    Meeting,
    MeetingFacets,
    MeetingReport,
    Participation,
    Person,
    PersonAlias,
    PersonMention,
    SearchDocument,
    Statement,
)
from meetings.search import vocabulary
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


@dataclass
class _Sources:
    """What a batch of meetings' documents are made of, read as plain values, not models.

    A fixed number of flat queries per batch: reindexing runs after every import chunk and
    admin edit, and building model instances through prefetches cost more than the folding.
    """

    # (id, date, title, location, country's Turkish and English names, country's id)
    meetings: list[tuple]
    participations: dict[int, list[tuple]] = field(default_factory=lambda: defaultdict(list))
    statements: dict[int, list[tuple]] = field(default_factory=lambda: defaultdict(list))
    agreements: dict[int, list[tuple]] = field(default_factory=lambda: defaultdict(list))
    articles: dict[int, list[tuple]] = field(default_factory=lambda: defaultdict(list))
    mentions: dict[int, list[tuple]] = field(default_factory=lambda: defaultdict(list))
    person_names: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))
    agreement_names: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def load(cls, ids: list[int]) -> _Sources:
        """Read everything the documents of these meetings need."""
        meetings = Meeting.objects.filter(pk__in=ids).order_by("pk")
        sources = cls(
            list(
                meetings.values_list(
                    "pk",
                    "date",
                    "title",
                    "location",
                    "country__name_tr",
                    "country__name_en",
                    "country_id",
                )
            )
        )
        in_batch = {"meeting_id__in": ids}
        rows = Participation.objects.filter(**in_batch)
        for meeting_id, *rest in rows.values_list("meeting_id", "raw_name", "title", "person_id"):
            sources.participations[meeting_id].append(rest)
        rows = Statement.objects.filter(**in_batch).values_list(
            "meeting_id", "pk", "article_id", "speaker_name", "speaker_id", "text"
        )
        for meeting_id, *rest in rows:
            sources.statements[meeting_id].append(rest)
        rows = AgreementMention.objects.filter(**in_batch)
        for meeting_id, *rest in rows.values_list("meeting_id", "text", "agreement_id"):
            sources.agreements[meeting_id].append(rest)
        rows = MeetingReport.objects.filter(**in_batch).order_by("pk")
        for meeting_id, *rest in rows.values_list(
            "meeting_id", "article_id", "article__title", "article__text"
        ):
            sources.articles[meeting_id].append(rest)
        article_ids = {a[0] for articles in sources.articles.values() for a in articles}
        rows = PersonMention.objects.filter(article_id__in=article_ids)
        for article_id, *rest in rows.values_list("article_id", "raw_name", "title", "person_id"):
            sources.mentions[article_id].append(rest)
        sources._load_names()
        return sources

    def _load_names(self) -> None:
        people = {row[2] for rows in self.participations.values() for row in rows}
        people |= {row[3] for rows in self.statements.values() for row in rows}
        people |= {row[2] for rows in self.mentions.values() for row in rows}
        people.discard(None)
        _names_of(Person, PersonAlias, "person_id", people, self.person_names)
        agreements = {row[1] for rows in self.agreements.values() for row in rows}
        _names_of(Agreement, AgreementAlias, "agreement_id", agreements, self.agreement_names)


def _names_of(model, alias_model, key: str, ids: set[int], into: dict[int, list[str]]) -> None:
    """Each row's name, then its aliases (in their usual order)."""
    into.update(
        (pk, [name]) for pk, name in model.objects.filter(pk__in=ids).values_list("pk", "name")
    )
    aliases = alias_model.objects.filter(**{f"{key}__in": ids}).values_list(key, "name")
    for owner, name in aliases:
        into[owner].append(name)


class Document(NamedTuple):
    """One search document's row: its key, its meeting, its statement if any, its text."""

    id: int
    meeting_id: int
    statement_id: int | None
    body: str


def _documents(meeting: tuple, sources: _Sources) -> list[Document]:
    meeting_id, date, title, location, country_tr, country_en, _country = meeting
    person_names, agreement_names = sources.person_names, sources.agreement_names
    statements = sources.statements.get(meeting_id, [])
    agreements = []
    for text, agreement_id in sources.agreements.get(meeting_id, []):
        agreements += [text, *agreement_names.get(agreement_id, [])]
    people = []
    for raw_name, person_title, person_id in sources.participations.get(meeting_id, []):
        people += [raw_name, person_title, *person_names.get(person_id, [])]
    articles = sources.articles.get(meeting_id, [])
    for article_id, _, _ in articles:
        for raw_name, person_title, person_id in sources.mentions.get(article_id, []):
            people += [raw_name, person_title, *person_names.get(person_id, [])]
    speakers = {s[0]: folded(s[2], *person_names.get(s[3], [])) for s in statements}
    quotes = {s[0]: folded(s[4]) for s in statements}
    # A statement read from one of these articles is already in the article's text.
    sourced = {article_id for article_id, _, _ in articles}
    body = " ".join(
        part
        for part in (
            folded(
                title,
                location,
                country_tr or "",
                country_en or "",
                *people,
                *agreements,
                *(article_title for _, article_title, _ in articles),
                *(text for _, _, text in articles),
            ),
            *speakers.values(),
            *(quotes[s[0]] for s in statements if s[1] not in sourced),
        )
        if part
    )
    documents = [Document(document_key(date, MEETING, meeting_id), meeting_id, None, body)]
    for statement_id, *_ in statements:
        documents.append(
            Document(
                document_key(date, STATEMENT, statement_id),
                meeting_id,
                statement_id,
                f"{speakers[statement_id]} {quotes[statement_id]}".strip(),
            )
        )
    return documents


def _store(documents: list[Document]) -> None:
    """Insert the documents, or overwrite those already there: two reindexers of one meeting
    at once (an import and an editor's save) must not collide. The engine's own index follows
    by trigger (FTS5 on SQLite, the tsvectors on PostgreSQL)."""
    if connection.vendor == "postgresql":
        # One statement with four array parameters: no model instances, and no statement
        # with thousands of parameters for Django and psycopg to build and parse.
        table = SearchDocument._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(
                f"""INSERT INTO {table} (id, meeting_id, statement_id, body)
                SELECT * FROM unnest(%s::bigint[], %s::bigint[], %s::bigint[], %s::text[])
                ON CONFLICT (id) DO UPDATE SET meeting_id = EXCLUDED.meeting_id,
                    statement_id = EXCLUDED.statement_id, body = EXCLUDED.body""",
                [list(column) for column in zip(*documents, strict=True)],
            )
    else:
        SearchDocument.objects.bulk_create(
            [SearchDocument(**document._asdict()) for document in documents],
            batch_size=BATCH,
            update_conflicts=True,
            unique_fields=["id"],
            update_fields=["meeting", "statement", "body"],
        )
    vocabulary.remember(documents)  # their words listed, in the same transaction


def _facets(sources: _Sources) -> list[MeetingFacets]:
    """Each meeting's country and people, as a search's facets count them."""
    rows = []
    for meeting_id, *_, country_id in sources.meetings:
        people = {p[2] for p in sources.participations.get(meeting_id, []) if p[2] is not None}
        people_ids = ",".join(map(str, sorted(people)))
        rows.append(MeetingFacets(meeting_id=meeting_id, country_id=country_id, people=people_ids))
    return rows


def _store_facets(sources: _Sources) -> None:
    """Write the meetings' facet rows, or overwrite those already there (as ``_store``)."""
    MeetingFacets.objects.bulk_create(
        _facets(sources),
        batch_size=BATCH,
        update_conflicts=True,
        unique_fields=["meeting"],
        update_fields=["country", "people"],
    )


def reindex_meetings(meeting_ids: Iterable[int]) -> int:
    """Rebuild the search documents of these meetings (and their statements), and their facet
    rows (``MeetingFacets``); return how many documents.

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
            sources = _Sources.load(batch)
            documents = [doc for m in sources.meetings for doc in _documents(m, sources)]
            if documents:
                _store(documents)
            _store_facets(sources)  # a deleted meeting's row went with it (CASCADE)
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
    vocabulary.rebuild()  # no word left listed that no document has any more


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
