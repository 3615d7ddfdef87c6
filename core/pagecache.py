"""Whole pages for anonymous visitors, kept in the page cache and served again without touching the database.

Never private: a page is kept or served only for a GET with no cookie but the CSRF and language cookies (no session,
so nobody logged in, no shared-password pass, no pending message), from a view that is meant for everyone (Wagtail's
pages and the views marked `@public_page`), answered 200 without a cookie of its own, without `private`, `no-cache` or
`no-store`, and varying on nothing but language, encoding and cookies. A form's CSRF token is taken out before the
page is kept and a fresh one, with its cookie, is put in each time the page is served.

Never stale: entries are kept under the content version (core.content_version), which changes with every write that
can change a page, and expire at the next moment a page changes by itself (an event starting) or after
PAGE_CACHE_SECONDS, whichever comes first.

Responses that are not kept are marked `Cache-Control: private`, so no CDN or proxy keeps them either; kept ones are
`public` with `s-maxage=CDN_CACHE_SECONDS` (0 unless a CDN that Wagtail purges is configured).
"""

import gzip
import hashlib
import re

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotModified
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from wagtail.views import serve as wagtail_serve

from . import content_version

CSRF_MARKER = b"__page_cache_csrf_token__"
CSRF_INPUT = re.compile(rb'(name="csrfmiddlewaretoken" value=")([^"]+)(")')
KEPT_HEADERS = frozenset(
    {
        "content-type",
        "content-security-policy",
        "permissions-policy",
        "x-frame-options",
        "content-disposition",
        "link",
        "x-robots-tag",
    }
)
VARY_ALLOWED = frozenset({"cookie", "accept-language", "accept-encoding"})
REFUSED_CACHE_CONTROL = ("private", "no-cache", "no-store")


def public_page(view=None, *, shared=True):
    """Mark a view whose answer to an anonymous visitor is the same for every anonymous visitor, so the page cache
    may keep it. `shared=False` for pages that show people: the page cache follows every change to them, a CDN or
    proxy would not, so those are told the page is private."""

    def mark(view):
        view.page_cache = "shared" if shared else "server"
        return view

    return mark if view is None else mark(view)


def cache_kind(view_func):
    """How a view's answers to anonymous visitors may be kept: "shared", "server" (page cache only) or None."""
    if view_func is wagtail_serve:
        return "shared"
    return getattr(view_func, "page_cache", None)


def cookies_allow_cache(request):
    allowed = {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}
    return all(name in allowed for name in request.COOKIES)


def request_allows_cache(request):
    return (
        request.method == "GET"
        and "HTTP_AUTHORIZATION" not in request.META
        and len(request.META.get("QUERY_STRING", "")) <= settings.PAGE_CACHE_MAX_QUERY
        and cookies_allow_cache(request)
    )


def entry_key(request, version):
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}|{request.LANGUAGE_CODE}"
    return f"page:{version}:{hashlib.blake2b(address.encode(), digest_size=16).hexdigest()}"


def accepts_gzip(request):
    return "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")


