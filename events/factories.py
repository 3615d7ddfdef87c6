import datetime

import factory
import wagtail_factories
from django.utils import timezone

from events.models import EventIndexPage, EventPage, Registration


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Kegiatan"
    slug = "kegiatan"

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    """An event a week from now, 09:00–16:00 WIB, in person, 30 seats, registration open."""

    title = factory.Sequence(lambda n: f"Lokakarya jejaring {n}")
    summary = "Lokakarya penyegaran untuk Tim Tangguh."
    start = factory.LazyFunction(
        lambda: (timezone.localtime() + datetime.timedelta(days=7)).replace(hour=9, minute=0, second=0, microsecond=0)
    )
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=7))
    venue_name = "Hotel Amaris Serpong"
    capacity = 30

    class Meta:
        model = EventPage


class RegistrationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Peserta {n}")
    email = factory.Sequence(lambda n: f"peserta{n}@example.org")
    consent = True

    class Meta:
        model = Registration
