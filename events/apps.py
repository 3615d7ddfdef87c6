from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from core import content_version
        from members import personal_data

        from . import signals  # noqa: F401
        from .personal_data import erase_registrations, export_registrations
        from .selectors import next_change

        content_version.NEXT_CHANGE.append(next_change)
        personal_data.register("event_registrations", export=export_registrations, erase=erase_registrations)
