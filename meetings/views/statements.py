"""The statements list."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import F
from django.views.generic import TemplateView

from meetings.filters import StatementFilter
from meetings.models import Statement
from meetings.search import search_statements
from meetings.search.query import MAX_QUERY_CHARS
from meetings.views.common import (
    STATEMENTS_PER_PAGE,
    dropped_filters,
    fewer_words,
    in_order,
    read_query,
    show_what_was_typed,
    suggestions,
    url_with,
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
        typed = data.get("q") or ""
        q, too_long = read_query(typed)
        rows = Statement.objects.select_related("meeting", "speaker")
        hits = search_statements(q, queryset=filtered) if q else None
        if hits is not None and hits.query:
            page = Paginator(hits.ids, STATEMENTS_PER_PAGE).get_page(request.GET.get("page"))
            page.object_list = in_order(rows, list(page.object_list))
        else:
            ordered = rows.filter(pk__in=filtered.values("pk")).order_by(
                F("meeting__date").desc(nulls_last=True), "-meeting_id", "order", "id"
            )
            page = Paginator(ordered, STATEMENTS_PER_PAGE).get_page(request.GET.get("page"))
        show_what_was_typed(filterset.form)
        nothing = not page.object_list
        filtered = any(v not in (None, "", [], False) for k, v in data.items() if k != "q") or bool(
            filterset.form.errors
        )
        context.update(
            filterset=filterset,
            form=filterset.form,
            page_obj=page,
            statements=page.object_list,
            hits=hits,
            query=hits.query if hits is not None else None,
            q=typed,
            searched=q,
            too_long=too_long,
            max_query=MAX_QUERY_CHARS,
            filtered=filtered,
            dropped_filters=dropped_filters(request, filterset.form) if nothing else [],
            fewer_words=fewer_words(request, q) if nothing else [],
            speakers=[
                (p, url_with(request, speaker=("remove", p.slug)))
                for p in (data.get("speaker") or [])
            ],
            people_suggestions=suggestions("statements"),
        )
        return context
