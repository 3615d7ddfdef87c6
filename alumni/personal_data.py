"""What the alumni section holds about an account, for "download my data" and "delete my account" (registered with
`members.personal_data` in AlumniConfig.ready), and the erasure of a person when staff delete their profile.
Consent withdrawal lives in `alumni.consent`.

Erasure is durable: it leaves keyed hashes of the person's addresses and roster id (`alumni.erasure`), and tells the
apps above through the Wagtail hook "alumni_person_erased" (`fn(emails)`: the events app anonymises registrations).
"""

import base64

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from taggit.models import Tag
from wagtail import hooks
from wagtail.models import ModelLogEntry

from core import mail
from members.personal_data import iso as _time

from . import consent, erasure
from .models import AuditLog, Introduction, Profile
from .photos import delete_file
from .policy import own_profile


def export_profile(user):
    """The profile of `user` with its consent history, introductions and invitations; None without a profile."""
    profile = own_profile(user)
    if profile is None:
        return None
    return {
        "public_id": profile.public_id,
        "external_id": profile.external_id,
        "full_name": profile.full_name,
        "display_name": profile.display_name,
        "regency": str(profile.regency or ""),
        "province": str(profile.province or ""),
        "sector": profile.sector,
        "languages": profile.languages,
        "bio": profile.bio,
        "email": profile.email,
        "phone": profile.phone,
        "social_links": profile.social_links.splitlines(),
        "photo": _photo(profile),
        **consent.choices_of(profile),
        "consent_given_at": _time(profile.consent_given_at),
        "consent_version": profile.consent_version,
        "created_at": _time(profile.created_at),
        "updated_at": _time(profile.updated_at),
        "cohorts": [{"name": c.name, "programme": c.programme, "year": c.year} for c in profile.cohorts.all()],
        "organisations": [
            {"name": m.organisation.name, "role": m.role} for m in profile.memberships.select_related("organisation")
        ],
        "topics": [tag.name for tag in profile.topics.all()],
        "help_offered": profile.help_type_values(),
        "consent_history": [
            {
                "action": record.action,
                "notice_version": record.notice_version,
                "choices": record.choices,
                "time": _time(record.created_at),
            }
            for record in profile.consent_records.all()
        ],
        "introductions_received": [
            {
                "sender_name": intro.sender_name,
                # The sender's address is shared with the alumnus only once they accept.
                "sender_email": intro.sender_email if intro.status == intro.Status.ACCEPTED else "",
                "sender_organisation": intro.sender_organisation,
                "purpose": intro.purpose,
                "message": intro.message,
                "status": intro.status,
                "sent_at": _time(intro.created_at),
                "answered_at": _time(intro.answered_at),
            }
            for intro in profile.introductions.exclude(status=Introduction.Status.NOT_PASSED_ON)
        ],
        "claim_invitations": [
            {
                "sent_to": invitation.sent_to,
                "sent_at": _time(invitation.created_at),
                "expires_at": _time(invitation.expires_at),
                "used_at": _time(invitation.used_at),
            }
            for invitation in profile.invitations.all()
        ],
    }


def _photo(profile):
    if not profile.photo:
        return None
    try:
        with profile.photo.open("rb") as file:
            return {"content_type": "image/jpeg", "base64": base64.b64encode(file.read()).decode()}
    except FileNotFoundError:
        return None


def erase_profile(user):
    """Erase the account holder as a person (`erase_person`), with or without a profile."""
    return erase_person(own_profile(user), emails=[user.email])


def erase_people(profiles):
    """Staff delete profiles: each person is erased as on their own request, their account's address included (the
    account itself stays, for its owner to delete). Photo files go once the transaction is committed."""
    with transaction.atomic():
        cleanups = [
            erase_person(profile, emails=[profile.user.email] if profile.user_id else []) for profile in profiles
        ]
        transaction.on_commit(lambda: [cleanup() for cleanup in cleanups if cleanup is not None])
    return len(cleanups)


def erase_person(profile, emails=()):
    """Remove the profile (with its memberships, topics, help offers, consent records, invitations and
    introductions received, and its search index entries), the introductions the person asked for, and tell the
    apps above (their event registrations); remember the person as erased. Runs in the caller's transaction; the
    photo file goes through the returned function, to call once the deletion is committed."""
    addresses = {address for address in [*emails, profile.email if profile else ""] if address}
    erasure.remember(emails=addresses, external_ids=[profile.external_id] if profile else [])
    if addresses:
        sent = Q()
        for address in addresses:
            sent |= Q(sender_email__iexact=address)
        Introduction.objects.filter(sent).delete()
    for erase in hooks.get_hooks("alumni_person_erased"):
        erase(sorted(addresses))
    mail.emails_to(addresses).delete()  # invitations, introductions, event mails: queued or logged, with the address
    if profile is None:
        return None
    photo_name = profile.photo.name if profile.photo else ""
    topic_ids = list(profile.topics.values_list("pk", flat=True))
    # The audit trail keeps that something happened, not whom it was about.
    AuditLog.objects.filter(profile=profile).update(detail=gettext("(deleted account)"), profile=None)
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Profile), object_id=str(profile.pk)
    ).update(label=gettext("(deleted account)"))
    profile.delete()  # the search backends drop the profile in the post_delete signal
    # Topics only this person used would still name what they work on.
    relations = [field.name for field in Tag._meta.get_fields() if field.name.endswith("_items")]
    Tag.objects.filter(pk__in=topic_ids, **{f"{name}__isnull": True for name in relations}).delete()
    return lambda: delete_file(photo_name)


def follow_email_change(sender, user, old_email, **kwargs):
    """A claimed profile's address is its owner's account address."""
    Profile.objects.filter(user=user).update(email=user.email, updated_at=timezone.now())
