"""robots.txt: the whole site may be crawled except the admin and the API. Every API
request is throttled per client, and the pages already hold the same records, so a
crawler there would only spend its quota; the sitemap says what exists."""

from __future__ import annotations

from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET


@require_GET
def robots_txt(request) -> HttpResponse:
    """The crawl rules, pointing at the sitemap index by its absolute address."""
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('admin:index')}",
        "Disallow: /api/",
        "Allow: /",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap-index'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
