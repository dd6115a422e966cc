"""The meetings list: search, filters, facets."""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.views.generic import TemplateView

from meetings.filters import MeetingFilter, by_year, facets
from meetings.models import Meeting
from meetings.search import search_meetings
from meetings.search.facets import hit_facets
from meetings.search.query import MAX_QUERY_CHARS
from meetings.views.common import (
    FACET_SAMPLE,
    MEETINGS_PER_PAGE,
    NEWEST_FIRST,
    OLDEST_FIRST,
    SEARCH_FACET_SAMPLE,
    blank_filters_key,
    cached,
    dropped_filters,
    fewer_words,
    kept_facets_key,
    read_query,
    show_what_was_typed,
    suggestions,
    url_with,
)
from meetings.views.list_rows import list_values, meeting_rows, page_of_all, rows_in_order


class MeetingListView(TemplateView):
    """Meetings: full-text search, filters, facets; by relevance or date, undated last."""

    template_name = "meetings/meeting_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        request = self.request
        filterset = MeetingFilter(request.GET or None, queryset=Meeting.objects.all())
        filtered = filterset.qs.order_by()
        data = filterset.form.cleaned_data if filterset.is_bound else {}
        typed = data.get("q") or ""
        q, too_long = read_query(typed)
        sort = data.get("sort") or ("relevance" if q else "date")
        hits = None
        if q:
            hits = search_meetings(q, queryset=filtered if filterset.active else None, order=sort)
        number = request.GET.get("page")
        sampled, facet_sample = False, FACET_SAMPLE
        if hits is not None and hits.query:
            page = Paginator(hits.ids, MEETINGS_PER_PAGE).get_page(number)
            page.object_list = rows_in_order(list(page.object_list))
            # People and countries are counted over the first hits in the page's order; the
            # years over every hit, read from their document keys without a query.
            first = hits.ids[:SEARCH_FACET_SAMPLE]
            found = {**hit_facets(first), "years": by_year(hits.years())}
            sampled = len(hits.ids) > len(first)
            facet_sample = len(first)
        else:
            ordered = filtered.order_by(*(OLDEST_FIRST if sort == "-date" else NEWEST_FIRST))
            paginator = Paginator(list_values(ordered), MEETINGS_PER_PAGE)
            if filterset.active:
                page = paginator.get_page(number)
                page.object_list = meeting_rows(list(page.object_list))
                if paginator.count > FACET_SAMPLE:
                    # Like search, facets never count every row of a broad result: the newest do.
                    newest = filtered.order_by(*NEWEST_FIRST).values("pk")[:FACET_SAMPLE]
                    found, sampled = facets(Meeting.objects.filter(pk__in=newest)), True
                else:
                    found = facets(filtered)
            else:
                # Every meeting: counted once per data generation, with its facets, and the
                # page's rows read without compiling the ORM's query.
                paginator.count = cached("count:meetings", Meeting.objects.count)
                page = paginator.get_page(number)
                offset = (page.number - 1) * MEETINGS_PER_PAGE
                page.object_list = page_of_all(
                    offset, MEETINGS_PER_PAGE, sort == "-date", paginator.count
                )
                # Read only if the facet lists are written, not when they are kept.
                found = SimpleLazyObject(
                    lambda: cached("facets:all", lambda: facets(Meeting.objects.all()))
                )
        show_what_was_typed(filterset.form)
        filters_key = blank_filters_key(request, filterset.form)
        nothing = not page.object_list
        context.update(
            filterset=filterset,
            form=filterset.form,
            filters_key=filters_key,
            page_obj=page,
            meetings=page.object_list,
            hits=hits,
            query=hits.query if hits is not None else None,
            q=typed,
            searched=q,
            too_long=too_long,
            max_query=MAX_QUERY_CHARS,
            filtered=filterset.active,
            dropped_filters=dropped_filters(request, filterset.form) if nothing else [],
            fewer_words=fewer_words(request, q) if nothing else [],
            sort=sort,
            facets_key=kept_facets_key(request, filters_key),
            # Their links are made only when the facet lists are written, not when kept.
            facets=SimpleLazyObject(lambda: self.facet_links(found, filterset)),
            facets_sampled=sampled,
            facet_sample=facet_sample,
            facets_of_search=hits is not None and bool(hits.query),
            chosen_people=[
                (p, url_with(request, person=("remove", p.slug))) for p in filterset.people
            ],
            sort_links=[
                (value, label, url_with(request, sort=value))
                for value, label in filterset.form.fields["sort"].choices
                if value != "relevance" or q
            ],
            clear_url=reverse("meetings:meeting-list")
            + (f"?{urlencode({'q': typed})}" if typed else ""),
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
