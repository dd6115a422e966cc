"""One meeting's page."""

from __future__ import annotations

from collections import defaultdict

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
from meetings.templatetags.source_text import SourceSpan, annotate


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
