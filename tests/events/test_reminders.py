import datetime
import io

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import translation

from core.models import OutgoingEmail
from events.factories import RegistrationFactory
from events.models import EventPage, Registration
from tests.events.conftest import wib

pytestmark = pytest.mark.django_db

SECRET_LINK = "https://meet.example.org/rahasia-123"
NOW = wib(2030, 6, 15, 7, 0)
Status = Registration.Status


def person(event, status=Status.CONFIRMED, **fields):
    return RegistrationFactory(event=event, status=status, **fields)


def run(*args):
    with time_machine.travel(NOW, tick=False), translation.override("en"):
        call_command("send_event_reminders", *args)


def test_confirmed_people_of_tomorrows_events_get_one_reminder_however_often_it_runs(make_event, capsys):
    with time_machine.travel(NOW - datetime.timedelta(days=10), tick=False):
        tomorrow_early = make_event(title="Besok pagi", start=wib(2030, 6, 16, 0, 0), end=wib(2030, 6, 16, 2))
        tomorrow_late = make_event(
            title="Besok malam", start=wib(2030, 6, 16, 23, 59), end=wib(2030, 6, 17, 1), online_url=SECRET_LINK
        )
        today = make_event(title="Hari ini", start=wib(2030, 6, 15, 20), end=wib(2030, 6, 15, 22))
        day_after = make_event(title="Lusa", start=wib(2030, 6, 17, 0, 0), end=wib(2030, 6, 17, 2))
        cancelled = make_event(title="Batal", start=wib(2030, 6, 16, 9), end=wib(2030, 6, 16, 12))
        postponed = make_event(title="Ditunda", start=wib(2030, 6, 16, 9), end=wib(2030, 6, 16, 12))
    EventPage.objects.filter(pk=cancelled.pk).update(status=EventPage.Status.CANCELLED)
    EventPage.objects.filter(pk=postponed.pk).update(status=EventPage.Status.POSTPONED)
    expected = {person(tomorrow_early).email, person(tomorrow_late).email}
    for status in [Status.PENDING, Status.WAITLISTED, Status.CANCELLED]:
        person(tomorrow_early, status=status)
    for other in [today, day_after, cancelled, postponed]:
        person(other)

    run()
    run()

    assert sorted(message.to[0] for message in mail.outbox) == sorted(expected)
    assert all(message.subject.startswith("[Jejaring Sekolah Demokrasi] ") for message in mail.outbox)
    late = next(message for message in mail.outbox if "Besok malam" in message.subject)
    assert SECRET_LINK in late.body
    assert late.attachments[0][2] == "text/calendar"
    assert Registration.objects.filter(reminder_sent_at__isnull=False).count() == 2
    assert capsys.readouterr().out.splitlines() == ["2 reminders sent.", "0 reminders sent."]


def test_dry_run_lists_and_sends_nothing(make_event, capsys):
    with time_machine.travel(NOW - datetime.timedelta(days=10), tick=False):
        event = make_event(title="Besok", start=wib(2030, 6, 16, 9), end=wib(2030, 6, 16, 12))
    registration = person(event, name="Siti Rahmawati")

    run("--dry-run")

    assert mail.outbox == []
    assert capsys.readouterr().out.splitlines() == [
        f"Besok: Siti Rahmawati <{registration.email}>",
        "Dry run: 1 reminder would be sent.",
    ]
    assert Registration.objects.get(pk=registration.pk).reminder_sent_at is None


def test_a_reminder_the_mail_server_refuses_is_retried_by_the_mail_queue_and_sent_once(make_event, settings):
    with time_machine.travel(NOW - datetime.timedelta(days=10), tick=False):
        event = make_event(title="Besok", start=wib(2030, 6, 16, 9), end=wib(2030, 6, 16, 12))
    registration = person(event)
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2  # nothing listens there

    run()
    queued = OutgoingEmail.objects.get(to=registration.email)
    assert queued.status == OutgoingEmail.Status.QUEUED and queued.attempts == 1
    assert "ConnectionRefusedError" in queued.last_error
    assert Registration.objects.get(pk=registration.pk).reminder_sent_at == NOW

    run()  # the reminder is queued once, however often the command runs
    assert OutgoingEmail.objects.filter(to=registration.email).count() == 1

    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with time_machine.travel(NOW + datetime.timedelta(minutes=2), tick=False):
        call_command("send_queued_email", stdout=io.StringIO())
    assert [message.to for message in mail.outbox] == [[registration.email]]
    assert OutgoingEmail.objects.get(pk=queued.pk).status == OutgoingEmail.Status.SENT
