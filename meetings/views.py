"""Read-only pages. Views only read: every write goes through ingest or the admin.

Each page runs a fixed number of queries whatever the data size: lists are paginated, and
everything a template shows is selected or prefetched here.
"""

from __future__ import annotations

from collections import defaultdict
from urllib.parse import urlencode

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Count, F, Prefetch, Q
from django.http import JsonResponse
from django.urls import reverse
from django.views.generic import DetailView, ListView, TemplateView

from meetings.extraction.turkish import name_key
from meetings.filters import MeetingFilter, StatementFilter, facets
from meetings.models import (
    Agreement,
    AgreementMention,
    Article,
    DatePrecision,
    Meeting,
    Participation,
    Person,
    PersonMention,
    Role,
    Statement,
)
from meetings.search import search_meetings, search_statements
from meetings.templatetags.source_text import SourceSpan, annotate

MEETINGS_PER_PAGE = 20
STATEMENTS_PER_PAGE = 25
NEWEST_FIRST = [F("date").desc(nulls_last=True), "-id"]
OLDEST_FIRST = [F("date").asc(nulls_last=True), "id"]
CACHE_SECONDS = 300  # site-wide counts may lag this far behind
FACET_SAMPLE = 5000


def meetings_for_list():
    """Meetings with what a list item shows: country, participants, and the article text."""
    return Meeting.objects.select_related("country").prefetch_related(
        Prefetch(
            "participations",
            queryset=Participation.objects.select_related("person").order_by("role", "id"),
        ),
        Prefetch("articles", queryset=Article.objects.only("id", "text")),
    )


def cached(key: str, compute):
    """A site-wide aggregate, computed at most once every few minutes.

    Counting every row of a large table is the dearest thing a page does, and such totals
    (facets of the unfiltered list, the chart, suggestions) may lag a few minutes behind.
    """
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, CACHE_SECONDS)
    return value


def suggestions(relation: str, limit: int = 200) -> list[str]:
    """The names a person box suggests without JavaScript: the most frequent people first."""
    return cached(
        f"people-suggestions:{relation}:{limit}",
        lambda: list(
            Person.objects.annotate(n=Count(relation))
            .filter(n__gt=0)
            .order_by("-n", "name")
            .values_list("name", flat=True)[:limit]
        ),
    )


def in_order(queryset, ids: list[int]) -> list:
    """The rows of ids, in the order of ids."""
    rows = {row.pk: row for row in queryset.filter(pk__in=ids)}
    return [rows[pk] for pk in ids if pk in rows]


def url_with(request, drop=("page",), **changes) -> str:
    """The current URL's query string with some parameters set, added to, or removed."""
    params = request.GET.copy()
    for name in drop:
        params.pop(name, None)
    for name, value in changes.items():
        if value is None:
            params.pop(name, None)
        elif isinstance(value, tuple):  # ("add", v) or ("remove", v) for lists
            action, item = value
            values = [v for v in params.getlist(name) if v != item]
            if action == "add":
                values.append(item)
            params.setlist(name, values)
        else:
            params[name] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


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
        context["latest"] = list(meetings_for_list().order_by(*NEWEST_FIRST)[:8])
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


class MeetingListView(TemplateView):
    """Meetings: full-text search, filters, facets; by relevance or date, undated last."""

    template_name = "meetings/meeting_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        request = self.request
        filterset = MeetingFilter(request.GET or None, queryset=meetings_for_list())
        filtered = filterset.qs.order_by()
        data = filterset.form.cleaned_data if filterset.is_bound else {}
        q = data.get("q") or ""
        sort = data.get("sort") or ("relevance" if q else "date")
        hits = None
        if q:
            hits = search_meetings(q, queryset=filtered if filterset.active else None, order=sort)
        number = request.GET.get("page")
        sampled = False
        if hits is not None and hits.query:
            page = Paginator(hits.ids, MEETINGS_PER_PAGE).get_page(number)
            page.object_list = in_order(meetings_for_list(), list(page.object_list))
            found = facets(Meeting.objects.filter(pk__in=hits.ids))
        else:
            ordered = filtered.order_by(*(OLDEST_FIRST if sort == "-date" else NEWEST_FIRST))
            page = Paginator(ordered, MEETINGS_PER_PAGE).get_page(number)
            if not filterset.active:
                found = cached("facets:all", lambda: facets(Meeting.objects.all()))
            elif page.paginator.count > FACET_SAMPLE:
                # Like search, facets never count every row of a broad result: the newest do.
                newest = filtered.order_by(*NEWEST_FIRST).values("pk")[:FACET_SAMPLE]
                found, sampled = facets(Meeting.objects.filter(pk__in=newest)), True
            else:
                found = facets(filtered)
        context.update(
            filterset=filterset,
            form=filterset.form,
            page_obj=page,
            meetings=page.object_list,
            hits=hits,
            query=hits.query if hits else None,
            q=q,
            sort=sort,
            facets=self.facet_links(found, filterset),
            facets_sampled=sampled,
            facet_sample=FACET_SAMPLE,
            chosen_people=[
                (p, url_with(request, person=("remove", p.slug))) for p in filterset.people
            ],
            sort_links=[
                (value, label, url_with(request, sort=value))
                for value, label in filterset.form.fields["sort"].choices
                if value != "relevance" or q
            ],
            clear_url=reverse("meetings:meeting-list") + (f"?{urlencode({'q': q})}" if q else ""),
            people_suggestions=suggestions("participations"),
        )
        return context

    def facet_links(self, found: dict, filterset) -> dict:
        request = self.request
        chosen = {p.slug for p in filterset.people}
        for row in found["people"]:
            slug = row["person__slug"]
            row["active"] = slug in chosen
            row["url"] = url_with(request, person=("remove" if row["active"] else "add", slug))
        current_country = request.GET.get("country")
        for row in found["countries"]:
            row["active"] = row["country__slug"] == current_country
            row["url"] = url_with(request, country=None if row["active"] else row["country__slug"])
        current_year = request.GET.get("year")
        for row in found["years"]:
            if row["year"] is None:
                row["active"] = bool(request.GET.get("undated"))
                row["url"] = url_with(request, undated=None if row["active"] else "on", year=None)
            else:
                row["active"] = str(row["year"]) == current_year
                row["url"] = url_with(
                    request, year=None if row["active"] else str(row["year"]), undated=None
                )
        return found


