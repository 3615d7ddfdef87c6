"""Counting limits in Django's cache: local memory on one machine, Redis shared by every app server in production.

A limit counts events per identity (an IP address, an e-mail address, a profile) in a window that starts with the
first event. Identities are hashed before they become cache keys, so the cache holds no addresses.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache

DAY = 24 * 60 * 60


class RateLimit:
    """At most `limit` events per identity in `period` seconds."""

    def __init__(self, scope, limit, period=DAY):
        self.scope = scope
        self.limit = limit
        self.period = period

    def key(self, identity):
        digest = hashlib.sha256(str(identity).strip().casefold().encode()).hexdigest()
        return f"ratelimit:{self.scope}:{digest}"

    def hit(self, identity):
        """Count one event; False when it goes over the limit."""
        key = self.key(identity)
        # add() only sets a missing key, so the window is not extended by later events; incr() is atomic on Redis.
        cache.add(key, 0, self.period)
        try:
            count = cache.incr(key)
        except ValueError:  # the key expired between add() and incr()
            cache.add(key, 1, self.period)
            count = 1
        return count <= self.limit


def client_ip(request):
    """The visitor's address. Behind proxies, set TRUSTED_PROXY_COUNT to how many of them add to X-Forwarded-For:
    the address they saw is then read from the right of the header, where a visitor cannot forge it."""
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    forwarded = [ip.strip() for ip in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if ip.strip()]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")
