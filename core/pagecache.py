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
import secrets
import struct
import zlib

from django.conf import settings
from django.core.handlers.wsgi import get_path_info, get_script_name
from django.http import HttpResponse, HttpResponseBase, HttpResponseNotModified
from django.http.cookie import parse_cookie
from django.middleware.csrf import (
    CSRF_ALLOWED_CHARS,
    CSRF_SECRET_LENGTH,
    get_token,
)
from django.middleware.gzip import GZipMiddleware
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.encoding import escape_uri_path
from django.utils.translation import get_language_from_path
from wagtail.views import serve as wagtail_serve

from . import cdn, content_version

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


def cookies_allow_cache(cookies):
    allowed = {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}
    return all(name in allowed for name in cookies)


def request_allows_cache(meta, cookies):
    return (
        meta.get("REQUEST_METHOD") == "GET"
        and "HTTP_AUTHORIZATION" not in meta
        and len(meta.get("QUERY_STRING", "")) <= settings.PAGE_CACHE_MAX_QUERY
        and cookies_allow_cache(cookies)
    )


def scheme(meta):
    """`request.scheme`, from the WSGI environment: what the proxy says when SECURE_PROXY_SSL_HEADER trusts it."""
    if settings.SECURE_PROXY_SSL_HEADER:
        header, secure = settings.SECURE_PROXY_SSL_HEADER
        value = meta.get(header)
        if value is not None:
            return "https" if value.split(",", 1)[0].strip() == secure else "http"
    return meta.get("wsgi.url_scheme", "http")


def language(meta):
    """The language of a page's address (no prefix: the default language), as LocaleMiddleware decides it for the
    site's pages; a page whose language came from elsewhere (a cookie) is not kept."""
    return get_language_from_path(meta.get("PATH_INFO", "")) or settings.LANGUAGE_CODE


def address(meta):
    """The page's address as the visitor asked for it, its path as Django decodes it (`meta` is Django's META, or a
    WSGI environment passed through `as_django_reads_it`), percent-encoded again."""
    query = meta.get("QUERY_STRING", "")
    path = escape_uri_path(f"{get_script_name(meta)}{meta.get('PATH_INFO', '')}")
    return f"{scheme(meta)}://{host(meta)}{path}{'?' if query else ''}{query}"


def as_django_reads_it(environ):
    """The WSGI environment with its path decoded as Django decodes it (the server hands over the raw bytes as
    latin-1), so that a page is found under the key the middleware kept it under."""
    return {**environ, "PATH_INFO": get_path_info(environ)}


def host(meta):
    """The host as Django's `get_host` reads it (without its check: a host it refuses never has a page kept)."""
    if meta.get("HTTP_HOST"):
        return meta["HTTP_HOST"]
    name, port = meta.get("SERVER_NAME", ""), str(meta.get("SERVER_PORT", ""))
    default = "443" if scheme(meta) == "https" else "80"
    return name if port in ("", default) else f"{name}:{port}"


def entry_key(meta, version):
    """The key of a page in the cache, from the request's WSGI environment as sent (the same before Django reads it,
    in `serve_from_cache`, and after, in the middleware). A host Django refuses never gets a page kept under it."""
    kept = f"{address(meta)}|{language(meta)}".encode("utf-8", "surrogateescape")
    return f"page:{content_version.release()}:{version}:{hashlib.blake2b(kept, digest_size=16).hexdigest()}"


