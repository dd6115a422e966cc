"""Record addresses for a whole page of rows, with one reverse() per page instead of per row."""

from __future__ import annotations

import re
from collections.abc import Callable

from django.urls import reverse

_PLAIN_SLUG = re.compile(r"[-a-zA-Z0-9_]+")
_MARKER = "slug-marker-0"


def slug_url_maker(route: str) -> Callable[[str], str]:
    """A function from a slug to the URL of the route's page for it: the route is reversed
    once, and a slug that reverse() would not quote is put in its place; any other is
    reversed on its own, so every URL is the one reverse() gives."""
    before, _marker, after = reverse(route, kwargs={"slug": _MARKER}).partition(_MARKER)

    def url(slug: str) -> str:
        if _PLAIN_SLUG.fullmatch(slug):
            return f"{before}{slug}{after}"
        return reverse(route, kwargs={"slug": slug})

    return url
