"""The agreement pages."""

from __future__ import annotations

from django.db.models import Count, F, Prefetch
from django.views.generic import DetailView, ListView

from meetings.models import Agreement, AgreementMention, Article
from meetings.views.common import LastPageWhenPastTheEnd


class AgreementListView(LastPageWhenPastTheEnd, ListView):
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
