"""Event registration: when people may register, and seats given under a row lock so an event never overbooks.

A registration belongs to the page the person registered on, so its language is theirs. Capacity, the waiting
list and the row lock belong to the event's original page (the first one created): an event and its translations
share one set of seats.
"""

import datetime
import zoneinfo

from django.conf import settings
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from .emails import notify
from .forms import RegistrationForm
from .models import EventPage, Registration

NONE, NOT_OPEN_YET, OPEN, FULL, CLOSED, CANCELLED, PAST = (
    "none",
    "not_open_yet",
    "open",
    "full",
    "closed",
    "cancelled",
    "past",
)
ACCEPTING = {OPEN, FULL}
Status = Registration.Status


def original_event(event, lock=False):
    """The page holding the seats of `event` and its translations; `lock` takes its row lock (PostgreSQL)."""
    pages = EventPage.objects.select_for_update(of=("self",)) if lock else EventPage.objects
    return pages.filter(translation_key=event.translation_key).order_by("pk").first() or event


def registrations_of(event):
    """Registrations for `event` in every language."""
    return Registration.objects.filter(event__translation_key=event.translation_key)


def seats_left(event):
    """Free seats of an original event (None: no registration)."""
    if event.capacity is None:
        return None
    return max(event.capacity - registrations_of(event).filter(status=Status.CONFIRMED).count(), 0)


def registration_state(event, free_seats, now=None):
    """One of the states above, for an original event and its number of free seats."""
    now = now or timezone.now()
    if event.capacity is None:
        return NONE
    if event.status == EventPage.Status.CANCELLED:
        return CANCELLED
    if now >= event.end:
        return PAST
    if event.registration_opens and now < event.registration_opens:
        return NOT_OPEN_YET
    if now >= (event.registration_closes or event.start):
        return CLOSED
    return FULL if free_seats <= 0 else OPEN


def can_take_seats(event, now=None):
    """Seats are given (on confirmation, or from the waiting list) while registration is open: until it closes
    (or, with no closing time, until the event starts), never after the event ended, never when it is cancelled."""
    until = min(event.registration_closes or event.start, event.end)
    return event.status != EventPage.Status.CANCELLED and (now or timezone.now()) < until


def moment(value, event):
    """A date and time in the event's time zone, named: "12 Desember 2025, 09.00 WIB"."""
    local = value.astimezone(event.zone)
    clock = local.strftime("%H.%M" if get_language() == "id" else "%H:%M")
    return f"{formats.date_format(local, 'j F Y')}, {clock} {event.zone_abbreviation}"


def registration_message(state, event, free_seats):
    if state == NOT_OPEN_YET:
        return _("Registration opens on %(date)s.") % {"date": moment(event.registration_opens, event)}
    if state == OPEN:
        return ngettext(
            "%(count)d seat left. Registration closes on %(date)s.",
            "%(count)d seats left. Registration closes on %(date)s.",
            free_seats,
        ) % {"count": free_seats, "date": moment(event.registration_closes or event.start, event)}
    if state == FULL:
        return _(
            "All seats are taken. You can still register for the waiting list: when a seat frees up it goes to "
            "the next person on the list, who is told by e-mail."
        )
    if state == CLOSED:
        return _("Registration closed on %(date)s.") % {"date": moment(event.registration_closes or event.start, event)}
    if state == CANCELLED:
        return _("This event has been cancelled, so registration is closed.")
    if state == PAST:
        return _("This event has ended.")
    return _("This event has no registration on this site.")


def registration_context(event, request, form=None):
    """What templates/events/includes/registration.html needs, for any language version of an event."""
    original = original_event(event)
    free_seats = seats_left(original)
    state = registration_state(original, free_seats)
    if form is None and state in ACCEPTING:
        form = RegistrationForm()
    return {
        "registration_state": state,
        "registration_message": registration_message(state, original, free_seats),
        "registration_form": form,
        "seats_left": free_seats,
        "registration_url": event.get_url(request) + event.reverse_subpage("register_route"),
    }


# --- Services: each takes the original event's row lock, so seats are counted one request at a time --------


def register(event, data):
    """The person's registration: a new pending one, or the active one they already have (never a second seat).

    Returns (registration, created).
    """
    with transaction.atomic():
        original_event(event, lock=True)
        existing = registrations_of(event).exclude(status=Status.CANCELLED).filter(email=data["email"]).first()
        if existing:
            return existing, False
        return Registration.objects.create(event=event, **data), True


