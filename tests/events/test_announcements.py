"""Registrants are told when their event is cancelled, postponed or moved, once, in their language; the pages they
hold show the event's state and never the meeting link of an event that is off."""

import datetime
import json
import re

import pytest
import time_machine
from django.core import mail
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import Page

from core import mail as mail_queue
from core.models import OutgoingEmail
from events import registration as services
from events.factories import RegistrationFactory
from events.models import EventAnnouncement, EventPage, Registration
from tests.events.conftest import wib

pytestmark = pytest.mark.django_db

SECRET_LINK = "https://meet.example.org/rahasia-123"
Status = Registration.Status
Event = EventPage.Status


@pytest.fixture
def event(make_event):
    return make_event(
        title="Lokakarya Tim Tangguh",
        capacity=2,
        online_url=SECRET_LINK,
        start=wib(2030, 11, 4, 9),
        end=wib(2030, 11, 4, 16),
    )


@pytest.fixture
def event_en(event, home_en, locales):
    index_en = event.get_parent().specific.copy_for_translation(locales["en"])
    index_en.title, index_en.slug = "Events", "events"
    index_en.save_revision().publish()
    page = event.copy_for_translation(locales["en"])
    page.title = "Tim Tangguh workshop"
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def people(event, event_en):
    """Two confirmed (one on each language version), one waitlisted, one pending and one who cancelled."""
    siti = services.confirm(RegistrationFactory(event=event, name="Siti", email="siti@example.org"))
    guest = services.confirm(RegistrationFactory(event=event_en, name="Guest", email="guest@example.org"))
    waiting = services.confirm(RegistrationFactory(event=event, name="Budi", email="budi@example.org"))
    RegistrationFactory(event=event, name="Tertunda", email="pending@example.org")
    gone = services.confirm(RegistrationFactory(event=event, name="Batal", email="gone@example.org"))
    services.cancel(gone)
    assert (siti.status, guest.status, waiting.status) == (Status.CONFIRMED, Status.CONFIRMED, Status.WAITLISTED)
    mail.outbox.clear()
    return {"siti": siti, "guest": guest, "waiting": waiting}


def publish(page, **fields):
    """As the editor's Publish does (or a workflow, or a schedule): a new revision, published."""
    page = Page.objects.get(pk=page.pk).specific
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def by_address():
    return {message.to[0]: message for message in mail.outbox}


def everything_sent(message):
    return message.body + "".join(html for html, _ in message.alternatives)


def test_a_cancellation_tells_each_active_registrant_once_in_their_language(event, event_en, people):
    publish(event, status=Event.CANCELLED, status_note="Banjir di lokasi; kegiatan tidak dapat diadakan.")

    sent = by_address()
    assert set(sent) == {"siti@example.org", "guest@example.org", "budi@example.org"}  # not pending, not cancelled
    assert len(mail.outbox) == 3
    indonesian = sent["siti@example.org"]
    assert indonesian.subject.endswith(": Lokakarya Tim Tangguh")
    assert indonesian.body.startswith("Halo Siti,")
    assert "Senin, 4 November 2030, 09.00–16.00 WIB" in indonesian.body
    assert "Banjir di lokasi" in sent["siti@example.org"].body
    english = sent["guest@example.org"]
    assert english.subject == "[Jejaring Sekolah Demokrasi] Cancelled: Tim Tangguh workshop"
    assert '"Tim Tangguh workshop" has been cancelled' in english.body
    assert "Monday, 4 November 2030, 09:00–16:00 WIB" in english.body
    assert "http://testserver/en/events/" in english.body
    for message in mail.outbox:
        assert SECRET_LINK not in everything_sent(message)

    mail.outbox.clear()
    publish(event, status_note="Banjir di lokasi.")  # published again, the status unchanged
    publish(event_en)  # the translation published too
    assert mail.outbox == []


def test_the_cancellation_e_mail_carries_a_calendar_file_that_drops_the_event(event, event_en, people):
    sent_before = max(
        EventPage.objects.filter(translation_key=event.translation_key).values_list("sequence", flat=True)
    )

    publish(event, status=Event.CANCELLED)

    assert len(mail.outbox) == 3
    for message in mail.outbox:
        ((name, content, content_type),) = message.attachments
        assert content_type == "text/calendar" and name.endswith(".ics")
        (entry,) = Calendar.from_ical(content).walk("VEVENT")
        assert str(entry["UID"]) == f"{event.translation_key}@testserver"
        assert str(entry["STATUS"]) == "CANCELLED"
        assert entry["SEQUENCE"] > sent_before
        assert SECRET_LINK not in (content if isinstance(content, str) else content.decode())


