"""People who meet, speak and are mentioned, with the other spellings of their names."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from meetings.extraction.turkish import name_key, surname_key
from meetings.models.base import (
    Alias,
    Lockable,
    Provenance,
    Timestamped,
    slug_base,
    unique_slugs,
)


class PersonManager(models.Manager):
    """People looked up by their normalised name."""

    def get_by_natural_key(self, key):
        """The person whose normalised name, or one of whose aliases, is key."""
        try:
            return self.get(name_key=key)
        except self.model.DoesNotExist:
            return self.get(aliases__key=key)


class Person(Lockable, Timestamped):
    """A person, once across all articles, under the fullest name known."""

    name = models.CharField(_("name"), max_length=200)
    name_key = models.CharField(
        _("normalised name"),
        max_length=200,
        unique=True,
        editable=False,
        help_text=_("Turkish-folded name without case endings; one person per key."),
    )
    surname_key = models.CharField(
        _("normalised surname"),
        max_length=200,
        db_index=True,
        editable=False,
        help_text=_("The last word of the normalised name, for a surname used alone."),
    )
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    country = models.ForeignKey(
        "meetings.Country",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("country"),
    )
    notes = models.TextField(_("editor notes"), blank=True)

    objects = PersonManager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        indexes = [models.Index(fields=["country", "name"])]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.name_key,)

    def save(self, *args, **kwargs):
        self.name_key = name_key(self.name)
        self.surname_key = surname_key(self.name_key)
        if not self.slug:
            self.slug = unique_slugs(Person, [(slug_base(self.name), self.name_key)], self.pk)[0]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("meetings:person-detail", kwargs={"slug": self.slug})


class PersonAlias(Alias):
    """Another spelling of a person's name: a transliteration, a surname, a former name."""

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="aliases", verbose_name=_("person")
    )
    name = models.CharField(_("alias"), max_length=200)
    key = models.CharField(_("normalised alias"), max_length=200, unique=True, editable=False)
    surname_key = models.CharField(
        _("normalised surname"), max_length=200, db_index=True, editable=False
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("alias")
        verbose_name_plural = _("aliases")

    def save(self, *args, **kwargs):
        self.surname_key = surname_key(name_key(self.name))
        super().save(*args, **kwargs)


class PersonMention(Lockable, Provenance):
    """A person an article names without their taking part in its meeting (Şoygu, in passing)."""

    person = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mentions",
        verbose_name=_("person"),
    )
    raw_name = models.CharField(_("name as written"), max_length=200)
    title = models.CharField(_("title"), max_length=300, blank=True)
    spans = models.JSONField(_("spans"), default=list, blank=True)

    class Meta:
        ordering = ["article", "span_start", "id"]
        verbose_name = _("mention of a person")
        verbose_name_plural = _("mentions of people")

    def __str__(self):
        return self.raw_name
