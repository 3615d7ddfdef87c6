"""Queue again the tasks whose worker died while running them."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext, ngettext

from core import schedule


class Command(BaseCommand):
    @property
    def help(self):
        return gettext(
            "Queue again every background task that has been running for longer than TASK_STUCK_MINUTES: its "
            "worker died. The schedule runs this every few minutes."
        )

    def handle(self, *args, **options):
        count = schedule.recover_stuck_tasks() if schedule.uses_database_tasks() else 0
        self.stdout.write(
            ngettext("%(count)d stuck task queued again.", "%(count)d stuck tasks queued again.", count)
            % {"count": count}
        )