def cache_control(response, entry):
    """What browsers, proxies and CDNs are told about a kept page: a CDN may keep a page everyone may see for
    CDN_CACHE_SECONDS (it is purged when the page is published); pages with people or with a form's token are
    private, and browsers check back each time (the ETag makes that cheap)."""
    if entry["shared"]:
        patch_cache_control(response, public=True, max_age=0, s_maxage=settings.CDN_CACHE_SECONDS)
    else:
        patch_cache_control(response, private=True, no_cache=True)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_SECONDS or not request_allows_cache(request):
            return self.mark(request, self.get_response(request), kept=False)
        content_version.record_unrecorded_change()
        version = content_version.current()
        if version is None:
            return self.mark(request, self.get_response(request), kept=False)
        key = entry_key(request, version)
        try:
            entry = content_version.page_cache().get(key)
        except Exception:  # noqa: BLE001 - the cache is unreachable: draw the page
            content_version.failed("looking up a page")
            entry = None
        if entry is not None:
            return self.serve(request, entry)
        response = self.get_response(request)
        kept = self.keep(request, response, key)
        return self.mark(request, response, kept=kept)

    def process_view(self, request, view_func, view_args, view_kwargs):
        request.page_cache_kind = cache_kind(view_func)

    @staticmethod
    def mark(request, response, kept):
        if not kept and "Cache-Control" not in response:
            patch_cache_control(response, private=True, no_cache=True)
        if not kept:
            response.headers.setdefault("X-Cache", "MISS" if request_allows_cache(request) else "BYPASS")
        return response

    def keep(self, request, response, key):
        """Keep `response` if it is the same for every anonymous visitor; whether it was kept."""
        if not self.cacheable(request, response):
            return False
        body = response.content
        csrf = bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))
        if csrf:
            tokens = {match[2] for match in CSRF_INPUT.finditer(body)}
            body = CSRF_INPUT.sub(rb"\1" + CSRF_MARKER + rb"\3", body)
            if not tokens or any(token in body for token in tokens):
                return False  # the token is used where it cannot be replaced
        headers = [(name, value) for name, value in response.items() if name.lower() in KEPT_HEADERS]
        etag = f'"{hashlib.blake2b(body, digest_size=12).hexdigest()}"'
        entry = {
            "status": response.status_code,
            "headers": headers,
            "body": body,
            "gzip": None if csrf else gzip.compress(body, compresslevel=6, mtime=0),
            "csrf": csrf,
            "shared": request.page_cache_kind == "shared" and not csrf,
            "etag": None if csrf else etag,
        }
        expires = content_version.horizon()
        timeout = int((expires - timezone.now()).total_seconds())
        if timeout <= 0:
            return False
        try:
            content_version.page_cache().set(key, entry, timeout)
        except Exception:  # noqa: BLE001
            content_version.failed("keeping a page")
            return False
        cache_control(response, entry)
        if entry["etag"]:
            response["ETag"] = etag
        response["X-Cache"] = "MISS"
        return True

    @staticmethod
    def cacheable(request, response):
        if getattr(request, "page_cache_kind", None) is None or response.status_code != 200:
            return False
        if response.streaming or response.cookies or not isinstance(response, HttpResponse):
            return False
        if any(word in response.get("Cache-Control", "") for word in REFUSED_CACHE_CONTROL):
            return False
        vary = {word.strip().lower() for word in response.get("Vary", "").split(",") if word.strip()}
        if not vary <= VARY_ALLOWED:
            return False
        user = getattr(request, "_cached_user", None)  # only when the view looked at it
        if user is not None and user.is_authenticated:
            return False
        return len(response.content) <= settings.PAGE_CACHE_MAX_BYTES

    @staticmethod
    def serve(request, entry):
        if entry["etag"] and request.META.get("HTTP_IF_NONE_MATCH") == entry["etag"]:
            response = HttpResponseNotModified()
            response["ETag"] = entry["etag"]
            cache_control(response, entry)
            patch_vary_headers(response, ("Accept-Encoding",))
            response["X-Cache"] = "HIT"
            return response
        if entry["csrf"]:
            response = HttpResponse(entry["body"].replace(CSRF_MARKER, get_token(request).encode()), entry["status"])
        elif entry["gzip"] is not None and accepts_gzip(request):
            response = HttpResponse(entry["gzip"], status=entry["status"])
            response["Content-Encoding"] = "gzip"
        else:
            response = HttpResponse(entry["body"], status=entry["status"])
        cache_control(response, entry)
        for name, value in entry["headers"]:
            response[name] = value
        if entry["etag"]:
            response["ETag"] = entry["etag"]
        patch_vary_headers(response, ("Accept-Encoding",))
        response["X-Cache"] = "HIT"
        return response
