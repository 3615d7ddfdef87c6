import datetime
import importlib
import re
import uuid
from urllib.parse import parse_qs, urlsplit

import pytest
import time_machine
from django.apps import apps
from icalendar import Calendar
from wagtail.models import Page

from events.calendar import event_ics_bytes, google_calendar_url
from events.models import EventPage
from tests.events.conftest import wib

pytestmark = pytest.mark.django_db

SECRET_LINK = "https://meet.example.org/rahasia-123"


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def vevents(calendar):
    return calendar.walk("VEVENT")


def test_event_ics_parses_and_starts_at_the_right_moment_in_utc(client, make_event):
    event = make_event(title="Lokakarya Tim Tangguh", start=wib(2030, 11, 4, 9), end=wib(2030, 11, 5, 16))
    response = client.get(f"{event.url}ics/")
    assert response["Content-Disposition"].startswith("inline; filename=")
    assert response["Content-Disposition"].endswith('.ics"')
    calendar = parse(response)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    (entry,) = vevents(calendar)
    start = entry.decoded("DTSTART")
    assert start.astimezone(datetime.UTC) == datetime.datetime(2030, 11, 4, 2, 0, tzinfo=datetime.UTC)
    assert entry.decoded("DTEND").astimezone(datetime.UTC) == datetime.datetime(2030, 11, 5, 9, tzinfo=datetime.UTC)
    assert entry["DTSTART"].params["TZID"] == "Asia/Jakarta"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Asia/Jakarta"]
    assert "DTSTAMP" in entry
    assert str(entry["SUMMARY"]) == "Lokakarya Tim Tangguh"
    assert str(entry["URL"]).endswith(event.url)
    assert str(entry["STATUS"]) == "CONFIRMED"
    assert str(entry["UID"]) == f"{event.translation_key}@testserver"
    # The UID is stable: a calendar app that fetches again recognises the same event.
    again = vevents(parse(client.get(f"{event.url}ics/")))[0]
    assert again["UID"] == entry["UID"]


def test_all_day_event_uses_dates_with_an_exclusive_end(client, make_event):
    event = make_event(start=wib(2030, 12, 13, 0), end=wib(2030, 12, 14, 23, 59), all_day=True)
    (entry,) = vevents(parse(client.get(f"{event.url}ics/")))
    assert entry["DTSTART"].params["VALUE"] == "DATE"
    assert entry.decoded("DTSTART") == datetime.date(2030, 12, 13)
    assert entry.decoded("DTEND") == datetime.date(2030, 12, 15)


def test_ics_is_read_only(client, make_event):
    event = make_event()
    assert client.post(f"{event.url}ics/").status_code == 405


def test_cancelled_event_is_status_cancelled_in_the_feed(client, make_event, event_index):
    make_event(title="Tetap jalan")
    make_event(title="Dibatalkan", status=EventPage.Status.CANCELLED, status_note="Hujan lebat")
    make_event(title="Ditunda", status=EventPage.Status.POSTPONED)
    calendar = parse(client.get(f"{event_index.url}ics/"))
    statuses = {str(entry["SUMMARY"]): str(entry["STATUS"]) for entry in vevents(calendar)}
    assert statuses == {"Tetap jalan": "CONFIRMED", "Dibatalkan": "CANCELLED", "Ditunda": "TENTATIVE"}
    assert "Jejaring Sekolah Demokrasi" in str(calendar["X-WR-CALNAME"])
    assert calendar.walk("VTIMEZONE")


def test_sequence_grows_when_an_event_is_edited_and_published(client, make_event):
    event = make_event(start=wib(2030, 1, 10, 9), end=wib(2030, 1, 10, 12))
    before = vevents(parse(client.get(f"{event.url}ics/")))[0]
    event = EventPage.objects.get(pk=event.pk)
    event.start, event.end = wib(2030, 1, 17, 9), wib(2030, 1, 17, 12)
    event.save_revision().publish()
    after = vevents(parse(client.get(f"{event.url}ics/")))[0]
    assert after["SEQUENCE"] > before["SEQUENCE"]
    assert after["UID"] == before["UID"]
    assert after.decoded("DTSTART").day == 17


