"""Admin for people, with the action that merges duplicates."""

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
from meetings.merging import add_alias, merge_people
from meetings.models import Person, PersonAlias
from meetings.search import reindex_people


class PersonAliasInline(admin.TabularInline):
    model = PersonAlias
    extra = 1
    fields = ("name",)


def _merge_message(others: list[Person], moved: dict[str, int]) -> str:
    """The survivor's history line: who was merged in, and what moved with them."""
    names = get_text_list([f"{p.name} (#{p.pk})" for p in others], _("and"))
    return gettext(
        "Merged in %(names)s: %(participations)d participations and %(statements)d statements "
        "moved, %(aliases)d new aliases."
    ) % {"names": names, **moved}


class MergeForm(forms.Form):
    """Which of the selected people the others are merged into."""

    survivor = forms.ModelChoiceField(
        queryset=Person.objects.none(), widget=forms.RadioSelect, label=_("Keep")
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["survivor"].queryset = people


@admin.action(permissions=["merge"], description=_("Merge the selected people into one"))
def merge_selected_people(modeladmin, request, queryset):
    """Ask which person to keep, then merge the others into it."""
    # Django already leaves the merge off the action list of users without the rights. The
    # action checks again, before it shows or applies anything, so a change to that list
    # (or another admin reusing the action) cannot open the hole again.
    if not modeladmin.has_merge_permission(request):
        raise PermissionDenied
    people = queryset.annotate(n_meetings=Count("participations")).order_by("-n_meetings", "pk")
    if people.count() < 2:
        modeladmin.message_user(request, _("Select at least two people to merge."), messages.ERROR)
        return None
    if "apply" in request.POST:
        form = MergeForm(request.POST, people=people)
        if form.is_valid():
            survivor = form.cleaned_data["survivor"]
            others = [p for p in people if p.pk != survivor.pk]
            if not modeladmin.has_change_permission(request, survivor) or not all(
                modeladmin.has_delete_permission(request, p) for p in others
            ):
                raise PermissionDenied
            with transaction.atomic():
                # Logged before the merge, while the merged people still have their ids.
                modeladmin.log_deletions(request, others)
                moved = merge_people(survivor, others)
                modeladmin.log_change(request, survivor, _merge_message(others, moved))
            reindex_people([survivor.pk])
            modeladmin.message_user(
                request,
                ngettext(
                    "Merged %(n)d person into %(name)s (%(p)d participations, %(s)d statements).",
                    "Merged %(n)d people into %(name)s (%(p)d participations, %(s)d statements).",
                    len(others),
                )
                % {
                    "n": len(others),
                    "name": survivor.name,
                    "p": moved["participations"],
                    "s": moved["statements"],
                },
                messages.SUCCESS,
            )
            return None
    else:
        form = MergeForm(people=people, initial={"survivor": people.first()})
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": _("Merge people"),
        "people": people,
        "form": form,
        "opts": modeladmin.model._meta,
        "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
    }
    return TemplateResponse(request, "admin/meetings/person/merge.html", context)


@admin.register(Person)
class PersonAdmin(EditorLockMixin, HistoryAdmin):
    list_display = ("name", "country", "n_meetings", "n_statements")
    list_filter = ("country", LockedFieldsFilter)
    search_fields = ("name", "name_key", "aliases__name", "aliases__key")
    readonly_fields = ("name_key", "created_at", "updated_at")
    autocomplete_fields = ("country",)
    inlines = [PersonAliasInline]
    actions = [merge_selected_people]

    def has_merge_permission(self, request, obj=None):
        """Merging changes the person kept and deletes the others, so it needs both rights.

        Django offers an action when any one of its permissions holds; one name that
        checks both keeps a user who may only change people from deleting them by merging.
        """
        return self.has_change_permission(request, obj) and self.has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        old_name = Person.objects.filter(pk=obj.pk).values_list("name", flat=True).first()
        super().save_model(request, obj, form, change)
        if old_name and old_name != obj.name:
            # The old spelling keeps resolving to this person on the next import.
            add_alias(obj, old_name)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("country")
            .annotate(
                n_meetings=Count("participations__meeting", distinct=True),
                n_statements=Count("statements", distinct=True),
            )
        )

    @admin.display(description=_("meetings"), ordering="n_meetings")
    def n_meetings(self, obj):
        return obj.n_meetings

    @admin.display(description=_("statements"), ordering="n_statements")
    def n_statements(self, obj):
        return obj.n_statements


@admin.register(PersonAlias)
class PersonAliasAdmin(ReindexMixin, HistoryAdmin):
    list_display = ("name", "person")
    search_fields = ("name", "key", "person__name")
    autocomplete_fields = ("person",)
    readonly_fields = ("key",)
