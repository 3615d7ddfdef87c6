"""The active language's Locale and pages in it, looked up once per content version rather than once per link."""

from django.utils.translation import get_language
from wagtail.models import Locale

from .content_version import remember


def active_locale():
    """`Locale.get_active()`: Wagtail asks the database each time, and a page asks for every link it draws."""
    return remember(f"locale:{get_language()}", Locale.get_active)


def localized(page):
    """`page.localized` (its live translation in the active language, else itself), kept under the content
    version."""
    locale = active_locale()
    if page.locale_id == locale.pk:
        return page
    return remember(f"localized:{page.translation_key}:{locale.pk}", lambda: page.localized)
