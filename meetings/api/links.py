"""The language an API response links to, and the addresses of records' pages and resources.

Turkish pages are unprefixed (/meetings/…), English ones under /en/. A response's HTML links
follow the ``lang`` parameter (tr or en) where one is given, else the visitor's language as
the site reads it outside the language prefix (language cookie, then Accept-Language).
"""

from __future__ import annotations

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError

LANGUAGES = ("tr", "en")
LANGUAGE_PARAMETER = "lang"


def read_language(request) -> str:
    """The language for the request's links: ``lang`` if given, else the visitor's."""
    asked = request.query_params.get(LANGUAGE_PARAMETER)
    if asked is not None:
        code = asked.strip().lower()
        if code not in LANGUAGES:
            raise ValidationError({LANGUAGE_PARAMETER: [_("Choose tr or en.")]})
        return code
    current = (translation.get_language() or "tr").split("-")[0]
    return current if current in LANGUAGES else "tr"


def language_of(request) -> str:
    """The language read for this request (read once, then kept on the request)."""
    if not hasattr(request, "api_language"):
        request.api_language = read_language(request)
    return request.api_language


def page_url(request, record, anchor: str = "") -> str:
    """The absolute address of a record's HTML page in the request's language."""
    with translation.override(language_of(request)):
        path = record.get_absolute_url()
    return request.build_absolute_uri(path) + (f"#{anchor}" if anchor else "")


def api_url(request, name: str, pk: int) -> str:
    """The absolute address of a record in the API (``name``: meeting, person, …)."""
    return request.build_absolute_uri(reverse(f"api:{name}-detail", args=[pk]))


def api_list_url(request, name: str, query: str = "") -> str:
    """The absolute address of an API list, with a query string."""
    path = reverse(f"api:{name}-list")
    return request.build_absolute_uri(f"{path}?{query}" if query else path)
