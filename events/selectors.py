"""Which events a viewer may see, and what an event page shows them.

Listings, feeds, calendars, the home page and cohort pages all start from `visible_events`, so privacy
(members-only events) and language are decided in one place.
"""

import contextlib

from django.db.models import Case, Count, F, IntegerField, Min, Q, Sum, When
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from wagtail.images.models import SourceImageIOError
from wagtail.models import Page

from alumni.policy import card_queryset, profile_fields_for, visible_organisations, visible_profiles
from core.access import viewable_pages
from core.i18n import active_locale
from core.links import absolute_url

from .models import EventPage, FollowUpItem

OPEN_STATUSES = [FollowUpItem.Status.PLANNED, FollowUpItem.Status.IN_PROGRESS]


def visible_events(user, locale=None):
    """Live events of `locale` (a Locale or its id; the active language by default) that `user` may open, ready for
    cards."""
    queryset = EventPage.objects.live().filter(locale=locale or active_locale())
    return viewable_pages(queryset, user).select_related("regency", "listing_image", "locale")


def upcoming_events(user, limit=None, locale=None):
    """Events that have not ended yet (an event in progress is still upcoming), soonest first."""
    events = visible_events(user, locale).filter(end__gte=timezone.now()).order_by("start", "pk")
    return events[:limit] if limit else events


def past_events(user, locale=None):
    """Events that have ended, newest first."""
    return visible_events(user, locale).filter(end__lt=timezone.now()).order_by("-start", "-pk")


def _progress_total():
    # The same rule as item_progress, in SQL: done counts 100, dropped actions are left out.
    return Sum(
        Case(
            When(follow_up_items__status=FollowUpItem.Status.DONE, then=100),
            default=F("follow_up_items__progress"),
            output_field=IntegerField(),
        ),
        filter=~Q(follow_up_items__status=FollowUpItem.Status.DROPPED),
    )


def plans_in_progress(user, limit=5, cohort=None, locale=None):
    """Events whose follow-up plan still has open actions, most recent event first, as a list; each has
    `plan_progress` (plan_percentage), `open_actions` and `plan_actions`."""
    events = visible_events(user, locale)
    if cohort is not None:
        events = events.filter(cohort=cohort)
    events = (
        events.annotate(
            open_actions=Count("follow_up_items", filter=Q(follow_up_items__status__in=OPEN_STATUSES)),
            plan_actions=Count("follow_up_items", filter=~Q(follow_up_items__status=FollowUpItem.Status.DROPPED)),
            plan_total=_progress_total(),
        )
        .filter(open_actions__gt=0)
        .order_by("-start", "-pk")
    )
    events = list(events[:limit] if limit else events)
    for event in events:
        event.plan_progress = plan_percentage(event.plan_total, event.plan_actions)
    return events


def item_progress(item):
    """An action's progress in percent: a done action is complete whatever its figure says; dropped is None."""
    if item.status == FollowUpItem.Status.DROPPED:
        return None
    return 100 if item.status == FollowUpItem.Status.DONE else item.progress


def plan_percentage(total, actions):
    """A plan's progress as a whole percentage: the mean of its `actions`' progress (summed in `total`), halves
    rounded up; None without actions. The event page and every listing show this one figure."""
    if not actions:
        return None
    return (2 * total + actions) // (2 * actions)


def overall_progress(items):
    """The plan's progress in percent: the mean of its actions, dropped actions left out (None if none count)."""
    counted = [progress for progress in map(item_progress, items) if progress is not None]
    return plan_percentage(sum(counted), len(counted))


def _url_or_empty(name, *args):
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


def _person(user, profile_id, profiles, fallback=""):
    """A speaker or owner as `user` may see them: name and link through the alumni policy, else the typed name.

    `profiles` holds only the profiles `user` may see. A chosen alumnus `user` may not see shows nothing at all,
    not even a typed name, which would name the hidden person.
    """
    if profile_id is not None:
        profile = profiles.get(profile_id)
        if profile is None:
            return None
        card = profile_fields_for(user, profile)
        return {"name": card.display_name, "url": card.url}
    return {"name": fallback, "url": ""} if fallback else None


def _organisation(organisation):
    return {"name": organisation.name, "url": _url_or_empty("alumni:organisation", organisation.slug)}


