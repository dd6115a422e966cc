"""The review page: a meeting's source text with every extracted span highlighted, beside the
record, where an editor fixes roles, names, the date, the place and speakers and marks the
meeting reviewed.

Every person and country box is the admin's autocomplete, told the labels of the values it
shows, so the page runs the same queries however many participants the meeting has.
"""

from __future__ import annotations

from django import forms
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.forms.models import inlineformset_factory
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from meetings.admin.locking import lock_changed_fields
from meetings.admin.review_queue import REVIEWED_MESSAGE, mark_reviewed
from meetings.models import (
    AgreementMention,
    Article,
    Meeting,
    Participation,
    PersonMention,
    Statement,
)
from meetings.search import reindex_meetings
from meetings.templatetags.source_text import annotate, record_spans


class KnownAutocompleteSelect(AutocompleteSelect):
    """The admin's autocomplete box, labelled from rows the page already loaded (no query)."""

    def __init__(self, *args, known=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.known = known if known is not None else {}

    def optgroups(self, name, value, attr=None):
        selected = [str(v) for v in value if str(v) not in ("", "None")]
        if any(v not in self.known for v in selected):
            return super().optgroups(name, value, attr)
        options = [] if self.is_required else [self.create_option(name, "", "", False, 0)]
        for v in selected:
            options.append(self.create_option(name, v, self.known[v], True, len(options)))
        return [(None, options, 0)]


def _use_autocomplete(form, name, admin_site, known):
    """Give form's foreign-key field name the admin's autocomplete box."""
    field = form.fields[name]
    widget = KnownAutocompleteSelect(
        form._meta.model._meta.get_field(name), admin_site, known=known
    )
    widget.choices = field.choices
    widget.is_required = field.required
    field.widget = widget


class MeetingReviewForm(forms.ModelForm):
    """The meeting's own fields an editor checks."""

    class Meta:
        model = Meeting
        fields = ("title", "kind", "date", "date_precision", "location", "country")
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}


ParticipationFormSet = inlineformset_factory(
    Meeting,
    Participation,
    fields=("role", "raw_name", "person", "title"),
    extra=1,
    can_delete=False,
)
StatementFormSet = inlineformset_factory(
    Meeting, Statement, fields=("speaker_name", "speaker"), extra=0, can_delete=False
)


# On the review page a span leads to the record's row in the form beside the text.
_REVIEW_LINKS = {"mention": "#people", "agreement": "#agreements"}


def _review_link(kind: str, row) -> str:
    return f"#participant-{row.pk}" if kind == "person" else _REVIEW_LINKS[kind]


def _bind(request, meeting, admin_site):
    """The meeting form and its two formsets, bound on POST, with known autocomplete labels."""
    data = request.POST if request.method == "POST" else None
    participations = ParticipationFormSet(
        data,
        instance=meeting,
        prefix="participants",
        queryset=Participation.objects.select_related("person").order_by("role", "id"),
    )
    statements = StatementFormSet(
        data,
        instance=meeting,
        prefix="statements",
        queryset=Statement.objects.select_related("speaker").order_by("order", "id"),
    )
    people = {}
    for p in participations.get_queryset():
        if p.person:
            people[str(p.person_id)] = str(p.person)
    for s in statements.get_queryset():
        if s.speaker:
            people[str(s.speaker_id)] = str(s.speaker)
    for formset, field in ((participations, "person"), (statements, "speaker")):
        for form in formset.forms:
            _use_autocomplete(form, field, admin_site, people)
    form = MeetingReviewForm(data, instance=meeting, prefix="meeting")
    countries = {str(meeting.country_id): str(meeting.country)} if meeting.country else {}
    _use_autocomplete(form, "country", admin_site, countries)
    return form, participations, statements


def _save(modeladmin, request, form, formsets, reviewed):
    """Save what the editor changed, lock it, log it; mark reviewed if asked."""
    with transaction.atomic():
        meeting = form.save(commit=False)
        lock_changed_fields(meeting)
        meeting.save()
        for formset in formsets:
            for obj in formset.save(commit=False):
                lock_changed_fields(obj)
                obj.save()
        message = modeladmin.construct_change_message(request, form, formsets, add=False)
        if message:
            modeladmin.log_change(request, meeting, message)
        if reviewed:
            mark_reviewed(meeting)
            modeladmin.log_change(request, meeting, str(REVIEWED_MESSAGE))
    reindex_meetings([meeting.pk])
    return meeting


def review_view(modeladmin, request, object_id):
    """One meeting's review page (GET), saving and marking reviewed (POST)."""
    meeting = (
        Meeting.objects.select_related("country").filter(pk=object_id).first()
        if str(object_id).isdigit()
        else None
    )
    if not modeladmin.has_view_permission(request, meeting):
        raise PermissionDenied
    if meeting is None:
        raise Http404(gettext("No meeting with that id."))
    can_change = modeladmin.has_change_permission(request, meeting)
    if request.method == "POST" and not can_change:
        raise PermissionDenied
    form, participations, statements = _bind(request, meeting, modeladmin.admin_site)
    if request.method == "POST":
        formsets = [participations, statements]
        if form.is_valid() and all(f.is_valid() for f in formsets):
            reviewed = "_reviewed" in request.POST
            _save(modeladmin, request, form, formsets, reviewed)
            if reviewed:
                modeladmin.message_user(
                    request, gettext("“%(title)s” reviewed.") % {"title": meeting.title}
                )
                return HttpResponseRedirect(reverse("admin:meetings_meeting_review_queue"))
            modeladmin.message_user(request, gettext("Saved; the fields you changed are locked."))
            return HttpResponseRedirect(request.path)
    articles = list(Article.objects.filter(reports__meeting=meeting).order_by("pk"))
    participation_rows = list(participations.get_queryset())
    statement_rows = list(statements.get_queryset())
    agreement_mentions = list(
        AgreementMention.objects.filter(meeting=meeting)
        .select_related("agreement")
        .order_by("span_start", "id")
    )
    person_mentions = list(
        PersonMention.objects.filter(article__in=articles, person__isnull=False)
        .select_related("person")
        .order_by("span_start", "id")
    )
    spans = record_spans(
        participation_rows, person_mentions, agreement_mentions, statement_rows, _review_link
    )
    if not can_change:
        for f in [form, *participations.forms, *statements.forms]:
            for field in f.fields.values():
                field.disabled = True
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": _("Review: %(title)s") % {"title": meeting.title},
        "opts": modeladmin.model._meta,
        "original": meeting,
        "meeting": meeting,
        "form": form,
        "participations": participations,
        "statements": statements,
        "statement_rows": statement_rows,
        "agreement_mentions": agreement_mentions,
        "sources": [(a, annotate(a.text, spans[a.pk])) for a in articles],
        "can_change": can_change,
        "media": modeladmin.media + form.media + participations.media,
    }
    return TemplateResponse(request, "admin/meetings/meeting/review.html", context)
