import datetime
import zoneinfo

import pytest
from django.utils import timezone

from alumni.factories import OrganisationFactory, ProfileFactory, Visibility
from core.factories import region
from events.factories import EventIndexPageFactory, EventPageFactory
from events.models import EventOrganiser, EventSpeaker, FollowUpItem

pytestmark = pytest.mark.django_db(transaction=True)

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")


def at(days, hour):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime(day.year, day.month, day.day, hour, tzinfo=WIB)


@pytest.fixture
def events(home):
    index = EventIndexPageFactory(parent=home, intro="<p>Lokakarya, sesi Sekolah Demokrasi dan kunjungan.</p>")

    def publish(**fields):
        event = EventPageFactory(parent=index, **fields)
        event.save_revision().publish()
        return event

    upcoming = publish(
        title="Lokakarya penyegaran Tim Tangguh",
        start=at(3, 9),
        end=at(4, 16),
        regency=region("Kota Tangerang Selatan"),
        venue_address="Jl. Raya Serpong",
        map_url="https://maps.example.org/amaris",
    )
    EventOrganiser.objects.create(page=upcoming, organisation=OrganisationFactory(name="P3M"))
    EventSpeaker.objects.create(page=upcoming, name="Ibu Narasumber (contoh)", role="Fasilitator")
    publish(
        title="Webinar literasi digital",
        event_type="webinar",
        event_format="online",
        venue_name="",
        start=at(1, 13),
        end=at(1, 15),
    )
    publish(
        title="Dialog warga dibatalkan",
        status="cancelled",
        status_note="Ditunda karena banjir.",
        start=at(2, 9),
        end=at(2, 12),
    )
    past = publish(
        title="Sesi Sekolah Demokrasi Hybrid",
        event_type="session",
        event_format="hybrid",
        start=at(-20, 9),
        end=at(-20, 16),
        attendance=35,
    )
    owner = ProfileFactory(full_name="Rahmat Contoh", visible=Visibility.PUBLIC)
    for action, status, progress in [
        ("Sosialisasi ke kelurahan", "done", 100),
        ("Kampanye media sosial", "in_progress", 40),
        ("Draf Perwal", "planned", 0),
    ]:
        FollowUpItem.objects.create(
            page=past,
            action=action,
            owner_profile=owner,
            indicator="Jumlah kegiatan",
            target="3",
            status=status,
            progress=progress,
            due_date=timezone.localdate() + datetime.timedelta(days=30),
        )
    return {"index": index, "upcoming": upcoming, "past": past}


def test_visitor_browses_the_events_index_and_calendar_and_opens_an_event(live_server, page, events):
    page.goto(live_server.url + events["index"].url)
    assert page.get_by_role("heading", level=1).inner_text() == "Kegiatan"
    cards = page.locator(".event-card")
    assert cards.count() == 3
    assert "Webinar literasi digital" in cards.first.inner_text()  # soonest first
    assert page.locator(".event-status--cancelled").is_visible()

    page.get_by_label("Webinar").check()
    page.locator(".event-filters button[type=submit]").click()
    page.wait_for_url("**type=webinar**")
    assert page.locator(".event-card").count() == 1

    page.locator(".event-tabs a").nth(2).click()
    page.wait_for_url("**view=calendar**")
    assert page.locator("table.month-calendar__grid th[scope=col]").count() == 7

    page.goto(live_server.url + events["index"].url)
    page.get_by_role("link", name="Lokakarya penyegaran Tim Tangguh").click()
    page.wait_for_url(live_server.url + events["upcoming"].url)
    assert "WIB" in page.locator(".event-facts time").inner_text()
    assert page.locator('a[href*="calendar.google.com"]').is_visible()
    assert [error for error in page.console_errors if "Content Security Policy" in error] == []


def test_events_pages_pass_axe_and_fit_a_phone(live_server, browser, axe_check, events):
    index_url = live_server.url + events["index"].url
    urls = {
        "index": index_url,
        "calendar": index_url + "?view=calendar",
        "event": live_server.url + events["upcoming"].url,
        "past-event": live_server.url + events["past"].url,
    }
    for name, url in urls.items():
        assert axe_check(url) == [], name

    context = browser.new_context(viewport={"width": 375, "height": 740}, device_scale_factor=1)
    try:
        phone = context.new_page()
        for name, url in urls.items():
            phone.goto(url)
            phone.screenshot(path=f"/tmp/events-{name}-phone.png", full_page=True)  # noqa: S108 - for the lead to look at
            # Nothing but the tables' own scroll areas may be wider than the screen.
            assert phone.evaluate("document.documentElement.scrollWidth") <= 375, name
    finally:
        context.close()
