"""Claim links: a one-time, expiring link by e-mail lets an alumnus take over the profile staff imported.

Only a SHA-256 hash of each token is stored, so a database leak gives no working link (the e-mail carrying it waits
encrypted in the mail queue, and is deleted once delivered). A new invitation voids the older unused ones, and a
link works once.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core import mail
from core.links import absolute_url
from core.tokens import hash_token, new_token

from . import consent
from .models import ClaimInvitation, ConsentRecord


def with_unused_link(profiles):
    """The `profiles` sent a claim link that is neither used nor expired yet."""
    waiting = ClaimInvitation.objects.filter(profile=OuterRef("pk"), used_at=None, expires_at__gt=timezone.now())
    return profiles.filter(Exists(waiting))


class InvitationError(ValueError):
    """The profile cannot be invited (already claimed, or no e-mail address)."""


def check_invitable(profile):
    """Raise InvitationError, in the caller's language, when `profile` cannot be sent a claim link."""
    if profile.is_claimed:
        raise InvitationError(_("%(name)s has already claimed this profile.") % {"name": profile.display_name})
    if not profile.email:
        raise InvitationError(_("%(name)s has no e-mail address to send the link to.") % {"name": profile.display_name})


def create_invitation(profile, sent_by=None):
    """Make a new claim link for `profile` and void its older unused links. Returns (invitation, absolute url)."""
    check_invitable(profile)
    token = new_token()
    now = timezone.now()
    with transaction.atomic():
        profile.invitations.filter(used_at__isnull=True, expires_at__gt=now).update(expires_at=now)
        invitation = ClaimInvitation.objects.create(
            profile=profile,
            token_hash=hash_token(token),
            sent_to=profile.email,
            sent_by=sent_by if sent_by is not None and sent_by.is_authenticated else None,
            created_at=now,
            expires_at=now + timedelta(days=settings.ALUMNI_CLAIM_LINK_DAYS),
        )
    return invitation, absolute_url(reverse("alumni:claim", args=[token]))


def send_invitation(profile, sent_by=None, language=None):
    """E-mail a new claim link to the profile's address.

    The alumnus's language is not known yet, so the link and the e-mail are in the site's default language
    (Bahasa Indonesia) unless `language` says otherwise; a refusal is explained in the staff member's language.
    """
    check_invitable(profile)
    language = language or settings.LANGUAGE_CODE
    with transaction.atomic(), translation.override(language):
        invitation, url = create_invitation(profile, sent_by=sent_by)
        context = {"name": profile.display_name, "url": url, "expires_at": invitation.expires_at}
        mail.send(invitation.sent_to, "alumni/email/claim_invitation", context, language=language)
    return invitation


def find_invitation(token):
    """The invitation for a token from a link, usable or not; None for an unknown token."""
    if not token or len(token) > 100:
        return None
    return ClaimInvitation.objects.select_related("profile").filter(token_hash=hash_token(token)).first()


def existing_account(invitation):
    """The account already registered under the invitation's address, if any."""
    return get_user_model().objects.filter(email__iexact=invitation.sent_to).first()


def claim(invitation, password, choices, account=None):
    """Create the account (or use `account`, the person's existing one), link the profile, record consent with the
    chosen visibility. All or nothing.

    Returns the account, or None when the link was used or voided in the meantime.
    """
    with transaction.atomic():
        invitation = ClaimInvitation.objects.select_for_update().select_related("profile").get(pk=invitation.pk)
        profile = invitation.profile
        if not invitation.is_usable or profile.is_claimed:
            return None
        user = account or get_user_model().objects.create_user(
            email=invitation.sent_to,
            password=password,
            first_name=profile.display_name[:150],
            language=translation.get_language() or settings.LANGUAGE_CODE,
        )
        user.make_member()  # the link came from staff, to the address on their roster
        for name, value in choices.items():
            setattr(profile, name, value)
        profile.user = user
        profile.email = invitation.sent_to
        consent.give(profile)
        profile.save()
        consent.record(profile, ConsentRecord.Action.GIVEN)
        now = timezone.now()
        invitation.used_at = now
        invitation.save(update_fields=["used_at"])
        profile.invitations.filter(used_at__isnull=True).exclude(pk=invitation.pk).update(expires_at=now)
    return user
