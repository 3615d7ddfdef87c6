from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlumniConfig(AppConfig):
    name = "alumni"
    verbose_name = _("Alumni")

    def ready(self):
        from members import personal_data
        from members.signals import email_changed

        from .personal_data import erase_profile, export_profile, follow_email_change

        personal_data.register("profile", export=export_profile, erase=erase_profile)
        email_changed.connect(follow_email_change, dispatch_uid="alumni.follow_email_change")
