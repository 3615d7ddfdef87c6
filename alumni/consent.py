"""Consent under UU PDP No. 27/2022: the notice people agree to, and the record of what they chose and when.

A profile can only be shown after its owner consented to this notice; every change of their choices and every
withdrawal is added to `ConsentRecord`, which is never edited.
"""

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Audience, ConsentRecord, Visibility

CHOICE_FIELDS = (
    "visibility",
    "photo_audience",
    "email_audience",
    "phone_audience",
    "social_audience",
    "open_to_collaborate",
    "accepts_introductions",
)

NOTICE = [
    _(
        "The Sekolah Demokrasi alumni network (P3M with INFID) keeps the profile you see here so that alumni and "
        "partner organisations can find people to work with on preventing intolerance and violent extremism."
    ),
    _(
        "Your profile stays hidden until you choose otherwise. You decide who sees the profile (nobody, verified "
        "members of the network, or everyone) and, separately, who sees your photo, e-mail, phone number and "
        "social media links. Network staff can see your profile to manage the roster."
    ),
    _(
        "People who want to contact you send a request through the site; your e-mail address is only shared when "
        "you accept it."
    ),
    _(
        "Under the personal data protection law (UU PDP No. 27/2022) you can see, correct and download everything "
        "we hold about you, withdraw this consent (your profile is hidden at once) and delete your account, at any "
        "time, from your profile page."
    ),
]

# Who sees a field, from least to most exposed. A field is never shown more widely than the profile itself.
_RANK = {Audience.NOBODY: 0, Visibility.HIDDEN: 0, Audience.MEMBERS: 1, Audience.PUBLIC: 2}
REACH_PHRASES = [_("only you and network staff"), _("verified members of the network"), _("everyone")]
FIELD_LABELS = {
    "photo_audience": _("Your photo"),
    "email_audience": _("Your e-mail address"),
    "phone_audience": _("Your phone number"),
    "social_audience": _("Your social media links"),
}
PROFILE_LABEL = _("Your profile (name, region, sector, cohorts, organisations, topics, how you can help, bio)")


def notice_version():
    return settings.ALUMNI_CONSENT_NOTICE_VERSION


def choices_of(profile):
    return {name: getattr(profile, name) for name in CHOICE_FIELDS}


def visibility_summary(choices):
    """Plain-language lines "what will be visible to whom": (choice name, what, who) for a dict of choice values."""
    profile_rank = _RANK.get(choices.get("visibility"), 0)
    lines = [("visibility", PROFILE_LABEL, REACH_PHRASES[profile_rank])]
    for name, label in FIELD_LABELS.items():
        rank = min(profile_rank, _RANK.get(choices.get(name), 0))
        lines.append((name, label, REACH_PHRASES[rank]))
    return lines


def record(profile, action, choices=None):
    return ConsentRecord.objects.create(
        profile=profile,
        action=action,
        notice_version=notice_version(),
        choices=choices_of(profile) if choices is None else choices,
    )


def give(profile):
    """Mark consent on the (unsaved) profile; the caller saves it and adds the record in the same transaction."""
    profile.consent_given_at = timezone.now()
    profile.consent_version = notice_version()


def withdraw(profile):
    """Hide the profile at once and forget the consent; it must be given again before it can be shown."""
    with transaction.atomic():
        profile.visibility = Visibility.HIDDEN
        profile.open_to_collaborate = False
        profile.accepts_introductions = False
        profile.consent_given_at = None
        profile.save(
            update_fields=[
                "visibility",
                "open_to_collaborate",
                "accepts_introductions",
                "consent_given_at",
                "updated_at",
            ]
        )
        record(profile, ConsentRecord.Action.WITHDRAWN)
