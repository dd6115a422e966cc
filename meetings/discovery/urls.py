"""sitemap.xml (an index of one sitemap per kind of page, each paged) and robots.txt,
outside the language prefix: each sitemap lists both languages' addresses."""

from django.contrib.sitemaps import views as sitemap_views
from django.urls import path

from meetings.discovery.robots import robots_txt
from meetings.discovery.sitemaps import SITEMAPS

urlpatterns = [
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap-index",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    path("robots.txt", robots_txt, name="robots-txt"),
]
