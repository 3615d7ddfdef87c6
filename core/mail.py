"""Every e-mail of the site goes through `send`: written in the recipient's language (text and HTML), queued in the
database (`OutgoingEmail`) and delivered by a background task, which is retried with growing pauses while the mail
server fails. Nothing is sent inside a request; an e-mail that still fails after three days is logged as an error
and listed for staff (Settings → E-mails), where it can be sent again.

An e-mail is written from templates named `<name>_subject.txt`, `<name>.txt` and, when it has its own layout,
`<name>.html`; otherwise the text is set in the site's HTML layout (`core/email/message.html`).

The queued message holds one-time links (claims, password resets, registrations), so it is stored encrypted with a
key derived from SECRET_KEY (a copy of the database alone gives no working link) and deleted once delivered. A
message may name a condition, checked just before each attempt: a registration e-mail whose moment has passed (the
person cancelled while the mail server was down) is dropped instead of sent.

What Django and Wagtail send themselves (moderation notices to editors, for example) joins the same queue:
`EMAIL_BACKEND` is `QueueBackend`, and the task delivers through `EMAIL_DELIVERY_BACKEND` (SMTP in production).

With a task backend that can defer work (the database backend and `manage.py db_worker`), retries are scheduled
with it; `manage.py send_queued_email` (run from the schedule, or by hand) sends whatever is due and picks up
e-mails whose worker died while sending, so nothing queued is lost.
"""

import base64
import hashlib
import json
import logging
import re
from datetime import timedelta

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db.models import F, Q
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from django_tasks import task

from .links import site_root_url
from .models import OutgoingEmail

logger = logging.getLogger(__name__)

Status = OutgoingEmail.Status
# Pauses after the 1st, 2nd... failed attempt; after the last one the e-mail has failed for good (about three days).
RETRY_DELAYS = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=6),
    timedelta(hours=12),
    timedelta(hours=24),
    timedelta(hours=24),
)
# An e-mail still "being sent" after this long lost its worker (killed, restarted): it is sent again.
SENDING_TIMEOUT = timedelta(minutes=15)
SUBJECT_LENGTH = OutgoingEmail._meta.get_field("subject").max_length


def send(to, template, context=None, *, language=None, attachments=(), reply_to="", condition=None, account=None):
    """Write the e-mail `template` to `to` in `language` (the active language by default) and queue it.

    `attachments` are (filename, bytes, content type). `condition` is (dotted path of a function, JSON-ready
    arguments): the function is called with them just before each attempt, and the e-mail is dropped if it returns
    False. `account` is the account the e-mail is about, when it goes to an address the account no longer has (its
    old address after a change), so it is in the account's data and erased with it. Returns the queued OutgoingEmail.
    """
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {"site_name": settings.WAGTAIL_SITE_NAME, "site_url": site_root_url(), **(context or {})}
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        text = re.sub(r"\n{3,}", "\n\n", render_to_string(f"{template}.txt", context)).strip() + "\n"
        subject = f"[{settings.WAGTAIL_SITE_NAME}] {subject}"[:SUBJECT_LENGTH]
        try:
            html = render_to_string(f"{template}.html", context)
        except TemplateDoesNotExist:
            html = render_to_string("core/email/message.html", {**context, "subject": subject, "text": text})
    email = OutgoingEmail.objects.create(
        to=to,
        subject=subject,
        template=template,
        language=language,
        content=seal(text, html, attachments),
        condition={"check": condition[0], "args": list(condition[1])} if condition else {},
        reply_to=reply_to,
        account_id=account.pk if account is not None else None,
    )
    _enqueue(email.pk)
    return email


# --- The message at rest -------------------------------------------------------------------------------------


def _fernet():
    """Encrypts with SECRET_KEY; also reads what older keys (SECRET_KEY_FALLBACKS, while a key is rotated) wrote."""
    keys = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return MultiFernet(
        [Fernet(base64.urlsafe_b64encode(hashlib.sha256(f"core.mail:{key}".encode()).digest())) for key in keys]
    )


def seal(text, html, attachments=()):
    """The message as an encrypted token: text, HTML and attachments (filename, bytes, content type)."""
    content = {
        "text": text,
        "html": html,
        "attachments": [
            {"filename": name, "content_type": content_type, "data": base64.b64encode(data).decode()}
            for name, data, content_type in attachments
        ],
    }
    return _fernet().encrypt(json.dumps(content).encode()).decode()


