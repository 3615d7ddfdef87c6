"""Introductions: contact without exposure.

Anyone may ask to be put in touch with an alumnus who accepts introductions. The alumnus receives the request by
e-mail with a one-time link (and, once logged in, finds it in their inbox on the site), and decides, in either place
through `answer`: on accept both sides receive each other's e-mail address, on decline nobody is told anything.
The sender never learns whether a profile exists, is hidden, or declined:

- the form and every answer to it are the same for a real, a hidden, a not-accepting and an unknown recipient
  (e-mails are queued, never sent during the request, and the sender gets no confirmation, which would tell them);
- the sender's limits count every request, whoever it is for: in all, and to one recipient (a sender cannot use up
  someone's inbox, nor their daily limit); the recipient's limit, reached only by distinct senders, silently stops
  delivery;
- the form names the recipient only to a viewer who may see their profile anyway;
- a filled honeypot looks like success and does nothing;
- a logged-in sender's own list of requests shows one that was not passed on (to someone they may see) as waiting,
  like one that was.

Each person is written to in their own language: the alumnus in their account's language (the sender's when the
profile has no account yet), the sender in the language they used.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from core import mail
from core.links import absolute_url
from core.ratelimit import RateLimit, client_ip
from core.tokens import hash_token, new_token

from .models import Introduction, Profile
from .policy import own_profile, viewable_profiles, visible_profiles

# An answer link works this long; after that the request lapses without anyone being told.
ANSWER_DAYS = 30
# How many requests one sender (address or e-mail) may send to one recipient a day.
PER_SENDER_PER_RECIPIENT = 1


class TooManyRequests(Exception):
    """The sender went over their daily limit."""


class TooManyToRecipient(TooManyRequests):
    """The sender already asked to be introduced to this recipient today."""


def contact_address(profile):
    """Where the alumnus receives introductions: the profile's address, else the account's."""
    return profile.email or (profile.user.email if profile.user_id else "")


def recipient_language(profile, fallback):
    return profile.user.language if profile.user_id else fallback


def recipient(user, public_id):
    """The profile the request may go to, or None: unknown, hidden from `user`, not accepting, or unreachable."""
    profile = (
        visible_profiles(user).filter(public_id=public_id, accepts_introductions=True).select_related("user").first()
    )
    if profile is None or not contact_address(profile):
        return None
    return profile


def shown_name(user, public_id):
    """The recipient's name as `user` may see it (their own profile included), or "" for anyone they may not see."""
    shown = viewable_profiles(user, Profile.objects.filter(public_id=public_id))
    return shown.values_list("display_name", flat=True).first() or ""


def is_own(user, public_id):
    profile = own_profile(user)
    return profile is not None and profile.public_id == public_id


def sender_details(user):
    """What the request form starts with for someone logged in: their name, e-mail address and organisation."""
    if user is None or not user.is_authenticated:
        return {}
    profile = own_profile(user)
    membership = profile.memberships.select_related("organisation").first() if profile else None
    return {
        "sender_name": profile.display_name if profile else user.get_full_name(),
        "sender_email": user.email,
        "sender_organisation": membership.organisation.name if membership else "",
    }


def request_introduction(request, form, public_id):
    """Count the request against the limits, then (for a recipient who may receive it) keep and e-mail it.

    Raises TooManyRequests when the sender is over a limit. Says nothing about the recipient either way.
    """
    limit = settings.INTRODUCTIONS_PER_SENDER_PER_DAY
    ip, email = client_ip(request), form.cleaned_data["sender_email"]
    # All are counted on every request, keyed by the id asked for, whoever it is, so the limits say nothing about
    # the recipient.
    ip_allowed = RateLimit("introductions:ip", limit).hit(ip)
    email_allowed = RateLimit("introductions:email", limit).hit(email)
    pair = RateLimit("introductions:pair", PER_SENDER_PER_RECIPIENT)
    pair_allowed = all([pair.hit(f"{ip} {public_id}"), pair.hit(f"{email} {public_id}")])
    if not (ip_allowed and email_allowed):
        raise TooManyRequests
    if not pair_allowed:
        raise TooManyToRecipient
    profile = recipient(request.user, public_id)
    if profile is None or contact_address(profile).casefold() == email.casefold():
        # Nobody to write to, or someone writing to themself under their own address.
        _keep_for_sender(request.user, form, public_id)
        return
    # Only distinct senders get this far more than once a day, so no one sender can use up the recipient's limit.
    per_recipient = RateLimit("introductions:recipient", settings.INTRODUCTIONS_PER_RECIPIENT_PER_DAY)
    if per_recipient.hit(profile.pk):
        _deliver(form, profile)
    else:
        _keep_for_sender(request.user, form, public_id)


