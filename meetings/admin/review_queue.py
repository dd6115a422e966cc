"""The review queue: every meeting that needs an editor's eye, most doubtful first.

A staff page inside the admin (``MeetingAdmin.get_urls``). It runs the same few queries
whatever the page shows: one aggregate for the total and the count per reason, one for the
page of meetings, one for their participants.
"""

from __future__ import annotations

import functools
import operator
from urllib.parse import urlencode

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import connection, models, transaction
from django.db.models import Case, Count, Q, Value, When
from django.db.models.functions import Cast
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _

from meetings.extraction.reasons import ALL_CODES, Reason, label
from meetings.models import Meeting, Participation, Person
from meetings.search import reindex_meetings

PAGE_SIZE = 50

# How much each reason adds to a meeting's doubt, on top of one point per reason: a record
# that may not be a meeting at all, or may be someone else, comes before a vague place.
EXTRA_DOUBT = {
    Reason.NO_MEETING: 4,
    Reason.POSSIBLE_DUPLICATE: 3,
    Reason.AMBIGUOUS_NAME: 3,
    Reason.NO_HOST: 2,
    Reason.NO_GUEST: 2,
    Reason.DATE_UNKNOWN: 2,
    Reason.DATE_CONFLICT: 2,
    Reason.SPEAKER_UNKNOWN: 1,
    Reason.SURNAME_ONLY: 1,
    Reason.ROLE_NOUN: 1,
}

# Fields a review vouches for: marking a meeting reviewed locks them against re-import.
REVIEWED_MEETING_FIELDS = (
    "title",
    "kind",
    "date",
    "date_precision",
    "location",
    "country",
    "needs_review",
    "review_reasons",
)


class JSONArrayLength(models.Func):
    """The number of items in a JSON array column, on PostgreSQL and SQLite alike."""

    function = "json_array_length"
    output_field = models.IntegerField()

    def as_postgresql(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection, function="jsonb_array_length", **extra)


def _has_reason(code: str) -> Q:
    """Meetings whose reasons include code."""
    if connection.vendor == "postgresql":
        return Q(review_reasons__contains=[code])  # jsonb @>, no text conversion per row
    # SQLite has no JSON containment: the stored list as text, '["no_host", "date_unknown"]'.
    return Q(reasons_text__contains=f'"{code}"')


def queue(queryset=None):
    """Meetings needing review, each with its doubt score, most doubtful first."""
    queryset = Meeting.objects.all() if queryset is None else queryset
    extra = [
        Case(When(_has_reason(code), then=Value(weight)), default=Value(0))
        for code, weight in EXTRA_DOUBT.items()
    ]
    queryset = queryset.filter(needs_review=True)
    if connection.vendor != "postgresql":
        queryset = queryset.annotate(reasons_text=Cast("review_reasons", models.TextField()))
    return queryset.annotate(
        doubt=functools.reduce(operator.add, extra, JSONArrayLength("review_reasons"))
    ).order_by("-doubt", models.F("date").desc(nulls_last=True), "-id")


def reason_choices():
    """Every reason code with its label in the active language."""
    return [(code, label(code, get_language())) for code in ALL_CODES]


