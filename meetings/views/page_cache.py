"""Rendered pages kept for anonymous visitors, retired the moment the data changes.

A page is stored under the data generation it was rendered at (``meetings.search.
generation``: every write moves it on, in the writing transaction), the interface language
and the full path with its query string. So an import or an edit is visible on the next
request, English and Turkish never mix, and one bookmark's filters never answer another's.

Only anonymous GET requests are served from or stored in the cache: staff see edit links
and their own session, so their pages are always rendered afresh.

Every page carries the language switch, a POST form with a CSRF token, and a token must
never be handed to someone else. The page is therefore stored with a random placeholder
where the token goes, and each response gets the requesting visitor's own token put in
(``get_token``, which also sets their CSRF cookie, exactly as rendering the tag would).
"""

from __future__ import annotations

import hashlib
import secrets
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.translation import get_language

from meetings.search.generation import current_generation

# How long a page may be kept at most. The generation already retires it when the data
# changes; the limit bounds the memory a rarely asked page holds.
DEFAULT_SECONDS = 300


def page_seconds() -> int:
    """Seconds a rendered page is kept (the PAGE_CACHE_SECONDS setting; 0 turns it off)."""
    return getattr(settings, "PAGE_CACHE_SECONDS", DEFAULT_SECONDS)


def page_key(request) -> str:
    """The cache key of this request's page: data generation, language, path and query."""
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"page:{current_generation()}:{get_language()}:{path}"


def _cacheable(request) -> bool:
    return (
        request.method == "GET"
        and page_seconds() > 0
        and not request.user.is_authenticated  # staff see edit links: never share their page
    )


def _respond(request, stored: dict) -> HttpResponse:
    """A response from a stored page, with this visitor's own CSRF token put in."""
    body = stored["body"].replace(stored["placeholder"], get_token(request))
    response = HttpResponse(body, content_type=stored["content_type"])
    response["X-Page-Cache"] = stored["state"]
    return response


def cache_anonymous_page(view):
    """Serve an anonymous visitor's GET from the page cache, or render and keep it there.

    The view must return a TemplateResponse (every class-based view here does).
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _cacheable(request):
            return view(request, *args, **kwargs)
        key = page_key(request)
        stored = cache.get(key)
        if stored is not None:
            return _respond(request, {**stored, "state": "hit"})
        response = view(request, *args, **kwargs)
        if response.status_code != 200 or not hasattr(response, "context_data"):
            return response
        placeholder = secrets.token_hex(16)
        response.context_data = {**(response.context_data or {}), "csrf_token": placeholder}
        response.render()
        stored = {
            "body": response.content.decode(response.charset),
            "placeholder": placeholder,
            "content_type": response["Content-Type"],
        }
        cache.set(key, stored, page_seconds())
        return _respond(request, {**stored, "state": "miss"})

    return wrapper