def unseal(token):
    """(text, html, [(filename, bytes, content type)]); raises InvalidToken if it cannot be read (another key)."""
    content = json.loads(_fernet().decrypt(token.encode()))
    attachments = [(a["filename"], base64.b64decode(a["data"]), a["content_type"]) for a in content["attachments"]]
    return content["text"], content["html"], attachments


class QueueBackend(BaseEmailBackend):
    """Django's e-mail backend for the whole site: a message sent with Django's or Wagtail's own mail functions is
    queued like the site's own, one e-mail per recipient, and delivered by the task."""

    def send_messages(self, email_messages):
        for message in email_messages:
            html = next((content for content, kind in getattr(message, "alternatives", []) if kind == "text/html"), "")
            attachments = [
                (name, data.encode() if isinstance(data, str) else data, content_type or "application/octet-stream")
                for name, data, content_type in (item for item in message.attachments if isinstance(item, tuple))
            ]
            content = seal(message.body, html, attachments)
            for recipient in message.recipients():
                email = OutgoingEmail.objects.create(
                    to=recipient,
                    subject=str(message.subject)[:SUBJECT_LENGTH],
                    template="",
                    language=translation.get_language() or settings.LANGUAGE_CODE,
                    content=content,
                    reply_to=(message.reply_to or [""])[0],
                )
                _enqueue(email.pk)
        return len(email_messages)


def message_of(email):
    """The OutgoingEmail as a Django e-mail message, ready to send with the delivery backend."""
    text, html, attachments = unseal(email.content)
    message = EmailMultiAlternatives(
        email.subject,
        text,
        to=[email.to],
        reply_to=[email.reply_to] if email.reply_to else None,
        connection=get_connection(settings.EMAIL_DELIVERY_BACKEND),
    )
    if html:
        message.attach_alternative(html, "text/html")
    for name, data, content_type in attachments:
        message.attach(name, data, content_type)
    return message


def still_wanted(email):
    """Whether the e-mail's condition (if any) still holds; raises whatever checking it raises."""
    if not email.condition:
        return True
    return bool(import_string(email.condition["check"])(*email.condition.get("args", [])))


# --- Delivery --------------------------------------------------------------------------------------------------


@task()
def deliver_email(email_id):
    deliver(email_id)


def deliver(email_id, now=None):
    """Try to send one queued e-mail; on failure schedule the next attempt or, after the last, give up. Never raises.

    The e-mail is first claimed with a conditional update, so two workers never send it both.
    """
    now = now or timezone.now()
    claimed = OutgoingEmail.objects.filter(pk=email_id, status=Status.QUEUED).update(
        status=Status.SENDING, attempts=F("attempts") + 1, next_attempt_at=now + SENDING_TIMEOUT
    )
    if not claimed:
        return
    email = OutgoingEmail.objects.get(pk=email_id)
    try:
        wanted = still_wanted(email)
    except Exception as error:  # the condition's code moved or broke: staff see it, nothing is sent blindly
        logger.exception("The condition of e-mail %s (%s) cannot be checked", email.pk, email.template)
        OutgoingEmail.objects.filter(pk=email.pk).update(
            status=Status.FAILED,
            next_attempt_at=None,
            last_error=f"Condition: {error.__class__.__name__}: {error}"[:255],
        )
        return
    if not wanted:
        _finish(email, Status.DROPPED)
        return
    try:
        message = message_of(email)
    except (InvalidToken, ValueError, KeyError) as error:
        # Written under another SECRET_KEY (or damaged): no retry can read it.
        _finish(email, Status.FAILED, f"The message cannot be read: {error.__class__.__name__}")
        logger.error("E-mail %s (%s) cannot be read (was SECRET_KEY changed?)", email.pk, email.template)
        return
    try:
        message.send()
    except Exception as error:  # the mail server refused, timed out or could not be reached
        _failed(email, error, now)
    else:
        _finish(email, Status.SENT)


def _finish(email, status, error=""):
    """Sent, dropped or unreadable: the message (and any link in it) is not kept."""
    OutgoingEmail.objects.filter(pk=email.pk).update(
        status=status,
        sent_at=timezone.now() if status == Status.SENT else None,
        next_attempt_at=None,
        content="",
        last_error=error[:255],
    )