def test_the_online_link_is_never_in_a_public_calendar_or_feed(client, member, make_event, event_index):
    event = make_event(event_format=EventPage.Format.HYBRID, online_url=SECRET_LINK)
    client.force_login(member)
    for url in (f"{event.url}ics/", f"{event_index.url}ics/", f"{event_index.url}rss/"):
        response = client.get(url)
        assert response.status_code == 200
        assert b"rahasia-123" not in response.content, url
    (entry,) = vevents(Calendar.from_ical(client.get(f"{event.url}ics/").content))
    assert str(entry["LOCATION"]).startswith("Hotel Amaris Serpong / ")  # the place, and that it is also online


def test_registrants_copy_of_the_ics_may_carry_the_online_link(make_event):
    event = make_event(event_format=EventPage.Format.ONLINE, online_url=SECRET_LINK)
    assert b"rahasia-123" not in event_ics_bytes(event)
    (entry,) = vevents(Calendar.from_ical(event_ics_bytes(event, include_online_url=True)))
    assert SECRET_LINK in str(entry["DESCRIPTION"]).replace("\n", "")


def test_members_only_events_stay_out_of_anonymous_feeds(client, member, make_event, event_index):
    make_event(title="Terbuka")
    secret = make_event(title="Rapat anggota", members_only=True)
    for url in (f"{event_index.url}ics/", f"{event_index.url}rss/"):
        assert "Rapat anggota" not in client.get(url).content.decode()
    assert client.get(f"{event_index.url}ics/")["Cache-Control"].startswith("public")
    client.force_login(member)
    for url in (f"{event_index.url}ics/", f"{event_index.url}rss/"):
        response = client.get(url)
        assert "Rapat anggota" in response.content.decode()
        assert "private" in response["Cache-Control"]
    client.logout()
    # The event's own calendar file is behind the same login restriction as the page.
    assert client.get(f"{secret.url}ics/").status_code == 302


def test_feed_has_upcoming_and_recent_events_but_not_old_ones(client, make_event, event_index):
    with time_machine.travel(wib(2030, 6, 1, 12), tick=False):
        make_event(title="Lama sekali", start=wib(2030, 1, 10, 9), end=wib(2030, 1, 10, 12))
        make_event(title="Bulan lalu", start=wib(2030, 5, 1, 9), end=wib(2030, 5, 1, 12))
        make_event(title="Bulan depan", start=wib(2030, 7, 1, 9), end=wib(2030, 7, 1, 12))
        ics = client.get(f"{event_index.url}ics/").content.decode()
        rss = client.get(f"{event_index.url}rss/").content.decode()
    for text in (ics, rss):
        assert "Bulan lalu" in text and "Bulan depan" in text
        assert "Lama sekali" not in text


def test_english_feed_lists_english_events_only(client, home_en, locales, make_event, event_index):
    english_index = event_index.copy_for_translation(locales["en"])
    english_index.title, english_index.slug = "Events", "events"
    english_index.save_revision().publish()
    make_event(title="Lokakarya berbahasa Indonesia")
    make_event(title="English workshop", parent=Page.objects.get(pk=english_index.pk).specific)
    ics = client.get("/en/events/ics/").content.decode()
    assert "English workshop" in ics and "Lokakarya berbahasa" not in ics
    rss = client.get("/en/events/rss/").content.decode()
    assert "English workshop" in rss and "Lokakarya berbahasa" not in rss


