"""Admin for meetings, with their participants, statements and agreement mentions inline."""

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.db.models import Count
from django.urls import path
from django.utils.html import format_html, format_html_join
from django.utils.text import get_text_list
from django.utils.translation import get_language, gettext, ngettext
from django.utils.translation import gettext_lazy as _

from meetings.admin import review_page, review_queue
from meetings.admin.history import HistoryAdmin
from meetings.admin.locking import (
    EditorLockMixin,
    LockedFieldsFilter,
    ProvenanceInlineMixin,
)
from meetings.admin.merge_action import Merge, MergeRightsMixin, merge_selected
from meetings.extraction.reasons import labels
from meetings.merging_meetings import merge_meetings
from meetings.models import (
    AgreementMention,
    Meeting,
    MeetingReport,
    Participation,
    Statement,
)
from meetings.search import reindex_meetings
from meetings.templatetags.partial_dates import partial_date


class CompactInlineMixin:
    """Inline rows one line high: no add, change, delete and view icons under each select."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        widget = getattr(formfield, "widget", None)
        if isinstance(widget, RelatedFieldWidgetWrapper):
            widget.can_add_related = widget.can_change_related = False
            widget.can_delete_related = widget.can_view_related = False
        return formfield


class SourceColumnMixin:
    """A row's source as a short reference (article number and offsets), not the article's
    title: the title is the article's first sentence and made every row ~300 px tall."""

    @admin.display(description=_("source"))
    def source(self, obj):
        if obj is None or obj.article_id is None:
            return "–"
        spans = getattr(obj, "spans", None) or ([obj.span] if obj.span else [])
        every = ", ".join(f"{start}–{end}" for start, end in spans)
        first = f" · {spans[0][0]}–{spans[0][1]}" if spans else ""
        more = f" +{len(spans) - 1}" if len(spans) > 1 else ""
        return format_html(
            '<span class="source-ref" title="{}">#{}{}{}</span>', every, obj.article_id, first, more
        )


class ParticipationInline(
    CompactInlineMixin, SourceColumnMixin, ProvenanceInlineMixin, admin.TabularInline
):
    model = Participation
    extra = 0
    fields = ("person", "raw_name", "role", "title", "source")
    provenance_fields = ("source",)
    autocomplete_fields = ("person",)


class StatementInline(
    CompactInlineMixin, SourceColumnMixin, ProvenanceInlineMixin, admin.TabularInline
):
    model = Statement
    extra = 0
    fields = ("order", "speaker", "speaker_name", "direct", "text", "source")
    provenance_fields = ("source",)
    autocomplete_fields = ("speaker",)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "text":
            kwargs["widget"] = forms.Textarea(attrs={"rows": 2, "cols": 40})
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class AgreementMentionInline(
    CompactInlineMixin, SourceColumnMixin, ProvenanceInlineMixin, admin.TabularInline
):
    model = AgreementMention
    extra = 0
    fields = ("agreement", "text", "statement", "source")
    provenance_fields = ("source",)
    autocomplete_fields = ("agreement",)
    raw_id_fields = ("statement",)


class MeetingReportInline(admin.TabularInline):
    model = MeetingReport
    extra = 0
    fields = ("article", "index")
    readonly_fields = ("article", "index")
    can_delete = False
    verbose_name_plural = _("source articles")

    def has_add_permission(self, request, obj=None):
        return False


def _merge_message(others: list[Meeting], moved: dict[str, int]) -> str:
    """The survivor's history line: which meetings were merged in, and what moved."""
    names = get_text_list([f"{m.title} (#{m.pk}, {m.slug})" for m in others], _("and"))
    return gettext(
        "Merged in %(names)s: %(reports)d source reports, %(participations)d participants, "
        "%(statements)d statements and %(mentions)d agreement mentions moved; %(duplicates)d "
        "duplicate participants dropped."
    ) % {"names": names, **moved}


def _merged(survivor: Meeting, others: list[Meeting], moved: dict[str, int]) -> str:
    return ngettext(
        "Merged %(n)d meeting into %(title)s (%(r)d source reports moved).",
        "Merged %(n)d meetings into %(title)s (%(r)d source reports moved).",
        len(others),
    ) % {"n": len(others), "title": survivor.title, "r": moved["reports"]}


def _choice_label(meeting: Meeting) -> str:
    """A meeting as the merge page offers it: enough to tell two records of one event apart."""
    place = f" · {meeting.location}" if meeting.location else ""
    return gettext(
        "%(title)s · %(date)s%(place)s · %(reports)d sources, %(people)d participants, "
        "%(statements)d statements (#%(pk)d)"
    ) % {
        "title": meeting.title,
        "date": partial_date(meeting.date, meeting.date_precision),
        "place": place,
        "reports": meeting.n_reports,
        "people": meeting.n_people,
        "statements": meeting.n_statements,
        "pk": meeting.pk,
    }


