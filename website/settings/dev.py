import os

from .base import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405  demo content: never in production

DEBUG = True
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"  # noqa: F405, S105
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Pages are drawn afresh while templates and code change (PAGE_CACHE_SECONDS=600 make run tries the cache).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "0"))
