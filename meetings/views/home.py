"""The front page."""

from __future__ import annotations

from django.db.models import Count, Q
from django.views.generic import TemplateView

from meetings.models import Agreement, DatePrecision, Meeting, Person, Statement
from meetings.views.common import NEWEST_FIRST, cached
from meetings.views.list_rows import list_values, meeting_rows


def site_counts() -> dict[str, int]:
    """How many meetings, people, statements and agreements there are."""
    return {
        "meetings": Meeting.objects.count(),
        "people": Person.objects.count(),
        "statements": Statement.objects.count(),
        "agreements": Agreement.objects.count(),
    }


def frequent_participants(limit: int = 10) -> list[dict]:
    """The people in the most meetings."""
    return list(
        Person.objects.annotate(n=Count("participations__meeting", distinct=True))
        .filter(n__gt=0)
        .order_by("-n", "name")
        .values("name", "slug", "n")[:limit]
    )


def meetings_per_month() -> list[tuple]:
    """(first day of month, meetings) for the meetings dated to the month or the day."""
    months: dict = {}
    dated = Meeting.objects.filter(date_precision__in=[DatePrecision.DAY, DatePrecision.MONTH])
    # Grouped by the indexed date, then by month here: cheaper than truncating every row.
    for row in dated.order_by().values("date").annotate(n=Count("pk")):
        month = row["date"].replace(day=1)
        months[month] = months.get(month, 0) + row["n"]
    return sorted(months.items())


class HomeView(TemplateView):
    """The front page: search, counts, latest meetings, frequent participants, a chart."""

    template_name = "meetings/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        newest = list_values(Meeting.objects.order_by(*NEWEST_FIRST))[:8]
        context["latest"] = meeting_rows(list(newest), snippets=False)
        context["counts"] = cached("home:counts", site_counts)
        context["frequent"] = cached("home:frequent", frequent_participants)
        context["per_month"] = cached("home:per-month", meetings_per_month)
        context["not_in_chart"] = cached(
            "home:not-in-chart",
            lambda: Meeting.objects.aggregate(
                year_only=Count("pk", filter=Q(date_precision=DatePrecision.YEAR)),
                undated=Count("pk", filter=Q(date_precision=DatePrecision.UNKNOWN)),
            ),
        )
        return context
