"""Anonymous throttling for the API, counted in the database every worker shares."""

from __future__ import annotations

import hashlib

from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle

from diplomacy.client_ip import client_ip
from meetings.models import ThrottleCount

# Float rounding must not refuse a request made exactly when Retry-After said it could be:
# the estimate then equals the rate, give or take a last bit.
ROUNDING = 1e-6

# Per period length, the newest window this process has deleted the older counts for.
_swept_through: dict[int, int] = {}


def seconds_until_allowed(
    previous: int, current: int, limit: int, duration: int, elapsed: float
) -> float:
    """How long a refused client must wait, sending nothing meanwhile, until a request fits.

    A request fits when current + 1 + previous * (duration - elapsed) / duration is at most
    limit: the counts of this window and the previous one, elapsed seconds into this window.
    """
    if limit < 1:
        return float(duration)  # nothing ever fits; the period is the most honest answer
    # Each fraction multiplies whole numbers first, so a whole second stays whole (a Retry-After
    # of 15 must not become 16 by a rounding error), and rounds off what elapsed brings.
    if previous and current + 1 <= limit:
        # Later in this window, once the previous window's share has shrunk enough.
        fits_at = duration * (previous - (limit - current - 1)) / previous
        return max(0.0, round(fits_at - elapsed, 6))
    # In the next window, where this window's count becomes the previous one.
    fits_at = duration
    if current + 1 > limit:
        fits_at += duration * (current - (limit - 1)) / current
    return round(fits_at - elapsed, 6)


class AnonymousThrottle(AnonRateThrottle):
    """So many requests per client address (API_THROTTLE_RATE), whichever gunicorn worker or
    host answers them, and however many of them arrive at once.

    Each request adds one to its address's count for the current window of the rate's period
    (a minute for N/min), in one statement (ThrottleCount.objects.count_request). The rate
    holds over any period, not only from one window's start: the previous window's count is
    weighted by the share of it still inside the last period, so a client cannot make the
    rate at the end of one window and again at the start of the next. Refused requests are
    not counted: a client that keeps asking still gets the rate.
    """

    def get_rate(self):
        # Read on each request rather than when the class is defined, so a settings change
        # (and a test's override) takes effect.
        return api_settings.DEFAULT_THROTTLE_RATES[self.scope]

    def get_ident(self, request):
        # The same address the login throttling trusts: behind TRUSTED_PROXY_COUNT proxies.
        return client_ip(request) or "unknown"

    def allow_request(self, request, view):
        if self.rate is None:
            return True
        key = self.get_cache_key(request, view)  # None for a signed-in user
        if key is None:
            return True
        if len(key) > 255:  # the key column's length; an address is far shorter
            key = "sha256:" + hashlib.sha256(key.encode()).hexdigest()
        now = self.timer()
        start = int(now // self.duration) * self.duration
        elapsed = now - start
        previous_start = start - self.duration
        self._sweep(previous_start)
        weight = 1 - elapsed / self.duration
        counts = ThrottleCount.objects
        if counts.count_request(key, start, previous_start, weight, self.num_requests + ROUNDING):
            return True
        seen = dict(
            counts.filter(key=key, window_start__in=(previous_start, start)).values_list(
                "window_start", "requests"
            )
        )
        self.seconds_to_wait = seconds_until_allowed(
            seen.get(previous_start, 0),
            seen.get(start, 0),
            self.num_requests,
            self.duration,
            elapsed,
        )
        return False

    def wait(self):
        return self.seconds_to_wait

    def _sweep(self, previous_start: int) -> None:
        """Delete the windows before the previous one, the first time this process sees a
        window: once a period per process, not once a request, by the primary key's index."""
        if _swept_through.get(self.duration, previous_start - 1) >= previous_start:
            return
        _swept_through[self.duration] = previous_start
        ThrottleCount.objects.filter(window_start__lt=previous_start).delete()
