from django.dispatch import receiver
from wagtail.signals import page_published

from . import announcements, registration
from .models import EventPage


@receiver(page_published)
def give_new_seats_to_waitlist(sender, instance, **kwargs):
    """However an event is published (editor, workflow, schedule), seats a raised capacity frees go to the waitlist."""
    if isinstance(instance, EventPage):
        registration.fill_free_seats(instance)


@receiver(page_published)
def tell_registrants_what_changed(sender, instance, **kwargs):
    """However an event is published, its registrants hear of a cancellation, a postponement or a new date once."""
    if isinstance(instance, EventPage):
        announcements.announce(instance)
