"""One meeting's page.

The page is read in two queries written here rather than built by the ORM: the meeting with
its country, then everything the page lists (its articles, participants, statements,
agreement mentions and the people its articles mention) in one UNION ALL. Compiling six ORM
queries, prefetching, and converting every column of every joined row cost several times
the SQL itself. The rows become model instances all the same (``Model.from_db``, with only
the columns the page shows; any other is deferred, and would be read on first use), so the
template, the cite boxes and the page's summary read them as they read any other record.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import DEFERRED, Model
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import DetailView

from meetings.models import (
    Agreement,
    AgreementMention,
    Article,
    Country,
    Meeting,
    MeetingReport,
    Participation,
    Person,
    PersonMention,
    Role,
    Statement,
)
from meetings.templatetags.citations import MeetingCitations, cite_html
from meetings.templatetags.source_text import annotate, record_spans
from meetings.views.slug_urls import slug_url_maker

# The meeting's own columns the page shows (the others are deferred), then its country's.
MEETING_FIELDS = (
    "id",
    "slug",
    "title",
    "date",
    "date_precision",
    "location",
    "kind",
    "needs_review",
    "review_reasons",
    "country_id",
)
COUNTRY_FIELDS = ("name_tr", "name_en", "slug")

# The columns of the query for the page's rows, with the type of each: every kind of row
# fills the ones it needs, and its others are NULL, cast to the column's type so that
# PostgreSQL can match the UNION ALL's branches. The rows sort by kind, then by the kind's
# own order (``sort_n``, ``sort_t``: a number or a text, whichever the kind sorts by), then id.
COLUMNS = {
    "kind": "IntegerField",
    "id": "IntegerField",
    "sort_n": "IntegerField",
    "sort_t": "TextField",
    "n1": "IntegerField",
    "n2": "IntegerField",
    "n3": "IntegerField",
    "n4": "IntegerField",
    "t1": "TextField",
    "t2": "TextField",
    "t3": "TextField",
    "t4": "TextField",
    "t5": "TextField",
    "t6": "TextField",
    "j1": "JSONField",
    "j2": "JSONField",
    "flag": "BooleanField",
    "day": "DateField",
}
_INDEX = {name: i for i, name in enumerate(COLUMNS)}


def _json(value):
    """A JSON column's value: PostgreSQL and SQLite both hand it over as its text."""
    return json.loads(value) if isinstance(value, str) else value


def _date(value):
    """A date column's value (SQLite gives a date as written where it cannot tell the type)."""
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def _bool(value):
    """A boolean column's value (SQLite gives 0 or 1 where it cannot tell the type)."""
    return value if value is None else bool(value)


CONVERTERS = {"JSONField": _json, "DateField": _date, "BooleanField": _bool}


class _Reader:
    """Builds instances of one model from query rows: the given columns, by attname and
    position in the row, converted as the model's field needs; every other field deferred."""

    def __init__(self, model: type[Model], positions: dict[str, int]):
        self.model = model
        fields = model._meta.concrete_fields
        self.attnames = [f.attname for f in fields]
        self.plan = [
            (positions.get(f.attname), CONVERTERS.get(f.get_internal_type())) for f in fields
        ]

    def __call__(self, row) -> Model:
        values = [
            DEFERRED if at is None else convert(row[at]) if convert else row[at]
            for at, convert in self.plan
        ]
        return self.model.from_db(connection.alias, self.attnames, values)


@dataclass
class _Kind:
    """One kind of row on the page: its model, where its rows are read from (``%s`` is the
    meeting's id), the column and SQL of each of its fields, and the same for the row it
    names (a person, an agreement), read in the same branch."""

    model: type[Model]
    source: str
    fields: dict[str, tuple[str, str]]  # column: (SQL, attname)
    related: str = ""  # the foreign key's name
    related_fields: dict[str, tuple[str, str]] = field(default_factory=dict)

    def __post_init__(self):
        own = {attname: _INDEX[column] for column, (_sql, attname) in self.fields.items()}
        self.read = _Reader(self.model, {"id": _INDEX["id"], **own})
        if self.related:
            foreign_key = self.model._meta.get_field(self.related)
            related = {a: _INDEX[c] for c, (_sql, a) in self.related_fields.items()}
            related["id"] = own[foreign_key.attname]
            self.read_related = _Reader(foreign_key.related_model, related)

    def select(self, number: int) -> str:
        """This kind's branch of the UNION ALL: its columns, and NULLs of the right type."""
        given = {"kind": str(number), "id": "x.id"}
        given.update((column, sql) for column, (sql, _a) in self.fields.items())
        given.update((column, sql) for column, (sql, _a) in self.related_fields.items())
        types = connection.data_types
        columns = ", ".join(
            f"{given.get(name) or f'CAST(NULL AS {types[type_]})'} AS {name}"
            for name, type_ in COLUMNS.items()
        )
        return f"SELECT {columns} {self.source}"

    def instance(self, row) -> Model:
        """The row's instance, with the row it names (or None) in place."""
        instance = self.read(row)
        if self.related:
            named = getattr(instance, f"{self.related}_id")
            setattr(instance, self.related, None if named is None else self.read_related(row))
        return instance


