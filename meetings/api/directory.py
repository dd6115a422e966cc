"""The people, agreements, countries and articles: short lists, paged by number."""

from __future__ import annotations

from django.db.models import F, Prefetch
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets

from meetings.api.common import COMMON_PARAMETERS, PAGE_SIZE_PARAMETER, ApiView
from meetings.api.pagination import NumberedPages
from meetings.api.serializers import (
    AgreementDetailSerializer,
    AgreementSerializer,
    ArticleSerializer,
    ArticleTextSerializer,
    CountrySerializer,
    PersonSerializer,
)
from meetings.extraction.turkish import name_key
from meetings.models import Agreement, AgreementMention, Article, Country, Meeting, Person
from meetings.views.people import MAX_NAME_QUERY, named

PAGE = OpenApiParameter("page", int, description="The page number.")
LIST_PARAMETERS = [*COMMON_PARAMETERS, PAGE_SIZE_PARAMETER, PAGE]


def documented(noun: str, extra: list | None = None):
    """The schema's summary and parameters for a list and a record of one kind."""
    return extend_schema_view(
        list=extend_schema(
            summary=f"{noun.capitalize()}", parameters=[*LIST_PARAMETERS, *(extra or [])]
        ),
        retrieve=extend_schema(summary=f"One of the {noun}", parameters=COMMON_PARAMETERS),
    )


@documented(
    "people",
    [OpenApiParameter("q", str, description="Any word of a name or alias begins with this.")],
)
class PersonViewSet(ApiView, viewsets.ReadOnlyModelViewSet):
    """People, by name, with their country and aliases; ``q`` finds them as the people page's
    box does (any word of a name or alias beginning with it, Turkish-folded)."""

    serializer_class = PersonSerializer
    pagination_class = NumberedPages

    def get_queryset(self):
        people = Person.objects.select_related("country").prefetch_related("aliases")
        if self.action == "list":
            key = name_key(self.request.query_params.get("q", "")[:MAX_NAME_QUERY])
            if key:
                people = people.filter(pk__in=Person.objects.filter(named(key)).values("pk"))
        return people.order_by("name", "id")


@documented("agreements")
class AgreementViewSet(ApiView, viewsets.ReadOnlyModelViewSet):
    """Agreements, by name, with parties and status; one agreement lists its mentions."""

    pagination_class = NumberedPages

    def get_serializer_class(self):
        return AgreementDetailSerializer if self.action == "retrieve" else AgreementSerializer

    def get_queryset(self):
        agreements = Agreement.objects.prefetch_related("aliases", "parties").order_by("name", "id")
        if self.action != "retrieve":
            return agreements
        mentions = AgreementMention.objects.select_related("meeting").order_by(
            F("meeting__date").asc(nulls_last=True), "meeting_id", "span_start", "id"
        )
        return agreements.prefetch_related(Prefetch("mentions", queryset=mentions))


@documented("countries")
class CountryViewSet(ApiView, viewsets.ReadOnlyModelViewSet):
    """Countries with their ISO codes and the Turkish forms articles use for them."""

    serializer_class = CountrySerializer
    pagination_class = NumberedPages
    queryset = Country.objects.order_by("name_tr", "id")


@documented("articles")
class ArticleViewSet(ApiView, viewsets.ReadOnlyModelViewSet):
    """Source articles; one article gives its normalised text, which every span points into."""

    pagination_class = NumberedPages

    def get_serializer_class(self):
        return ArticleTextSerializer if self.action == "retrieve" else ArticleSerializer

    def get_queryset(self):
        articles = Article.objects.prefetch_related(
            Prefetch("meetings", queryset=Meeting.objects.only("id"))
        ).order_by("id")
        if self.action != "retrieve":
            articles = articles.defer("text", "raw_text")
        return articles.defer("raw_text")
