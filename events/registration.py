"""Event registration: when people may register, and seats given under a row lock so an event never overbooks.

A registration belongs to the page the person registered on, so its language is theirs. Capacity, the waiting
list and the row lock belong to the event's original page (the first one created): an event and its translations
share one set of seats.
"""

import datetime
import zoneinfo

from django.conf import settings
from django.db import transaction
from django.db.models import Count, OuterRef, Q, Subquery
from django.utils import formats, timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from core.access import viewable_pages
from core.i18n import active_locale

from .emails import notify
from .forms import OUTSIDE_BANTEN, RegistrationForm, member_details, verified_address
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
ACTIVE = {Registration.Status.PENDING, Registration.Status.CONFIRMED, Registration.Status.WAITLISTED}
# What a verified member's one-tap registration fills in from their account: the form's required fields.
ONE_TAP_NEEDS = ("name", "email", "organisation", "regency")
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


def gets_meeting_link(registration, original, now=None):
    """Whether the holder of `registration` is given the online meeting link: for a confirmed seat, while the event
    (its `original` page, which its translations follow) is scheduled and not over. Its registration page, "my
    events" and the e-mails all ask this."""
    return (
        registration.status == Status.CONFIRMED
        and original.status == EventPage.Status.SCHEDULED
        and original.end >= (now or timezone.now())
    )


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
    """What templates/events/includes/registration.html needs, for any language version of an event.

    A logged-in person finds the form filled in with their details. A verified member who already holds a
    registration for the event sees it instead of the form (`my_registration`); one whose account knows every
    detail the form needs may register with one tap (`one_tap`: the details it sends)."""
    original = original_event(event)
    free_seats = seats_left(original)
    state = registration_state(original, free_seats)
    user = getattr(request, "user", None)
    details = member_details(user) if user is not None and user.is_authenticated and state in ACCEPTING else {}
    if form is None and state in ACCEPTING:
        form = RegistrationForm(initial=details, account=user)
    address = verified_address(user)
    # Not on a cancelled or past event: "your seat is confirmed" would be wrong there.
    mine = active_registration(event, user) if address and state not in {CANCELLED, PAST, NONE} else None
    if mine is not None and mine.status == Status.PENDING:
        mine = None  # registering again (one tap or the form) confirms it: their address is proven
    return {
        "registration_state": state,
        "registration_message": registration_message(state, original, free_seats),
        "registration_form": None if mine else form,
        "seats_left": free_seats,
        "registration_url": event.get_url(request) + event.reverse_subpage("register_route"),
        "my_registration": mine,
        "member_address": address,
        "one_tap": one_tap_details(details) if address and not mine and all(map(details.get, ONE_TAP_NEEDS)) else None,
    }


def one_tap_details(details):
    """The member's details as the one-tap button shows them: (label, value) for each one known."""
    fields = RegistrationForm.base_fields
    regency = details.get("regency")
    if regency == OUTSIDE_BANTEN:
        regency = _("Outside Banten")
    elif regency:
        regency = str(fields["regency"].queryset.get(pk=regency))
    shown = {**details, "regency": regency}
    return [
        (fields[name].label, shown[name])
        for name in ("name", "email", "phone", "organisation", "regency")
        if shown.get(name)
    ]


def one_tap_data(user):
    """The form data a verified member's one-tap registration sends: their details, and their consent (the button
    says what they agree to)."""
    return {**member_details(user), "consent": "on"}


def active_registration(event, user):
    """The registration (waiting for confirmation, confirmed or on the waiting list) a verified member holds for
    `event` in any language: made from their account, or with their address before it was linked."""
    return (
        registrations_of(event)
        .filter(status__in=ACTIVE)
        .filter(Q(user=user) | Q(email=verified_address(user), user__isnull=True))
        .first()
    )


# --- Services: each takes the original event's row lock, so seats are counted one request at a time --------


