from django.dispatch import receiver
from wagtail.signals import page_published

from . import registration
from .models import EventPage


@receiver(page_published)
def give_new_seats_to_waitlist(sender, instance, **kwargs):
    """However an event is published (editor, workflow, schedule), seats a raised capacity frees go to the waitlist."""
    if isinstance(instance, EventPage):
        registration.fill_free_seats(instance)
