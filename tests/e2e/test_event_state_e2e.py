"""A registrant's page and the event page of a postponed, moved or cancelled event: readable at 360 px and 1280 px,
no axe violation, and the state says what it is."""

import datetime
import zoneinfo

import pytest
from django.utils import timezone

from events import registration as services
from events.factories import EventIndexPageFactory, EventPageFactory, RegistrationFactory
from events.models import EventPage

pytestmark = pytest.mark.django_db(transaction=True)

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")


def at(days, hour):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime(day.year, day.month, day.day, hour, tzinfo=WIB)


def publish(event, **fields):
    event = EventPage.objects.get(pk=event.pk)
    for name, value in fields.items():
        setattr(event, name, value)
    event.save_revision().publish()
    return event


@pytest.mark.parametrize(
    ("fields", "banner"),
    [
        ({"status": "postponed", "status_note": "Menunggu izin tempat dari kelurahan setempat."}, "postponed"),
        ({"start": at(30, 9), "end": at(30, 16)}, "moved"),
        ({"status": "cancelled", "status_note": "Banjir di lokasi; kegiatan tidak dapat diadakan."}, "cancelled"),
    ],
)
def test_registrants_and_visitors_see_the_event_state_on_a_phone(live_server, browser, axe_check, home, fields, banner):
    index = EventIndexPageFactory(parent=home)
    event = EventPageFactory(
        parent=index,
        title="Lokakarya penyegaran Tim Tangguh Kota Tangerang Selatan",
        event_format="hybrid",
        online_url="https://meet.example.org/rahasia-123",
        start=at(7, 9),
        end=at(7, 16),
    )
    event.save_revision().publish()
    registration = services.confirm(RegistrationFactory(event=event, name="Siti Rahmawati"))
    event = publish(event, **fields)
    urls = {
        "registration": f"{live_server.url}{event.url}konfirmasi/{registration.issue_token()}/",
        "event": live_server.url + event.url,
    }
    for name, url in urls.items():
        assert axe_check(url) == [], name
    for width in (360, 1280):
        context = browser.new_context(viewport={"width": width, "height": 740}, device_scale_factor=1)
        try:
            phone = context.new_page()
            for name, url in urls.items():
                phone.goto(url)
                assert phone.locator(f".event-banner--{banner}").is_visible(), name
                assert phone.evaluate("document.documentElement.scrollWidth") <= width, name
                # The meeting link only on the registrant's page of an event that is on (here: moved).
                assert ("rahasia-123" in phone.content()) == (banner == "moved" and name == "registration"), name
        finally:
            context.close()
