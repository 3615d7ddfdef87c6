"""Languages: the active language's Locale and pages in it, the language switch, and the language content is
written in.

The language switch keeps the visitor's place: the same view in the other language, with the same search, filters
and tabs (the query string); a page's translation, on the same sub-page (a registration's own page, with its token);
a page that has no translation keeps its link on itself, where a note in the other language says so and offers the
nearest page that does exist in that language (see `language_links`).
"""

from django.conf import settings
from django.urls import translate_url
from django.utils.encoding import escape_uri_path
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_bidi, get_language_info
from wagtail.models import Locale, Page

from .access import public_pages, viewable_pages
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


# --- The language switch -----------------------------------------------------------------------------------------


def lists_by_language(view):
    """Mark a view whose list differs between languages (the site search lists the pages of one language): the
    language switch keeps its search and filters but starts the list again on its first page. Wagtail's pages list
    pages of their own language, so they are treated so without the mark."""
    view.lists_by_language = True
    return view


def _translations(page):
    """{language code: (the live translation of `page`, itself included; whether it is public)}."""

    def compute():
        translations = page.get_translations(inclusive=True).live().select_related("locale")
        public = set(public_pages(translations).values_list("pk", flat=True))
        return {item.locale.language_code: (item, item.pk in public) for item in translations}

    return remember(f"translations:{page.translation_key}", compute)


def _viewable_translations(page, user):
    """{language code: translation of `page`} that `user` may open: the public ones, and members-only ones for
    members (asked only when there are such, so an anonymous visitor's page costs no query)."""
    found = _translations(page)
    viewable = {code: item for code, (item, public) in found.items() if public}
    restricted = {item.pk: code for code, (item, public) in found.items() if not public}
    if restricted and user is not None and user.is_authenticated:
        for pk in viewable_pages(Page.objects.filter(pk__in=restricted), user).values_list("pk", flat=True):
            viewable[restricted[pk]] = found[restricted[pk]][0]
    return viewable


def nearest_translated_ancestor(page, code):
    """The deepest ancestor of `page` (its section, the library, at worst the home page) that has a live, public
    translation in the language `code`: that translation, or None."""

    def compute():
        ancestors = page.get_ancestors().filter(depth__gt=1)
        found = public_pages(
            Page.objects.live().filter(
                translation_key__in=ancestors.values("translation_key"), locale__language_code=code
            )
        )
        return found.order_by("-depth").first()

    return remember(f"translated-ancestor:{page.pk}:{code}", compute)


def _query_string(request, per_language):
    """The request's query string for the other language's link: kept as it is, without the page number of a list
    that differs between languages."""
    if not per_language or "page" not in request.GET:
        return request.META.get("QUERY_STRING", "")
    params = request.GET.copy()
    del params["page"]
    return params.urlencode()


def _sub_page(request, page):
    """What follows the page's own address in the request's path: a routable page's sub-page ("daftar/",
    "konfirmasi/<token>/"), the same in every language since routes are code, not content."""
    parts = page.get_url_parts(request)
    if not parts:
        return ""
    own = parts[2]  # percent-encoded, as `reverse` gives it
    for path in (escape_uri_path(request.path), request.path):
        if path.startswith(own):
            return path[len(own) :]
    return ""


def language_links(request, page, user=None):
    """One entry per language for the switcher: `code`, `name`, `url` (with the query string), `current`, and
    `translated` (False for a page that does not exist in that language: its `url` then points at the note on this
    page, and `fallback` is the nearest page that does exist in it)."""
    current = get_language()
    full_path = request.get_full_path() if request is not None else ""
    is_page = isinstance(page, Page) and page.pk is not None
    per_language = is_page or (
        request is not None
        and request.resolver_match is not None
        and getattr(request.resolver_match.func, "lists_by_language", False)
    )
    query = _query_string(request, per_language) if request is not None else ""
    translations = _viewable_translations(page, user) if is_page else {}
    urls = {code: item.get_url(request) for code, item in translations.items()}
    sub_page = _sub_page(request, page) if is_page and request is not None else ""
    links = []
    for code, name in settings.LANGUAGES:
        link = {"code": code, "name": name, "current": code == current, "translated": True, "fallback": None}
        link["note_id"] = note_id(code)
        if code == current and request is not None:
            link["url"] = full_path
        elif is_page and urls.get(code):
            link["url"] = _with_query(urls[code] + sub_page, query)
        elif is_page:
            link.update(url=f"#{note_id(code)}", translated=False)
            link["fallback"] = nearest_translated_ancestor(page, code)
        elif request is not None:
            link["url"] = _with_query(translate_url(escape_uri_path(request.path), code), query)
        else:
            continue
        links.append(link)
    return links


def _with_query(url, query):
    return f"{url}?{query}" if query else url


def note_id(code):
    """The id of the note that says a page does not exist in the language `code`."""
    return f"not-in-{code}"


# --- The language content is written in ---------------------------------------------------------------------------


def _locale_codes():
    return remember("locale-codes", lambda: dict(Locale.objects.values_list("pk", "language_code")))


def content_language(obj):
    """The language `obj`'s title and text are written in, or None when it does not say.

    A page or translatable snippet is written in its locale's language. A resource also names its own language
    (`language`): in the default language's tree, where editors enter originals, a resource in English keeps its
    English title and summary, so its own language wins there; a translation is written in its locale's language.
    A language code names itself (a resource's files are in the resource's own language: `page.language`).
    """
    if isinstance(obj, str):
        return obj or None
    locale_id = getattr(obj, "locale_id", None)
    code = _locale_codes().get(locale_id) if locale_id is not None else None
    own = getattr(obj, "language", None)
    if isinstance(own, str) and own and (code is None or code == settings.LANGUAGE_CODE):
        return own
    return code


def lang_attributes(obj):
    """` lang="en"` (and `dir` where the direction changes) for an element holding `obj`'s text, when that text is
    not in the active language; "" otherwise."""
    code = content_language(obj)
    current = get_language() or settings.LANGUAGE_CODE
    if not code or code == current:
        return ""
    try:
        bidi = get_language_info(code)["bidi"]
    except KeyError:
        bidi = False
    if bidi != get_language_bidi():
        return format_html(' lang="{}" dir="{}"', code, "rtl" if bidi else "ltr")
    return format_html(' lang="{}"', code)
