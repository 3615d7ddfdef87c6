"""A CDN in front of the site, kept as fresh as the page cache.

A CDN may keep only pages the page cache marked shareable (`public, s-maxage=CDN_CACHE_SECONDS`); pages with people,
forms or anything of a logged-in person are `private`. Wagtail's frontend cache app purges a page's own addresses when
it is published, moved or unpublished. Everything else that changes pages (a snippet, a setting, an event's seats)
changes the content version: then every address the site handed out as shareable in the last CDN_CACHE_SECONDS is
purged, by a task, once per burst of changes. The addresses are kept in Redis, which every server and the task
worker share (REDIS_URL is needed for a CDN; `manage.py check --deploy` says so).
"""

import logging
import time

from django.conf import settings
from django.db import transaction
from django_tasks import task

from . import content_version

logger = logging.getLogger(__name__)

HANDED_OUT = "cdn-handed-out"  # a sorted set in Redis: address -> until when a CDN may keep it
PENDING = "cdn-purge-pending"


def enabled():
    return bool(settings.WAGTAILFRONTENDCACHE) and settings.CDN_CACHE_SECONDS > 0


def redis():
    from django_redis import get_redis_connection

    return get_redis_connection("pages")


def handed_out_key():
    return content_version.page_cache().make_key(HANDED_OUT)


def handed_out(url):
    """Note that `url` went out as shareable: a CDN may keep it for CDN_CACHE_SECONDS."""
    if not enabled() or not content_version.shared():
        return
    try:
        connection = redis()
        now = time.time()
        connection.zadd(handed_out_key(), {url: now + settings.CDN_CACHE_SECONDS})
        connection.zremrangebyscore(handed_out_key(), "-inf", now)
    except Exception:  # noqa: BLE001 - then the CDN keeps the page at most CDN_CACHE_SECONDS
        logger.warning("Could not note %s as handed out to the CDN.", url, exc_info=True)


def content_changed():
    """Called with every change of the content version: once the change is committed, one purge task for a burst of
    changes (a rolled-back change schedules nothing)."""
    if enabled():
        transaction.on_commit(schedule_purge)


def schedule_purge():
    try:
        scheduled = content_version.page_cache().add(PENDING, 1, timeout=60)
    except Exception:  # noqa: BLE001 - the CDN keeps pages at most CDN_CACHE_SECONDS
        logger.warning("Could not schedule a CDN purge.", exc_info=True)
        return
    if scheduled:
        purge_handed_out.enqueue()


@task()
def purge_handed_out():
    """Purge from the CDN every address it may still keep."""
    content_version.page_cache().delete(PENDING)
    if not enabled() or not content_version.shared():
        return 0
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    connection = redis()
    urls = [url.decode() for url in connection.zrangebyscore(handed_out_key(), time.time(), "+inf")]
    if urls:
        purge_urls_from_cache(urls)
    logger.info("Purged %d addresses from the CDN.", len(urls))
    return len(urls)
