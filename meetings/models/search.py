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


class MeetingFacets(models.Model):
    """What a search's facets count of one meeting, kept beside its search documents.

    A search counts the people and countries of its first few hundred hits. Read from the
    participations, that meant an index probe per participant and a sort of them all; here
    each hit is one short row, rewritten whenever its documents are, so just as fresh.
    """

    meeting = models.OneToOneField(
        "meetings.Meeting",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="+",
        verbose_name=_("meeting"),
    )
    country = models.ForeignKey(
        "meetings.Country",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        db_index=False,  # read by meeting only; a country's merge rewrites its meetings' rows
        related_name="+",
        verbose_name=_("country"),
    )
    # The ids of the people who took part, each once, comma-separated ("" for none).
    people = models.TextField(_("people"), blank=True, default="")

    class Meta:
        verbose_name = _("meeting facets")
        verbose_name_plural = _("meeting facets")

    def __str__(self):
        return f"facets of meeting {self.meeting_id}"

    def person_ids(self) -> list[int]:
        """The ids of the meeting's people, as stored."""
        return [int(pk) for pk in self.people.split(",") if pk]
