"""The events index: upcoming events or the archive, filters, a month calendar and pagination."""

import calendar
import datetime

from django.conf import settings
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR
from django.utils.translation import gettext as _

from core.models import Region

from .models import EventPage
from .selectors import past_events, upcoming_events, visible_events

PAST = "lalu"
CALENDAR = "kalender"
MAX_EVENTS_IN_MONTH = 300


def _parse_month(value):
    try:
        month = datetime.datetime.strptime(value, "%Y-%m").date()
    except ValueError:
        return None
    return month if 2000 <= month.year <= 2100 else None


def read_filters(request):
    """The filters in the query string; values that are not understood are dropped and reported."""
    ignored = []
    filters = {}
    event_type = request.GET.get("jenis", "").strip()
    if event_type:
        if event_type in EventPage.Type.values:
            filters["jenis"] = event_type
        else:
            ignored.append(_("type"))
    region_slug = request.GET.get("wilayah", "").strip()[:100]
    if region_slug:
        region = Region.objects.filter(slug=region_slug).first()
        if region:
            filters["wilayah"] = region
        else:
            ignored.append(_("region"))
    month_value = request.GET.get("bulan", "").strip()[:7]
    if month_value:
        month = _parse_month(month_value)
        if month:
            filters["bulan"] = month
        else:
            ignored.append(_("month"))
    return filters, ignored


def _month_bounds(month):
    zone = timezone.get_default_timezone()
    first = datetime.datetime.combine(month, datetime.time(), tzinfo=zone)
    following = (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return first, datetime.datetime.combine(following, datetime.time(), tzinfo=zone)


def _filter(events, filters):
    if "jenis" in filters:
        events = events.filter(event_type=filters["jenis"])
    if "wilayah" in filters:
        events = events.filter(regency=filters["wilayah"])
    if "bulan" in filters:
        first, following = _month_bounds(filters["bulan"])
        events = events.filter(start__lt=following, end__gte=first)  # every event that touches the month
    return events


def month_grid(month, events, today):
    """Weeks (Monday first) of days; each day knows whether it is in the month, today, and its events."""
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(month.year, month.month)
    by_day = {}
    for event in events:
        day, last = max(event.local_start.date(), weeks[0][0]), min(event.local_end.date(), weeks[-1][-1])
        while day <= last:
            by_day.setdefault(day, []).append(event)
            day += datetime.timedelta(days=1)
    return [
        [
            {"date": day, "in_month": day.month == month.month, "today": day == today, "events": by_day.get(day, [])}
            for day in week
        ]
        for week in weeks
    ]


def _shift(month, months):
    index = month.year * 12 + month.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def event_index(request, index):
    filters, ignored = read_filters(request)
    view = CALENDAR if request.GET.get("tampilan") == CALENDAR else "daftar"
    when = PAST if request.GET.get("waktu") == PAST else "mendatang"
    user = request.user
    today = timezone.localdate()

    context = index.get_context(request)
    if view == CALENDAR:
        month = filters.setdefault("bulan", today.replace(day=1))
        events = _filter(visible_events(user, index.locale).child_of(index), filters).order_by("start", "pk")
        events = list(events[:MAX_EVENTS_IN_MONTH])
        context.update(
            {
                "month": month,
                "weeks": month_grid(month, events, today),
                "weekdays": [(WEEKDAYS[day], WEEKDAYS_ABBR[day]) for day in range(7)],
                "previous_month": _shift(month, -1),
                "next_month": _shift(month, 1),
                "month_events": events,
            }
        )
    else:
        if "bulan" in filters:
            # A chosen month shows all of its events, whether they are over or not.
            events = visible_events(user, index.locale).order_by("start", "pk")
        elif when == PAST:
            events = past_events(user, index.locale)
        else:
            events = upcoming_events(user, locale=index.locale)
        context["events"] = Paginator(_filter(events.child_of(index), filters), settings.EVENTS_PER_PAGE).get_page(
            request.GET.get("page")
        )

    context.update(
        {
            "view": view,
            "when": when,
            "filters": filters,
            "ignored_filters": ignored,
            "filtered": bool(set(filters) - ({"bulan"} if view == CALENDAR else set())),
            "event_types": EventPage.Type.choices,
            "webcal_url": "webcal://" + index.get_full_url(request).split("://", 1)[-1] + "ics/",
            "regions": Region.objects.exclude(kind=Region.Kind.PROVINCE).order_by("name"),
        }
    )
    return TemplateResponse(request, index.get_template(request), context)
