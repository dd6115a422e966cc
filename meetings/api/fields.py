"""Serializer fields the API's records share: partial dates, spans and links."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from meetings.api.links import api_url, page_url
from meetings.models import DatePrecision

DIGITS = {DatePrecision.DAY: 10, DatePrecision.MONTH: 7, DatePrecision.YEAR: 4}


def partial_date(value, precision: str) -> str | None:
    """A date as far as it is known: "2020-11-05", "2020-11", "2020", or None."""
    if value is None or precision not in DIGITS:
        return None
    return value.isoformat()[: DIGITS[precision]]


@extend_schema_field(
    {
        "type": "string",
        "nullable": True,
        "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$",
        "example": "2020-11",
        "description": "As far as it is known: YYYY-MM-DD, YYYY-MM or YYYY; null if unknown.",
    }
)
class PartialDateField(serializers.Field):
    """A record's date and its precision, as the known part of an ISO date."""

    def __init__(self, date: str = "date", precision: str = "date_precision", **kwargs):
        self.date_attr, self.precision_attr = date, precision
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value):
        return partial_date(getattr(value, self.date_attr), getattr(value, self.precision_attr))


@extend_schema_field(
    {
        "type": "array",
        "items": {"type": "integer", "minimum": 0},
        "minItems": 2,
        "maxItems": 2,
        "nullable": True,
        "description": "[start, end) offsets in the source article's normalised text.",
    }
)
class SpanField(serializers.Field):
    """Where a row was read: [start, end) in its article's normalised text, or null."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value):
        span = value.span
        return list(span) if span else None


@extend_schema_field(OpenApiTypes.URI)
class PageLinkField(serializers.Field):
    """The record's HTML page, in the request's language (the ``lang`` parameter)."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value):
        return page_url(self.context["request"], value)


@extend_schema_field(OpenApiTypes.URI)
class ApiLinkField(serializers.Field):
    """The record's own address in the API."""

    def __init__(self, name: str, **kwargs):
        self.name = name
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value):
        return api_url(self.context["request"], self.name, value.pk)