MEETINGS_MERGE = Merge(
    action="merge_selected_meetings",
    title=_("Merge meetings"),
    too_few=_("Select at least two meetings to merge."),
    template="admin/meetings/meeting/merge.html",
    # The best-sourced record first: the one most likely kept.
    order=lambda rows: rows.annotate(
        n_reports=Count("reports", distinct=True),
        n_people=Count("participations", distinct=True),
        n_statements=Count("statements", distinct=True),
    ).order_by("-n_reports", "-n_statements", "pk"),
    merge=merge_meetings,
    log_message=_merge_message,
    done_message=_merged,
    # The merged meetings' documents went with them; the survivor's now show it all.
    reindex=lambda survivor: reindex_meetings([survivor.pk]),
    label=_choice_label,
)


@admin.action(permissions=["merge"], description=_("Merge the selected meetings into one"))
def merge_selected_meetings(modeladmin, request, queryset):
    """Ask which meeting to keep, then merge the others into it (meetings/merging_meetings.py)."""
    return merge_selected(modeladmin, request, queryset, MEETINGS_MERGE)


@admin.register(Meeting)
class MeetingAdmin(MergeRightsMixin, EditorLockMixin, HistoryAdmin):
    list_display = (
        "title",
        "date",
        "date_precision",
        "location",
        "country",
        "kind",
        "needs_review",
        "review_labels",
    )
    list_filter = (
        ("date", admin.DateFieldListFilter),
        "date_precision",
        ("country", admin.RelatedOnlyFieldListFilter),
        "kind",
        "needs_review",
        LockedFieldsFilter,
    )
    search_fields = (
        "title",
        "location",
        "participations__raw_name",
        "participations__person__name",
        "participations__person__aliases__name",
    )
    date_hierarchy = "date"
    autocomplete_fields = ("country",)
    change_list_template = "admin/meetings/meeting/change_list.html"
    readonly_fields = ("created_at", "updated_at", "review_labels")
    inlines = [ParticipationInline, StatementInline, AgreementMentionInline, MeetingReportInline]
    actions = [merge_selected_meetings]
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "title",
                    "slug",
                    "kind",
                    ("date", "date_precision"),
                    ("location", "country"),
                )
            },
        ),
        (_("Review"), {"fields": ("needs_review", "review_labels", "review_reasons")}),
        (
            _("Editing"),
            {"fields": ("locked_fields", "created_at", "updated_at"), "classes": ("collapse",)},
        ),
    )

    class Media:
        css = {"all": ("css/admin-review.css",)}

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("review/", view(self.review_queue_view), name="meetings_meeting_review_queue"),
            path(
                "<path:object_id>/review/", view(self.review_view), name="meetings_meeting_review"
            ),
            *super().get_urls(),
        ]

    def review_queue_view(self, request):
        """The review queue (meetings/admin/review_queue.py)."""
        return review_queue.queue_view(self, request)

    def review_view(self, request, object_id):
        """One meeting's review page (meetings/admin/review_page.py)."""
        return review_page.review_view(self, request, object_id)

    def merge_meetings(self, request, queryset):
        """The merge, from the review queue's bulk actions as from the list's."""
        return merge_selected_meetings(self, request, queryset)

    def get_search_results(self, request, queryset, search_term):
        queryset, _dupes = super().get_search_results(request, queryset, search_term)
        # Joining through participants can repeat a meeting; distinct keeps one row each.
        return queryset, True

    def get_form(self, request, obj=None, **kwargs):
        # The codes as stored, under the labels review_labels shows.
        kwargs["labels"] = {**(kwargs.get("labels") or {}), "review_reasons": _("reason codes")}
        return super().get_form(request, obj, **kwargs)

    @admin.display(description=_("review reasons"))
    def review_labels(self, obj):
        """The stored reason codes as labels in the editor's language, one per line."""
        return format_html_join(
            "", "<div>{}</div>", ((text,) for text in labels(obj.review_reasons, get_language()))
        )


@admin.register(Statement)
class StatementAdmin(EditorLockMixin, HistoryAdmin):
    list_display = ("short_text", "speaker_name", "speaker", "direct", "meeting")
    list_filter = ("direct", LockedFieldsFilter)
    search_fields = ("text", "speaker_name", "speaker__name", "speaker__aliases__name")
    autocomplete_fields = ("speaker", "meeting")
    list_select_related = ("speaker", "meeting")
    readonly_fields = ("article", "span_start", "span_end", "import_key", "source_excerpt")

    @admin.display(description=_("text"))
    def short_text(self, obj):
        return obj.text[:80]

    @admin.display(description=_("source text at the span"))
    def source_excerpt(self, obj):
        return obj.source_excerpt()


@admin.register(Participation)
class ParticipationAdmin(EditorLockMixin, HistoryAdmin):
    list_display = ("raw_name", "person", "role", "title", "meeting")
    list_filter = ("role", LockedFieldsFilter)
    search_fields = ("raw_name", "title", "person__name")
    autocomplete_fields = ("person", "meeting")
    list_select_related = ("person", "meeting")
    readonly_fields = ("article", "spans", "import_key")
