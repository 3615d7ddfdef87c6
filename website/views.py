import re

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Page

from core.access import viewable_pages
from core.facets import read_query
from core.i18n import active_locale, lists_by_language
from core.links import absolute_url
from core.pagecache import public_page
from core.search import search_text


def searchable_pages(user):
    """Live pages of the current language that `user` may open (members also see members-only pages)."""
    return viewable_pages(Page.objects.live().filter(locale=active_locale()), user)


@require_GET
@public_page(shared=False)
@lists_by_language
def search(request):
    query = read_query(request.GET, max_length=10_000)
    too_long = len(query) > settings.SEARCH_QUERY_MAX_LENGTH
    query = query[: settings.SEARCH_QUERY_MAX_LENGTH]
    results = None
    if search_text(query):
        results = searchable_pages(request.user).specific().search(search_text(query))
        results = Paginator(results, settings.SEARCH_RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "website/search.html",
        {"search_query": query, "search_results": results, "query_truncated": too_long},
    )


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        "Disallow: /en/search/",
        f"Sitemap: {absolute_url('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def moved_account_page(request):
    """/alumni/masuk/... and /alumni/profil-saya/ganti-email/... are now /akun/...: a permanent redirect there."""
    path = re.sub(r"/alumni/(?:profil-saya/)?", "/akun/", request.path, count=1)
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(f"{path}?{query}" if query else path)
