"""The content version: one value that changes whenever the database changes in a way a visitor could see.

Whole pages (core.pagecache) and shared pieces of pages (`remember`) are cached under the current version, so a
change makes everything cached before it unreachable at once. Nothing has to name what a change affects, so nothing
can be forgotten: every statement that writes to the database is seen where it is sent (a database execute wrapper
installed on every connection, in web processes, the task worker and management commands alike), and only writes to
tables listed in IGNORED_TABLES, which hold nothing a page shows, leave the version alone. A write inside a
transaction changes the version at once and again when the transaction commits, so a page read between the two is
not kept under the new version.

The version lives in the page cache (`CACHES["pages"]`) when that cache is shared (Redis); with a cache in each
process's own memory it lives in a small file (PAGE_CACHE_VERSION_FILE), which every process on the machine reads.
"""

import contextlib
import functools
import hashlib
import logging
import os
import pickle
import re
import secrets
import threading
import time
from datetime import timedelta

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import connections, transaction
from django.db.backends.signals import connection_created
from django.dispatch import receiver
from django.utils import timezone
from django_tasks.signals import task_finished

logger = logging.getLogger(__name__)

VERSION_KEY = "content-version"

# Tables whose rows no page shows: sessions, login records, queues, logs, admin state and search statistics. Image
# renditions are not among them: remembered pieces hold images with their renditions prefetched, and a piece kept
# from before a rendition was made would have every later drawing of the page make it again.
IGNORED_TABLES = frozenset(
    {
        "django_session",
        "django_admin_log",
        "axes_accessattempt",
        "axes_accessattemptexpiration",
        "axes_accessfailurelog",
        "axes_accesslog",
        "alumni_auditlog",
        "core_outgoingemail",
        "core_ratecounter",
        "core_scheduledjob",
        "django_tasks_database_dbtaskresult",
        "otp_static_staticdevice",
        "otp_static_statictoken",
        "otp_totp_totpdevice",
        "wagtailadmin_editingsession",
        "wagtailadmin_formstate",
        "wagtailcore_modellogentry",
        "wagtailcore_pagelogentry",
        "wagtailsearchpromotions_query",
        "wagtailsearchpromotions_querydailyhits",
        "wagtailusers_userprofile",
    }
)
# Updates of these columns alone leave the version alone: a download count may lag behind on a kept page for as long
# as PAGE_CACHE_SECONDS (counting one must not empty the cache of every page while a link goes round), and no page
# shows when someone last logged in (each login would empty the cache).
IGNORED_UPDATES = frozenset({("resources_resourcedocument", "download_count"), ("members_user", "last_login")})

READ_ONLY = frozenset(
    {"select", "savepoint", "release", "rollback", "begin", "commit", "set", "show", "pragma", "explain"}
    | {"declare", "fetch", "close", "values"}
)
FIRST_WORD = re.compile(r"\W*(\w+)")
WRITE = re.compile(
    r"""\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM)\s+["`]?(?P<table>\w+)["`]?(?P<rest>.*)""",
    re.IGNORECASE | re.DOTALL,
)
SET_COLUMNS = re.compile(r"""\s*SET\s+(?P<columns>.*?)\s+WHERE\s""", re.IGNORECASE | re.DOTALL)
COLUMN = re.compile(r"""["`]?(\w+)["`]?\s*=""")
WRITES_IN_QUERY = re.compile(r"\b(?:INSERT|UPDATE|DELETE)\b", re.IGNORECASE)


def changes_content(sql):
    """Whether a statement may change what a page shows. Statements not known to leave pages alone count as changes
    (schema changes included)."""
    first = FIRST_WORD.match(sql)
    verb = first[1].lower() if first else ""
    if verb in READ_ONLY:
        return False
    if verb == "with":
        return bool(WRITES_IN_QUERY.search(sql))
    write = WRITE.match(sql)
    if write is None:
        return True
    table = write["table"].lower()
    if table in IGNORED_TABLES:
        return False
    if verb == "update":
        columns = SET_COLUMNS.match(write["rest"])
        if columns is not None:
            names = {name.lower() for name in COLUMN.findall(columns["columns"])}
            if names and all((table, name) in IGNORED_UPDATES for name in names):
                return False
    return True


def page_cache():
    return caches["pages"]


SOURCE_SUFFIXES = (".py", ".html", ".mo", ".txt", ".xml")
SKIPPED_FOLDERS = frozenset({".venv", ".git", "node_modules", "media", ".test-media", ".run", "tests", "__pycache__"})


