"""Demo events: the events index, events from the programme's history and upcoming events, from
demo/data/events.yaml.

`pages(now, alumni)` returns their page specs in the format of `demo.content` for load_demo_content. Dates in the
data are either fixed ("2024-11-04 09:00") or counted from the day `now` falls on in WIB (Asia/Jakarta), as in
"today+10 09:00", so whenever the demo is loaded the upcoming list is not empty; a later re-run moves them along.
Texts may name such a day as "{today+31}", written out in the page's language. Besides the keys of `content`, a
spec holds ``"children"`` (in "shared" or per language): inline rows by relation name (organisers, speakers,
materials, photos, follow-up plan), with "@page:"/"@image:" references, alumni objects as they are.

`ensure_registrations(pages, alumni, now, stats)` adds the data's registrations to the upcoming events.
"""

import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import formats, timezone, translation

from core.models import Region
from demo.content import LANGUAGES, page_spec, read
from events.models import Registration

WIB = ZoneInfo("Asia/Jakarta")
DATA = read("events")
DATETIME_FIELDS = ("start", "end", "registration_opens", "registration_closes")
# A date and time in WIB: a fixed day or a number of days from the day of loading ("today-14 08:00").
WHEN_RE = re.compile(r"(?:(?P<day>\d{4}-\d{2}-\d{2})|today(?P<offset>[+-]\d+)?) (?P<hour>\d{1,2}):(?P<minute>\d{2})")
DAY_IN_TEXT_RE = re.compile(r"\{today(?P<offset>[+-]\d+)?\}")


def at(day, hour, minute=0):
    return datetime.combine(day, time(hour, minute), tzinfo=WIB)


def long_date(day, language):
    with translation.override(language):
        return formats.date_format(day, "j F Y")


def when(value, today):
    """The aware datetime of a "2024-11-04 09:00" or "today+10 09:00" value."""
    match = WHEN_RE.fullmatch(str(value))
    if match is None:
        raise ValueError(f'Demo event date {value!r} is neither "YYYY-MM-DD HH:MM" nor "today+N HH:MM".')
    day = date.fromisoformat(match["day"]) if match["day"] else days_from(today, match["offset"])
    return at(day, int(match["hour"]), int(match["minute"]))


def days_from(today, offset):
    return today + timedelta(days=int(offset or 0))


def dated_text(text, today, language):
    """The text with each "{today+N}" written out as that day in the language."""
    return DAY_IN_TEXT_RE.sub(lambda match: long_date(days_from(today, match["offset"]), language), text)


def pages(now, alumni):
    """The events index and its events, with upcoming events dated from the day of `now` in WIB."""
    today = timezone.localtime(now, WIB).date()
    regions = {region.name: region for region in Region.objects.all()}
    events = [event_spec(item, today, alumni, regions) for item in DATA["events"]]
    return [page_spec(DATA["index"]), *events]


def event_spec(item, today, alumni, regions):
    """The page spec of one event; its follow-up plan becomes rows in each language."""
    plan = item.get("follow_up_plan")
    without_plan = {name: value for name, value in item.items() if name != "follow_up_plan"}
    spec = page_spec(without_plan, model="events.EventPage", parent="events")
    spec["shared"] = event_fields(spec["shared"], today, alumni, regions)
    for language in LANGUAGES:
        if language not in spec:
            continue
        fields = {
            name: dated_text(value, today, language) if isinstance(value, str) else value
            for name, value in event_fields(spec[language], today, alumni, regions).items()
        }
        if plan:
            fields.setdefault("children", {})["follow_up_items"] = follow_up_rows(plan, alumni, language)
        spec[language] = fields
    return spec


def event_fields(values, today, alumni, regions):
    """Event fields from YAML: dates computed, regions and cohorts looked up, inline rows under "children"."""
    fields, children = {}, {}
    for name, value in values.items():
        if name in DATETIME_FIELDS:
            fields[name] = when(value, today)
        elif name == "regency":
            fields[name] = regions[value]
        elif name == "cohort":
            fields[name] = alumni.cohorts[value]
        elif name == "organisers":
            children[name] = [{"organisation": alumni.organisations[key]} for key in value]
        elif name == "materials":
            children[name] = [{"material": f"@page:{key}"} for key in value]
        elif name == "speakers":
            children[name] = [speaker(row, alumni) for row in value]
        elif name == "photos":
            children[name] = value
        else:
            fields[name] = value
    if children:
        fields["children"] = children
    return fields


def speaker(row, alumni):
    """A speaker: an alumni profile or a name, and a role."""
    profile = alumni.profiles[row["profile"]] if "profile" in row else None
    return {"profile": profile, "name": row.get("name", ""), "role": row.get("role", "")}


def follow_up_rows(plan, alumni, language):
    """The follow-up plan (rencana tindak lanjut) in one language: each row's owner is an organisation, an alumni
    profile or a name per language."""
    rows = []
    for item in plan:
        owner = item["owner"]
        rows.append(
            {
                "action": item[language]["action"],
                "owner_organisation": alumni.organisations[owner["organisation"]] if "organisation" in owner else None,
                "owner_profile": alumni.profiles[owner["profile"]] if "profile" in owner else None,
                "owner_name": owner["name"][language] if "name" in owner else "",
                "due_date": item["due_date"],
                "indicator": item[language]["indicator"],
                "target": item[language]["target"],
                "status": item["status"],
                "progress": item["progress"],
                "progress_notes": item[language]["progress_notes"],
            }
        )
    return rows


def ensure_registrations(pages, alumni, now, stats):
    """Registrations on the Indonesian pages of the upcoming events, found again by e-mail address; they came in a
    day apart, the last one the day before loading."""
    today = timezone.localtime(now, WIB).date()
    for key, people in DATA["registrations"].items():
        event = pages[(key, "id")]
        existing = set(event.registrations.values_list("email", flat=True))
        for index, person in enumerate(people):
            status = person["status"]
            if person.get("member"):
                profile = alumni.member.alumni_profile
                name, email = profile.display_name, profile.email
            else:
                name, email = f"{person['name']} (contoh)", f"{person['name'].lower().replace(' ', '.')}@example.com"
            if email in existing:
                continue
            created_at = at(today - timedelta(days=len(people) - index), 10)
            Registration.objects.create(
                event=event,
                name=name,
                email=email,
                organisation=DATA["registration_organisation"],
                regency=event.regency,
                consent=True,
                status=status,
                created_at=created_at,
                confirmed_at=created_at + timedelta(minutes=5) if status == "confirmed" else None,
                waitlisted_at=created_at + timedelta(minutes=5) if status == "waitlisted" else None,
            )
            stats["event registrations created"] += 1
