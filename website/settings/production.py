import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import SECRET_KEY, STORAGES, env_bool

TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "database")
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks_db.DatabaseBackend"
            if TASKS_BACKEND == "database"
            else "django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}

DEBUG = False

# Words of the placeholders in .env.example, the README and the dev settings: a key holding one was copied, not made.
PLACEHOLDER_WORDS = ("change", "secret", "insecure", "example", "placeholder", "dev-only", "test-only")

if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production.")
if (
    len(SECRET_KEY) < 50
    or len(set(SECRET_KEY)) < 5
    or any(word in SECRET_KEY.lower().replace("_", "-") for word in PLACEHOLDER_WORDS)
):
    raise ImproperlyConfigured(
        "SECRET_KEY looks like a placeholder or is too short (it needs 50 or more random characters): make one with "
        "python3 -c 'import secrets; print(secrets.token_urlsafe(50))'"
    )

# TLS ends at the proxy or load balancer in front of gunicorn.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# So the visitor's address is read from what that proxy appends to X-Forwarded-For: with 0 behind a proxy every
# visitor would share its address, and 20 wrong passwords from anyone would lock the logins of everyone.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "1"))
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Wagtail's live preview shows the page in a same-origin iframe, so frames stay allowed from our own origin
# (X_FRAME_OPTIONS = "SAMEORIGIN" and CSP frame-ancestors 'self'), and Django's advice to use DENY is silenced.
SILENCED_SYSTEM_CHECKS = ["security.W019"]
