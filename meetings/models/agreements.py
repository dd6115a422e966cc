"""Agreements, and where articles mention them."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from meetings.extraction.turkish import name_key
from meetings.models.base import (
    Alias,
    DatePrecision,
    Lockable,
    Provenance,
    Timestamped,
    normalise_partial_date,
    partial_date_check,
    slug_base,
    unique_slugs,
)


class AgreementStatus(models.TextChoices):
    """Where an agreement stands."""

    SIGNED = "signed", _("signed")
    PROPOSED = "proposed", _("proposed")
    REFERRED = "referred", _("referred to")


class AgreementManager(models.Manager):
    """Agreements looked up by their normalised name."""

    def get_by_natural_key(self, key):
        """The agreement whose normalised name is key."""
        return self.get(name_key=key)


class Agreement(Lockable, Timestamped):
    """One real agreement, however many ways articles name it."""

    name = models.CharField(_("name"), max_length=300)
    name_key = models.CharField(_("normalised name"), max_length=300, unique=True, editable=False)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    parties = models.ManyToManyField(
        "meetings.Country", blank=True, related_name="agreements", verbose_name=_("parties")
    )
    signed_date = models.DateField(_("signed"), null=True, blank=True)
    signed_date_precision = models.CharField(
        _("signed date precision"),
        max_length=8,
        choices=DatePrecision.choices,
        default=DatePrecision.UNKNOWN,
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=AgreementStatus.choices,
        default=AgreementStatus.REFERRED,
    )
    description = models.TextField(_("description"), blank=True)

    objects = AgreementManager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        constraints = [
            partial_date_check("signed_date", "signed_date_precision", "agreement_partial_date")
        ]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.name_key,)

    def save(self, *args, **kwargs):
        self.name_key = name_key(self.name)
        self.signed_date = normalise_partial_date(self.signed_date, self.signed_date_precision)
        if not self.slug:
            self.slug = unique_slugs(Agreement, [(slug_base(self.name), self.name_key)], self.pk)[0]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("meetings:agreement-detail", kwargs={"slug": self.slug})


class AgreementAlias(Alias):
    """A surface form that names an agreement: "üçlü anlaşma", "Kasım 2020 Bildirgesi"."""

    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="aliases", verbose_name=_("agreement")
    )
    name = models.CharField(_("alias"), max_length=300)
    key = models.CharField(_("normalised alias"), max_length=300, unique=True, editable=False)
    needs_party_match = models.BooleanField(
        _("only with matching parties"),
        default=False,
        help_text=_(
            "Generic wording such as 'üçlü anlaşma' or 'barış anlaşması' names this agreement "
            "only when the article gives the same parties."
        ),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("agreement alias")
        verbose_name_plural = _("agreement aliases")


class AgreementMention(Lockable, Provenance):
    """Where an article names an agreement: in a meeting's text, or inside a statement."""

    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="mentions", verbose_name=_("agreement")
    )
    meeting = models.ForeignKey(
        "meetings.Meeting",
        on_delete=models.CASCADE,
        related_name="agreement_mentions",
        verbose_name=_("meeting"),
    )
    statement = models.ForeignKey(
        "meetings.Statement",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agreement_mentions",
        verbose_name=_("statement"),
    )
    text = models.CharField(_("as written"), max_length=500)

    class Meta:
        ordering = ["meeting", "span_start", "id"]
        verbose_name = _("agreement mention")
        verbose_name_plural = _("agreement mentions")
        indexes = [models.Index(fields=["agreement", "meeting"])]

    def __str__(self):
        return self.text
