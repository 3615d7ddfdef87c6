import io
import json
import re

import pytest
import time_machine
from django.core.files.images import ImageFile
from django.utils import translation
from PIL import Image as PillowImage
from wagtail.images.models import Image
from wagtail.models import Page, PageViewRestriction

from alumni.factories import OrganisationFactory, ProfileFactory, Visibility
from core.factories import region
from events.models import EventMaterial, EventOrganiser, EventPage, EventSpeaker, FollowUpItem
from events.templatetags.events_tags import event_when
from resources.factories import ResourceLibraryPageFactory, ResourcePageFactory
from tests.events.conftest import wib

pytestmark = pytest.mark.django_db

SECRET_LINK = "https://meet.example.org/rahasia-123"


def json_ld(html):
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(block)


def test_event_page_shows_type_time_in_wib_place_and_calendar_links(client, make_event):
    event = make_event(
        title="Lokakarya Tim Tangguh",
        start=wib(2030, 11, 4, 9),
        end=wib(2030, 11, 4, 16),
        regency=region("Kota Tangerang Selatan"),
        venue_address="Jl. Raya Serpong",
        map_url="https://maps.example.org/amaris",
    )
    html = client.get(event.url).content.decode()
    assert "<h1>Lokakarya Tim Tangguh</h1>" in html
    assert "Senin, 4 November 2030, 09.00–16.00 WIB" in html
    assert 'datetime="2030-11-04T09:00:00+07:00"' in html
    assert "Hotel Amaris Serpong" in html and "Kota Tangerang Selatan" in html and "Jl. Raya Serpong" in html
    assert 'href="https://maps.example.org/amaris"' in html
    assert f'href="{event.url}ics/"' in html
    assert "https://calendar.google.com/calendar/render?action=TEMPLATE" in html
    assert "dates=20301104T020000Z%2F20301104T090000Z" in html
    assert '<link rel="alternate" type="text/calendar" title="' in html
    assert 'type="application/rss+xml"' in html and '/kegiatan/rss/"' in html


@pytest.mark.parametrize(
    ("start", "end", "all_day", "indonesian", "english"),
    [
        (
            (2024, 11, 4, 9),
            (2024, 11, 5, 16),
            False,
            "4 November 2024, 09.00 – 5 November 2024, 16.00 WIB",
            "4 November 2024, 09:00 – 5 November 2024, 16:00 WIB",
        ),
        ((2024, 11, 4, 0), (2024, 11, 5, 23), True, "4–5 November 2024", "4–5 November 2024"),
        ((2024, 11, 28, 0), (2024, 12, 2, 0), True, "28 November – 2 Desember 2024", "28 November – 2 December 2024"),
        (
            (2024, 12, 30, 0),
            (2025, 1, 2, 0),
            True,
            "30 Desember 2024 – 2 Januari 2025",
            "30 December 2024 – 2 January 2025",
        ),
        ((2023, 12, 13, 0), (2023, 12, 13, 0), True, "Rabu, 13 Desember 2023", "Wednesday, 13 December 2023"),
    ],
)
def test_date_ranges_read_well_in_both_languages(start, end, all_day, indonesian, english):
    event = EventPage(start=wib(*start), end=wib(*end), all_day=all_day)
    with translation.override("id"):
        assert event_when(event) == indonesian
    with translation.override("en"):
        assert event_when(event) == english


def test_all_day_event_shows_dates_only(client, make_event):
    event = make_event(start=wib(2030, 12, 13, 0), end=wib(2030, 12, 13, 23, 59), all_day=True)
    html = client.get(event.url).content.decode()
    assert "Jumat, 13 Desember 2030" in html and "WIB</time>" not in html
    assert json_ld(html)["startDate"] == "2030-12-13"


def test_online_event_names_its_time_zone(client, make_event):
    event = make_event(event_format=EventPage.Format.ONLINE, online_url=SECRET_LINK, venue_name="")
    html = client.get(event.url).content.decode()
    assert "UTC+07:00 (Asia/Jakarta)" in html