class MeetingDetailView(DetailView):
    """One meeting: who, where, when, what was said, agreements, and its annotated sources."""

    template_name = "meetings/meeting_detail.html"

    def get_queryset(self):
        return Meeting.objects.select_related("country").prefetch_related(
            Prefetch(
                "participations",
                queryset=Participation.objects.select_related("person").order_by("role", "id"),
            ),
            Prefetch(
                "statements",
                queryset=Statement.objects.select_related("speaker").order_by("order", "id"),
            ),
            Prefetch(
                "agreement_mentions",
                queryset=AgreementMention.objects.select_related("agreement").order_by(
                    "span_start", "id"
                ),
            ),
            Prefetch("articles", queryset=Article.objects.order_by("pk")),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meeting = self.object
        articles = list(meeting.articles.all())
        mentions = list(
            PersonMention.objects.filter(article__in=articles)
            .select_related("person")
            .order_by("span_start", "id")
        )
        participations = list(meeting.participations.all())
        statements = list(meeting.statements.all())
        agreement_mentions = list(meeting.agreement_mentions.all())
        spans = defaultdict(list)
        for p in participations:
            url = p.person.get_absolute_url() if p.person else f"#participant-{p.pk}"
            for start, end in p.spans or []:
                spans[p.article_id].append(SourceSpan(start, end, "person", url, p.raw_name))
        for m in mentions:
            url = m.person.get_absolute_url() if m.person else ""
            for start, end in m.spans or []:
                if url:
                    spans[m.article_id].append(SourceSpan(start, end, "mention", url, m.raw_name))
        for m in agreement_mentions:
            if m.span:
                url = m.agreement.get_absolute_url()
                spans[m.article_id].append(SourceSpan(*m.span, "agreement", url, m.agreement.name))
        for number, s in enumerate(statements, start=1):
            if s.span:
                spans[s.article_id].append(
                    SourceSpan(
                        *s.span,
                        "statement",
                        f"#statement-{s.pk}",
                        str(number),
                        anchor=f"source-statement-{s.pk}",
                    )
                )
        context.update(
            roles=[
                (label, [p for p in participations if p.role == role])
                for role, label in Role.choices
            ],
            statements=statements,
            agreement_mentions=agreement_mentions,
            agreements=list({m.agreement_id: m.agreement for m in agreement_mentions}.values()),
            sources=[(a, annotate(a.text, spans[a.pk])) for a in articles],
            mentioned=[m for m in mentions if m.person],
        )
        return context


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


class PersonListView(ListView):
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


class AgreementListView(ListView):
    """Agreements, with their parties and how often they are mentioned."""

    paginate_by = 50
    template_name = "meetings/agreement_list.html"

    def get_queryset(self):
        return (
            Agreement.objects.annotate(
                n_mentions=Count("mentions", distinct=True),
                n_meetings=Count("mentions__meeting", distinct=True),
            )
            .prefetch_related("parties")
            .order_by("-n_meetings", "name")
        )


class AgreementDetailView(DetailView):
    """One agreement: parties, date, status, and every mention in time order, in context."""

    template_name = "meetings/agreement_detail.html"

    def get_queryset(self):
        return Agreement.objects.prefetch_related(
            "parties",
            "aliases",
            Prefetch(
                "mentions",
                queryset=AgreementMention.objects.select_related("meeting", "statement")
                .prefetch_related(Prefetch("article", queryset=Article.objects.only("id", "text")))
                .order_by(F("meeting__date").asc(nulls_last=True), "meeting_id", "span_start"),
            ),
        )


class StatementListView(TemplateView):
    """Statements: search the quotes, filter by speaker, date, and direct or reported."""

    template_name = "meetings/statement_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        request = self.request
        filterset = StatementFilter(request.GET or None, queryset=Statement.objects.all())
        filtered = filterset.qs.order_by()
        data = filterset.form.cleaned_data if filterset.is_bound else {}
        q = data.get("q") or ""
        rows = Statement.objects.select_related("meeting", "speaker")
        hits = search_statements(q, queryset=filtered) if q else None
        if hits is not None and hits.query:
            page = Paginator(hits.ids, STATEMENTS_PER_PAGE).get_page(request.GET.get("page"))
            page.object_list = in_order(rows, list(page.object_list))
        else:
            ordered = rows.filter(pk__in=filtered.values("pk")).order_by(
                F("meeting__date").desc(nulls_last=True), "-meeting_id", "order"
            )
            page = Paginator(ordered, STATEMENTS_PER_PAGE).get_page(request.GET.get("page"))
        context.update(
            filterset=filterset,
            form=filterset.form,
            page_obj=page,
            statements=page.object_list,
            hits=hits,
            query=hits.query if hits else None,
            q=q,
            speakers=[
                (p, url_with(request, speaker=("remove", p.slug)))
                for p in (data.get("speaker") or [])
            ],
            people_suggestions=suggestions("statements"),
        )
        return context
