"""The search index: one folded document per meeting and per statement."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchDocument(models.Model):
    """A meeting's or a statement's searchable text, Turkish-folded; rebuilt by reindexing.

    The primary key sorts like the meetings list (newest date first, undated last), so either
    engine can take "the newest N matches" straight from its index. On SQLite an FTS5 table
    mirrors ``body``; on PostgreSQL ``vector`` holds its tsvector, under a GIN index.
    """

    id = models.BigIntegerField(primary_key=True)
    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="+", verbose_name=_("meeting")
    )
    statement = models.ForeignKey(
        "meetings.Statement",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("statement"),
    )
    body = models.TextField(_("folded text"))
    vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")

    def __str__(self):
        return f"search document {self.pk}"
