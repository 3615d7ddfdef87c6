"""Registration pages, routed from EventPage: `daftar/` (register), `konfirmasi/<token>/` (confirm, then the
registration's own page) and `batal/<token>/` (cancel).

E-mail scanners open links, so a link only ever shows a page: only a POST (a button) changes anything.
"""

from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from core.ratelimit import RateLimit

from . import registration as services
from .announcements import event_state
from .emails import notify, registration_urls
from .forms import RegistrationForm
from .models import Registration

Status = Registration.Status
# One repeated link per registration per 5 minutes, counted in the database (kept when the cache is down or emptied):
# the form cannot be used to spam someone.
RESEND_LIMIT = RateLimit("events:registration-link", 1, period=300)


class HttpResponseSeeOther(HttpResponseRedirect):
    status_code = 303


def _render(request, page, template, context, status=200):
    context = {"page": page, "self": page, **event_state(page), **context}
    response = TemplateResponse(request, f"events/{template}.html", context, status=status)
    add_never_cache_headers(response)
    return response


def register(request, page):
    if request.method == "GET" and "terkirim" in request.GET:
        return _render(request, page, "registration_done", {})
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    form = RegistrationForm(request.POST) if request.method == "POST" else None
    context = services.registration_context(page, request, form=form)
    if form is None:
        return _render(request, page, "registration_form", context)
    if context["registration_state"] not in services.ACCEPTING:
        context["registration_form"] = None
        return _render(request, page, "registration_form", context, status=409)
    if not form.is_valid():
        return _render(request, page, "registration_form", context, status=400)
    done = HttpResponseSeeOther(context["registration_url"] + "?terkirim=1")
    if form.is_bot:
        return done
    registration, created = services.register(page, form.registration_data())
    if created or RESEND_LIMIT.hit(str(registration.pk)):
        notify(registration, "confirm_link" if registration.status == Status.PENDING else "already_registered")
    return done


def _registration(page, token):
    return get_object_or_404(
        Registration.find_by_token(token).select_related("event", "regency"),
        event__translation_key=page.translation_key,
    )


def confirm(request, page, token):
    registration = _registration(page, token)
    original = services.original_event(page)
    if request.method == "POST":
        if registration.status == Status.PENDING and not services.can_take_seats(original):
            context = {"registration": registration, "error": _("This event no longer takes registrations.")}
            return _render(request, page, "registration_confirm", context, status=409)
        services.confirm(registration)
        return HttpResponseSeeOther(request.path)
    context = {
        "registration": registration,
        "can_confirm": services.can_take_seats(original),
        # The meeting link is for confirmed registrants only (this page is theirs: the token is the key), while the
        # event is on: not once it is cancelled or postponed.
        "online_url": page.online_url
        if registration.status == Status.CONFIRMED and original.status == original.Status.SCHEDULED
        else "",
        "position": services.waitlist_position(registration) if registration.status == Status.WAITLISTED else None,
        "ics_url": page.get_url(request) + page.reverse_subpage("ics_route"),
        **registration_urls(registration, token, request),
    }
    return _render(request, page, "registration_confirm", context)


def cancel(request, page, token):
    registration = _registration(page, token)
    if request.method == "POST":
        services.cancel(registration)
        return HttpResponseSeeOther(request.path)
    context = {"registration": registration, **registration_urls(registration, token, request)}
    if registration.status == Status.CANCELLED:
        context.update(services.registration_context(page, request))
    return _render(request, page, "registration_cancel", context)
