import contextlib
import hashlib
import re
import time
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.db import DatabaseError
from django.dispatch import receiver
from django.http import Http404
from django.shortcuts import redirect, resolve_url
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Site
from wagtail.views import serve as wagtail_serve

from .access import is_member, needs_second_factor
from .content_version import remember

CONTROL_CHARACTER = re.compile(r"[\x00-\x1f\x7f]")


class RefuseControlCharactersInPathMiddleware:
    """A path with a NUL byte or another control character names no page: 404 at once, before a view or Wagtail's
    redirects look it up in the database, which would refuse it with a server error."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if CONTROL_CHARACTER.search(request.path_info):
            raise Http404
        return self.get_response(request)


class SiteMiddleware:
    """Finds the Wagtail Site of a request once per content version and address, before Wagtail's page view and every
    `pageurl` ask for it (Wagtail keeps its answer on the request as `_wagtail_site`, and asks the database once a
    request otherwise)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        address = f"{request.get_host()}:{request.get_port()}"
        # The database down: left to the view, which answers it (a 503 page, /healthz/'s report).
        with contextlib.suppress(DatabaseError):
            request._wagtail_site = remember(f"site-for:{address}", lambda: Site.find_for_request(request))
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        """Routes a page request as Wagtail's Page.route_for_request does (from the site's root page in the active
        language), with the route remembered per address and language instead of looked up page by page in the
        database each time; Wagtail's serve view takes it from `_wagtail_route_for_request`. Only routes that lead
        to a page are remembered: a 404 is looked up each time, so made-up addresses cannot fill the cache. A route
        depends on the tree and on nothing about the visitor (view restrictions are checked when the page is served)."""
        site = getattr(request, "_wagtail_site", None)
        if view_func is not wagtail_serve or site is None or hasattr(request, "_wagtail_route_for_request"):
            return
        path = view_kwargs.get("path", view_args[0] if view_args else "")
        components = [part for part in path.split("/") if part]
        language = get_language()
        digest = hashlib.blake2b("/".join(components).encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()

        def route():
            root = remember(f"site-root-page:{site.pk}:{language}", lambda: site.root_page.localized.specific)
            return root.route(request, components)

        with contextlib.suppress(DatabaseError):
            try:
                request._wagtail_route_for_request = remember(f"route:{site.pk}:{language}:{digest}", route)
            except Http404:
                request._wagtail_route_for_request = None


class SecurityHeadersMiddleware:
    """Adds the Content-Security-Policy and the Permissions-Policy to the public site (Django's SecurityMiddleware
    sends the other security headers).

    The Wagtail admin relies on inline scripts and styles, so it is left out of the strict policy. A page built
    for a logged-in person (members-only names and figures) is marked private, so no shared cache or CDN keeps it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith(settings.SITE_CSP_EXEMPT_PREFIXES):
            response.headers.setdefault("Content-Security-Policy", settings.SITE_CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        user = getattr(request, "user", None)
        already_decided = any(word in response.get("Cache-Control", "") for word in ("public", "no-store"))
        if user is not None and user.is_authenticated and not already_decided:
            patch_cache_control(response, private=True, no_cache=True)
        return response


SESSION_STARTED = "_session_started"
SESSION_SEEN = "_session_seen"


def idle_minutes(user):
    """How long a session of `user` may stay unused: short for those who need a second factor, longer for members,
    no limit (but the absolute one) for other accounts."""
    if needs_second_factor(user):
        return settings.SESSION_IDLE_MINUTES_STAFF
    if is_member(user):
        return settings.SESSION_IDLE_MINUTES_MEMBERS
    return None


@receiver(user_logged_in)
def start_session_clock(sender, request, user, **kwargs):
    """A login starts both clocks, so the first pages after it write nothing more to the session."""
    if request is not None and hasattr(request, "session"):
        now = int(time.time())
        request.session[SESSION_STARTED] = request.session[SESSION_SEEN] = now


class SessionIdleTimeoutMiddleware:
    """Ends a login after `idle_minutes` without a request, and any login SESSION_MAX_DAYS after it began, however
    active (the cookie's own age restarts whenever the session is saved). The times are kept in the session; the
    last request's time is saved once a quarter of the idle limit has passed since it was last saved, not on every
    page (so a session ends between the limit and a quarter more after its last request)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        now = int(time.time())
        if user is not None and user.is_authenticated and self.expired(request, user, now):
            logout(request)
            messages.info(request, _("You were logged out because the session was unused for too long."))
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            request.session.setdefault(SESSION_STARTED, now)
            idle = idle_minutes(user)
            if idle is not None and now - request.session.get(SESSION_SEEN, 0) >= idle * 60 // 4:
                request.session[SESSION_SEEN] = now
        return response

    @staticmethod
    def expired(request, user, now):
        started = request.session.get(SESSION_STARTED)
        if started is not None and now - started > settings.SESSION_MAX_DAYS * 24 * 60 * 60:
            return True
        seen, idle = request.session.get(SESSION_SEEN), idle_minutes(user)
        return seen is not None and idle is not None and now - seen > idle * 60


def second_factor_exempt(view):
    """Mark a view that people who still owe their second factor may open (the second factor's own pages, logout)."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        return view(*args, **kwargs)

    wrapped.second_factor_exempt = True
    return wrapped


class SecondFactorMiddleware:
    """Sends whoever needs a second factor (`core.access.needs_second_factor`) and has logged in with a password
    only to the second factor's page, until they confirm the login there (django-otp then marks the session
    verified). Every other view, the admin's and the site's pages that show people included, is out of reach
    until then; the page itself offers the set-up to those without an authenticator yet."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or getattr(view_func, "second_factor_exempt", False):
            return None
        if user.is_verified() or not needs_second_factor(user):
            return None
        url = resolve_url(settings.SECOND_FACTOR_URL)
        return redirect(f"{url}?{urlencode({'next': request.get_full_path()})}")
