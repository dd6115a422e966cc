"""Admin for agreements and countries."""

from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from meetings.admin.history import HistoryAdmin
from meetings.admin.locking import EditorLockMixin, LockedFieldsFilter, ReindexMixin
from meetings.models import Agreement, AgreementAlias, AgreementMention, Country, DeletedImport


class AgreementAliasInline(admin.TabularInline):
    model = AgreementAlias
    extra = 1
    fields = ("name",)


@admin.register(Agreement)
class AgreementAdmin(EditorLockMixin, HistoryAdmin):
    list_display = ("name", "status", "signed_date", "signed_date_precision", "n_mentions")
    list_filter = ("status", "parties", LockedFieldsFilter)
    search_fields = ("name", "name_key", "aliases__name", "aliases__key")
    filter_horizontal = ("parties",)
    readonly_fields = ("name_key", "created_at", "updated_at")
    inlines = [AgreementAliasInline]

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