class ReviewFilter(django_filters.FilterSet):
    """What an editor narrows the queue by: a reason, a date range, a person's name."""

    reason = django_filters.ChoiceFilter(
        label=_("reason"), choices=reason_choices, method="filter_reason"
    )
    date = django_filters.DateFromToRangeFilter(
        label=_("date"),
        widget=django_filters.widgets.DateRangeWidget(attrs={"type": "date"}),
    )
    person = django_filters.CharFilter(label=_("person"), method="filter_person")

    class Meta:
        model = Meeting
        fields = ["reason", "date", "person"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        first, last = self.form.fields["date"].widget.widgets
        first.attrs["aria-label"] = _("from")
        last.attrs["aria-label"] = _("to")

    def filter_reason(self, queryset, name, value):
        return queryset.filter(_has_reason(value))

    def filter_person(self, queryset, name, value):
        """Meetings with a participant of that name: a person's name, or the name as written
        where no person was resolved (the rows an editor most often looks for)."""
        people = Person.objects.filter(name__icontains=value).values("pk")
        taking_part = Participation.objects.filter(meeting=models.OuterRef("pk")).filter(
            Q(person__in=people) | Q(person__isnull=True, raw_name__icontains=value)
        )
        return queryset.filter(models.Exists(taking_part))

    def without_reason(self):
        """The queue filtered by everything but the reason: what the per-reason counts count."""
        queryset = self.queryset
        if self.is_valid():
            for name, value in self.form.cleaned_data.items():
                if name != "reason":
                    queryset = self.filters[name].filter(queryset, value)
        return queryset


def reason_counts(queryset) -> tuple[int, dict[str, int]]:
    """The number of meetings in queryset, and how many of them carry each reason: one query."""
    counts = queryset.order_by().aggregate(
        total=Count("pk"),
        **{code: Count("pk", filter=_has_reason(code)) for code in ALL_CODES},
    )
    total = counts.pop("total")
    return total, counts


class QueueActionForm(forms.Form):
    """A bulk action on the meetings ticked in the queue."""

    action = forms.ChoiceField(
        label=_("Action"),
        choices=[
            ("mark_reviewed", _("Mark the selected meetings reviewed")),
            ("merge_people", _("Merge duplicate people of the selected meetings")),
        ],
    )
    meetings = forms.ModelMultipleChoiceField(
        queryset=Meeting.objects.filter(needs_review=True), widget=forms.MultipleHiddenInput
    )


def mark_reviewed(meeting: Meeting) -> list[str]:
    """Take meeting off the queue and lock its fields against re-import; return the fields
    newly locked (the caller saves nothing more, and logs).

    Its participants and statements keep the locks of what the editor changed on them, so
    the public page's "corrected by an editor" marks only real corrections.
    """
    meeting.needs_review = False
    locked = meeting.lock(*REVIEWED_MEETING_FIELDS)
    meeting.save()
    return locked


REVIEWED_MESSAGE = _("Marked reviewed; locked against re-import.")


def _mark_selected_reviewed(modeladmin, request, meetings):
    if not modeladmin.has_change_permission(request):
        raise PermissionDenied
    with transaction.atomic():
        for meeting in meetings:
            mark_reviewed(meeting)
            modeladmin.log_change(request, meeting, str(REVIEWED_MESSAGE))
    reindex_meetings([m.pk for m in meetings])
    modeladmin.message_user(
        request,
        ngettext("%(n)d meeting marked reviewed.", "%(n)d meetings marked reviewed.", len(meetings))
        % {"n": len(meetings)},
        messages.SUCCESS,
    )


def _merge_people_of(modeladmin, request, meetings):
    """The people list narrowed to these meetings' people, where the merge action runs (it
    checks change and delete permission on people again)."""
    if not _can_merge_people(modeladmin, request):
        raise PermissionDenied
    ids = (
        Participation.objects.filter(meeting__in=meetings, person__isnull=False)
        .values_list("person_id", flat=True)
        .distinct()
    )
    query = urlencode({"id__in": ",".join(str(pk) for pk in sorted(set(ids)))})
    return HttpResponseRedirect(f"{reverse('admin:meetings_person_changelist')}?{query}")


def queue_view(modeladmin, request):
    """The review queue page, and its bulk actions (POST)."""
    if not modeladmin.has_view_permission(request):
        raise PermissionDenied
    if request.method == "POST":
        form = QueueActionForm(request.POST)
        if form.is_valid():
            meetings = list(form.cleaned_data["meetings"])
            if form.cleaned_data["action"] == "mark_reviewed":
                _mark_selected_reviewed(modeladmin, request, meetings)
            else:
                return _merge_people_of(modeladmin, request, meetings)
        else:
            modeladmin.message_user(
                request, _("Choose an action and at least one meeting."), messages.ERROR
            )
        return HttpResponseRedirect(request.get_full_path())

    filterset = ReviewFilter(request.GET, queryset=queue())
    _total_all, per_reason = reason_counts(filterset.without_reason())
    reason = filterset.form.cleaned_data.get("reason") if filterset.is_valid() else None
    total = per_reason[reason] if reason else _total_all
    paginator = Paginator(filterset.qs, PAGE_SIZE)
    paginator.count = total  # known from the aggregate: no second count query
    page = paginator.get_page(request.GET.get("page"))
    meetings = list(
        page.object_list.prefetch_related(
            models.Prefetch(
                "participations",
                queryset=Participation.objects.select_related("person").order_by("role", "id"),
            )
        )
    )
    params = request.GET.copy()
    params.pop("page", None)
    params.pop("reason", None)
    reason_links = [
        (code, label(code, get_language()), n, urlencode({**params.dict(), "reason": code}))
        for code, n in sorted(per_reason.items(), key=lambda item: -item[1])
        if n
    ]
    page_params = request.GET.copy()
    page_params.pop("page", None)
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": _("Review queue"),
        "opts": modeladmin.model._meta,
        "filterset": filterset,
        "page": page,
        "meetings": meetings,
        "total": total,
        "reason": reason,
        "reason_links": reason_links,
        "clear_reason": params.urlencode(),
        "page_query": page_params.urlencode(),
        "can_change": modeladmin.has_change_permission(request),
        "can_merge_people": _can_merge_people(modeladmin, request),
        "action_form": QueueActionForm(),
    }
    return TemplateResponse(request, "admin/meetings/meeting/review_queue.html", context)


def _can_merge_people(modeladmin, request) -> bool:
    person_admin = modeladmin.admin_site._registry.get(
        Participation._meta.get_field("person").related_model
    )
    return bool(person_admin and person_admin.has_merge_permission(request))
