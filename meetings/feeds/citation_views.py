"""A record's citation as a BibTeX file, the same entry as its page's "cite this" box."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import get_object_or_404

from meetings.models import Agreement, Meeting, Person
from meetings.templatetags.citations import cite_record

MODELS = {"meeting": Meeting, "person": Person, "agreement": Agreement}


def bibtex(request, slug: str, kind: str) -> HttpResponse:
    """The BibTeX entry of the meeting, person or agreement at slug (UTF-8, as a download)."""
    queryset = MODELS[kind].objects.all()
    if kind == "meeting":
        queryset = queryset.prefetch_related("articles")
    record = get_object_or_404(queryset, slug=slug)
    response = HttpResponse(
        cite_record(record, request).bibtex, content_type="application/x-bibtex; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{kind}-{record.slug}.bib"'
    return response
