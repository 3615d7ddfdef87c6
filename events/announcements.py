"""Telling registrants that their event was cancelled, postponed or moved.

The event's status and start are those of its original page (the one holding the seats, see `registration`): its
translations follow it. When a version is published, the original's status and start are compared with what the
registrants of every language were last told (`EventAnnouncement`); if they differ, each person with an active
registration (confirmed or waitlisted) gets one e-mail in their own language, and the new state is remembered, so
publishing again tells nobody anything twice.
"""

from django.db import transaction

from .emails import notify
from .models import EventAnnouncement, EventPage, Registration
from .registration import original_event, registrations_of

Status = EventPage.Status
ACTIVE = [Registration.Status.CONFIRMED, Registration.Status.WAITLISTED]


def change_to_announce(told, status, start):
    """The e-mail (a kind of `emails.SENT_WHEN`) that moving from what was `told` to `status` and `start` calls for,
    or None when registrants need not hear anything (no change, or a cancelled event moved)."""
    moved = start != told.start
    if status == told.status and not moved:
        return None
    if status == Status.CANCELLED:
        return None if told.status == Status.CANCELLED else "event_cancelled"
    if status == Status.POSTPONED:
        return "event_postponed"
    return "event_rescheduled"


def announce(event):
    """Tell the registrants of `event` (any language version) what changed since they were last told.

    Returns the registrations written to.
    """
    original = original_event(event)
    with transaction.atomic():
        told, created = EventAnnouncement.objects.select_for_update().get_or_create(
            translation_key=original.translation_key, defaults={"status": original.status, "start": original.start}
        )
        if created:  # a new event: nobody has been told anything yet
            return []
        kind = change_to_announce(told, original.status, original.start)
        moved_from = told.start if original.start != told.start else None
        if moved_from:
            told.previous_start = moved_from
        told.status, told.start = original.status, original.start
        told.save()
    if kind is None:
        return []
    people = list(registrations_of(original).filter(status__in=ACTIVE).order_by("pk"))
    for person in people:
        notify(person, kind, moved_from=moved_from)
    return people


def previous_start(event):
    """Where a moved event (any language version) was to start before it last moved (for schema.org), or None."""
    previous = (
        EventAnnouncement.objects.filter(translation_key=event.translation_key)
        .values_list("previous_start", flat=True)
        .first()
    )
    return previous if previous is not None and previous != event.start else None


def status_note_page(page, original):
    """The page whose status note `page` shows: itself once its translation has caught up with the original's
    status, else the original (a note in another language tells more than none)."""
    return page if page.status == original.status else original


def status_note(page, original):
    return status_note_page(page, original).status_note


def event_state(page):
    """What any page of the event (its own page, a registrant's pages, in any language) shows of its state: the
    original's status, which also decides registration; the note in the page's language once its translation has
    caught up with that status; and, for a scheduled event that moved, where it was to start before."""
    original = original_event(page)
    return {
        "event_status": original.status,
        "status_note": status_note(page, original),
        "previous_start": previous_start(original) if original.status == Status.SCHEDULED else None,
    }
