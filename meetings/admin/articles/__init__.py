"""Admin for source articles: adding one from the browser and re-extracting a stored one."""

from django.contrib import admin
from django.db import models
from django.http import HttpResponseRedirect
from django.urls import path, reverse

from meetings.admin.articles import views
from meetings.admin.locking import ReindexMixin
from meetings.models import Article


@admin.register(Article)
class ArticleAdmin(ReindexMixin, admin.ModelAdmin):
    """Articles as imported; new ones come from the add-from-text page, never a bare form."""

    list_display = ("filename", "title", "outlet", "date", "date_precision", "last_imported_at")
    list_filter = ("date_precision", "skip_reextract")
    search_fields = ("filename", "title", "outlet", "url", "sha256")
    readonly_fields = (
        "filename",
        "sha256",
        "raw_text",
        "text",
        "warnings",
        "extractor_version",
        "first_imported_at",
        "last_imported_at",
    )

    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        wrap = self.admin_site.admin_view
        return [
            path(
                "add-from-text/",
                wrap(lambda request: views.add_from_text(self, request)),
                name=f"{prefix}_add_text",
            ),
            path(
                "<path:object_id>/reextract/",
                wrap(lambda request, object_id: views.reextract(self, request, object_id)),
                name=f"{prefix}_reextract",
            ),
            *super().get_urls(),
        ]

    def add_view(self, request, form_url="", extra_context=None):
        """An article is added from its text (the import reads it), not typed in as rows."""
        name = f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_add_text"
        return HttpResponseRedirect(reverse(name))