def _failed(email, error, now):
    reason = f"{error.__class__.__name__}: {error}"[:255]
    if email.attempts > len(RETRY_DELAYS):
        OutgoingEmail.objects.filter(pk=email.pk).update(status=Status.FAILED, last_error=reason, next_attempt_at=None)
        logger.error(
            "E-mail %s (%s) could not be delivered after %d attempts: %s",
            email.pk,
            email.template,
            email.attempts,
            reason,
        )
        return
    next_attempt = now + RETRY_DELAYS[email.attempts - 1]
    OutgoingEmail.objects.filter(pk=email.pk).update(
        status=Status.QUEUED, last_error=reason, next_attempt_at=next_attempt
    )
    logger.warning(
        "E-mail %s (%s) failed (attempt %d), next try at %s: %s",
        email.pk,
        email.template,
        email.attempts,
        next_attempt,
        reason,
    )
    _enqueue(email.pk, run_after=next_attempt)


def _enqueue(email_id, run_after=None):
    if run_after is None:
        deliver_email.enqueue(email_id)
    elif deliver_email.get_backend().supports_defer:
        deliver_email.using(run_after=run_after).enqueue(email_id)
    # Otherwise `send_queued_email` sends it once it is due.


def due(now=None):
    """E-mails to (re)send now: queued ones whose time has come or whose task was lost, and stuck ones."""
    now = now or timezone.now()
    queued = Q(status=Status.QUEUED) & (
        Q(next_attempt_at__lte=now) | Q(next_attempt_at__isnull=True, created_at__lte=now - SENDING_TIMEOUT)
    )
    stuck = Q(status=Status.SENDING, next_attempt_at__lte=now)
    return OutgoingEmail.objects.filter(queued | stuck).order_by("created_at", "pk")


def send_due(now=None):
    """Send every due e-mail now (in this process); returns how many were tried."""
    now = now or timezone.now()
    ids = list(due(now).values_list("pk", flat=True))
    OutgoingEmail.objects.filter(pk__in=ids, status=Status.SENDING).update(status=Status.QUEUED)
    for email_id in ids:
        deliver(email_id)  # the clock read again for each: a batch may take minutes while the server times out
    return len(ids)


def send_again(emails):
    """Queue e-mails that failed for good once more (staff, after fixing the mail server); returns how many.
    E-mails whose message could no longer be read stay failed."""
    ids = list(emails.filter(status=Status.FAILED).exclude(content="").values_list("pk", flat=True))
    OutgoingEmail.objects.filter(pk__in=ids).update(status=Status.QUEUED, attempts=0, next_attempt_at=None)
    for email_id in ids:
        _enqueue(email_id)
    return len(ids)


def prune_log(now=None):
    """Forget delivered and dropped e-mails older than EMAIL_LOG_DAYS (their messages went at once; this removes
    who was written to, and when). Failed ones stay until staff send them again or delete them."""
    now = now or timezone.now()
    old = now - timedelta(days=settings.EMAIL_LOG_DAYS)
    deleted, _ = OutgoingEmail.objects.filter(status__in=[Status.SENT, Status.DROPPED], created_at__lt=old).delete()
    return deleted


# --- The personal data the queue holds (members.personal_data) -------------------------------------------------


def emails_of(account):
    """The e-mails to the account's address, whatever its case, and those sent about it to other addresses."""
    return emails_to([account.email]) | OutgoingEmail.objects.filter(account_id=account.pk)


def emails_to(addresses):
    """The e-mails to any of these addresses, whatever their case."""
    match = Q(pk__in=[])
    for address in addresses:
        if address:
            match |= Q(to__iexact=address)
    return OutgoingEmail.objects.filter(match)


def export_for(account):
    """What the queue knows about the account's e-mails (never the messages, which hold one-time links)."""
    return [
        {
            "to": email.to,
            "subject": email.subject,
            "status": email.status,
            "queued_at": email.created_at.isoformat(),
            "sent_at": email.sent_at.isoformat() if email.sent_at else None,
        }
        for email in emails_of(account).order_by("created_at", "pk")
    ]


def erase_for(account):
    """Forget every e-mail of the account (deleted under UU PDP)."""
    OutgoingEmail.objects.filter(pk__in=emails_of(account).values("pk")).delete()
