"""The rights UU PDP No. 27/2022 gives members, as self-service: a copy of their data and deleting their account.

Consent withdrawal lives in `alumni.consent`. Everything here works from the logged-in user only: there is no
way to name another person.
"""

import base64

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from taggit.models import Tag
from wagtail.models import ModelLogEntry

from events.models import Registration

from . import consent
from .models import AuditLog, Profile
from .photos import delete_file
from .policy import is_member


def _time(value):
    return value.isoformat() if value else None


def own_profile(user):
    if not user.is_authenticated:
        return None
    return Profile.objects.filter(user=user).select_related("regency", "province").first()


def export_data(user):
    """Everything held about `user` as a JSON-ready dict, and nothing about anyone else. No password hash."""
    data = {
        "generated_at": _time(timezone.now()),
        "account": {
            "username": user.get_username(),
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": _time(user.date_joined),
            "last_login": _time(user.last_login),
            "verified_member": is_member(user),
            "groups": list(user.groups.values_list("name", flat=True)),
        },
        "profile": None,
    }
    profile = own_profile(user)
    emails = {email.lower() for email in (user.email, profile.email if profile else "") if email}
    data["event_registrations"] = _registrations(emails)
    if profile is None:
        return data
    data["profile"] = {
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
            for intro in profile.introductions.all()
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
    return data


def _photo(profile):
    if not profile.photo:
        return None
    try:
        with profile.photo.open("rb") as file:
            return {"content_type": "image/jpeg", "base64": base64.b64encode(file.read()).decode()}
    except FileNotFoundError:
        return None


def _registrations(emails):
    return [
        {
            "event": str(registration.event),
            "name": registration.name,
            "email": registration.email,
            "phone": registration.phone,
            "organisation": registration.organisation,
            "regency": str(registration.regency or ""),
            "accessibility_needs": registration.accessibility_needs,
            "status": registration.status,
            "registered_at": _time(registration.created_at),
            "attended": registration.attended,
        }
        for registration in Registration.objects.filter(email__in=emails).select_related("event", "regency")
    ]


def delete_account(user):
    """Remove the profile (with its memberships, topics, help offers, consent records, invitations and
    introductions, and its search index entries), its photo file, and the user, who can no longer log in."""
    profile = own_profile(user)
    photo_name = profile.photo.name if profile is not None and profile.photo else ""
    with transaction.atomic():
        if profile is not None:
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
        get_user_model().objects.filter(pk=user.pk).delete()
    delete_file(photo_name)
