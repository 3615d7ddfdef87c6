"""E-mails to registrants, in the language of the page they registered on, through the site's mail queue
(`core.mail`): a slow or failing mail server never breaks a registration, a message that cannot be delivered is
retried, and one whose moment has passed by the time it can be sent (the person cancelled) is dropped. The calendar
file goes with the e-mails that confirm a seat, and a cancelled one (same UID) with the e-mail telling of a
cancellation, so calendars drop the event.

An event's cancellation, postponement or new date is told to everyone registered (`announcements`); those e-mails
give the event's state and dates from its original page, which its translations follow, and never the meeting link.
"""

from django.utils import translation

from core import mail

from .calendar import cancellation_ics_bytes, event_ics_bytes, event_location_text
from .models import Registration
from .templatetags.events_tags import event_moment, event_when

Status = Registration.Status
# Which e-mail may go to a registration in which state: a message whose moment has passed is not sent.
SENT_WHEN = {
    "confirm_link": {Status.PENDING},
    "already_registered": {Status.CONFIRMED, Status.WAITLISTED},
    "confirmed": {Status.CONFIRMED},
    "waitlisted": {Status.WAITLISTED},
    "promoted": {Status.CONFIRMED},
    "reminder": {Status.CONFIRMED},
    "event_cancelled": {Status.CONFIRMED, Status.WAITLISTED},
    "event_postponed": {Status.CONFIRMED, Status.WAITLISTED},
    "event_rescheduled": {Status.CONFIRMED, Status.WAITLISTED},
}
WITH_CALENDAR = {"confirmed", "promoted", "reminder"}
EVENT_CHANGES = {"event_cancelled", "event_postponed", "event_rescheduled"}


def registration_urls(registration, token, request=None):
    """The tokenised links of a registration: its own page (to confirm, or see its status) and cancellation."""
    event = registration.event
    base = event.get_full_url(request)
    return {
        "manage_url": base + event.reverse_subpage("confirm_route", args=[token]),
        "cancel_url": base + event.reverse_subpage("cancel_route", args=[token]),
        "event_url": base,
    }


def notify(registration, kind, moved_from=None):
    """Queue the e-mail `kind` (a key of SENT_WHEN) to the registrant, if it still fits their registration.

    `moved_from`: for the e-mails of EVENT_CHANGES, where the event was to start before this change moved it.
    """
    from .announcements import status_note
    from .registration import gets_meeting_link, original_event, waitlist_position

    registration = Registration.objects.select_related("event", "event__locale").get(pk=registration.pk)
    if registration.status not in SENT_WHEN[kind]:
        return None
    event = registration.event
    original = original_event(event)
    confirmed = registration.status == Status.CONFIRMED
    # The e-mails telling of a change never carry the meeting link, even when the event is back on schedule.
    with_link = gets_meeting_link(registration, original) and kind not in EVENT_CHANGES
    language = event.locale.language_code
    # Dates are written in the registrant's language, whoever's action (an editor's publish, say) sends the e-mail.
    with translation.override(language):
        context = {
            "registration": registration,
            "event": event,
            "when": event_when(event),
            "where": event_location_text(event),
            "online_url": event.online_url if with_link else "",
            "position": waitlist_position(registration) if registration.status == Status.WAITLISTED else None,
            # Each e-mail gets a token of its own: the database keeps only hashes, so it cannot rebuild an earlier one.
            **registration_urls(registration, registration.issue_token()),
        }
        if kind in EVENT_CHANGES:
            context.update(
                {
                    "when": event_when(original),
                    "previous_when": event_moment(original, moved_from) if moved_from else "",
                    "status_note": status_note(event, original),
                }
            )
    attachments = []
    if kind in WITH_CALENDAR and confirmed:
        ics = event_ics_bytes(event, include_online_url=with_link)
        attachments.append((f"{event.slug}.ics", ics, "text/calendar"))
    elif kind == "event_cancelled":
        attachments.append((f"{event.slug}.ics", cancellation_ics_bytes(event, original), "text/calendar"))
    return mail.send(
        registration.email,
        f"events/email/{kind}",
        context,
        language=language,
        attachments=attachments,
        # A message still waiting when the registration moves on (cancelled, say) is dropped, not sent.
        condition=("events.emails.still_fits", [registration.pk, kind]),
    )


def still_fits(registration_id, kind):
    """Whether the e-mail `kind` still fits the registration, just before it is sent."""
    return Registration.objects.filter(pk=registration_id, status__in=SENT_WHEN[kind]).exists()