def test_a_postponement_without_a_date_then_the_new_date_are_each_told(event, people):
    publish(event, status=Event.POSTPONED, status_note="Menunggu izin tempat.")
    sent = by_address()
    assert len(mail.outbox) == 3
    assert sent["siti@example.org"].body.startswith("Halo Siti,")
    assert "Menunggu izin tempat." in sent["siti@example.org"].body
    assert "Postponed: Tim Tangguh workshop" in sent["guest@example.org"].subject
    assert "The new date is not set yet" in sent["guest@example.org"].body
    assert "You keep your seat." in sent["guest@example.org"].body

    mail.outbox.clear()
    publish(event, status=Event.SCHEDULED, status_note="", start=wib(2030, 12, 2, 9), end=wib(2030, 12, 2, 16))
    sent = by_address()
    assert len(mail.outbox) == 3
    english = sent["guest@example.org"]
    assert english.subject == "[Jejaring Sekolah Demokrasi] New date: Tim Tangguh workshop"
    assert (
        '"Tim Tangguh workshop" has a new date: Monday, 2 December 2030, 09:00–16:00 WIB '
        "(it was Monday, 4 November 2030, 09:00 WIB)."
    ) in english.body
    assert "Senin, 2 Desember 2030" in sent["siti@example.org"].body
    assert SECRET_LINK not in everything_sent(english)

    mail.outbox.clear()
    publish(event)
    assert mail.outbox == []


def test_a_postponement_with_its_new_date_gives_the_date(event, people):
    publish(event, status=Event.POSTPONED, start=wib(2031, 1, 13, 9), end=wib(2031, 1, 13, 16))
    english = by_address()["guest@example.org"]
    assert "The new date is Monday, 13 January 2031, 09:00–16:00 WIB (it was Monday, 4 November 2030" in english.body


def test_an_event_back_on_after_a_cancellation_is_told_too(event, people):
    publish(event, status=Event.CANCELLED)
    mail.outbox.clear()
    publish(event, status=Event.SCHEDULED)
    english = by_address()["guest@example.org"]
    assert english.subject == "[Jejaring Sekolah Demokrasi] Taking place as planned: Tim Tangguh workshop"
    assert "takes place after all, as planned: Monday, 4 November 2030" in english.body
    assert len(mail.outbox) == 3


def test_a_new_event_tells_nobody_and_a_moved_cancelled_event_tells_nobody_again(make_event, event, people):
    make_event(title="Baru", status=Event.CANCELLED)
    assert mail.outbox == []
    publish(event, status=Event.CANCELLED)
    mail.outbox.clear()
    publish(event, start=wib(2030, 11, 5, 9), end=wib(2030, 11, 5, 16))
    assert mail.outbox == []


def test_a_notice_still_waiting_for_the_mail_server_is_dropped_for_someone_who_cancelled(event, people, settings):
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2  # nothing listens there
    publish(event, status=Event.POSTPONED)
    services.cancel(people["siti"])

    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=2)):
        mail_queue.send_due()
    # Budi hears of the postponement and gets Siti's seat; Siti, who left, hears nothing.
    assert sorted(message.to[0] for message in mail.outbox) == ["budi@example.org"] * 2 + ["guest@example.org"]
    notice = OutgoingEmail.objects.get(to="siti@example.org", template="events/email/event_postponed")
    assert notice.status == OutgoingEmail.Status.DROPPED


def confirm_page(client, page, registration):
    return client.get(f"{page.url}konfirmasi/{registration.issue_token()}/").content.decode()


