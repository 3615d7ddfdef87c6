"""The language switch and the marking of text in another language than the page's.

`{% language_links as languages %}` gives the switcher's links (see `core.i18n.language_links`);
`<h3{% lang_attr resource %}>` marks an element holding an object's text with `lang` when that text is in another
language than the page (an English resource on the Indonesian site), so screen readers read it with the right voice.
"""

from django import template

from core import i18n

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    request = context.get("request")
    user = getattr(request, "user", None) if request is not None else None
    return i18n.language_links(request, context.get("page"), user)


@register.simple_tag
def lang_attr(obj):
    """` lang="xx"` when `obj` (a page, a translatable snippet, a resource, or a language code) is written in another
    language than the active one, else nothing."""
    return i18n.lang_attributes(obj)
