"""The events index: upcoming events or the archive, filters, a month calendar and pagination."""

import calendar
import datetime

from django.conf import settings
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.facets import ChoiceFacet, Facets, RelatedFacet, clean_value
from core.models import Region

from .models import EventPage
from .selectors import past_events, upcoming_events, visible_events

PAST = "past"
CALENDAR = "calendar"
MAX_EVENTS_IN_MONTH = 300

FACETS = Facets(
    EventPage,
    ChoiceFacet("type", _("Type"), "event_type", EventPage.Type.choices),
    RelatedFacet("region", _("Regency/city"), "regency", Region, public_list=True),
)


def _parse_month(value):
    try:
        month = datetime.datetime.strptime(value, "%Y-%m").date()
    except ValueError:
        return None
    return month if 2000 <= month.year <= 2100 else None


def read_filters(params):
    """(facet selection, month or None, labels of the filters whose values were not understood and ignored)."""
    selected, ignored = FACETS.read(params)
    month = None
    value = clean_value(params.get("month", ""))[:7]
    if value:
        month = _parse_month(value)
        if month is None:
            ignored.append(gettext("Month"))
    return selected, month, ignored


def _month_bounds(month):
    zone = timezone.get_default_timezone()
    first = datetime.datetime.combine(month, datetime.time(), tzinfo=zone)
    following = (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return first, datetime.datetime.combine(following, datetime.time(), tzinfo=zone)


def in_month(events, month):
    """Every event that touches the month."""
    first, following = _month_bounds(month)
    return events.filter(start__lt=following, end__gte=first)


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
    selected, month, ignored = read_filters(request.GET)
    view = CALENDAR if request.GET.get("view") == CALENDAR else "list"
    when = PAST if request.GET.get("when") == PAST else "upcoming"
    user = request.user
    today = timezone.localdate()
    everything = visible_events(user, index.locale_id).child_of(index)

    context = index.get_context(request)
    if view == CALENDAR:
        month = month or today.replace(day=1)
        in_view = in_month(everything, month)
        events = list(FACETS.filter(in_view, selected).order_by("start", "pk")[:MAX_EVENTS_IN_MONTH])
        context.update(
            {
                "weeks": month_grid(month, events, today),
                "weekdays": [(WEEKDAYS[day], WEEKDAYS_ABBR[day]) for day in range(7)],
                "previous_month": _shift(month, -1),
                "next_month": _shift(month, 1),
                "month_events": events,
            }
        )
    else:
        if month:
            # A chosen month shows all of its events, whether they are over or not.
            in_view = in_month(everything, month).order_by("start", "pk")
        elif when == PAST:
            in_view = past_events(user, index.locale_id).child_of(index)
        else:
            in_view = upcoming_events(user, locale=index.locale_id).child_of(index)
        events = FACETS.filter(in_view, selected)
        context["events"] = Paginator(events, settings.EVENTS_PER_PAGE).get_page(request.GET.get("page"))

    context.update(
        {
            "view": view,
            "when": when,
            "month": month,
            "facets": FACETS.counts(in_view, selected),
            "selected": selected,
            "ignored_filters": ignored,
            "filtered": bool(selected),
            "webcal_url": "webcal://" + index.get_full_url(request).split("://", 1)[-1] + "ics/",
        }
    )
    return TemplateResponse(request, index.get_template(request), context)
