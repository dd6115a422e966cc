"""Anonymous throttling for the API, counted in the database cache every worker shares."""

from __future__ import annotations

from django.core.cache import caches
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle

from diplomacy.client_ip import client_ip

CACHE_ALIAS = "throttle"


class AnonymousThrottle(AnonRateThrottle):
    """So many requests per client address (API_THROTTLE_RATE), whichever gunicorn worker or
    host answers them: the counts live in the database cache (settings.CACHES["throttle"]),
    not in each process's memory."""

    @property
    def cache(self):
        return caches[CACHE_ALIAS]

    def get_rate(self):
        # Read on each request rather than when the class is defined, so a settings change
        # (and a test's override) takes effect.
        return api_settings.DEFAULT_THROTTLE_RATES[self.scope]

    def get_ident(self, request):
        # The same address the login throttling trusts: behind TRUSTED_PROXY_COUNT proxies.
        return client_ip(request) or "unknown"
