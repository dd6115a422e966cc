"""The download of a list page: every row of it as filtered there, streamed as CSV or JSON
Lines."""

from __future__ import annotations

from itertools import chain

from django.http import Http404, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import get_language

from meetings.downloads import selection
from meetings.export import list_rows
from meetings.export.encoders import csv_chunks, jsonl_chunks
from meetings.export.list_rows import Context
from meetings.export.values import Permalinks

LISTS = {
    "meeting-list": (list_rows.MEETINGS, selection.meetings),
    "person-list": (list_rows.PEOPLE, selection.people),
    "agreement-list": (list_rows.AGREEMENTS, selection.agreements),
    "statement-list": (list_rows.STATEMENTS, selection.statements),
}
FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/jsonl; charset=utf-8",
}


def download(request, list_name: str, fmt: str):
    """Every row of a list page for its query string (the page number aside), streamed."""
    if list_name not in LISTS or fmt not in FORMATS:
        raise Http404
    rows, select = LISTS[list_name]
    chosen = select(request)
    # Addresses and names in the page's language, fixed now: the body is written after the
    # view has returned.
    context = Context(Permalinks.current(request.build_absolute_uri("/")), get_language() or "tr")
    records = (rows.record(obj, context) for obj in chosen.rows(rows.prepare, rows.attach))
    if fmt == "csv":
        body = csv_chunks(rows.columns, (rows.csv_row(r) for r in records))
    else:
        body = jsonl_chunks(records)
    # The first piece is written here, so a database error is an ordinary error page rather
    # than a download cut short after its headers.
    first = next(body, b"")  # an empty list is an empty JSON Lines file
    response = StreamingHttpResponse(chain([first], body), content_type=FORMATS[fmt])
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="{rows.name}-{stamp}.{fmt}"'
    response["X-Robots-Tag"] = "noindex"
    return response
