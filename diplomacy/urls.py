"""Top-level URLs: the admin at a configurable path, the site under a language prefix-free root."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from diplomacy.health import healthz

urlpatterns = [
    # HealthCheckMiddleware answers this path first; the route names it for reverse().
    path("healthz", healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path(settings.ADMIN_PATH, admin.site.urls),
    path("", include("meetings.urls")),
]
