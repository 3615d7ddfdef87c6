"""WSGI entry point: gunicorn website.wsgi:application."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.production")

application = get_wsgi_application()

from core.pagecache import serve_from_cache  # noqa: E402  (needs the settings loaded above)

# Pages kept for anonymous visitors are served before Django builds a request (core.pagecache).
application = serve_from_cache(application)
