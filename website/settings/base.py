"""Settings shared by every environment. Anything that differs between machines comes from the environment."""

import base64
import hashlib
import os
from datetime import timedelta
from email.utils import parseaddr
from pathlib import Path

import dj_database_url

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# The project's apps, from the top layer down (see README, "Layout"); the demo app is added by dev and test.
INSTALLED_APPS = [
    "website",
    "events",
    "alumni",
    "resources",
    "members",
    "core",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Compresses what the page cache has not compressed already (pages with a form, pages for people logged in).
    "django.middleware.gzip.GZipMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Before anything that looks the path up in the database (PostgreSQL refuses a NUL byte in text).
    "core.middleware.RefuseControlCharactersInPathMiddleware",
    # Serves anonymous visitors' pages from the cache: after what decides the language and the CSRF cookie, before
    # anything that reads the database.
    "core.pagecache.PageCacheMiddleware",
    "core.middleware.SiteMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "core.middleware.SessionIdleTimeoutMiddleware",
    "core.middleware.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "core.middleware.SecurityHeadersMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so that it sees the lockout a login view's authenticate() call noted and answers it with a 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "website.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "website.wsgi.application"

# SQLite is the embedded default; production sets DATABASE_URL to PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        # Connections are kept a minute (each gunicorn thread has its own) instead of opened for every request.
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database that is down or hung fails a request within seconds (a 503 page, core.errors) instead of freezing
    # every worker; a statement that runs away is stopped. Kept connections are checked before reuse, so the site
    # recovers by itself after a database restart.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "connect_timeout": int(os.environ.get("DB_CONNECT_TIMEOUT", "5")),
            # A database host that vanishes (network, power) is noticed within about a minute on open connections.
            "keepalives": 1,
            "keepalives_idle": 30,
            "keepalives_interval": 10,
            "keepalives_count": 3,
            "tcp_user_timeout": 60_000,
            # 0: no limit (migrations use that).
            "options": f"-c statement_timeout={int(os.environ.get('DB_STATEMENT_TIMEOUT', '30')) * 1000}",
        }
    )
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers queue for the lock (up to 20 s) instead of failing with "database is locked" under a burst of
    # registrations; PostgreSQL uses row locks instead.
    DATABASES["default"].setdefault("OPTIONS", {}).update({"transaction_mode": "IMMEDIATE", "timeout": 20})
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Everyone logs in with their e-mail address (members.User).
AUTH_USER_MODEL = "members.User"
# django-axes first: it refuses every authenticate() call (the site's login, the admin's, the password checks of
# the account pages) for an account or an address that is locked out, before a password is hashed.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: Bahasa Indonesia is the default (no URL prefix), English lives under /en/.
LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# The project's own catalogue first: `makemessages` writes what it finds outside an app's locale folder into the first
# path. The second holds the project's Indonesian for Wagtail's, wagtail-localize's and Django's strings that their
# catalogues lack or get wrong; LOCALE_PATHS win over the installed apps' catalogues, and `makemessages` leaves it
# alone (it only compiles it).
LOCALE_PATHS = [PROJECT_DIR / "locale", PROJECT_DIR / "locale_upstream"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATIC_ROOT = BASE_DIR / "staticfiles"
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
# The site serves uploaded images itself (always, with object storage); with a media folder, SERVE_MEDIA=false lets
# nginx or a CDN serve /media/images/ instead (never /media/original_images/: originals are not public).
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)

# Uploads on a full disk leave no partial file behind and get a clear message (core.storage); forms refuse a file
# when less than its size plus MEDIA_RESERVE_MB is free.
STORAGES = {
    "default": {"BACKEND": "core.storage.MediaStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_RESERVE_MB = int(os.environ.get("MEDIA_RESERVE_MB", "10"))
FILE_UPLOAD_HANDLERS = [
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "core.storage.TemporaryUploadHandler",  # large uploads: no half-written temporary file when the disk fills
]

# Media on S3-compatible object storage (AWS S3, MinIO, Wasabi, DigitalOcean Spaces...) when a bucket is named: every
# object private, served through the site's views (core.object_storage). Credentials: AWS_ACCESS_KEY_ID and
# AWS_SECRET_ACCESS_KEY (read by boto3 from the environment).
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "core.object_storage.ObjectStorage"}
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
    AWS_LOCATION = os.environ.get("AWS_LOCATION", "media")
    # A storage that hangs fails the request within seconds, not the site; files over 1 MB read from it are spooled
    # to a temporary file, not held in memory.
    from botocore.config import Config as _BotoConfig

    AWS_S3_CLIENT_CONFIG = _BotoConfig(
        connect_timeout=3,
        read_timeout=10,
        retries={"max_attempts": 2, "mode": "standard"},
        s3={"addressing_style": os.environ.get("AWS_S3_ADDRESSING_STYLE", "auto")},
    )
    AWS_S3_MAX_MEMORY_SIZE = 1024 * 1024

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_PERMISSIONS = 0o644

# Cache: local memory on one machine, Redis (shared by every app server) when REDIS_URL is set.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "jejaring",
            # Redis down or slow: pages are served without the cache (errors are logged, not raised), after a
            # quarter second's wait per call (Redis answers in a millisecond when well). Nothing that must be kept
            # lives in the cache (rate limits are in the database).
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.25, "SOCKET_TIMEOUT": 0.25},
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    # Whole pages for anonymous visitors (core.pagecache): errors reach the page cache, which then draws the page
    # itself and makes up for a change it could not record.
    CACHES["pages"] = {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "jejaring",
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.25, "SOCKET_TIMEOUT": 0.25},
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "pages",
            "OPTIONS": {"MAX_ENTRIES": 2000},
        },
    }