def register(event, data):
    """The person's registration: a new pending one, or the active one they already have (never a second seat).
    With `data["user"]` (a verified member's account), a registration of that account counts as theirs too.

    Returns (registration, created).
    """
    with transaction.atomic():
        original_event(event, lock=True)
        same_person = Q(email=data["email"])
        if data.get("user") is not None:
            same_person |= Q(user=data["user"])
        existing = registrations_of(event).exclude(status=Status.CANCELLED).filter(same_person).first()
        if existing:
            return existing, False
        return Registration.objects.create(event=event, **data), True


def register_member(event, data, user):
    """A verified member registering with their proven address: no confirmation e-mail, a seat at once (or a place
    on the waiting list), under the same lock and seat count as everyone else, and the e-mail that tells them so
    (with the calendar file). A registration they already have is theirs (returned with created False), except one
    still waiting for its e-mail link, which their address now confirms.

    Returns (registration, created).
    """
    registration, created = register(event, {**data, "user": user})
    if registration.status != Status.PENDING:
        return registration, created
    if registration.user_id is None:
        Registration.objects.filter(pk=registration.pk).update(user=user)
    return confirm(registration), True


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


def account_registrations(user, request):
    """The account's registrations (linking those made earlier with its verified address), newest event first, as
    "my events" lists them: each with `page` (the event in the viewer's language where it has one, None when the
    viewer may no longer open it), `original` (the page holding the seats and the status), `state` (the
    registration's status, or "event_cancelled"), `position` (on the waiting list), `upcoming`, `can_cancel`, and
    the links. A fixed number of queries however many there are."""
    position = (
        Registration.objects.filter(event__translation_key=OuterRef("event__translation_key"), status=Status.WAITLISTED)
        .filter(
            Q(waitlisted_at__lt=OuterRef("waitlisted_at"))
            | Q(waitlisted_at=OuterRef("waitlisted_at"), pk__lte=OuterRef("pk"))
        )
        .order_by()
        .values("event__translation_key")
        .annotate(count=Count("pk"))
        .values("count")
    )
    mine = Q(user=user)
    if address := verified_address(user):
        mine |= Q(email=address, user__isnull=True)
    registrations = list(
        Registration.objects.filter(mine)
        .select_related("event", "event__locale")
        .annotate(position=Subquery(position))
        .order_by("-event__start", "-pk")
    )
    # Registrations made earlier with the verified address (before the account existed, or logged out) join the
    # account now. Only the proven address counts: nobody gets someone else's registrations by typing their address
    # into an account. Written only when there is something to link: every write empties the page cache.
    if unlinked := [registration.pk for registration in registrations if registration.user_id is None]:
        Registration.objects.filter(pk__in=unlinked, user__isnull=True).update(user=user)
    keys = {registration.event.translation_key for registration in registrations}
    pages = EventPage.objects.filter(translation_key__in=keys)
    viewable = set(viewable_pages(pages.live(), user).values_list("pk", flat=True))
    originals, translated = {}, {}
    for page in pages.select_related("locale").order_by("pk"):
        originals.setdefault(page.translation_key, page)
        if page.pk in viewable and page.locale_id == active_locale().pk:
            translated[page.translation_key] = page
    now = timezone.now()
    for registration in registrations:
        event = registration.event
        registration.page = translated.get(event.translation_key) or (event if event.pk in viewable else None)
        registration.original = original = originals.get(event.translation_key, event)
        registration.upcoming = original.end >= now
        registration.can_cancel = registration.upcoming and registration.status in ACTIVE and not original.is_cancelled
        registration.state = "event_cancelled" if original.is_cancelled else registration.status
        registration.online_url = event.online_url if gets_meeting_link(registration, original, now) else ""
        if registration.page is not None:
            url = registration.page.get_url(request)
            registration.page_url = url
            registration.ics_url = url + registration.page.reverse_subpage("ics_route")
    return registrations


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
