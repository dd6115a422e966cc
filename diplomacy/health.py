"""The load balancer's health check: 200 while the database answers, 503 while it does not."""

import logging

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger("diplomacy.health")

HEALTH_PATHS = frozenset({"/healthz", "/healthz/"})


@never_cache
@require_safe
def healthz(request):
    """Answer 200 when a trivial query succeeds, 503 (never a 500) when the database fails."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        logger.warning("health check: the database does not answer: %s", error)
        return JsonResponse({"status": "unavailable", "database": "down"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


class HealthCheckMiddleware:
    """Answer the health check before the host check, so a probe by IP address is not refused.

    The answer depends on nothing in the request but its path, so skipping ALLOWED_HOSTS here
    lets no one build links or redirects from a forged Host header.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info in HEALTH_PATHS:
            return healthz(request)
        return self.get_response(request)
