import datetime

import pytest
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from events.models import EventIndexPage, EventPage, FollowUpItem
from events.selectors import overall_progress
from tests.events.conftest import wib
from website.models import HomePage

pytestmark = pytest.mark.django_db


class TestEventTreeRules(WagtailPageTestCase):
    def test_event_index_lives_under_a_home_page_and_holds_events(self):
        self.assertAllowedParentPageTypes(EventIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedSubpageTypes(EventPage, set())


def event_form(**overrides):
    data = {
        "title": "Lokakarya penyegaran Tim Tangguh",
        "slug": "lokakarya-penyegaran",
        "event_type": "workshop",
        "event_format": "in_person",
        "status": "scheduled",
        "summary": "Penyegaran deteksi dini.",
        "start": "2030-11-04 09:00",
        "end": "2030-11-05 16:00",
        "timezone_name": "Asia/Jakarta",
        "venue_name": "Hotel Amaris Serpong",
        "body": streamfield([]),
        "report": streamfield([]),
        "organisers": inline_formset([]),
        "speakers": inline_formset([]),
        "materials": inline_formset([]),
        "photos": inline_formset([]),
        "follow_up_items": inline_formset([]),
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def test_editor_creates_an_event_in_the_admin(client, admin_user, event_index):
    client.force_login(admin_user)
    url = reverse("wagtailadmin_pages:add", args=("events", "eventpage", event_index.pk))
    assert client.get(url).status_code == 200
    response = client.post(url, event_form())
    assert response.status_code == 302, response.content.decode()[:3000]
    event = EventPage.objects.get(slug="lokakarya-penyegaran")
    assert event.live
    assert event.start == wib(2030, 11, 4, 9)  # typed in WIB, stored in UTC


def test_admin_refuses_an_event_that_ends_before_it_starts(client, admin_user, make_event):
    event = make_event(title="Sebelum diubah", start=wib(2030, 1, 10, 9), end=wib(2030, 1, 10, 12))
    client.force_login(admin_user)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=(event.pk,)),
        event_form(title="Setelah diubah", slug=event.slug, start="2030-01-10 09:00", end="2030-01-09 12:00"),
    )
    assert response.status_code == 200
    assert response.context["form"].errors["end"]  # "The event cannot end before it starts.", translated
    assert "Setelah diubah" in response.content.decode()  # what the editor typed is kept
    event.refresh_from_db()
    assert (event.title, event.end) == ("Sebelum diubah", wib(2030, 1, 10, 12))
    assert event.latest_revision.as_object().title == "Sebelum diubah"


def test_database_refuses_an_event_that_ends_before_it_starts(make_event):
    event = make_event(start=wib(2030, 1, 10, 9), end=wib(2030, 1, 10, 12))
    with pytest.raises(IntegrityError), transaction.atomic():
        EventPage.objects.filter(pk=event.pk).update(end=wib(2030, 1, 9, 12))
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            'UPDATE events_eventpage SET "end" = %s WHERE page_ptr_id = %s',
            [datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC), event.pk],
        )
    event.refresh_from_db()
    assert event.end == wib(2030, 1, 10, 12)


def test_sequence_grows_with_every_publish(make_event):
    event = make_event()
    first = event.sequence
    event.summary = "Diubah."
    event.save_revision().publish()
    event = EventPage.objects.get(pk=event.pk)
    assert event.sequence > first


def test_event_times_in_its_own_zone(make_event):
    event = make_event(start=datetime.datetime(2030, 1, 10, 2, tzinfo=datetime.UTC), end=wib(2030, 1, 10, 12))
    assert event.local_start.hour == 9 and event.zone_abbreviation == "WIB"
    event.timezone_name = "Asia/Makassar"
    assert event.local_start.hour == 10 and event.zone_abbreviation == "WITA"
    event.timezone_name = "Bukan/Zona"
    assert event.zone.key == "Asia/Jakarta"


def test_overall_progress_counts_done_as_complete_and_leaves_dropped_out():
    def item(status, progress):
        return FollowUpItem(status=status, progress=progress)

    assert overall_progress([item("done", 30), item("in_progress", 50), item("dropped", 0), item("planned", 10)]) == 53
    assert overall_progress([item("dropped", 0)]) is None
    assert overall_progress([]) is None


def test_follow_up_progress_is_a_percentage_in_the_database(make_event):
    event = make_event()
    with pytest.raises(IntegrityError), transaction.atomic():
        FollowUpItem.objects.create(page=event, action="A", indicator="B", target="C", progress=150)
    assert Page.objects.filter(pk=event.pk).exists()


def test_editor_previews_a_new_event_with_a_follow_up_plan(client, admin_user, event_index):
    client.force_login(admin_user)
    data = event_form(
        follow_up_items=inline_formset(
            [{"action": "Sosialisasi Perwal", "indicator": "Jumlah", "target": "3", "status": "planned", "progress": 0}]
        ),
        speakers=inline_formset([{"name": "Ibu Narasumber", "role": "Fasilitator"}]),
    )
    url = reverse("wagtailadmin_pages:preview_on_add", args=("events", "eventpage", event_index.pk))
    assert client.post(url, data).json()["is_valid"]
    html = client.get(url).content.decode()
    assert "Lokakarya penyegaran Tim Tangguh" in html
    assert "Sosialisasi Perwal" in html and "Ibu Narasumber" in html
    assert not EventPage.objects.filter(slug="lokakarya-penyegaran").exists()


def test_publishing_an_old_revision_still_raises_the_sequence(make_event):
    event = make_event()
    first = event.latest_revision
    for title in ("Lokakarya A", "Lokakarya B"):
        event.title = title
        event.save_revision().publish()
    event.refresh_from_db()
    before = event.sequence
    first.publish()
    event.refresh_from_db()
    assert event.sequence > before


def test_a_copied_event_is_another_calendar_entry(make_event, event_index):
    event = make_event()
    copy = event.copy(update_attrs={"title": "Lokakarya tahun depan", "slug": "lokakarya-tahun-depan"})
    assert copy.calendar_uid != event.calendar_uid


def test_an_all_day_event_lasts_to_the_end_of_its_last_day(make_event):
    event = make_event(all_day=True, start=wib(2026, 12, 4, 0, 0), end=wib(2026, 12, 5, 0, 0))
    assert event.start == wib(2026, 12, 4, 0, 0)
    assert event.end == wib(2026, 12, 5, 23, 59, 59)
