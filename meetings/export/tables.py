"""The full dump's tables: one CSV per table, with ids that join them, read with values_list
a batch at a time (no model instances, no article texts)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.db.models import QuerySet

from meetings.export.values import Permalinks, partial_iso
from meetings.models import (
    Agreement,
    AgreementAlias,
    AgreementMention,
    Article,
    Country,
    Meeting,
    MeetingReport,
    Participation,
    Person,
    PersonAlias,
    PersonMention,
    Statement,
)

BATCH = 2000


@dataclass(frozen=True)
class Table:
    """One file of the dump: its columns, the rows (values in column order, pk order)."""

    name: str
    columns: list[str]
    rows: Callable[[Permalinks], Iterator[tuple]]


def _values(queryset: QuerySet, *fields) -> Iterator[tuple]:
    return queryset.order_by("pk").values_list(*fields).iterator(chunk_size=BATCH)


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False) if value else ""


def _meetings(links: Permalinks) -> Iterator[tuple]:
    fields = ("pk", "slug", "title", "date", "date_precision", "location", "country_id")
    more = ("country__iso_code", "kind", "needs_review", "review_reasons", "locked_fields")
    for (
        pk,
        slug,
        title,
        date,
        precision,
        place,
        country,
        iso,
        kind,
        review,
        reasons,
        locked,
    ) in _values(Meeting.objects, *fields, *more):
        yield (
            pk,
            slug,
            links("meeting", slug),
            title,
            partial_iso(date, precision),
            precision,
            place,
            country,
            iso,
            kind,
            review,
            reasons or [],
            locked or [],
        )


def _participations(links: Permalinks) -> Iterator[tuple]:
    fields = ("pk", "meeting_id", "person_id", "raw_name", "role", "title", "article_id")
    for *row, spans, locked in _values(Participation.objects, *fields, "spans", "locked_fields"):
        yield (*row, _json(spans), locked or [])


def _statements(links: Permalinks) -> Iterator[tuple]:
    fields = ("pk", "meeting_id", "speaker_id", "speaker_name", "direct", "order", "text")
    more = ("article_id", "span_start", "span_end", "locked_fields")
    for *row, locked in _values(Statement.objects, *fields, *more):
        yield (*row, locked or [])


def _people(links: Permalinks) -> Iterator[tuple]:
    fields = ("pk", "slug", "name", "country_id", "country__iso_code", "locked_fields")
    for pk, slug, name, country, iso, locked in _values(Person.objects, *fields):
        yield pk, slug, links("person", slug), name, country, iso, locked or []


def _aliases(links: Permalinks) -> Iterator[tuple]:
    for pk, person, name in _values(PersonAlias.objects, "pk", "person_id", "name"):
        yield "person", person, name, f"person-{pk}"
    for pk, agreement, name in _values(AgreementAlias.objects, "pk", "agreement_id", "name"):
        yield "agreement", agreement, name, f"agreement-{pk}"


def _agreements(links: Permalinks) -> Iterator[tuple]:
    fields = ("pk", "slug", "name", "status", "signed_date", "signed_date_precision")
    for pk, slug, name, status, date, precision, description, locked in _values(
        Agreement.objects, *fields, "description", "locked_fields"
    ):
        signed = partial_iso(date, precision)
        yield (
            pk,
            slug,
            links("agreement", slug),
            name,
            status,
            signed,
            precision,
            description,
            (locked or []),
        )


def _agreement_parties(links: Permalinks) -> Iterator[tuple]:
    parties = Agreement.parties.through.objects.order_by("pk")
    yield from parties.values_list("agreement_id", "country_id", "country__iso_code").iterator(
        chunk_size=BATCH
    )


def _countries(links: Permalinks) -> Iterator[tuple]:
    fields = ("pk", "iso_code", "slug", "name_tr", "name_en", "adjective", "demonym", "aliases")
    for *row, aliases in _values(Country.objects, *fields):
        yield (*row, [a for a in aliases or [] if isinstance(a, str)])


def _articles(links: Permalinks) -> Iterator[tuple]:
    fields = ("pk", "source", "filename", "sha256", "title", "outlet", "url")
    more = ("date", "date_precision", "needs_review", "first_imported_at", "last_imported_at")
    for *row, date, precision, review, first, last in _values(Article.objects, *fields, *more):
        yield (*row, partial_iso(date, precision), precision, review, first, last)


TABLES = [
    Table(
        "meetings",
        ["id", "slug", "url", "title", "date", "date_precision", "place", "country_id"]
        + ["country_iso", "kind", "needs_review", "review_reasons", "corrected_fields"],
        _meetings,
    ),
    Table(
        "participations",
        ["id", "meeting_id", "person_id", "name_as_written", "role", "title", "article_id"]
        + ["spans", "corrected_fields"],
        _participations,
    ),
    Table(
        "statements",
        ["id", "meeting_id", "speaker_id", "speaker_as_written", "direct", "order", "text"]
        + ["article_id", "span_start", "span_end", "corrected_fields"],
        _statements,
    ),
    Table(
        "people",
        ["id", "slug", "url", "name", "country_id", "country_iso", "corrected_fields"],
        _people,
    ),
    Table("aliases", ["record", "record_id", "alias", "alias_id"], _aliases),
    Table(
        "agreements",
        ["id", "slug", "url", "name", "status", "signed_date", "signed_date_precision"]
        + ["description", "corrected_fields"],
        _agreements,
    ),
    Table("agreement_parties", ["agreement_id", "country_id", "country_iso"], _agreement_parties),
    Table(
        "agreement_mentions",
        ["id", "agreement_id", "meeting_id", "statement_id", "text", "article_id"]
        + ["span_start", "span_end"],
        lambda links: _values(
            AgreementMention.objects,
            "pk",
            "agreement_id",
            "meeting_id",
            "statement_id",
            "text",
            "article_id",
            "span_start",
            "span_end",
        ),
    ),
    Table(
        "person_mentions",
        ["id", "person_id", "name_as_written", "title", "article_id", "spans"],
        lambda links: (
            (*row, _json(spans))
            for *row, spans in _values(
                PersonMention.objects, "pk", "person_id", "raw_name", "title", "article_id", "spans"
            )
        ),
    ),
    Table(
        "meeting_articles",
        ["meeting_id", "article_id", "index"],
        lambda links: _values(MeetingReport.objects, "meeting_id", "article_id", "index"),
    ),
    Table(
        "countries",
        ["id", "iso_code", "slug", "name_tr", "name_en", "adjective", "demonym", "other_names"],
        _countries,
    ),
    Table(
        "articles",
        ["id", "source", "filename", "sha256", "title", "outlet", "url", "date"]
        + ["date_precision", "needs_review", "first_imported_at", "last_imported_at"],
        _articles,
    ),
]
