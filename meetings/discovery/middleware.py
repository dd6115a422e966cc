"""Old addresses keep working: a 404 on a record's page whose slug the record used to have
(renamed by an editor, or merged into another record) becomes a 301 to where it is now.

Like django.contrib.redirects' fallback middleware, it acts only once the page was not
found, so a live record always answers at its own address, even a slug another record used
to have.
"""

from __future__ import annotations

from django.http import HttpResponsePermanentRedirect
from django.urls import NoReverseMatch, Resolver404, resolve, reverse

from meetings.models import Agreement, FormerSlug, Meeting, Person

# Routes (in the meetings: namespace) that name a record by its slug, and the record's kind.
ROUTES: dict[str, str] = {
    "meeting-detail": "meeting",
    "meeting-cite": "meeting",
    "person-detail": "person",
    "person-feed": "person",
    "person-cite": "person",
    "agreement-detail": "agreement",
    "agreement-feed": "agreement",
    "agreement-cite": "agreement",
}
MODELS = {"meeting": Meeting, "person": Person, "agreement": Agreement}


def current_address(path: str, urlconf=None) -> str | None:
    """Where a record's former address leads now, or None when path is not one."""
    try:
        match = resolve(path, urlconf)
    except Resolver404:
        return None
    kind = ROUTES.get(match.url_name) if match.namespace == "meetings" else None
    slug = match.kwargs.get("slug")
    if kind is None or not slug:
        return None
    target = FormerSlug.objects.filter(model=kind, slug=slug).values_list("target_id", flat=True)
    live = MODELS[kind].objects.filter(pk__in=target).values_list("slug", flat=True).first()
    if live is None or live == slug:
        return None
    try:
        return reverse(match.view_name, kwargs={**match.kwargs, "slug": live})
    except NoReverseMatch:  # the new slug does not fit the route: the page stays not found
        return None


class FormerAddressMiddleware:
    """Turn a 404 on a record's former address into a permanent redirect to its page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in {"GET", "HEAD"}:
            return response
        new = current_address(request.path_info, getattr(request, "urlconf", None))
        if new is None:
            return response
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(f"{new}?{query}" if query else new)
