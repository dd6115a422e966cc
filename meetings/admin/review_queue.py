"""The review queue: every meeting that needs an editor's eye, most doubtful first.

A staff page inside the admin (``MeetingAdmin.get_urls``). It runs the same few queries
whatever the page shows: one count per combination of reasons (for the total and the count
per reason), one for the page of meetings, one for their participants. The rows are plain
values, written as HTML in ``review_queue_rows.py``.
"""

from __future__ import annotations

from urllib.parse import urlencode

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import models, transaction
from django.db.models import Count, Q
from django.db.models.lookups import Exact
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _

from meetings.admin.review_queue_rows import QueueRow, queue_rows
from meetings.extraction.reasons import ALL_CODES, label
from meetings.models import Meeting, Participation, Person
from meetings.models.meetings import REASON_BITS, HasCode
from meetings.search import reindex_meetings

PAGE_SIZE = 50

# The queue's order, which its partial index (migration 0013) holds.
QUEUE_ORDER = ("-doubt", models.F("date").desc(nulls_last=True), "-id")

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


def _has_reason(code: str):
    """Meetings whose reasons include code: its bit in the stored reason_flags, which the
    queue's index holds, so neither a filter nor a count reads the JSON."""
    bit = REASON_BITS.get(code)
    if bit is None:  # a code with no bit yet (see REASON_BITS): read the JSON instead
        return HasCode("review_reasons", code)
    return Exact(models.F("reason_flags").bitand(bit), bit)


