"""The home page's network sections: upcoming events, follow-up plans in progress, network figures."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from alumni.factories import ProfileFactory
from alumni.models import Visibility
from core.factories import region
from events.factories import EventIndexPageFactory, EventPageFactory
from events.models import EventPage, FollowUpItem

pytestmark = pytest.mark.django_db

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
NOW = datetime.datetime(2030, 6, 15, 12, tzinfo=WIB)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def event_index(home):
    return EventIndexPageFactory(parent=home)


def make_event(parent, days, title, **fields):
    """A published event `days` from NOW (negative: in the past), 09:00–16:00 WIB."""
    start = (NOW + datetime.timedelta(days=days)).replace(hour=9)
    return EventPageFactory(parent=parent, title=title, start=start, end=start.replace(hour=16), **fields)


def add_plan(event, *statuses):
    for number, status in enumerate(statuses):
        FollowUpItem.objects.create(
            page=event,
            action=f"Tindak lanjut {number}",
            indicator="Rapat terlaksana",
            target="4 rapat",
            status=status,
            progress=50 if status == FollowUpItem.Status.IN_PROGRESS else 0,
            sort_order=number,
        )


def public_alumni(count, regency="Kota Serang", **fields):
    return [ProfileFactory(visible=Visibility.PUBLIC, regency=region(regency), **fields) for _ in range(count)]


def test_home_shows_the_three_soonest_upcoming_events_with_a_link_to_all_events(client, event_index):
    make_event(event_index, -3, "Sesi yang sudah lewat")
    for days, title in [(20, "Dialog warga Lebak"), (2, "Lokakarya Serang"), (9, "Diskusi daring"), (30, "Pelatihan")]:
        make_event(event_index, days, title)
    cancelled = {"status": EventPage.Status.CANCELLED, "status_note": "Tuan rumah berhalangan"}
    make_event(event_index, 5, "Kunjungan batal", **cancelled)

    html = client.get("/").content.decode()

    assert 'id="upcoming-events-heading"' in html
    positions = [html.index(title) for title in ("Lokakarya Serang", "Kunjungan batal", "Diskusi daring")]
    assert positions == sorted(positions)
    assert "Tuan rumah berhalangan" in html  # the cancelled event says so
    assert "Dialog warga Lebak" not in html and "Pelatihan" not in html
    assert "Sesi yang sudah lewat" not in html
    assert f'href="{event_index.url}"' in html


def test_home_hides_members_only_events_from_visitors(client, event_index):
    private = make_event(event_index, 4, "Rapat internal jejaring")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    make_event(event_index, 6, "Lokakarya terbuka")
    html = client.get("/").content.decode()
    assert "Lokakarya terbuka" in html
    assert "Rapat internal jejaring" not in html


def test_home_lists_follow_up_plans_in_progress_with_their_progress_and_a_link(client, event_index):
    open_plan = make_event(event_index, -200, "Lokakarya penyegaran Tim Tangguh")
    add_plan(open_plan, FollowUpItem.Status.DONE, FollowUpItem.Status.IN_PROGRESS, FollowUpItem.Status.PLANNED)
    finished = make_event(event_index, -400, "Sesi yang rencananya selesai")
    add_plan(finished, FollowUpItem.Status.DONE, FollowUpItem.Status.DROPPED)

    html = client.get("/").content.decode()

    assert 'id="plans-heading"' in html
    assert f'href="{open_plan.url}#plan-heading"' in html
    assert 'value="50"' in html  # (100 + 50 + 0) / 3
    assert "Sesi yang rencananya selesai" not in html


def test_home_sections_are_left_out_when_there_is_nothing_to_show(client, event_index):
    ProfileFactory(full_name="Orang Tersembunyi (contoh)")  # hidden: counts nowhere
    make_event(event_index, -10, "Sesi lama tanpa rencana")
    html = client.get("/").content.decode()
    assert 'id="upcoming-events-heading"' not in html
    assert 'id="plans-heading"' not in html
    assert 'id="network-figures-heading"' not in html
    assert "Orang Tersembunyi" not in html


def test_home_shows_network_figures_for_visible_alumni_and_never_a_hidden_name(client, home):
    public_alumni(4, "Kabupaten Lebak")
    ProfileFactory(full_name="Nama Rahasia Penanda (contoh)", regency=region("Kabupaten Lebak"))
    ProfileFactory(
        full_name="Anggota Saja Penanda (contoh)", visible=Visibility.MEMBERS, regency=region("Kabupaten Lebak")
    )

    html = client.get("/").content.decode()

    assert 'id="network-figures-heading"' in html
    assert "Kabupaten Lebak: 4" in html  # the hidden and the members-only profiles are not counted for visitors
    assert 'href="/alumni/"' in html
    assert "Penanda" not in html


def test_english_home_shows_english_events_only(client, event_index, home_en, locales):
    event = make_event(event_index, 3, "Lokakarya kontra-narasi")
    english_index = event_index.copy_for_translation(locales["en"])
    english_index.save_revision().publish()
    translation = event.copy_for_translation(locales["en"], copy_parents=False)
    translation.title = "Counter-narrative workshop"
    translation.save_revision().publish()

    html = client.get("/en/").content.decode()

    assert "Counter-narrative workshop" in html
    assert "Lokakarya kontra-narasi" not in html


def test_home_query_count_does_not_grow_with_events_plans_and_alumni(client, settings, event_index):
    settings.PAGE_CACHE_SECONDS = 0  # the page drawn afresh each time, not served from the page cache

    def measure():
        # Warm the caches (site root paths, content types); the first request also makes the site settings row,
        # which changes the content version, and the second keeps what is remembered under the new one.
        client.get("/")
        client.get("/")
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/").status_code == 200
        return len(queries)

    add_plan(make_event(event_index, -100, "Rencana 0"), FollowUpItem.Status.IN_PROGRESS)
    make_event(event_index, 1, "Kegiatan 0")
    public_alumni(3)
    few = measure()

    for number in range(1, 8):
        add_plan(make_event(event_index, -100 - number, f"Rencana {number}"), FollowUpItem.Status.IN_PROGRESS)
        make_event(event_index, 1 + number, f"Kegiatan {number}")
    public_alumni(20, "Kota Cilegon")
    public_alumni(10, "Kabupaten Pandeglang", sector="media")
    many = measure()

    assert many == few
