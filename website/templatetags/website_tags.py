from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site

from core.links import absolute_url
from website.models import Footer, HomePage

register = template.Library()


def _site_root(request):
    site = Site.find_for_request(request) if request else None
    root = site.root_page if site else None
    if root is None:
        return None
    return root.localized


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language: the translation of the current page if it exists, otherwise that language's home."""
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    translations = {}
    if isinstance(page, Page) and page.pk:
        for translation in page.get_translations(inclusive=True).live().public().select_related("locale"):
            translations[translation.locale.language_code] = translation
    links = []
    for code, name in settings.LANGUAGES:
        url = None
        if code in translations:
            url = translations[code].get_url(request=request)
        elif isinstance(page, Page):
            home = HomePage.objects.live().filter(locale__language_code=code).first()
            url = home.get_url(request=request) if home else None
        elif request is not None:
            url = translate_url(request.get_full_path(), code)
        if url:
            links.append({"code": code, "name": name, "url": url, "current": code == current})
    return links


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The home page's children marked "show in menus"; `current` is "page" or "true" for the current section."""
    root = _site_root(context.get("request"))
    if root is None:
        return []
    page = context.get("page")
    items = []
    for child in root.get_children().live().public().in_menu().filter(locale=Locale.get_active()):
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
    return (
        Footer.objects.filter(locale=Locale.get_active()).first()
        or Footer.objects.filter(locale=Locale.get_default()).first()
    )


@register.simple_tag
def breadcrumbs(page):
    if not isinstance(page, Page) or page.depth <= 2:
        return []
    return list(page.get_ancestors().filter(depth__gt=1).live())


@register.filter
def absolute(url, request=None):
    """A full URL on the site's address (the default Site record: see core.links)."""
    return absolute_url(url)
