"""Work a new server process does once, before it takes visitors: without it the first visitor after a restart waits
while templates are compiled, translations read, URL patterns built and Wagtail's per-process caches filled.

gunicorn runs it in each worker before the worker takes requests (deploy/gunicorn.conf.py, `post_worker_init`).
"""

import contextlib
import logging
import sys
import time
from io import BytesIO
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.template import engines
from django.template.exceptions import TemplateDoesNotExist, TemplateSyntaxError
from django.urls import NoReverseMatch, get_resolver, reverse
from django.utils import translation
from wagtail.models import Locale, Site

logger = logging.getLogger(__name__)

# Pages of other apps, by URL name: reversed, so that the kernel names no app's code.
OTHER_PAGES = ("search", "alumni:directory")


def warm_up(application, close_connections=True):
    """Compile every template, load both languages and draw the main pages once through `application` (the WSGI
    application), then close the database connections this opened, which a forked worker must not share. Returns
    how many pages were drawn."""
    started = time.monotonic()
    compile_templates()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            get_resolver().url_patterns  # noqa: B018 - builds the URL patterns of every app
    drawn = 0
    try:
        host = warm_up_host()
        if host:
            for path in paths():
                drawn += draw(application, host, path)
    except Exception:  # noqa: BLE001 - a database not there yet only makes the first visitors wait
        logger.warning("Warm-up drew no pages.", exc_info=True)
    finally:
        if close_connections:
            connections.close_all()
    logger.info("Warmed up in %.1f s (%d pages drawn).", time.monotonic() - started, drawn)
    return drawn


def compile_templates():
    for engine in engines.all():
        for folder in engine.template_dirs:
            for path in Path(folder).rglob("*.html"):
                try:
                    engine.get_template(str(path.relative_to(folder)))
                except (TemplateDoesNotExist, TemplateSyntaxError, UnicodeDecodeError):
                    logger.warning("Warm-up could not compile %s.", path)


def warm_up_host():
    """A host name Django accepts: the default site's, or the first plain one in ALLOWED_HOSTS."""
    site = Site.objects.filter(is_default_site=True).first()
    candidates = [site.hostname] if site else []
    candidates += [host for host in settings.ALLOWED_HOSTS if host and host[0] not in ".*"]
    return next((host for host in candidates if host in settings.ALLOWED_HOSTS or "*" in settings.ALLOWED_HOSTS), "")


def paths():
    """The home page of each language, the pages in its menu, and the site search and directory."""
    site = Site.objects.filter(is_default_site=True).first()
    found = []
    if site is not None:
        for locale in Locale.objects.all():
            home = site.root_page.get_translation_or_none(locale)
            if home is None or not home.live:
                continue
            found.append(home.url)
            found += [page.url for page in home.get_children().live().in_menu()[:10] if page.url]
            with translation.override(locale.language_code):
                for name in OTHER_PAGES:
                    with contextlib.suppress(NoReverseMatch):
                        found.append(reverse(name))
    return list(dict.fromkeys(path for path in found if path))


def draw(application, host, path):
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SCRIPT_NAME": "",
        "SERVER_NAME": host,
        "SERVER_PORT": "443",
        "HTTP_HOST": host,
        "wsgi.url_scheme": "https",
        "wsgi.input": BytesIO(),
        "wsgi.errors": sys.stderr,
        "HTTP_X_FORWARDED_PROTO": "https",
    }
    status = []
    body = application(environ, lambda line, headers, exc_info=None: status.append(line))
    b"".join(body)
    if hasattr(body, "close"):
        body.close()
    return int(bool(status) and status[0].startswith("200"))
