"""What the events section holds about an account: registrations made with its addresses (registered with
`members.personal_data` in EventsConfig.ready). Registrations are kept when an account is deleted: they have their
own cancellation link and the organisers need them to run the event."""

from alumni.models import Profile
from members.personal_data import iso

from .models import Registration


def addresses_of(user):
    """The account's address and its alumni profile's, lower-cased."""
    profile_emails = Profile.objects.filter(user=user).values_list("email", flat=True)
    return {email.lower() for email in (user.email, *profile_emails) if email}


def export_registrations(user):
    registrations = Registration.objects.filter(email__in=addresses_of(user)).select_related("event", "regency")
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
        }
        for registration in registrations
    ]
