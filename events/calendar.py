"""iCalendar (RFC 5545) files and "Add to Google Calendar" links for events.

What is served publicly never carries the online meeting link: only confirmed registrants get it, by e-mail.
"""

import datetime
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from .models import EventPage

FEED_PAST_DAYS = 90
STATUSES = {
    EventPage.Status.SCHEDULED: "CONFIRMED",
    EventPage.Status.POSTPONED: "TENTATIVE",
    EventPage.Status.CANCELLED: "CANCELLED",
}


def uid_domain():
    """The domain part of every UID: fixed per installation so calendar apps recognise an event again."""
    return urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "jejaring-sekolah-demokrasi"


def event_location_text(event):
    place = ", ".join(part for part in [event.venue_name, " ".join(event.venue_address.split()), event.city] if part)
    if event.event_format == EventPage.Format.ONLINE:
        return _("Online")
    if event.event_format == EventPage.Format.HYBRID:
        return f"{place} / {_('Online')}" if place else _("Online")
    return place


def _description(event, url):
    lines = []
    if event.status != EventPage.Status.SCHEDULED:
        lines.append(f"{event.get_status_display()}: {event.status_note}".rstrip(": "))
    lines.append(event.summary)
    if event.is_online:
        lines.append(_("Confirmed registrants receive the online meeting link by e-mail."))
    lines.append(url)
    return "\n\n".join(line for line in lines if line)


def calendar_event(event, url, stamp=None, include_online_url=False):
    """One VEVENT. Times carry the event's TZID (the calendar adds the matching VTIMEZONE)."""
    entry = CalendarEvent()
    entry.add("uid", f"{event.calendar_uid}@{uid_domain()}")
    entry.add("dtstamp", stamp or timezone.now())
    if event.all_day:
        entry.add("dtstart", event.local_start.date())
        entry.add("dtend", event.local_end.date() + datetime.timedelta(days=1))  # DTEND of a date is exclusive
    else:
        entry.add("dtstart", event.local_start)
        entry.add("dtend", event.local_end)
    entry.add("summary", event.title)
    entry.add("description", _description(event, url))
    if location := event_location_text(event):
        entry.add("location", location)
    entry.add("url", url)
    entry.add("status", STATUSES.get(event.status, "CONFIRMED"))
    entry.add("sequence", event.sequence)
    entry.add("categories", [event.get_event_type_display()])
    if event.last_published_at:
        entry.add("last-modified", event.last_published_at)
    if include_online_url and event.online_url:
        entry.add("conference", event.online_url, parameters={"VALUE": "URI"})
        entry["description"] = f"{entry['description']}\n\n{_('Online meeting link')}: {event.online_url}"
    return entry


def _calendar(name=None):
    calendar = Calendar()
    calendar.add("prodid", "-//Jejaring Sekolah Demokrasi//Events//ID")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
        calendar.add("name", name)
        calendar.add("x-wr-timezone", settings.TIME_ZONE)
        calendar.add("refresh-interval", datetime.timedelta(hours=6), parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", "PT6H")
    return calendar


def _finish(calendar):
    calendar.add_missing_timezones(first_date=datetime.date(2020, 1, 1), last_date=datetime.date(2040, 1, 1))
    return calendar.to_ical()


def event_ics_bytes(event, request=None, include_online_url=False):
    """The .ics of one event, for the download link and for e-mail attachments.

    `include_online_url` is only for messages to confirmed registrants.
    """
    url = event.get_full_url(request)
    calendar = _calendar()
    calendar.add_component(calendar_event(event, url, include_online_url=include_online_url))
    return _finish(calendar)


def cancellation_ics_bytes(event, original):
    """The .ics that takes a cancelled event out of a registrant's calendar: the event's UID, STATUS:CANCELLED and the
    SEQUENCE of the cancellation's publication (of `original`, its original page), above any sent before."""
    entry = calendar_event(event, event.get_full_url())
    for name, value in [("status", "CANCELLED"), ("sequence", max(event.sequence, original.sequence))]:
        entry.pop(name)
        entry.add(name, value)
    calendar = _calendar()
    calendar.add_component(entry)
    return _finish(calendar)


def _ics_response(content, filename, user):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    response["Cache-Control"] = "private, no-store" if user.is_authenticated else "public, max-age=900"
    return response


def event_ics_response(request, event):
    if request.method not in ("GET", "HEAD"):
        return HttpResponse(status=405, headers={"Allow": "GET, HEAD"})
    return _ics_response(event_ics_bytes(event, request), slugify(event.slug) or "kegiatan", request.user)


def feed_events(index, user):
    """Upcoming events and those of the last FEED_PAST_DAYS days, of the index's language, that `user` may see."""
    from .selectors import visible_events

    since = timezone.now() - datetime.timedelta(days=FEED_PAST_DAYS)
    return visible_events(user, index.locale).child_of(index).filter(end__gte=since).order_by("start", "pk")


def feed_ics_response(request, index):
    if request.method not in ("GET", "HEAD"):
        return HttpResponse(status=405, headers={"Allow": "GET, HEAD"})
    calendar = _calendar(f"{_('Jejaring Sekolah Demokrasi')}: {index.title}")
    stamp = timezone.now()
    for event in feed_events(index, request.user):
        calendar.add_component(calendar_event(event, event.get_full_url(request), stamp))
    return _ics_response(_finish(calendar), slugify(index.slug) or "kegiatan", request.user)


def _google_time(value, all_day):
    if all_day:
        return value.strftime("%Y%m%d")
    return value.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def google_calendar_url(event, request=None):
    """An "Add to Google Calendar" link: UTC times (or dates for all-day events) shown in the event's zone."""
    if event.all_day:
        start, end = event.local_start.date(), event.local_end.date() + datetime.timedelta(days=1)
    else:
        start, end = event.start, event.end
    params = {
        "action": "TEMPLATE",
        "text": event.title,
        "dates": f"{_google_time(start, event.all_day)}/{_google_time(end, event.all_day)}",
        "ctz": event.zone.key,
        "details": f"{event.summary}\n\n{event.get_full_url(request)}",
        "location": event_location_text(event),
    }
    return "https://calendar.google.com/calendar/render?" + urlencode(params)