def matches(if_none_match, etag):
    """Whether an If-None-Match names `etag` (weak comparison, as for a GET)."""
    if not if_none_match:
        return False
    wanted = etag.removeprefix("W/")
    return if_none_match.strip() == "*" or wanted in {
        tag.strip().removeprefix("W/") for tag in if_none_match.split(",")
    }


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
        with content_version.pinned():
            return self.respond(request)

    def respond(self, request):
        content_version.record_unrecorded_change()  # on every request: a process may serve no cacheable one for long
        if not settings.PAGE_CACHE_SECONDS or not request_allows_cache(request.META, request.COOKIES):
            return self.mark(request, self.get_response(request), kept=False)
        version = content_version.current()
        if version is None:
            return self.mark(request, self.get_response(request), kept=False)
        key = entry_key(request.META, version)
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
            allowed = request_allows_cache(request.META, request.COOKIES)
            response.headers.setdefault("X-Cache", "MISS" if allowed else "BYPASS")
        return response

    def keep(self, request, response, key):
        """Keep `response` if it is the same for every anonymous visitor; whether it was kept."""
        if not self.cacheable(request, response):
            return False
        body = response.content
        if CSRF_MARKER in body:
            return False  # written into the page by someone: it would receive every visitor's token
        csrf = bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))
        if csrf:
            tokens = {match[2] for match in CSRF_INPUT.finditer(body)}
            body = CSRF_INPUT.sub(rb"\1" + CSRF_MARKER + rb"\3", body)
            if not tokens or any(token in body for token in tokens):
                return False  # the token is used where it cannot be replaced
        headers = [(name, value) for name, value in response.items() if name.lower() in KEPT_HEADERS]
        # Weak: the same page, compressed or not (GZipMiddleware would weaken a strong one on the way out anyway).
        etag = f'W/"{hashlib.blake2b(body, digest_size=12).hexdigest()}"'
        entry = {
            "status": response.status_code,
            "headers": headers,
            # A page without a form is kept compressed only (a third of the bytes to fetch from the cache on each hit),
            # and decompressed for the rare visitor whose client does not take gzip.
            "body": body if csrf else None,
            "gzip": None if csrf else gzip.compress(body, compresslevel=6, mtime=0),
            "deflated_parts": [deflated(part) for part in body.split(CSRF_MARKER)] if csrf else None,
            "csrf": csrf,
            # A CDN keeps only pages without a query string, so what it may hold stays a list of pages.
            "shared": request.page_cache_kind == "shared" and not csrf and not request.META.get("QUERY_STRING"),
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
        if entry["shared"]:
            cdn.handed_out(address(request.META))
        response["X-Cache"] = "MISS"
        # serve_from_cache adds the headers the outer middleware set (security headers, Content-Language, Vary), so
        # that it can serve the page again without Django.
        response.page_cache = (key, entry, timeout)
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
        if language(request.META) != request.LANGUAGE_CODE:
            return False
        user = getattr(request, "_cached_user", None)  # only when the view looked at it
        if user is not None and user.is_authenticated:
            return False
        return len(response.content) <= settings.PAGE_CACHE_MAX_BYTES

    @staticmethod
    def serve(request, entry):
        if entry["shared"]:
            cdn.handed_out(address(request.META))
        if entry["etag"] and matches(request.META.get("HTTP_IF_NONE_MATCH"), entry["etag"]):
            response = HttpResponseNotModified()
            response["ETag"] = entry["etag"]
            cache_control(response, entry)
            patch_vary_headers(response, ("Cookie", "Accept-Encoding"))
            response["X-Cache"] = "HIT"
            return response
        if entry["csrf"]:
            response = HttpResponse(entry["body"].replace(CSRF_MARKER, get_token(request).encode()), entry["status"])
        elif entry["gzip"] is not None and accepts_gzip(request):
            response = HttpResponse(entry["gzip"], status=entry["status"])
            response["Content-Encoding"] = "gzip"
        else:
            response = HttpResponse(plain_body(entry), status=entry["status"])
        cache_control(response, entry)
        for name, value in entry["headers"]:
            response[name] = value
        if entry["etag"]:
            response["ETag"] = entry["etag"]
        # Who has a session gets another page: a cache in front that honours Vary keeps them apart.
        patch_vary_headers(response, ("Cookie", "Accept-Encoding"))
        response["X-Cache"] = "HIT"
        return response


# --- Hits without Django ---------------------------------------------------------------------------------------------

STATUS_LINES = {200: "200 OK", 304: "304 Not Modified"}


def serve_from_cache(application):
    """The WSGI application, with kept pages served before Django is reached: the same rules as the middleware (the
    cookies read by Django's own parser), minus the work of building a request and running the middleware; a page
    with a form gets the visitor's CSRF token, and a CSRF cookie when they had none, as CsrfViewMiddleware gives
    them. Anything not kept goes through Django as usual. Pages are kept by the middleware; when one is, this adds
    the headers that the outer middleware gave it on the way out."""

    def wsgi(environ, start_response):
        if settings.PAGE_CACHE_SECONDS:
            served = serve_kept_page(environ, start_response)
            if served is not None:
                return served
        response = application(environ, start_response)
        kept = getattr(response, "page_cache", None)
        if kept is not None:
            key, entry, timeout = kept
            entry["final_headers"] = final_headers(response)
            try:
                content_version.page_cache().set(key, entry, timeout)
            except Exception:  # noqa: BLE001
                content_version.failed("keeping a page's headers")
        return response

    return wsgi


# Set per answer, not per page: the body sent may be compressed or not, and the ETag is the kept page's own.
PER_ANSWER_HEADERS = frozenset({"content-encoding", "content-length", "etag", "x-cache", "set-cookie", "vary"})


def plain_body(entry):
    return entry["body"] if entry["body"] is not None else gzip.decompress(entry["gzip"])


def final_headers(response):
    headers = [(name, value) for name, value in response.items() if name.lower() not in PER_ANSWER_HEADERS]
    vary = [word.strip() for word in response.get("Vary", "").split(",") if word.strip()]
    for word in ("Cookie", "Accept-Encoding"):
        if word.lower() not in {seen.lower() for seen in vary}:
            vary.append(word)
    return [*headers, ("Vary", ", ".join(vary))]


def csrf_secret(cookies):
    """The visitor's CSRF secret, as CsrfViewMiddleware would take it from their cookie; None if they have none (or
    one Django would replace)."""
    secret = cookies.get(settings.CSRF_COOKIE_NAME, "")
    if len(secret) == CSRF_SECRET_LENGTH and all(character in CSRF_ALLOWED_CHARS for character in secret):
        return secret
    return None


CSRF_INDEX = {character: index for index, character in enumerate(CSRF_ALLOWED_CHARS)}
UNBIASED = 256 - 256 % len(CSRF_ALLOWED_CHARS)  # bytes below this map evenly onto the characters


def new_csrf_string():
    """What Django's _get_new_csrf_string gives (CSRF_SECRET_LENGTH characters drawn evenly from CSRF_ALLOWED_CHARS by
    the system's randomness), from one read of that randomness instead of one per character."""
    drawn = []
    while len(drawn) < CSRF_SECRET_LENGTH:
        drawn += [byte for byte in secrets.token_bytes(2 * CSRF_SECRET_LENGTH) if byte < UNBIASED]
    return "".join(CSRF_ALLOWED_CHARS[byte % len(CSRF_ALLOWED_CHARS)] for byte in drawn[:CSRF_SECRET_LENGTH])


def masked(secret):
    """The token a form carries for `secret`, as Django's _mask_cipher_secret makes it (a fresh mask, then the secret
    shifted by it), with the mask drawn by new_csrf_string."""
    mask = new_csrf_string()
    count = len(CSRF_ALLOWED_CHARS)
    cipher = "".join(
        CSRF_ALLOWED_CHARS[(CSRF_INDEX[x] + CSRF_INDEX[y]) % count] for x, y in zip(secret, mask, strict=True)
    )
    return mask + cipher


def csrf_cookie_header(secret):
    """The Set-Cookie header CsrfViewMiddleware sends with a new secret."""
    response = HttpResponseBase()
    response.set_cookie(
        settings.CSRF_COOKIE_NAME,
        secret,
        max_age=settings.CSRF_COOKIE_AGE,
        domain=settings.CSRF_COOKIE_DOMAIN,
        path=settings.CSRF_COOKIE_PATH,
        secure=settings.CSRF_COOKIE_SECURE,
        httponly=settings.CSRF_COOKIE_HTTPONLY,
        samesite=settings.CSRF_COOKIE_SAMESITE,
    )
    return ("Set-Cookie", response.cookies[settings.CSRF_COOKIE_NAME].OutputString())


def serve_kept_page(environ, start_response):
    environ = as_django_reads_it(environ)
    cookies = parse_cookie(environ.get("HTTP_COOKIE", ""))
    if not request_allows_cache(environ, cookies):
        return None
    content_version.record_unrecorded_change()
    version = content_version.current()
    if version is None:
        return None
    try:
        entry = content_version.page_cache().get(entry_key(environ, version))
    except Exception:  # noqa: BLE001
        content_version.failed("looking up a page")
        return None
    if entry is None or "final_headers" not in entry or (entry["csrf"] and settings.CSRF_USE_SESSIONS):
        return None
    if entry["shared"]:
        cdn.handed_out(address(environ))
    headers = [*entry["final_headers"], ("X-Cache", "HIT")]
    if entry["etag"]:
        headers.append(("ETag", entry["etag"]))
    if entry["etag"] and matches(environ.get("HTTP_IF_NONE_MATCH"), entry["etag"]):
        kept = {"cache-control", "etag", "vary", "content-location", "date", "expires"}
        start_response(STATUS_LINES[304], [(name, value) for name, value in headers if name.lower() in kept])
        return [b""]
    gzip_accepted = "gzip" in environ.get("HTTP_ACCEPT_ENCODING", "")
    if entry["csrf"]:
        # The visitor's own token in the form, and a cookie with a new secret if they had none (as Django does).
        secret = csrf_secret(cookies)
        if secret is None:
            secret = new_csrf_string()
            headers.append(csrf_cookie_header(secret))
        token = masked(secret).encode()
        if gzip_accepted:
            body = gzip_with_token(entry, token)
            headers.append(("Content-Encoding", "gzip"))
        else:
            body = entry["body"].replace(CSRF_MARKER, token)
    elif entry["gzip"] is not None and gzip_accepted:
        body = entry["gzip"]
        headers.append(("Content-Encoding", "gzip"))
    else:
        body = plain_body(entry)
    headers.append(("Content-Length", str(len(body))))
    start_response(STATUS_LINES.get(entry["status"], f"{entry['status']} OK"), headers)
    return [body]


# --- Pages with a form, compressed once --------------------------------------------------------------------------
# A kept page with a form is compressed when it is kept, in pieces between its tokens: each piece a run of deflate
# blocks that ends on a byte boundary and refers to nothing before it, so the pieces and each visitor's token (a stored
# block: 64 characters are not worth compressing) join into one valid stream. Serving it then costs a checksum instead
# of compressing the whole page again.

FINAL_BLOCK = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS).flush()  # an empty last block


def deflated(data):
    compressor = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush(zlib.Z_SYNC_FLUSH)


def gzip_with_token(entry, token):
    """The kept page with `token` in its form, as a gzip file, with GZipMiddleware's guard against BREACH (the page
    holds a secret): a file name of random length in the header, as Django's compress_string writes it."""
    pieces = entry["body"].split(CSRF_MARKER)
    padding = b"a" * secrets.randbelow(GZipMiddleware.max_random_bytes) + b"\x00"
    out = [b"\x1f\x8b\x08" + bytes([gzip.FNAME]) + b"\x00\x00\x00\x00\x00\xff", padding]
    checksum, size, token_stored = 0, 0, b"\x00" + struct.pack("<HH", len(token), len(token) ^ 0xFFFF) + token
    for index, (piece, piece_deflated) in enumerate(zip(pieces, entry["deflated_parts"], strict=True)):
        if index:
            out.append(token_stored)
            checksum, size = zlib.crc32(token, checksum), size + len(token)
        out.append(piece_deflated)
        checksum, size = zlib.crc32(piece, checksum), size + len(piece)
    out += [FINAL_BLOCK, struct.pack("<II", checksum, size & 0xFFFFFFFF)]
    return b"".join(out)
