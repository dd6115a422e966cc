"""The articles records are read from, and what makes two of them the same article."""

import os
from pathlib import Path

from django.conf import settings
from django.db import models
from django.db.models.functions import Substr
from django.utils.translation import gettext_lazy as _

from meetings.models.base import DatePrecision, partial_date_check


def file_source(path: str | os.PathLike) -> str:
    """The identity of an article read from a file: "file:" and its path, relative to the
    project folder when the file lies inside it (fixtures/articles/000.txt, the same on every
    checkout and from every working directory), else absolute; never the bare file name."""
    full = Path(os.path.abspath(path))
    try:
        shown = full.relative_to(Path(settings.BASE_DIR).resolve())
    except ValueError:
        shown = full
    return f"file:{shown.as_posix()}"


# A list item's snippet is read from this much of its article's opening: a match further in
# shows the opening instead (the snippet is a pointer; the meeting page has the whole text).
OPENING_CHARS = 1200


def pasted_source(sha256: str) -> str:
    """The identity of an article pasted as text, with no file: its content's hash."""
    return f"pasted:{sha256}"


class Article(models.Model):
    """A source article: its file, its exact content and the text every span points into."""

    source = models.CharField(
        _("source"),
        max_length=1000,
        unique=True,
        help_text=_(
            "What the article is, whatever its content: 'file:' and the path it was imported "
            "from, 'pasted:' and its hash, or its URL. New content under the same source "
            "replaces the article's records."
        ),
    )
    filename = models.CharField(_("file name"), max_length=255, db_index=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, unique=True)
    raw_text = models.TextField(_("raw text"), help_text=_("The file as decoded, untouched."))
    text = models.TextField(
        _("normalised text"), help_text=_("The text that every span points into.")
    )
    title = models.CharField(_("title"), max_length=500, blank=True)
    outlet = models.CharField(
        _("outlet"),
        max_length=200,
        blank=True,
        help_text=_("Who published it, e.g. a news agency."),
    )
    url = models.URLField(
        _("URL"), max_length=1000, blank=True, help_text=_("Where the article was published.")
    )
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
    # Kept by the database from the text, so list pages read twenty openings for their
    # snippets, never twenty whole articles; on PostgreSQL it is stored uncompressed, so
    # reading it decompresses nothing (migration 0018).
    opening = models.GeneratedField(
        expression=Substr("text", 1, OPENING_CHARS),
        output_field=models.TextField(),
        db_persist=True,
        verbose_name=_("opening"),
    )

    class Meta:
        ordering = ["-first_imported_at"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        constraints = [partial_date_check("date", "date_precision", "article_partial_date")]

    def __str__(self):
        return self.title or self.filename
