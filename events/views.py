"""Registration pages, routed from EventPage: `daftar/` (register), `konfirmasi/<token>/` (confirm, then the
registration's own page) and `batal/<token>/` (cancel); and a member's "my events" (`/akun/acara-saya/`).

E-mail scanners open links, so a link only ever shows a page: only a POST (a button) changes anything.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from core.i18n import active_locale
from core.ratelimit import RateLimit

from . import registration as services
from .announcements import event_state, status_note_page
from .emails import notify, registration_urls
from .forms import RegistrationForm, verified_address
from .models import EventIndexPage, Registration

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
    """The form, or (`one_tap` in the POST) a verified member's one-tap registration with their account's details.

    A verified member registering with their own address gets a seat (or the waiting list) at once and goes to
    "my events"; everyone else, and a member registering another address, confirms by e-mail."""
    if request.method == "GET" and "terkirim" in request.GET:
        return _render(request, page, "registration_done", {})
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    user, form = request.user, None
    verified = verified_address(user)
    if request.method == "POST" and "one_tap" in request.POST:
        form = RegistrationForm(services.one_tap_data(user) if verified else None, account=user)
    elif request.method == "POST":
        form = RegistrationForm(request.POST, account=user)
    context = services.registration_context(page, request, form=form)
    if form is None:
        return _render(request, page, "registration_form", context)
    if context["registration_state"] not in services.ACCEPTING:
        context["registration_form"] = None
        return _render(request, page, "registration_form", context, status=409)
    if not form.is_bound:  # one tap from someone who is not (or no longer) a verified member: the form instead
        return _render(request, page, "registration_form", context, status=403)
    if not form.is_valid():
        return _render(request, page, "registration_form", context, status=400)
    done = HttpResponseSeeOther(context["registration_url"] + "?terkirim=1")
    if form.is_bot:
        return done
    if verified and form.cleaned_data["email"] == verified:
        registration, created = services.register_member(page, form.registration_data(), user)
        messages.success(request, _registered_message(registration, created))
        return HttpResponseSeeOther(f"{reverse('events:my_events')}#registration-{registration.pk}")
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
        # This page is the registrant's (the token is the key): the meeting link is shown as the e-mails give it.
        "online_url": page.online_url if services.gets_meeting_link(registration, original) else "",
        "event_over": original.end < timezone.now(),
        "position": services.waitlist_position(registration) if registration.status == Status.WAITLISTED else None,
        "ics_url": page.get_url(request) + page.reverse_subpage("ics_route"),
        **registration_urls(registration, token, request),
    }
    return _render(request, page, "registration_confirm", context)


def cancel(request, page, token):
    """Asks first (GET), then cancels (POST); not once the event is over (as on "my events")."""
    registration = _registration(page, token)
    event_over = services.original_event(page).end < timezone.now()
    if request.method == "POST" and not event_over:
        services.cancel(registration)
        return HttpResponseSeeOther(request.path)
    context = {
        "registration": registration,
        "event_over": event_over,
        **registration_urls(registration, token, request),
    }
    if registration.status == Status.CANCELLED:
        context.update(services.registration_context(page, request))
    return _render(request, page, "registration_cancel", context, status=409 if request.method == "POST" else 200)


def _registered_message(registration, created):
    event = {"event": registration.event.title}
    if not created:
        return _("You were already registered for %(event)s: here is your registration.") % event
    if registration.status == Status.CONFIRMED:
        return (
            _(
                "You are registered for %(event)s: your seat is confirmed. We are e-mailing you the details with a "
                "calendar file."
            )
            % event
        )
    if registration.status == Status.WAITLISTED:
        return _(
            "All seats for %(event)s are taken: you are on the waiting list (number %(position)d). We e-mail you "
            "if a seat frees up."
        ) % {**event, "position": services.waitlist_position(registration)}
    return _("Your registration for %(event)s is saved.") % event


# --- My events ---------------------------------------------------------------------------------------------


@login_required
@never_cache
def my_events(request):
    """The logged-in person's registrations: coming up (soonest first) and past, with their status, the event and
    calendar links and a cancel button. Only ever their own: nothing here takes an account or a registration from
    the URL."""
    registrations = services.account_registrations(request.user, request)
    for registration in registrations:
        registration.note_page = status_note_page(registration.page or registration.event, registration.original)
    upcoming = sorted(
        (registration for registration in registrations if registration.upcoming),
        key=lambda registration: (registration.original.start, registration.pk),
    )
    past = [registration for registration in registrations if not registration.upcoming]
    event_index = EventIndexPage.objects.live().filter(locale=active_locale()).first()
    context = {"upcoming": upcoming, "past": past, "event_index": event_index}
    return TemplateResponse(request, "events/my_events.html", context)


@login_required
@never_cache
def my_event_cancel(request, pk):
    """Asks first (GET), then cancels (POST) one of the person's own registrations; its seat goes to the waiting
    list. Another person's registration is not found (404)."""
    registration = get_object_or_404(Registration.objects.select_related("event"), pk=pk, user=request.user)
    can_cancel = registration.status in services.ACTIVE and services.original_event(registration.event).end >= (
        timezone.now()
    )
    if request.method == "POST" and can_cancel:
        services.cancel(registration)
        messages.success(request, _("Your registration for %(event)s is cancelled.") % {"event": registration.event})
        return HttpResponseSeeOther(reverse("events:my_events"))
    status = 409 if request.method == "POST" else 200
    context = {"registration": registration, "can_cancel": can_cancel}
    return TemplateResponse(request, "events/my_event_cancel.html", context, status=status)
