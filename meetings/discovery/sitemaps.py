"""sitemap.xml: every meeting, person and agreement page and the list pages, each in both
languages with its alternates (hreflang) and the time it last changed.

django.contrib.sitemaps, with i18n on, lists every (record, language) pair it pages over,
and would build that list in memory for each request. Here the pairs are produced from a
queryset page by page instead, so a section of 100,000 meetings is read one sitemap page
at a time, and the index counts rows without loading them.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db.models import Max
from django.urls import reverse

from meetings.models import Agreement, Meeting, Person

# URLs on one sitemap page: the protocol's limit is 50,000, and each record gives one URL
# per language. The SITEMAP_URLS_PER_PAGE setting lowers it.
URLS_PER_PAGE = 50_000


class LanguagePairs:
    """A queryset seen as its (row, language) pairs, sliced without loading the rest."""

    def __init__(self, queryset, languages: list[str]):
        self.queryset = queryset
        self.languages = languages

    def count(self) -> int:
        return self.queryset.count() * len(self.languages)

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        n = len(self.languages)
        if not isinstance(index, slice):
            return (self.queryset[index // n], self.languages[index % n])
        start, stop = index.start or 0, index.stop
        rows = self.queryset[start // n : (stop + n - 1) // n if stop is not None else None]
        pairs = [(row, code) for row in rows for code in self.languages]
        offset = start - (start // n) * n
        return pairs[offset : offset + (stop - start) if stop is not None else None]


class RecordSitemap(Sitemap):
    """One kind of record's pages, in every language, newest change known per row."""

    model = None
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return self.model.objects.only("pk", "slug", "updated_at").order_by("pk")

    @property
    def paginator(self):
        languages = self._languages()
        per_page = getattr(settings, "SITEMAP_URLS_PER_PAGE", URLS_PER_PAGE)
        # Whole records per page: a record's languages never straddle two pages.
        per_page = max(per_page // len(languages), 1) * len(languages)
        return Paginator(LanguagePairs(self.items(), languages), per_page)

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        return self.model.objects.aggregate(latest=Max("updated_at"))["latest"]


class MeetingSitemap(RecordSitemap):
    """Every meeting's page."""

    model = Meeting


class PersonSitemap(RecordSitemap):
    """Every person's page."""

    model = Person


class AgreementSitemap(RecordSitemap):
    """Every agreement's page."""

    model = Agreement


class ListSitemap(Sitemap):
    """The home page and the list pages, in every language."""

    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return ["home", "meeting-list", "person-list", "agreement-list", "statement-list"]

    def location(self, item):
        return reverse(f"meetings:{item}")


SITEMAPS = {
    "pages": ListSitemap,
    "meetings": MeetingSitemap,
    "people": PersonSitemap,
    "agreements": AgreementSitemap,
}
