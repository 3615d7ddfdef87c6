"""E-mails to registrants: plain text with an HTML alternative, in the language of the page they registered on.

They are sent through django-tasks, so a slow or failing mail server never breaks a registration; a message still
queued when the registration has moved on (e.g. cancelled) is dropped.
"""

import re

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from .calendar import event_ics_bytes, event_location_text
from .models import Registration
from .templatetags.events_tags import event_when

Status = Registration.Status
SUBJECT_PREFIX = "[Jejaring Sekolah Demokrasi]"
SUBJECTS = {
    "confirm_link": _("Please confirm your registration: %(event)s"),
    "already_registered": _("You are already registered: %(event)s"),
    "confirmed": _("Your seat is confirmed: %(event)s"),
    "waitlisted": _("You are on the waiting list: %(event)s"),
    "promoted": _("A seat has freed up and it is yours: %(event)s"),
    "reminder": _("Tomorrow: %(event)s"),
}
SENT_WHEN = {
    "confirm_link": {Status.PENDING},
    "already_registered": {Status.CONFIRMED, Status.WAITLISTED},
    "confirmed": {Status.CONFIRMED},
    "waitlisted": {Status.WAITLISTED},
    "promoted": {Status.CONFIRMED},
    "reminder": {Status.CONFIRMED},
}
WITH_CALENDAR = {"confirmed", "promoted", "reminder"}


def notify(registration, kind):
    send_registration_email.enqueue(registration.pk, kind)


@task()
def send_registration_email(registration_id, kind):
    registration = Registration.objects.select_related("event", "event__locale").filter(pk=registration_id).first()
    if registration is not None and registration.status in SENT_WHEN[kind]:
        deliver(registration, kind)


def registration_urls(registration, request=None):
    """The tokenised links of a registration: its own page (to confirm, or see its status) and cancellation."""
    event = registration.event
    base = event.get_full_url(request)
    return {
        "manage_url": base + event.reverse_subpage("confirm_route", args=[registration.token]),
        "cancel_url": base + event.reverse_subpage("cancel_route", args=[registration.token]),
        "event_url": base,
    }


def deliver(registration, kind):
    """Sends one e-mail now; raises if the mail server refuses it."""
    from .registration import waitlist_position

    event = registration.event
    language = event.locale.language_code
    with translation.override(language):
        confirmed = registration.status == Status.CONFIRMED
        context = {
            "registration": registration,
            "event": event,
            "when": event_when(event),
            "where": event_location_text(event),
            # The meeting link goes to confirmed people only, never to the pending or the waiting.
            "online_url": event.online_url if confirmed else "",
            "position": waitlist_position(registration) if registration.status == Status.WAITLISTED else None,
            **registration_urls(registration),
        }
        subject = f"{SUBJECT_PREFIX} {SUBJECTS[kind] % {'event': event.title}}"
        text = re.sub(r"\n{3,}", "\n\n", render_to_string(f"events/email/{kind}.txt", context)).strip() + "\n"
        html = render_to_string("events/email/message.html", {"text": text, "subject": subject, "language": language})
        message = EmailMultiAlternatives(subject, text, to=[registration.email])
        message.attach_alternative(html, "text/html")
        if kind in WITH_CALENDAR and confirmed:
            ics = event_ics_bytes(event, include_online_url=True)
            message.attach(f"{event.slug}.ics", ics, "text/calendar")
    message.send()