@pytest.mark.parametrize(
    ("status", "banner", "schema"),
    [
        (EventPage.Status.CANCELLED, "This event has been cancelled.", "EventCancelled"),
        (EventPage.Status.POSTPONED, "This event has been postponed.", "EventPostponed"),
        (EventPage.Status.SCHEDULED, None, "EventScheduled"),
    ],
)
def test_status_is_shown_prominently_and_in_json_ld(client, make_event, event_index, status, banner, schema):
    event = make_event(status=status, status_note="Tanggal baru: 20 Januari")
    with translation.override("en"):
        html = client.get(event.url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    if banner:
        assert 'class="event-banner' in html and "Tanggal baru: 20 Januari" in html
        assert 'class="event-status' in client.get(event_index.url).content.decode()
    else:
        assert 'class="event-banner' not in html
    assert json_ld(html)["eventStatus"] == f"https://schema.org/{schema}"


def test_json_ld_describes_the_event_without_the_online_link(client, make_event):
    organisation = OrganisationFactory(name="P3M", website="https://p3m.example.org")
    event = make_event(
        title="Webinar </script><script>alert(1)</script>",
        event_format=EventPage.Format.HYBRID,
        online_url=SECRET_LINK,
        start=wib(2030, 3, 2, 9),
        end=wib(2030, 3, 2, 12),
        regency=region("Kota Serang"),
    )
    EventOrganiser.objects.create(page=event, organisation=organisation)
    html = client.get(event.url).content.decode()
    assert "<script>alert(1)" not in html
    data = json_ld(html)
    assert data["@type"] == "Event"
    assert data["name"] == "Webinar </script><script>alert(1)</script>"
    assert data["startDate"] == "2030-03-02T09:00:00+07:00"
    assert data["endDate"] == "2030-03-02T12:00:00+07:00"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    place, virtual = data["location"]
    assert place["@type"] == "Place" and place["name"] == "Hotel Amaris Serpong"
    # The required URL is the public event page: the meeting link is private.
    assert virtual == {"@type": "VirtualLocation", "name": "Daring", "url": f"http://testserver{event.url}"}
    assert data["organizer"] == [{"@type": "Organization", "name": "P3M", "url": "https://p3m.example.org"}]
    assert data["description"] == "Lokakarya penyegaran untuk Tim Tangguh."


def test_online_event_json_ld_has_a_virtual_location_with_the_public_page_as_its_url(client, member, make_event):
    event = make_event(event_format=EventPage.Format.ONLINE, online_url=SECRET_LINK)
    for user in (None, member):
        client.logout()
        if user:
            client.force_login(user)
        html = client.get(event.url).content.decode()
        data = json_ld(html)
        assert data["location"] == {
            "@type": "VirtualLocation",
            "name": "Daring",
            "url": f"http://testserver{event.url}",
        }
        assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
        assert SECRET_LINK not in html


def test_the_online_link_never_appears_on_the_page(client, member, admin_user, make_event):
    event = make_event(event_format=EventPage.Format.ONLINE, online_url=SECRET_LINK)
    for user in (None, member, admin_user):
        if user:
            client.force_login(user)
        html = client.get(event.url).content.decode()
        assert "rahasia-123" not in html
        assert "meet.example.org" not in html


def test_speakers_are_shown_as_their_profile_allows(client, member, make_event):
    event = make_event()
    public = ProfileFactory(full_name="Rahmat Publik", visible=Visibility.PUBLIC)
    members_only = ProfileFactory(full_name="Dewi Anggota", visible=Visibility.MEMBERS)
    hidden = ProfileFactory(full_name="Nama Tersembunyi")
    EventSpeaker.objects.create(page=event, profile=public, role="Narasumber", sort_order=0)
    EventSpeaker.objects.create(page=event, profile=members_only, sort_order=1)
    EventSpeaker.objects.create(page=event, profile=hidden, sort_order=2)  # nothing at all
    EventSpeaker.objects.create(
        page=event, profile=ProfileFactory(full_name="Juga Tersembunyi"), name="Ibu Narasumber", sort_order=3
    )
    EventSpeaker.objects.create(page=event, name="Pak Tamu", role="Tokoh agama", sort_order=4)

    html = client.get(event.url).content.decode()
    assert f'href="/alumni/profil/{public.public_id}/">Rahmat Publik</a>' in html
    assert "Narasumber" in html and "Pak Tamu" in html and "Tokoh agama" in html
    # A typed name beside a hidden alumnus would name them: nothing is shown for that row.
    assert "Ibu Narasumber" not in html and "Juga Tersembunyi" not in html
    assert "Dewi Anggota" not in html and members_only.public_id not in html
    assert "Nama Tersembunyi" not in html and hidden.public_id not in html

    client.force_login(member)
    html = client.get(event.url).content.decode()
    assert "Dewi Anggota" in html
    assert "Nama Tersembunyi" not in html


def test_organisers_link_to_their_organisation_page(client, make_event):
    event = make_event()
    EventOrganiser.objects.create(page=event, organisation=OrganisationFactory(name="INFID", slug="infid"))
    html = client.get(event.url).content.decode()
    assert "INFID</a>" in html and 'href="/alumni/' in html


def test_organisations_waiting_for_staff_to_publish_them_are_not_named_on_the_event_page(client, make_event):
    """A roster import's organisations are unpublished: organiser, plan owner and schema.org data leave them out."""
    event = make_event()
    hidden = OrganisationFactory(name="Komunitas Kecil Rahasia", slug="komunitas-kecil", published=False)
    EventOrganiser.objects.create(page=event, organisation=hidden)
    EventOrganiser.objects.create(page=event, organisation=OrganisationFactory(name="INFID", slug="infid"))
    FollowUpItem.objects.create(page=event, action="Pendampingan warga", owner_organisation=hidden)
    html = client.get(event.url).content.decode()
    assert "INFID" in html and "Pendampingan warga" in html
    assert "Komunitas Kecil Rahasia" not in html and "komunitas-kecil" not in html


def test_materials_are_listed_only_when_the_visitor_may_see_them(client, member, home, make_event):
    library = ResourceLibraryPageFactory(parent=home)
    open_resource = ResourcePageFactory(parent=library, title="Modul deteksi dini")
    closed_resource = ResourcePageFactory(parent=library, title="SOP internal")
    PageViewRestriction.objects.create(page=closed_resource, restriction_type=PageViewRestriction.LOGIN)
    event = make_event()
    EventMaterial.objects.create(page=event, material=Page.objects.get(pk=open_resource.pk), sort_order=0)
    EventMaterial.objects.create(page=event, material=Page.objects.get(pk=closed_resource.pk), sort_order=1)
    html = client.get(event.url).content.decode()
    assert "Modul deteksi dini" in html and "SOP internal" not in html
    client.force_login(member)
    assert "SOP internal" in client.get(event.url).content.decode()


def test_after_the_event_the_report_and_follow_up_plan_are_shown(client, make_event):
    owner = ProfileFactory(full_name="Siti Publik", visible=Visibility.PUBLIC)
    hidden_owner = ProfileFactory(full_name="Orang Tersembunyi")
    with time_machine.travel(wib(2030, 1, 20, 12), tick=False):
        event = make_event(start=wib(2030, 1, 10, 9), end=wib(2030, 1, 11, 16), attendance=42)
        rows = [
            ("Sosialisasi Perwal", {"owner_organisation": OrganisationFactory(name="Tim Tangguh")}, "done", 70),
            ("Pelatihan media sosial", {"owner_profile": owner}, "in_progress", 50),
            ("Pemetaan rawan", {"owner_profile": hidden_owner}, "planned", 0),
            ("Dialog lintas iman", {"owner_name": "Forum warga"}, "dropped", 0),
        ]
        for action, owner_fields, status, progress in rows:
            FollowUpItem.objects.create(
                page=event,
                action=action,
                indicator="Jumlah kegiatan",
                target="3 kali",
                status=status,
                progress=progress,
                due_date=wib(2030, 1, 15).date(),
                **owner_fields,
            )
        html = client.get(event.url).content.decode()
    assert "42 orang hadir" in html or "42 people attended" in html
    assert "<table" in html and html.count('<th scope="row"') == 4
    assert "Tim Tangguh" in html and "Siti Publik" in html and "Forum warga" in html
    assert "Orang Tersembunyi" not in html and hidden_owner.public_id not in html
    # Overall: (100 + 50 + 0) / 3, the dropped action left out.
    assert '<progress id="plan-progress" max="100" value="50">' in html
    assert 'value="100" aria-labelledby=' in html  # a done action counts as complete
    assert html.count('class="plan-table__overdue"') == 2  # open actions past their due date
    assert "Add to Google Calendar" not in html  # no point adding a past event


def test_members_only_event_page_asks_anonymous_visitors_to_log_in(client, member, make_event):
    event = make_event(members_only=True)
    assert client.get(event.url).status_code == 302
    client.force_login(member)
    assert client.get(event.url).status_code == 200


def test_json_ld_has_the_event_image_as_an_absolute_url(client, make_event):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (1200, 675), (11, 93, 91)).save(buffer, "JPEG")
    image = Image.objects.create(title="Lokakarya", file=ImageFile(buffer, name="lokakarya.jpg"))
    event = make_event(listing_image=image)
    data = json_ld(client.get(event.url).content.decode())
    assert data["image"].startswith("http://testserver/") and data["image"].endswith(".jpg")


