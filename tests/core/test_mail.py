"""The mail queue: every e-mail is written in its recipient's language, queued, sent by a task, retried with growing
pauses while the mail server fails (a real SMTP connection to a port where nothing listens), and listed for staff
when it fails for good."""

import datetime
import io
import logging

import pytest
import time_machine
from django.contrib.auth.models import Permission
from django.core import mail as django_mail
from django.core.mail import send_mail
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from core import mail
from core.models import OutgoingEmail
from members.factories import UserFactory

pytestmark = pytest.mark.django_db

Status = OutgoingEmail.Status
NOW = datetime.datetime(2030, 6, 15, 1, 0, tzinfo=datetime.UTC)
TEMPLATE = "members/email/email_changed"


@pytest.fixture
def smtp_down(settings):
    """A real SMTP backend pointed at a port where nothing listens: every send fails with a refused connection."""
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2

    def repair():
        settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    return repair


def queue(language="id", **context):
    context = {"name": "Dewi", "when": NOW, **context}
    return mail.send("dewi@example.org", TEMPLATE, context, language=language)


def test_an_email_is_written_in_the_language_asked_for_with_text_and_html_and_sent_by_the_task():
    with time_machine.travel(NOW, tick=False):
        email = queue(language="en", name="Dewi <b>")

    [message] = django_mail.outbox
    assert message.to == ["dewi@example.org"]
    assert message.subject == "[Jejaring Sekolah Demokrasi] Your e-mail address was changed"
    assert "Hello Dewi <b>," in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and '<html lang="en">' in html and "Dewi &lt;b&gt;" in html
    email.refresh_from_db()
    assert (email.status, email.attempts, email.sent_at) == (Status.SENT, 1, NOW)
    # Delivered: what was written (links included) is not kept, only who it went to and what it was about.
    assert email.content == ""
    assert email.subject == message.subject and email.template == TEMPLATE and email.language == "en"


def test_indonesian_is_the_default_and_attachments_travel_with_the_message():
    mail.send(
        "a@example.org", TEMPLATE, {"name": "Ani", "when": NOW}, attachments=[("a.ics", b"BEGIN", "text/calendar")]
    )
    [message] = django_mail.outbox
    assert message.subject == "[Jejaring Sekolah Demokrasi] Alamat email Anda telah diubah"
    assert message.attachments == [("a.ics", "BEGIN", "text/calendar")]


def test_a_refused_email_is_kept_and_retried_after_growing_pauses_then_delivered(smtp_down):
    with time_machine.travel(NOW, tick=False):
        email = queue()
    email.refresh_from_db()
    assert (email.status, email.attempts) == (Status.QUEUED, 1)
    assert email.next_attempt_at == NOW + datetime.timedelta(minutes=1)
    assert "ConnectionRefusedError" in email.last_error
    # The message waits, whole, but encrypted: a copy of the database gives no link.
    assert "Dewi" not in email.content and mail.unseal(email.content)[0].startswith("Halo Dewi")

    with time_machine.travel(NOW + datetime.timedelta(seconds=30), tick=False):
        assert mail.send_due() == 0  # not due yet
    with time_machine.travel(NOW + datetime.timedelta(minutes=1), tick=False):
        assert mail.send_due() == 1
    email.refresh_from_db()
    assert email.attempts == 2 and email.next_attempt_at == NOW + datetime.timedelta(minutes=6)

    smtp_down()  # the mail server is back
    with time_machine.travel(NOW + datetime.timedelta(minutes=6), tick=False):
        call_command("send_queued_email", stdout=io.StringIO())
    email.refresh_from_db()
    assert email.status == Status.SENT and email.attempts == 3
    assert [message.to for message in django_mail.outbox] == [["dewi@example.org"]]


def test_after_three_days_of_failures_the_email_fails_for_good_is_logged_and_can_be_sent_again(smtp_down, caplog):
    with time_machine.travel(NOW, tick=False):
        email = queue()
    moment = NOW
    with caplog.at_level(logging.WARNING, logger="core.mail"):
        for delay in mail.RETRY_DELAYS:
            moment += delay
            with time_machine.travel(moment, tick=False):
                mail.send_due()
    email.refresh_from_db()
    assert email.status == Status.FAILED and email.attempts == len(mail.RETRY_DELAYS) + 1
    assert moment - NOW > datetime.timedelta(days=2, hours=12)
    assert any(
        record.levelno == logging.ERROR and "could not be delivered" in record.message for record in caplog.records
    )
    assert email.content  # kept, so staff can send it again once the server works

    smtp_down()
    assert mail.send_again(OutgoingEmail.objects.all()) == 1
    email.refresh_from_db()
    assert email.status == Status.SENT and len(django_mail.outbox) == 1


def test_an_email_whose_worker_died_while_sending_is_picked_up_again():
    with time_machine.travel(NOW, tick=False):
        email = OutgoingEmail.objects.create(
            to="a@example.org", subject="S", template=TEMPLATE, language="id", content=mail.seal("T", "<p>T</p>")
        )
        OutgoingEmail.objects.filter(pk=email.pk).update(
            status=Status.SENDING, attempts=1, next_attempt_at=NOW + mail.SENDING_TIMEOUT
        )
    with time_machine.travel(NOW + datetime.timedelta(minutes=5), tick=False):
        assert mail.send_due() == 0  # still within its time
    with time_machine.travel(NOW + mail.SENDING_TIMEOUT, tick=False):
        assert mail.send_due() == 1
    email.refresh_from_db()
    assert email.status == Status.SENT and len(django_mail.outbox) == 1


