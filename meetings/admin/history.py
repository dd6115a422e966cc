"""The admin's history pages: every change as django-simple-history recorded it (who, when,
each field before and after) above the admin's own log (merges, reviews, deletions)."""

from django.contrib.admin.models import LogEntry
from django.contrib.admin.options import get_content_type_for_model
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from simple_history.admin import SimpleHistoryAdmin


class HistoryAdmin(SimpleHistoryAdmin):
    """A model admin whose history page shows field-by-field changes and the admin log.

    Old versions can be looked at, not reverted to: a revert would bypass the editor locks
    and the search reindex that saving through the change form does, so an editor who wants
    an old value back types it in the form.
    """

    object_history_template = "admin/meetings/object_history.html"

    def revert_disabled(self, request, obj=None):
        return True

    def history_view(self, request, object_id, extra_context=None):
        log = (
            LogEntry.objects.filter(
                object_id=unquote(object_id),
                content_type=get_content_type_for_model(self.model),
            )
            .select_related("user")
            .order_by("-action_time")
        )
        return super().history_view(
            request, object_id, extra_context={**(extra_context or {}), "action_list": log}
        )

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            raise PermissionDenied  # looking only, see the class docstring
        return super().history_form_view(request, object_id, version_id, extra_context)
