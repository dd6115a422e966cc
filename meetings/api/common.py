"""What every API view shares: the language of its links, refusing NUL characters, and the
parameters every operation takes."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import ValidationError

from meetings.api.links import LANGUAGE_PARAMETER, LANGUAGES, language_of
from meetings.api.pagination import MAX_PAGE_SIZE, PAGE_SIZE

COMMON_PARAMETERS = [
    OpenApiParameter(
        LANGUAGE_PARAMETER,
        str,
        enum=list(LANGUAGES),
        description="The language of the HTML links (`url`): tr (unprefixed pages) or en "
        "(/en/). Default: the visitor's language cookie, then Accept-Language, then tr.",
    ),
]
PAGE_SIZE_PARAMETER = OpenApiParameter(
    PAGE_SIZE, int, description=f"Rows per page, 1 to {MAX_PAGE_SIZE}."
)


class ApiView:
    """A mixin for the API's views: read the links' language first, and refuse a NUL
    character anywhere in the query string with a 400 (PostgreSQL cannot compare text
    holding one, and no record holds one)."""

    lookup_value_regex = "[0-9]+"  # records are found by id: /api/meetings/42/

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        bad = [
            name.replace("\x00", "") or "?"
            for name, values in request.query_params.lists()
            if "\x00" in name or any("\x00" in value for value in values)
        ]
        if bad:
            message = _("Null characters are not allowed.")
            raise ValidationError({name: [message] for name in bad})
        language_of(request)