def queue(queryset=None):
    """Meetings needing review, most doubtful first (their stored doubt)."""
    queryset = Meeting.objects.all() if queryset is None else queryset
    return queryset.filter(needs_review=True).order_by(*QUEUE_ORDER)


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
        where no person was resolved (the rows an editor most often looks for).

        Two sets of meeting ids, each read from an index (people's participations by
        person; unresolved names from migration 0013's index of them), rather than a test
        of every flagged meeting's participants: the counts read all the flagged meetings.
        """
        people = Person.objects.filter(name__icontains=value).values("pk")
        named = Participation.objects.filter(person__in=people).values("meeting_id")
        written = Participation.objects.filter(person__isnull=True, raw_name__icontains=value)
        return queryset.filter(Q(pk__in=named) | Q(pk__in=written.values("meeting_id")))

    def without_reason(self):
        """The queue filtered by everything but the reason: what the per-reason counts count."""
        queryset = self.queryset
        if self.is_valid():
            for name, value in self.form.cleaned_data.items():
                if name != "reason":
                    queryset = self.filters[name].filter(queryset, value)
        return queryset


def reason_counts(queryset) -> tuple[int, dict[str, int]]:
    """The number of meetings in queryset, and how many of them carry each reason: one query.

    The meetings are counted per stored reason_flags (a few hundred combinations of codes,
    read from the queue's index), and each code's count is summed here from its bit: a
    filtered count per code cost more to build in the ORM than to run.
    """
    bits = {code: REASON_BITS[code] for code in ALL_CODES if code in REASON_BITS}
    # A code with no bit yet (see REASON_BITS) is counted from the JSON, in the same query.
    unbitted = {f"n_{code}": code for code in ALL_CODES if code not in bits}
    groups = (
        queryset.order_by()
        .values("reason_flags")
        .annotate(
            n=Count("pk"),
            **{name: Count("pk", filter=_has_reason(code)) for name, code in unbitted.items()},
        )
    )
    total, counts = 0, dict.fromkeys(ALL_CODES, 0)
    for group in groups:
        n, flags = group["n"], group["reason_flags"] or 0
        total += n
        for code, bit in bits.items():
            if flags & bit:
                counts[code] += n
        for name, code in unbitted.items():
            counts[code] += group[name]
    return total, counts


ACTIONS = [
    ("mark_reviewed", _("Mark the selected meetings reviewed")),
    ("merge_meetings", _("Merge the selected meetings into one")),
    ("merge_people", _("Merge duplicate people of the selected meetings")),
]
MERGE_ACTION = "merge_selected_meetings"  # what the merge's confirmation page posts back


class QueueActionForm(forms.Form):
    """A bulk action on the meetings ticked in the queue."""

    action = forms.ChoiceField(label=_("Action"), choices=ACTIONS)
    meetings = forms.ModelMultipleChoiceField(
        queryset=Meeting.objects.filter(needs_review=True), widget=forms.MultipleHiddenInput
    )

    def offer(self, allowed: set[str]) -> QueueActionForm:
        """Show only the actions the editor may take (the others are still refused if
        posted: each checks the rights it needs)."""
        self.fields["action"].widget.choices = [c for c in ACTIONS if c[0] in allowed]
        return self


class MergeAnswerForm(forms.Form):
    """The merge's confirmation page, answered: the meetings it was asked about."""

    _selected_action = forms.ModelMultipleChoiceField(queryset=Meeting.objects.all())


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


def _bulk_action(modeladmin, request):
    """Run the chosen bulk action on the ticked meetings; back to the queue afterwards."""
    back = HttpResponseRedirect(request.get_full_path())
    if request.POST.get("action") == MERGE_ACTION:
        answer = MergeAnswerForm(request.POST)
        if not answer.is_valid():
            message = _("Select at least two meetings to merge.")
            modeladmin.message_user(request, message, messages.ERROR)
            return back
        chosen = Meeting.objects.filter(
            pk__in=[m.pk for m in answer.cleaned_data["_selected_action"]]
        )
        return modeladmin.merge_meetings(request, chosen) or back
    form = QueueActionForm(request.POST)
    if not form.is_valid():
        modeladmin.message_user(
            request, _("Choose an action and at least one meeting."), messages.ERROR
        )
        return back
    meetings = list(form.cleaned_data["meetings"])
    action = form.cleaned_data["action"]
    if action == "mark_reviewed":
        _mark_selected_reviewed(modeladmin, request, meetings)
    elif action == "merge_meetings":
        chosen = Meeting.objects.filter(pk__in=[m.pk for m in meetings])
        return modeladmin.merge_meetings(request, chosen) or back
    else:
        return _merge_people_of(modeladmin, request, meetings)
    return back


def _page_rows(ordered, page) -> list[QueueRow]:
    """The page's meetings with their participants, as plain rows. The page's ids are found
    first, from the queue's index alone (a deep page skips thousands of entries there, not
    thousands of rows), then only those rows are read: one query, and one for their people."""
    if not page.paginator.count:  # (not `if page`, which would read the page's rows)
        return []
    ids = ordered.values("pk")[page.start_index() - 1 : page.end_index()]
    return queue_rows(Meeting.objects.filter(pk__in=ids).order_by(*QUEUE_ORDER))


def queue_view(modeladmin, request):
    """The review queue page, and its bulk actions (POST)."""
    if not modeladmin.has_view_permission(request):
        raise PermissionDenied
    if request.method == "POST":
        return _bulk_action(modeladmin, request)

    filterset = ReviewFilter(request.GET, queryset=queue())
    _total_all, per_reason = reason_counts(filterset.without_reason())
    reason = filterset.form.cleaned_data.get("reason") if filterset.is_valid() else None
    total = per_reason[reason] if reason else _total_all
    paginator = Paginator(filterset.qs, PAGE_SIZE)
    paginator.count = total  # known from the aggregate: no second count query
    page = paginator.get_page(request.GET.get("page"))
    meetings = _page_rows(filterset.qs, page)
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
    can_change = modeladmin.has_change_permission(request)
    allowed = {
        "mark_reviewed": can_change,
        "merge_meetings": modeladmin.has_merge_permission(request),
        "merge_people": _can_merge_people(modeladmin, request),
    }
    allowed = {action for action, ok in allowed.items() if ok}
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
        "can_change": can_change,
        "action_form": QueueActionForm().offer(allowed),
    }
    return TemplateResponse(request, "admin/meetings/meeting/review_queue.html", context)


def _can_merge_people(modeladmin, request) -> bool:
    person_admin = modeladmin.admin_site._registry.get(
        Participation._meta.get_field("person").related_model
    )
    return bool(person_admin and person_admin.has_merge_permission(request))
