from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    """Accounts: e-mail login, password reset, e-mail change, and the data rights (download, delete)."""

    name = "members"
    verbose_name = _("Accounts")
