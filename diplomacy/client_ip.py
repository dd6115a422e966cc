"""The client's address as login throttling sees it, behind a known number of proxies."""

from django.conf import settings


def client_ip(request) -> str | None:
    """The address the outermost trusted proxy saw, or the connection's without proxies.

    Each trusted proxy appends the address it received the request from to X-Forwarded-For,
    so with N proxies the client is the N-th entry from the right; anything further left was
    written by the client and is ignored. A request with fewer entries did not come through
    the proxies, and its connection address is used.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR")