@functools.cache
def release():
    """A fingerprint of the code, templates and translations this process runs and of the static files' manifest
    (their contents, so every app server of one release agrees): kept pages and pieces are keyed by it, so a new
    release never serves what the previous one drew."""
    digest = hashlib.blake2b(digest_size=8)
    for folder, folders, files in os.walk(settings.BASE_DIR):
        folders[:] = sorted(name for name in folders if name not in SKIPPED_FOLDERS and not name.startswith("."))
        for name in sorted(files):
            if name.endswith(SOURCE_SUFFIXES) or name == "staticfiles.json":
                path = os.path.join(folder, name)
                digest.update(os.path.relpath(path, settings.BASE_DIR).encode())
                with open(path, "rb") as file:
                    digest.update(file.read())
    return digest.hexdigest()


def shared():
    """Whether every process reaches the same page cache (Redis), or each keeps its own (local memory)."""
    return not isinstance(page_cache(), LocMemCache)


def version_file():
    return settings.PAGE_CACHE_VERSION_FILE


# After the shared cache fails to answer, this process leaves it alone for a few seconds: a page then waits for one
# timeout, not one per piece it would have looked up.
PAUSE_AFTER_FAILURE = 5.0
_paused_until = 0.0


def reachable():
    return not shared() or time.monotonic() >= _paused_until


def failed(what):
    global _paused_until
    _paused_until = time.monotonic() + PAUSE_AFTER_FAILURE
    logger.warning("The page cache did not answer (%s); pages are drawn without it for a while.", what, exc_info=True)


# Within one request the version is read once (a page asks for a score of kept pieces); a change made by the request
# itself moves it on.
_pinned = threading.local()


@contextlib.contextmanager
def pinned():
    """Read the version once for what runs inside (a request), not once for every piece."""
    _pinned.version = _pinned.active = None
    _pinned.active = True
    try:
        yield
    finally:
        _pinned.active = _pinned.version = None


def current():
    """The content version now, or None when it cannot be known (the cache is unreachable): then nothing is served
    from, or kept in, the page cache."""
    if getattr(_pinned, "active", None):
        if _pinned.version is None:
            _pinned.version = read_version()
        return _pinned.version
    return read_version()


def read_version():
    if not shared():
        try:
            with open(version_file(), encoding="ascii") as file:
                return file.read() or None
        except FileNotFoundError:
            return bump()
        except OSError:
            return None
    if not reachable():
        return None
    try:
        value = page_cache().get(VERSION_KEY)
        if value is None:
            # First use, or Redis restarted or evicted the key: a new value no earlier entry was stored under.
            value = time.time_ns()
            if not page_cache().add(VERSION_KEY, value, timeout=None):
                value = page_cache().get(VERSION_KEY)
        return None if value is None else str(value)
    except Exception:  # noqa: BLE001 - Redis down: serve pages without the cache
        failed("reading the content version")
        return None


# A change this process could not record (the cache was unreachable) is recorded before this process next uses the
# cache, and entries expire after PAGE_CACHE_SECONDS in any case.
_unrecorded_change = False


def bump():
    """Record a change: everything cached under earlier versions is unreachable from now on."""
    if getattr(_pinned, "active", None):
        _pinned.version = None  # read again after the change
    return record_change()


def record_change():
    global _unrecorded_change
    if not shared():
        _unrecorded_change = False
        value = secrets.token_hex(8)
        path = version_file()
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            temporary = f"{path}.{os.getpid()}.{secrets.token_hex(4)}"
            with open(temporary, "w", encoding="ascii") as file:
                file.write(value)
            os.replace(temporary, path)
        except OSError:
            logger.exception("Could not record a content change in %s; the page cache is cleared instead.", path)
            page_cache().clear()
        return value
    if not reachable():
        _unrecorded_change = True
        return None
    try:
        try:
            value = page_cache().incr(VERSION_KEY)
        except ValueError:  # no version yet (or it was evicted): any new value will do
            value = time.time_ns()
            page_cache().set(VERSION_KEY, value, timeout=None)
        _unrecorded_change = False
    except Exception:  # noqa: BLE001
        _unrecorded_change = True
        failed("recording a change")
        return None
    for listener in CHANGE_LISTENERS:
        listener()
    return str(value)


