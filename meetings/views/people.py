"""The people pages and the name autocomplete."""

from __future__ import annotations

from collections import defaultdict
from types import SimpleNamespace
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Count, F, Q
from django.http import JsonResponse
from django.urls import reverse
from django.views.generic import DetailView, ListView

from meetings.extraction.turkish import name_key
from meetings.models import Meeting, Participation, Person, PersonMention, Statement
from meetings.models.base import related_count
from meetings.views.common import NEWEST_FIRST, LastPageWhenPastTheEnd

MAX_NAME_QUERY = 100  # a name box's longest query; longer ones are cut, and the page says so


def named(key: str) -> Q:
    """People any word of whose name or alias begins with key (a folded name key).

    A name lookup in the small people table, not full-text search.
    """
    return (
        Q(name_key__startswith=key)
        | Q(name_key__contains=f" {key}")
        | Q(aliases__key__startswith=key)
        | Q(aliases__key__contains=f" {key}")
    )


class PersonListView(LastPageWhenPastTheEnd, ListView):
    """People, most frequent participants first, with a name filter."""

    paginate_by = 50
    template_name = "meetings/person_list.html"

    def get_queryset(self):
        people = Person.objects.select_related("country").annotate(
            n_meetings=related_count(Participation.objects, "person", "meeting"),
            n_statements=related_count(Statement.objects, "speaker"),
        )
        key = name_key(self.request.GET.get("q", "")[:MAX_NAME_QUERY])
        if key:
            people = people.filter(named(key)).distinct()
        return people.order_by("-n_meetings", "name")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        typed = self.request.GET.get("q", "")
        context.update(q=typed, too_long=len(typed) > MAX_NAME_QUERY, max_query=MAX_NAME_QUERY)
        return context


def person_autocomplete(request):
    """People whose name or alias begins with what was typed, as JSON, for the filter box."""
    key = name_key(request.GET.get("q", ""))[:100]
    if len(key) < 2:
        return JsonResponse({"results": []})
    people = (
        Person.objects.filter(named(key))
        .annotate(n=Count("participations", distinct=True))
        .order_by("-n", "name")
        .values("slug", "name", "n")
        .distinct()[:10]
    )
    return JsonResponse({"results": [{"slug": p["slug"], "name": p["name"]} for p in people]})


class PersonDetailView(DetailView):
    """One person: aliases, titles over time, a timeline by year and counterparts at the top,
    then their meetings and their statements, each paginated."""

    template_name = "meetings/person_detail.html"
    meetings_per_page = 20
    statements_per_page = 10

    def get_queryset(self):
        return Person.objects.select_related("country").prefetch_related("aliases")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.object
        request = self.request
        # The whole record in two narrow rows per meeting: titles and years, no meeting rows.
        held = list(
            Participation.objects.filter(person=person).values_list(
                "title", "meeting__date", "meeting__date_precision"
            )
        )
        titles, years = {}, defaultdict(int)
        for title, date, precision in held:
            years[date.year if date else None] += 1
            if title:
                titles.setdefault(title, []).append(
                    SimpleNamespace(date=date, date_precision=precision)
                )
        list_url = reverse("meetings:meeting-list")
        paginator = Paginator(
            Participation.objects.filter(person=person)
            .select_related("meeting")
            .order_by(F("meeting__date").desc(nulls_last=True), "-meeting_id"),
            self.meetings_per_page,
        )
        paginator.count = len(held)  # counted already: no COUNT query
        meetings = paginator.get_page(request.GET.get("meetings_page"))
        statements = Paginator(
            Statement.objects.filter(speaker=person)
            .select_related("meeting")
            .order_by(F("meeting__date").desc(nulls_last=True), "meeting_id", "order"),
            self.statements_per_page,
        ).get_page(request.GET.get("statements_page"))
        counterparts = (
            Participation.objects.filter(
                meeting__participations__person=person, person__isnull=False
            )
            .exclude(person=person)
            .values("person__slug", "person__name")
            .annotate(n=Count("meeting", distinct=True))
            .order_by("-n", "person__name")[:25]
        )
        context.update(
            years=[
                {
                    "year": year,
                    "n": n,
                    "url": f"{list_url}?"
                    + urlencode(
                        [("person", person.slug)]
                        + ([("year", year)] if year else [("undated", "on")])
                    ),
                }
                for year, n in sorted(years.items(), key=lambda item: -(item[0] or 0))
            ],
            meetings_page=meetings,
            timeline=self.by_year(meetings.object_list),
            statements_page=statements,
            titles=self.titles_over_time(titles.items()),
            counterparts=[
                {
                    **row,
                    "url": f"{list_url}?"
                    + urlencode([("person", person.slug), ("person", row["person__slug"])]),
                }
                for row in counterparts
            ],
            mentioned_in=list(
                Meeting.objects.filter(
                    reports__article__in=PersonMention.objects.filter(person=person).values(
                        "article_id"
                    )
                )
                .exclude(participations__person=person)
                .distinct()
                .order_by(*NEWEST_FIRST)[:20]
            ),
            meetings_url=f"{list_url}?{urlencode({'person': person.slug})}",
            statements_url=reverse("meetings:statement-list")
            + f"?{urlencode({'speaker': person.slug})}",
        )
        return context

    @staticmethod
    def by_year(participations) -> list[tuple]:
        """One page's participations grouped by year, newest first, as the page lists them."""
        groups: dict = {}
        for p in participations:
            groups.setdefault(p.meeting.date.year if p.meeting.date else None, []).append(p)
        return list(groups.items())

    @staticmethod
    def titles_over_time(titles):
        """Each title with the first and last meeting it was held at, earliest first."""
        rows = []
        for title, meetings in titles:
            dated = [m for m in meetings if m.date]
            rows.append(
                {
                    "title": title,
                    "first": min(dated, key=lambda m: m.date) if dated else None,
                    "last": max(dated, key=lambda m: m.date) if dated else None,
                    "count": len(meetings),
                }
            )
        return sorted(rows, key=lambda r: (r["first"] is None, r["first"] and r["first"].date))
