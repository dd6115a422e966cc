"""The statements list."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import F
from django.views.generic import TemplateView

from meetings.filters import StatementFilter
from meetings.models import Statement
from meetings.search import search_statements
from meetings.views.common import STATEMENTS_PER_PAGE, in_order, suggestions, url_with


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
