"""The articles records are read from."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from meetings.models.base import DatePrecision, partial_date_check


class Article(models.Model):
    """A source article: its file, its exact content and the text every span points into."""

    filename = models.CharField(_("file name"), max_length=255, db_index=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, unique=True)
    raw_text = models.TextField(_("raw text"), help_text=_("The file as decoded, untouched."))
    text = models.TextField(
        _("normalised text"), help_text=_("The text that every span points into.")
    )
    title = models.CharField(_("title"), max_length=500, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    date_precision = models.CharField(
        _("date precision"),
        max_length=8,
        choices=DatePrecision.choices,
        default=DatePrecision.UNKNOWN,
    )
    warnings = models.JSONField(_("extraction warnings"), default=list, blank=True)
    needs_review = models.BooleanField(
        _("needs review"),
        default=False,
        help_text=_("Set when the extractor found no meeting in the article."),
    )
    extractor_version = models.CharField(_("extractor version"), max_length=40, blank=True)
    skip_reextract = models.BooleanField(
        _("skip re-extraction"),
        default=False,
        help_text=_("Keep this article's records as they are when the extractor is re-run."),
    )
    first_imported_at = models.DateTimeField(_("first imported"), auto_now_add=True)
    last_imported_at = models.DateTimeField(_("last imported"), auto_now=True)

    class Meta:
        ordering = ["-first_imported_at"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        constraints = [partial_date_check("date", "date_precision", "article_partial_date")]

    def __str__(self):
        return self.title or self.filename
