"""Absolute URLs from one place: the default Wagtail Site record, which `manage.py set_site_url` sets from
configuration (`SITE_URL` on deploy, the port for `make run`).

E-mails, calendar files, citations, feeds, canonical and og:url links all start here (pages through Wagtail's own
`get_full_url`, which reads the same record), so they point where the site is served, even when they are written
by a background task that has no request to look at.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.models import Site

from .content_version import remember


def site_root_url():
    """The site's base URL without a trailing slash, e.g. "https://jejaring.example.org"."""
    # Asked for every absolute link on a page (canonical, alternates, og:image): kept under the content version.
    root_url = remember("site-root-url", _default_site_root_url)
    return root_url or settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def _default_site_root_url():
    site = Site.objects.filter(is_default_site=True).only("hostname", "port").first()
    return site.root_url if site is not None else ""


def absolute_url(path_or_url):
    """A full URL for a path of the site ("/alumni/"); full URLs are returned as they are."""
    if not path_or_url:
        return ""
    if path_or_url.startswith(("http://", "https://")):
        return path_or_url
    return site_root_url() + "/" + path_or_url.lstrip("/")


def parse_site_url(url):
    """(hostname, port) of a base URL Wagtail's Site record can hold: https on port 443, http on any port."""
    parts = urlsplit((url or "").strip())
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise ValidationError(_("%(url)s is not a web address such as https://jejaring.example.org.") % {"url": url})
    if parts.path not in {"", "/"} or parts.query or parts.fragment:
        raise ValidationError(
            _("The site must be served at the root of its address, without a path: %(url)s") % {"url": url}
        )
    port = parts.port or (443 if parts.scheme == "https" else 80)
    if parts.scheme == "https" and port != 443:
        raise ValidationError(_("HTTPS is only supported on port 443: %(url)s") % {"url": url})
    if parts.scheme == "http" and port == 443:
        raise ValidationError(_("Port 443 means HTTPS: %(url)s") % {"url": url})
    return parts.hostname, port


def set_site_url(url):
    """Point the default Site at `url`; returns the Site. Raises ValidationError for a URL it cannot hold."""
    hostname, port = parse_site_url(url)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        raise ValidationError(_("There is no default site yet: load the content (or the demo) first."))
    if (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        site.save(update_fields=["hostname", "port"])
    return site
