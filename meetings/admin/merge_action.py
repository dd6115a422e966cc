"""The admin's merge actions: pick the record to keep, check the rights again, merge, log.

People, agreements and meetings are merged the same way; a ``Merge`` says only what differs
between them (how the choice is ordered and labelled, what moves, what is logged and said,
what is reindexed).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Merge:
    """What a merge of one kind of record does, beside what every merge does."""

    action: str  # the action's name, which the confirmation form posts back
    title: str
    too_few: str
    template: str
    order: Callable[[models.QuerySet], models.QuerySet]
    merge: Callable[[models.Model, list], dict[str, int]]
    log_message: Callable[[list, dict[str, int]], str]
    done_message: Callable[[models.Model, list, dict[str, int]], str]
    reindex: Callable[[models.Model], None]
    # How each record reads on the confirmation page (default: its str()), where the name
    # alone cannot tell two records apart (two meetings of the same people).
    label: Callable[[models.Model], str] | None = None


class SurvivorForm(forms.Form):
    """Which of the selected records the others are merged into."""

    survivor = forms.ModelChoiceField(queryset=None, widget=forms.RadioSelect, label=_("Keep"))

    def __init__(self, *args, rows: models.QuerySet, label=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["survivor"].queryset = rows
        if label is not None:
            self.fields["survivor"].label_from_instance = label


class MergeRightsMixin:
    """A ModelAdmin whose merge action needs the right to change and to delete."""

    def has_merge_permission(self, request, obj=None) -> bool:
        """Merging changes the record kept and deletes the others, so it needs both rights.

        Django offers an action when any one of its permissions holds; one name that
        checks both keeps a user who may only change records from deleting them by merging.
        """
        return self.has_change_permission(request, obj) and self.has_delete_permission(request, obj)


def merge_selected(modeladmin, request, queryset, merge: Merge):
    """Ask which record to keep, then merge the others into it, logged."""
    # Django already leaves the merge off the action list of users without the rights. The
    # action checks again, before it shows or applies anything, so a change to that list
    # (or another admin reusing the action) cannot open the hole again.
    if not modeladmin.has_merge_permission(request):
        raise PermissionDenied
    rows = merge.order(queryset)
    if rows.count() < 2:
        modeladmin.message_user(request, merge.too_few, messages.ERROR)
        return None
    if "apply" in request.POST:
        form = SurvivorForm(request.POST, rows=rows, label=merge.label)
        if form.is_valid():
            survivor = form.cleaned_data["survivor"]
            others = [r for r in rows if r.pk != survivor.pk]
            if not modeladmin.has_change_permission(request, survivor) or not all(
                modeladmin.has_delete_permission(request, r) for r in others
            ):
                raise PermissionDenied
            with transaction.atomic():
                # Logged before the merge, while the merged records still have their ids.
                modeladmin.log_deletions(request, others)
                moved = merge.merge(survivor, others)
                modeladmin.log_change(request, survivor, merge.log_message(others, moved))
            merge.reindex(survivor)
            message = merge.done_message(survivor, others, moved)
            modeladmin.message_user(request, message, messages.SUCCESS)
            return None
    else:
        form = SurvivorForm(rows=rows, label=merge.label, initial={"survivor": rows.first()})
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": merge.title,
        "rows": rows,
        "form": form,
        "opts": modeladmin.model._meta,
        "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        "action_name": merge.action,
    }
    return TemplateResponse(request, merge.template, context)
