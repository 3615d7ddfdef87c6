from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from .models import NewsIndexPage, NewsPage

FEED_SIZE = 20


class NewsFeed(Feed):
    """The latest public news of the current language, as RSS."""

    title = _("Jejaring Sekolah Demokrasi: news")
    description = _("News from the Sekolah Demokrasi alumni network in Banten.")

    def link(self):
        index = NewsIndexPage.objects.live().public().filter(locale=Locale.get_active()).first()
        return index.url if index else "/"

    def items(self):
        return (
            NewsPage.objects.live()
            .public()
            .filter(locale=Locale.get_active())
            .prefetch_related("authors", "tags")
            .order_by("-date", "-first_published_at")[:FEED_SIZE]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return item.first_published_at or timezone.now()

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    def item_author_name(self, item):
        return ", ".join(author.name for author in item.authors.all()) or None

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]


class NewsAtomFeed(NewsFeed):
    feed_type = Atom1Feed
    subtitle = NewsFeed.description
