"""Absolute links from one place: the default Site record, set by `manage.py set_site_url` (SITE_URL on deploy, the
port for `make run`), used by e-mails, calendars, canonical and og:url alike."""

import io

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation
from wagtail.models import Site

from core.links import absolute_url, site_root_url
from members.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    """The messages are asserted on in English."""
    with translation.override("en"):
        yield


def set_url(*args):
    out = io.StringIO()
    call_command("set_site_url", *args, stdout=out)
    return out.getvalue()


def test_make_run_on_another_port_sends_links_to_that_port(client):
    UserFactory(email="dewi@example.org")
    assert set_url("http://127.0.0.1:8311") == "Links point to http://127.0.0.1:8311/\n"
    client.post(reverse("members:password_reset"), {"email": "dewi@example.org"})
    assert "http://127.0.0.1:8311/en/akun/atur-sandi/" in mail.outbox[0].body


def test_a_deployment_behind_https_gets_https_links(settings, home, client):
    settings.SITE_URL = "https://jejaring.example.org"
    set_url()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("jejaring.example.org", 443)
    assert site_root_url() == "https://jejaring.example.org"
    assert absolute_url("/alumni/") == "https://jejaring.example.org/alumni/"
    html = client.get(home.url, HTTP_HOST="jejaring.example.org").content.decode()
    assert '<link rel="canonical" href="https://jejaring.example.org/">' in html


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("https://jejaring.example.org:8443", "HTTPS is only supported on port 443"),
        ("ftp://jejaring.example.org", "is not a web address"),
        ("https://jejaring.example.org/situs/", "without a path"),
        ("jejaring.example.org", "is not a web address"),
    ],
)
def test_an_address_the_site_record_cannot_hold_is_refused_with_a_reason(url, message):
    with pytest.raises(CommandError, match=message):
        set_url(url)
    assert Site.objects.get(is_default_site=True).hostname == "testserver"


def test_without_an_address_the_command_says_what_to_give(settings):
    settings.SITE_URL = ""
    with pytest.raises(CommandError, match="SITE_URL"):
        set_url()