def test_a_registrants_page_for_a_cancelled_event_says_so_without_the_meeting_link(client, event, event_en, people):
    assert SECRET_LINK in confirm_page(client, event, people["siti"])
    publish(event, status=Event.CANCELLED, status_note="Banjir di lokasi.")

    html = confirm_page(client, event, people["siti"])
    assert "Tempat Anda sudah dikonfirmasi" not in html and "Your seat is confirmed" not in html
    assert SECRET_LINK not in html
    assert 'class="event-banner event-banner--cancelled"' in html and "Banjir di lokasi." in html
    # The English version was not synced yet: its registrant's page still follows the original's state.
    english = confirm_page(client, event_en, people["guest"])
    assert "Your seat is confirmed" not in english and SECRET_LINK not in english
    assert "This event has been cancelled." in english and "The event will not take place" in english
    assert SECRET_LINK not in client.get(f"{event.url}batal/{people['siti'].issue_token()}/").content.decode()


def test_a_registrants_page_for_a_postponed_event_keeps_the_seat_and_hides_the_link(client, event_en, people):
    event = publish(people["siti"].event, status=Event.POSTPONED, status_note="Menunggu izin tempat.")
    html = confirm_page(client, event_en, people["guest"])
    assert "Your seat is kept" in html and "This event has been postponed." in html
    assert "Menunggu izin tempat." in html  # the original's note until the translation catches up
    assert SECRET_LINK not in html

    publish(event, status=Event.SCHEDULED, start=wib(2030, 12, 2, 9), end=wib(2030, 12, 2, 16))
    html = confirm_page(client, event, people["siti"])
    assert SECRET_LINK in html
    assert 'class="event-banner event-banner--moved"' in html and "4 November 2030" in html


def json_ld(html):
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(block)


def test_the_event_page_shows_the_state_and_json_ld_names_a_reschedule(client, event):
    data = json_ld(client.get(event.url).content.decode())
    assert data["eventStatus"] == "https://schema.org/EventScheduled" and "previousStartDate" not in data

    event = publish(event, status=Event.POSTPONED)
    assert json_ld(client.get(event.url).content.decode())["eventStatus"] == "https://schema.org/EventPostponed"

    event = publish(event, status=Event.SCHEDULED, start=wib(2030, 12, 2, 9), end=wib(2030, 12, 2, 16))
    html = client.get(event.url).content.decode()
    data = json_ld(html)
    assert data["eventStatus"] == "https://schema.org/EventRescheduled"
    assert data["previousStartDate"] == "2030-11-04T09:00:00+07:00"
    assert data["startDate"] == "2030-12-02T09:00:00+07:00"
    assert 'class="event-banner event-banner--moved"' in html and "Senin, 4 November 2030, 09.00 WIB" in html
    assert EventAnnouncement.objects.get(translation_key=event.translation_key).previous_start == wib(2030, 11, 4, 9)

    event = publish(event, status=Event.CANCELLED)
    html = client.get(event.url).content.decode()
    assert json_ld(html)["eventStatus"] == "https://schema.org/EventCancelled" and "previousStartDate" not in html
    assert f'action="{event.url}daftar/"' not in html  # no registration for a cancelled event
    assert "Kegiatan ini dibatalkan." in html


def test_a_seat_given_while_the_event_is_postponed_comes_without_the_meeting_link(event):
    event = publish(event, status=Event.POSTPONED)
    mail.outbox.clear()
    person = services.confirm(RegistrationFactory(event=event, email="late@example.org"))
    assert person.status == Status.CONFIRMED
    (message,) = mail.outbox
    assert SECRET_LINK not in everything_sent(message)
    (attachment,) = message.attachments
    content = attachment[1] if isinstance(attachment[1], str) else attachment[1].decode()
    assert "BEGIN:VEVENT" in content and SECRET_LINK not in content


def test_an_editor_cancelling_in_the_admin_tells_registrants_once(client, admin_user, event, people):
    from django.urls import reverse

    from tests.events.test_models import event_form

    client.force_login(admin_user)
    form = event_form(
        title=event.title,
        slug=event.slug,
        start="2030-11-04 09:00",
        end="2030-11-04 16:00",
        capacity="2",
        online_url=SECRET_LINK,
        status="cancelled",
        status_note="Banjir di lokasi.",
    )
    edit = reverse("wagtailadmin_pages:edit", args=(event.pk,))
    assert client.post(edit, form).status_code == 302
    assert sorted(message.to[0] for message in mail.outbox) == [
        "budi@example.org",
        "guest@example.org",
        "siti@example.org",
    ]
    mail.outbox.clear()
    assert client.post(edit, form).status_code == 302  # Publish pressed again
    assert mail.outbox == []
