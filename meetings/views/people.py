"""The people pages and the name autocomplete."""

from __future__ import annotations

from collections import defaultdict
from urllib.parse import urlencode

from django.db.models import Count, F, Prefetch, Q
from django.http import JsonResponse
from django.urls import reverse
from django.views.generic import DetailView, ListView

from meetings.extraction.turkish import name_key
from meetings.models import Meeting, Participation, Person, PersonMention, Statement
from meetings.views.common import NEWEST_FIRST, LastPageWhenPastTheEnd


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
            n_meetings=Count("participations__meeting", distinct=True),
            n_statements=Count("statements", distinct=True),
        )
        key = name_key(self.request.GET.get("q", ""))[:100]
        if key:
            people = people.filter(named(key)).distinct()
        return people.order_by("-n_meetings", "name")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["q"] = self.request.GET.get("q", "")[:100]
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
    """One person: aliases, titles over time, a timeline, counterparts and statements."""

    template_name = "meetings/person_detail.html"

    def get_queryset(self):
        return Person.objects.select_related("country").prefetch_related(
            "aliases",
            Prefetch(
                "participations",
                queryset=Participation.objects.select_related("meeting").order_by(
                    F("meeting__date").desc(nulls_last=True), "-meeting_id"
                ),
            ),
            Prefetch(
                "statements",
                queryset=Statement.objects.select_related("meeting").order_by(
                    F("meeting__date").desc(nulls_last=True), "meeting_id", "order"
                ),
            ),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.object
        participations = list(person.participations.all())
        timeline = defaultdict(list)
        titles = {}
        for p in participations:
            year = p.meeting.date.year if p.meeting.date else None
            timeline[year].append(p)
            if p.title:
                seen = titles.setdefault(p.title, {"title": p.title, "meetings": []})
                seen["meetings"].append(p.meeting)
        counterparts = (
            Participation.objects.filter(
                meeting__participations__person=person, person__isnull=False
            )
            .exclude(person=person)
            .values("person__slug", "person__name")
            .annotate(n=Count("meeting", distinct=True))
            .order_by("-n", "person__name")[:25]
        )
        list_url = reverse("meetings:meeting-list")
        context.update(
            timeline=sorted(timeline.items(), key=lambda item: -(item[0] or 0)),
            titles=self.titles_over_time(titles.values()),
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
    def titles_over_time(titles):
        """Each title with the first and last meeting it was held at, earliest first."""
        rows = []
        for entry in titles:
            dated = [m for m in entry["meetings"] if m.date]
            rows.append(
                {
                    "title": entry["title"],
                    "first": min(dated, key=lambda m: m.date) if dated else None,
                    "last": max(dated, key=lambda m: m.date) if dated else None,
                    "count": len(entry["meetings"]),
                }
            )
        return sorted(rows, key=lambda r: (r["first"] is None, r["first"] and r["first"].date))
