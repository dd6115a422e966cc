"""Which rows a list page's download holds: the page's own FilterSet, search and order, for
every page of it. A search gives the page's capped, ranked hits; anything else is a queryset
read in batches."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from django.db.models import F, QuerySet

from meetings.filters import MeetingFilter, StatementFilter
from meetings.models import Meeting, Statement
from meetings.search import search_meetings, search_statements
from meetings.views import AgreementListView, PersonListView
from meetings.views.common import NEWEST_FIRST, OLDEST_FIRST, read_query

BATCH = 1000  # rows per query; related rows come with one query per relation per batch


@dataclass
class Selection:
    """The rows of a download, in the page's order: either search hits (ids, best first) or
    an ordered queryset."""

    queryset: QuerySet
    ids: list[int] | None = None

    def rows(self, prepare, attach=None, batch: int = BATCH) -> Iterator:
        """Every row with what ``prepare`` selects along and ``attach`` adds to each batch."""
        if self.ids is None:
            batches = _batches(prepare(self.queryset).iterator(chunk_size=batch), batch)
        else:
            table = prepare(self.queryset.model.objects.all())
            batches = (
                _in_order(table, self.ids[start : start + batch])
                for start in range(0, len(self.ids), batch)
            )
        for rows in batches:
            if attach is not None:
                attach(rows)
            yield from rows


def _in_order(table: QuerySet, ids: list[int]) -> list:
    """The rows (dicts from values(), or instances) of ids, in the order of ids."""
    found = {}
    for row in table.filter(pk__in=ids):
        found[row["id"] if isinstance(row, dict) else row.pk] = row
    return [found[pk] for pk in ids if pk in found]


def _batches(rows: Iterator, size: int) -> Iterator[list]:
    chunk = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def meetings(request) -> Selection:
    """The meetings list's rows for this query string (as MeetingListView reads it)."""
    filterset = MeetingFilter(request.GET or None, queryset=Meeting.objects.all())
    filtered = filterset.qs.order_by()
    data = filterset.form.cleaned_data if filterset.is_bound else {}
    q, _ = read_query(data.get("q") or "")
    sort = data.get("sort") or ("relevance" if q else "date")
    if q:
        hits = search_meetings(q, queryset=filtered if filterset.active else None, order=sort)
        if hits.query:
            return Selection(filtered, ids=hits.ids)
    return Selection(filtered.order_by(*(OLDEST_FIRST if sort == "-date" else NEWEST_FIRST)))


def statements(request) -> Selection:
    """The statements list's rows for this query string (as StatementListView reads it)."""
    filterset = StatementFilter(request.GET or None, queryset=Statement.objects.all())
    filtered = filterset.qs.order_by()
    data = filterset.form.cleaned_data if filterset.is_bound else {}
    q, _ = read_query(data.get("q") or "")
    hits = search_statements(q, queryset=filtered) if q else None
    if hits is not None and hits.query:
        return Selection(filtered, ids=hits.ids)
    ordered = Statement.objects.filter(pk__in=filtered.values("pk")).order_by(
        F("meeting__date").desc(nulls_last=True), "-meeting_id", "order", "id"
    )
    return Selection(ordered)


def _list_view_rows(view_class, request) -> Selection:
    view = view_class()
    view.setup(request)
    return Selection(view.get_queryset())


def people(request) -> Selection:
    """The people list's rows: its name filter and order (PersonListView's queryset)."""
    return _list_view_rows(PersonListView, request)


def agreements(request) -> Selection:
    """The agreements list's rows (AgreementListView's queryset)."""
    return _list_view_rows(AgreementListView, request)


__all__ = ["Selection", "agreements", "meetings", "people", "statements"]
