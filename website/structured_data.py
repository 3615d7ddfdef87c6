"""schema.org data for search engines and link previews, written into pages as JSON-LD."""

import contextlib

from django.templatetags.static import static
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.images.models import SourceImageIOError

from core.links import absolute_url

HEADLINE_MAX_LENGTH = 110  # what Google shows of an article's headline


def publisher():
    return {
        "@type": "Organization",
        "name": _("Jejaring Sekolah Demokrasi"),
        "url": absolute_url("/"),
        "logo": {"@type": "ImageObject", "url": absolute_url(static("website/img/logo.svg"))},
    }


def news_article(page):
    """A NewsArticle for a news page: its authors, or the network when it names none, as the author."""
    authors = [{"@type": "Person", "name": author.name} for author in page.authors.all()]
    modified = page.last_published_at or page.latest_revision_created_at
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title[:HEADLINE_MAX_LENGTH],
        "description": page.description,
        "datePublished": page.date.isoformat(),
        "dateModified": timezone.localtime(modified).isoformat() if modified else page.date.isoformat(),
        "author": authors or [publisher()],
        "publisher": publisher(),
        "inLanguage": page.locale.language_code,
        "url": page.full_url,
        "mainEntityOfPage": page.full_url,
    }
    image = page.share_image
    if image:
        # A missing image file must not take the page down: the article is then described without it.
        with contextlib.suppress(SourceImageIOError):
            data["image"] = [absolute_url(image.get_rendition("fill-1200x630|format-jpeg").url)]
    return data
