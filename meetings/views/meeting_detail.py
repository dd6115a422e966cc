"""One meeting's page."""

from __future__ import annotations

from django.db.models import Prefetch
from django.views.generic import DetailView

from meetings.models import (
    AgreementMention,
    Article,
    Meeting,
    Participation,
    PersonMention,
    Role,
    Statement,
)
from meetings.templatetags.source_text import annotate, record_spans


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
            # The page shows each article's cleaned text, never the file as it was read.
            Prefetch("articles", queryset=Article.objects.defer("raw_text").order_by("pk")),
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
        spans = record_spans(participations, mentions, agreement_mentions, statements, _public_link)
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


def _public_link(kind: str, row) -> str:
    """Where a highlighted name or agreement leads on the public page ("" for no link)."""
    if kind == "person":
        return row.person.get_absolute_url() if row.person else f"#participant-{row.pk}"
    if kind == "mention":
        return row.person.get_absolute_url() if row.person else ""
    return row.agreement.get_absolute_url()
