"""Admin for agreements and countries."""

from django.contrib import admin
from django.db.models import Count
from django.utils.text import get_text_list
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from meetings.admin.history import HistoryAdmin
from meetings.admin.locking import EditorLockMixin, LockedFieldsFilter, ReindexMixin
from meetings.admin.merge_action import Merge, MergeRightsMixin, merge_selected
from meetings.merging_agreements import merge_agreements
from meetings.models import Agreement, AgreementAlias, AgreementMention, Country, DeletedImport
from meetings.search import meetings_showing, reindex_meetings


class AgreementAliasInline(admin.TabularInline):
    model = AgreementAlias
    extra = 1
    fields = ("name",)


def _merge_message(others: list[Agreement], moved: dict[str, int]) -> str:
    """The survivor's history line: which agreements were merged in, and what moved."""
    names = get_text_list([f"{a.name} (#{a.pk})" for a in others], _("and"))
    return gettext("Merged in %(names)s: %(mentions)d mentions moved, %(aliases)d aliases.") % {
        "names": names,
        **moved,
    }


def _merged(survivor: Agreement, others: list[Agreement], moved: dict[str, int]) -> str:
    return ngettext(
        "Merged %(n)d agreement into %(name)s (%(m)d mentions).",
        "Merged %(n)d agreements into %(name)s (%(m)d mentions).",
        len(others),
    ) % {"n": len(others), "name": survivor.name, "m": moved["mentions"]}


AGREEMENTS_MERGE = Merge(
    action="merge_selected_agreements",
    title=_("Merge agreements"),
    too_few=_("Select at least two agreements to merge."),
    template="admin/meetings/agreement/merge.html",
    order=lambda rows: rows.annotate(n_mentions=Count("mentions")).order_by("-n_mentions", "pk"),
    merge=merge_agreements,
    log_message=_merge_message,
    done_message=_merged,
    reindex=lambda survivor: reindex_meetings(meetings_showing(survivor)),
)


@admin.action(permissions=["merge"], description=_("Merge the selected agreements into one"))
def merge_selected_agreements(modeladmin, request, queryset):
    """Ask which agreement to keep, then merge the others into it (as people are merged)."""
    return merge_selected(modeladmin, request, queryset, AGREEMENTS_MERGE)


@admin.register(Agreement)
class AgreementAdmin(MergeRightsMixin, EditorLockMixin, HistoryAdmin):
    list_display = ("name", "status", "signed_date", "signed_date_precision", "n_mentions")
    list_filter = ("status", "parties", LockedFieldsFilter)
    search_fields = ("name", "name_key", "aliases__name", "aliases__key")
    filter_horizontal = ("parties",)
    readonly_fields = ("name_key", "created_at", "updated_at")
    inlines = [AgreementAliasInline]
    actions = [merge_selected_agreements]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_mentions=Count("mentions"))

    @admin.display(description=_("mentions"), ordering="n_mentions")
    def n_mentions(self, obj):
        return obj.n_mentions


@admin.register(AgreementMention)
class AgreementMentionAdmin(EditorLockMixin, HistoryAdmin):
    list_display = ("text", "agreement", "meeting")
    search_fields = ("text", "agreement__name")
    autocomplete_fields = ("agreement", "meeting")
    raw_id_fields = ("statement",)
    readonly_fields = ("article", "span_start", "span_end", "import_key")


@admin.register(AgreementAlias)
class AgreementAliasAdmin(ReindexMixin, HistoryAdmin):
    list_display = ("name", "agreement")
    search_fields = ("name", "key", "agreement__name")
    autocomplete_fields = ("agreement",)
    readonly_fields = ("key",)


@admin.register(Country)
class CountryAdmin(ReindexMixin, HistoryAdmin):
    list_display = ("name_tr", "name_en", "iso_code", "adjective", "demonym")
    search_fields = ("name_tr", "name_en", "iso_code", "adjective", "demonym")
    prepopulated_fields = {"slug": ("name_en",)}


@admin.register(DeletedImport)
class DeletedImportAdmin(admin.ModelAdmin):
    list_display = ("model", "description", "deleted_at")
    list_filter = ("model",)
    search_fields = ("description", "import_key")
    readonly_fields = ("import_key", "model", "description", "deleted_at")

    def has_add_permission(self, request):
        return False