def test_google_calendar_link_has_utc_times_and_the_event_zone(make_event):
    event = make_event(title="Dialog warga", start=wib(2030, 3, 2, 9), end=wib(2030, 3, 2, 15, 30))
    query = parse_qs(urlsplit(google_calendar_url(event)).query)
    assert query["action"] == ["TEMPLATE"]
    assert query["dates"] == ["20300302T020000Z/20300302T083000Z"]
    assert query["ctz"] == ["Asia/Jakarta"]
    assert query["text"] == ["Dialog warga"]
    assert query["location"] == ["Hotel Amaris Serpong"]
    assert event.url in query["details"][0]


def test_google_calendar_link_for_an_all_day_event_has_dates(make_event):
    event = make_event(start=wib(2030, 12, 13, 0), end=wib(2030, 12, 13, 23), all_day=True)
    query = parse_qs(urlsplit(google_calendar_url(event)).query)
    assert query["dates"] == ["20301213/20301214"]


def test_both_language_versions_of_an_event_share_one_calendar_uid(client, home_en, locales, make_event, event_index):
    english_index = event_index.copy_for_translation(locales["en"])
    english_index.title, english_index.slug = "Events", "events"
    english_index.save_revision().publish()
    event = make_event(title="Lokakarya", status=EventPage.Status.CANCELLED, start=wib(2030, 11, 4, 9))
    english = event.copy_for_translation(locales["en"])
    english.title = "Workshop"
    english.save_revision().publish()
    english.refresh_from_db()
    assert english.url.startswith("/en/")

    def entry(url):
        (found,) = vevents(parse(client.get(url)))
        return found

    uids = {str(entry(f"{page.url}ics/")["UID"]) for page in (event, english)}
    uids |= {str(entry(f"{index}ics/")["UID"]) for index in (event_index.url, "/en/events/")}
    assert uids == {f"{event.translation_key}@testserver"}
    assert str(entry("/en/events/ics/")["STATUS"]) == "CANCELLED"
    guids = {
        re.search(r"<guid[^>]*>([^<]+)</guid>", client.get(f"{index}rss/").content.decode()).group(1)
        for index in (event_index.url, "/en/events/")
    }
    assert guids == {f"urn:uuid:{event.translation_key}"}
    # The version published last is the newest calendar entry, whichever language it is in.
    event.refresh_from_db()
    assert english.sequence > event.sequence


def test_an_event_older_than_shared_uids_keeps_the_uid_calendars_hold_in_both_languages(
    client, home_en, locales, make_event, event_index
):
    """Before UIDs followed the translation key each page had its own `uid`; the migration keeps the original's."""
    migration = importlib.import_module("events.migrations.0003_event_announcements")
    english_index = event_index.copy_for_translation(locales["en"])
    english_index.title, english_index.slug = "Events", "events"
    english_index.save_revision().publish()
    event = make_event(title="Lokakarya", start=wib(2030, 11, 4, 9))
    english = event.copy_for_translation(locales["en"])
    english.title = "Workshop"
    english.save_revision().publish()
    imported, other = uuid.uuid4(), uuid.uuid4()
    EventPage.objects.filter(pk=event.pk).update(legacy_uid=imported)
    EventPage.objects.filter(pk=english.pk).update(legacy_uid=other)

    migration.keep_calendar_uids(apps, None)
    # Publishing an old revision (which has no legacy_uid) or a new translation keeps it too.
    event.revisions.order_by("pk").first().publish()
    english.refresh_from_db()
    english.save_revision().publish()

    def uids(url):
        return {
            str(entry["UID"])
            for entry in vevents(parse(client.get(url)))
            if entry["SUMMARY"] in ("Lokakarya", "Workshop")
        }

    found = set().union(
        *(uids(url) for url in (f"{event.url}ics/", f"{english.url}ics/", f"{event_index.url}ics/", "/en/events/ics/"))
    )
    assert found == {f"{imported}@testserver"}
    copy = EventPage.objects.get(pk=event.pk).copy(update_attrs={"title": "Lokakarya 2031", "slug": "lokakarya-2031"})
    assert copy.calendar_uid == str(copy.translation_key) != str(imported)
