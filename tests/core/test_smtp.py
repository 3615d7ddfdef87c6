"""The mail queue against a real SMTP server (aiosmtpd) that the tests start, stop, silence and make refuse: nothing
is lost, and a hung server holds a worker for EMAIL_TIMEOUT, not for minutes."""

import datetime
import socket
import time
from email import message_from_bytes
from email.header import decode_header, make_header

import pytest
import time_machine
from aiosmtpd.controller import Controller
from django.utils import timezone

from core import mail
from core.models import OutgoingEmail

pytestmark = pytest.mark.django_db

Status = OutgoingEmail.Status


class Inbox:
    """An aiosmtpd handler keeping what it receives; `refuse` makes it answer 451 (try again later)."""

    def __init__(self):
        self.messages = []
        self.refuse = False

    async def handle_DATA(self, server, session, envelope):
        if self.refuse:
            return "451 4.3.0 Mailbox temporarily unavailable"
        self.messages.append((envelope.rcpt_tos, message_from_bytes(envelope.content)))
        return "250 OK"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp(settings):
    """The site's SMTP settings pointed at a port of our own; `start()` brings a real server up there."""
    port = free_port()
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS, settings.EMAIL_TIMEOUT = (
        "127.0.0.1",
        port,
        False,
        2,
    )
    inbox = Inbox()
    controllers = []

    def start():
        controller = Controller(inbox, hostname="127.0.0.1", port=port)
        controller.start()
        controllers.append(controller)
        return inbox

    yield start
    for controller in controllers:
        controller.stop()


def send():
    return mail.send("dewi@example.org", "members/email/email_changed", {"name": "Dewi", "when": timezone.now()})


def retry_at(email):
    email.refresh_from_db()
    with time_machine.travel(email.next_attempt_at + datetime.timedelta(seconds=1)):
        mail.send_due()
    email.refresh_from_db()
    return email


def subject_of(message):
    return str(make_header(decode_header(message["Subject"])))


def test_mail_sent_while_the_server_is_down_arrives_once_it_is_back(smtp):
    email = send()
    email.refresh_from_db()
    assert email.status == Status.QUEUED and "ConnectionRefused" in email.last_error
    inbox = smtp()  # the mail server comes back
    assert retry_at(email).status == Status.SENT
    [(recipients, message)] = inbox.messages
    assert recipients == ["dewi@example.org"]
    assert subject_of(message) == "[Jejaring Sekolah Demokrasi] Alamat email Anda telah diubah"


def test_a_temporary_refusal_by_the_server_is_retried(smtp):
    inbox = smtp()
    inbox.refuse = True
    email = send()
    email.refresh_from_db()
    assert email.status == Status.QUEUED and "451" in email.last_error and inbox.messages == []
    inbox.refuse = False
    assert retry_at(email).status == Status.SENT and len(inbox.messages) == 1


def test_a_server_that_never_answers_costs_the_worker_email_timeout_seconds_and_the_mail_waits(smtp, settings):
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(4)  # accepts the connection, never greets
    settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = silent.getsockname()[1], 1
    try:
        started = time.monotonic()
        email = send()
        seconds = time.monotonic() - started
    finally:
        silent.close()
    email.refresh_from_db()
    assert seconds < 5
    assert email.status == Status.QUEUED and "timed out" in email.last_error
