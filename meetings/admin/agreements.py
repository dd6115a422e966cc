"""Admin for agreements and countries."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count
from django.template.response import TemplateResponse
from django.utils.text import get_text_list
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from meetings.admin.history import HistoryAdmin
from meetings.admin.locking import EditorLockMixin, LockedFieldsFilter, ReindexMixin
from meetings.merging_agreements import merge_agreements
from meetings.models import Agreement, AgreementAlias, AgreementMention, Country, DeletedImport
from meetings.search import meetings_showing, reindex_meetings


class AgreementAliasInline(admin.TabularInline):
    model = AgreementAlias
    extra = 1
    fields = ("name",)


class AgreementMergeForm(forms.Form):
    """Which of the selected agreements the others are merged into."""

    survivor = forms.ModelChoiceField(
        queryset=Agreement.objects.none(), widget=forms.RadioSelect, label=_("Keep")
    )

    def __init__(self, *args, agreements, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["survivor"].queryset = agreements


@admin.action(permissions=["merge"], description=_("Merge the selected agreements into one"))
def merge_selected_agreements(modeladmin, request, queryset):
    """Ask which agreement to keep, then merge the others into it (as people are merged)."""
    # Checked here too, not only by Django's list of offered actions: see the people merge.
    if not modeladmin.has_merge_permission(request):
        raise PermissionDenied
    agreements = queryset.annotate(n_mentions=Count("mentions")).order_by("-n_mentions", "pk")
    if agreements.count() < 2:
        modeladmin.message_user(
            request, _("Select at least two agreements to merge."), messages.ERROR
        )
        return None
    if "apply" in request.POST:
        form = AgreementMergeForm(request.POST, agreements=agreements)
        if form.is_valid():
            survivor = form.cleaned_data["survivor"]
            others = [a for a in agreements if a.pk != survivor.pk]
            if not modeladmin.has_change_permission(request, survivor) or not all(
                modeladmin.has_delete_permission(request, a) for a in others
            ):
                raise PermissionDenied
            with transaction.atomic():
                modeladmin.log_deletions(request, others)
                moved = merge_agreements(survivor, others)
                names = get_text_list([f"{a.name} (#{a.pk})" for a in others], _("and"))
                modeladmin.log_change(
                    request,
                    survivor,
                    gettext(
                        "Merged in %(names)s: %(mentions)d mentions moved, %(aliases)d aliases."
                    )
                    % {"names": names, **moved},
                )
            reindex_meetings(meetings_showing(survivor))
            modeladmin.message_user(
                request,
                ngettext(
                    "Merged %(n)d agreement into %(name)s (%(m)d mentions).",
                    "Merged %(n)d agreements into %(name)s (%(m)d mentions).",
                    len(others),
                )
                % {"n": len(others), "name": survivor.name, "m": moved["mentions"]},
                messages.SUCCESS,
            )
            return None
    else:
        form = AgreementMergeForm(agreements=agreements, initial={"survivor": agreements.first()})
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": _("Merge agreements"),
        "agreements": agreements,
        "form": form,
        "opts": modeladmin.model._meta,
        "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
    }
    return TemplateResponse(request, "admin/meetings/agreement/merge.html", context)


@admin.register(Agreement)
class AgreementAdmin(EditorLockMixin, HistoryAdmin):
    list_display = ("name", "status", "signed_date", "signed_date_precision", "n_mentions")
    list_filter = ("status", "parties", LockedFieldsFilter)
    search_fields = ("name", "name_key", "aliases__name", "aliases__key")
    filter_horizontal = ("parties",)
    readonly_fields = ("name_key", "created_at", "updated_at")
    inlines = [AgreementAliasInline]
    actions = [merge_selected_agreements]

    def has_merge_permission(self, request, obj=None):
        """Merging changes the agreement kept and deletes the others: it needs both rights."""
        return self.has_change_permission(request, obj) and self.has_delete_permission(request, obj)

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
