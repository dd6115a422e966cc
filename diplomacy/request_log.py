"""One log line per request: method, path, status and how long the response took."""

import logging
import time

logger = logging.getLogger("diplomacy.requests")


class RequestLogMiddleware:
    """Log every request as `METHOD path status duration` on the diplomacy.requests logger."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        elapsed_ms = (time.perf_counter() - started) * 1000
        logger.info(
            "%s %s %s %.1fms",
            request.method,
            request.get_full_path(),
            response.status_code,
            elapsed_ms,
            extra={"status_code": response.status_code, "duration_ms": elapsed_ms},
        )
        return response
