from django.contrib.syndication.views import Feed
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from .models import ResourceLibraryPage, ResourcePage

FEED_SIZE = 30


class ResourceFeed(Feed):
    """New public resources of the current language, as RSS."""

    title = _("Jejaring Sekolah Demokrasi: new resources")
    description = _("New materials in the advocacy resource library.")

    def link(self):
        library = ResourceLibraryPage.objects.live().public().filter(locale=Locale.get_active()).first()
        return library.url if library else "/"

    def items(self):
        return (
            ResourcePage.objects.live()
            .public()
            .filter(locale=Locale.get_active())
            .select_related("resource_type", "locale")
            .prefetch_related("tags")
            .order_by("-first_published_at")[:FEED_SIZE]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_categories(self, item):
        return [item.resource_type.display_name, *(tag.name for tag in item.tags.all())]
