"""Read-only pages. Views only read: every write goes through ingest or the admin."""

from django.db.models import Count, Prefetch
from django.views.generic import DetailView, ListView, TemplateView

from meetings.models import (
    Agreement,
    AgreementMention,
    Article,
    Meeting,
    Participation,
    Person,
    Statement,
)


def meetings_with_people():
    """Meetings with their country and participants loaded for a list."""
    return Meeting.objects.select_related("country").prefetch_related(
        Prefetch(
            "participations",
            queryset=Participation.objects.select_related("person").order_by("role", "id"),
        )
    )


class HomeView(TemplateView):
    """The front page: counts and the latest meetings."""

    template_name = "meetings/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["latest"] = meetings_with_people()[:10]
        context["counts"] = {
            "meetings": Meeting.objects.count(),
            "people": Person.objects.count(),
            "statements": Statement.objects.count(),
            "agreements": Agreement.objects.count(),
        }
        return context


class MeetingListView(ListView):
    """All meetings, newest first, undated last."""

    paginate_by = 25
    template_name = "meetings/meeting_list.html"

    def get_queryset(self):
        return meetings_with_people()


class MeetingDetailView(DetailView):
    """One meeting: who, where, when, what was said and which agreements came up."""

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
                queryset=AgreementMention.objects.select_related("agreement"),
            ),
            Prefetch("articles", queryset=Article.objects.only("id", "filename", "title")),
        )


class PersonListView(ListView):
    """People, with how many meetings each took part in."""

    paginate_by = 50
    template_name = "meetings/person_list.html"

    def get_queryset(self):
        return (
            Person.objects.select_related("country")
            .annotate(n_meetings=Count("participations__meeting", distinct=True))
            .order_by("-n_meetings", "name")
        )


class PersonDetailView(DetailView):
    """One person: aliases, meetings and statements."""

    template_name = "meetings/person_detail.html"

    def get_queryset(self):
        return Person.objects.select_related("country").prefetch_related(
            "aliases",
            Prefetch(
                "participations",
                queryset=Participation.objects.select_related("meeting").order_by("-meeting__date"),
            ),
            Prefetch(
                "statements",
                queryset=Statement.objects.select_related("meeting").order_by(
                    "-meeting__date", "order"
                ),
            ),
        )


class AgreementListView(ListView):
    """Agreements, with how often they are mentioned."""

    paginate_by = 50
    template_name = "meetings/agreement_list.html"

    def get_queryset(self):
        return (
            Agreement.objects.annotate(n_mentions=Count("mentions"))
            .prefetch_related("parties")
            .order_by("name")
        )


class AgreementDetailView(DetailView):
    """One agreement: parties, status and every mention."""

    template_name = "meetings/agreement_detail.html"

    def get_queryset(self):
        return Agreement.objects.prefetch_related(
            "parties",
            "aliases",
            Prefetch(
                "mentions",
                queryset=AgreementMention.objects.select_related("meeting").order_by(
                    "meeting__date", "span_start"
                ),
            ),
        )