def _table(model: type[Model]) -> str:
    return model._meta.db_table


@functools.cache
def _kinds() -> list[_Kind]:
    """The kinds of rows, in the order the query returns them (built on first use, once
    every model is loaded)."""
    reports = f"SELECT r.article_id FROM {_table(MeetingReport)} r WHERE r.meeting_id = %s"
    named = {"t5": ("p.name", "name"), "t6": ("p.slug", "slug")}
    return [
        _Kind(
            Article,
            # Joined, not IN (...): an article that reports the meeting twice is listed twice, as
            # the many-to-many prefetch listed it.
            f"FROM {_table(MeetingReport)} r INNER JOIN {_table(Article)} x "
            "ON x.id = r.article_id WHERE r.meeting_id = %s",
            {
                "t1": ("x.title", "title"),
                "t2": ("x.outlet", "outlet"),
                "t3": ("x.url", "url"),
                "t4": ("x.filename", "filename"),
                "t5": ("x.date_precision", "date_precision"),
                "t6": ("x.text", "text"),
                "day": ("x.date", "date"),
            },
        ),
        _Kind(
            Participation,
            f"FROM {_table(Participation)} x LEFT OUTER JOIN {_table(Person)} p "
            "ON p.id = x.person_id WHERE x.meeting_id = %s",
            {
                "sort_t": ("x.role", "role"),
                "n1": ("x.article_id", "article_id"),
                "n2": ("x.person_id", "person_id"),
                "t1": ("x.raw_name", "raw_name"),
                "t2": ("x.title", "title"),
                "j1": ("x.spans", "spans"),
                "j2": ("x.locked_fields", "locked_fields"),
            },
            "person",
            named,
        ),
        _Kind(
            Statement,
            f"FROM {_table(Statement)} x LEFT OUTER JOIN {_table(Person)} p "
            "ON p.id = x.speaker_id WHERE x.meeting_id = %s",
            {
                "sort_n": ('x."order"', "order"),
                "n1": ("x.article_id", "article_id"),
                "n2": ("x.speaker_id", "speaker_id"),
                "n3": ("x.span_start", "span_start"),
                "n4": ("x.span_end", "span_end"),
                "t1": ("x.speaker_name", "speaker_name"),
                "t2": ("x.text", "text"),
                "j2": ("x.locked_fields", "locked_fields"),
                "flag": ("x.direct", "direct"),
            },
            "speaker",
            named,
        ),
        _Kind(
            AgreementMention,
            f"FROM {_table(AgreementMention)} x INNER JOIN {_table(Agreement)} p "
            "ON p.id = x.agreement_id WHERE x.meeting_id = %s",
            {
                "sort_n": ("x.span_start", "span_start"),
                "n1": ("x.article_id", "article_id"),
                "n2": ("x.agreement_id", "agreement_id"),
                "n4": ("x.span_end", "span_end"),
                "t1": ("x.text", "text"),
            },
            "agreement",
            {**named, "t4": ("p.status", "status")},
        ),
        _Kind(
            PersonMention,
            f"FROM {_table(PersonMention)} x LEFT OUTER JOIN {_table(Person)} p "
            f"ON p.id = x.person_id WHERE x.article_id IN ({reports})",
            {
                "sort_n": ("x.span_start", "span_start"),
                "n1": ("x.article_id", "article_id"),
                "n2": ("x.person_id", "person_id"),
                "t1": ("x.raw_name", "raw_name"),
                "t2": ("x.title", "title"),
                "j1": ("x.spans", "spans"),
            },
            "person",
            named,
        ),
    ]


@functools.cache
def _rows_sql(vendor: str) -> tuple[str, int]:
    """The query for the page's rows on this kind of database (built once for each), and
    how many times it names the meeting's id."""
    sql = " UNION ALL ".join(kind.select(n) for n, kind in enumerate(_kinds()))
    return f"{sql} ORDER BY kind, sort_n, sort_t, id", sql.count("%s")