def confirm(registration):
    """Gives a pending registration a free seat, or else a place on the waiting list, and tells the person.

    Confirming again changes nothing. Returns the registration as it now is.
    """
    with transaction.atomic():
        event = original_event(registration.event, lock=True)
        registration = Registration.objects.select_related("event").get(pk=registration.pk)
        if registration.status != Status.PENDING or event.capacity is None or not can_take_seats(event):
            return registration
        # People already waiting get free seats (e.g. after the capacity was raised) before a newcomer does.
        promoted = _promote_waitlist(event)
        now = timezone.now()
        if seats_left(event) > 0:
            registration.status, registration.confirmed_at = Status.CONFIRMED, now
        else:
            registration.status, registration.waitlisted_at = Status.WAITLISTED, now
        registration.save(update_fields=["status", "confirmed_at", "waitlisted_at"])
    for person in promoted:
        notify(person, "promoted")
    notify(registration, registration.status)
    return registration


def cancel(registration):
    """Cancels a registration (by its holder or by staff); a freed seat goes to the waiting list at once.

    Returns the people who got a seat (and were told).
    """
    with transaction.atomic():
        event = original_event(registration.event, lock=True)
        registration = Registration.objects.get(pk=registration.pk)
        if registration.status == Status.CANCELLED:
            return []
        registration.status, registration.cancelled_at = Status.CANCELLED, timezone.now()
        registration.save(update_fields=["status", "cancelled_at"])
        promoted = _promote_waitlist(event)
    for person in promoted:
        notify(person, "promoted")
    return promoted


def fill_free_seats(event):
    """Promotes waiting people into seats that are free, e.g. after staff raised the capacity or deleted someone."""
    with transaction.atomic():
        promoted = _promote_waitlist(original_event(event, lock=True))
    for person in promoted:
        notify(person, "promoted")
    return promoted


def _promote_waitlist(event):
    """Call with the original event's row locked."""
    if event.capacity is None or not can_take_seats(event):
        return []
    free = seats_left(event)
    waiting = list(registrations_of(event).filter(status=Status.WAITLISTED).order_by("waitlisted_at", "pk")[:free])
    now = timezone.now()
    for person in waiting:
        person.status, person.confirmed_at = Status.CONFIRMED, now
        person.save(update_fields=["status", "confirmed_at"])
    return waiting


def waitlist_position(registration):
    """1 for the next person to get a seat."""
    return (
        registrations_of(registration.event)
        .filter(status=Status.WAITLISTED)
        .filter(waitlisted_at__lte=registration.waitlisted_at)
        .exclude(waitlisted_at=registration.waitlisted_at, pk__gt=registration.pk)
        .count()
    )


# --- Reminders -------------------------------------------------------------------------------------------


def due_reminders(now=None):
    """Confirmed registrations, not yet reminded, for live events starting tomorrow (Asia/Jakarta dates)."""
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    tomorrow = (now or timezone.now()).astimezone(zone).date() + datetime.timedelta(days=1)
    start = datetime.datetime.combine(tomorrow, datetime.time.min, tzinfo=zone)
    return (
        Registration.objects.filter(
            status=Status.CONFIRMED,
            reminder_sent_at__isnull=True,
            event__live=True,
            event__start__gte=start,
            event__start__lt=start + datetime.timedelta(days=1),
        )
        .exclude(event__status__in=[EventPage.Status.CANCELLED, EventPage.Status.POSTPONED])
        .select_related("event", "event__locale")
        .order_by("event__start", "pk")
    )


def send_reminders(now=None):
    """Queues each due reminder once, even when two runs overlap: a run first claims the registration with a
    conditional update, and only the run whose update changed the row queues the e-mail (which the mail queue
    retries until delivered). Returns the registrations reminded."""
    now = now or timezone.now()
    sent = []
    for registration in due_reminders(now):
        with transaction.atomic():
            claimed = Registration.objects.filter(
                pk=registration.pk, status=Status.CONFIRMED, reminder_sent_at__isnull=True
            ).update(reminder_sent_at=now)
            if claimed and notify(registration, "reminder") is not None:
                sent.append(registration)
    return sent
