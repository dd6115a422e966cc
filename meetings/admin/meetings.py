"""Admin for meetings, with their participants, statements and agreement mentions inline."""

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.urls import path
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from meetings.admin import review_page, review_queue
from meetings.admin.history import HistoryAdmin
from meetings.admin.locking import (
    EditorLockMixin,
    LockedFieldsFilter,
    ProvenanceInlineMixin,
)
from meetings.extraction.reasons import labels
from meetings.models import (
    AgreementMention,
    Meeting,
    MeetingReport,
    Participation,
    Statement,
)


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


@admin.register(Meeting)
class MeetingAdmin(EditorLockMixin, HistoryAdmin):
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
