"""Point the site's absolute links (e-mails, calendars, feeds, canonical URLs) at where it is served."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext

from core.links import set_site_url


class Command(BaseCommand):
    @property
    def help(self):
        return gettext(
            "Set the host and port of the default site from a URL such as https://jejaring.example.org (default: "
            "the SITE_URL setting). `make run` and `make serve` run it."
        )

    def add_arguments(self, parser):
        parser.add_argument("url", nargs="?", help=gettext("The site's public address; SITE_URL when left out."))

    def handle(self, *args, url=None, **options):
        url = url or settings.SITE_URL
        if not url:
            raise CommandError(gettext("Give the site's address, or set SITE_URL."))
        try:
            site = set_site_url(url)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(gettext("Links point to %(url)s/") % {"url": site.root_url})
