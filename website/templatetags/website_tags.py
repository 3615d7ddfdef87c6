from django import template
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site
from wagtail.templatetags.wagtailcore_tags import richtext

from core.access import public_pages
from core.content_version import remember
from core.links import absolute_url
from events.templatetags.events_tags import json_ld
from website.models import Footer, SiteSettings
from website.structured_data import news_article

register = template.Library()


def _site(request):
    """The request's Site (core.middleware.SiteMiddleware found it)."""
    return None if request is None else Site.find_for_request(request)


def _site_root(request):
    """The site's home page in the active language."""
    site = _site(request)
    if site is None:
        return None
    return remember(f"site-root:{site.pk}:{get_language()}", lambda: site.root_page.localized)


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The home page's children marked "show in menus"; `current` is "page" or "true" for the current section."""
    request = context.get("request")
    root = _site_root(request)
    if root is None:
        return []

    def compute():
        return list(public_pages(root.get_children().live().in_menu().filter(locale=Locale.get_active())))

    page = context.get("page")
    items = []
    for child in remember(f"main-menu:{root.pk}", compute):
        current = ""
        if isinstance(page, Page):
            if page.pk == child.pk:
                current = "page"
            elif page.path.startswith(child.path):
                current = "true"
        items.append({"page": child, "current": current})
    return items


@register.simple_tag(takes_context=True)
def home_page(context):
    return _site_root(context.get("request"))


@register.simple_tag
def footer():
    """The footer of the active language (else the default one's), drawn once per content version: its text as
    HTML and each link as HTML."""

    def compute():
        found = (
            Footer.objects.filter(locale=Locale.get_active()).first()
            or Footer.objects.filter(locale=Locale.get_default()).first()
        )
        if found is None:
            return None
        return {"text": richtext(found.text) if found.text else "", "links": [block.render() for block in found.links]}

    return remember(f"footer:{get_language()}", compute)


@register.simple_tag(takes_context=True)
def site_settings(context):
    """The site's contact details, social links and partner logos (`SiteSettings`), the blocks drawn as HTML, kept
    once per content version and language."""
    site = _site(context.get("request"))
    if site is None:
        return None

    def compute():
        found = SiteSettings.for_site(site)
        return {
            "contact_email": found.contact_email,
            "contact_phone": found.contact_phone,
            "address": found.address,
            "social_links": [block.render() for block in found.social_links],
            "partner_logos": [block.render() for block in found.partner_logos],
        }

    return remember(f"site-settings:{site.pk}:{get_language()}", compute)


@register.simple_tag
def breadcrumbs(page):
    if not isinstance(page, Page) or page.depth <= 2:
        return []
    return remember(f"breadcrumbs:{page.pk}", lambda: list(page.get_ancestors().filter(depth__gt=1).live()))


@register.filter
def absolute(url, request=None):
    """A full URL on the site's address (the default Site record: see core.links)."""
    return absolute_url(url)


@register.simple_tag
def news_article_json_ld(page):
    """The schema.org NewsArticle of a news page, as a JSON-LD script element."""
    return json_ld(news_article(page))
