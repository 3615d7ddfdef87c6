from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from alumni.sitemaps import AlumniSectionSitemap, CohortSitemap, OrganisationSitemap, ProfileSitemap


class BilingualSitemap(Sitemap):
    """Every live, public page of the site in every language (Wagtail's own sitemap lists one language)."""

    def items(self):
        root = self.get_wagtail_site().root_page
        roots = root.get_translations(inclusive=True)
        tree = Q()
        for translated_root in roots:
            tree |= Q(path__startswith=translated_root.path)
        return (
            Page.objects.filter(tree)
            .live()
            .public()
            .order_by("path")
            .select_related("locale")
            .defer_streamfields()
            .specific()
        )


# Every section of /sitemap.xml: the pages, and the alumni section's plain views.
SITEMAPS = {
    "pages": BilingualSitemap,
    "alumni": AlumniSectionSitemap,
    "alumni-profiles": ProfileSitemap,
    "organisations": OrganisationSitemap,
    "cohorts": CohortSitemap,
}