# The anonymous page cache (core.pagecache, core.content_version): how long a page is kept at most (0 turns it off),
# and, with a cache in each process's memory, the file through which the processes learn of a change.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
PAGE_CACHE_VERSION_FILE = os.environ.get("PAGE_CACHE_VERSION_FILE", str(BASE_DIR / ".run" / "content-version"))
PAGE_CACHE_MAX_BYTES = 2 * 1024 * 1024
PAGE_CACHE_MAX_QUERY = 512
# A CDN in front (core.cdn): how long it may keep a page everyone may see (s-maxage; 0: it keeps none), and how it is
# purged (Wagtail's frontend cache: Cloudflare, CloudFront, or an HTTP PURGE to Varnish or nginx).
CDN_CACHE_SECONDS = int(os.environ.get("CDN_CACHE_SECONDS", "0"))
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["FRONTEND_CACHE_CLOUDFLARE_ZONEID"],
        "BEARER_TOKEN": os.environ.get("FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN", ""),
    }
if os.environ.get("FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"],
    }
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")

# Background work through django-tasks: run at once unless a worker queue is configured.
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "immediate")
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks_db.DatabaseBackend"
            if TASKS_BACKEND == "database"
            else "django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}

# E-mail: every message is queued (core.mail) and delivered by a task through EMAIL_DELIVERY_BACKEND: the console in
# development, SMTP when EMAIL_HOST is set.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_BACKEND = "core.mail.QueueBackend"
EMAIL_DELIVERY_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "20"))  # seconds: a hung mail server does not hold a worker
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Jejaring Sekolah Demokrasi <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Who hears of server errors by e-mail ("Name <address>" or addresses, comma-separated). Those e-mails go straight to
# the mail server, not through the queue (which needs the database that may be the thing failing), at most one per
# kind of error every ten minutes.
ADMINS = [parseaddr(entry) for entry in env_list("ADMINS")]
# Error reports (to ADMINS) show which form fields were sent, never what was typed in them.
DEFAULT_EXCEPTION_REPORTER_FILTER = "core.log.NoPostDataFilter"

# Errors also go to Sentry when SENTRY_DSN is set. No request bodies, cookies or user details are sent: the forms
# carry the personal data of people the site protects.
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
if SENTRY_DSN:
    import sentry_sdk

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
        send_default_pii=False,
        max_request_body_size="never",
        include_local_variables=False,
        traces_sample_rate=float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE", "0")),
    )

# Search: the database backend (PostgreSQL full text with the Indonesian Snowball stemmer, SQLite FTS5),
# or Elasticsearch/OpenSearch when ELASTICSEARCH_URL is set.
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
ELASTICSEARCH_BACKEND = os.environ.get("ELASTICSEARCH_BACKEND", "wagtail.search.backends.elasticsearch9")
# Named "default", the Indonesian analyzer applies to every text field that does not name another one.
INDONESIAN_ANALYSIS = {
    "analysis": {
        "filter": {
            "indonesian_stop": {"type": "stop", "stopwords": "_indonesian_"},
            "indonesian_stemmer": {"type": "stemmer", "language": "indonesian"},
        },
        "analyzer": {
            "default": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": ["lowercase", "asciifolding", "indonesian_stop", "indonesian_stemmer"],
            }
        },
    }
}
ELASTICSEARCH_SETTINGS = {
    "BACKEND": ELASTICSEARCH_BACKEND,
    "URLS": [ELASTICSEARCH_URL or "http://127.0.0.1:9200"],
    "INDEX_PREFIX": os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "jejaring_"),
    "TIMEOUT": 10,
    "INDEX_SETTINGS": {"settings": INDONESIAN_ANALYSIS},
}
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {"default": ELASTICSEARCH_SETTINGS}
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "indonesian"