def test_the_venue_names_the_city_once(client, make_event):
    from events.calendar import event_location_text

    event = make_event(
        venue_address="Jl. Raya Serpong No. 1,\nSerpong, Kota Tangerang Selatan, Banten",
        regency=region("Kota Tangerang Selatan"),
    )
    html = client.get(event.url).content.decode()
    facts = html[html.index('class="meta-list event-facts"') : html.index("</dl>")]
    assert facts.count("Kota Tangerang Selatan") == 1
    assert event_location_text(event).count("Kota Tangerang Selatan") == 1
    assert json_ld(html)["location"]["address"]["streetAddress"].count("Kota Tangerang Selatan") == 1

    elsewhere = make_event(venue_address="Jl. Ahmad Yani No. 5", regency=region("Kota Serang"))
    html = client.get(elsewhere.url).content.decode()
    facts = html[html.index('class="meta-list event-facts"') : html.index("</dl>")]
    assert "Jl. Ahmad Yani No. 5</span>" in facts and "<br>Kota Serang" in facts
    assert event_location_text(elsewhere) == "Hotel Amaris Serpong, Jl. Ahmad Yani No. 5, Kota Serang"


@pytest.mark.parametrize(
    ("address", "regency", "named"),
    [
        ("Jl. Ahmad Yani No. 5, Serang", "Kota Serang", True),
        ("Jl. Ahmad Yani No. 5,\nSERANG.", "Kota Serang", True),
        ("Jl. Raya Pandeglang Km 3, Pandeglang", "Kabupaten Pandeglang", True),
        ("Jl. Serang Raya No. 2, Cilegon", "Kota Serang", False),
    ],
)
def test_the_venue_names_the_city_once_when_the_address_leaves_out_its_kind(make_event, address, regency, named):
    from events.calendar import event_location_text

    event = make_event(venue_address=address, regency=region(regency))

    assert event.city == ("" if named else regency)
    assert event_location_text(event).endswith(f", {regency}") is not named


def test_a_plan_reads_the_same_percentage_on_the_event_and_the_home_page(client, home, make_event):
    event = make_event(start=wib(2030, 1, 10, 9), end=wib(2030, 1, 10, 16))
    for status, progress in [("done", 0), ("in_progress", 25)]:  # (100 + 25) / 2 = 62.5: halves round up
        FollowUpItem.objects.create(
            page=event, action="Aksi", indicator="Jumlah", target="3", status=status, progress=progress
        )
    assert '<progress id="plan-progress" max="100" value="63">' in client.get(event.url).content.decode()
    home_html = client.get(home.url).content.decode()
    assert 'value="63"' in home_html and "63%" in home_html
    assert "62%" not in home_html