@functools.cache
def _meeting_query() -> tuple[str, _Reader, _Reader]:
    """The query for a meeting and its country by slug, and the readers of its row."""
    columns = [*(f"m.{f}" for f in MEETING_FIELDS), *(f"c.{f}" for f in COUNTRY_FIELDS)]
    sql = (
        f"SELECT {', '.join(columns)} FROM {_table(Meeting)} m "
        f"LEFT OUTER JOIN {_table(Country)} c ON c.id = m.country_id WHERE m.slug = %s"
    )
    country = {name: len(MEETING_FIELDS) + i for i, name in enumerate(COUNTRY_FIELDS)}
    country["id"] = MEETING_FIELDS.index("country_id")
    meeting = {name: i for i, name in enumerate(MEETING_FIELDS)}
    return sql, _Reader(Meeting, meeting), _Reader(Country, country)


def read_meeting(slug: str) -> Meeting:
    """The meeting with this slug, with its country, or a 404."""
    sql, read_meeting_row, read_country = _meeting_query()
    with connection.cursor() as cursor:
        cursor.execute(sql, [slug])
        found = cursor.fetchone()
    if found is None:
        message = _("No %(verbose_name)s found matching the query")
        raise Http404(message % {"verbose_name": Meeting._meta.verbose_name})
    meeting = read_meeting_row(found)
    meeting.country = None if meeting.country_id is None else read_country(found)
    return meeting


def read_rows(meeting: Meeting) -> dict[type[Model], list[Model]]:
    """The meeting's articles, participants, statements, agreement mentions and the people
    its articles mention, each kind in the page's order, read in one query."""
    sql, times = _rows_sql(connection.vendor)
    with connection.cursor() as cursor:
        cursor.execute(sql, [meeting.pk] * times)
        found = cursor.fetchall()
    kinds = _kinds()
    rows: dict[type[Model], list[Model]] = {kind.model: [] for kind in kinds}
    for row in found:
        kind = kinds[row[0]]
        rows[kind.model].append(kind.instance(row))
    return rows


def _add_urls(records: list[Model], route: str) -> None:
    """Give each record (a person, an agreement) its page's address as ``url``."""
    if records:
        url = slug_url_maker(route)
        for record in records:
            record.url = url(record.slug)


def _prefetched(instance: Model, name: str, rows: list[Model]) -> None:
    """Keep rows as what ``instance.<name>.all()`` gives, as prefetch_related would (the
    page's summary lists the participants from there)."""
    queryset = getattr(instance, name).all()
    queryset._result_cache = rows
    queryset._prefetch_done = True
    instance._prefetched_objects_cache = {name: queryset}


class MeetingDetailView(DetailView):
    """One meeting: who, where, when, what was said, agreements, and its annotated sources."""

    template_name = "meetings/meeting_detail.html"

    def get_object(self, queryset=None):
        return read_meeting(self.kwargs["slug"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meeting = self.object
        rows = read_rows(meeting)
        articles, participations = rows[Article], rows[Participation]
        statements, agreement_mentions = rows[Statement], rows[AgreementMention]
        mentions = rows[PersonMention]
        _prefetched(meeting, "participations", participations)
        people = [p.person for p in [*participations, *mentions] if p.person]
        people += [s.speaker for s in statements if s.speaker]
        _add_urls(people, "meetings:person-detail")
        _add_urls([m.agreement for m in agreement_mentions], "meetings:agreement-detail")
        citations = MeetingCitations(meeting, articles, self.request)
        for statement in statements:
            cite = citations.statement(statement)
            statement.cite_box = cite_html(cite, f"cite-statement-{statement.pk}", small=True)
        spans = record_spans(participations, mentions, agreement_mentions, statements, _public_link)
        context.update(
            meetings_url=reverse("meetings:meeting-list"),
            cite_box=cite_html(citations.record(), "cite"),
            roles=[
                (label, [p for p in participations if p.role == role])
                for role, label in Role.choices
            ],
            statements=statements,
            agreement_mentions=agreement_mentions,
            agreements=list({m.agreement_id: m.agreement for m in agreement_mentions}.values()),
            sources=[(a, annotate(a.text, spans[a.pk])) for a in articles],
            mentioned=[m for m in mentions if m.person],
        )
        return context


def _public_link(kind: str, row) -> str:
    """Where a highlighted name or agreement leads on the public page ("" for no link)."""
    if kind == "person":
        return row.person.url if row.person else f"#participant-{row.pk}"
    if kind == "mention":
        return row.person.url if row.person else ""
    return row.agreement.url