# Wagtail
WAGTAIL_SITE_NAME = "Jejaring Sekolah Demokrasi"
# Where the site is served. `manage.py set_site_url` writes it into the default Site record, from which every
# absolute link (e-mails, calendars, feeds, canonical URLs) is made; `make serve` runs it with SITE_URL.
SITE_URL = os.environ.get("SITE_URL", "")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", SITE_URL or "http://127.0.0.1:8000")
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_MODERATION_ENABLED = True
# No autosave (Wagtail 8 saves the edit form half a second after each change by default): an editor saw one land just
# after Publish, leaving a draft where a published page was expected, and one fired on a new page's form creates a
# draft page whose slug then refuses the next try once the form is abandoned. Editors save with "Save draft" or
# Publish, and the admin still warns before leaving a form with unsaved changes.
WAGTAIL_AUTOSAVE_INTERVAL = 0
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# Uploads: only these file types, and nothing bigger than these limits.
WAGTAILDOCS_DOCUMENT_MODEL = "resources.ResourceDocument"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "resources.forms.ResourceDocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.images.ImageForm"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "doc", "odt", "xlsx", "ods", "pptx", "odp", "csv", "txt", "rtf", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = int(os.environ.get("DOCUMENT_MAX_UPLOAD_MB", "20")) * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = int(os.environ.get("IMAGE_MAX_UPLOAD_MB", "10")) * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Security headers for every response; the CSP is applied to the public site (see core.middleware).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"
# Named apart from django-csp's and Django 6's CONTENT_SECURITY_POLICY, which take a dict, not a header value.
# The one inline script (templates/base.html): marks the page as scripted before it is first drawn, so the phone menu
# is drawn closed from the start instead of jumping shut when site.js runs. The policy allows it by its hash.
SCRIPTED_PAGE_SCRIPT = 'document.documentElement.classList.add("js")'
SCRIPTED_PAGE_SCRIPT_HASH = base64.b64encode(hashlib.sha256(SCRIPTED_PAGE_SCRIPT.encode()).digest()).decode()
SITE_CONTENT_SECURITY_POLICY = (
    f"default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self' "
    f"'sha256-{SCRIPTED_PAGE_SCRIPT_HASH}'; "
    "frame-src 'self' https://www.youtube-nocookie.com https://www.youtube.com https://player.vimeo.com; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'"
)
SITE_CSP_EXEMPT_PREFIXES = ("/admin/", "/django-admin/")
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
PERMISSIONS_POLICY = "geolocation=(), camera=(), microphone=(), payment=(), usb=()"

# Cookies: none is readable by scripts except the CSRF token's (Wagtail's admin reads it); all are sent only on
# same-site navigation and, in production, only over HTTPS (production.py).
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
# A session ends after SESSION_MAX_DAYS however active it is (core.middleware.SessionIdleTimeoutMiddleware), and
# after this many idle minutes for those who see contact details: people who need a second factor (staff), and
# verified members. Other accounts keep only the absolute limit.
SESSION_MAX_DAYS = int(os.environ.get("SESSION_MAX_DAYS", "7"))
SESSION_COOKIE_AGE = SESSION_MAX_DAYS * 24 * 60 * 60
SESSION_IDLE_MINUTES_STAFF = int(os.environ.get("SESSION_IDLE_MINUTES_STAFF", "30"))
SESSION_IDLE_MINUTES_MEMBERS = int(os.environ.get("SESSION_IDLE_MINUTES_MEMBERS", "120"))

# Logins (django-axes): AXES_FAILURE_LIMIT wrong passwords for one account lock that account, from every address;
# as many from one address lock that address, for every account; for AXES_COOLOFF_MINUTES after the last try. The
# counts live in the database (shared by every app server). The address is the one core.ratelimit.client_ip sees
# (TRUSTED_PROXY_COUNT), never a forgeable X-Forwarded-For.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "20"))
AXES_COOLOFF_MINUTES = int(os.environ.get("AXES_COOLOFF_MINUTES", "30"))
AXES_COOLOFF_TIME = timedelta(minutes=AXES_COOLOFF_MINUTES)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "core.ratelimit.client_ip"
AXES_USERNAME_CALLABLE = "members.lockout.username"
AXES_LOCKOUT_CALLABLE = "members.lockout.locked_out"
AXES_HTTP_RESPONSE_CODE = 429
# A successful login clears the account's own count (members.lockout), not its address's: logging in to one's own
# account does not reset the tries made on others from the same address.
AXES_RESET_ON_SUCCESS = False
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_VERBOSE = False  # no banner on every manage.py command
AXES_SENSITIVE_PARAMETERS = ["password"]
# Successful logins (address, browser, time) are kept this many days for staff to look into, then pruned.
AXES_ACCESS_LOG_DAYS = int(os.environ.get("AXES_ACCESS_LOG_DAYS", "30"))

