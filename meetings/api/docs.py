"""The API's browsable documentation: Swagger UI, with nothing inline and nothing loaded
from elsewhere, as the Content-Security-Policy asks.

drf-spectacular's split view serves the page and its start-up script as two responses; the
page here is its template without the inline style, and Swagger UI's files come from
drf-spectacular-sidecar under /static/.
"""

from __future__ import annotations

from pathlib import Path

from django.template import engines
from drf_spectacular.views import SpectacularSwaggerSplitView
from rest_framework.renderers import TemplateHTMLRenderer

PAGE_TEMPLATE = "meetings/api/docs.html"
PAGE_SOURCE = Path(__file__).with_name("docs.html")


class DocsRenderer(TemplateHTMLRenderer):
    """Renders the docs page from meetings/api/docs.html, and the script as drf-spectacular
    writes it."""

    def resolve_template(self, template_names):
        if template_names == [PAGE_TEMPLATE]:
            return engines["django"].from_string(PAGE_SOURCE.read_text(encoding="utf-8"))
        return super().resolve_template(template_names)


class ApiDocsView(SpectacularSwaggerSplitView):
    """Swagger UI for the API's OpenAPI schema (/api/schema/)."""

    renderer_classes = [DocsRenderer]
    template_name = PAGE_TEMPLATE
    url_name = "api:schema"
