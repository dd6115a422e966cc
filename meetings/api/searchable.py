"""The meetings and statements lists: the HTML lists' own FilterSets and search, as JSON.

Each list reads its filters with the FilterSet its HTML page uses (meetings/filters.py), so
the same query string finds the same records in the same order: by date with a cursor, or,
with ``q``, by page over the same ranked, capped hits as the HTML page.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django_filters import utils
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.response import Response

from meetings.api import schema as _schema  # noqa: F401  (registers the filters' schema)
from meetings.api.common import COMMON_PARAMETERS, PAGE_SIZE_PARAMETER, ApiView
from meetings.api.pagination import CURSOR, Key, cursor_page, read_page_size
from meetings.api.pagination import search_page_response as search_page
from meetings.api.serializers import MeetingSerializer, StatementSerializer
from meetings.filters import MeetingFilter, StatementFilter
from meetings.models import AgreementMention, Article, Meeting, Participation, Statement
from meetings.search import search_meetings, search_statements
from meetings.views.common import MEETINGS_PER_PAGE, STATEMENTS_PER_PAGE, in_order, read_query

NEWEST_MEETINGS = [Key("date", descending=True), Key("id", descending=True)]
OLDEST_MEETINGS = [Key("date"), Key("id")]
# As the HTML statements list: newest meeting first, each meeting's statements in order.
STATEMENTS = [
    Key("meeting__date", descending=True),
    Key("meeting_id", descending=True),
    Key("order"),
    Key("id"),
]
PAGE = OpenApiParameter("page", int, description="With q: the page of search hits.")
CURSOR_PARAMETER = OpenApiParameter(
    CURSOR, str, description="Without q: where the page starts (from `next` or `previous`)."
)


class FilterSetBackend(DjangoFilterBackend):
    """django-filter, keeping the FilterSet on the view: the lists read its other values
    (``q``, ``sort``) as the HTML views do. An invalid value is a 400 naming it."""

    def filter_queryset(self, request, queryset, view):
        filterset = self.get_filterset(request, queryset, view)
        if filterset is None:
            return queryset
        if not filterset.is_valid():
            raise utils.translate_validation(filterset.errors)
        view.filterset = filterset
        return filterset.qs


def meeting_rows(meetings=None):
    """Meetings (all, or those given) with everything a record shows, in a fixed number of
    queries."""
    people = Participation.objects.select_related("person").order_by("role", "id")
    statements = Statement.objects.select_related("speaker").order_by("order", "id")
    mentions = AgreementMention.objects.select_related("agreement").order_by("span_start", "id")
    sources = Article.objects.only(
        "id", "title", "outlet", "url", "date", "date_precision"
    ).order_by("pk")
    meetings = Meeting.objects.all() if meetings is None else meetings
    return meetings.select_related("country").prefetch_related(
        Prefetch("participations", queryset=people),
        Prefetch("statements", queryset=statements),
        Prefetch("agreement_mentions", queryset=mentions),
        Prefetch("articles", queryset=sources),
    )


@extend_schema_view(
    list=extend_schema(
        summary="Meetings, filtered and searched as on the meetings page",
        parameters=[*COMMON_PARAMETERS, PAGE_SIZE_PARAMETER, PAGE, CURSOR_PARAMETER],
    ),
    retrieve=extend_schema(summary="One meeting", parameters=COMMON_PARAMETERS),
)
class MeetingViewSet(ApiView, viewsets.ReadOnlyModelViewSet):
    """Meetings: participants, place, date, statements, agreements and sources."""

    serializer_class = MeetingSerializer
    filter_backends = [FilterSetBackend]
    filterset_class = MeetingFilter

    def get_queryset(self):
        return meeting_rows()

    def filter_queryset(self, queryset):
        if self.action != "list":
            return queryset
        return super().filter_queryset(queryset)

    def list(self, request, *args, **kwargs):
        size = read_page_size(request, MEETINGS_PER_PAGE)
        filtered = self.filter_queryset(Meeting.objects.all()).order_by()
        filterset = self.filterset
        data = filterset.form.cleaned_data
        q, _too_long = read_query(data.get("q") or "")
        sort = data.get("sort") or ("relevance" if q else "date")
        if q:
            hits = search_meetings(q, queryset=filtered if filterset.active else None, order=sort)
            if hits.query:
                page = Paginator(hits.ids, size).get_page(request.query_params.get("page"))
                rows = in_order(meeting_rows(), list(page.object_list))
                results = self.get_serializer(rows, many=True).data
                return search_page(request, page, results, len(hits.ids), hits.capped)
        keys = OLDEST_MEETINGS if sort == "-date" else NEWEST_MEETINGS
        rows, links = cursor_page(request, meeting_rows(filtered), keys, size)
        return Response({**links, "results": self.get_serializer(rows, many=True).data})


@extend_schema_view(
    list=extend_schema(
        summary="Statements, filtered and searched as on the statements page",
        parameters=[*COMMON_PARAMETERS, PAGE_SIZE_PARAMETER, PAGE, CURSOR_PARAMETER],
    ),
    retrieve=extend_schema(summary="One statement", parameters=COMMON_PARAMETERS),
)
class StatementViewSet(ApiView, viewsets.ReadOnlyModelViewSet):
    """Direct quotes and reported speech, each with its speaker, meeting and span."""

    serializer_class = StatementSerializer
    filter_backends = [FilterSetBackend]
    filterset_class = StatementFilter

    def get_queryset(self):
        return Statement.objects.select_related("speaker", "meeting")

    def filter_queryset(self, queryset):
        if self.action != "list":
            return queryset
        return super().filter_queryset(queryset)

    def list(self, request, *args, **kwargs):
        size = read_page_size(request, STATEMENTS_PER_PAGE)
        filtered = self.filter_queryset(Statement.objects.all()).order_by()
        q, _too_long = read_query(self.filterset.form.cleaned_data.get("q") or "")
        if q:
            hits = search_statements(q, queryset=filtered)
            if hits.query:
                page = Paginator(hits.ids, size).get_page(request.query_params.get("page"))
                rows = in_order(self.get_queryset(), list(page.object_list))
                results = self.get_serializer(rows, many=True).data
                return search_page(request, page, results, len(hits.ids), hits.capped)
        rows = filtered.select_related("speaker", "meeting")
        rows, links = cursor_page(request, rows, STATEMENTS, size)
        return Response({**links, "results": self.get_serializer(rows, many=True).data})
