"""Introductions: contact without exposure.

Anyone may ask to be put in touch with an alumnus who accepts introductions. The alumnus receives the request by
e-mail with a one-time link, and decides: on accept both sides receive each other's e-mail address, on decline
nobody is told anything. The sender never learns whether a profile exists, is hidden, or declined:

- the form and every answer to it are the same for a real, a hidden, a not-accepting and an unknown recipient
  (no e-mail is sent at the time of the request, not even a confirmation to the sender, which would tell them);
- the sender's limits count every request, whoever it is for; the recipient's limit silently stops delivery;
- a filled honeypot looks like success and does nothing.

The exchange happens in the language the sender used: the alumnus' link carries it, so the answer page and the
e-mails sent on accept are in it too.
"""

import logging
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from .claims import hash_token, send_email
from .forms_introductions import AnswerForm, IntroductionForm
from .models import Introduction
from .policy import visible_profiles
from .ratelimit import RateLimit, client_ip

logger = logging.getLogger(__name__)

# An answer link works this long; after that the request lapses without anyone being told.
ANSWER_DAYS = 30


def contact_address(profile):
    """Where the alumnus receives introductions: the profile's address, else the account's."""
    return profile.email or (profile.user.email if profile.user_id else "")


@never_cache
@require_http_methods(["GET", "POST"])
def request_introduction(request, public_id):
    form = IntroductionForm(request.POST if request.method == "POST" else None)
    if not form.is_valid():
        return _form_page(request, public_id, form, status=400 if form.is_bound else 200)
    if form.is_spam:
        return redirect("alumni:introduction_sent")
    email = form.cleaned_data["sender_email"]
    limit = settings.INTRODUCTIONS_PER_SENDER_PER_DAY
    # Both are counted on every request, whoever it is for, so the limits say nothing about the recipient.
    ip_allowed = RateLimit("introductions:ip", limit).hit(client_ip(request))
    email_allowed = RateLimit("introductions:email", limit).hit(email)
    if not (ip_allowed and email_allowed):
        form.add_error(None, _("You have sent too many introduction requests today. Please try again tomorrow."))
        return _form_page(request, public_id, form, status=429)
    recipient = _recipient(request.user, public_id)
    per_recipient = RateLimit("introductions:recipient", settings.INTRODUCTIONS_PER_RECIPIENT_PER_DAY)
    if recipient is not None and per_recipient.hit(recipient.pk):
        _deliver(request, form, recipient)
    return redirect("alumni:introduction_sent")


@require_GET
def introduction_sent(request):
    return render(request, "alumni/introductions/sent.html")


@never_cache
@require_http_methods(["GET", "POST"])
def answer_introduction(request, token):
    introduction = _pending(token)
    if introduction is None:
        return render(request, "alumni/introductions/invalid_link.html", status=404)
    form = AnswerForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        accepted = form.cleaned_data["decision"] == "accept"
        status = Introduction.Status.ACCEPTED if accepted else Introduction.Status.DECLINED
        try:
            with transaction.atomic():
                # Only one answer changes the status, even two sent at the same moment: the link is single-use.
                answered = Introduction.objects.filter(pk=introduction.pk, status=Introduction.Status.PENDING)
                if not answered.update(status=status, answered_at=timezone.now()):
                    return render(request, "alumni/introductions/invalid_link.html", status=404)
                if accepted:
                    _send_contacts(introduction)
        except OSError:
            # The answer is rolled back, so that the link still works when the alumnus tries again.
            logger.exception("The contacts of introduction %s could not be e-mailed", introduction.pk)
            form.add_error(None, _("The e-mails could not be sent just now. Please try again in a few minutes."))
            return _answer_page(request, introduction, form, status=503)
        return render(request, "alumni/introductions/answered.html", {"accepted": accepted})
    return _answer_page(request, introduction, form, status=400 if form.is_bound else 200)


def _form_page(request, public_id, form, status):
    # Nothing here depends on the profile: the page is the same whether it exists, may be seen, or accepts contact.
    context = {"form": form, "action": reverse("alumni:introduce", args=[public_id])}
    return render(request, "alumni/introductions/form.html", context, status=status)


def _answer_page(request, introduction, form, status):
    context = {"introduction": introduction, "form": form}
    return render(request, "alumni/introductions/answer.html", context, status=status)


def _recipient(user, public_id):
    """The profile the request may go to, or None: unknown, hidden from `user`, not accepting, or unreachable."""
    profile = (
        visible_profiles(user).filter(public_id=public_id, accepts_introductions=True).select_related("user").first()
    )
    if profile is None or not contact_address(profile):
        return None
    return profile


def _pending(token):
    introduction = (
        Introduction.objects.filter(token_hash=hash_token(token), status=Introduction.Status.PENDING)
        .select_related("recipient__user")
        .first()
    )
    if introduction is None or introduction.created_at < timezone.now() - timedelta(days=ANSWER_DAYS):
        return None
    return introduction


def _deliver(request, form, recipient):
    token = secrets.token_urlsafe(32)
    introduction = form.save(commit=False)
    introduction.recipient = recipient
    introduction.token_hash = hash_token(token)
    introduction.save()
    answer_url = request.build_absolute_uri(reverse("alumni:introduction_answer", args=[token]))
    try:
        send_email(
            contact_address(recipient),
            "introduction_request",
            {"introduction": introduction, "recipient_name": recipient.display_name, "answer_url": answer_url},
        )
    except OSError:
        # The sender is told what every sender is told; the request, never delivered, is not kept.
        logger.exception("Introduction request %s could not be e-mailed", introduction.pk)
        introduction.delete()


def _send_contacts(introduction):
    recipient = introduction.recipient
    address = contact_address(recipient)
    context = {"introduction": introduction, "recipient_name": recipient.display_name}
    send_email(introduction.sender_email, "introduction_accepted_sender", context | {"recipient_email": address})
    send_email(address, "introduction_accepted_recipient", context)
