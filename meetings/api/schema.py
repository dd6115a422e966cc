"""How the OpenAPI schema describes the HTML lists' FilterSets, where drf-spectacular cannot
tell from the models: people named any way a user knows them, and choices given by slug."""

from __future__ import annotations

from drf_spectacular.contrib.django_filters import DjangoFilterExtension
from drf_spectacular.plumbing import build_array_type, build_basic_type, build_parameter_type
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter

PEOPLE = "A person's slug, full name, alias or a surname only they have; repeat for several."
BY_NAME = {
    "person": (True, "Meetings where every person given took part. " + PEOPLE),
    "speaker": (True, "Statements by the person given. " + PEOPLE),
    "country": (False, "A country's slug (see /api/countries/)."),
    "agreement": (False, "An agreement's slug: meetings that mention it."),
    "place": (False, "A place, as written on the meetings (e.g. Bakü)."),
}


class FilterSetBackendExtension(DjangoFilterExtension):
    """django-filter's schema, with the people and slug filters described by hand."""

    target_class = "meetings.api.searchable.FilterSetBackend"
    priority = 1

    def resolve_filter_field(self, auto_schema, model, filterset_class, field_name, filter_field):
        if field_name not in BY_NAME:
            return super().resolve_filter_field(
                auto_schema, model, filterset_class, field_name, filter_field
            )
        many, description = BY_NAME[field_name]
        schema = build_basic_type(OpenApiTypes.STR)
        return [
            build_parameter_type(
                name=field_name,
                location=OpenApiParameter.QUERY,
                description=description,
                schema=build_array_type(schema) if many else schema,
                explode=True if many else None,
                style="form" if many else None,
            )
        ]