def test_an_email_is_sent_once_even_when_two_workers_pick_it_up():
    email = OutgoingEmail.objects.create(
        to="a@example.org", subject="S", template=TEMPLATE, language="id", content=mail.seal("T", "")
    )
    mail.deliver(email.pk)
    mail.deliver(email.pk)
    assert len(django_mail.outbox) == 1


def test_with_the_database_task_backend_nothing_is_sent_in_the_request_and_retries_are_deferred(settings, smtp_down):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with time_machine.travel(NOW, tick=False):
        email = queue()
    assert django_mail.outbox == [] and OutgoingEmail.objects.get(pk=email.pk).attempts == 0
    task = DBTaskResult.objects.get()
    assert task.task_path == "core.mail.deliver_email" and task.args_kwargs["args"] == [email.pk]

    with time_machine.travel(NOW, tick=False):
        mail.deliver(email.pk)  # what db_worker does with the task
    retry = DBTaskResult.objects.exclude(pk=task.pk).get()
    assert retry.run_after == NOW + datetime.timedelta(minutes=1)


def test_staff_see_the_emails_and_failures_on_the_dashboard_and_editors_do_not(client, smtp_down):
    email = queue()
    OutgoingEmail.objects.filter(pk=email.pk).update(status=Status.FAILED)
    staff = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(staff)
    listing = client.get(reverse("wagtailsnippets_core_outgoingemail:list"))
    assert listing.status_code == 200 and "dewi@example.org" in listing.content.decode()
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="undelivered-email-heading"' in dashboard and "?status=failed" in dashboard

    editor = UserFactory()  # an editor of the admin who is not staff
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get(reverse("wagtailsnippets_core_outgoingemail:list")).status_code in {302, 403}


def test_what_django_and_wagtail_send_themselves_joins_the_queue_one_email_per_recipient(settings):
    settings.EMAIL_BACKEND = "core.mail.QueueBackend"  # pytest-django puts locmem here; the site's settings do not
    sent = send_mail("Halaman menunggu tinjauan", "Teks", None, ["editor1@example.org", "editor2@example.org"])
    assert sent == 1
    assert sorted(OutgoingEmail.objects.values_list("to", "status")) == [
        ("editor1@example.org", Status.SENT),
        ("editor2@example.org", Status.SENT),
    ]
    assert sorted(message.to[0] for message in django_mail.outbox) == ["editor1@example.org", "editor2@example.org"]


def test_the_queue_sends_nothing_during_a_request_that_fails(settings):
    """An e-mail queued inside a transaction that is rolled back is never sent (database task backend)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with pytest.raises(RuntimeError), transaction.atomic():
        queue()
        raise RuntimeError
    assert not OutgoingEmail.objects.exists() and not DBTaskResult.objects.exists()


def test_a_message_written_under_another_secret_key_fails_without_retries(settings, caplog):
    email = queue_later(settings)
    settings.SECRET_KEY = "another-key"
    mail.deliver(email.pk)
    email.refresh_from_db()
    assert email.status == Status.FAILED and email.content == "" and "cannot be read" in email.last_error
    assert django_mail.outbox == []


def queue_later(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    return queue()


def test_a_message_whose_condition_no_longer_holds_is_dropped_not_sent(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    wanted = mail.send("a@example.org", TEMPLATE, {"name": "A", "when": NOW}, condition=("builtins.bool", [1]))
    unwanted = mail.send("b@example.org", TEMPLATE, {"name": "B", "when": NOW}, condition=("builtins.bool", [0]))
    mail.deliver(wanted.pk)
    mail.deliver(unwanted.pk)
    assert [message.to for message in django_mail.outbox] == [["a@example.org"]]
    unwanted.refresh_from_db()
    assert unwanted.status == Status.DROPPED and unwanted.content == ""


def test_while_a_secret_key_is_rotated_the_waiting_messages_stay_readable(settings):
    email = queue_later(settings)
    settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS = "the-new-key", [settings.SECRET_KEY]
    mail.deliver(email.pk)
    email.refresh_from_db()
    assert email.status == Status.SENT and len(django_mail.outbox) == 1


def test_a_condition_that_cannot_be_checked_fails_the_email_for_staff_and_the_queue_goes_on(settings, caplog):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with time_machine.travel(NOW, tick=False):
        broken = mail.send("a@example.org", TEMPLATE, {"name": "A", "when": NOW}, condition=("events.emails.gone", []))
        fine = mail.send("b@example.org", TEMPLATE, {"name": "B", "when": NOW})
    with time_machine.travel(NOW + mail.SENDING_TIMEOUT, tick=False):
        assert mail.send_due() == 2
    broken.refresh_from_db()
    assert broken.status == Status.FAILED and broken.last_error.startswith("Condition:")
    assert [message.to for message in django_mail.outbox] == [["b@example.org"]]
    assert OutgoingEmail.objects.get(pk=fine.pk).status == Status.SENT
