"""Countries, with the Turkish forms articles use to name them."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from meetings.models.base import Lockable


class CountryManager(models.Manager):
    """Countries looked up by ISO code in fixtures."""

    def get_by_natural_key(self, iso_code):
        """The country with this ISO 3166-1 alpha-2 code."""
        return self.get(iso_code=iso_code)


class Country(Lockable):
    """A country, with its Turkish and English names and the adjective and demonym forms."""

    iso_code = models.CharField(_("ISO code"), max_length=2, unique=True, null=True, blank=True)
    name_tr = models.CharField(_("Turkish name"), max_length=100, unique=True)
    name_en = models.CharField(_("English name"), max_length=100)
    adjective = models.CharField(
        _("adjective"), max_length=100, blank=True, help_text=_('As in "Rus heyeti": Rus.')
    )
    demonym = models.CharField(
        _("demonym"), max_length=100, blank=True, help_text=_("A person from it: Azerbaycanlı.")
    )
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    objects = CountryManager()

    class Meta:
        ordering = ["name_tr"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self):
        return self.name_tr

    def natural_key(self):
        return (self.iso_code,)

    def get_absolute_url(self):
        return reverse("meetings:meeting-list") + f"?country={self.slug}"
