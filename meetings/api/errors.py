"""The API's error bodies: DRF's, plus the seconds to wait when a client is throttled."""

from __future__ import annotations

import math

from django.utils.translation import ngettext
from rest_framework.exceptions import Throttled
from rest_framework.views import exception_handler as drf_exception_handler


def exception_handler(exc, context):
    """DRF's error response; a 429 also says in words and in ``retry_after`` how long to
    wait, as its Retry-After header does."""
    response = drf_exception_handler(exc, context)
    if response is not None and isinstance(exc, Throttled):
        wait = max(1, math.ceil(exc.wait)) if exc.wait is not None else 1
        message = ngettext(
            "Too many requests. Try again in %(seconds)d second.",
            "Too many requests. Try again in %(seconds)d seconds.",
            wait,
        )
        response.data = {"detail": message % {"seconds": wait}, "retry_after": wait}
        response["Retry-After"] = str(wait)
    return response
