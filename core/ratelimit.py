"""Counting limits in the database: shared by every app server, and kept when the cache (Redis) restarts empty or
goes away, so one address never gets more than its limit.

A limit counts events per identity (an IP address, an e-mail address, a profile) in a window that starts with the
first event. Identities are hashed before they are stored, so the table holds no addresses.
"""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import RateCounter

DAY = 24 * 60 * 60


class RateLimit:
    """At most `limit` events per identity in `period` seconds."""

    def __init__(self, scope, limit, period=DAY):
        self.scope = scope
        self.limit = limit
        self.period = period

    def key(self, identity):
        digest = hashlib.sha256(str(identity).strip().casefold().encode()).hexdigest()
        return f"{self.scope}:{digest}"

    def hit(self, identity):
        """Count one event; False when it goes over the limit. One row per identity, locked while it is counted."""
        now = timezone.now()
        window = timedelta(seconds=self.period)
        with transaction.atomic():
            counter, _created = RateCounter.objects.select_for_update().get_or_create(
                key=self.key(identity), defaults={"window_start": now, "count": 0}
            )
            if counter.window_start <= now - window:
                counter.window_start, counter.count = now, 0
            counter.count += 1
            counter.save(update_fields=["window_start", "count"])
        return counter.count <= self.limit

    def exceeded(self, identity):
        """Whether `identity` has used up its limit in the current window (counts nothing)."""
        since = timezone.now() - timedelta(seconds=self.period)
        return RateCounter.objects.filter(
            key=self.key(identity), window_start__gt=since, count__gte=self.limit
        ).exists()


def prune(now=None):
    """Delete counters untouched for a week: no limit of the site counts over a longer window."""
    now = now or timezone.now()
    deleted, _ = RateCounter.objects.filter(window_start__lt=now - timedelta(days=7)).delete()
    return deleted


def client_ip(request):
    """The visitor's address. Behind proxies, set TRUSTED_PROXY_COUNT to how many of them add to X-Forwarded-For:
    the address they saw is then read from the right of the header, where a visitor cannot forge it."""
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    forwarded = [ip.strip() for ip in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if ip.strip()]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")
