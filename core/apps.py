from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The kernel every other app stands on; it imports none of them."""

    name = "core"
    verbose_name = _("Core")

    def ready(self):
        from . import cdn, checks, content_version, middleware, signals  # noqa: F401

        content_version.watch_open_connections()
        content_version.CHANGE_LISTENERS.append(cdn.content_changed)
