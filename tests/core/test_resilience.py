"""The site with its cache gone (Redis at a port where nothing listens, with the production options) still serves
pages, and rate limits, counted in the database, hold whatever happens to the cache."""

import datetime
import socket
import time

import pytest
import time_machine
from django.core.cache import cache
from django.utils import timezone

from core.models import RateCounter
from core.ratelimit import RateLimit

pytestmark = pytest.mark.django_db

REDIS_DOWN = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:6399/0",  # nothing listens there
        "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
    },
    # The page cache, as production configures it: its errors reach core.content_version, which draws pages itself.
    "pages": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:6399/0",
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
    },
}


def test_with_redis_down_pages_are_served_from_the_database(client, settings, home, news_index):
    settings.CACHES = REDIS_DOWN
    settings.PAGE_CACHE_SECONDS = 600
    for path in (home.url, news_index.url, "/alumni/", "/search/?q=toleransi"):
        assert client.get(path).status_code == 200, path


def test_with_redis_hung_pages_are_served_without_waiting_for_it(client, settings, home, news_index):
    hung = socket.socket()
    hung.bind(("127.0.0.1", 0))
    hung.listen(16)  # accepts connections and never answers, like a frozen Redis
    options = {"SOCKET_CONNECT_TIMEOUT": 0.25, "SOCKET_TIMEOUT": 0.25}
    location = f"redis://127.0.0.1:{hung.getsockname()[1]}/0"
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": location,
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, **options},
        },
        "pages": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": location, "OPTIONS": options},
    }
    try:
        started = time.monotonic()
        assert client.get(news_index.url).status_code == 200
        seconds = time.monotonic() - started
    finally:
        hung.close()
    assert seconds < 6  # a few cache calls of 0.25 s each, not minutes


def test_a_rate_limit_holds_when_the_cache_empties_and_opens_again_after_its_window():
    limit = RateLimit("test:introductions", 2)
    assert [limit.hit("budi@example.org") for _ in range(3)] == [True, True, False]
    cache.clear()  # Redis restarted empty
    assert not limit.hit("Budi@Example.org ")  # the same address, whatever its case and spaces
    assert limit.hit("siti@example.org")  # another address has its own count
    assert "budi" not in " ".join(RateCounter.objects.values_list("key", flat=True))  # stored hashed
    with time_machine.travel(timezone.now() + datetime.timedelta(days=1, seconds=1)):
        assert limit.hit("budi@example.org")
