from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    """Accounts: e-mail login, password reset, e-mail change, and the data rights (download, delete)."""

    name = "members"
    verbose_name = _("Accounts")

    def ready(self):
        from core import mail

        from . import personal_data

        # E-mails the site queued or sent to the account: who, what about, when (never the messages).
        personal_data.register("emails", export=mail.export_for, erase=mail.erase_for)
