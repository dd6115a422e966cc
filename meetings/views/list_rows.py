"""Meeting list items read as plain values: one query per kind of row, no model instances.

A list page shows twenty meetings with their country, participants and a snippet. Building
those as models with prefetches cost more than all the rest of the page (each instance runs
its signals and converts every column, including JSON ones the list never shows), so the
rows are read here with ``values()``: the meetings, then their participants, then the
openings of their first articles.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.db.models.functions import Substr
from django.urls import reverse
from django.utils.encoding import iri_to_uri
from django.utils.translation import get_language

from meetings.models import Meeting, MeetingReport, Participation

# A list item's snippet is read from this much of its article's opening: a match further in
# shows the opening instead (the snippet is a pointer; the meeting page has the whole text).
SNIPPET_SOURCE_CHARS = 1200
FIELDS = (
    "id",
    "slug",
    "title",
    "date",
    "date_precision",
    "location",
    "kind",
    "needs_review",
    "country__name_tr",
    "country__name_en",
)
_PLAIN_SLUG = re.compile(r"[-a-zA-Z0-9_]+")


@dataclass(eq=False)
class MeetingRow:
    """What a list item shows of one meeting; it equals the meeting it shows."""

    id: int
    slug: str
    title: str
    date: dt.date | None
    date_precision: str
    location: str
    kind: str
    needs_review: bool
    country_tr: str | None
    country_en: str | None
    url: str = ""
    people: list[tuple[str, str]] = field(default_factory=list)  # (role, name), host first
    opening: str = ""  # the first article's opening ("" when it has none)

    @property
    def pk(self) -> int:
        """The meeting's id, as a model instance would call it."""
        return self.id

    @property
    def country_name(self) -> str | None:
        """The country's name in the interface's language, as ``Country.name`` gives it."""
        if self.country_tr is None:
            return None
        if (get_language() or "").split("-")[0] == "en" and self.country_en:
            return self.country_en
        return self.country_tr

    def __eq__(self, other) -> bool:
        if isinstance(other, (MeetingRow, Meeting)):
            return self.pk == other.pk
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.id)  # as a model instance hashes, so either finds the other in a set

    def get_absolute_url(self) -> str:
        """The meeting's page."""
        return self.url or reverse("meetings:meeting-detail", kwargs={"slug": self.slug})


def list_values(queryset: QuerySet) -> QuerySet:
    """The queryset's meetings as the values a list item needs (one query when evaluated)."""
    return queryset.values(*FIELDS)


def _url_maker():
    """A function from slug to meeting URL that reverses once per page, not once per row."""
    marker = "slug-marker-0"
    pattern = reverse("meetings:meeting-detail", kwargs={"slug": marker})
    before, _, after = pattern.partition(marker)

    def url(slug: str) -> str:
        if _PLAIN_SLUG.fullmatch(slug):  # nothing reverse() would quote
            return f"{before}{slug}{after}"
        return iri_to_uri(reverse("meetings:meeting-detail", kwargs={"slug": slug}))

    return url


def meeting_rows(values: list[dict], snippets: bool = True) -> list[MeetingRow]:
    """Rows for these meetings' values (from ``list_values``), in the same order, with their
    participants and (if ``snippets``) their first article's opening: two more queries."""
    url = _url_maker()
    rows = [
        MeetingRow(
            **{k: v for k, v in value.items() if not k.startswith("country__")},
            country_tr=value["country__name_tr"],
            country_en=value["country__name_en"],
            url=url(value["slug"]),
        )
        for value in values
    ]
    if not rows:
        return rows
    by_id = {row.id: row for row in rows}
    people = (
        Participation.objects.filter(meeting_id__in=by_id)
        .order_by("role", "id")
        .values_list("meeting_id", "role", "person_id", "person__name", "raw_name")
    )
    for meeting_id, role, person_id, person_name, raw_name in people:
        by_id[meeting_id].people.append((role, raw_name if person_id is None else person_name))
    if snippets:
        openings = (
            MeetingReport.objects.filter(meeting_id__in=by_id)
            .order_by("meeting_id", "article_id")
            .annotate(opening=Substr("article__text", 1, SNIPPET_SOURCE_CHARS))
            .values_list("meeting_id", "opening")
        )
        seen: set[int] = set()
        for meeting_id, opening in openings:
            if meeting_id not in seen:  # the first article, as the meeting page lists them
                seen.add(meeting_id)
                by_id[meeting_id].opening = opening or ""
    return rows


def rows_in_order(ids: list[int], snippets: bool = True) -> list[MeetingRow]:
    """The rows of these meeting ids, in the order of ids (a search's hits)."""
    values = {v["id"]: v for v in list_values(Meeting.objects.filter(pk__in=ids).order_by())}
    return meeting_rows([values[pk] for pk in ids if pk in values], snippets)
