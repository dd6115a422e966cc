"""Top-level URLs. The pages carry their language in the URL: Turkish at the root, as always,
English under /en/. The health check, the admin, the language switch and the machine
endpoints (JSON) have one address whatever the language."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from diplomacy.health import healthz
from meetings.views import person_autocomplete

urlpatterns = [
    # HealthCheckMiddleware answers this path first; the route names it for reverse().
    path("healthz", healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path(settings.ADMIN_PATH, admin.site.urls),
    path("people/autocomplete/", person_autocomplete, name="person-autocomplete"),
    path("api/", include("meetings.api.urls")),
    path("", include("meetings.discovery.urls")),
]
urlpatterns += i18n_patterns(path("", include("meetings.urls")), prefix_default_language=False)