def event_page_context(event, request):
    """Everything templates/events/event_page.html needs, registration included."""
    from .announcements import event_state
    from .calendar import google_calendar_url
    from .registration import registration_context

    user = request.user
    today = timezone.localdate()
    speakers = list(event.speakers.all())
    items = list(event.follow_up_items.select_related("owner_organisation"))
    organiser_ids = [o.organisation_id for o in event.organisers.all()]
    organisations = {
        o.pk: o
        for o in visible_organisations(user).filter(pk__in={*organiser_ids, *(i.owner_organisation_id for i in items)})
    }
    organisers = [organisations[pk] for pk in organiser_ids if pk in organisations]
    profile_ids = {s.profile_id for s in speakers} | {i.owner_profile_id for i in items}
    profiles = {p.pk: p for p in card_queryset(visible_profiles(user).filter(pk__in=profile_ids - {None}))}

    speaker_rows = []
    for speaker in speakers:
        if person := _person(user, speaker.profile_id, profiles, speaker.name):
            speaker_rows.append({**person, "role": speaker.role})

    plan_rows = []
    for item in items:
        if item.owner_organisation:
            # An organisation waiting for staff to publish it (from a roster import) is not named to others.
            shown = item.owner_organisation_id in organisations
            owner = _organisation(item.owner_organisation) if shown else None
        else:
            owner = _person(user, item.owner_profile_id, profiles, item.owner_name)
        plan_rows.append(
            {
                "item": item,
                "owner": owner,
                "progress": item_progress(item),
                "overdue": bool(item.due_date and item.due_date < today and item.status in OPEN_STATUSES),
            }
        )

    state = event_state(event)
    material_ids = [m.material_id for m in event.materials.all()]
    materials = sorted(
        viewable_pages(Page.objects.live().filter(pk__in=material_ids), user).specific(),
        key=lambda page: material_ids.index(page.pk),
    )

    context = {
        "speakers": speaker_rows,
        "organisers": [_organisation(o) for o in organisers],
        "materials": materials,
        "photos": list(event.photos.select_related("image")),
        "plan_rows": plan_rows,
        "plan_progress": overall_progress(items),
        "has_ended": event.end < timezone.now(),
        "event_index": event.get_parent(),
        "cohort_url": _url_or_empty("alumni:cohort", event.cohort.slug) if event.cohort_id else "",
        "google_calendar_url": google_calendar_url(event, request),
        "event_json_ld": event_json_ld(event, request, organisers, state),
        **state,
    }
    context.update(registration_context(event, request))
    return context


def event_json_ld(event, request, organisers, state):
    """schema.org Event data for the page head, naming the `organisers` the viewer may see, in the event's `state`
    (announcements.event_state). Never the online link: it is for confirmed registrants only, so the virtual
    location's required `url` is the public event page."""
    from .calendar import event_location_text

    modes = {
        EventPage.Format.IN_PERSON: "OfflineEventAttendanceMode",
        EventPage.Format.ONLINE: "OnlineEventAttendanceMode",
        EventPage.Format.HYBRID: "MixedEventAttendanceMode",
    }
    url = event.get_full_url(request)
    place = {"@type": "Place", "name": event.venue_name or event_location_text(event) or str(event.regency or "")}
    address = ", ".join(part for part in [" ".join(event.venue_address.split()), event.city] if part)
    if address:
        place["address"] = {"@type": "PostalAddress", "streetAddress": address, "addressCountry": "ID"}
    virtual = {"@type": "VirtualLocation", "name": str(EventPage.Format.ONLINE.label), "url": url}
    locations = {
        EventPage.Format.IN_PERSON: place,
        EventPage.Format.ONLINE: virtual,
        EventPage.Format.HYBRID: [place, virtual],
    }

    def moment(value):
        local = value.astimezone(event.zone)
        return local.date().isoformat() if event.all_day else local.isoformat()

    statuses = {EventPage.Status.CANCELLED: "EventCancelled", EventPage.Status.POSTPONED: "EventPostponed"}
    previous_start = state["previous_start"]
    status = statuses.get(state["event_status"]) or ("EventRescheduled" if previous_start else "EventScheduled")
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.description,
        "startDate": moment(event.start),
        "endDate": moment(event.end),
        "eventStatus": f"https://schema.org/{status}",
        "eventAttendanceMode": f"https://schema.org/{modes.get(event.event_format, modes['in_person'])}",
        "location": locations.get(event.event_format, place),
        "url": url,
        "inLanguage": event.locale.language_code,
    }
    if status == "EventRescheduled":
        data["previousStartDate"] = moment(previous_start)
    if organisers:
        data["organizer"] = [
            {"@type": "Organization", "name": o.name, **({"url": o.website} if o.website else {})} for o in organisers
        ]
    image = event.share_image
    if image:
        # A missing image file must not take the page down: the event is then described without it.
        with contextlib.suppress(SourceImageIOError):
            data["image"] = absolute_url(image.get_rendition("fill-1200x630|format-jpeg").url)
    return data


def next_change(now):
    """The next moment an event page or listing changes by itself: an event starts or ends, registration opens or
    closes (core.content_version keeps cached pages no longer than that)."""
    moments = EventPage.objects.live().aggregate(
        **{field: Min(field, filter=Q(**{f"{field}__gt": now})) for field in EVENT_MOMENTS}
    )
    return min((moment for moment in moments.values() if moment is not None), default=None)


EVENT_MOMENTS = ("start", "end", "registration_opens", "registration_closes")
