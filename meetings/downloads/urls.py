"""Download routes beside the list pages, under the language prefix: /meetings/download.csv,
/en/people/download.jsonl, … Each is named after its list page: "meetings:meeting-list-csv"."""

from django.urls import path

from meetings.downloads.views import download

LISTS = {
    "meetings": "meeting-list",
    "people": "person-list",
    "agreements": "agreement-list",
    "statements": "statement-list",
}

urlpatterns = [
    path(
        f"{prefix}/download.{fmt}",
        download,
        {"list_name": list_name, "fmt": fmt},
        name=f"{list_name}-{fmt}",
    )
    for prefix, list_name in LISTS.items()
    for fmt in ("csv", "jsonl")
]
