from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


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
