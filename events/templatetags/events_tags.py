import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = template.Library()

# The characters json_script escapes, so no title can close the <script> element.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def _time(value):
    return value.strftime("%H.%M" if (get_language() or "id").startswith("id") else "%H:%M")


def _day_range(first, last):
    if first == last:
        return date_format(first, "l, j F Y")
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{date_format(last, 'j F Y')}"
    if first.year == last.year:
        return f"{date_format(first, 'j F')} – {date_format(last, 'j F Y')}"
    return f"{date_format(first, 'j F Y')} – {date_format(last, 'j F Y')}"


@register.simple_tag
def event_when(event):
    """When an event happens, in its own zone and the active language: "Senin, 4 November 2024, 09.00–16.00 WIB",
    "4–5 November 2024", "4 November 2024, 09.00 – 5 November 2024, 16.00 WIB"."""
    start, end = event.local_start, event.local_end
    if event.all_day:
        return _day_range(start.date(), end.date())
    zone = event.zone_abbreviation
    if start.date() == end.date():
        return f"{date_format(start, 'l, j F Y')}, {_time(start)}–{_time(end)} {zone}"
    return f"{date_format(start, 'j F Y')}, {_time(start)} – {date_format(end, 'j F Y')}, {_time(end)} {zone}"


@register.simple_tag
def event_moment(event, value):
    """A moment of the event (e.g. where it was to start before it moved), in its zone: "Senin, 4 November 2024,
    09.00 WIB", or the day alone for an all-day event."""
    local = value.astimezone(event.zone)
    if event.all_day:
        return date_format(local, "l, j F Y")
    return f"{date_format(local, 'l, j F Y')}, {_time(local)} {event.zone_abbreviation}"


@register.simple_tag
def event_zone_description(event):
    """The zone named in full, for online events whose participants may be elsewhere: "WIB, UTC+07:00"."""
    offset = event.local_start.strftime("%z")
    return f"{event.zone_abbreviation}, UTC{offset[:3]}:{offset[3:]} ({event.zone.key})"


@register.simple_tag
def json_ld(data):
    """A schema.org block. Only <, > and & need escaping inside a script element; json.dumps does the rest."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308