# Called after each change recorded in the shared cache (core.cdn purges a CDN in front).
CHANGE_LISTENERS = []


def record_unrecorded_change(**kwargs):
    """Record a change this process could not record earlier. Pages call it before each use of the cache; the task
    worker after each task (it may not write again for a long time)."""
    if _unrecorded_change:
        bump()


task_finished.connect(record_unrecorded_change, dispatch_uid="record_unrecorded_change")


def _bump_now_and_on_commit(connection):
    bump()
    if not any(callback is bump for _, callback, _ in connection.run_on_commit):
        transaction.on_commit(bump, using=connection.alias)


def track_writes(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    if changes_content(sql):
        connection = context["connection"]
        if connection.in_atomic_block:
            _bump_now_and_on_commit(connection)
        else:
            bump()
    return result


@receiver(connection_created)
def watch_connection(sender, connection, **kwargs):
    if track_writes not in connection.execute_wrappers:
        connection.execute_wrappers.append(track_writes)


def watch_open_connections():
    """Connections opened before this module was imported (at start-up) are watched too."""
    for connection in connections.all(initialized_only=True):
        watch_connection(sender=None, connection=connection)


# What changes on its own as time passes: each function returns the next moment after `now` at which some page will
# look different without any write (an event starting, registration closing), or None. Apps add theirs in ready().
NEXT_CHANGE = []


def next_midnight(now):
    local = timezone.localtime(now)
    return (local + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)


NEXT_CHANGE.append(next_midnight)


# What `remember` found, also kept in this process's memory for the version it was found under (pickled, so that each
# use gets its own copy): a page draws a score of pieces, most of them the same on every page, and the shared cache
# is then asked once a piece per process and version instead of once a piece per page.
LOCAL_PIECES = 5000
_local = {}  # version -> {key: (expires, pickled value)}; the two latest versions


def remember(name, compute, timeout=None):
    """`compute()`, kept in the page cache until the content changes (or `timeout` seconds pass): for pieces every
    page draws (menu, footer, site settings) and figures that are costly to count. Used whether or not whole pages
    are cached, so that a page drawn afresh stays cheap."""
    version = current()
    if version is None:
        return compute()
    key = f"remember:{release()}:{version}:{name}"
    timeout = timeout or settings.PAGE_CACHE_SECONDS or 600
    pieces = _local.get(version)
    if pieces is not None:
        local = pieces.get(key)
        if local is not None and local[0] > time.monotonic():
            return pickle.loads(local[1])  # noqa: S301 - written by this process
    try:
        kept = page_cache().get(key)  # a 1-tuple, so that None is kept too
    except Exception:  # noqa: BLE001
        failed(f"looking up {name}")
        return compute()
    if kept is None:
        kept = (compute(),)
        try:
            page_cache().set(key, kept, timeout)
        except Exception:  # noqa: BLE001
            failed(f"keeping {name}")
            return kept[0]
    keep_locally(version, key, kept[0], timeout)
    return kept[0]


def keep_locally(version, key, value, timeout):
    pieces = _local.get(version)
    if pieces is None or len(pieces) >= LOCAL_PIECES:
        for older in list(_local)[:-1]:
            _local.pop(older, None)
        pieces = _local[version] = {}
    pieces[key] = (time.monotonic() + timeout, pickle.dumps(value, pickle.HIGHEST_PROTOCOL))


def forget_local_pieces():
    """For tests that empty the page cache without a change."""
    _local.clear()


def next_change(now):
    moments = [moment for moment in (function(now) for function in NEXT_CHANGE) if moment is not None]
    return min((moment for moment in moments if moment > now), default=None)


def horizon(now=None):
    """The moment up to which what is cached now stays true: the next change time brings (kept until it comes), at
    the latest PAGE_CACHE_SECONDS from now."""
    now = now or timezone.now()
    latest = now + timedelta(seconds=settings.PAGE_CACHE_SECONDS)
    version = current()
    key = f"next-change:{version}"
    moment = None
    if version is not None:
        try:
            moment = page_cache().get(key)
        except Exception:  # noqa: BLE001
            failed("looking up the next change")
    if moment is None or moment <= now:
        moment = next_change(now)
        if moment is not None and version is not None:
            try:
                page_cache().set(key, moment, max(1, int((moment - now).total_seconds())))
            except Exception:  # noqa: BLE001
                failed("keeping the next change")
    return latest if moment is None else min(latest, moment)
