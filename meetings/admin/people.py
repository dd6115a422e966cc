"""Admin for people, with the action that merges duplicates."""

from django.contrib import admin
from django.db.models import Count
from django.utils.text import get_text_list
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from meetings.admin.history import HistoryAdmin
from meetings.admin.locking import EditorLockMixin, LockedFieldsFilter, ReindexMixin
from meetings.admin.merge_action import Merge, MergeRightsMixin, merge_selected
from meetings.merging import add_alias, merge_people
from meetings.models import Participation, Person, PersonAlias, Statement
from meetings.models.base import related_count
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


def _merged(survivor: Person, others: list[Person], moved: dict[str, int]) -> str:
    return ngettext(
        "Merged %(n)d person into %(name)s (%(p)d participations, %(s)d statements).",
        "Merged %(n)d people into %(name)s (%(p)d participations, %(s)d statements).",
        len(others),
    ) % {
        "n": len(others),
        "name": survivor.name,
        "p": moved["participations"],
        "s": moved["statements"],
    }


PEOPLE_MERGE = Merge(
    action="merge_selected_people",
    title=_("Merge people"),
    too_few=_("Select at least two people to merge."),
    template="admin/meetings/person/merge.html",
    order=lambda rows: rows.annotate(n_meetings=Count("participations")).order_by(
        "-n_meetings", "pk"
    ),
    merge=merge_people,
    log_message=_merge_message,
    done_message=_merged,
    reindex=lambda survivor: reindex_people([survivor.pk]),
)


@admin.action(permissions=["merge"], description=_("Merge the selected people into one"))
def merge_selected_people(modeladmin, request, queryset):
    """Ask which person to keep, then merge the others into it."""
    return merge_selected(modeladmin, request, queryset, PEOPLE_MERGE)


@admin.register(Person)
class PersonAdmin(MergeRightsMixin, EditorLockMixin, HistoryAdmin):
    list_display = ("name", "country", "n_meetings", "n_statements")
    list_filter = ("country", LockedFieldsFilter)
    search_fields = ("name", "name_key", "aliases__name", "aliases__key")
    readonly_fields = ("name_key", "created_at", "updated_at")
    autocomplete_fields = ("country",)
    inlines = [PersonAliasInline]
    actions = [merge_selected_people]

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
                n_meetings=related_count(Participation.objects, "person", "meeting"),
                n_statements=related_count(Statement.objects, "speaker"),
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