def _keep_for_sender(user, form, public_id):
    """A request that is not passed on still shows in the logged-in sender's own list (`sent_by`), as one that waits,
    so the list does not tell them it was not delivered. Kept only for someone they may see: for anyone else there is
    no row either way, as for an unknown id."""
    if user is None or not user.is_authenticated:
        return
    if form.cleaned_data["sender_email"].casefold() != user.email.casefold():
        return  # their list is of requests under their own address
    profile = visible_profiles(user).filter(public_id=public_id).first()
    if profile is None:
        return
    introduction = form.save(commit=False)
    introduction.recipient = profile
    introduction.status = Introduction.Status.NOT_PASSED_ON
    introduction.token_hash = hash_token(new_token())  # never sent: nobody can answer it
    introduction.language = translation.get_language() or settings.LANGUAGE_CODE
    introduction.save()


def _deliver(form, profile):
    token = new_token()
    sender_language = translation.get_language() or settings.LANGUAGE_CODE
    language = recipient_language(profile, sender_language)
    with transaction.atomic():
        introduction = form.save(commit=False)
        introduction.recipient = profile
        introduction.token_hash = hash_token(token)
        introduction.language = sender_language
        introduction.save()
        with translation.override(language):
            answer_url = absolute_url(reverse("alumni:introduction_answer", args=[token]))
        context = {"introduction": introduction, "recipient_name": profile.display_name, "answer_url": answer_url}
        mail.send(contact_address(profile), "alumni/email/introduction_request", context, language=language)


def lapse_time():
    """Requests sent before this moment can no longer be answered."""
    return timezone.now() - timedelta(days=ANSWER_DAYS)


def waiting():
    """Introductions that wait for an answer and have not lapsed."""
    return Introduction.objects.filter(status=Introduction.Status.PENDING, created_at__gte=lapse_time())


def pending(token):
    """The introduction a link answers, while it waits for an answer and has not lapsed; else None."""
    return waiting().filter(token_hash=hash_token(token)).select_related("recipient__user").first()


def pending_for(user, pk):
    """The introduction `pk` to `user`'s own profile, while it waits for an answer and has not lapsed; else None
    (someone else's request included: a member can only answer their own)."""
    profile = own_profile(user)
    if profile is None:
        return None
    return waiting().filter(pk=pk, recipient=profile).select_related("recipient__user").first()


def waiting_count(user):
    """How many introductions to `user`'s own profile wait for their answer (0 for anyone without a profile)."""
    if user is None or not user.is_authenticated:
        return 0
    return waiting().filter(recipient__user=user).count()


def received(profile):
    """Every introduction to `profile`, newest first, each with `answerable` set."""
    cutoff = lapse_time()
    introductions = list(profile.introductions.exclude(status=Introduction.Status.NOT_PASSED_ON))
    for introduction in introductions:
        introduction.answerable = (
            introduction.status == Introduction.Status.PENDING and introduction.created_at >= cutoff
        )
    return introductions


def sent_by(user):
    """The introductions `user` asked for under their account's address, newest first, each with the recipient's
    name as `user` may see it now (empty for someone they may no longer see). A declined request reads as one still
    waiting, as in the e-mails: nobody learns they were declined."""
    if user is None or not user.is_authenticated:
        return []
    introductions = list(Introduction.objects.filter(sender_email__iexact=user.email))
    recipients = {intro.recipient_id for intro in introductions}
    names = dict(viewable_profiles(user, Profile.objects.filter(pk__in=recipients)).values_list("pk", "display_name"))
    for introduction in introductions:
        introduction.recipient_name = names.get(introduction.recipient_id, "")
        introduction.accepted = introduction.status == Introduction.Status.ACCEPTED
    return introductions


def answer(introduction, accepted):
    """Record the alumnus' answer once (two answers at the same moment change it once); on accept, each side is
    e-mailed the other's address. Returns False when the introduction was answered already."""
    status = Introduction.Status.ACCEPTED if accepted else Introduction.Status.DECLINED
    with transaction.atomic():
        answered = Introduction.objects.filter(pk=introduction.pk, status=Introduction.Status.PENDING)
        if not answered.update(status=status, answered_at=timezone.now()):
            return False
        if accepted:
            _send_contacts(introduction)
    return True


def _send_contacts(introduction):
    profile = introduction.recipient
    address = contact_address(profile)
    context = {"introduction": introduction, "recipient_name": profile.display_name}
    mail.send(
        introduction.sender_email,
        "alumni/email/introduction_accepted_sender",
        context | {"recipient_email": address},
        language=introduction.language,
    )
    mail.send(
        address,
        "alumni/email/introduction_accepted_recipient",
        context,
        language=recipient_language(profile, introduction.language),
    )
