import os
from pathlib import Path

from .base import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405  demo content: never in production

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "core.mail.QueueBackend"  # pytest-django replaces it with locmem; the queue delivers to locmem too
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 100_000}},
    # Room enough that nothing a test relies on is culled at random (which would add queries now and then).
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    },
}
# Every test runs with the page cache on, so a test that changes something and then looks at a page proves the change
# reached it; the version file is each test process's own.
PAGE_CACHE_VERSION_FILE = str(
    BASE_DIR / ".test-media" / f"content-version-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"  # noqa: F405
)
# Tasks run at once, unless a test starts a real worker process (TASKS_BACKEND=database in its environment).
if TASKS_BACKEND != "database":  # noqa: F405
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / ".test-media"))  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
ALLOWED_HOSTS = ["*"]
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
