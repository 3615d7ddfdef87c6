"""Sitemaps of the alumni section: profiles anyone may see, organisations and cohorts, in both languages.

Profiles come from `visible_profiles` for an anonymous visitor: members-only and hidden profiles are never listed.
"""

from django.contrib.auth.models import AnonymousUser
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Cohort
from .policy import visible_organisations, visible_profiles


class AlumniSitemap(Sitemap):
    i18n = True
    alternates = True
    url_name = ""

    def location(self, item):
        return reverse(self.url_name, args=[item])


class ProfileSitemap(AlumniSitemap):
    url_name = "alumni:profile"

    def items(self):
        return list(visible_profiles(AnonymousUser()).order_by("pk").values_list("public_id", flat=True))


class OrganisationSitemap(AlumniSitemap):
    url_name = "alumni:organisation"

    def items(self):
        return list(visible_organisations(AnonymousUser()).order_by("pk").values_list("slug", flat=True))


class CohortSitemap(AlumniSitemap):
    url_name = "alumni:cohort"

    def items(self):
        return list(Cohort.objects.order_by("pk").values_list("slug", flat=True))


class AlumniSectionSitemap(AlumniSitemap):
    """The directory's own pages."""

    def items(self):
        return ["alumni:directory", "alumni:organisations", "alumni:cohorts", "alumni:finder"]

    def location(self, item):
        return reverse(item)
