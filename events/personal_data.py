"""What the events section holds about an account: registrations made from it or with its addresses (registered with
`members.personal_data` in EventsConfig.ready, and called through the "alumni_person_erased" hook when staff
delete a profile).

On erasure a confirmed registration is anonymised rather than deleted, so the event's seats and attendance stay
as they were; every other registration (waiting for confirmation, on the waiting list, cancelled) holds no seat
and is deleted. Nothing that names the person stays, and their confirmation and cancellation links stop working."""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext

from alumni.models import Profile
from members.personal_data import iso

from .models import Registration


def addresses_of(user):
    """The account's address and its alumni profile's, lower-cased."""
    profile_emails = Profile.objects.filter(user=user).values_list("email", flat=True)
    return {email.lower() for email in (user.email, *profile_emails) if email}


def _of(addresses):
    matches = Q(pk__in=[])
    for address in addresses:
        matches |= Q(email__iexact=address)
    return Registration.objects.filter(matches)


def erase_registrations_of(addresses):
    """Anonymise the confirmed registrations made with `addresses`, delete the others."""
    registrations = _of([address for address in addresses if address])
    registrations.exclude(status=Registration.Status.CONFIRMED).delete()
    for registration in registrations.filter(status=Registration.Status.CONFIRMED):
        registration.name = gettext("(deleted account)")
        registration.email = f"erased-{registration.pk}@erased.invalid"
        registration.phone = registration.organisation = registration.accessibility_needs = ""
        registration.regency = None
        registration.tokens.all().delete()  # the e-mailed links stop working
        # No reminder goes to an address that is not one.
        registration.reminder_sent_at = registration.reminder_sent_at or timezone.now()
        registration.save()


def erase_registrations(user):
    # Those made from the account go too, whatever address they carry (the account's earlier one, say).
    erase_registrations_of(
        addresses_of(user) | set(Registration.objects.filter(user=user).values_list("email", flat=True))
    )


def export_registrations(user):
    registrations = Registration.objects.filter(Q(email__in=addresses_of(user)) | Q(user=user)).select_related(
        "event", "regency"
    )
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
            "registered_at": iso(registration.created_at),
            "attended": registration.attended,
            "linked_to_account": registration.user_id == user.pk,
        }
        for registration in registrations
    ]
