"""Countries, with the Turkish forms articles use to name them."""

from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from meetings.extraction.turkish import fold, name_key
from meetings.models.base import Lockable, unique_slug


def country_key(name: str) -> str:
    """The form a country's names are matched in: Turkish-folded, with hyphens, curly
    apostrophes and runs of spaces made alike ("Bosna-Hersek" = "bosna hersek")."""
    return " ".join(fold(name).replace("\u2019", "'").replace("-", " ").split())


class CountryManager(models.Manager):
    """Countries looked up by ISO code in fixtures, and by any of their names on import."""

    def get_by_natural_key(self, iso_code):
        """The country with this ISO 3166-1 alpha-2 code."""
        return self.get(iso_code=iso_code)

    def by_form(self) -> dict[str, "Country"]:
        """Every country by the key of each of its names (see Country.forms), in one query.

        A form two countries share goes to the first in ISO-code order, and a country's own
        names win over another's alias, so the answer never depends on the order rows were
        written in.
        """
        countries = list(self.order_by("iso_code", "pk"))
        # Codes are kept upper-case, so they never meet a folded name ("TR" is not "tr").
        index: dict[str, Country] = {c.iso_code: c for c in countries if c.iso_code}
        for primary in (True, False):
            for country in countries:
                for form in country.forms(primary=primary):
                    index.setdefault(country_key(form), country)
        return index


class Country(Lockable):
    """A country, with its Turkish and English names and the adjective and demonym forms."""

    iso_code = models.CharField(
        _("ISO code"),
        max_length=2,
        unique=True,
        null=True,
        blank=True,
        help_text=_(
            "ISO 3166-1 alpha-2; where ISO has none, a user-assigned X code "
            "(XK Kosovo, XN Northern Cyprus)."
        ),
    )
    name_tr = models.CharField(_("Turkish name"), max_length=100, unique=True)
    name_en = models.CharField(_("English name"), max_length=100)
    adjective = models.CharField(
        _("adjective"), max_length=100, blank=True, help_text=_('As in "Rus heyeti": Rus.')
    )
    demonym = models.CharField(
        _("demonym"), max_length=100, blank=True, help_text=_("A person from it: Azerbaycanlı.")
    )
    aliases = models.JSONField(
        _("other names"),
        default=list,
        blank=True,
        help_text=_(
            "Other names, short forms, adjectives and demonyms articles use "
            '("ABD", "İngiltere", "Azeri"); each resolves to this country on import.'
        ),
    )
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    objects = CountryManager()

    class Meta:
        ordering = ["name_tr"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Country, self.name_en or self.name_tr, exclude_pk=self.pk)
        super().save(*args, **kwargs)

    def natural_key(self):
        return (self.iso_code,)

    def get_absolute_url(self):
        return reverse("meetings:meeting-list") + f"?country={self.slug}"

    @property
    def name(self) -> str:
        """The name in the interface's language: English in the English interface, else
        Turkish."""
        if (get_language() or "").split("-")[0] == "en" and self.name_en:
            return self.name_en
        return self.name_tr

    def forms(self, primary: bool | None = None) -> list[str]:
        """Every name the country goes by: its Turkish and English names (primary), then its
        adjective, demonym and aliases. primary=None gives them all."""
        own = [self.name_tr, self.name_en]
        other = [self.adjective, self.demonym, *(a for a in self.aliases if isinstance(a, str))]
        chosen = own if primary else other if primary is False else own + other
        return [form for form in chosen if form and form.strip()]


def find_country(index: dict[str, Country], name: str) -> Country | None:
    """The country a name stands for in an index from CountryManager.by_form: an ISO code
    as written ("US"), any of its forms, or a form with a case ending ("ABD'nin")."""
    name = name.strip()
    if len(name) == 2 and name.isascii() and name.isupper() and name in index:
        return index[name]
    for key in (country_key(name), name_key(name)):
        if key and key in index:
            return index[key]
    return None