# Second factor (django-otp) for everyone who can see or export personal data (core.access.needs_second_factor):
# an authenticator app (TOTP) and single-use recovery codes.
OTP_TOTP_ISSUER = "Jejaring Sekolah Demokrasi"
SECOND_FACTOR_RECOVERY_CODES = 10
# Wrong codes allowed per account in a quarter of an hour, on top of django-otp's growing delay per device.
SECOND_FACTOR_TRIES = 10
SECOND_FACTOR_URL = "members:second_factor"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
        "once_per_interval": {"()": "core.log.OncePerInterval", "seconds": 600},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "mail_admins": {
            "level": "ERROR",
            "class": "django.utils.log.AdminEmailHandler",
            "filters": ["require_debug_false", "once_per_interval"],
            "email_backend": EMAIL_DELIVERY_BACKEND,
        },
    },
    # Django's own "django" logger would e-mail ADMINS too, through the queue and without the filter.
    "loggers": {"django": {"handlers": [], "level": "INFO", "propagate": True}},
    "root": {"handlers": ["console", "mail_admins"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

NEWS_PER_PAGE = 10
SEARCH_RESULTS_PER_PAGE = 10
SEARCH_QUERY_MAX_LENGTH = 200
RESOURCES_PER_PAGE = 12
RESOURCES_MAX_EXTRACTED_CHARS = 200_000
MODULE_ZIP_MAX_BYTES = 200 * 1024 * 1024

# Member accounts (alumni and verified partners); there is no open sign-up: accounts come from claim links.
LOGIN_URL = "members:login"
LOGIN_REDIRECT_URL = "alumni:my_profile"
# Members-only pages and documents send people to the site's own login, not Wagtail's unstyled one.
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
LOGOUT_REDIRECT_URL = "/"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24  # one day
ALUMNI_CLAIM_LINK_DAYS = int(os.environ.get("ALUMNI_CLAIM_LINK_DAYS", "14"))
ALUMNI_CONSENT_NOTICE_VERSION = "2026-11"
ALUMNI_PER_PAGE = 20
ALUMNI_PHOTO_MAX_UPLOAD_MB = 5
ALUMNI_PHOTO_MAX_PIXELS = 25_000_000
ALUMNI_PHOTO_SIZE = 600  # longest side, in pixels, of the stored photo
# Introductions: at most this many requests per sender (by IP and by e-mail) and per recipient, per day.
INTRODUCTIONS_PER_SENDER_PER_DAY = int(os.environ.get("INTRODUCTIONS_PER_SENDER_PER_DAY", "5"))
INTRODUCTIONS_PER_RECIPIENT_PER_DAY = int(os.environ.get("INTRODUCTIONS_PER_RECIPIENT_PER_DAY", "10"))
# Behind a load balancer, how many proxies append to X-Forwarded-For: rate limits then see the visitor's address.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
EVENTS_PER_PAGE = 12
# What `manage.py run_schedule` runs (`make serve` starts it): a management command and every how many seconds.
SCHEDULE = {
    "send-queued-email": {"command": ["send_queued_email"], "every": 5 * 60},
    "recover-tasks": {"command": ["recover_tasks"], "every": 5 * 60},
    "resume-text-extraction": {"command": ["resume_text_extraction"], "every": 15 * 60},
    "event-reminders": {"command": ["send_event_reminders"], "every": 15 * 60},
    "prune-records": {"command": ["prune_records"], "every": 24 * 60 * 60},
}
# A task running longer than this lost its worker: the schedule queues it again. No task of the site takes minutes.
TASK_STUCK_MINUTES = int(os.environ.get("TASK_STUCK_MINUTES", "30"))
TASK_MAX_ATTEMPTS = 3  # a task whose worker died under it this often is marked failed, not run again
# Where `manage.py backup` (make backup) writes when not told: a folder per backup.
BACKUP_DIR = Path(os.environ.get("BACKUP_DIR", BASE_DIR / "backups"))
BACKUP_KEEP = int(os.environ.get("BACKUP_KEEP", "14"))  # the newest this many stay there; older ones are deleted
# Delivered and dropped e-mails stay in the staff's e-mail log this long.
EMAIL_LOG_DAYS = int(os.environ.get("EMAIL_LOG_DAYS", "90"))
# Library searches are counted per query and day for the editors' search promotions; the counts go after this long
# (daily `prune_records`). Queries that look like an e-mail address or a phone number are never stored.
SEARCH_QUERY_DAYS = int(os.environ.get("SEARCH_QUERY_DAYS", "90"))
WAGTAILSEARCH_HITS_MAX_AGE = SEARCH_QUERY_DAYS
# /healthz/ reports the task worker late when the oldest due task has waited longer than this.
HEALTH_MAX_QUEUE_SECONDS = int(os.environ.get("HEALTH_MAX_QUEUE_SECONDS", "300"))
